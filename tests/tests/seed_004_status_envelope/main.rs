//! Seed 004 (`/work/shared/seeds/004_edb8e13186900326.txt`): `{"success":false,"message",
//! "error":"<category>","statusCode","timestamp","path","method","data"}`, in
//! [`apierr::format::StatusEnvelope`].
//!
//! In this API the body's `error` member is the "application error code" (`Validation Error`,
//! `USER_EXISTS`, …): in apierr terms, the category. The machine-readable apierr code stays
//! internal (logs, catalogue).

#[path = "../common/mod.rs"]
mod common;

mod examples;
mod legacy;
mod tables;
mod validator_items;

use apierr::{ApiError, FieldErrors, Timestamp};

/// The errors of the "Mongoose-specific mappings" table, handled in `errorHandler`.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum MongooseError {
    /// ValidationError
    #[error("mongoose validation: {0}")]
    #[api(
        code = "MONGOOSE_VALIDATION",
        status = 400,
        message = "Validation Error"
    )]
    Validation(String),
    /// MongoError code 11000
    #[error("E11000 duplicate key error on {key}")]
    #[api(
        code = "MONGO_DUPLICATE_KEY",
        status = 409,
        message = "Duplicate resource"
    )]
    DuplicateKey { key: String },
    /// JsonWebTokenError
    #[error("jwt malformed")]
    #[api(code = "JWT_INVALID", status = 401, message = "Invalid token")]
    JsonWebToken,
    /// TokenExpiredError
    #[error("jwt expired")]
    #[api(code = "JWT_EXPIRED", status = 401, message = "Token expired")]
    TokenExpired,
}

/// The backend's errors: the "HTTP status mapping" table's error statuses, with the categories
/// of the "Application error codes" table.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(format = apierr::format::StatusEnvelope)]
pub enum AmnError {
    /// express-validator rejected the body
    #[error("request body rejected by express-validator")]
    #[api(
        code = "VALIDATION_ERROR",
        status = 400,
        category = "Validation Error",
        message = "Validation failed"
    )]
    Validation(#[api(fields)] FieldErrors),
    /// wrong delivery code
    #[error("کد تحویل نادرست است")]
    #[api(code = "WRONG_DELIVERY_CODE", status = 400)]
    WrongDeliveryCode,
    /// No token
    #[error("Access token required")]
    #[api(code = "TOKEN_REQUIRED", status = 401, category = "Unauthorized")]
    TokenRequired,
    /// Bad token
    #[error("Invalid or expired token")]
    #[api(code = "TOKEN_INVALID", status = 401, category = "Unauthorized")]
    TokenInvalid,
    /// Role/ownership check failed
    #[error("{0}")]
    #[api(code = "FORBIDDEN", status = 403, category = "Forbidden")]
    Forbidden(String),
    /// not the buyer
    #[error("شما مجاز به ایجاد کد تحویل برای این درخواست نیستید")]
    #[api(code = "NOT_THE_BUYER", status = 403, category = "Forbidden")]
    NotTheBuyer,
    /// Generic resource lookup miss
    #[error("{0} lookup missed")]
    #[api(
        code = "NOT_FOUND",
        status = 404,
        category = "Not Found",
        message = "Resource not found"
    )]
    NotFound(String),
    /// Email already registered
    #[error("کاربری با این ایمیل قبلاً ثبتنام کرده است")]
    #[api(code = "USER_EXISTS", status = 409, category = "USER_EXISTS")]
    UserExists,
    /// duplicate review, dispute already open
    #[error("{0}")]
    #[api(code = "CONFLICT", status = 409)]
    Conflict(String),
    /// Account temporarily locked
    #[error("account locked")]
    #[api(code = "ACCOUNT_LOCKED", status = LOCKED, message = "Account temporarily locked until {until}")]
    AccountLocked { until: Timestamp },
    /// Rate limit hit
    #[error("Too many attempts, try again later")]
    #[api(code = "RATE_LIMITED", status = 429)]
    RateLimited,
    /// Catch-all 500
    #[error("unhandled exception")]
    #[api(code = "INTERNAL", status = 500, category = "Internal Server Error")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// Upstream provider failure
    #[error("{provider} unreachable")]
    #[api(code = "UPSTREAM_UNREACHABLE", status = 502, expose)]
    Upstream { provider: &'static str },
    /// Webhook signature mismatch
    #[error("webhook signature mismatch")]
    #[api(code = "WEBHOOK_SIGNATURE", status = 401)]
    WebhookSignature,
    #[error(transparent)]
    #[api(transparent)]
    Mongoose(#[from] MongooseError),
}

const USER_EXISTS_FA: &str = "کاربری با این ایمیل قبلاً ثبتنام کرده است";
const WRONG_DELIVERY_CODE_FA: &str = "کد تحویل نادرست است";
const NOT_THE_BUYER_FA: &str = "شما مجاز به ایجاد کد تحویل برای این درخواست نیستید";

/// 2026-05-23T10:00:00.000Z, the document's timestamp.
fn at() -> Timestamp {
    Timestamp::from_unix_millis(1_779_530_400_000).unwrap()
}

fn uncaught() -> AmnError {
    AmnError::Internal(Box::new(std::io::Error::other(
        "Cannot read properties of undefined (reading 'id')",
    )))
}
