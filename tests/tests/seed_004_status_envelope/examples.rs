//! The document's examples: the standard error shape, uncaught errors and the Persian messages.

use apierr::{ApiError, Context, Envelope, FieldErrors};
use serde_json::json;

use crate::common::{assert_body, assert_exact};
use crate::{AmnError, NOT_THE_BUYER_FA, USER_EXISTS_FA, WRONG_DELIVERY_CODE_FA, at, uncaught};

/// "Standard error shape", with its `data` placeholder filled by two express-validator items.
#[test]
fn standard_error_shape_example() {
    let fields = FieldErrors::new()
        .with("email", "Please provide a valid email")
        .with("password", "Password must be at least 8 characters long");
    let err = AmnError::Validation(fields.clone());
    let context = Context::new()
        .with_timestamp(at())
        .with_path("/api/auth/register")
        .with_method(http::Method::POST);
    let data = json!([
        {"type": "field", "path": "email", "msg": "Please provide a valid email"},
        {"type": "field", "path": "password", "msg": "Password must be at least 8 characters long"}
    ]);
    // The documented item shape is exactly `FieldErrors::as_items`.
    assert_eq!(serde_json::to_value(fields.as_items()).unwrap(), data);
    assert_body(
        &Envelope::new(&err).with_context(&context),
        &json!({
          "success": false,
          "message": "Validation failed",
          "error": "Validation Error",
          "statusCode": 400,
          "timestamp": "2026-05-23T10:00:00.000Z",
          "path": "/api/auth/register",
          "method": "POST",
          "data": data
        }),
    );
    assert_exact(
        &Envelope::new(&err).with_context(&context),
        r#"{"success":false,"message":"Validation failed","error":"Validation Error","statusCode":400,"timestamp":"2026-05-23T10:00:00.000Z","path":"/api/auth/register","method":"POST","data":[{"type":"field","path":"email","msg":"Please provide a valid email"},{"type":"field","path":"password","msg":"Password must be at least 8 characters long"}]}"#,
    );
}

/// "Uncaught errors": no message, no timestamp; `stack` only in development.
#[test]
fn uncaught_error_example() {
    let err = uncaught();
    assert_body(
        &Envelope::new(&err),
        &json!({
          "success": false,
          "error": "Internal Server Error",
          "statusCode": 500
        }),
    );
    assert_exact(
        &Envelope::new(&err),
        r#"{"success":false,"error":"Internal Server Error","statusCode":500}"#,
    );
    let development = Context::new().with_debug_detail(true);
    assert_body(
        &Envelope::new(&err).with_context(&development),
        &json!({
          "success": false,
          "error": "Internal Server Error",
          "statusCode": 500,
          "stack": "unhandled exception\n    caused by: Cannot read properties of undefined (reading 'id')"
        }),
    );
    assert_exact(
        &Envelope::new(&err).with_context(&development),
        r#"{"success":false,"error":"Internal Server Error","statusCode":500,"stack":"unhandled exception\n    caused by: Cannot read properties of undefined (reading 'id')"}"#,
    );
}

/// The stack is the internal message followed by the source chain.
#[test]
fn uncaught_error_stack_lists_the_sources() {
    #[derive(Debug, thiserror::Error)]
    #[error("query users failed")]
    struct Query(#[source] std::io::Error);
    let err = AmnError::Internal(Box::new(Query(std::io::Error::other("ECONNREFUSED"))));
    let development = Context::new().with_debug_detail(true);
    let body = Envelope::new(&err)
        .with_context(&development)
        .to_value()
        .unwrap();
    assert_eq!(
        body["stack"],
        "unhandled exception\n    caused by: query users failed\n    caused by: ECONNREFUSED"
    );
    // Off by default: production never sees it.
    let body = Envelope::new(&err).to_value().unwrap();
    assert_eq!(body.get("stack"), None);
}

/// "For auth-specific 4xx responses the body's message carries the user-facing text (often
/// Persian/Farsi for legacy reasons)": the three quoted messages, with their statuses.
#[test]
fn persian_messages() {
    let context = Context::new()
        .with_timestamp(at())
        .with_method(http::Method::POST);
    for (err, status, category, message, path) in [
        (
            AmnError::UserExists,
            409,
            "USER_EXISTS",
            USER_EXISTS_FA,
            "/api/auth/register",
        ),
        (
            AmnError::WrongDeliveryCode,
            400,
            "Bad Request",
            WRONG_DELIVERY_CODE_FA,
            "/api/marketplace/delivery-code/verify",
        ),
        (
            AmnError::NotTheBuyer,
            403,
            "Forbidden",
            NOT_THE_BUYER_FA,
            "/api/marketplace/delivery-code",
        ),
    ] {
        assert_eq!(err.status().as_u16(), status);
        assert_eq!(err.message(), message);
        let context = context.clone().with_path(path);
        assert_body(
            &Envelope::new(&err).with_context(&context),
            &json!({
                "success": false,
                "message": message,
                "error": category,
                "statusCode": status,
                "timestamp": "2026-05-23T10:00:00.000Z",
                "path": path,
                "method": "POST"
            }),
        );
    }
}
