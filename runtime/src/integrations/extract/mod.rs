//! Validated-JSON axum extractors (feature `axum` with `validator` and/or `garde`):
//! `Valid<T>` (feature `validator`) runs validator's checks, `Garde<T>` (feature `garde`) runs
//! garde's. Both destructure like axum's `Json`: `Valid(order): Valid<NewOrder>`. Their docs
//! have examples.
//!
//! A handler that takes `Valid<CreateOrder>` runs only for a JSON body that deserializes into
//! `CreateOrder` and passes its checks. Every other request is answered with an envelope, in
//! the same format as the API's own errors ([`ExtractRejection`]). Body problems are
//! [framework rejections](crate::Rejection), answered like axum's own: as [`HttpError`], or as
//! the application's error when it registers one with
//! [`ResponseOptions::with_rejections`](crate::response::ResponseOptions::with_rejections):
//!
//! | request | answer |
//! |---|---|
//! | no `Content-Type: application/json` (or `…+json`) | 415 `UNSUPPORTED_MEDIA_TYPE` ([`HttpError`]) |
//! | body over the size limit | 413 `PAYLOAD_TOO_LARGE` ([`HttpError`]) |
//! | body not well-formed JSON, or with trailing data | 400 `MALFORMED_JSON` ([`HttpError`]) |
//! | well-formed JSON of the wrong shape (missing field, wrong type) | the validation error, one field error at the offending path; with registered rejections, the registered error for [`MalformedBody`](crate::RejectionKind::MalformedBody) |
//! | checks fail | the validation error, with every field error |
//!
//! Under [`RejectionDetail::Generic`](crate::RejectionDetail::Generic) the message of a
//! wrong-shape field error is a fixed sentence instead of serde's text.
//!
//! # Choosing the validation error
//! The second type parameter is the error invalid input becomes: any [`ApiError`] that
//! implements [`FromFieldErrors`]. It defaults to
//! [`ValidationFailed`](crate::ValidationFailed) (422 `VALIDATION_ERROR`). An API that
//! documents another code, status or message (such as 400 "One or more validation errors
//! occurred") names its own error type, usually through an alias: code and status then come
//! from its `#[api(...)]`, the body shape from its format (or the layer's), and the
//! `MALFORMED_JSON`-style errors render in that same format (or in the registered rejection
//! error's own). The type is the one declaration of the code, which the catalogue reads.

use std::error::Error;
use std::fmt;

use crate::format::AnyFormat;
use crate::forward::{Forward, forward_api_error};
use crate::{ApiError, FromFieldErrors, HttpError, Spec};

mod json;
mod valid;

#[cfg(feature = "garde")]
pub use valid::Garde;
pub use valid::Tagged;
#[cfg(feature = "validator")]
pub use valid::Valid;

/// Why a validated-JSON extractor refused a request: the body could not be read as JSON, or
/// it was invalid. See [the module docs](self).
///
/// Both cases render in `E`'s format (unless the layer sets one for the whole API, or the
/// registered rejection error has its own), so a client sees one envelope shape. Otherwise it
/// answers as the error it holds.
///
/// Its [`catalog`](ApiError::catalog) is `E`'s codes and the [`HttpError`] codes of body
/// problems. An application that registers its own rejection error lists that error's codes
/// instead, with
/// [`ResponseOptions::visit_rejection_specs`](crate::response::ResponseOptions::visit_rejection_specs).
pub enum ExtractRejection<E> {
    /// The body is missing, too large, not JSON, or of the wrong media type: the error that
    /// the request's [`ResponseOptions::reject`](crate::response::ResponseOptions::reject)
    /// makes of it ([`HttpError`] unless the application registers its own).
    Body(Box<dyn ApiError + Send + Sync>),
    /// The body is JSON of the wrong shape, or fails its checks.
    Invalid(E),
}

impl<E: ApiError> ExtractRejection<E> {
    fn inner(&self) -> &dyn ApiError {
        match self {
            ExtractRejection::Body(error) => &**error,
            ExtractRejection::Invalid(error) => error,
        }
    }
}

impl<E: fmt::Debug> fmt::Debug for ExtractRejection<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExtractRejection::Body(error) => f.debug_tuple("Body").field(&error.code()).finish(),
            ExtractRejection::Invalid(error) => f.debug_tuple("Invalid").field(error).finish(),
        }
    }
}

impl<E: ApiError> fmt::Display for ExtractRejection<E> {
    /// The internal message, for logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner().fmt_internal(f)
    }
}

impl<E: ApiError + fmt::Debug> Error for ExtractRejection<E> {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.inner().source_error()
    }
}

/// The rejection answers as the error it holds, in `E`'s format when that error names none.
impl<E: ApiError + FromFieldErrors> Forward for ExtractRejection<E> {
    fn target(&self) -> &dyn ApiError {
        self.inner()
    }

    fn format(&self) -> Option<&'static dyn AnyFormat> {
        match self {
            ExtractRejection::Invalid(error) => error.format(),
            // A registered rejection error may name its own format; `HttpError` names none, and
            // renders in `E`'s.
            ExtractRejection::Body(error) => error.format().or_else(E::declared_format),
        }
    }

    fn declared_format() -> Option<&'static dyn AnyFormat> {
        E::declared_format()
    }

    /// `E`'s codes and the [`HttpError`] codes of body problems (see the type's docs).
    fn catalog(visit: &mut dyn FnMut(&'static Spec)) {
        let body_errors = [
            HttpError::unsupported_media_type(""),
            HttpError::PayloadTooLarge,
            HttpError::malformed_json(""),
            HttpError::bad_request(""),
        ];
        for error in &body_errors {
            visit(error.spec());
        }
        E::catalog(visit);
    }
}

forward_api_error!(impl[<E: ApiError + FromFieldErrors>] for ExtractRejection<E>);

crate::__apierr_integrations! { [<E>] [ExtractRejection<E>] [where E: ApiError + FromFieldErrors] }
