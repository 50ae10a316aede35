//! Every row of the three tables against the document and the catalogue, and a redacted server error.

use std::collections::BTreeMap;

use apierr::{ApiError, Envelope, FieldErrors, Spec};
use serde_json::json;

use crate::common::assert_body;
use crate::{AuthError, BusinessError, TierError, TradingError};

/// One row of a table: value, code, status, category, description, message.
type Row = (
    TradingError,
    &'static str,
    u16,
    &'static str,
    &'static str,
    &'static str,
);

fn fields() -> FieldErrors {
    FieldErrors::new().with("api_key", "is required")
}

/// The three tables, in the document's order.
fn table() -> Vec<Row> {
    use AuthError as A;
    use BusinessError as B;
    use TierError as T;
    let tier = "Error Response Tiers";
    let slug = "Business Error Slugs";
    let auth = "Authentication Errors";
    vec![
        (
            T::BadRequest("negative amount".into()).into(),
            "BAD_REQUEST",
            400,
            tier,
            "Invalid input caught by handler (pair not found, invalid format, negative amounts, disabled order type)",
            "negative amount",
        ),
        (
            T::MalformedJson(serde_json::from_str::<u8>("x").unwrap_err()).into(),
            "MALFORMED_JSON",
            400,
            tier,
            "Request body is not valid JSON",
            "The request body is not a valid JSON",
        ),
        (
            T::Unauthorized.into(),
            "UNAUTHORIZED",
            401,
            tier,
            "Missing or invalid auth",
            "Missing or invalid auth",
        ),
        (
            T::Forbidden.into(),
            "FORBIDDEN",
            403,
            tier,
            "Missing signature, insufficient permissions, pair not permitted for API key",
            "Missing signature, insufficient permissions, pair not permitted for API key",
        ),
        (
            T::NotFound.into(),
            "NOT_FOUND",
            404,
            tier,
            "Resource not found",
            "Resource not found",
        ),
        (
            T::Validation(fields()).into(),
            "VALIDATION_ERROR",
            422,
            tier,
            "Struct/field validation failed (includes fields map with per-field errors)",
            "Input data validation failed",
        ),
        (
            T::TooManyRequests.into(),
            "TOO_MANY_REQUESTS",
            429,
            tier,
            "Rate limit exceeded",
            "Rate limit exceeded",
        ),
        (
            T::Internal("nil pointer in matcher".into()).into(),
            "INTERNAL_SERVER_ERROR",
            500,
            tier,
            "Unexpected server error",
            "Internal Server Error",
        ),
        (
            T::Unavailable("core: connection reset".into()).into(),
            "SERVICE_UNAVAILABLE",
            503,
            tier,
            "Service temporarily unavailable",
            "Service Unavailable",
        ),
        (
            B::RequiredField.into(),
            "REQUIRED_FIELD",
            400,
            slug,
            "Missing required field",
            "Missing required field",
        ),
        (
            B::InvalidFormat.into(),
            "INVALID_FORMAT",
            400,
            slug,
            "Invalid field format or value",
            "Invalid field format or value",
        ),
        (
            B::InvalidQuantity.into(),
            "INVALID_QUANTITY",
            400,
            slug,
            "Amount is zero or violates constraints",
            "Amount is zero or violates constraints",
        ),
        (
            B::InvalidPrice.into(),
            "INVALID_PRICE",
            400,
            slug,
            "Price is zero or negative",
            "Price is zero or negative",
        ),
        (
            B::InvalidOrderType.into(),
            "INVALID_ORDER_TYPE",
            400,
            slug,
            "Unknown order type",
            "Unknown order type",
        ),
        (
            B::InvalidSide.into(),
            "INVALID_SIDE",
            400,
            slug,
            "Unknown order side",
            "Unknown order side",
        ),
        (
            B::InvalidStopPrice.into(),
            "INVALID_STOP_PRICE",
            400,
            slug,
            "Missing or invalid stop price for stop orders",
            "Missing or invalid stop price for stop orders",
        ),
        (
            B::InvalidPair.into(),
            "INVALID_PAIR",
            400,
            slug,
            "Pair not found, disabled, or doesn't support this order type",
            "Pair not found, disabled, or doesn't support this order type",
        ),
        (
            B::OrderNotFound.into(),
            "ORDER_NOT_FOUND",
            400,
            slug,
            "Order doesn't exist or already completed",
            "Order doesn't exist or already completed",
        ),
        (
            B::InvalidCurrency.into(),
            "INVALID_CURRENCY",
            400,
            slug,
            "Invalid currency",
            "Invalid currency",
        ),
        (
            B::InvalidPrecision.into(),
            "INVALID_PRECISION",
            400,
            slug,
            "Invalid decimal precision",
            "Invalid decimal precision",
        ),
        (
            B::InvalidOrderSize.into(),
            "INVALID_ORDER_SIZE",
            400,
            slug,
            "Amount below minimum_order_size or above maximum_order_size",
            "Amount below minimum_order_size or above maximum_order_size",
        ),
        (
            B::InvalidOrderValue.into(),
            "INVALID_ORDER_VALUE",
            400,
            slug,
            "Order value (amount × price) below minimum_order_value",
            "Order value (amount × price) below minimum_order_value",
        ),
        (
            B::InsufficientFunds {
                amount: 12.25,
                currency: "USDT".into(),
            }
            .into(),
            "INSUFFICIENT_FUNDS",
            400,
            slug,
            "Not enough available balance",
            "Out of balance: 12.25 USDT",
        ),
        (
            B::ServiceOverloaded.into(),
            "SERVICE_OVERLOADED",
            400,
            slug,
            "Service temporarily overloaded, retry later",
            "Service temporarily overloaded, retry later",
        ),
        (
            B::InternalError.into(),
            "INTERNAL_ERROR",
            400,
            slug,
            "Internal service error",
            "Internal service error",
        ),
        (
            A::InvalidSecret.into(),
            "INVALID_SECRET",
            401,
            auth,
            "API secret is incorrect",
            "API secret is incorrect",
        ),
        (
            A::Unauthorized.into(),
            "UNAUTHORIZED",
            401,
            auth,
            "General authentication failure (deleted key, inactive account, department mismatch)",
            "General authentication failure",
        ),
        (
            A::IpNotAllowed.into(),
            "IP_NOT_ALLOWED",
            403,
            auth,
            "Request IP is not in the API key whitelist",
            "Request IP is not in the API key whitelist",
        ),
        (
            A::Forbidden.into(),
            "FORBIDDEN",
            403,
            auth,
            "Missing signature or insufficient permissions",
            "Missing signature or insufficient permissions",
        ),
        (
            A::MissingSignature.into(),
            "MISSING_SIGNATURE",
            403,
            auth,
            "X-SIGN header required but not provided",
            "X-SIGN header required but not provided",
        ),
        (
            A::InvalidSignature.into(),
            "INVALID_SIGNATURE",
            403,
            auth,
            "X-SIGN signature verification failed",
            "X-SIGN signature verification failed",
        ),
        (
            A::NotFound.into(),
            "NOT_FOUND",
            404,
            auth,
            "API key does not exist",
            "API key does not exist",
        ),
        (
            A::Validation(fields()).into(),
            "VALIDATION_ERROR",
            422,
            auth,
            "Missing api_key or api_secret in request body",
            "Missing api_key or api_secret in request body",
        ),
    ]
}

/// Every row of the three tables: code, status, category, description, message and body;
/// `fields` is in the body exactly when the code is VALIDATION_ERROR.
#[test]
fn every_code_matches_the_document() {
    let rows = table();
    assert_eq!(rows.len(), 9 + 16 + 8);
    for (err, code, status, category, description, message) in &rows {
        assert_eq!(err.code(), *code);
        assert_eq!(err.status().as_u16(), *status, "{code}");
        assert_eq!(err.spec().category(), Some(*category), "{code}");
        assert_eq!(err.spec().doc(), Some(*description), "{code}");
        assert_eq!(err.message(), *message, "{code}");
        let expected = if *code == "VALIDATION_ERROR" {
            json!({"code": code, "message": message, "fields": {"api_key": "is required"}})
        } else {
            json!({"code": code, "message": message})
        };
        assert_body(&Envelope::new(err), &expected);
    }
}

/// The catalogue: the three tables in order; all 16 slugs on 400; only VALIDATION_ERROR carries
/// fields; a code listed in two tables has the same status in both.
#[test]
fn catalog_matches_the_tables() {
    let mut specs: Vec<&'static Spec> = Vec::new();
    TradingError::catalog(&mut |spec| specs.push(spec));
    let rows = table();
    assert_eq!(specs.len(), rows.len());
    for (spec, (_, code, status, category, description, _)) in specs.iter().zip(&rows) {
        assert_eq!(spec.code(), *code);
        assert_eq!(spec.status().as_u16(), *status, "{code}");
        assert_eq!(spec.category(), Some(*category), "{code}");
        assert_eq!(spec.doc(), Some(*description), "{code}");
        assert_eq!(
            spec.has_field_errors(),
            *code == "VALIDATION_ERROR",
            "{code}"
        );
    }

    let slugs: Vec<&Spec> = specs
        .iter()
        .copied()
        .filter(|spec| spec.category() == Some("Business Error Slugs"))
        .collect();
    assert_eq!(slugs.len(), 16);
    assert!(slugs.iter().all(|spec| spec.status().as_u16() == 400));

    let mut by_code: BTreeMap<&str, Vec<u16>> = BTreeMap::new();
    for spec in &specs {
        by_code
            .entry(spec.code())
            .or_default()
            .push(spec.status().as_u16());
    }
    let twice: BTreeMap<&str, Vec<u16>> = by_code
        .into_iter()
        .filter(|(_, statuses)| statuses.len() > 1)
        .collect();
    assert_eq!(
        twice,
        BTreeMap::from([
            ("FORBIDDEN", vec![403, 403]),
            ("NOT_FOUND", vec![404, 404]),
            ("UNAUTHORIZED", vec![401, 401]),
            ("VALIDATION_ERROR", vec![422, 422]),
        ])
    );
}

/// A server error's own text never reaches the client.
#[test]
fn server_errors_are_redacted() {
    let err = TradingError::from(TierError::Internal("secret=abc".to_owned()));
    let body = String::from_utf8(Envelope::new(&err).to_vec().unwrap()).unwrap();
    assert!(!body.contains("secret=abc"), "{body}");
}
