//! The core behaviour of `#[derive(ApiError)]` and the envelope formats.

mod common;

use std::borrow::Cow;

use apierr::format::{
    AnyFormat, FieldLists, FieldStrings, FlatDetails, Nested, ProblemDetails, StatusEnvelope,
};
use apierr::{ApiError, Context, CorrelationId, Envelope, FieldErrors, Spec, Timestamp};
use common::{assert_body, assert_exact};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------------
// The issue's example.

#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Session")]
enum SessionError {
    /// The session has expired
    #[error("session {id} expired")]
    #[api(code = "SESSION_EXPIRED", status = 401, message = "Session expired")]
    Expired { id: String },
    /// The session data is invalid
    #[error("invalid session data")]
    #[api(
        code = "SESSION_INVALID",
        status = 422,
        message = "Session data is invalid"
    )]
    Invalid {
        #[api(fields)]
        fields: FieldErrors,
        #[api(member = "sessionId")]
        session_id: String,
    },
    /// The session store is down
    #[error("session store unreachable")]
    #[api(code = "SESSION_STORE", status = 503)]
    Store(#[source] std::io::Error),
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Auth & Session")]
enum AuthError {
    /// No authentication token provided
    #[error("No authentication token provided")]
    #[api(code = "AUTH_MISSING", status = 401)]
    Missing,
    #[error("2fa")]
    #[api(
        code = "2FA_REQUIRED",
        status = 401,
        message = "Two-factor authentication is required"
    )]
    TwoFactorRequired,
    #[error("account locked until {until}")]
    #[api(code = "ACCOUNT_LOCKED", status = 403)]
    Locked { until: String },
    #[error(transparent)]
    #[api(transparent)]
    Session(SessionError),
    #[error("database unavailable")]
    #[api(code = "INTERNAL", status = 500)]
    Db(#[source] std::io::Error),
}

const AUTH_MISSING_BODY: &[u8] =
    br#"{"success":false,"error":{"code":"AUTH_MISSING","message":"No authentication token provided","status":401}}"#;

#[test]
fn issue_example_code_status_message() {
    let err = AuthError::Missing;
    assert_eq!(err.code(), "AUTH_MISSING");
    assert_eq!(err.status(), http::StatusCode::UNAUTHORIZED);
    assert_eq!(err.status().as_u16(), 401);
    assert_eq!(err.message(), "No authentication token provided");
    assert_eq!(err.spec().category(), Some("Auth & Session"));
    assert_eq!(err.spec().doc(), Some("No authentication token provided"));
    assert_eq!(err.spec().variant(), Some("Missing"));
    assert_eq!(err.spec().type_name(), "AuthError");
}

#[test]
fn issue_example_exact_body() {
    let err = AuthError::Missing;
    assert_exact(
        &Envelope::new(&err),
        std::str::from_utf8(AUTH_MISSING_BODY).unwrap(),
    );
    assert_body(
        &Envelope::new(&err),
        &json!({"success":false,"error":{"code":"AUTH_MISSING","message":"No authentication token provided","status":401}}),
    );
    // The same through `envelope()`, `write_to`, `dyn` and serde.
    assert_eq!(err.envelope().to_vec().unwrap(), AUTH_MISSING_BODY);
    let mut out = b"prefix:".to_vec();
    Envelope::new(&err).write_to(&mut out).unwrap();
    assert_eq!(&out[..7], b"prefix:");
    assert_eq!(&out[7..], AUTH_MISSING_BODY);
    let dyn_err: &dyn ApiError = &err;
    assert_eq!(
        Envelope::from_dyn(dyn_err).to_vec().unwrap(),
        AUTH_MISSING_BODY
    );
    // Through serde the body is built as a `serde_json::Value` first, so only its content is
    // the same: without serde_json's `preserve_order` its keys come out sorted.
    let through_serde: Value =
        serde_json::from_slice(&serde_json::to_vec(&Envelope::new(&err)).unwrap()).unwrap();
    assert_eq!(through_serde, Envelope::new(&err).to_value().unwrap());
    assert_eq!(Envelope::new(&err).content_type(), "application/json");
}

#[test]
fn message_key_wins_over_display() {
    let err = AuthError::TwoFactorRequired;
    assert_eq!(err.code(), "2FA_REQUIRED");
    assert_eq!(err.to_string(), "2fa");
    assert_eq!(err.message(), "Two-factor authentication is required");
    assert_eq!(
        err.spec().static_message(),
        Some("Two-factor authentication is required")
    );
    // A message that does not depend on the value is borrowed, not built.
    assert!(matches!(err.message(), Cow::Borrowed(_)));
    assert_eq!(
        Envelope::new(&err).to_vec().unwrap(),
        br#"{"success":false,"error":{"code":"2FA_REQUIRED","message":"Two-factor authentication is required","status":401}}"#
    );
}

#[test]
fn display_is_the_message_of_a_4xx_without_one() {
    let err = AuthError::Locked {
        until: "2026-11-22T10:00:00Z".to_owned(),
    };
    assert_eq!(err.status().as_u16(), 403);
    assert_eq!(err.message(), "account locked until 2026-11-22T10:00:00Z");
    assert!(matches!(err.message(), Cow::Owned(_)));
    assert_eq!(err.spec().static_message(), None);
    assert_body(
        &Envelope::new(&err),
        &json!({"success": false, "error": {
            "code": "ACCOUNT_LOCKED",
            "message": "account locked until 2026-11-22T10:00:00Z",
            "status": 403
        }}),
    );
}

#[test]
fn transparent_delegates_everything_to_the_inner_error() {
    let inner = SessionError::Invalid {
        fields: FieldErrors::new().with("device", "is unknown"),
        session_id: "s-1".to_owned(),
    };
    let expected_fields = FieldErrors::new().with("device", "is unknown");
    let err = AuthError::Session(inner);
    assert_eq!(err.code(), "SESSION_INVALID");
    assert_eq!(err.status().as_u16(), 422);
    assert_eq!(err.message(), "Session data is invalid");
    assert_eq!(err.field_errors(), Some(&expected_fields));
    let mut members = Vec::new();
    err.visit_members(&mut |member| members.push(member.name()));
    assert_eq!(members, ["sessionId"]);
    // The inner spec itself, with the inner category.
    let AuthError::Session(inner) = &err else {
        unreachable!()
    };
    assert!(std::ptr::eq(err.spec(), inner.spec()));
    assert_eq!(err.spec().category(), Some("Session"));
    assert_body(
        &Envelope::new(&err),
        &json!({"success": false, "error": {
            "code": "SESSION_INVALID",
            "message": "Session data is invalid",
            "status": 422,
            "fields": {"device": ["is unknown"]},
            "sessionId": "s-1"
        }}),
    );

    let expired = AuthError::Session(SessionError::Expired {
        id: "s-2".to_owned(),
    });
    assert_eq!(expired.to_string(), "session s-2 expired");
    assert_eq!(expired.message(), "Session expired");
    assert_eq!(expired.field_errors(), None);
    assert!(expired.source_error().is_none());

    let store = AuthError::Session(SessionError::Store(std::io::Error::other("ECONNRESET")));
    assert_eq!(store.code(), "SESSION_STORE");
    assert_eq!(store.message(), "Service Unavailable");
    assert_eq!(store.source_error().unwrap().to_string(), "ECONNRESET");
}

#[test]
fn catalog_lists_transparent_codes_in_declaration_order() {
    let mut specs: Vec<&'static Spec> = Vec::new();
    AuthError::catalog(&mut |spec| specs.push(spec));
    let rows: Vec<(&str, u16, Option<&str>)> = specs
        .iter()
        .map(|spec| (spec.code(), spec.status().as_u16(), spec.category()))
        .collect();
    assert_eq!(
        rows,
        [
            ("AUTH_MISSING", 401, Some("Auth & Session")),
            ("2FA_REQUIRED", 401, Some("Auth & Session")),
            ("ACCOUNT_LOCKED", 403, Some("Auth & Session")),
            ("SESSION_EXPIRED", 401, Some("Session")),
            ("SESSION_INVALID", 422, Some("Session")),
            ("SESSION_STORE", 503, Some("Session")),
            ("INTERNAL", 500, Some("Auth & Session")),
        ]
    );
    assert!(specs[4].has_field_errors());
    assert!(!specs[3].has_field_errors());
}

#[test]
fn server_error_shows_the_generic_message_and_keeps_its_source() {
    let err = AuthError::Db(std::io::Error::other("connection refused"));
    assert_eq!(err.message(), "Internal Server Error");
    assert!(err.spec().is_redacted());
    assert_eq!(err.to_string(), "database unavailable");
    let source = err.source_error().expect("the #[source] field");
    assert_eq!(source.to_string(), "connection refused");
    assert_body(
        &Envelope::new(&err),
        &json!({"success": false, "error": {
            "code": "INTERNAL", "message": "Internal Server Error", "status": 500
        }}),
    );
}

// ---------------------------------------------------------------------------------------------
// Interpolated messages.

#[derive(Debug, ApiError)]
enum PaymentError {
    #[api(code = "LIMIT", status = 400, message = "limit for {field} exceeded")]
    Limit { field: String },
    #[api(code = "NO_ITEM", status = 404, message = "no item {0} in cart {1}")]
    NoItem(u32, String),
    #[api(
        code = "LOW_BALANCE",
        status = 402,
        message = "balance {balance:.2} is below {amount:.2} {currency}"
    )]
    LowBalance {
        balance: f64,
        amount: f64,
        currency: &'static str,
    },
    #[api(
        code = "BAD_VALUE",
        status = 400,
        message = "bad {value:?}, mask {mask:#06x}, [{n:>4}]"
    )]
    BadValue { value: String, mask: u16, n: u8 },
    #[api(code = "BRACES", status = 400, message = "use {{braces}} literally")]
    Braces,
}

#[test]
fn message_interpolates_fields_positions_and_format_specs() {
    let err = PaymentError::Limit {
        field: "amount".to_owned(),
    };
    assert_eq!(err.message(), "limit for amount exceeded");
    assert_eq!(
        err.spec().message_template(),
        Some("limit for {field} exceeded")
    );
    assert_eq!(err.spec().static_message(), None);

    let err = PaymentError::NoItem(7, "c-9".to_owned());
    assert_eq!(err.message(), "no item 7 in cart c-9");

    let err = PaymentError::LowBalance {
        balance: 1234.5678,
        amount: 10.0,
        currency: "EUR",
    };
    assert_eq!(err.message(), "balance 1234.57 is below 10.00 EUR");
    assert_body(
        &Envelope::new(&err),
        &json!({"success": false, "error": {
            "code": "LOW_BALANCE", "message": "balance 1234.57 is below 10.00 EUR", "status": 402
        }}),
    );

    let err = PaymentError::BadValue {
        value: "a\"b".to_owned(),
        mask: 0xbeef,
        n: 7,
    };
    assert_eq!(err.message(), r#"bad "a\"b", mask 0xbeef, [   7]"#);
    // Escaped correctly in the body.
    let body: Value = serde_json::from_slice(&Envelope::new(&err).to_vec().unwrap()).unwrap();
    assert_eq!(
        body["error"]["message"],
        r#"bad "a\"b", mask 0xbeef, [   7]"#
    );

    let err = PaymentError::Braces;
    assert_eq!(err.message(), "use {braces} literally");
    assert_eq!(err.spec().static_message(), Some("use {braces} literally"));
    assert_eq!(
        err.spec().message_template(),
        Some("use {{braces}} literally")
    );
}

// ---------------------------------------------------------------------------------------------
// Redaction in every format.

#[derive(Debug, thiserror::Error, ApiError)]
enum Leaky {
    #[error("db login failed: password=hunter2")]
    #[api(code = "DB", status = 500)]
    Db,
    #[error("upstream said: {0}")]
    #[api(code = "UPSTREAM", status = 502, expose)]
    Upstream(String),
    #[error("user 17 is bob@example.com")]
    #[api(code = "USER_NOT_FOUND", status = 404, redact)]
    UserNotFound,
}

/// The six built-in formats, each with its name for assertion messages.
fn six_formats() -> [(&'static str, &'static dyn AnyFormat); 6] {
    static PROBLEM: ProblemDetails = ProblemDetails::new();
    [
        ("Nested", &Nested),
        ("FieldLists", &FieldLists),
        ("FieldStrings", &FieldStrings),
        ("FlatDetails", &FlatDetails),
        ("StatusEnvelope", &StatusEnvelope),
        ("ProblemDetails", &PROBLEM),
    ]
}

fn full_context() -> Context {
    Context::new()
        .with_correlation_id(CorrelationId::new("c-1").unwrap())
        .with_timestamp(Timestamp::from_unix_millis(1_779_530_400_000).unwrap())
        .with_path("/forms/signup")
        .with_method(http::Method::POST)
        .with_instance("/forms/signup/1")
}

fn body_text(envelope: &Envelope<'_>) -> String {
    let bytes = String::from_utf8(envelope.to_vec().unwrap()).unwrap();
    let value = envelope.to_value().unwrap().to_string();
    format!("{bytes}\n{value}")
}

#[test]
fn a_5xx_display_never_reaches_any_format() {
    let err = Leaky::Db;
    assert_eq!(err.message(), "Internal Server Error");
    let context = full_context();
    let expected = [
        json!({"success": false, "error": {"code": "DB", "message": "Internal Server Error", "status": 500}}),
        json!({"code": "DB", "message": "Internal Server Error", "correlationId": "c-1"}),
        json!({"code": "DB", "message": "Internal Server Error"}),
        json!({"success": false, "error": "Internal Server Error", "code": "DB"}),
        json!({
            "success": false, "error": "Internal Server Error", "statusCode": 500,
            "timestamp": "2026-05-23T10:00:00.000Z", "path": "/forms/signup", "method": "POST"
        }),
        json!({
            "type": "about:blank", "title": "Internal Server Error", "status": 500,
            "instance": "/forms/signup/1", "code": "DB"
        }),
    ];
    for ((name, format), expected) in six_formats().into_iter().zip(expected) {
        for context in [&Context::new(), &context] {
            let envelope = Envelope::new(&err)
                .with_format(format)
                .with_context(context);
            let text = body_text(&envelope);
            assert!(!text.contains("hunter2"), "{name}: {text}");
        }
        let envelope = Envelope::new(&err)
            .with_format(format)
            .with_context(&context);
        assert_body(&envelope, &expected);
    }
}

/// Debug detail puts the internal message where a format has a place for it, and only there.
#[test]
fn debug_detail_shows_the_display_only_in_a_stack_member() {
    let err = Leaky::Db;
    let debug = Context::new().with_debug_detail(true);
    for (name, format) in six_formats() {
        let envelope = Envelope::new(&err).with_format(format).with_context(&debug);
        let text = body_text(&envelope);
        assert_eq!(
            text.contains("hunter2"),
            name == "StatusEnvelope",
            "{name}: {text}"
        );
    }
    assert_body(
        &Envelope::new(&err)
            .with_format(&StatusEnvelope)
            .with_context(&debug),
        &json!({
            "success": false, "error": "Internal Server Error", "statusCode": 500,
            "stack": "db login failed: password=hunter2"
        }),
    );
}

#[test]
fn expose_shows_a_5xx_display() {
    let err = Leaky::Upstream("quota exhausted".to_owned());
    assert_eq!(err.message(), "upstream said: quota exhausted");
    assert!(err.spec().is_exposed());
    assert!(!err.spec().is_redacted());
    for (name, format) in six_formats() {
        let text = body_text(&Envelope::new(&err).with_format(format));
        assert!(
            text.contains("upstream said: quota exhausted"),
            "{name}: {text}"
        );
    }
    assert_body(
        &Envelope::new(&err).with_format(&StatusEnvelope),
        &json!({
            "success": false, "message": "upstream said: quota exhausted",
            "error": "Bad Gateway", "statusCode": 502
        }),
    );
}

#[test]
fn redact_hides_a_4xx_display() {
    let err = Leaky::UserNotFound;
    assert_eq!(err.message(), "Not Found");
    assert!(err.spec().is_redacted());
    assert_eq!(err.spec().static_message(), Some("Not Found"));
    for (name, format) in six_formats() {
        let text = body_text(&Envelope::new(&err).with_format(format));
        assert!(!text.contains("bob@example.com"), "{name}: {text}");
    }
    assert_body(
        &Envelope::new(&err),
        &json!({"success": false, "error": {"code": "USER_NOT_FOUND", "message": "Not Found", "status": 404}}),
    );
    assert_body(
        &Envelope::new(&err).with_format(&StatusEnvelope),
        &json!({"success": false, "error": "Not Found", "statusCode": 404}),
    );
    // Logs still get the real text.
    let debug = Context::new().with_debug_detail(true);
    let body = Envelope::new(&err)
        .with_format(&StatusEnvelope)
        .with_context(&debug)
        .to_value()
        .unwrap();
    assert_eq!(body["stack"], "user 17 is bob@example.com");
}

// ---------------------------------------------------------------------------------------------
// Container defaults, rename_all, structs, generics, cfg.

#[derive(Debug, thiserror::Error, ApiError)]
#[api(status = 400, rename_all = "SCREAMING_SNAKE_CASE", category = "Orders")]
enum OrderError {
    #[error("unknown order type")]
    InvalidOrderType,
    #[error("order exists")]
    #[api(status = CONFLICT)]
    AlreadyExists,
    #[error("explicit")]
    #[api(code = "ORD-42", category = "Special")]
    Explicit,
}

#[test]
fn container_status_category_and_rename_all() {
    let rows: Vec<(&str, u16, Option<&str>)> = [
        OrderError::InvalidOrderType,
        OrderError::AlreadyExists,
        OrderError::Explicit,
    ]
    .iter()
    .map(|err| (err.code(), err.status().as_u16(), err.spec().category()))
    .collect();
    assert_eq!(
        rows,
        [
            ("INVALID_ORDER_TYPE", 400, Some("Orders")),
            ("ALREADY_EXISTS", 409, Some("Orders")),
            ("ORD-42", 400, Some("Special")),
        ]
    );
}

macro_rules! styled {
    ($name:ident, $rule:tt) => {
        #[derive(Debug, ApiError)]
        #[api(status = 422, rename_all = $rule)]
        enum $name {
            #[api(message = "m")]
            InvalidOrderType,
        }
    };
}

styled!(Lower, "lowercase");
styled!(Upper, "UPPERCASE");
styled!(Pascal, "PascalCase");
styled!(Camel, "camelCase");
styled!(Snake, "snake_case");
styled!(ScreamingSnake, "SCREAMING_SNAKE_CASE");
styled!(Kebab, "kebab-case");
styled!(ScreamingKebab, "SCREAMING-KEBAB-CASE");

#[test]
fn rename_all_case_styles() {
    let codes = [
        Lower::InvalidOrderType.code(),
        Upper::InvalidOrderType.code(),
        Pascal::InvalidOrderType.code(),
        Camel::InvalidOrderType.code(),
        Snake::InvalidOrderType.code(),
        ScreamingSnake::InvalidOrderType.code(),
        Kebab::InvalidOrderType.code(),
        ScreamingKebab::InvalidOrderType.code(),
    ];
    assert_eq!(
        codes,
        [
            "invalidordertype",
            "INVALIDORDERTYPE",
            "InvalidOrderType",
            "invalidOrderType",
            "invalid_order_type",
            "INVALID_ORDER_TYPE",
            "invalid-order-type",
            "INVALID-ORDER-TYPE",
        ]
    );
    assert_eq!(Kebab::InvalidOrderType.status().as_u16(), 422);
}

/// A struct is one code.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("rate limited for {retry_after}s")]
#[api(code = "RATE_LIMITED", status = 429, category = "Limits", format = apierr::format::FlatDetails)]
struct RateLimited {
    #[api(member = "retryAfter")]
    retry_after: u32,
}

#[test]
fn struct_derive() {
    let err = RateLimited { retry_after: 30 };
    assert_eq!(err.code(), "RATE_LIMITED");
    assert_eq!(err.status().as_u16(), 429);
    assert_eq!(err.message(), "rate limited for 30s");
    assert_eq!(err.spec().variant(), None);
    assert_eq!(err.spec().type_name(), "RateLimited");
    assert_eq!(err.spec().category(), Some("Limits"));
    let mut codes = Vec::new();
    RateLimited::catalog(&mut |spec| codes.push(spec.code()));
    assert_eq!(codes, ["RATE_LIMITED"]);
    assert_body(
        &Envelope::new(&err),
        &json!({"success": false, "error": "rate limited for 30s", "code": "RATE_LIMITED", "retryAfter": 30}),
    );
}

/// Bounds are inferred: `K: Display` for the message, `K: Serialize` for the member,
/// `E: ApiError` for the transparent variant.
#[derive(Debug, thiserror::Error, ApiError)]
enum Lookup<K, E> {
    #[error("no entry {0}")]
    #[api(code = "NO_ENTRY", status = 404)]
    Missing(K),
    #[error("bad key")]
    #[api(code = "BAD_KEY", status = 400, message = "bad key {key}")]
    BadKey {
        #[api(member)]
        key: K,
    },
    #[error(transparent)]
    #[api(transparent)]
    Inner(E),
}

#[test]
fn generic_enum() {
    type L = Lookup<u64, SessionError>;
    let err: L = Lookup::Missing(9);
    assert_eq!((err.code(), err.status().as_u16()), ("NO_ENTRY", 404));
    assert_eq!(err.message(), "no entry 9");
    let err: L = Lookup::BadKey { key: 12 };
    assert_body(
        &Envelope::new(&err),
        &json!({"success": false, "error": {"code": "BAD_KEY", "message": "bad key 12", "status": 400, "key": 12}}),
    );
    let err: L = Lookup::Inner(SessionError::Expired { id: "x".into() });
    assert_eq!(
        (err.code(), err.status().as_u16()),
        ("SESSION_EXPIRED", 401)
    );
    let mut codes = Vec::new();
    L::catalog(&mut |spec| codes.push(spec.code()));
    assert_eq!(
        codes,
        [
            "NO_ENTRY",
            "BAD_KEY",
            "SESSION_EXPIRED",
            "SESSION_INVALID",
            "SESSION_STORE"
        ]
    );
    // Another instantiation: the same specs, other types.
    let err: Lookup<&str, AuthError> = Lookup::BadKey { key: "k" };
    assert_eq!(err.message(), "bad key k");
}

/// A type that only exists where the gated-out variant would: nothing generated may name it.
#[cfg(not(test))]
#[derive(Debug)]
struct OnlyOutsideTests;

#[derive(Debug, ApiError)]
enum Gated {
    #[api(code = "ALWAYS", status = 400, message = "always")]
    Always,
    #[cfg(not(test))]
    #[api(code = "NEVER", status = 400, message = "never {0:?}")]
    Never(OnlyOutsideTests),
    #[cfg(test)]
    #[api(code = "ENABLED", status = 409, message = "enabled")]
    Enabled,
    #[cfg(test)]
    #[api(code = "ALTERNATIVE", status = 400, message = "a")]
    AlternativeA,
    // The same code under another `cfg`: an alternative, not a duplicate.
    #[cfg(not(test))]
    #[api(code = "ALTERNATIVE", status = 400, message = "b")]
    AlternativeB,
}

#[test]
fn cfg_gated_variants() {
    let mut codes = Vec::new();
    Gated::catalog(&mut |spec| codes.push(spec.code()));
    assert_eq!(codes, ["ALWAYS", "ENABLED", "ALTERNATIVE"]);
    assert_eq!(Gated::Enabled.code(), "ENABLED");
    assert_eq!(Gated::AlternativeA.message(), "a");
    assert_eq!(Gated::Always.status().as_u16(), 400);
}

// ---------------------------------------------------------------------------------------------
// Field errors and members in each format.

#[derive(Debug, ApiError)]
enum FormError {
    #[api(
        code = "INVALID_FORM",
        status = 422,
        title = "Invalid form",
        message = "Form is invalid"
    )]
    Invalid {
        #[api(fields)]
        fields: FieldErrors,
        #[api(member = "formId")]
        form: &'static str,
        #[api(member)]
        attempt: u8,
    },
}

#[test]
fn field_errors_and_members_in_each_format() {
    let err = FormError::Invalid {
        fields: FieldErrors::new()
            .with("email", "is required")
            .with("address.zip", "is too short")
            .with("address.zip", "must be digits"),
        form: "signup",
        attempt: 2,
    };
    let context = full_context();
    let lists =
        json!({"email": ["is required"], "address.zip": ["is too short", "must be digits"]});
    let strings = json!({"email": "is required", "address.zip": "is too short; must be digits"});
    let expected = [
        json!({"success": false, "error": {
            "code": "INVALID_FORM", "message": "Form is invalid", "status": 422,
            "fields": lists, "formId": "signup", "attempt": 2
        }}),
        json!({
            "code": "INVALID_FORM", "message": "Form is invalid", "errors": lists,
            "correlationId": "c-1", "formId": "signup", "attempt": 2
        }),
        json!({
            "code": "INVALID_FORM", "message": "Form is invalid", "fields": strings,
            "formId": "signup", "attempt": 2
        }),
        json!({
            "success": false, "error": "Form is invalid", "code": "INVALID_FORM",
            "details": strings, "formId": "signup", "attempt": 2
        }),
        json!({
            "success": false, "message": "Form is invalid", "error": "Unprocessable Entity",
            "statusCode": 422, "timestamp": "2026-05-23T10:00:00.000Z",
            "path": "/forms/signup", "method": "POST",
            "data": [
                {"type": "field", "path": "email", "msg": "is required"},
                {"type": "field", "path": "address.zip", "msg": "is too short"},
                {"type": "field", "path": "address.zip", "msg": "must be digits"}
            ],
            "formId": "signup", "attempt": 2
        }),
        json!({
            "type": "about:blank", "title": "Invalid form", "status": 422,
            "detail": "Form is invalid", "instance": "/forms/signup/1", "code": "INVALID_FORM",
            "errors": [
                {"detail": "is required", "pointer": "#/email"},
                {"detail": "is too short", "pointer": "#/address/zip"},
                {"detail": "must be digits", "pointer": "#/address/zip"}
            ],
            "formId": "signup", "attempt": 2
        }),
    ];
    for ((name, format), expected) in six_formats().into_iter().zip(expected) {
        let envelope = Envelope::new(&err)
            .with_format(format)
            .with_context(&context);
        let value = envelope.to_value().unwrap();
        assert_eq!(value, expected, "{name}");
        assert_body(&envelope, &expected);
    }

    // Empty field errors are left out everywhere.
    let empty = FormError::Invalid {
        fields: FieldErrors::new(),
        form: "signup",
        attempt: 1,
    };
    for (name, format) in six_formats() {
        let value = Envelope::new(&empty)
            .with_format(format)
            .to_value()
            .unwrap();
        let keys = ["fields", "errors", "details", "data"];
        let nested = value
            .get("error")
            .filter(|inner| inner.is_object())
            .unwrap_or(&value);
        for key in keys {
            assert!(
                value.get(key).is_none() && nested.get(key).is_none(),
                "{name}: {value}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Sources and the debug stack.

#[derive(Debug, thiserror::Error)]
#[error("query failed")]
struct QueryError(#[source] std::io::Error);

#[derive(Debug, thiserror::Error, ApiError)]
enum SourceKinds {
    #[error("from io")]
    #[api(code = "FROM", status = 500)]
    From(#[from] QueryError),
    #[error("named source")]
    #[api(code = "NAMED", status = 502)]
    Named { source: std::io::Error },
    #[error("boxed")]
    #[api(code = "BOXED", status = 500)]
    Boxed(#[source] Box<dyn std::error::Error + Send + Sync>),
    #[error("plain")]
    #[api(code = "PLAIN", status = 400)]
    Plain,
}

#[test]
fn source_error_and_debug_stack() {
    let from = SourceKinds::from(QueryError(std::io::Error::other("ECONNREFUSED")));
    let source = from.source_error().expect("#[from] is the source");
    assert_eq!(source.to_string(), "query failed");
    assert_eq!(source.source().unwrap().to_string(), "ECONNREFUSED");

    let named = SourceKinds::Named {
        source: std::io::Error::other("timeout"),
    };
    assert_eq!(named.source_error().unwrap().to_string(), "timeout");
    let boxed = SourceKinds::Boxed("boom".into());
    assert_eq!(boxed.source_error().unwrap().to_string(), "boom");
    assert!(SourceKinds::Plain.source_error().is_none());

    let debug = Context::new().with_debug_detail(true);
    let stack = |err: &SourceKinds| {
        Envelope::new(err)
            .with_format(&StatusEnvelope)
            .with_context(&debug)
            .to_value()
            .unwrap()["stack"]
            .clone()
    };
    assert_eq!(
        stack(&from),
        "from io\n    caused by: query failed\n    caused by: ECONNREFUSED"
    );
    assert_eq!(stack(&named), "named source\n    caused by: timeout");
    assert_eq!(stack(&SourceKinds::Plain), "plain");

    let db = AuthError::Db(std::io::Error::other("connection refused"));
    assert_body(
        &Envelope::new(&db)
            .with_format(&StatusEnvelope)
            .with_context(&debug),
        &json!({
            "success": false,
            "error": "Auth & Session",
            "statusCode": 500,
            "stack": "database unavailable\n    caused by: connection refused"
        }),
    );
    // Without debug detail, no stack.
    assert_body(
        &Envelope::new(&db).with_format(&StatusEnvelope),
        &json!({"success": false, "error": "Auth & Session", "statusCode": 500}),
    );
}
