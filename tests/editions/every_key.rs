// The same user code, compiled by e2018, e2021 and e2024 through include!: its tokens take the
// edition of the crate that includes it.


use std::time::Duration;

use apierr::{ApiError, FieldErrors};

/// The errors of an account service.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(
    status = 400,
    category = "Accounts",
    rename_all = "SCREAMING_SNAKE_CASE",
    format = apierr::format::ProblemDetails::new(),
    www_authenticate = "Bearer realm=\"accounts\"",
    code_enum
)]
pub enum AccountError {
    /// The account is locked for a while.
    #[error("account {id} locked until {until}")]
    #[api(
        code = "ACCOUNT_LOCKED",
        status = 403,
        message = "Account {id} is locked until {until}",
        title = "Account locked",
        type = "https://example.com/probs/account-locked",
        header("cache-control", "no-store")
    )]
    Locked {
        /// The account.
        #[api(member)]
        id: u64,
        /// When it unlocks.
        until: String,
    },
    /// Too many sign-in attempts: the code comes from `rename_all`.
    #[error("slow down")]
    #[api(status = TOO_MANY_REQUESTS)]
    TooManyAttempts {
        /// How long to wait.
        #[api(retry_after)]
        wait: Duration,
        /// Attempts so far.
        #[api(header = "x-attempts", member = "attempts")]
        attempts: u32,
        /// The limit.
        #[api(member = "maxAttempts")]
        max: u32,
    },
    /// The input is invalid.
    #[error("invalid input")]
    #[api(
        code = "VALIDATION_FAILED",
        status = 422,
        message = "Validation failed"
    )]
    Invalid(#[api(fields)] FieldErrors),
    /// No token: the challenge is the enum's.
    #[error("no token")]
    #[api(code = "AUTH_MISSING", status = UNAUTHORIZED)]
    Unauthenticated,
    /// The session is over: the challenge is the variant's own.
    #[error("session expired")]
    #[api(code = "SESSION_EXPIRED", status = 401, www_authenticate = "Cookie")]
    SessionExpired,
    /// Wrong credentials: the status is the enum's, the message the generic one.
    #[error("password {password} is wrong")]
    #[api(code = "LOGIN_FAILED", redact)]
    LoginFailed {
        /// What was typed.
        password: String,
    },
    /// The database failed: a 5xx shows the generic message.
    #[error("database: {0}")]
    #[api(code = "DATABASE", status = 503)]
    Database(#[source] std::io::Error),
    /// Planned maintenance: a 5xx whose message may be shown.
    #[error("down for maintenance until {until}")]
    #[api(code = "MAINTENANCE", status = 503, expose)]
    Maintenance {
        /// When it ends.
        until: String,
        /// Why.
        #[source]
        cause: std::fmt::Error,
    },
    /// The store's own errors, as they are.
    #[error(transparent)]
    #[api(transparent)]
    Store(#[from] StoreError),
}

/// The storage layer's error.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("store offline")]
#[api(code = "STORE_OFFLINE", status = 502, header("x-store", "primary"), code_enum = StoreCode)]
pub struct StoreError;

#[cfg(test)]
mod tests {
    use apierr::response::{ResponseOptions, to_response};
    use apierr::{ApiError, Context, Envelope, ErrorCode, FieldErrors, HasCodeEnum};
    use serde_json::json;

    use super::{AccountError, AccountErrorCode, StoreCode, StoreError};

    #[test]
    fn every_key_has_its_effect() {
        let locked = AccountError::Locked {
            id: 7,
            until: "noon".to_owned(),
        };
        assert_eq!(
            Envelope::new(&locked).to_value().unwrap(),
            json!({
                "type": "https://example.com/probs/account-locked",
                "title": "Account locked",
                "status": 403,
                "detail": "Account 7 is locked until noon",
                "code": "ACCOUNT_LOCKED",
                "id": 7
            })
        );
        let response = to_response(&locked, &Context::new(), &ResponseOptions::new());
        assert_eq!(response.headers()["cache-control"], "no-store");

        let busy = AccountError::TooManyAttempts {
            wait: std::time::Duration::from_millis(1500),
            attempts: 5,
            max: 3,
        };
        assert_eq!(busy.code(), "TOO_MANY_ATTEMPTS");
        assert_eq!(busy.status().as_u16(), 429);
        assert_eq!(busy.retry_after(), Some(2));
        let response = to_response(&busy, &Context::new(), &ResponseOptions::new());
        assert_eq!(response.headers()["retry-after"], "2");
        assert_eq!(response.headers()["x-attempts"], "5");
        let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
        assert_eq!(
            (&body["attempts"], &body["maxAttempts"]),
            (&json!(5), &json!(3))
        );

        let invalid = AccountError::Invalid(FieldErrors::new().with("email", "is required"));
        assert_eq!(invalid.field_errors().map(FieldErrors::len), Some(1));
        assert_eq!(invalid.message(), "Validation failed");

        for (error, challenge) in [
            (AccountError::Unauthenticated, "Bearer realm=\"accounts\""),
            (AccountError::SessionExpired, "Cookie"),
        ] {
            let response = to_response(&error, &Context::new(), &ResponseOptions::new());
            assert_eq!(response.headers()["www-authenticate"], challenge);
        }

        let login = AccountError::LoginFailed {
            password: "hunter2".to_owned(),
        };
        assert_eq!(
            (login.status().as_u16(), login.message()),
            (400, "Bad Request".into())
        );
        let database = AccountError::Database(std::io::Error::other("password=hunter2"));
        assert_eq!(database.message(), "Service Unavailable");
        assert!(database.source_error().is_some());
        let maintenance = AccountError::Maintenance {
            until: "6am".to_owned(),
            cause: std::fmt::Error,
        };
        assert_eq!(maintenance.message(), "down for maintenance until 6am");

        let store = AccountError::from(StoreError);
        assert_eq!(
            (store.code(), store.status().as_u16()),
            ("STORE_OFFLINE", 502)
        );
        assert_eq!(store.spec().category(), None);
        assert_eq!(store.spec().headers(), &[("x-store", "primary")]);
    }

    #[test]
    fn code_enums_name_every_code() {
        assert_eq!(
            AccountErrorCode::from_code("ACCOUNT_LOCKED"),
            AccountErrorCode::Locked
        );
        assert_eq!(
            AccountError::Unauthenticated.code_enum(),
            AccountErrorCode::Unauthenticated
        );
        assert_eq!(
            AccountError::from(StoreError).code_enum(),
            AccountErrorCode::Store(StoreCode::StoreError)
        );
        assert!(AccountErrorCode::from_code("NEW_CODE").is_unknown());
        let mut codes = Vec::new();
        AccountError::catalog(&mut |spec| codes.push(spec.code()));
        assert_eq!(
            codes,
            [
                "ACCOUNT_LOCKED",
                "TOO_MANY_ATTEMPTS",
                "VALIDATION_FAILED",
                "AUTH_MISSING",
                "SESSION_EXPIRED",
                "LOGIN_FAILED",
                "DATABASE",
                "MAINTENANCE",
                "STORE_OFFLINE"
            ]
        );
    }
}

/// The errors of an inventory, with `Display`, `Error` and `From` written by the derive too.
#[derive(Debug, ApiError)]
#[api(display)]
pub enum InventoryError<T: core::fmt::Debug> {
    /// The item does not exist.
    #[error("item {id} not found")]
    #[api(code = "ITEM_NOT_FOUND", status = 404)]
    NotFound {
        /// The item asked for.
        id: T,
    },
    /// The disk failed.
    #[error("disk failure {0:?}")]
    #[api(code = "DISK", status = 500)]
    Disk(#[from] std::io::Error),
    /// Another store's error, as it is.
    #[error(transparent)]
    #[api(code = "OTHER", status = 502)]
    Other(Box<dyn std::error::Error + Send + Sync>),
}
