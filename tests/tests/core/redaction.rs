//! Redaction in every format: a 5xx display, debug detail, `expose` and `redact`.

use apierr::format::StatusEnvelope;
use apierr::{ApiError, Context, Envelope};
use serde_json::json;

use crate::common::assert_body;
use crate::{full_context, six_formats};

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
