//! The mapping point: [`FromRejection`], its default ([`HttpError`]), and the options that
//! register an application's own.

use std::fmt;

use super::{BodyFault, Rejection, RejectionDetail, RejectionKind};
use crate::plain_http::error::HttpError;
use crate::plain_http::response::ResponseOptions;
use crate::{ApiError, Spec};

/// An application error that framework rejections become: register it with
/// [`ResponseOptions::with_rejections`], and every integration answers each rejection with
/// `from_rejection`'s value, in its code, status, message and format.
///
/// ```
/// use apierr::response::{ResponseOptions, to_response};
/// use apierr::{ApiError, Context, FromRejection, Rejection, RejectionKind};
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// #[api(status = 400)]
/// enum InputError {
///     #[error("Request body cannot be parsed")]
///     #[api(code = "INVALID_BODY")]
///     InvalidBody,
///     #[error("URL parameter is invalid")]
///     #[api(code = "INVALID_PARAM")]
///     InvalidParam,
///     #[error("Requested resource does not exist")]
///     #[api(code = "NOT_FOUND", status = 404)]
///     NotFound,
///     // The panic message is the source: logged, never in the body.
///     #[error("unhandled")]
///     #[api(code = "INTERNAL", status = 500)]
///     Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
/// }
///
/// impl FromRejection for InputError {
///     fn from_rejection(rejection: Rejection) -> Self {
///         match rejection.kind() {
///             RejectionKind::InvalidPath | RejectionKind::InvalidQuery => InputError::InvalidParam,
///             RejectionKind::NotFound | RejectionKind::MethodNotAllowed => InputError::NotFound,
///             RejectionKind::Internal => {
///                 InputError::Internal(rejection.into_source().unwrap_or_else(|| "rejected".into()))
///             }
///             _ => InputError::InvalidBody,
///         }
///     }
/// }
///
/// let options = ResponseOptions::new().with_rejections::<InputError>();
/// let error = options.reject(Rejection::invalid_query("missing field `q`"));
/// let response = to_response(&*error, &Context::new(), &options);
/// assert_eq!(response.status(), 400);
/// assert_eq!(
///     response.body(),
///     br#"{"success":false,"error":{"code":"INVALID_PARAM","message":"URL parameter is invalid","status":400}}"#
/// );
/// let panic = options.reject(Rejection::internal("handler panicked: password=hunter2"));
/// assert_eq!(panic.message(), "Internal Server Error");
/// ```
pub trait FromRejection: ApiError + Send + Sync + 'static {
    /// The error `rejection` becomes.
    fn from_rejection(rejection: Rejection) -> Self;
}

/// The default: each kind as the [`HttpError`] of the same name.
impl FromRejection for HttpError {
    fn from_rejection(rejection: Rejection) -> Self {
        let detail = rejection.detail;
        match (rejection.kind, rejection.fault) {
            (RejectionKind::MalformedBody, Some(BodyFault::Syntax)) => {
                HttpError::MalformedJson { detail }
            }
            (RejectionKind::MalformedBody, Some(BodyFault::Unreadable)) => {
                HttpError::BadRequest { detail }
            }
            (RejectionKind::MalformedBody, _) => HttpError::InvalidBody { detail },
            (RejectionKind::UnsupportedMediaType, _) => HttpError::UnsupportedMediaType {
                expected: rejection.expected.unwrap_or_default().to_owned(),
            },
            (RejectionKind::PayloadTooLarge, _) => HttpError::PayloadTooLarge,
            (RejectionKind::InvalidPath, _) => HttpError::InvalidPath { detail },
            (RejectionKind::InvalidQuery, _) => HttpError::InvalidQuery { detail },
            (RejectionKind::NotFound, _) => HttpError::NotFound,
            (RejectionKind::MethodNotAllowed, _) => HttpError::MethodNotAllowed,
            (RejectionKind::Internal, _) => HttpError::Internal {
                source: rejection
                    .source
                    .unwrap_or_else(|| "internal rejection".into()),
            },
        }
    }
}

/// A registered [`FromRejection`] type, as plain functions (so options stay `const`-built).
#[derive(Clone, Copy)]
struct Mapping {
    map: fn(Rejection) -> Box<dyn ApiError + Send + Sync>,
    catalog: fn(&mut dyn FnMut(&'static Spec)),
    name: &'static str,
}

fn boxed<E: FromRejection>(rejection: Rejection) -> Box<dyn ApiError + Send + Sync> {
    Box::new(E::from_rejection(rejection))
}

/// The part of [`ResponseOptions`] about rejections.
#[derive(Clone, Copy, Default)]
pub(crate) struct RejectionOptions {
    mapping: Option<Mapping>,
    detail: RejectionDetail,
}

impl RejectionOptions {
    pub(crate) const fn new() -> Self {
        RejectionOptions {
            mapping: None,
            detail: RejectionDetail::Verbatim,
        }
    }
}

impl fmt::Debug for RejectionOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RejectionOptions")
            .field("mapping", &self.mapping.map(|mapping| mapping.name))
            .field("detail", &self.detail)
            .finish()
    }
}

/// Rejections: who they become, and how much framework text they keep.
impl ResponseOptions {
    /// Answers every framework rejection with `E` ([`FromRejection`]) instead of
    /// [`HttpError`], in both frameworks and in the validated-JSON extractors.
    ///
    /// With it, a body that does not fit the type a validated-JSON extractor reads is a
    /// [`MalformedBody`](RejectionKind::MalformedBody) like any other, rather than a field
    /// error of the extractor's validation type.
    #[must_use]
    pub fn with_rejections<E: FromRejection>(mut self) -> Self {
        self.rejections_mut().mapping = Some(Mapping {
            map: boxed::<E>,
            catalog: <E as ApiError>::catalog,
            name: std::any::type_name::<E>(),
        });
        self
    }

    /// How much of the framework's text rejections keep (default
    /// [`RejectionDetail::Verbatim`]). [`RejectionDetail::Generic`] keeps serde's text, which
    /// names the server's types, out of every response.
    ///
    /// ```
    /// use apierr::response::ResponseOptions;
    /// use apierr::{ApiError, BodyFault, Rejection, RejectionDetail};
    ///
    /// let options = ResponseOptions::new().with_rejection_detail(RejectionDetail::Generic);
    /// let serde_text = "invalid type: string \"two\", expected u64";
    /// let rejection = Rejection::malformed_body(BodyFault::Shape, serde_text).with_field_path("qty");
    /// let error = options.reject(rejection);
    /// assert_eq!(error.code(), "INVALID_BODY");
    /// assert_eq!(
    ///     error.message(),
    ///     "The request body is invalid: a value is missing or of the wrong type at `qty`"
    /// );
    /// ```
    #[must_use]
    pub fn with_rejection_detail(mut self, detail: RejectionDetail) -> Self {
        self.rejections_mut().detail = detail;
        self
    }

    /// How much of the framework's text rejections keep.
    #[must_use]
    pub fn rejection_detail(&self) -> RejectionDetail {
        self.rejections().detail
    }

    /// The error `rejection` becomes under these options: the registered
    /// [`FromRejection`] type's (else [`HttpError`]'s), after
    /// [`rejection_detail`](Self::rejection_detail) is applied.
    ///
    /// The one place the integrations turn rejections into errors; a hand-written extractor
    /// calls it to answer like them.
    #[must_use]
    pub fn reject(&self, rejection: Rejection) -> Box<dyn ApiError + Send + Sync> {
        let rejection = self.prepare(rejection);
        match self.rejections().mapping {
            Some(mapping) => (mapping.map)(rejection),
            None => Box::new(HttpError::from_rejection(rejection)),
        }
    }

    /// Visits the spec of every error a rejection can become: the registered type's codes, or
    /// [`HttpError`]'s. For catalogues and OpenAPI documents of an API that registers one.
    pub fn visit_rejection_specs(&self, visit: &mut dyn FnMut(&'static Spec)) {
        match self.rejections().mapping {
            Some(mapping) => (mapping.catalog)(visit),
            None => HttpError::catalog(visit),
        }
    }

    /// Whether a [`FromRejection`] type is registered.
    #[cfg(all(feature = "axum", any(feature = "validator", feature = "garde")))]
    pub(crate) fn maps_rejections(&self) -> bool {
        self.rejections().mapping.is_some()
    }

    /// `rejection` with [`rejection_detail`](Self::rejection_detail) applied.
    pub(crate) fn prepare(&self, rejection: Rejection) -> Rejection {
        match self.rejections().detail {
            RejectionDetail::Verbatim => rejection,
            RejectionDetail::Generic => rejection.generic(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_http_error() {
        let code = |rejection| HttpError::from_rejection(rejection).code();
        assert_eq!(
            code(Rejection::malformed_body(BodyFault::Syntax, "")),
            "MALFORMED_JSON"
        );
        assert_eq!(
            code(Rejection::malformed_body(BodyFault::Shape, "")),
            "INVALID_BODY"
        );
        assert_eq!(
            code(Rejection::malformed_body(BodyFault::Unreadable, "")),
            "BAD_REQUEST"
        );
        assert_eq!(
            code(Rejection::unsupported_media_type("application/json")),
            "UNSUPPORTED_MEDIA_TYPE"
        );
        assert_eq!(code(Rejection::payload_too_large()), "PAYLOAD_TOO_LARGE");
        assert_eq!(code(Rejection::invalid_path("")), "INVALID_PATH");
        assert_eq!(code(Rejection::invalid_query("")), "INVALID_QUERY");
        assert_eq!(code(Rejection::not_found()), "NOT_FOUND");
        assert_eq!(code(Rejection::method_not_allowed()), "METHOD_NOT_ALLOWED");
        let internal = HttpError::from_rejection(Rejection::internal("handler panicked: boom"));
        assert_eq!(internal.code(), "INTERNAL");
        assert_eq!(
            internal.source_error().map(ToString::to_string).as_deref(),
            Some("handler panicked: boom")
        );
    }
}
