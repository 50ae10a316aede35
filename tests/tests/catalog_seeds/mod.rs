//! The seeds' error catalogues as enums, for the catalogue, TypeScript, OpenAPI and decoding
//! tests. Seed 000 is complete (every code, status, description and "When"); seeds 001 to 004
//! keep the codes that exercise their format: field errors, context, members, 5xx redaction.
//!
//! Each enum has `samples()`: one value of every code, for rendering.

#![allow(dead_code)]

use apierr::{ApiError, FieldErrors};

// ---------------------------------------------------------------------------------------------
// Seed 000 (`000_43fff68439b20397.txt`): 24 codes in 6 categories, `Nested`.

#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Auth & Session", code_enum)]
pub enum AuthSessionError {
    /// No authentication token provided
    ///
    /// When: Request has no Authorization header or access_token cookie
    #[error("No authentication token provided")]
    #[api(code = "AUTH_MISSING", status = 401)]
    Missing,
    /// Token is malformed or signature is invalid
    ///
    /// When: JWT cannot be parsed or signature verification fails
    #[error("Token is malformed or signature is invalid")]
    #[api(code = "AUTH_INVALID", status = 401)]
    Invalid,
    /// Authentication token has expired
    ///
    /// When: JWT exp claim is in the past
    #[error("Authentication token has expired")]
    #[api(code = "AUTH_EXPIRED", status = 401)]
    Expired,
    /// Login credentials are incorrect
    ///
    /// When: Email/password mismatch or user not found during login
    #[error("login failed for {email}")]
    #[api(
        code = "AUTH_FAILED",
        status = 401,
        message = "Invalid email or password"
    )]
    Failed { email: String },
    /// Two-factor authentication is required
    ///
    /// When: User has TOTP enabled and must verify before receiving tokens
    #[error("Two-factor authentication is required")]
    #[api(code = "2FA_REQUIRED", status = 401)]
    TwoFactorRequired,
    /// Refresh token or session has expired
    ///
    /// When: Refresh token is no longer valid or session was revoked
    #[error("Refresh token or session has expired")]
    #[api(code = "SESSION_EXPIRED", status = 401)]
    SessionExpired,
    /// Account has been suspended by an administrator
    ///
    /// When: User is_suspended=true in database
    #[error("Account has been suspended by an administrator")]
    #[api(code = "ACCOUNT_SUSPENDED", status = 403)]
    AccountSuspended,
    /// Account is temporarily locked due to failed login attempts
    ///
    /// When: locked_until is in the future after too many failed logins
    #[error("Account is temporarily locked due to failed login attempts")]
    #[api(code = "ACCOUNT_LOCKED", status = 403)]
    AccountLocked,
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Authorization", status = 403, code_enum)]
pub enum AuthorizationError {
    /// User does not have access to this resource
    ///
    /// When: Role-based check fails (e.g., investor accessing admin routes)
    #[error("User does not have access to this resource")]
    #[api(code = "FORBIDDEN")]
    Forbidden,
    /// User lacks the required permission
    ///
    /// When: RBAC permission check fails (e.g., missing users.manage)
    #[error("User lacks the required permission")]
    #[api(code = "PERMISSION_DENIED")]
    PermissionDenied,
    /// KYC verification must be completed first
    ///
    /// When: Action requires approved KYC but user status is pending/rejected
    #[error("KYC verification must be completed first")]
    #[api(code = "KYC_REQUIRED")]
    KycRequired,
    /// Investor accreditation is required
    ///
    /// When: Attempting to invest in accredited-only token offerings
    #[error("Investor accreditation is required")]
    #[api(code = "ACCREDITATION_REQUIRED")]
    AccreditationRequired,
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Input Validation", status = 400, code_enum)]
pub enum InputValidationError {
    /// Request body cannot be parsed
    ///
    /// When: Malformed JSON or missing required fields in POST/PUT/PATCH
    #[error("Request body cannot be parsed")]
    #[api(code = "INVALID_BODY")]
    InvalidBody(#[api(fields)] FieldErrors),
    /// URL parameter is invalid
    ///
    /// When: Path or query parameter fails validation (e.g., invalid UUID)
    #[error("URL parameter is invalid")]
    #[api(code = "INVALID_PARAM")]
    InvalidParam,
    /// Business rule validation failed
    ///
    /// When: Field values are syntactically valid but violate business rules
    #[error("Business rule validation failed")]
    #[api(code = "VALIDATION")]
    Validation(#[api(fields)] FieldErrors),
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Business Logic", code_enum)]
pub enum BusinessLogicError {
    /// Operation conflicts with current state
    ///
    /// When: Attempting duplicate registration, re-approving KYC, etc.
    #[error("Operation conflicts with current state")]
    #[api(code = "CONFLICT", status = 409)]
    Conflict,
    /// Resource already exists
    ///
    /// When: Creating a resource that violates a unique constraint
    #[error("Resource already exists")]
    #[api(code = "DUPLICATE_ENTRY", status = 409)]
    DuplicateEntry,
    /// Requested resource does not exist
    ///
    /// When: Entity lookup by ID returns no rows
    #[error("Requested resource does not exist")]
    #[api(code = "NOT_FOUND", status = 404)]
    NotFound,
    /// Wallet balance is too low for the operation
    ///
    /// When: Placing an order or transferring more than available balance
    #[error("Wallet balance is too low for the operation")]
    #[api(code = "INSUFFICIENT_BALANCE", status = 400)]
    InsufficientBalance,
    /// Token is not in a tradeable status
    ///
    /// When: Attempting to trade a token that is draft, paused, matured, or delisted
    #[error("Token is not in a tradeable status")]
    #[api(code = "TOKEN_NOT_TRADEABLE", status = 400)]
    TokenNotTradeable,
    /// Token cannot transition to the requested status
    ///
    /// When: Invalid lifecycle transition (e.g., draft directly to secondary)
    #[error("Token cannot transition to the requested status")]
    #[api(code = "INVALID_TOKEN_STATUS", status = 400)]
    InvalidTokenStatus,
    /// Order cannot be cancelled in its current state
    ///
    /// When: Attempting to cancel a filled, already-cancelled, or expired order
    #[error("Order cannot be cancelled in its current state")]
    #[api(code = "ORDER_NOT_CANCELLABLE", status = 400)]
    OrderNotCancellable,
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Rate Limiting", code_enum)]
pub enum RateLimitingError {
    /// Too many requests in a given time window
    ///
    /// When: Client exceeds the configured rate limit (default: 100 req/min)
    #[error("Too many requests in a given time window")]
    #[api(code = "RATE_LIMITED", status = 429)]
    RateLimited {
        #[api(retry_after)]
        retry_after: u64,
    },
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Internal", code_enum)]
pub enum InternalError {
    /// An unexpected server error occurred
    ///
    /// When: Unhandled exception, database connection failure, or downstream service error
    #[error("unhandled: {0}")]
    #[api(
        code = "INTERNAL",
        status = 500,
        message = "An unexpected server error occurred"
    )]
    Unhandled(#[source] std::io::Error),
}

/// Seed 000's API error: every category.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(code_enum)]
pub enum Seed000Error {
    #[error(transparent)]
    #[api(transparent)]
    Auth(AuthSessionError),
    #[error(transparent)]
    #[api(transparent)]
    Authorization(AuthorizationError),
    #[error(transparent)]
    #[api(transparent)]
    Input(InputValidationError),
    #[error(transparent)]
    #[api(transparent)]
    Business(BusinessLogicError),
    #[error(transparent)]
    #[api(transparent)]
    RateLimiting(RateLimitingError),
    #[error(transparent)]
    #[api(transparent)]
    Internal(InternalError),
}

/// Field errors with a nested path, an indexed path and a field with two messages.
pub fn sample_fields() -> FieldErrors {
    FieldErrors::new()
        .with("email", "value is not a valid email address")
        .with("settings.max_sessions", "value is not a valid integer")
        .with("items[2].qty", "must be positive")
        .with("email", "is already registered")
}

impl Seed000Error {
    pub fn samples() -> Vec<Self> {
        use AuthSessionError as A;
        use AuthorizationError as Z;
        use BusinessLogicError as B;
        use InputValidationError as I;
        vec![
            Self::Auth(A::Missing),
            Self::Auth(A::Invalid),
            Self::Auth(A::Expired),
            Self::Auth(A::Failed {
                email: "a@example.com".to_owned(),
            }),
            Self::Auth(A::TwoFactorRequired),
            Self::Auth(A::SessionExpired),
            Self::Auth(A::AccountSuspended),
            Self::Auth(A::AccountLocked),
            Self::Authorization(Z::Forbidden),
            Self::Authorization(Z::PermissionDenied),
            Self::Authorization(Z::KycRequired),
            Self::Authorization(Z::AccreditationRequired),
            Self::Input(I::InvalidBody(sample_fields())),
            Self::Input(I::InvalidParam),
            Self::Input(I::Validation(
                FieldErrors::new().with("amount", "Amount must be greater than 0"),
            )),
            Self::Business(B::Conflict),
            Self::Business(B::DuplicateEntry),
            Self::Business(B::NotFound),
            Self::Business(B::InsufficientBalance),
            Self::Business(B::TokenNotTradeable),
            Self::Business(B::InvalidTokenStatus),
            Self::Business(B::OrderNotCancellable),
            Self::RateLimiting(RateLimitingError::RateLimited { retry_after: 60 }),
            Self::Internal(InternalError::Unhandled(std::io::Error::other(
                "db down: password=hunter2",
            ))),
        ]
    }
}

// ---------------------------------------------------------------------------------------------
// Seed 001 (`001_a91ac60d3c13d8c0.txt`): `FieldLists`, field errors as lists, correlation id.

#[derive(Debug, thiserror::Error, ApiError)]
#[api(code_enum)]
pub enum Seed001Error {
    /// One or more validation errors occurred
    #[error("One or more validation errors occurred")]
    #[api(code = "VALIDATION_ERROR", status = 400)]
    Validation(#[api(fields)] FieldErrors),
    /// Wrong username or password
    #[error("Wrong username or password")]
    #[api(code = "INVALID_CREDENTIALS", status = 401)]
    InvalidCredentials,
    /// Access token has expired
    #[error("Access token has expired")]
    #[api(code = "TOKEN_EXPIRED", status = 401)]
    TokenExpired,
    /// User lacks permission
    #[error("User lacks permission")]
    #[api(code = "FORBIDDEN", status = 403)]
    Forbidden,
    /// Resource doesn't exist or was deleted
    #[error("Resource doesn't exist or was deleted")]
    #[api(code = "NOT_FOUND", status = 404)]
    NotFound,
    /// Resource was modified by another request
    #[error("Resource {id} was modified by another request")]
    #[api(code = "CONCURRENCY_CONFLICT", status = 409)]
    ConcurrencyConflict {
        #[api(member = "resourceId")]
        id: u64,
    },
    /// Too many requests, try again later
    #[error("Too many requests, try again later")]
    #[api(code = "RATE_LIMIT_EXCEEDED", status = 429)]
    RateLimitExceeded,
    /// Unexpected error
    #[error("boom")]
    #[api(code = "SERVER_ERROR", status = 500)]
    Server,
}

impl Seed001Error {
    pub fn samples() -> Vec<Self> {
        vec![
            Self::Validation(
                FieldErrors::new()
                    .with("title", "Title is required")
                    .with("amount", "Amount must be greater than 0")
                    .with("title", "Title is too short"),
            ),
            Self::InvalidCredentials,
            Self::TokenExpired,
            Self::Forbidden,
            Self::NotFound,
            Self::ConcurrencyConflict { id: 42 },
            Self::RateLimitExceeded,
            Self::Server,
        ]
    }
}

// ---------------------------------------------------------------------------------------------
// Seed 002 (`002_c17949da95eb01d3.txt`): `FieldStrings`, slugs, `fields` on 422 only.

#[derive(Debug, thiserror::Error, ApiError)]
#[api(code_enum)]
pub enum Seed002Error {
    /// Invalid input caught by handler
    #[error("{0}")]
    #[api(code = "BAD_REQUEST", status = 400)]
    BadRequest(String),
    /// Request body is not valid JSON
    #[error("The request body is not a valid JSON")]
    #[api(code = "MALFORMED_JSON", status = 400)]
    MalformedJson,
    /// Not enough available balance
    #[error("Out of balance: {0}")]
    #[api(code = "INSUFFICIENT_FUNDS", status = 400)]
    InsufficientFunds(String),
    /// Missing or invalid auth
    #[error("Missing or invalid auth")]
    #[api(code = "UNAUTHORIZED", status = 401)]
    Unauthorized,
    /// Struct/field validation failed
    #[error("Input data validation failed")]
    #[api(code = "VALIDATION_ERROR", status = 422)]
    Validation(#[api(fields)] FieldErrors),
    /// Service temporarily unavailable
    #[error("maintenance")]
    #[api(code = "SERVICE_UNAVAILABLE", status = 503)]
    Unavailable,
}

impl Seed002Error {
    pub fn samples() -> Vec<Self> {
        vec![
            Self::BadRequest("pair not found".to_owned()),
            Self::MalformedJson,
            Self::InsufficientFunds("0.5 BTC".to_owned()),
            Self::Unauthorized,
            Self::Validation(FieldErrors::new().with("order_type", "invalid order_type: FANTASY")),
            Self::Unavailable,
        ]
    }
}

// ---------------------------------------------------------------------------------------------
// Seed 003 (`003_3902a553887fc003.txt`): `FlatDetails`, dotted field paths.

#[derive(Debug, thiserror::Error, ApiError)]
#[api(code_enum)]
pub enum Seed003Error {
    /// Missing, malformed, or invalid token
    #[error("Missing, malformed, or invalid token")]
    #[api(code = "AUTHENTICATION_ERROR", status = 401)]
    Authentication,
    /// Access token has expired
    #[error("Access token has expired")]
    #[api(code = "TOKEN_EXPIRED", status = 401)]
    TokenExpired,
    /// Request body failed validation
    #[error("Request validation failed")]
    #[api(code = "VALIDATION_ERROR", status = 422)]
    Validation(#[api(fields)] FieldErrors),
    /// Too many requests in the time window
    #[error("Too many requests in the time window")]
    #[api(code = "RATE_LIMIT_EXCEEDED", status = 429)]
    RateLimited {
        #[api(member = "retryAfterSeconds")]
        seconds: u32,
    },
    /// A downstream service (AI, LMS, etc.) failed
    #[error("LMS timed out")]
    #[api(code = "EXTERNAL_SERVICE_ERROR", status = 502)]
    External,
    /// Internal database failure
    #[error("connection refused")]
    #[api(code = "DATABASE_ERROR", status = 500)]
    Database,
}

impl Seed003Error {
    pub fn samples() -> Vec<Self> {
        vec![
            Self::Authentication,
            Self::TokenExpired,
            Self::Validation(
                FieldErrors::new()
                    .with("email", "value is not a valid email address")
                    .with("settings.max_sessions", "value is not a valid integer"),
            ),
            Self::RateLimited { seconds: 30 },
            Self::External,
            Self::Database,
        ]
    }
}

// ---------------------------------------------------------------------------------------------
// Seed 004 (`004_edb8e13186900326.txt`): `StatusEnvelope`; `error` holds the category, which
// this API documents as its codes.

#[derive(Debug, thiserror::Error, ApiError)]
#[api(code_enum)]
pub enum Seed004Error {
    /// express-validator rejected the body
    #[error("Validation failed")]
    #[api(code = "VALIDATION", status = 400, category = "Validation Error")]
    Validation(#[api(fields)] FieldErrors),
    /// No token / bad token
    #[error("Access token required")]
    #[api(code = "UNAUTHORIZED", status = 401, category = "Unauthorized")]
    Unauthorized,
    /// Role/ownership check failed
    #[error("Role check failed")]
    #[api(code = "FORBIDDEN", status = 403, category = "Forbidden")]
    Forbidden,
    /// Generic resource lookup miss
    #[error("Resource not found")]
    #[api(code = "NOT_FOUND", status = 404, category = "Not Found")]
    NotFound,
    /// Email already registered
    #[error("Email already registered")]
    #[api(code = "USER_EXISTS", status = 409, category = "USER_EXISTS")]
    UserExists,
    /// Account temporarily locked
    #[error("Account locked for {minutes} minutes")]
    #[api(code = "ACCOUNT_LOCKED", status = 423)]
    Locked { minutes: u32 },
    /// Catch-all 500
    #[error("TypeError: x is undefined")]
    #[api(code = "INTERNAL", status = 500, category = "Internal Server Error")]
    Internal,
}

impl Seed004Error {
    pub fn samples() -> Vec<Self> {
        vec![
            Self::Validation(
                FieldErrors::new()
                    .with("email", "Invalid value")
                    .with("password", "Password must be at least 8 characters"),
            ),
            Self::Unauthorized,
            Self::Forbidden,
            Self::NotFound,
            Self::UserExists,
            Self::Locked { minutes: 15 },
            Self::Internal,
        ]
    }
}
