//! No body shows what an error knows internally: not a source's `Display`, not the own
//! `Display` of a 5xx (or of a `redact`ed 4xx), in any format, with or without request context,
//! whichever way the body is rendered. Debug detail shows it only where a format has a member
//! for it (`StatusEnvelope`'s `stack`); `expose` shows it as the message, as asked.

use std::fmt;

use apierr::{ApiError, Context, CorrelationId, Envelope, Timestamp};
use apierr_tests::model::Shape;
use serde_json::Value;

/// What must never reach a client: a password and a connection string.
const SECRETS: [&str; 2] = ["hunter2", "db.internal:5432"];

/// A driver error that names its connection, as drivers do.
#[derive(Debug)]
struct DriverError;

impl fmt::Display for DriverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("connect to postgres://admin:hunter2@db.internal:5432/prod refused")
    }
}

impl std::error::Error for DriverError {}

#[derive(Debug, thiserror::Error, ApiError)]
#[error("cache at db.internal:5432 unreachable (auth password=hunter2)")]
#[api(code = "CACHE_DOWN", status = 502)]
struct CacheError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Storage")]
enum Failure {
    /// Own `Display` and source both hold secrets.
    #[error("query on postgres://admin:hunter2@db.internal:5432/prod failed")]
    #[api(code = "DB_DOWN", status = 503)]
    Database(#[source] DriverError),
    /// The secret comes in through `#[from]`.
    #[error("io: {0}")]
    #[api(code = "IO", status = 500)]
    Io(#[from] std::io::Error),
    /// A 4xx whose `Display` must not be shown.
    #[error("login as admin with password=hunter2 on db.internal:5432 rejected")]
    #[api(code = "LOGIN_FAILED", status = 401, redact)]
    Login,
    /// A 4xx whose message is public but whose source is not.
    #[error("bad input")]
    #[api(code = "BAD_INPUT", status = 400)]
    BadInput {
        #[source]
        source: DriverError,
    },
    /// A declared message stands in for the `Display`, which holds the secret.
    #[error("token password=hunter2 for db.internal:5432 expired")]
    #[api(code = "EXPIRED", status = 401, message = "Token expired")]
    Expired,
    /// A 5xx whose real message is meant to be shown.
    #[error("replica db.internal:5432 lagging, password=hunter2 rotated")]
    #[api(code = "EXPOSED", status = 503, expose)]
    Exposed,
    /// Another type's 5xx, as it is.
    #[error(transparent)]
    #[api(transparent)]
    Cache(#[from] CacheError),
}

/// Each error, its public message, and whether debug detail reveals the secret (its internal
/// message or its source chain holds it).
fn cases() -> Vec<(Failure, &'static str, bool)> {
    let exposed = "replica db.internal:5432 lagging, password=hunter2 rotated";
    vec![
        (Failure::Database(DriverError), "Service Unavailable", true),
        (
            Failure::Io(std::io::Error::other("password=hunter2 db.internal:5432")),
            "Internal Server Error",
            true,
        ),
        (Failure::Login, "Unauthorized", true),
        (
            Failure::BadInput {
                source: DriverError,
            },
            "bad input",
            true,
        ),
        // Its internal message is the declared one, and it has no source.
        (Failure::Expired, "Token expired", false),
        (Failure::Exposed, exposed, true),
        (Failure::Cache(CacheError), "Bad Gateway", true),
    ]
}

fn contexts() -> [Context; 3] {
    let full = Context::new()
        .with_correlation_id(CorrelationId::new("req-1").unwrap())
        .with_timestamp(Timestamp::from_unix_millis(0).unwrap())
        .with_method(http::Method::POST)
        .with_path("/login")
        .with_instance("/login/1");
    let debug = full.clone().with_debug_detail(true);
    [Context::new(), full, debug]
}

fn holds_secret(text: &str) -> bool {
    SECRETS.iter().any(|secret| text.contains(secret))
}

/// Whether any string in `value`, member names included, holds a secret: catches a secret that
/// a body spells with escapes.
fn value_holds_secret(value: &Value) -> bool {
    match value {
        Value::String(text) => holds_secret(text),
        Value::Array(items) => items.iter().any(value_holds_secret),
        Value::Object(members) => members
            .iter()
            .any(|(name, value)| holds_secret(name) || value_holds_secret(value)),
        _ => false,
    }
}

/// The message member of `shape`'s body.
fn message_of<'a>(shape: &Shape, body: &'a Value) -> Option<&'a Value> {
    match shape {
        Shape::Nested => body["error"].get("message"),
        Shape::FlatDetails => body.get("error"),
        Shape::ProblemDetails(_) => body.get("detail"),
        _ => body.get("message"),
    }
}

#[test]
fn no_body_shows_a_secret_unless_exposed_or_debugging() {
    let mut checked = 0;
    for (error, public, in_debug) in cases() {
        let exposed = matches!(error, Failure::Exposed);
        assert_eq!(error.message(), public, "{error:?}");
        assert_eq!(holds_secret(&error.message()), exposed, "{error:?}");
        for context in &contexts() {
            let envelope = Envelope::new(&error).with_context(context);
            assert_eq!(envelope.problem().message().to_string(), public);
            assert_eq!(holds_secret(&format!("{:?}", envelope.problem())), exposed);
            for shape in Shape::ALL {
                let format = shape.any();
                let envelope = envelope.with_format(&*format);
                let bytes = envelope.to_vec().unwrap();
                let parsed: Value = serde_json::from_slice(&bytes).unwrap();
                let through_serde: Value =
                    serde_json::from_slice(&serde_json::to_vec(&envelope).unwrap()).unwrap();
                let value = envelope.to_value().unwrap();
                assert_eq!(parsed, value);
                assert_eq!(through_serde, value);

                let mut without_stack = value.clone();
                let stack = without_stack
                    .as_object_mut()
                    .and_then(|members| members.remove("stack"));
                let debugging = context.debug_detail() && shape == Shape::StatusEnvelope;
                assert_eq!(stack.is_some(), debugging, "{shape:?} {error:?}");
                if let Some(stack) = stack {
                    assert_eq!(value_holds_secret(&stack), in_debug, "{shape:?} {error:?}");
                }
                let shown = String::from_utf8(bytes).unwrap();
                if exposed {
                    // StatusEnvelope has no message member for the generic message only.
                    let message = message_of(&shape, &without_stack);
                    assert_eq!(message, Some(&Value::from(public)), "{shape:?}: {shown}");
                } else {
                    assert!(!value_holds_secret(&without_stack), "{shape:?}: {shown}");
                    if !(debugging && in_debug) {
                        assert!(!holds_secret(&shown), "{shape:?}: {shown}");
                    }
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 7 * 3 * 7);
}

#[test]
fn debug_detail_shows_the_source_chain_in_status_envelope() {
    let context = Context::new().with_debug_detail(true);
    let error = Failure::Database(DriverError);
    let body = Envelope::new(&error)
        .with_context(&context)
        .with_format(&apierr::format::StatusEnvelope)
        .to_value()
        .unwrap();
    assert_eq!(
        body,
        serde_json::json!({
            "success": false,
            "error": "Storage",
            "statusCode": 503,
            "stack": "query on postgres://admin:hunter2@db.internal:5432/prod failed\n    \
                      caused by: connect to postgres://admin:hunter2@db.internal:5432/prod refused"
        })
    );
}

#[test]
fn the_generic_message_replaces_a_redacted_one_everywhere() {
    let error = Failure::Login;
    let cases = [
        (
            Shape::ALL[0],
            r#"{"success":false,"error":{"code":"LOGIN_FAILED","message":"Unauthorized","status":401}}"#,
        ),
        (
            Shape::ALL[3],
            r#"{"success":false,"error":"Unauthorized","code":"LOGIN_FAILED"}"#,
        ),
        (
            Shape::ALL[4],
            r#"{"success":false,"error":"Storage","statusCode":401}"#,
        ),
        (
            Shape::ALL[5],
            r#"{"type":"about:blank","title":"Unauthorized","status":401,"code":"LOGIN_FAILED"}"#,
        ),
    ];
    for (shape, expected) in cases {
        let format = shape.any();
        let body = Envelope::new(&error)
            .with_format(&*format)
            .to_vec()
            .unwrap();
        assert_eq!(String::from_utf8(body).unwrap(), expected, "{shape:?}");
    }
}
