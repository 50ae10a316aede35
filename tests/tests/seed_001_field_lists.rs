//! Seed 001 (`/work/shared/seeds/001_a91ac60d3c13d8c0.txt`): `{"code","message","errors":
//! {field:[…]},"correlationId"}`, in [`apierr::format::FieldLists`].
//!
//! One enum per status table of the document (its heading as the category, the table's
//! description as each code's `///` comment), gathered by the API's error type.

mod common;

use apierr::{ApiError, Context, CorrelationId, Envelope, FieldErrors, Spec};
use common::{assert_body, assert_exact};
use serde_json::json;

/// Validation Errors (400).
#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Validation Errors", status = 400)]
pub enum ValidationError {
    /// Returned when request validation fails
    #[error("request validation failed")]
    #[api(
        code = "VALIDATION_ERROR",
        message = "One or more validation errors occurred"
    )]
    Invalid(#[api(fields)] FieldErrors),
}

/// Authentication Errors (401).
#[derive(Debug, thiserror::Error, ApiError)]
#[api(
    category = "Authentication Errors",
    status = 401,
    rename_all = "SCREAMING_SNAKE_CASE"
)]
pub enum AuthenticationError {
    /// Wrong username or password
    #[error("Wrong username or password")]
    InvalidCredentials,
    /// Email not yet confirmed
    #[error("Email not yet confirmed")]
    EmailNotConfirmed,
    /// Access token has expired
    #[error("Access token has expired")]
    TokenExpired,
    /// Malformed or invalid token
    #[error("Malformed or invalid token")]
    TokenInvalid,
    /// Refresh token has expired
    #[error("Refresh token has expired")]
    RefreshTokenExpired,
    /// Refresh token was revoked
    #[error("Refresh token was revoked")]
    RefreshTokenRevoked,
    /// Refresh token invalid or expired
    #[error("Refresh token invalid or expired")]
    InvalidRefreshToken,
    /// Password reset token invalid
    #[error("Password reset token invalid")]
    InvalidResetToken,
    /// Password reset token expired
    #[error("Password reset token expired")]
    ResetTokenExpired,
}

/// Authorization Errors (403).
#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Authorization Errors", status = FORBIDDEN, rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AuthorizationError {
    /// User lacks permission
    #[error("User lacks permission")]
    Forbidden,
    /// Account awaiting admin approval
    #[error("Account awaiting admin approval")]
    AccountPending,
    /// Account was declined
    #[error("Account was declined")]
    AccountDeclined,
    /// Account was deactivated
    #[error("Account was deactivated")]
    AccountDeactivated,
    /// User not assigned to a group
    #[error("User not assigned to a group")]
    NoGroup,
    /// User's group was deleted
    #[error("User's group was deleted")]
    GroupDeleted,
}

/// Not Found Errors (404).
#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Not Found Errors", status = 404)]
pub enum NotFoundError {
    /// Resource doesn't exist or was deleted
    #[error("Resource doesn't exist or was deleted")]
    #[api(code = "NOT_FOUND")]
    NotFound,
}

/// Conflict Errors (409).
#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Conflict Errors", status = 409)]
pub enum ConflictError {
    /// Resource was modified by another request
    #[error("Resource was modified by another request")]
    #[api(code = "CONCURRENCY_CONFLICT")]
    Concurrency,
    /// Unique constraint violation
    #[error("Unique constraint violation")]
    #[api(code = "DUPLICATE_ENTRY")]
    Duplicate,
}

/// Rate Limit Errors (429).
#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Rate Limit Errors", status = 429)]
pub enum RateLimitError {
    /// Too many requests, try again later
    #[error("Too many requests, try again later")]
    #[api(code = "RATE_LIMIT_EXCEEDED")]
    Exceeded,
}

/// The API's error type, in the documented format.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(format = apierr::format::FieldLists)]
pub enum ApiFailure {
    #[error(transparent)]
    #[api(transparent)]
    Validation(#[from] ValidationError),
    #[error(transparent)]
    #[api(transparent)]
    Authentication(#[from] AuthenticationError),
    #[error(transparent)]
    #[api(transparent)]
    Authorization(#[from] AuthorizationError),
    #[error(transparent)]
    #[api(transparent)]
    NotFound(#[from] NotFoundError),
    #[error(transparent)]
    #[api(transparent)]
    Conflict(#[from] ConflictError),
    #[error(transparent)]
    #[api(transparent)]
    RateLimit(#[from] RateLimitError),
}

/// The "Error Response Format" example uses placeholder values (`ERROR_CODE`, `fieldName`); this
/// type declares exactly them, to show the complete shape with every member present.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(format = apierr::format::FieldLists)]
enum PlaceholderShape {
    #[error("placeholder")]
    #[api(code = "ERROR_CODE", status = 400, message = "Human-readable message")]
    Example(#[api(fields)] FieldErrors),
}

fn correlated() -> Context {
    Context::new().with_correlation_id(CorrelationId::new("abc-123-def").unwrap())
}

/// "Error Response Format": every member, `errors` with two messages for one field.
#[test]
fn error_response_format_example() {
    let err = PlaceholderShape::Example(
        FieldErrors::new()
            .with("fieldName", "Validation error 1")
            .with("fieldName", "Validation error 2"),
    );
    let context = correlated();
    assert_body(
        &Envelope::new(&err).with_context(&context),
        &json!({
          "code": "ERROR_CODE",
          "message": "Human-readable message",
          "errors": {
            "fieldName": ["Validation error 1", "Validation error 2"]
          },
          "correlationId": "abc-123-def"
        }),
    );
    assert_exact(
        &Envelope::new(&err).with_context(&context),
        r#"{"code":"ERROR_CODE","message":"Human-readable message","errors":{"fieldName":["Validation error 1","Validation error 2"]},"correlationId":"abc-123-def"}"#,
    );
}

/// "Validation Errors (400)": no correlation id in this request, so none in the body.
#[test]
fn validation_errors_example() {
    let err = ApiFailure::from(ValidationError::Invalid(
        FieldErrors::new()
            .with("title", "Title is required")
            .with("amount", "Amount must be greater than 0"),
    ));
    assert_eq!(err.status().as_u16(), 400);
    assert_body(
        &Envelope::new(&err),
        &json!({
          "code": "VALIDATION_ERROR",
          "message": "One or more validation errors occurred",
          "errors": {
            "title": ["Title is required"],
            "amount": ["Amount must be greater than 0"]
          }
        }),
    );
    assert_exact(
        &Envelope::new(&err),
        r#"{"code":"VALIDATION_ERROR","message":"One or more validation errors occurred","errors":{"title":["Title is required"],"amount":["Amount must be greater than 0"]}}"#,
    );
    // And with one: it follows `errors`.
    let context = correlated();
    assert_body(
        &Envelope::new(&err).with_context(&context),
        &json!({
          "code": "VALIDATION_ERROR",
          "message": "One or more validation errors occurred",
          "errors": {
            "title": ["Title is required"],
            "amount": ["Amount must be greater than 0"]
          },
          "correlationId": "abc-123-def"
        }),
    );
}

/// The document's tables, in order: value, code, status, category, description.
fn table() -> Vec<(ApiFailure, &'static str, u16, &'static str, &'static str)> {
    use AuthenticationError as N;
    use AuthorizationError as Z;
    let n = "Authentication Errors";
    let z = "Authorization Errors";
    vec![
        (
            ValidationError::Invalid(FieldErrors::new()).into(),
            "VALIDATION_ERROR",
            400,
            "Validation Errors",
            "Returned when request validation fails",
        ),
        (
            N::InvalidCredentials.into(),
            "INVALID_CREDENTIALS",
            401,
            n,
            "Wrong username or password",
        ),
        (
            N::EmailNotConfirmed.into(),
            "EMAIL_NOT_CONFIRMED",
            401,
            n,
            "Email not yet confirmed",
        ),
        (
            N::TokenExpired.into(),
            "TOKEN_EXPIRED",
            401,
            n,
            "Access token has expired",
        ),
        (
            N::TokenInvalid.into(),
            "TOKEN_INVALID",
            401,
            n,
            "Malformed or invalid token",
        ),
        (
            N::RefreshTokenExpired.into(),
            "REFRESH_TOKEN_EXPIRED",
            401,
            n,
            "Refresh token has expired",
        ),
        (
            N::RefreshTokenRevoked.into(),
            "REFRESH_TOKEN_REVOKED",
            401,
            n,
            "Refresh token was revoked",
        ),
        (
            N::InvalidRefreshToken.into(),
            "INVALID_REFRESH_TOKEN",
            401,
            n,
            "Refresh token invalid or expired",
        ),
        (
            N::InvalidResetToken.into(),
            "INVALID_RESET_TOKEN",
            401,
            n,
            "Password reset token invalid",
        ),
        (
            N::ResetTokenExpired.into(),
            "RESET_TOKEN_EXPIRED",
            401,
            n,
            "Password reset token expired",
        ),
        (
            Z::Forbidden.into(),
            "FORBIDDEN",
            403,
            z,
            "User lacks permission",
        ),
        (
            Z::AccountPending.into(),
            "ACCOUNT_PENDING",
            403,
            z,
            "Account awaiting admin approval",
        ),
        (
            Z::AccountDeclined.into(),
            "ACCOUNT_DECLINED",
            403,
            z,
            "Account was declined",
        ),
        (
            Z::AccountDeactivated.into(),
            "ACCOUNT_DEACTIVATED",
            403,
            z,
            "Account was deactivated",
        ),
        (
            Z::NoGroup.into(),
            "NO_GROUP",
            403,
            z,
            "User not assigned to a group",
        ),
        (
            Z::GroupDeleted.into(),
            "GROUP_DELETED",
            403,
            z,
            "User's group was deleted",
        ),
        (
            NotFoundError::NotFound.into(),
            "NOT_FOUND",
            404,
            "Not Found Errors",
            "Resource doesn't exist or was deleted",
        ),
        (
            ConflictError::Concurrency.into(),
            "CONCURRENCY_CONFLICT",
            409,
            "Conflict Errors",
            "Resource was modified by another request",
        ),
        (
            ConflictError::Duplicate.into(),
            "DUPLICATE_ENTRY",
            409,
            "Conflict Errors",
            "Unique constraint violation",
        ),
        (
            RateLimitError::Exceeded.into(),
            "RATE_LIMIT_EXCEEDED",
            429,
            "Rate Limit Errors",
            "Too many requests, try again later",
        ),
    ]
}

/// Every code of every table: code, status, category, description, and its body with the
/// request's correlation id (no `errors` when there are no field errors).
#[test]
fn every_code_matches_the_document() {
    let rows = table();
    assert_eq!(rows.len(), 20);
    let context = correlated();
    for (err, code, status, category, description) in &rows {
        assert_eq!(err.code(), *code);
        assert_eq!(err.status().as_u16(), *status, "{code}");
        assert_eq!(err.spec().category(), Some(*category), "{code}");
        assert_eq!(err.spec().doc(), Some(*description), "{code}");
        // The document gives VALIDATION_ERROR's message; the others say their description.
        let message = match *code {
            "VALIDATION_ERROR" => "One or more validation errors occurred",
            _ => *description,
        };
        assert_eq!(err.message(), message, "{code}");
        assert_body(
            &Envelope::new(err).with_context(&context),
            &json!({"code": code, "message": message, "correlationId": "abc-123-def"}),
        );
    }
}

/// The catalogue lists the same 20 codes, in the same order, and uses exactly the statuses of
/// the "HTTP Status Codes" table that have codes (the document names no code for 500).
#[test]
fn catalog_matches_the_tables() {
    let mut specs: Vec<&'static Spec> = Vec::new();
    ApiFailure::catalog(&mut |spec| specs.push(spec));
    let rows = table();
    assert_eq!(specs.len(), rows.len());
    for (spec, (_, code, status, category, description)) in specs.iter().zip(&rows) {
        assert_eq!(spec.code(), *code);
        assert_eq!(spec.status().as_u16(), *status, "{code}");
        assert_eq!(spec.category(), Some(*category), "{code}");
        assert_eq!(spec.doc(), Some(*description), "{code}");
    }
    let mut statuses: Vec<u16> = specs.iter().map(|spec| spec.status().as_u16()).collect();
    statuses.dedup();
    assert_eq!(statuses, [400, 401, 403, 404, 409, 429]);
    let mut categories: Vec<&str> = specs.iter().filter_map(|spec| spec.category()).collect();
    categories.dedup();
    assert_eq!(
        categories,
        [
            "Validation Errors",
            "Authentication Errors",
            "Authorization Errors",
            "Not Found Errors",
            "Conflict Errors",
            "Rate Limit Errors",
        ]
    );
}

/// The frontend's `handleError` switches on the two codes it names.
#[test]
fn frontend_switch_codes() {
    for (err, code) in [
        (
            ApiFailure::from(ConflictError::Concurrency),
            "CONCURRENCY_CONFLICT",
        ),
        (
            ApiFailure::from(AuthenticationError::TokenExpired),
            "TOKEN_EXPIRED",
        ),
    ] {
        assert_eq!(Envelope::new(&err).to_value().unwrap()["code"], code);
    }
}
