//! The errors a web framework raises before a handler runs, as one documented [`ApiError`].

use std::error::Error;
use std::fmt;

use crate::ApiError;

/// The longest framework detail kept in a message; the rest is cut at a character boundary.
pub const MAX_DETAIL_LEN: usize = 512;

/// What went wrong before (or around) a handler: no route, a malformed body, a panic.
///
/// The HTTP integrations answer framework rejections with it, so that they come out in the same
/// envelope as the application's own errors: each [`RejectionKind`](crate::RejectionKind) becomes
/// the variant of the same name, unless the application registers its own error for them
/// ([`FromRejection`](crate::FromRejection)). Each code is part of the API's contract:
///
/// | code | status | when |
/// |---|---|---|
/// | `NOT_FOUND` | 404 | no route matches the path (or a handler answered a bare, empty 404) |
/// | `METHOD_NOT_ALLOWED` | 405 | the route exists but not for this method (or a bare, empty 405); `Allow` is kept |
/// | `MALFORMED_JSON` | 400 | the body is not well-formed JSON |
/// | `INVALID_BODY` | 422 | the body (JSON or form) is well-formed but does not fit the expected type |
/// | `UNSUPPORTED_MEDIA_TYPE` | 415 | the `Content-Type` is missing or not the one the extractor reads |
/// | `INVALID_PATH` | 400 | a path parameter does not parse |
/// | `INVALID_QUERY` | 400 | the query string does not parse |
/// | `PAYLOAD_TOO_LARGE` | 413 | the body is over the configured limit |
/// | `BAD_REQUEST` | 400 | the body could not be read for another reason (truncated, not UTF-8) |
/// | `INTERNAL` | 500 | a handler panicked, or the framework is misconfigured (missing extension, wrong number of path parameters); redacted |
///
/// The `detail` in a message is the framework's own explanation (such as serde's `missing field
/// `name` at line 1 column 2`), cut to [`MAX_DETAIL_LEN`] bytes without control characters. It
/// may quote the client's own input back to it, never anything else.
///
/// ```
/// use apierr::{ApiError, HttpError};
///
/// let error = HttpError::invalid_query("missing field `q`");
/// assert_eq!(error.code(), "INVALID_QUERY");
/// assert_eq!(error.status(), http::StatusCode::BAD_REQUEST);
/// assert_eq!(error.message(), "Invalid query string: missing field `q`");
///
/// let panic = HttpError::internal("handler panicked: index out of bounds");
/// assert_eq!(panic.message(), "Internal Server Error");
/// assert_eq!(panic.to_string(), "internal server error");
/// ```
#[derive(Debug, crate::ApiError)]
#[non_exhaustive]
pub enum HttpError {
    /// No route matches the request path.
    #[api(
        code = "NOT_FOUND",
        status = 404,
        message = "The requested resource does not exist"
    )]
    NotFound,
    /// The route exists, but does not accept the request method.
    #[api(
        code = "METHOD_NOT_ALLOWED",
        status = 405,
        message = "This method is not allowed on this resource"
    )]
    MethodNotAllowed,
    /// The request body is not well-formed JSON.
    #[api(
        code = "MALFORMED_JSON",
        status = 400,
        message = "The request body is not valid JSON: {detail}"
    )]
    MalformedJson {
        /// The parser's explanation.
        detail: String,
    },
    /// The request body is well-formed but does not fit the type the endpoint expects.
    #[api(
        code = "INVALID_BODY",
        status = 422,
        message = "The request body is invalid: {detail}"
    )]
    InvalidBody {
        /// The deserializer's explanation.
        detail: String,
    },
    /// The request has no `Content-Type`, or not the one the endpoint reads.
    #[api(
        code = "UNSUPPORTED_MEDIA_TYPE",
        status = 415,
        message = "Expected a request body with Content-Type: {expected}"
    )]
    UnsupportedMediaType {
        /// The media type the endpoint reads, such as `application/json`.
        expected: String,
    },
    /// A path parameter does not parse.
    #[api(
        code = "INVALID_PATH",
        status = 400,
        message = "Invalid path parameter: {detail}"
    )]
    InvalidPath {
        /// The deserializer's explanation.
        detail: String,
    },
    /// The query string does not parse.
    #[api(
        code = "INVALID_QUERY",
        status = 400,
        message = "Invalid query string: {detail}"
    )]
    InvalidQuery {
        /// The deserializer's explanation.
        detail: String,
    },
    /// The request body is larger than the configured limit.
    #[api(
        code = "PAYLOAD_TOO_LARGE",
        status = 413,
        message = "The request body is too large"
    )]
    PayloadTooLarge,
    /// The request body could not be read for another reason.
    #[api(
        code = "BAD_REQUEST",
        status = 400,
        message = "The request could not be read: {detail}"
    )]
    BadRequest {
        /// The framework's explanation.
        detail: String,
    },
    /// A handler panicked, or the server is misconfigured. The client sees only the generic
    /// message; `source` goes to the log.
    #[api(code = "INTERNAL", status = 500)]
    Internal {
        /// What happened, for the log.
        source: Box<dyn Error + Send + Sync>,
    },
}

impl HttpError {
    /// [`MalformedJson`](Self::MalformedJson), with `detail` bounded.
    #[must_use]
    pub fn malformed_json(detail: &str) -> Self {
        HttpError::MalformedJson {
            detail: bounded_detail(detail),
        }
    }

    /// [`InvalidBody`](Self::InvalidBody), with `detail` bounded.
    #[must_use]
    pub fn invalid_body(detail: &str) -> Self {
        HttpError::InvalidBody {
            detail: bounded_detail(detail),
        }
    }

    /// [`UnsupportedMediaType`](Self::UnsupportedMediaType), expecting `expected`.
    #[must_use]
    pub fn unsupported_media_type(expected: &str) -> Self {
        HttpError::UnsupportedMediaType {
            expected: bounded_detail(expected),
        }
    }

    /// [`InvalidPath`](Self::InvalidPath), with `detail` bounded.
    #[must_use]
    pub fn invalid_path(detail: &str) -> Self {
        HttpError::InvalidPath {
            detail: bounded_detail(detail),
        }
    }

    /// [`InvalidQuery`](Self::InvalidQuery), with `detail` bounded.
    #[must_use]
    pub fn invalid_query(detail: &str) -> Self {
        HttpError::InvalidQuery {
            detail: bounded_detail(detail),
        }
    }

    /// [`BadRequest`](Self::BadRequest), with `detail` bounded.
    #[must_use]
    pub fn bad_request(detail: &str) -> Self {
        HttpError::BadRequest {
            detail: bounded_detail(detail),
        }
    }

    /// [`Internal`](Self::Internal), caused by `source` (logged, never shown).
    pub fn internal(source: impl Into<Box<dyn Error + Send + Sync>>) -> Self {
        HttpError::Internal {
            source: source.into(),
        }
    }
}

/// `Display` is the internal message, for logs; the client sees [`ApiError::message`].
impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HttpError::Internal { .. } => f.write_str("internal server error"),
            other => other.fmt_message(f),
        }
    }
}

impl Error for HttpError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            HttpError::Internal { source } => Some(&**source),
            _ => None,
        }
    }
}

/// Keeps at most [`MAX_DETAIL_LEN`] bytes of framework text, without control characters, so a
/// detail can neither bloat a body nor break a log line.
pub(crate) fn bounded_detail(text: &str) -> String {
    crate::limits::printable(text.trim(), MAX_DETAIL_LEN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_are_bounded_and_single_line() {
        assert_eq!(bounded_detail(" a\r\nb\u{7f} "), "ab");
        let long = "é".repeat(MAX_DETAIL_LEN);
        let cut = bounded_detail(&long);
        assert_eq!(cut.len(), MAX_DETAIL_LEN);
    }

    #[test]
    fn internal_keeps_its_source_for_the_log_only() {
        let error = HttpError::internal("handler panicked: boom");
        assert_eq!(error.message(), "Internal Server Error");
        assert_eq!(
            error.source_error().map(ToString::to_string).as_deref(),
            Some("handler panicked: boom")
        );
    }
}
