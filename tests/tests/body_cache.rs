//! The body cache (`runtime/src/format/cache`): a body rendered from a cached template is the
//! same bytes as one rendered afresh by the format (`AnyFormat::write_json`, which never uses
//! the cache), for every built-in format, a format with settings, formats built and dropped
//! at run time, the default format changed at run time, every request context and the
//! gallery's formats. Each body is rendered twice through `Envelope`: the first builds the
//! template, the second finds it.

use std::sync::Arc;

use apierr::format::{
    self, AnyFormat, FieldLists, FieldStrings, FlatDetails, Format, Layout, Literal, Nested,
    ProblemDetails, Slot, StatusEnvelope, Value,
};
use apierr::i18n::Translations;
use apierr::{ApiError, Context, CorrelationId, Envelope, FieldErrors, Problem, Timestamp};

#[derive(Debug, thiserror::Error, ApiError)]
enum ShopError {
    #[error("No authentication token provided")]
    #[api(code = "AUTH_MISSING", status = 401)]
    Missing,
    #[api(
        code = "QUOTED",
        status = 400,
        message = "say \"hi\"",
        title = "A \"quoted\" title"
    )]
    #[error("quoted")]
    Quoted,
    #[api(code = "LOCKED", status = 403, category = "account")]
    #[error("account locked until {until}")]
    Locked { until: String },
    #[api(code = "NO_ITEM", status = 404, type = "https://example.com/no-item")]
    #[error("no item {id}")]
    NoItem {
        #[api(member)]
        id: u32,
    },
    #[api(code = "DB_DOWN", status = 500)]
    #[error("database down at {0}")]
    Database(String),
    #[api(
        code = "VALIDATION_ERROR",
        status = 422,
        message = "Input data validation failed"
    )]
    #[error("invalid")]
    Invalid(#[api(fields)] FieldErrors),
}

/// `{"v":…,"docs":<setting>}`: a format whose bodies depend on the value holding it.
struct Documented {
    docs: String,
}

const DOCUMENTED: Layout<'static> = Layout::new(&[
    Slot::new("code", Value::Code),
    Slot::new("message", Value::Message),
    Slot::new("docs", Value::Setting("docs")),
    Slot::new("path", Value::Path),
]);

impl Format for Documented {
    fn layout(&self) -> &Layout<'_> {
        &DOCUMENTED
    }

    fn setting(&self, name: &str) -> Option<&str> {
        (name == "docs").then_some(self.docs.as_str())
    }
}

/// Request values side by side, absent or not, at the top level, in an object and after a
/// list: the template's parts around them.
struct Requests;

const REQUESTS: Layout<'static> = Layout::new(&[
    Slot::new("path", Value::Path),
    Slot::new("method", Value::Method),
    Slot::new("instance", Value::Instance),
    Slot::new("code", Value::Code),
    Slot::new("id", Value::CorrelationId),
    Slot::new("at", Value::Timestamp),
    Slot::new(
        "request",
        Value::ObjectUnlessEmpty(&[
            Slot::new("id", Value::CorrelationId),
            Slot::new("stack", Value::DebugDetail),
        ]),
    ),
    Slot::new("fields", Value::FieldMapOfStrings),
    Slot::new("stack", Value::DebugDetail),
    Slot::new("end", Value::Literal(Literal::Str("\"end\""))),
    Slot::new("last", Value::Path),
]);

impl Format for Requests {
    fn layout(&self) -> &Layout<'_> {
        &REQUESTS
    }
}

fn errors() -> Vec<ShopError> {
    vec![
        ShopError::Missing,
        ShopError::Quoted,
        ShopError::Locked {
            until: "noon \"UTC\"".into(),
        },
        ShopError::Locked {
            until: "midnight".into(),
        },
        ShopError::NoItem { id: 7 },
        ShopError::NoItem { id: 8 },
        ShopError::Database("10.0.0.1".into()),
        ShopError::Invalid(FieldErrors::new()),
        ShopError::Invalid(FieldErrors::new().with("email", "is taken")),
        ShopError::Invalid(
            FieldErrors::new()
                .with("items[0].qty", "too many")
                .with("name", "is empty"),
        ),
    ]
}

fn contexts() -> Vec<Context> {
    let at = Timestamp::from_unix_millis(1_779_530_400_000).unwrap();
    let translations = Translations::new().language("en", &[]).language(
        "fr",
        &[
            ("AUTH_MISSING", "Pas de jeton"),
            ("QUOTED", "dis « salut »"),
        ],
    );
    let localizer: Arc<dyn apierr::Localize> = Arc::new(translations);
    vec![
        Context::new(),
        Context::new().with_correlation_id(CorrelationId::new("req-1").unwrap()),
        Context::new()
            .with_correlation_id(CorrelationId::new("req-2").unwrap())
            .with_timestamp(at)
            .with_path("/shop/items/\"7\"")
            .with_method(http::Method::POST)
            .with_instance("/shop/items/7"),
        Context::new().with_debug_detail(true),
        Context::new().with_path("/a"),
        // Translated codes are rendered per request; others still from the cache.
        Context::new()
            .with_localizer(localizer.clone())
            .with_language("fr"),
        Context::new().with_localizer(localizer).with_language("en"),
    ]
}

fn built_in() -> Vec<Box<dyn AnyFormat>> {
    vec![
        Box::new(Nested),
        Box::new(FieldLists),
        Box::new(FieldStrings),
        Box::new(FlatDetails),
        Box::new(StatusEnvelope),
        Box::new(ProblemDetails::new()),
        Box::new(ProblemDetails::new().with_type_base("https://example.com/problems/")),
        Box::new(ProblemDetails::new().without_status()),
        Box::new(ProblemDetails::new().with_code_member(Some("errorCode"))),
    ]
}

/// The body as the format renders it, without the cache.
fn fresh(format: &dyn AnyFormat, error: &dyn ApiError, context: &Context) -> Vec<u8> {
    let mut out = Vec::new();
    format
        .write_json(&Problem::new(error, context), &mut out)
        .unwrap();
    out
}

/// Renders through `Envelope` (which uses the cache) in the three ways a body is written, twice.
fn assert_cached_is_fresh(format: &dyn AnyFormat, error: &dyn ApiError, context: &Context) {
    let expected = fresh(format, error, context);
    for _ in 0..2 {
        let envelope = Envelope::from_dyn(error)
            .with_format(format)
            .with_context(context);
        assert_eq!(
            String::from_utf8(envelope.to_vec().unwrap()).unwrap(),
            String::from_utf8(expected.clone()).unwrap(),
            "{} in {context:?}",
            error.code()
        );
        // Appended after what a buffer already holds.
        let mut out = b"prefix".to_vec();
        envelope.write_to(&mut out).unwrap();
        assert_eq!(out[6..], expected[..]);
        // Without context, by the shortest path.
        if context.correlation_id().is_none()
            && context.timestamp().is_none()
            && context.path().is_none()
            && context.method().is_none()
            && context.instance().is_none()
            && !context.debug_detail()
            && context.localizer().is_none()
        {
            let bare = Envelope::from_dyn(error)
                .with_format(format)
                .to_vec()
                .unwrap();
            assert_eq!(bare, expected, "{}", error.code());
        }
    }
}

#[test]
fn cached_bodies_equal_fresh_ones_in_every_built_in_format() {
    let formats = built_in();
    for context in &contexts() {
        for format in &formats {
            for error in &errors() {
                assert_cached_is_fresh(&**format, error, context);
            }
        }
    }
}

#[test]
fn a_format_with_settings_is_never_served_another_ones_body() {
    let context = Context::new().with_path("/p");
    for docs in ["https://a.example/docs", "https://b.example/\"docs\""] {
        let format = Documented { docs: docs.into() };
        for error in &errors() {
            assert_cached_is_fresh(&format, error, &Context::new());
            assert_cached_is_fresh(&format, error, &context);
        }
        let body = Envelope::new(&ShopError::Missing)
            .with_format(&format)
            .to_value()
            .unwrap();
        assert_eq!(body["docs"], docs);
    }
}

#[test]
fn formats_built_at_run_time_get_their_own_bodies() {
    // Each format lives in the same place on the stack, or in a box freed before the next:
    // the cache must tell them apart by what they declare, not where they are.
    for i in 0..20 {
        let base: &'static str = Box::leak(format!("https://example.com/v{i}/").into_boxed_str());
        let format = ProblemDetails::new().with_type_base(base);
        let body = Envelope::new(&ShopError::Missing)
            .with_format(&format)
            .to_value()
            .unwrap();
        assert_eq!(body["type"], format!("{base}auth-missing"));
        assert_cached_is_fresh(&format, &ShopError::Missing, &Context::new());
        let boxed: Arc<dyn AnyFormat> = if i % 2 == 0 {
            Arc::new(ProblemDetails::new().with_type_base(base))
        } else {
            Arc::new(ProblemDetails::new().without_status())
        };
        assert_cached_is_fresh(&*boxed, &ShopError::Missing, &Context::new());
    }
}

#[test]
fn the_default_format_changed_at_run_time_is_the_one_rendered() {
    // The only test in this file that renders without an explicit format.
    let error = ShopError::Missing;
    let before = Envelope::new(&error).to_vec().unwrap();
    assert_eq!(before, fresh(&Nested, &error, &Context::new()));
    format::set_default(ProblemDetails::new().with_type_base("https://example.com/p/")).unwrap();
    let after = Envelope::new(&error).to_vec().unwrap();
    assert_eq!(
        String::from_utf8(after).unwrap(),
        r#"{"type":"https://example.com/p/auth-missing","title":"Unauthorized","status":401,"detail":"No authentication token provided","code":"AUTH_MISSING"}"#
    );
    assert_cached_is_fresh(format::default(), &error, &Context::new());
}

#[test]
fn gallery_formats_render_the_same_through_the_cache() {
    for example in apierr_tests::gallery::all() {
        let error = &*example.error;
        let format = Envelope::from_dyn(error).format();
        for context in &contexts() {
            assert_cached_is_fresh(format, error, context);
        }
        assert_eq!(
            Envelope::from_dyn(error).to_vec().unwrap(),
            example.compact.as_bytes(),
            "{}",
            example.name
        );
    }
}

#[test]
fn a_body_over_its_limit_is_still_reduced() {
    // A cached template with an interpolated message, over the limit: the generic message.
    let long = ShopError::Locked {
        until: "x".repeat(10_000),
    };
    for _ in 0..2 {
        let envelope = Envelope::new(&long).with_format(&Nested).with_max_len(1024);
        let mut out = Vec::new();
        envelope.write_to(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out.clone()).unwrap(),
            r#"{"success":false,"error":{"code":"LOCKED","message":"Forbidden","status":403}}"#
        );
        assert_eq!(envelope.to_vec().unwrap(), out);
    }
    // A whole static body is what its declaration fixes: reducing it leaves it as it is.
    let whole = Envelope::new(&ShopError::Missing)
        .with_format(&Nested)
        .to_vec()
        .unwrap();
    let tight = Envelope::new(&ShopError::Missing)
        .with_format(&Nested)
        .with_max_len(10);
    assert_eq!(tight.to_vec().unwrap(), whole);
}

/// Every subset of the request values, each in a form copied as it is and in one that needs
/// escaping (or an extension method): `index` picks one.
fn request_context(index: u32) -> Context {
    let at = Timestamp::from_unix_millis(1_779_530_400_123).unwrap();
    let bit = |n: u32| index & (1 << n) != 0;
    let mut context = Context::new();
    if bit(0) {
        context = context.with_correlation_id(CorrelationId::new("4f1c2a9e-77b1:x=y@z").unwrap());
    }
    if bit(1) {
        context = context.with_timestamp(at);
    }
    if bit(2) {
        context = context.with_path(if bit(6) {
            "/a/\"b\"\\c"
        } else {
            "/v1/accounts/42"
        });
    }
    if bit(3) {
        let method = if bit(6) {
            http::Method::from_bytes(b"PURGE").unwrap()
        } else {
            http::Method::DELETE
        };
        context = context.with_method(method);
    }
    if bit(4) {
        context = context.with_instance(if bit(6) { "/i/\"1\"" } else { "/i/1" });
    }
    if bit(5) {
        context = context.with_debug_detail(true);
    }
    context
}

#[test]
fn every_combination_of_request_values_renders_as_fresh() {
    let mut formats = built_in();
    formats.push(Box::new(Requests));
    for index in 0..128 {
        let context = request_context(index);
        for format in &formats {
            for error in &errors() {
                assert_cached_is_fresh(&**format, error, &context);
            }
        }
    }
}

#[test]
fn a_localizer_that_translates_nothing_leaves_request_values_to_the_template() {
    let translations = Translations::new()
        .language("en", &[])
        .language("fr", &[("AUTH_MISSING", "Pas de jeton")]);
    let localizer: Arc<dyn apierr::Localize> = Arc::new(translations);
    let mut formats = built_in();
    formats.push(Box::new(Requests));
    for language in ["en", "fr"] {
        for index in [0, 1, 7, 31, 127] {
            let context = request_context(index)
                .with_localizer(localizer.clone())
                .with_language(language);
            for format in &formats {
                for error in &errors() {
                    assert_cached_is_fresh(&**format, error, &context);
                }
            }
        }
    }
}

#[test]
fn a_body_with_request_values_is_bounded_as_any_other() {
    let mut formats = built_in();
    formats.push(Box::new(Requests));
    for index in [1, 7, 23, 127] {
        let context = request_context(index);
        for format in &formats {
            for error in &errors() {
                let whole = fresh(&**format, error, &context);
                for max_len in [0, 40, 100, 180, 4096] {
                    let envelope = Envelope::from_dyn(error)
                        .with_format(&**format)
                        .with_context(&context)
                        .with_max_len(max_len);
                    let vec = envelope.to_vec().unwrap();
                    let mut out = b"prefix".to_vec();
                    envelope.write_to(&mut out).unwrap();
                    assert_eq!(out[6..], vec[..], "{} at {max_len}", error.code());
                    if whole.len() <= max_len {
                        assert_eq!(vec, whole, "{} at {max_len}", error.code());
                    } else {
                        // Reduced (a body whose declaration fixes it all stays whole).
                        assert!(vec.len() <= whole.len(), "{} at {max_len}", error.code());
                        serde_json::from_slice::<serde_json::Value>(&vec).unwrap();
                    }
                }
            }
        }
    }
}
