//! Seed 003 (`/work/shared/seeds/003_3902a553887fc003.txt`): `{"success":false,"error":"…",
//! "code","details":{…}}`, in [`apierr::format::FlatDetails`]; 11 codes, dotted field paths.

mod common;

use apierr::{ApiError, Envelope, FieldErrors, FieldPath, Spec};
use common::{assert_body, assert_exact};
use serde_json::json;

/// The Error Code Reference, in the document's order.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(format = apierr::format::FlatDetails)]
pub enum ServiceError {
    /// Missing, malformed, or invalid token
    #[error("Missing, malformed, or invalid token")]
    #[api(code = "AUTHENTICATION_ERROR", status = 401)]
    Authentication,
    /// Access token has expired
    #[error("Access token has expired")]
    #[api(code = "TOKEN_EXPIRED", status = 401)]
    TokenExpired,
    /// User’s role lacks permission for this endpoint
    #[error("User’s role lacks permission for this endpoint")]
    #[api(code = "AUTHORIZATION_ERROR", status = 403)]
    Authorization,
    /// The requested resource does not exist
    #[error("The requested resource does not exist")]
    #[api(code = "NOT_FOUND", status = 404)]
    NotFound,
    /// Request body failed validation
    #[error("request body failed validation")]
    #[api(
        code = "VALIDATION_ERROR",
        status = 422,
        message = "Request validation failed"
    )]
    Validation(#[api(fields)] FieldErrors),
    /// Resource already exists (e.g. duplicate email)
    #[error("Resource already exists (e.g. duplicate email)")]
    #[api(code = "CONFLICT", status = 409)]
    Conflict,
    /// Too many requests in the time window
    #[error("Too many requests in the time window")]
    #[api(code = "RATE_LIMIT_EXCEEDED", status = 429)]
    RateLimitExceeded,
    /// Tenant could not be resolved from the request
    #[error("Tenant could not be resolved from the request")]
    #[api(code = "TENANT_ERROR", status = 400)]
    Tenant,
    /// A downstream service (AI, LMS, etc.) failed
    #[error("{service} failed: {reason}")]
    #[api(
        code = "EXTERNAL_SERVICE_ERROR",
        status = 502,
        message = "A downstream service (AI, LMS, etc.) failed"
    )]
    ExternalService { service: String, reason: String },
    /// Internal database failure
    #[error("database: {0}")]
    #[api(
        code = "DATABASE_ERROR",
        status = 500,
        message = "Internal database failure"
    )]
    Database(#[source] std::io::Error),
    /// Unhandled server error
    #[error("unhandled: {0}")]
    #[api(
        code = "INTERNAL_ERROR",
        status = 500,
        message = "Unhandled server error"
    )]
    Internal(String),
}

/// "Validation Error Details": `details` maps dotted field paths to messages.
#[test]
fn validation_error_details_example() {
    let err = ServiceError::Validation(
        FieldErrors::new()
            .with("email", "value is not a valid email address")
            .with(
                FieldPath::root().key("settings").key("max_sessions"),
                "value is not a valid integer",
            ),
    );
    assert_eq!(err.status().as_u16(), 422);
    assert_body(
        &Envelope::new(&err),
        &json!({
          "success": false,
          "error": "Request validation failed",
          "code": "VALIDATION_ERROR",
          "details": {
            "email": "value is not a valid email address",
            "settings.max_sessions": "value is not a valid integer"
          }
        }),
    );
    assert_exact(
        &Envelope::new(&err),
        r#"{"success":false,"error":"Request validation failed","code":"VALIDATION_ERROR","details":{"email":"value is not a valid email address","settings.max_sessions":"value is not a valid integer"}}"#,
    );
}

/// The Error Code Reference: value, code, HTTP status, description.
fn table() -> Vec<(ServiceError, &'static str, u16, &'static str)> {
    use ServiceError as E;
    vec![
        (
            E::Authentication,
            "AUTHENTICATION_ERROR",
            401,
            "Missing, malformed, or invalid token",
        ),
        (
            E::TokenExpired,
            "TOKEN_EXPIRED",
            401,
            "Access token has expired",
        ),
        (
            E::Authorization,
            "AUTHORIZATION_ERROR",
            403,
            "User’s role lacks permission for this endpoint",
        ),
        (
            E::NotFound,
            "NOT_FOUND",
            404,
            "The requested resource does not exist",
        ),
        (
            E::Validation(FieldErrors::new()),
            "VALIDATION_ERROR",
            422,
            "Request body failed validation",
        ),
        (
            E::Conflict,
            "CONFLICT",
            409,
            "Resource already exists (e.g. duplicate email)",
        ),
        (
            E::RateLimitExceeded,
            "RATE_LIMIT_EXCEEDED",
            429,
            "Too many requests in the time window",
        ),
        (
            E::Tenant,
            "TENANT_ERROR",
            400,
            "Tenant could not be resolved from the request",
        ),
        (
            E::ExternalService {
                service: "LMS".into(),
                reason: "token=s3cr3t rejected".into(),
            },
            "EXTERNAL_SERVICE_ERROR",
            502,
            "A downstream service (AI, LMS, etc.) failed",
        ),
        (
            E::Database(std::io::Error::other(
                "pool timeout, dsn=postgres://u:pw@db",
            )),
            "DATABASE_ERROR",
            500,
            "Internal database failure",
        ),
        (
            E::Internal("index out of bounds".into()),
            "INTERNAL_ERROR",
            500,
            "Unhandled server error",
        ),
    ]
}

/// Every code: code, status, description, and its body. The message shown is the document's
/// description, except VALIDATION_ERROR's, which its example gives.
#[test]
fn every_code_matches_the_document() {
    let rows = table();
    assert_eq!(rows.len(), 11);
    for (err, code, status, description) in &rows {
        assert_eq!(err.code(), *code);
        assert_eq!(err.status().as_u16(), *status, "{code}");
        assert_eq!(err.spec().doc(), Some(*description), "{code}");
        let message = match *code {
            "VALIDATION_ERROR" => "Request validation failed",
            _ => *description,
        };
        assert_eq!(err.message(), message, "{code}");
        assert_body(
            &Envelope::new(err),
            &json!({"success": false, "error": message, "code": code}),
        );
    }
}

/// Clients are told to switch on `code`, not the status: the 11 codes are distinct although
/// statuses repeat (two 401s, two 500s).
#[test]
fn catalog_codes_are_distinct_where_statuses_are_not() {
    let mut specs: Vec<&'static Spec> = Vec::new();
    ServiceError::catalog(&mut |spec| specs.push(spec));
    let rows = table();
    assert_eq!(specs.len(), 11);
    for (spec, (_, code, status, description)) in specs.iter().zip(&rows) {
        assert_eq!(spec.code(), *code);
        assert_eq!(spec.status().as_u16(), *status, "{code}");
        assert_eq!(spec.doc(), Some(*description), "{code}");
    }
    let mut codes: Vec<&str> = specs.iter().map(|spec| spec.code()).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), 11);
    let mut statuses: Vec<u16> = specs.iter().map(|spec| spec.status().as_u16()).collect();
    statuses.sort_unstable();
    statuses.dedup();
    assert_eq!(statuses, [400, 401, 403, 404, 409, 422, 429, 500, 502]);
}

/// The internal cause of a 5xx stays out of the body; the source is still there for logs.
#[test]
fn server_errors_keep_their_cause_internal() {
    for (err, _, status, _) in table().iter().filter(|row| row.2 >= 500) {
        let body = String::from_utf8(Envelope::new(err).to_vec().unwrap()).unwrap();
        for secret in ["s3cr3t", "postgres://", "index out of bounds"] {
            assert!(!body.contains(secret), "{status}: {body}");
        }
    }
    let db = ServiceError::Database(std::io::Error::other("pool timeout"));
    assert_eq!(db.source_error().unwrap().to_string(), "pool timeout");
}
