//! Seed 000's error enums (`/work/shared/seeds/000_43fff68439b20397.txt`): each category its
//! own enum, gathered by `PlatformError`. Shared by the seed's own test and the HTTP rejection
//! tests, which answer framework rejections with it.

#![allow(dead_code)] // Each test binary uses its own part of this module.

use apierr::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Auth & Session")]
pub enum AuthSessionError {
    /// No authentication token provided
    #[error("No authentication token provided")]
    #[api(code = "AUTH_MISSING", status = 401)]
    Missing,
    /// Token is malformed or signature is invalid
    #[error("Token is malformed or signature is invalid")]
    #[api(code = "AUTH_INVALID", status = 401)]
    Invalid,
    /// Authentication token has expired
    #[error("Authentication token has expired")]
    #[api(code = "AUTH_EXPIRED", status = 401)]
    Expired,
    /// Login credentials are incorrect
    #[error("login failed for {email}")]
    #[api(
        code = "AUTH_FAILED",
        status = 401,
        message = "Invalid email or password"
    )]
    Failed { email: String },
    /// Two-factor authentication is required
    #[error("Two-factor authentication is required")]
    #[api(code = "2FA_REQUIRED", status = 401)]
    TwoFactorRequired,
    /// Refresh token or session has expired
    #[error("Refresh token or session has expired")]
    #[api(code = "SESSION_EXPIRED", status = 401)]
    SessionExpired,
    /// Account has been suspended by an administrator
    #[error("Account has been suspended by an administrator")]
    #[api(code = "ACCOUNT_SUSPENDED", status = 403)]
    AccountSuspended,
    /// Account is temporarily locked due to failed login attempts
    #[error("Account is temporarily locked due to failed login attempts")]
    #[api(code = "ACCOUNT_LOCKED", status = 403)]
    AccountLocked,
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Authorization", status = 403)]
pub enum AuthorizationError {
    /// User does not have access to this resource
    #[error("User does not have access to this resource")]
    #[api(code = "FORBIDDEN")]
    Forbidden,
    /// User lacks the required permission
    #[error("User lacks the required permission")]
    #[api(code = "PERMISSION_DENIED")]
    PermissionDenied,
    /// KYC verification must be completed first
    #[error("KYC verification must be completed first")]
    #[api(code = "KYC_REQUIRED")]
    KycRequired,
    /// Investor accreditation is required
    #[error("Investor accreditation is required")]
    #[api(code = "ACCREDITATION_REQUIRED")]
    AccreditationRequired,
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Input Validation", status = 400)]
pub enum InputValidationError {
    /// Request body cannot be parsed
    #[error("Request body cannot be parsed")]
    #[api(code = "INVALID_BODY")]
    InvalidBody,
    /// URL parameter is invalid
    #[error("URL parameter is invalid")]
    #[api(code = "INVALID_PARAM")]
    InvalidParam,
    /// Business rule validation failed
    #[error("Business rule validation failed")]
    #[api(code = "VALIDATION")]
    Validation,
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Business Logic")]
pub enum BusinessLogicError {
    /// Operation conflicts with current state
    #[error("Operation conflicts with current state")]
    #[api(code = "CONFLICT", status = 409)]
    Conflict,
    /// Resource already exists
    #[error("Resource already exists")]
    #[api(code = "DUPLICATE_ENTRY", status = 409)]
    DuplicateEntry,
    /// Requested resource does not exist
    #[error("Requested resource does not exist")]
    #[api(code = "NOT_FOUND", status = 404)]
    NotFound,
    /// Wallet balance is too low for the operation
    #[error("Wallet balance is too low for the operation")]
    #[api(code = "INSUFFICIENT_BALANCE", status = 400)]
    InsufficientBalance,
    /// Token is not in a tradeable status
    #[error("Token is not in a tradeable status")]
    #[api(code = "TOKEN_NOT_TRADEABLE", status = 400)]
    TokenNotTradeable,
    /// Token cannot transition to the requested status
    #[error("Token cannot transition to the requested status")]
    #[api(code = "INVALID_TOKEN_STATUS", status = 400)]
    InvalidTokenStatus,
    /// Order cannot be cancelled in its current state
    #[error("Order cannot be cancelled in its current state")]
    #[api(code = "ORDER_NOT_CANCELLABLE", status = 400)]
    OrderNotCancellable,
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Rate Limiting")]
pub enum RateLimitingError {
    /// Too many requests in a given time window
    #[error("Too many requests in a given time window")]
    #[api(code = "RATE_LIMITED", status = 429)]
    RateLimited,
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Internal")]
pub enum InternalError {
    /// An unexpected server error occurred
    #[error("unhandled: {0}")]
    #[api(
        code = "INTERNAL",
        status = 500,
        message = "An unexpected server error occurred"
    )]
    Unhandled(#[source] std::io::Error),
}

/// The API's error: every category, rendered in the documented envelope.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(format = apierr::format::Nested)]
pub enum PlatformError {
    #[error(transparent)]
    #[api(transparent)]
    AuthSession(#[from] AuthSessionError),
    #[error(transparent)]
    #[api(transparent)]
    Authorization(#[from] AuthorizationError),
    #[error(transparent)]
    #[api(transparent)]
    InputValidation(#[from] InputValidationError),
    #[error(transparent)]
    #[api(transparent)]
    BusinessLogic(#[from] BusinessLogicError),
    #[error(transparent)]
    #[api(transparent)]
    RateLimiting(#[from] RateLimitingError),
    #[error(transparent)]
    #[api(transparent)]
    Internal(#[from] InternalError),
}
