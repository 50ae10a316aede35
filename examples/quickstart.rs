//! Declares a small error catalogue and prints, for each variant, its code, status and body.
//!
//! Run it from the repository's root with `cargo run --example quickstart`: its package is the
//! workspace's only default member, so apierr is compiled with no feature and nothing else.

use apierr::{ApiError, Envelope, FieldErrors};

/// The errors of a login endpoint.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Auth & Session")]
enum AuthError {
    /// No authentication token provided
    #[error("No authentication token provided")]
    #[api(code = "AUTH_MISSING", status = 401)]
    Missing,
    /// Two-factor authentication is required
    #[error("second factor needed")]
    #[api(code = "2FA_REQUIRED", status = UNAUTHORIZED, message = "Two-factor authentication is required")]
    TwoFactorRequired,
    /// Account is temporarily locked due to failed login attempts
    #[error("account locked until {until}")]
    #[api(code = "ACCOUNT_LOCKED", status = 403)]
    Locked { until: String },
    /// Request body failed validation
    #[error("invalid body")]
    #[api(
        code = "VALIDATION",
        status = 400,
        message = "Business rule validation failed"
    )]
    Invalid(#[api(fields)] FieldErrors),
    /// An unexpected server error occurred
    #[error("database unavailable")]
    #[api(code = "INTERNAL", status = 500)]
    Db(#[source] std::io::Error),
}

fn main() {
    let samples = [
        AuthError::Missing,
        AuthError::TwoFactorRequired,
        AuthError::Locked {
            until: "2026-11-22T10:00:00Z".to_owned(),
        },
        AuthError::Invalid(FieldErrors::new().with("email", "must be a valid email address")),
        AuthError::Db(std::io::Error::other(
            "connection refused: password=hunter2",
        )),
    ];
    for error in &samples {
        let body = match Envelope::new(error).to_vec() {
            Ok(body) => String::from_utf8_lossy(&body).into_owned(),
            Err(e) => format!("<{e}>"),
        };
        println!("{:<16} {}  {body}", error.code(), error.status().as_u16());
    }
}
