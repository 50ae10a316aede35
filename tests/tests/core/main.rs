//! The core behaviour of `#[derive(ApiError)]` and the envelope formats.

#[path = "../common/mod.rs"]
mod common;

mod container;
mod field_errors;
mod issue_example;
mod messages;
mod redaction;
mod sources;

use apierr::format::{
    AnyFormat, FieldLists, FieldStrings, FlatDetails, Nested, ProblemDetails, StatusEnvelope,
};
use apierr::{ApiError, Context, CorrelationId, FieldErrors, Timestamp};

// ---------------------------------------------------------------------------------------------
// The issue's example.

#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Session")]
enum SessionError {
    /// The session has expired
    #[error("session {id} expired")]
    #[api(code = "SESSION_EXPIRED", status = 401, message = "Session expired")]
    Expired { id: String },
    /// The session data is invalid
    #[error("invalid session data")]
    #[api(
        code = "SESSION_INVALID",
        status = 422,
        message = "Session data is invalid"
    )]
    Invalid {
        #[api(fields)]
        fields: FieldErrors,
        #[api(member = "sessionId")]
        session_id: String,
    },
    /// The session store is down
    #[error("session store unreachable")]
    #[api(code = "SESSION_STORE", status = 503)]
    Store(#[source] std::io::Error),
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Auth & Session")]
enum AuthError {
    /// No authentication token provided
    #[error("No authentication token provided")]
    #[api(code = "AUTH_MISSING", status = 401)]
    Missing,
    #[error("2fa")]
    #[api(
        code = "2FA_REQUIRED",
        status = 401,
        message = "Two-factor authentication is required"
    )]
    TwoFactorRequired,
    #[error("account locked until {until}")]
    #[api(code = "ACCOUNT_LOCKED", status = 403)]
    Locked { until: String },
    #[error(transparent)]
    #[api(transparent)]
    Session(SessionError),
    #[error("database unavailable")]
    #[api(code = "INTERNAL", status = 500)]
    Db(#[source] std::io::Error),
}

/// The six built-in formats, each with its name for assertion messages.
fn six_formats() -> [(&'static str, &'static dyn AnyFormat); 6] {
    static PROBLEM: ProblemDetails = ProblemDetails::new();
    [
        ("Nested", &Nested),
        ("FieldLists", &FieldLists),
        ("FieldStrings", &FieldStrings),
        ("FlatDetails", &FlatDetails),
        ("StatusEnvelope", &StatusEnvelope),
        ("ProblemDetails", &PROBLEM),
    ]
}

fn full_context() -> Context {
    Context::new()
        .with_correlation_id(CorrelationId::new("c-1").unwrap())
        .with_timestamp(Timestamp::from_unix_millis(1_779_530_400_000).unwrap())
        .with_path("/forms/signup")
        .with_method(http::Method::POST)
        .with_instance("/forms/signup/1")
}
