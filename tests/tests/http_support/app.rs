//! The error type both test servers return from their handlers.

use std::time::Duration;

use apierr::format::{Format, Layout, Slot, Value};
use apierr::{ApiError, FieldErrors};

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AppError {
    #[error("order {0} not found")]
    #[api(code = "ORDER_NOT_FOUND", status = 404, category = "Orders")]
    OrderNotFound(u32),
    #[error("invalid order")]
    #[api(
        code = "VALIDATION_FAILED",
        status = 422,
        message = "Validation failed"
    )]
    Invalid(#[api(fields)] FieldErrors),
    /// No challenge declared: the default one (`Bearer`) is sent.
    #[error("login required")]
    #[api(code = "LOGIN_REQUIRED", status = 401, message = "Login required")]
    LoginRequired,
    #[error("token expired")]
    #[api(
        code = "TOKEN_EXPIRED",
        status = 401,
        message = "Token expired",
        www_authenticate = "Bearer error=\"invalid_token\""
    )]
    TokenExpired,
    #[error("rate limited")]
    #[api(
        code = "RATE_LIMITED",
        status = 429,
        message = "Too many requests",
        header("cache-control", "no-store")
    )]
    RateLimited {
        #[api(retry_after)]
        wait: Duration,
    },
    #[error("database unavailable")]
    #[api(code = "DB_UNAVAILABLE", status = 503)]
    Db(#[source] std::io::Error),
    #[error("quota exceeded")]
    #[api(code = "QUOTA_EXCEEDED", status = 403, message = "Quota exceeded")]
    Quota {
        #[api(header = "x-quota-remaining")]
        remaining: String,
    },
}

/// What `/orders/{id}` answers for an order that does not exist.
pub fn missing_order(id: u32) -> AppError {
    AppError::OrderNotFound(id)
}

/// What `POST /orders` answers for a zero quantity.
pub fn zero_quantity() -> AppError {
    AppError::Invalid(FieldErrors::new().with("quantity", "must be at least 1"))
}

/// A wait of just over 29 s: `Retry-After` rounds it up to 30.
pub fn rate_limited() -> AppError {
    AppError::RateLimited {
        wait: Duration::from_millis(29_001),
    }
}

/// A 503 whose source holds a secret that must reach the log and never the client.
pub fn db_down() -> AppError {
    AppError::Db(std::io::Error::other(
        "connection refused: password=hunter2",
    ))
}

/// The panic message of `/panic`, which must reach the log and never the client.
pub const PANIC_MESSAGE: &str = "secret panic detail";

/// A custom format whose media type is not a valid header value.
pub struct BadMedia;

const BAD_MEDIA_LAYOUT: Layout<'static> = Layout::new(&[Slot::new("code", Value::Code)]);

impl Format for BadMedia {
    fn content_type(&self) -> &'static str {
        "application/json\r\nset-cookie: admin=1"
    }

    fn layout(&self) -> &Layout<'_> {
        &BAD_MEDIA_LAYOUT
    }
}

/// An error in [`BadMedia`]: its response must leave the `Content-Type` out, not panic.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(format = BadMedia)]
pub enum BadMediaError {
    #[error("gone")]
    #[api(code = "GONE", status = 410, message = "Gone")]
    Gone,
}
