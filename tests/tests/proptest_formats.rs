//! Property tests of every built-in format: any code, message, field errors, extension members
//! and request context render as valid JSON that says exactly what the model in
//! `apierr_tests::model` says, byte for byte the same on the fast and the serde path, the
//! format's decoder reads back what was rendered, and nothing panics.

mod proptest_config;

use apierr::{Context, CorrelationId, FieldErrors, FieldPath, Timestamp};
use apierr_tests::fixture::{Fixture, Link, MemberValue, SpecParts, intern};
use apierr_tests::fuzz_targets::{TIMESTAMP_MILLIS, check_bounded, is_safe_id};
use apierr_tests::model::{ProblemConfig, Shape, check_render};
use proptest::prelude::*;
use proptest::string::string_regex;

fn regex(pattern: &str) -> impl Strategy<Value = String> + use<> {
    string_regex(pattern).expect("a valid regex")
}

/// Codes the derive accepts, and now and then anything at all: a hand-written spec is not
/// checked, and must still render.
fn code() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => regex("[A-Za-z0-9_.-]{1,40}"),
        1 => any::<String>(),
    ]
}

/// Text that has to be escaped, in every way JSON knows, and some that does not.
fn hostile_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("\"".to_owned()),
        Just("\\".to_owned()),
        Just("\\u0000".to_owned()),
        Just("</script>".to_owned()),
        Just("\u{2028}\u{2029}".to_owned()),
        Just("\u{7f}\u{80}\u{ff}".to_owned()),
        Just("\u{fffd}\u{feff}".to_owned()),
        Just("😀𝄞\u{10ffff}".to_owned()),
        (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap().to_string()),
        any::<char>().prop_map(String::from),
        regex("[a-z ]{0,8}"),
    ];
    prop::collection::vec(pieces, 0..12).prop_map(|pieces| pieces.concat())
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => hostile_text(),
        2 => any::<String>(),
        // Long: up to tens of kilobytes.
        1 => (hostile_text(), 100usize..400).prop_map(|(unit, times)| unit.repeat(times)),
    ]
}

fn member_value() -> impl Strategy<Value = MemberValue> {
    let leaf = prop_oneof![
        Just(MemberValue::Null),
        any::<bool>().prop_map(MemberValue::Bool),
        any::<u64>().prop_map(MemberValue::U64),
        any::<i64>().prop_map(MemberValue::I64),
        // Any float: the runtime turns on serde_json's `float_roundtrip`, so bodies parse back
        // exactly; non-finite ones are written as null.
        any::<f64>().prop_map(MemberValue::F64),
        prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(-0.0)].prop_map(MemberValue::F64),
        hostile_text().prop_map(MemberValue::Str),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(MemberValue::List),
            prop::collection::vec((hostile_text(), inner), 0..6).prop_map(MemberValue::Map),
        ]
    })
}

fn member_name() -> impl Strategy<Value = String> {
    prop_oneof![
        // Names the formats write themselves, which extension members may not take.
        3 => prop::sample::select(vec![
            "code", "message", "status", "fields", "errors", "correlationId", "success", "error",
            "details", "statusCode", "timestamp", "path", "method", "data", "stack", "type",
            "title", "detail", "instance", "errorCode",
        ])
        .prop_map(str::to_owned),
        3 => regex("[a-zA-Z]{1,10}"),
        1 => text(),
    ]
}

fn field_path(big: bool) -> impl Strategy<Value = FieldPath> {
    let key = if big {
        regex("[ -~]{0,12}").boxed()
    } else {
        text().boxed()
    };
    let built = prop::collection::vec(
        prop_oneof![
            regex("[a-z_]{1,8}").prop_map(|key| (Some(key), 0)),
            any::<usize>().prop_map(|index| (None, index)),
        ],
        0..6,
    )
    .prop_map(|segments| {
        segments
            .into_iter()
            .fold(FieldPath::root(), |path, segment| match segment {
                (Some(key), _) => path.key(key),
                (None, index) => path.index(index),
            })
    });
    prop_oneof![
        3 => regex("[a-z]{1,6}(\\[[0-9]{1,3}\\])?(\\.[a-z]{1,6}(\\[[0-9]\\])?){0,3}")
            .prop_map(FieldPath::from),
        2 => built,
        // Arbitrary keys, taken literally: dots, brackets, `/`, `~`, anything.
        1 => prop::collection::vec(key, 1..3).prop_map(|keys| {
            keys.into_iter().fold(FieldPath::root(), |path, key| path.key(key))
        }),
    ]
}

fn field_errors(count: std::ops::Range<usize>) -> impl Strategy<Value = Option<FieldErrors>> {
    // Thousands of fields get short keys and messages: the size is in their number.
    let big = count.end > 100;
    let message = if big {
        regex("[ -~]{0,12}").boxed()
    } else {
        text().boxed()
    };
    prop::option::weighted(
        0.6,
        prop::collection::vec((field_path(big), message), count).prop_map(|entries| {
            entries
                .into_iter()
                .fold(FieldErrors::new(), |errors, (path, message)| {
                    errors.with(path, message)
                })
        }),
    )
}

prop_compose! {
    fn spec_parts()(
        code in code(),
        status in prop_oneof![4 => 400u16..600, 1 => any::<u16>()],
        category in prop::option::of(text()),
        title in prop::option::of(text()),
        problem_type in prop::option::of(text()),
        static_message in prop::option::of(text()),
        redacted in any::<bool>(),
    ) -> SpecParts {
        SpecParts { code, status, category, title, problem_type, static_message, redacted }
    }
}

prop_compose! {
    fn fixture(fields: std::ops::Range<usize>)(
        parts in spec_parts(),
        message in text(),
        internal in text(),
        fields in field_errors(fields),
        members in prop::collection::vec((member_name(), member_value()), 0..5),
        failing in prop::option::weighted(0.05, 0usize..5),
        source in prop::collection::vec(text(), 0..4),
    ) -> Fixture {
        let mut fixture = Fixture::new(parts.to_static(), message);
        fixture.internal = internal;
        fixture.fields = fields;
        for (name, value) in members {
            let name = intern(&name);
            if !fixture.members.iter().any(|(known, _)| *known == name) {
                fixture.members.push((name, value));
            }
        }
        if let Some(at) = failing {
            let at = at.min(fixture.members.len());
            fixture.members.insert(at, (intern("failing"), MemberValue::List(vec![MemberValue::Fails])));
        }
        fixture.source = Link::chain(&source);
        fixture
    }
}

/// A correlation id from a header: safe ones, and attacks.
fn raw_id() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        3 => regex("[A-Za-z0-9._~+/=@:-]{1,128}").prop_map(String::into_bytes),
        1 => regex("[A-Za-z0-9]{129,300}").prop_map(String::into_bytes),
        1 => text().prop_map(String::into_bytes),
        1 => prop::collection::vec(any::<u8>(), 0..200),
    ]
}

prop_compose! {
    fn context()(
        id in prop::option::of(raw_id()),
        millis in prop::option::of(prop_oneof![
            TIMESTAMP_MILLIS,
            any::<i64>(),
        ]),
        path in prop::option::of(text()),
        method in prop::option::of(prop_oneof![
            prop::sample::select(vec!["GET", "POST", "DELETE", "PATCH"]).prop_map(str::to_owned),
            regex("[A-Za-z!#$%&'*+.^_`|~0-9-]{1,20}"),
        ]),
        instance in prop::option::of(text()),
        debug in any::<bool>(),
    ) -> Context {
        let mut context = Context::new().with_debug_detail(debug);
        if let Some(id) = id {
            let accepted = CorrelationId::from_bytes(&id);
            assert_eq!(accepted.is_ok(), is_safe_id(&id), "{:?}", String::from_utf8_lossy(&id));
            if let Ok(id) = accepted {
                context = context.with_correlation_id(id);
            }
        }
        if let Some(at) = millis.and_then(Timestamp::from_unix_millis) {
            context = context.with_timestamp(at);
        }
        if let Some(path) = path {
            context = context.with_path(&path);
            check_bounded(&path, context.path());
        }
        if let Some(method) = method {
            context = context.with_method(http::Method::from_bytes(method.as_bytes()).unwrap());
        }
        if let Some(instance) = instance {
            context = context.with_instance(&instance);
            check_bounded(&instance, context.instance());
        }
        context
    }
}

fn shapes() -> Vec<Shape> {
    let mut shapes = Shape::ALL.to_vec();
    shapes.push(Shape::ProblemDetails(ProblemConfig {
        type_base: Some("urn:\"quoted\"\\base/"),
        status: true,
        code_member: None,
    }));
    shapes
}

proptest! {
    // 100 cases × 8 formats × every rendering path: a few seconds in a debug build.
    #![proptest_config(proptest_config::cases(100))]

    #[test]
    fn every_format_renders_any_error_exactly(fixture in fixture(0..12), context in context()) {
        for shape in shapes() {
            check_render(&shape, &fixture, &context);
        }
    }
}

proptest! {
    // Thousands of field errors are slow to build (each add looks for the path): few cases.
    #![proptest_config(proptest_config::cases(3))]

    #[test]
    fn thousands_of_field_errors(fixture in fixture(1000..2500), context in context()) {
        for shape in shapes() {
            check_render(&shape, &fixture, &context);
        }
    }
}

/// The properties above hold for a fixed, readable case too, so a regression there shows up as
/// an example and not only as a shrunk random input.
#[test]
fn a_known_case_renders_as_documented() {
    let parts = SpecParts {
        code: "OUT_OF_CREDIT".to_owned(),
        status: 403,
        title: Some("You do not have enough credit.".to_owned()),
        ..SpecParts::default()
    };
    let mut fixture = Fixture::new(parts.to_static(), "balance \"30\"\n");
    fixture.fields = Some(FieldErrors::new().with("items[2].qty", "must be > 0"));
    fixture.members = vec![(intern("balance"), MemberValue::U64(30))];
    let context = Context::new()
        .with_correlation_id(CorrelationId::new("abc-123").unwrap())
        .with_instance("/account/12345");
    let shape = Shape::ALL[6];
    check_render(&shape, &fixture, &context);
    let format = shape.any();
    let body = apierr::Envelope::from_dyn(&fixture)
        .with_context(&context)
        .with_format(&*format)
        .to_vec()
        .unwrap();
    assert_eq!(
        String::from_utf8(body).unwrap(),
        concat!(
            r#"{"type":"https://example.com/probs/out-of-credit","#,
            r#""title":"You do not have enough credit.","detail":"balance \"30\"\n","#,
            r#""instance":"/account/12345","errorCode":"OUT_OF_CREDIT","#,
            r##""errors":[{"detail":"must be > 0","pointer":"#/items/2/qty"}],"balance":30}"##
        )
    );
}

// ---------------------------------------------------------------------------------------------
// Runtime bugs the properties above found, each reduced to one case.

fn plain(status: u16) -> Fixture {
    let parts = SpecParts {
        code: "C".to_owned(),
        status,
        ..SpecParts::default()
    };
    Fixture::new(parts.to_static(), "m")
}

/// A code member named like a member RFC 9457 defines is left out, not written twice.
#[test]
fn a_code_member_named_like_a_standard_member_is_not_written_twice() {
    let fixture = plain(400);
    for name in ["type", "title", "status", "detail", "instance", "errors"] {
        let format = apierr::format::ProblemDetails::new().with_code_member(Some(name));
        let body = apierr::Envelope::from_dyn(&fixture)
            .with_format(&format)
            .to_vec()
            .unwrap();
        let parsed: apierr_tests::fixture::Json = serde_json::from_slice(&body).unwrap();
        assert_eq!(
            parsed.repeated_names(),
            Vec::<(String, String)>::new(),
            "{}",
            String::from_utf8_lossy(&body)
        );
    }
}

/// Found by `thousands_of_field_errors` (code `"0"`, status 400, redacted, an entry at the root
/// with many messages beside hundreds of other paths): in RFC 9457 bodies the pointers `#//5`
/// (an empty key, then the key `5`) and `#/5` (the index 5) are two fields, but the decoder read
/// the first as an empty key then the index 5, which prints `[5]` like the second, and merged
/// them, giving the second field's pointer the first one's message.
#[test]
fn pointers_that_read_back_alike_stay_two_fields() {
    let parts = SpecParts {
        code: "0".to_owned(),
        status: 400,
        redacted: true,
        ..SpecParts::default()
    };
    let mut fixture = Fixture::new(parts.to_static(), "m");
    let mut fields = FieldErrors::new();
    for i in 0..40 {
        fields.add(FieldPath::root(), format!("root {i}"));
    }
    for i in 0..300 {
        fields.add(format!("f{i}.x[{}]", i % 7), "m");
    }
    fields.add(
        FieldPath::root().key("").key("5"),
        "an empty key, then the key 5",
    );
    fields.add(FieldPath::root().index(5), "the index 5");
    // Deeper in a path, where the pointer read first (`#/a/7`, read as `a[7]`) takes the print
    // of one read later that has no other reading (`#/a%5B7%5D`, the key `a[7]`).
    fields.add(FieldPath::root().key("a").key("7"), "a, then the key 7");
    fields.add(FieldPath::root().key("a[7]"), "the key a[7]");
    // Three pointers of which each of the first two reads two ways, and only one choice keeps
    // all three apart: `.5.y`, `[5].y` and `5.y`.
    fields.add(FieldPath::root().key("").key("5").key("y"), "'', 5, y");
    fields.add(FieldPath::root().index(5).key("y"), "[5], y");
    fields.add(FieldPath::root().key("5.y"), "the key 5.y");
    fixture.fields = Some(fields);
    for shape in shapes() {
        check_render(&shape, &fixture, &Context::new());
    }
}

/// `Serialize for Envelope` reads the body back with serde_json, which changed the last digit
/// of some floats until its `float_roundtrip` feature was turned on.
#[test]
fn serialize_for_envelope_keeps_floats() {
    let mut fixture = plain(400);
    fixture.members = vec![(intern("x"), MemberValue::F64(1928.7725563456418))];
    let envelope = apierr::Envelope::from_dyn(&fixture);
    assert_eq!(
        String::from_utf8(serde_json::to_vec(&envelope).unwrap()).unwrap(),
        String::from_utf8(envelope.to_vec().unwrap()).unwrap()
    );
}

/// A message whose `Display` fails (against `fmt`'s contract, but user code) is an error on
/// every rendering path, and `message()` falls back to the generic message; it used to panic in
/// `to_value`, `Format::serialize` with serde_json and `message()`.
#[test]
fn a_failing_display_is_an_error_everywhere() {
    use apierr::format::AnyFormat;
    use apierr::{ApiError, Problem, Spec};

    #[derive(Debug)]
    struct Failing;

    static SPEC: Spec = Spec::new("FAILING", 400, "Failing");

    impl ApiError for Failing {
        fn spec(&self) -> &'static Spec {
            &SPEC
        }

        fn fmt_message(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            Err(std::fmt::Error)
        }

        fn catalog(_: &mut dyn FnMut(&'static Spec)) {}
    }

    let context = Context::new();
    let envelope = apierr::Envelope::new(&Failing);
    assert!(envelope.to_vec().is_err());
    assert!(envelope.to_value().is_err());
    assert!(serde_json::to_vec(&envelope).is_err());
    let mut out = Vec::new();
    let problem = Problem::new(&Failing, &context);
    let serialized =
        apierr::format::Nested.serialize(&problem, &mut serde_json::Serializer::new(&mut out));
    assert!(serialized.is_err());
    assert_eq!(Failing.message(), "Bad Request");
}

// Regressions: faults the property tests found once, kept as plain tests.

/// Two paths that differ but print the same become one name written twice in the formats that
/// key field errors by path, which JSON parsers then read in different ways (most keep the
/// last message only).
#[test]
fn field_paths_that_print_the_same_are_one_name() {
    let mut fixture = plain(422);
    fixture.fields = Some(
        FieldErrors::new()
            .with("[0]", "first")
            // `.[0]` parses as an empty key and then the index, and prints as `[0]`.
            .with(".[0]", "second")
            // A key with a dot, as from a map key in the request, prints as two keys do.
            .with(FieldPath::root().key("a.b"), "third")
            .with("a.b", "fourth"),
    );
    let body = apierr::Envelope::from_dyn(&fixture).to_vec().unwrap();
    let parsed: apierr_tests::fixture::Json = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        parsed.repeated_names(),
        Vec::<(String, String)>::new(),
        "{}",
        String::from_utf8_lossy(&body)
    );
}

/// A `ProblemDetails` without a code member keeps `code` reserved: an extension member of that
/// name is left out, so the decoder can never take it for the code.
#[test]
fn a_code_member_left_out_is_not_read_from_an_extension_member() {
    use apierr::decode::Decode;
    let mut fixture = plain(400);
    fixture.members = vec![(intern("code"), MemberValue::U64(5))];
    let format = apierr::format::ProblemDetails::new().with_code_member(None);
    let body = apierr::Envelope::from_dyn(&fixture)
        .with_format(&format)
        .to_vec()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&body),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"m"}"#
    );
    let decoded = format.decode(&body).unwrap();
    assert_eq!(decoded.members.get("code"), None);
}
