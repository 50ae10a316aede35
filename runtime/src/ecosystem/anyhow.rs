//! anyhow (feature `anyhow`): [`Internal`], any `anyhow::Error` as a redacted 500.
//!
//! Clients see 500 `INTERNAL` "Internal Server Error" and nothing else. The error's
//! message and its whole chain of causes go to the log when the HTTP layer answers with it, and
//! into the body only as opt-in debug detail ([`Context::with_debug_detail`](crate::Context)).
//!
//! Make it the catch-all variant of your error enum: `transparent`, so that its code, status
//! and chain are used as they are, and thiserror's `#[from]`, so that `?` converts it.
//! [`ResultExt::internal`] turns any error that anyhow accepts into it.
//!
//! ```
//! use anyhow::Context as _;
//! use apierr::anyhow::ResultExt as _;
//! use apierr::{ApiError, Context, Envelope};
//!
//! #[derive(Debug, thiserror::Error, ApiError)]
//! #[api(format = apierr::format::StatusEnvelope)]
//! enum AppError {
//!     #[error("no such user")]
//!     #[api(code = "NOT_FOUND", status = 404, message = "Resource not found")]
//!     NotFound,
//!     #[error(transparent)]
//!     #[api(transparent)]
//!     Other(#[from] apierr::Internal),
//! }
//!
//! fn load_settings() -> Result<String, AppError> {
//!     let text = std::fs::read_to_string("/nonexistent/settings.toml")
//!         .context("cannot load settings")
//!         .internal()?;
//!     Ok(text)
//! }
//!
//! let error = load_settings().unwrap_err();
//! assert_eq!(error.code(), "INTERNAL");
//! assert_eq!(error.message(), "Internal Server Error");
//! assert_eq!(
//!     Envelope::new(&error).to_value().unwrap(),
//!     serde_json::json!({"success": false, "error": "Internal Server Error", "statusCode": 500})
//! );
//!
//! let debug = Context::new().with_debug_detail(true);
//! let body = Envelope::new(&error).with_context(&debug).to_value().unwrap();
//! let stack = body["stack"].as_str().unwrap();
//! assert!(stack.starts_with("cannot load settings\n    caused by: "), "{stack}");
//! ```

use std::error::Error;
use std::fmt;

use crate::{ApiError, Spec};

static SPEC: Spec = Spec::new("INTERNAL", 500, "Internal")
    .with_doc("An unexpected server error occurred")
    .with_static_message("Internal Server Error")
    .redacted();

/// Any `anyhow::Error`, answered as 500 `INTERNAL` with the generic message; see
/// [the module docs](self).
///
/// `Display` and [`ApiError::fmt_internal`] are the error's own message (for logs), and
/// [`ApiError::source_error`] and `Error::source` its causes, so that the log line and debug
/// detail show the whole chain, each cause once.
///
/// ```
/// use apierr::{ApiError, Internal};
///
/// let error = Internal::from(anyhow::anyhow!("db-7 refused the connection").context("cannot save order"));
/// assert_eq!(error.code(), "INTERNAL");
/// assert_eq!(error.status().as_u16(), 500);
/// assert_eq!(error.message(), "Internal Server Error");
/// assert_eq!(error.to_string(), "cannot save order");
/// assert_eq!(error.source_error().unwrap().to_string(), "db-7 refused the connection");
/// ```
#[derive(Debug)]
pub struct Internal(::anyhow::Error);

impl Internal {
    /// Wraps `error`: an `anyhow::Error`, or any error type anyhow accepts.
    pub fn new(error: impl Into<::anyhow::Error>) -> Self {
        Internal(error.into())
    }

    /// The wrapped error.
    #[must_use]
    pub fn error(&self) -> &::anyhow::Error {
        &self.0
    }

    /// The wrapped error, given back.
    #[must_use]
    pub fn into_inner(self) -> ::anyhow::Error {
        self.0
    }
}

impl From<::anyhow::Error> for Internal {
    fn from(error: ::anyhow::Error) -> Self {
        Internal(error)
    }
}

impl fmt::Display for Internal {
    /// The outermost message; `{:#}` adds the causes, `: `-separated, as anyhow does.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl Error for Internal {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.0.source()
    }
}

impl ApiError for Internal {
    fn spec(&self) -> &'static Spec {
        &SPEC
    }

    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Internal Server Error")
    }

    fn fmt_internal(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Only the outermost message: the causes follow from `source_error`.
        write!(f, "{}", self.0)
    }

    fn source_error(&self) -> Option<&(dyn Error + 'static)> {
        self.0.source()
    }

    fn catalog(visit: &mut dyn FnMut(&'static Spec)) {
        visit(&SPEC);
    }
}

crate::__apierr_integrations! { [] [Internal] [] }

/// `.internal()` on any `Result` whose error anyhow accepts (`anyhow::Result` included): the
/// error becomes an [`Internal`], which `?` then converts into your enum's catch-all variant.
pub trait ResultExt<T> {
    /// The same result, its error wrapped in [`Internal`].
    ///
    /// # Errors
    /// The wrapped error of `self`.
    fn internal(self) -> Result<T, Internal>;
}

impl<T, E: Into<::anyhow::Error>> ResultExt<T> for Result<T, E> {
    fn internal(self) -> Result<T, Internal> {
        self.map_err(Internal::new)
    }
}
