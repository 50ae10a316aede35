//! The compiled steps write exactly what the slot-by-slot writer and the serde path do, for
//! every built-in format and for layouts whose compiling falls back or that use every value.

use std::fmt;

use super::Cx;
use super::bytes::{write_body, write_object};
use crate::format::Layout;
use crate::format::json::Writer;
use crate::format::slot::Slot;
use crate::format::{
    AnyFormat, FieldLists, FieldStrings, FlatDetails, Nested, ProblemDetails, StatusEnvelope,
};
use crate::{
    ApiError, Context, CorrelationId, FieldErrors, FieldPath, Member, Problem, Spec, SubError,
    SubErrors, Timestamp, Violation,
};

static SPEC: Spec = Spec::new("20003", 422, "Sample")
    .with_title("Bad \"input\"")
    .with_category("Validation")
    .with_data(&[("domain", "example.com")]);

/// An error with everything a body can show: field errors, sub-errors, members, a message to
/// escape.
struct Sample(FieldErrors, SubErrors);

impl ApiError for Sample {
    fn spec(&self) -> &'static Spec {
        &SPEC
    }

    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("line\nbreak \"quoted\"")
    }

    fn field_errors(&self) -> Option<&FieldErrors> {
        Some(&self.0).filter(|fields| !fields.is_empty())
    }

    fn sub_errors(&self) -> Option<&SubErrors> {
        Some(&self.1)
    }

    fn member(&self, name: &str) -> Option<Member<'_>> {
        match name {
            "limit" => Some(Member::new("limit", &3)),
            "code" => Some(Member::new("code", &"taken")),
            _ => None,
        }
    }

    fn visit_members(&self, visit: &mut dyn FnMut(Member<'_>)) {
        visit(Member::new("limit", &3));
        visit(Member::new("code", &"taken"));
    }

    fn catalog(visit: &mut dyn FnMut(&'static Spec)) {
        visit(&SPEC);
    }
}

/// Layouts whose compiling falls back, member by member or whole.
struct Custom(&'static Layout<'static>);

impl crate::format::Format for Custom {
    fn layout(&self) -> &Layout<'_> {
        self.0
    }
}

use crate::format::{Literal, Value};

/// An object whose first member may be absent, after fixed JSON.
const OPTIONAL_FIRST: Layout<'static> = Layout::new(&[
    Slot::new("ok", Value::FALSE),
    Slot::new(
        "meta",
        Value::Object(&[
            Slot::extensions(),
            Slot::new("requestId", Value::CorrelationId),
        ]),
    ),
]);
/// The same in the middle of a body.
const OPTIONAL_FIRST_INSIDE: Layout<'static> = Layout::new(&[
    Slot::new("success", Value::FALSE),
    Slot::new(
        "error",
        Value::Object(&[
            Slot::new("cid", Value::CorrelationId),
            Slot::new("code", Value::Code),
        ]),
    ),
    Slot::new("message", Value::Message),
]);
/// Names and literals that need escaping, a long name, lists of errors with objects.
const ESCAPES: Layout<'static> = Layout::new(&[
    Slot::new("v", Value::Literal(Literal::Str("a\"b"))),
    Slot::new("quo\"ted", Value::Code),
    Slot::new("a_member_name_longer_than_one_copy_window", Value::Status),
    Slot::new(
        "errors",
        Value::ErrorItems(&[
            Slot::new("code", Value::Code),
            Slot::new("detail", Value::FieldMessage),
            Slot::new(
                "source",
                Value::ObjectUnlessEmpty(&[Slot::new(
                    "pointer",
                    Value::FieldPointer { prefix: "/data" },
                )]),
            ),
            Slot::extensions(),
        ]),
    ),
    Slot::new("meta", Value::ObjectUnlessEmpty(&[Slot::extensions()])),
]);

/// Every value of issue 15's: numeric and kebab codes, joins, members by name, arrays,
/// settings, data, entries' parts, sub-errors in both kinds of list.
const EVERY_VALUE: Layout<'static> = Layout::new(&[
    Slot::new("code", Value::NumericCode),
    Slot::new("kebab", Value::KebabCode),
    Slot::new(
        "link",
        Value::Join(&[
            Value::Literal(Literal::Str("https://x/\"")),
            Value::Code,
            Value::StatusString,
        ]),
    ),
    Slot::new("limit", Value::Member("limit")),
    Slot::new("missing", Value::Member("missing")),
    Slot::new("domain", Value::Datum("domain")),
    Slot::new("unset", Value::Setting("unset")),
    Slot::new(
        "list",
        Value::Array(&[
            Value::Status,
            Value::Setting("unset"),
            Value::Object(&[Slot::new("t", Value::Title)]),
        ]),
    ),
    Slot::new(
        "errors",
        Value::ErrorItems(&[
            Slot::new("code", Value::Code),
            Slot::new("status", Value::Status),
            Slot::new("title", Value::Title),
            Slot::new("detail", Value::Detail),
            Slot::new("field", Value::FieldPath),
            Slot::new("fieldCode", Value::FieldCode),
            Slot::new("own", Value::FieldMessageIfAny),
            Slot::new("params", Value::FieldParams),
            Slot::new("min", Value::FieldParam("min")),
            Slot::extensions(),
        ]),
    ),
    Slot::new(
        "details",
        Value::SubErrorItems(&[
            Slot::new("code", Value::NumericCode),
            Slot::new("message", Value::Message),
        ]),
    ),
    Slot::new("meta", Value::ObjectUnlessEmpty(&[Slot::extensions()])),
]);

/// The compiled steps of every built-in format and of the layouts above write exactly
/// what the layout's slots do, and every built-in format compiles.
#[test]
fn compiled_steps_write_what_the_slots_do() {
    let formats: [&dyn AnyFormat; 8] = [
        &Nested,
        &FieldLists,
        &FieldStrings,
        &FlatDetails,
        &StatusEnvelope,
        &ProblemDetails::new(),
        &ProblemDetails::new()
            .with_type_base("https://example.com/")
            .with_code_member(Some("error_code"))
            .without_status(),
        &ProblemDetails::new().with_code_member(None),
    ];
    let full = Context::new()
        .with_correlation_id(CorrelationId::new("id-1").unwrap())
        .with_timestamp(Timestamp::from_unix_millis(0).unwrap())
        .with_path("/p\"q")
        .with_method(http::Method::PATCH)
        .with_instance("/i")
        .with_debug_detail(true);
    let empty = Context::new();
    let (entries, subs) = samples();
    let errors = [
        Sample(FieldErrors::new(), SubErrors::new()),
        Sample(entries.clone(), SubErrors::new()),
        Sample(FieldErrors::new(), subs.clone()),
        Sample(entries, subs),
    ];
    for layout in [
        &OPTIONAL_FIRST,
        &OPTIONAL_FIRST_INSIDE,
        &ESCAPES,
        &EVERY_VALUE,
    ] {
        let custom = Custom(layout);
        check(&custom, &errors, [&full, &empty]);
    }
    for format in formats {
        assert!(format.layout().program().ops().is_some());
        check(format, &errors, [&full, &empty]);
    }
}

fn check(format: &dyn AnyFormat, errors: &[Sample], contexts: [&Context; 2]) {
    {
        for error in errors {
            for context in contexts {
                let problem = Problem::new(error, context);
                let mut compiled = Vec::new();
                let mut slots = Vec::new();
                write_body(
                    &mut Writer::new(&mut compiled),
                    format.layout(),
                    Cx::new(&problem, format),
                )
                .unwrap();
                write_object(
                    &mut Writer::new(&mut slots),
                    format.layout().slots(),
                    Cx::new(&problem, format),
                )
                .unwrap();
                let compiled = String::from_utf8(compiled).unwrap();
                assert_eq!(compiled, String::from_utf8(slots).unwrap());
                // Valid JSON, and what the serde path writes.
                let parsed: serde_json::Value = serde_json::from_str(&compiled)
                    .unwrap_or_else(|error| panic!("{error}: {compiled}"));
                assert_eq!(format.to_value(&problem).unwrap(), parsed, "{compiled}");
            }
        }
    }
}

/// Field entries of every kind, reported out of path order, and sub-errors with and without
/// their optional parts.
fn samples() -> (FieldErrors, SubErrors) {
    let mut entries = FieldErrors::new()
        .with("a.b[0]", "one")
        .with("c", "three")
        .with("a.b[0]", "two");
    entries.push("d", Violation::from_code("missing_field"));
    entries.push(
        "e",
        Violation::from_code("length")
            .with_message("too \"short\"")
            .with_param("min", 3)
            .with_param("max", "x"),
    );
    let subs = SubErrors::new()
        .with(SubError::new("123").with_status(409).with_title("T"))
        .with(
            SubError::new("NullValue")
                .with_field(FieldPath::root().key("a b"))
                .with_message("m\n"),
        );
    (entries, subs)
}

/// Each value of a sub-error's item is the sub-error's, of a field entry's item the entry's
/// parts and the error's; extension members only once, never in items, and not again where a
/// layout places one by name.
#[test]
fn every_value_writes_exactly() {
    let (entries, subs) = samples();
    let error = Sample(entries, subs);
    let context = Context::new();
    let body = Custom(&EVERY_VALUE)
        .to_value(&Problem::new(&error, &context))
        .unwrap();
    let item = |field: &str, rest: serde_json::Value| {
        let mut item = serde_json::json!({
            "code": "20003", "status": 422, "title": "Bad \"input\"",
            "detail": "line\nbreak \"quoted\"", "field": field,
        });
        item.as_object_mut()
            .unwrap()
            .extend(rest.as_object().unwrap().clone());
        item
    };
    assert_eq!(
        body,
        serde_json::json!({
            "code": 20003,
            "kebab": "20003",
            "link": "https://x/\"20003422",
            "limit": 3,
            "domain": "example.com",
            "list": [422, {"t": "Bad \"input\""}],
            "errors": [
                {"code": "123", "status": 409, "title": "T"},
                {"code": "NullValue", "status": 422, "detail": "m\n", "field": "a b"},
                item("a.b[0]", serde_json::json!({"own": "one"})),
                item("c", serde_json::json!({"own": "three"})),
                item("a.b[0]", serde_json::json!({"own": "two"})),
                item("d", serde_json::json!({"fieldCode": "missing_field"})),
                item("e", serde_json::json!({
                    "fieldCode": "length", "own": "too \"short\"",
                    "params": {"min": 3, "max": "x"}, "min": 3,
                })),
            ],
            "details": [{"code": 123}, {"code": "NullValue", "message": "m\n"}],
            "meta": {"code": "taken"},
        })
    );
}
