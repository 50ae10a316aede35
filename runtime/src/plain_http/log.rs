//! What the HTTP layer reports: 5xx errors, dropped headers, bodies that failed to render.
//!
//! With the `tracing` feature these are `tracing` events with target `apierr`; without it they
//! are single lines on standard error, so a fallback is never silent.

use std::error::Error;
use std::fmt::{self, Write as _};

use crate::{ApiError, Context};

/// A `fmt::Write` that escapes control characters, so text from an error cannot forge log lines.
struct Escaped<'a>(&'a mut String);

impl fmt::Write for Escaped<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for c in s.chars() {
            if c.is_control() {
                self.0.extend(c.escape_default());
            } else {
                self.0.push(c);
            }
        }
        Ok(())
    }
}

/// The internal message followed by every source, `": "`-separated, on one line.
///
/// A `Display` that fails leaves its text cut short instead of panicking, as `to_string` would.
pub(crate) fn source_chain(error: &dyn ApiError) -> String {
    struct Internal<'a>(&'a dyn ApiError);
    impl fmt::Display for Internal<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.0.fmt_internal(f)
        }
    }

    let mut out = String::new();
    let _ = write!(Escaped(&mut out), "{}", Internal(error));
    let mut source: Option<&dyn Error> = error.source_error();
    while let Some(cause) = source {
        out.push_str(": ");
        let _ = write!(Escaped(&mut out), "{cause}");
        source = cause.source();
    }
    out
}

/// Reports a 5xx with its code, status, correlation id and full source chain.
pub(crate) fn server_error(error: &dyn ApiError, context: &Context) {
    let chain = source_chain(error);
    let id = context.correlation_id().map(|id| id.as_str());
    #[cfg(feature = "tracing")]
    tracing::error!(
        target: "apierr",
        code = error.code(),
        status = error.status().as_u16(),
        correlation_id = id,
        error = %chain,
        "server error"
    );
    #[cfg(not(feature = "tracing"))]
    eprintln!(
        "apierr: server error code={} status={} correlation_id={} error={chain}",
        error.code(),
        error.status().as_u16(),
        id.unwrap_or("-"),
    );
}

/// Reports a header that was left out because its value is not a safe header value.
pub(crate) fn dropped_header(code: &str, name: &str, why: &str) {
    #[cfg(feature = "tracing")]
    tracing::warn!(target: "apierr", code, header = name, reason = why, "header dropped");
    #[cfg(not(feature = "tracing"))]
    eprintln!("apierr: header dropped code={code} header={name} reason={why}");
}

/// Reports a body that could not be rendered as declared, and what was sent instead.
pub(crate) fn render_failed(code: &str, error: &dyn fmt::Display, fallback: &str) {
    let mut reason = String::new();
    let _ = write!(Escaped(&mut reason), "{error}");
    #[cfg(feature = "tracing")]
    tracing::error!(target: "apierr", code, error = %reason, fallback, "error body failed to render");
    #[cfg(not(feature = "tracing"))]
    eprintln!("apierr: error body failed to render code={code} error={reason} fallback={fallback}");
}
