//! What a web framework refuses before (or around) a handler, as one typed [`Rejection`], and the
//! one place an application says which of its own errors each kind becomes
//! ([`FromRejection`], registered with [`ResponseOptions::with_rejections`]).
//!
//! Every path that answers for the framework goes through
//! [`ResponseOptions::reject`]: axum's own rejections and its 404 and 405 fallbacks (through
//! `ApiErrorLayer`), actix-web's extractor errors and fallbacks (through `ApiErrors`), the
//! validated-JSON extractors (`apierr::extract`), and panicking handlers. So one kind always
//! becomes the same code, whichever extractor or framework met it. Without a registration each
//! kind becomes the matching [`HttpError`], as it always did.

use std::error::Error;
use std::fmt;

use super::error::bounded_detail;
#[cfg(doc)]
use super::{error::HttpError, response::ResponseOptions};

mod mapping;

pub use mapping::FromRejection;
pub(crate) use mapping::RejectionOptions;

/// What kind of request a framework refused; see [`Rejection`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RejectionKind {
    /// The body is not well-formed, does not fit the expected type (a missing field, a value of
    /// the wrong type), or could not be read; [`Rejection::body_fault`] says which.
    MalformedBody,
    /// The `Content-Type` is missing, or not the one the extractor reads.
    UnsupportedMediaType,
    /// The body is over the configured limit.
    PayloadTooLarge,
    /// A path parameter does not parse.
    InvalidPath,
    /// The query string does not parse.
    InvalidQuery,
    /// No route matches the path (or a handler answered a bare, empty 404).
    NotFound,
    /// The route exists, but not for this method (or a handler answered a bare, empty 405).
    MethodNotAllowed,
    /// A handler panicked, or the framework is misconfigured (a missing extension, a wrong
    /// number of path parameters). Never the client's doing.
    Internal,
}

/// Why a body was a [`RejectionKind::MalformedBody`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BodyFault {
    /// Not well-formed JSON, or JSON followed by trailing data.
    Syntax,
    /// Well-formed, but not of the expected type: a missing field, a value of the wrong type, a
    /// form that does not fit.
    Shape,
    /// The body could not be read: cut short, or not UTF-8.
    Unreadable,
}

/// How much of the framework's own explanation a [`Rejection`] keeps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum RejectionDetail {
    /// The framework's text (such as serde's ``missing field `name` ``), bounded to
    /// [`MAX_DETAIL_LEN`](crate::MAX_DETAIL_LEN) bytes without control characters. It may name
    /// the server's types (`expected u64`, `expected struct Order`) and quote the client's
    /// input back to it.
    #[default]
    Verbatim,
    /// A fixed sentence for each kind, followed, where the extractor knows it, by the JSON path
    /// of the bad value (`` at `items[2].qty` ``). Nothing of serde's text reaches a client.
    Generic,
}

/// One framework rejection: its [kind](RejectionKind), a bounded explanation, and what the
/// default [`HttpError`] needs.
///
/// The integrations build it; an application turns it into its own error with
/// [`FromRejection`]. Constructors are public, so that a mapping can be tested without a
/// server.
///
/// ```
/// use apierr::{BodyFault, Rejection, RejectionKind};
///
/// let rejection = Rejection::malformed_body(BodyFault::Shape, "invalid type: string \"two\", expected u64")
///     .with_field_path("qty");
/// assert_eq!(rejection.kind(), RejectionKind::MalformedBody);
/// assert_eq!(rejection.body_fault(), Some(BodyFault::Shape));
/// assert_eq!(rejection.field_path(), Some("qty"));
/// assert_eq!(rejection.detail(), "invalid type: string \"two\", expected u64");
/// ```
pub struct Rejection {
    kind: RejectionKind,
    fault: Option<BodyFault>,
    detail: String,
    field_path: Option<String>,
    expected: Option<&'static str>,
    source: Option<Box<dyn Error + Send + Sync>>,
    /// Whether `detail` is the generic sentence (the framework's text is gone).
    generic: bool,
}

impl Rejection {
    fn of(kind: RejectionKind, detail: &str) -> Self {
        Rejection {
            kind,
            fault: None,
            detail: bounded_detail(detail),
            field_path: None,
            expected: None,
            source: None,
            generic: false,
        }
    }

    /// A [`MalformedBody`](RejectionKind::MalformedBody) for `fault`, explained by `detail`
    /// (bounded).
    #[must_use]
    pub fn malformed_body(fault: BodyFault, detail: &str) -> Self {
        Rejection {
            fault: Some(fault),
            ..Rejection::of(RejectionKind::MalformedBody, detail)
        }
    }

    /// An [`UnsupportedMediaType`](RejectionKind::UnsupportedMediaType): the endpoint reads
    /// `expected`, such as `application/json`.
    #[must_use]
    pub fn unsupported_media_type(expected: &'static str) -> Self {
        Rejection {
            expected: Some(expected),
            ..Rejection::of(RejectionKind::UnsupportedMediaType, "")
        }
    }

    /// A [`PayloadTooLarge`](RejectionKind::PayloadTooLarge).
    #[must_use]
    pub fn payload_too_large() -> Self {
        Rejection::of(RejectionKind::PayloadTooLarge, "")
    }

    /// An [`InvalidPath`](RejectionKind::InvalidPath), explained by `detail` (bounded).
    #[must_use]
    pub fn invalid_path(detail: &str) -> Self {
        Rejection::of(RejectionKind::InvalidPath, detail)
    }

    /// An [`InvalidQuery`](RejectionKind::InvalidQuery), explained by `detail` (bounded).
    #[must_use]
    pub fn invalid_query(detail: &str) -> Self {
        Rejection::of(RejectionKind::InvalidQuery, detail)
    }

    /// A [`NotFound`](RejectionKind::NotFound).
    #[must_use]
    pub fn not_found() -> Self {
        Rejection::of(RejectionKind::NotFound, "")
    }

    /// A [`MethodNotAllowed`](RejectionKind::MethodNotAllowed).
    #[must_use]
    pub fn method_not_allowed() -> Self {
        Rejection::of(RejectionKind::MethodNotAllowed, "")
    }

    /// An [`Internal`](RejectionKind::Internal) caused by `source`, which is for the log only:
    /// it is never part of [`detail`](Self::detail).
    pub fn internal(source: impl Into<Box<dyn Error + Send + Sync>>) -> Self {
        Rejection {
            source: Some(source.into()),
            ..Rejection::of(RejectionKind::Internal, "")
        }
    }

    /// This rejection, about the value at `path` (dotted, as `items[2].qty`; bounded like a
    /// field path taken from a request).
    #[must_use]
    pub fn with_field_path(mut self, path: &str) -> Self {
        self.field_path = Some(crate::limits::printable(
            path,
            crate::limits::MAX_FIELD_PATH_LEN,
        ));
        self
    }

    /// What kind of request was refused.
    #[must_use]
    pub fn kind(&self) -> RejectionKind {
        self.kind
    }

    /// Why the body was refused, for a [`MalformedBody`](RejectionKind::MalformedBody).
    #[must_use]
    pub fn body_fault(&self) -> Option<BodyFault> {
        self.fault
    }

    /// The explanation a client may see: the framework's text, or under
    /// [`RejectionDetail::Generic`] a fixed sentence and the path of the bad value. Empty for
    /// kinds that need none (404, 405, 413, 415, 500). At most
    /// [`MAX_DETAIL_LEN`](crate::MAX_DETAIL_LEN) bytes, without control characters.
    #[must_use]
    pub fn detail(&self) -> &str {
        &self.detail
    }

    /// The path of the value that did not fit (`items[2].qty`), when the extractor knows it
    /// (`apierr::extract`'s do; axum's own `Json` and actix-web's do not say it apart from
    /// their text).
    #[must_use]
    pub fn field_path(&self) -> Option<&str> {
        self.field_path.as_deref()
    }

    /// The media type the endpoint reads, for an
    /// [`UnsupportedMediaType`](RejectionKind::UnsupportedMediaType).
    #[must_use]
    pub fn expected_media_type(&self) -> Option<&'static str> {
        self.expected
    }

    /// What caused an [`Internal`](RejectionKind::Internal) (a panic message, the
    /// misconfiguration), for the source of the error it becomes: logged, never shown.
    #[must_use]
    pub fn into_source(self) -> Option<Box<dyn Error + Send + Sync>> {
        self.source
    }

    /// The fixed sentence for this rejection under [`RejectionDetail::Generic`].
    fn sentence(&self) -> &'static str {
        match (self.kind, self.fault) {
            (RejectionKind::MalformedBody, Some(BodyFault::Syntax)) => {
                "the body is not well-formed"
            }
            (RejectionKind::MalformedBody, Some(BodyFault::Unreadable)) => {
                "the body could not be read"
            }
            (RejectionKind::MalformedBody, _) => "a value is missing or of the wrong type",
            (RejectionKind::InvalidPath, _) => "a path parameter is not valid",
            (RejectionKind::InvalidQuery, _) => "a query parameter is missing or not valid",
            _ => "",
        }
    }

    /// This rejection with the framework's text replaced by the generic sentence.
    pub(crate) fn generic(mut self) -> Self {
        if self.detail.is_empty() || self.generic {
            return self;
        }
        self.detail = match &self.field_path {
            Some(path) if self.fault == Some(BodyFault::Shape) => {
                bounded_detail(&format!("{} at `{path}`", self.sentence()))
            }
            _ => self.sentence().to_owned(),
        };
        self.generic = true;
        self
    }

    /// The message of a field error at [`field_path`](Self::field_path): the detail, less the
    /// path a generic detail repeats.
    #[cfg(all(feature = "axum", any(feature = "validator", feature = "garde")))]
    pub(crate) fn field_message(&self) -> &str {
        if self.generic {
            self.sentence()
        } else {
            &self.detail
        }
    }
}

impl fmt::Debug for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rejection")
            .field("kind", &self.kind)
            .field("body_fault", &self.fault)
            .field("detail", &self.detail)
            .field("field_path", &self.field_path)
            .field("expected_media_type", &self.expected)
            .field("source", &self.source)
            .finish()
    }
}

/// For logs: the kind and the detail.
impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} rejection", self.kind)?;
        if !self.detail.is_empty() {
            write!(f, ": {}", self.detail)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_detail_keeps_the_path_and_nothing_of_serde() {
        let serde_text = "invalid type: string \"two\", expected u64";
        let shape = Rejection::malformed_body(BodyFault::Shape, serde_text)
            .with_field_path("items[2].qty")
            .generic();
        assert_eq!(
            shape.detail(),
            "a value is missing or of the wrong type at `items[2].qty`"
        );
        let syntax = Rejection::malformed_body(BodyFault::Syntax, "EOF").with_field_path("a");
        assert_eq!(syntax.generic().detail(), "the body is not well-formed");
        assert_eq!(
            Rejection::invalid_query("missing field `q`")
                .generic()
                .detail(),
            "a query parameter is missing or not valid"
        );
        assert_eq!(Rejection::not_found().generic().detail(), "");
    }

    #[test]
    fn paths_are_bounded() {
        let long = "k".repeat(crate::limits::MAX_FIELD_PATH_LEN * 4);
        let rejection = Rejection::malformed_body(BodyFault::Shape, "x")
            .with_field_path(&long)
            .generic();
        assert!(rejection.field_path().unwrap().len() <= crate::limits::MAX_FIELD_PATH_LEN);
        assert!(rejection.detail().len() <= crate::MAX_DETAIL_LEN);
    }
}
