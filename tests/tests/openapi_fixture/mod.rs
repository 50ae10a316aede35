//! The error types and handlers the OpenAPI handler tests document: codes of several
//! statuses, a `transparent` variant, a declared challenge, a delay, an extension member,
//! field errors, and a type with a format of its own.

// Each test file uses part of it.
#![allow(dead_code)]

use apierr::format::ProblemDetails;
use apierr::{ApiError, FieldErrors};
use utoipa::OpenApi;

/// Authentication.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(code_enum)]
pub enum AuthError {
    /// No authentication token provided
    #[error("No authentication token provided")]
    #[api(
        code = "AUTH_MISSING",
        status = 401,
        www_authenticate = "Bearer realm=\"orders\""
    )]
    Missing,
    /// Authentication token has expired
    #[error("Authentication token has expired")]
    #[api(code = "AUTH_EXPIRED", status = 401)]
    Expired,
    /// Account is temporarily locked due to failed login attempts
    #[error("Account is locked until {until}")]
    #[api(code = "ACCOUNT_LOCKED", status = 403)]
    Locked {
        #[api(member = "lockedUntil")]
        until: String,
    },
}

/// Everything the API answers with.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(code_enum)]
pub enum AppError {
    /// An authentication error.
    #[error(transparent)]
    #[api(transparent)]
    Auth(AuthError),
    /// Requested order does not exist
    #[error("Order {0} does not exist")]
    #[api(code = "ORDER_NOT_FOUND", status = 404)]
    OrderNotFound(u64),
    /// Request body failed validation
    #[error("Request validation failed")]
    #[api(code = "VALIDATION_ERROR", status = 422)]
    Invalid(#[api(fields)] FieldErrors),
    /// Too many requests in a given time window
    #[error("Too many requests")]
    #[api(code = "RATE_LIMITED", status = 429)]
    RateLimited {
        #[api(retry_after)]
        retry_after: u64,
    },
}

/// Billing, in RFC 9457 problem details whatever the application's default.
#[derive(Debug, ApiError)]
#[api(format = ProblemDetails::new())]
pub enum BillingError {
    /// Subscription has lapsed
    #[api(
        code = "PAYMENT_REQUIRED",
        status = 402,
        message = "Subscription has lapsed"
    )]
    Lapsed,
}

apierr::openapi::responses! {
    /// The errors of `GET /orders/{id}`.
    pub GetOrderErrors = AppError[Auth(AuthErrorCode::Missing), OrderNotFound];
    /// The errors of `POST /login`.
    pub LoginErrors = AppError[
        Auth(AuthErrorCode::Expired),
        Auth(AuthErrorCode::Locked),
        RateLimited,
    ] examples [
        AppError::Auth(AuthError::Locked { until: "2026-12-01T10:00:00Z".to_owned() }),
        // Not one of the listed codes: ignored.
        AppError::OrderNotFound(7),
    ];
}

/// An order.
#[utoipa::path(
    get,
    path = "/orders/{id}",
    params(("id" = u64, Path, description = "The order")),
    responses((status = 200, description = "The order"), GetOrderErrors)
)]
pub fn get_order() {}

/// Creates an order: any error of the API.
#[utoipa::path(post, path = "/orders", responses(AppError))]
pub fn create_order() {}

/// Logs in.
#[utoipa::path(post, path = "/login", responses(LoginErrors))]
pub fn login() {}

/// The API's document.
#[derive(OpenApi)]
#[openapi(
    info(title = "Orders", version = "1.0.0"),
    paths(get_order, create_order, login)
)]
pub struct ApiDoc;
