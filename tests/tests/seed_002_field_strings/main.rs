//! Seed 002 (`/work/shared/seeds/002_c17949da95eb01d3.txt`): `{"code","message","fields":
//! {field:"…"}}`, in [`apierr::format::FieldStrings`].
//!
//! The document has three tables, each its own enum (its title as the category): the response
//! tiers, the 16 business slugs returned with 400, and the authentication errors. Four codes
//! (UNAUTHORIZED, FORBIDDEN, NOT_FOUND, VALIDATION_ERROR) are in both the tier and the
//! authentication table, each with its own description there; the API's error type gathers the
//! three enums with `transparent` variants.

#[path = "../common/mod.rs"]
mod common;

mod examples;
mod page;
mod rows;

use apierr::{ApiError, FieldErrors};

/// Error Response Tiers: every row with a fixed code (the business slugs are below).
#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Error Response Tiers")]
pub enum TierError {
    /// Invalid input caught by handler (pair not found, invalid format, negative amounts, disabled order type)
    #[error("{0}")]
    #[api(code = "BAD_REQUEST", status = 400)]
    BadRequest(String),
    /// Request body is not valid JSON
    #[error("malformed JSON: {0}")]
    #[api(
        code = "MALFORMED_JSON",
        status = 400,
        message = "The request body is not a valid JSON"
    )]
    MalformedJson(#[source] serde_json::Error),
    /// Missing or invalid auth
    #[error("Missing or invalid auth")]
    #[api(code = "UNAUTHORIZED", status = 401)]
    Unauthorized,
    /// Missing signature, insufficient permissions, pair not permitted for API key
    #[error("Missing signature, insufficient permissions, pair not permitted for API key")]
    #[api(code = "FORBIDDEN", status = 403)]
    Forbidden,
    /// Resource not found
    #[error("Resource not found")]
    #[api(code = "NOT_FOUND", status = 404)]
    NotFound,
    /// Struct/field validation failed (includes fields map with per-field errors)
    #[error("struct validation failed")]
    #[api(
        code = "VALIDATION_ERROR",
        status = 422,
        message = "Input data validation failed"
    )]
    Validation(#[api(fields)] FieldErrors),
    /// Rate limit exceeded
    #[error("Rate limit exceeded")]
    #[api(code = "TOO_MANY_REQUESTS", status = 429)]
    TooManyRequests,
    /// Unexpected server error
    #[error("unexpected: {0}")]
    #[api(code = "INTERNAL_SERVER_ERROR", status = 500)]
    Internal(String),
    /// Service temporarily unavailable
    #[error("upstream down: {0}")]
    #[api(code = "SERVICE_UNAVAILABLE", status = 503)]
    Unavailable(String),
}

/// Business Error Slugs: returned with HTTP 400 when the trading core rejects a request.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(
    category = "Business Error Slugs",
    status = 400,
    rename_all = "SCREAMING_SNAKE_CASE"
)]
pub enum BusinessError {
    /// Missing required field
    #[error("Missing required field")]
    RequiredField,
    /// Invalid field format or value
    #[error("Invalid field format or value")]
    InvalidFormat,
    /// Amount is zero or violates constraints
    #[error("Amount is zero or violates constraints")]
    InvalidQuantity,
    /// Price is zero or negative
    #[error("Price is zero or negative")]
    InvalidPrice,
    /// Unknown order type
    #[error("Unknown order type")]
    InvalidOrderType,
    /// Unknown order side
    #[error("Unknown order side")]
    InvalidSide,
    /// Missing or invalid stop price for stop orders
    #[error("Missing or invalid stop price for stop orders")]
    InvalidStopPrice,
    /// Pair not found, disabled, or doesn't support this order type
    #[error("Pair not found, disabled, or doesn't support this order type")]
    InvalidPair,
    /// Order doesn't exist or already completed
    #[error("Order doesn't exist or already completed")]
    OrderNotFound,
    /// Invalid currency
    #[error("Invalid currency")]
    InvalidCurrency,
    /// Invalid decimal precision
    #[error("Invalid decimal precision")]
    InvalidPrecision,
    /// Amount below minimum_order_size or above maximum_order_size
    #[error("Amount below minimum_order_size or above maximum_order_size")]
    InvalidOrderSize,
    /// Order value (amount × price) below minimum_order_value
    #[error("Order value (amount × price) below minimum_order_value")]
    InvalidOrderValue,
    /// Not enough available balance
    #[error("insufficient funds")]
    #[api(message = "Out of balance: {amount} {currency}")]
    InsufficientFunds { amount: f64, currency: String },
    /// Service temporarily overloaded, retry later
    #[error("Service temporarily overloaded, retry later")]
    ServiceOverloaded,
    /// Internal service error
    #[error("Internal service error")]
    InternalError,
}

/// Authentication Errors.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Authentication Errors")]
pub enum AuthError {
    /// API secret is incorrect
    #[error("API secret is incorrect")]
    #[api(code = "INVALID_SECRET", status = 401)]
    InvalidSecret,
    /// General authentication failure (deleted key, inactive account, department mismatch)
    #[error("General authentication failure")]
    #[api(code = "UNAUTHORIZED", status = 401)]
    Unauthorized,
    /// Request IP is not in the API key whitelist
    #[error("Request IP is not in the API key whitelist")]
    #[api(code = "IP_NOT_ALLOWED", status = 403)]
    IpNotAllowed,
    /// Missing signature or insufficient permissions
    #[error("Missing signature or insufficient permissions")]
    #[api(code = "FORBIDDEN", status = 403)]
    Forbidden,
    /// X-SIGN header required but not provided
    #[error("X-SIGN header required but not provided")]
    #[api(code = "MISSING_SIGNATURE", status = 403)]
    MissingSignature,
    /// X-SIGN signature verification failed
    #[error("X-SIGN signature verification failed")]
    #[api(code = "INVALID_SIGNATURE", status = 403)]
    InvalidSignature,
    /// API key does not exist
    #[error("API key does not exist")]
    #[api(code = "NOT_FOUND", status = 404)]
    NotFound,
    /// Missing api_key or api_secret in request body
    #[error("Missing api_key or api_secret in request body")]
    #[api(code = "VALIDATION_ERROR", status = 422)]
    Validation(#[api(fields)] FieldErrors),
}

/// The API's error type, in the documented format.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(format = apierr::format::FieldStrings)]
pub enum TradingError {
    #[error(transparent)]
    #[api(transparent)]
    Tier(#[from] TierError),
    #[error(transparent)]
    #[api(transparent)]
    Business(#[from] BusinessError),
    #[error(transparent)]
    #[api(transparent)]
    Auth(#[from] AuthError),
}

/// The "Error Format" block uses placeholders (`ERROR_SLUG`, `field_name`); this type declares
/// exactly them, to show the complete shape.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(format = apierr::format::FieldStrings)]
enum PlaceholderShape {
    #[error("placeholder")]
    #[api(
        code = "ERROR_SLUG",
        status = 422,
        message = "Human-readable description"
    )]
    Example(#[api(fields)] FieldErrors),
}
