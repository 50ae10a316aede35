//! Prints the error catalogue of a sample application, generated from its error enums.
//!
//! ```text
//! cargo run -p apierr --features catalog --example catalog -- markdown
//! cargo run -p apierr --features catalog --example catalog -- json
//! cargo run -p apierr --features catalog --example catalog -- typescript [FORMAT]
//! cargo run -p apierr --features utoipa --example catalog -- openapi [FORMAT]
//! ```
//!
//! FORMAT is the envelope of the bodies: `nested` (the default), `field-lists`,
//! `field-strings`, `flat-details`, `status-envelope` or `problem-details`. A `build.rs` or a
//! test calls the same functions to keep checked-in docs in sync.

use std::process::ExitCode;

use apierr::catalog::Catalog;
use apierr::format::{
    FieldLists, FieldStrings, FlatDetails, Format, Nested, ProblemDetails, StatusEnvelope,
};
use apierr::{ApiError, FieldErrors};

/// Authentication and sessions.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Auth & Session", code_enum)]
pub enum AuthError {
    /// No authentication token provided
    ///
    /// When: Request has no Authorization header or access_token cookie
    #[error("No authentication token provided")]
    #[api(code = "AUTH_MISSING", status = 401, www_authenticate = "Bearer")]
    Missing,
    /// Two-factor authentication is required
    ///
    /// When: User has TOTP enabled and must verify before receiving tokens
    #[error("Two-factor authentication is required")]
    #[api(code = "2FA_REQUIRED", status = 401, www_authenticate = "Bearer")]
    TwoFactorRequired,
    /// Account is temporarily locked due to failed login attempts
    ///
    /// When: locked_until is in the future after too many failed logins
    #[error("Account is locked until {until}")]
    #[api(code = "ACCOUNT_LOCKED", status = 403)]
    Locked {
        #[api(member = "lockedUntil")]
        until: String,
    },
}

/// Request validation.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Input Validation", code_enum)]
pub enum InputError {
    /// Request body failed validation
    ///
    /// When: A field is missing or has the wrong type; `fields` says which
    #[error("Request validation failed")]
    #[api(code = "VALIDATION_ERROR", status = 422)]
    Invalid(#[api(fields)] FieldErrors),
}

/// Everything the sample API answers with.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(code_enum)]
pub enum AppError {
    /// An authentication error.
    #[error(transparent)]
    #[api(transparent)]
    Auth(AuthError),
    /// A validation error.
    #[error(transparent)]
    #[api(transparent)]
    Input(InputError),
    /// Too many requests in a given time window
    ///
    /// When: Client exceeds the configured rate limit (default: 100 req/min)
    #[error("Too many requests")]
    #[api(code = "RATE_LIMITED", status = 429, category = "Rate Limiting")]
    RateLimited {
        #[api(retry_after)]
        retry_after: u64,
    },
    /// An unexpected server error occurred
    ///
    /// When: Unhandled exception, database connection failure, or downstream service error
    #[error("unhandled: {0}")]
    #[api(code = "INTERNAL", status = 500, category = "Internal")]
    Internal(#[source] std::io::Error),
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: catalog markdown | json | typescript [FORMAT] | openapi [FORMAT]\n\
         FORMAT: nested (default), field-lists, field-strings, flat-details, status-envelope, \
         problem-details"
    );
    ExitCode::from(2)
}

/// Calls `f` with the format named `name`; `None` for an unknown name.
fn with_format<R>(name: &str, f: impl FormatFn<R>) -> Option<R> {
    Some(match name {
        "nested" => f.call(&Nested),
        "field-lists" => f.call(&FieldLists),
        "field-strings" => f.call(&FieldStrings),
        "flat-details" => f.call(&FlatDetails),
        "status-envelope" => f.call(&StatusEnvelope),
        "problem-details" => f.call(&ProblemDetails::new()),
        _ => return None,
    })
}

/// A function generic over the format, which a closure cannot be.
trait FormatFn<R> {
    fn call<F: Format>(self, format: &F) -> R;
}

struct TypeScript<'a>(&'a Catalog);

impl FormatFn<String> for TypeScript<'_> {
    fn call<F: Format>(self, format: &F) -> String {
        self.0.to_typescript(format)
    }
}

#[cfg(feature = "utoipa")]
struct OpenApi<'a>(&'a Catalog);

#[cfg(feature = "utoipa")]
impl FormatFn<Result<String, String>> for OpenApi<'_> {
    fn call<F: Format>(self, format: &F) -> Result<String, String> {
        // Real values for the codes whose bodies depend on them: the examples then show the
        // extension members and messages clients will get.
        let locked = AppError::Auth(AuthError::Locked {
            until: "2026-12-01T10:00:00Z".to_owned(),
        });
        let invalid = AppError::Input(InputError::Invalid(
            FieldErrors::new().with("email", "must be a valid email address"),
        ));
        let limited = AppError::RateLimited { retry_after: 30 };
        let examples: [&dyn ApiError; 3] = [&locked, &invalid, &limited];
        apierr::openapi::ErrorResponses::new(self.0, format)
            .with_schema_ref("ApiErrorBody")
            .with_examples(examples)
            .map_err(|e| e.to_string())?
            .document("Sample API errors", "1.0.0", "/example")
            .to_pretty_json()
            .map_err(|e| e.to_string())
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let catalog = match Catalog::of::<AppError>() {
        Ok(catalog) => catalog,
        Err(conflicts) => {
            eprintln!("{conflicts}");
            return ExitCode::FAILURE;
        }
    };
    let format = args.get(1).map_or("nested", String::as_str);
    let output = match args.first().map(String::as_str) {
        Some("markdown") => catalog.to_markdown(),
        Some("json") => match serde_json::to_string_pretty(&catalog.to_json()) {
            Ok(json) => json + "\n",
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        },
        Some("typescript") => match with_format(format, TypeScript(&catalog)) {
            Some(ts) => ts,
            None => return usage(),
        },
        Some("openapi") => {
            #[cfg(feature = "utoipa")]
            match with_format(format, OpenApi(&catalog)) {
                Some(Ok(json)) => json + "\n",
                Some(Err(e)) => {
                    eprintln!("{e}");
                    return ExitCode::FAILURE;
                }
                None => return usage(),
            }
            #[cfg(not(feature = "utoipa"))]
            {
                eprintln!("openapi needs the `utoipa` feature: add `--features utoipa`");
                return ExitCode::FAILURE;
            }
        }
        _ => return usage(),
    };
    print!("{output}");
    ExitCode::SUCCESS
}
