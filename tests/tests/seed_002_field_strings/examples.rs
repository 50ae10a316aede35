//! The document's example bodies: the error format block, a handler error, a business slug, validation, malformed JSON.

use apierr::{ApiError, Envelope, FieldErrors};
use serde_json::json;

use crate::common::{assert_body, assert_exact};
use crate::{BusinessError, PlaceholderShape, TierError, TradingError};

/// "Error Format" (less its `// only for validation errors` comment, which is not JSON).
#[test]
fn error_format_block() {
    let err = PlaceholderShape::Example(FieldErrors::new().with("field_name", "error detail"));
    assert_body(
        &Envelope::new(&err),
        &json!({
            "code": "ERROR_SLUG",
            "message": "Human-readable description",
            "fields": {"field_name": "error detail"}
        }),
    );
    assert_exact(
        &Envelope::new(&err),
        r#"{"code":"ERROR_SLUG","message":"Human-readable description","fields":{"field_name":"error detail"}}"#,
    );
}

/// "Handler error (BAD_REQUEST)", HTTP 400.
#[test]
fn handler_error_example() {
    let err = TradingError::from(TierError::BadRequest("pair not found".to_owned()));
    assert_eq!(err.status().as_u16(), 400);
    assert_body(
        &Envelope::new(&err),
        &json!({
        "code": "BAD_REQUEST",
        "message": "pair not found"
        }),
    );
    assert_exact(
        &Envelope::new(&err),
        r#"{"code":"BAD_REQUEST","message":"pair not found"}"#,
    );
}

/// "Business error from trading core", HTTP 400.
#[test]
fn business_error_example() {
    let err = TradingError::from(BusinessError::InsufficientFunds {
        amount: 0.5,
        currency: "BTC".to_owned(),
    });
    assert_eq!(err.status().as_u16(), 400);
    assert_body(
        &Envelope::new(&err),
        &json!({
        "code": "INSUFFICIENT_FUNDS",
        "message": "Out of balance: 0.5 BTC"
        }),
    );
    assert_exact(
        &Envelope::new(&err),
        r#"{"code":"INSUFFICIENT_FUNDS","message":"Out of balance: 0.5 BTC"}"#,
    );
}

/// "Validation error", HTTP 422.
#[test]
fn validation_error_example() {
    let err = TradingError::from(TierError::Validation(
        FieldErrors::new().with("order_type", "invalid order_type: FANTASY"),
    ));
    assert_eq!(err.status().as_u16(), 422);
    assert_body(
        &Envelope::new(&err),
        &json!({
        "code": "VALIDATION_ERROR",
        "message": "Input data validation failed",
        "fields": {
        "order_type": "invalid order_type: FANTASY"
        }
        }),
    );
    assert_exact(
        &Envelope::new(&err),
        r#"{"code":"VALIDATION_ERROR","message":"Input data validation failed","fields":{"order_type":"invalid order_type: FANTASY"}}"#,
    );
}

/// "Malformed JSON", HTTP 400: the parser's own error stays internal.
#[test]
fn malformed_json_example() {
    let parse_error = serde_json::from_str::<serde_json::Value>("{\"amount\":").unwrap_err();
    let err = TradingError::from(TierError::MalformedJson(parse_error));
    assert_eq!(err.status().as_u16(), 400);
    assert_body(
        &Envelope::new(&err),
        &json!({
        "code": "MALFORMED_JSON",
        "message": "The request body is not a valid JSON"
        }),
    );
    assert_exact(
        &Envelope::new(&err),
        r#"{"code":"MALFORMED_JSON","message":"The request body is not a valid JSON"}"#,
    );
    assert!(err.source_error().is_some());
}
