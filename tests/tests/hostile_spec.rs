//! A `Spec` built by hand, through any way open to user code, renders as valid JSON however
//! hostile its texts: whether a text needs escaping is decided by `Spec` itself, never taken
//! from the caller (issue 13, item 6). The spec literal itself is refused at compile time
//! (`ui-tests/tests/ui/spec-literal-outside-derive.rs`).

use std::fmt;

use apierr::format::{
    AnyFormat, FieldLists, FieldStrings, FlatDetails, Nested, ProblemDetails, StatusEnvelope,
};
use apierr::{ApiError, Envelope, Spec};
use serde_json::Value;

const CODE: &str = "BAD\"CODE\\\n";
const MESSAGE: &str = "say \"hi\"\u{1}\\";
const TITLE: &str = "ti\"tle\t";
const CATEGORY: &str = "cat\"\\egory";
const PROBLEM_TYPE: &str = "urn:\"type\"\u{7f}\u{0}";

/// Every flag set: the caller claims every text needs no escaping, and everything else.
const ALL_FLAGS: u16 = u16::MAX;

/// Through the public builders.
static BUILT: Spec = Spec::new(CODE, 400, "Hostile")
    .with_category(CATEGORY)
    .with_static_message(MESSAGE)
    .with_title(TITLE)
    .with_problem_type(PROBLEM_TYPE);

/// The raw parts the derive writes, with every flag claimed.
const RAW: apierr::__private::RawSpec = (
    CODE,
    400,
    "Hostile",
    "Variant",
    [CATEGORY, "", "", MESSAGE, TITLE, PROBLEM_TYPE, "", ""],
    &[],
    &[],
    ALL_FLAGS,
);

/// Through the derive's hidden door for one spec, lying about every flag.
static RAW_ONE: Spec = apierr::__private::checked_spec(RAW);

/// Through the derive's hidden door for an array of specs, lying about every flag.
static RAW_MANY: [Spec; 2] = apierr::__private::checked_specs([RAW, RAW]);

/// A hand-written error that answers with one of the specs above.
struct Hostile(&'static Spec);

impl fmt::Debug for Hostile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Hostile")
    }
}

impl ApiError for Hostile {
    fn spec(&self) -> &'static Spec {
        self.0
    }

    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.static_message().unwrap_or(MESSAGE))
    }

    fn catalog(_: &mut dyn FnMut(&'static Spec)) {}
}

fn formats() -> Vec<(&'static str, Box<dyn AnyFormat>)> {
    vec![
        ("Nested", Box::new(Nested)),
        ("FieldLists", Box::new(FieldLists)),
        ("FieldStrings", Box::new(FieldStrings)),
        ("FlatDetails", Box::new(FlatDetails)),
        ("StatusEnvelope", Box::new(StatusEnvelope)),
        ("ProblemDetails", Box::new(ProblemDetails::new())),
    ]
}

/// Every string anywhere in `value`, keys included.
fn strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(text) => out.push(text.clone()),
        Value::Array(items) => items.iter().for_each(|item| strings(item, out)),
        Value::Object(map) => {
            for (key, item) in map {
                out.push(key.clone());
                strings(item, out);
            }
        }
        _ => {}
    }
}

#[test]
fn hostile_specs_render_as_valid_json_in_every_format() {
    for (way, spec) in [
        ("builders", &BUILT),
        ("checked_spec", &RAW_ONE),
        ("checked_specs", &RAW_MANY[1]),
    ] {
        let error = Hostile(spec);
        for (name, format) in formats() {
            let body = Envelope::new(&error)
                .with_format(format.as_ref())
                .to_vec()
                .unwrap();
            let parsed: Value = serde_json::from_slice(&body).unwrap_or_else(|e| {
                panic!(
                    "{way}, {name}: invalid JSON ({e}): {}",
                    String::from_utf8_lossy(&body)
                )
            });
            let mut found = Vec::new();
            strings(&parsed, &mut found);
            // `StatusEnvelope` is the one format without the code.
            assert!(
                name == "StatusEnvelope" || found.iter().any(|text| text == CODE),
                "{way}, {name}: the code is lost: {parsed}"
            );
            // A redacted code's message is left out by some formats.
            assert!(
                spec.is_redacted() || found.iter().any(|text| text == MESSAGE),
                "{way}, {name}: the message is lost: {parsed}"
            );
        }
        let problem = Envelope::new(&error)
            .with_format(&ProblemDetails::new())
            .to_value()
            .unwrap();
        assert_eq!(problem["title"], TITLE, "{way}");
        assert_eq!(problem["type"], PROBLEM_TYPE, "{way}");
        let envelope = Envelope::new(&error)
            .with_format(&StatusEnvelope)
            .to_value()
            .unwrap();
        assert_eq!(envelope["error"], CATEGORY, "{way}");
    }
}

#[test]
fn the_hidden_door_keeps_what_it_is_given_but_the_plain_flags() {
    for spec in [&RAW_ONE, &RAW_MANY[0]] {
        assert_eq!(spec.code(), CODE);
        assert_eq!(spec.status().as_u16(), 400);
        assert_eq!(spec.type_name(), "Hostile");
        assert_eq!(spec.variant(), Some("Variant"));
        assert_eq!(spec.category(), Some(CATEGORY));
        assert_eq!(spec.static_message(), Some(MESSAGE));
        assert_eq!(spec.title(), Some(TITLE));
        assert_eq!(spec.problem_type(), Some(PROBLEM_TYPE));
        assert!(spec.is_exposed() && spec.is_redacted() && spec.has_retry_after());
        // Claimed by every flag, but decided by scanning the code, as the plain flags are.
        assert!(!spec.is_code_numeric());
    }
    // A status that is not one is answered with 500, as `Spec::new` does.
    let odd = apierr::__private::checked_spec(("X", 1000, "T", "", [""; 8], &[], &[], 0));
    assert_eq!(odd.status().as_u16(), 500);
}
