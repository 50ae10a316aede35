//! Any [`ApiError`] as a complete `http::Response`, with no web framework: for hyper, tower or
//! anything else that speaks the `http` crate's types.
//!
//! [`to_response`] sets, besides the body:
//! - `Content-Type`: the format's media type, `application/json` or, for
//!   [`ProblemDetails`](crate::format::ProblemDetails), `application/problem+json`;
//! - `Retry-After`: the delay, in seconds, of a field marked `#[api(retry_after)]` (429 and 503);
//! - `WWW-Authenticate`: on every 401, as RFC 9110 requires (see below);
//! - the fixed headers declared with `#[api(header("name", "value"))]`;
//! - the headers whose value comes from a field marked `#[api(header = "name")]`. Such a value is
//!   checked at run time: one that is not visible ASCII (spaces and tabs allowed inside), or is
//!   longer than [`MAX_HEADER_VALUE_LEN`], is left out and the omission logged. A hostile value
//!   never reaches the response, and nothing panics;
//! - the correlation id, when the context has one, under
//!   [`ResponseOptions::correlation_header`] (`x-request-id` by default).
//!
//! # `WWW-Authenticate`
//! A 401 always carries a challenge. It is, in order:
//! 1. the variant's `#[api(www_authenticate = "Bearer realm=\"api\"")]`,
//! 2. the enum's `#[api(www_authenticate = "…")]`, which applies to each of its 401 variants,
//! 3. the application's default, [`ResponseOptions::with_default_challenge`], which is `Bearer`
//!    unless set.
//!
//! A field marked `#[api(header = "www-authenticate")]` is refused at compile time: a challenge
//! that depends on the value is better written as one variant per challenge.
//!
//! # When a body cannot be rendered
//! An extension member whose `Serialize` fails does not lose the response: the body is rendered
//! again without extension members and, should that fail too (a custom format that always errs),
//! as a minimal [`Nested`](crate::format::Nested) body with the status's reason phrase. Each step
//! is logged.
//!
//! ```
//! use apierr::response::{ResponseOptions, to_response};
//! use apierr::{ApiError, Context, CorrelationId};
//!
//! #[derive(Debug, ApiError)]
//! enum AuthError {
//!     #[api(code = "TOKEN_EXPIRED", status = 401, message = "The token has expired")]
//!     #[api(www_authenticate = "Bearer error=\"invalid_token\"")]
//!     Expired,
//!     #[api(code = "RATE_LIMITED", status = 429, message = "Slow down")]
//!     RateLimited {
//!         #[api(retry_after)]
//!         wait_secs: u64,
//!     },
//! }
//!
//! let context = Context::new().with_correlation_id(CorrelationId::new("req-1").unwrap());
//! let response = to_response(&AuthError::Expired, &context, &ResponseOptions::new());
//! assert_eq!(response.status(), 401);
//! assert_eq!(response.headers()["content-type"], "application/json");
//! assert_eq!(response.headers()["www-authenticate"], "Bearer error=\"invalid_token\"");
//! assert_eq!(response.headers()["x-request-id"], "req-1");
//! assert_eq!(
//!     response.body(),
//!     br#"{"success":false,"error":{"code":"TOKEN_EXPIRED","message":"The token has expired","status":401}}"#
//! );
//!
//! let response = to_response(
//!     &AuthError::RateLimited { wait_secs: 30 },
//!     &Context::new(),
//!     &ResponseOptions::new(),
//! );
//! assert_eq!(response.status(), 429);
//! assert_eq!(response.headers()["retry-after"], "30");
//! ```

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use http::header::{HeaderName, HeaderValue};
use http::{Response, StatusCode};

use crate::format::{AnyFormat, Format, Nested};
use crate::forward::{Forward, forward_api_error};
use crate::limits::MAX_BODY_LEN;
use crate::{ApiError, Context, Envelope, Member, Spec};

use super::log;
use super::rejection::RejectionOptions;

pub(crate) mod headers;

use headers::HeaderSink;
pub use headers::MAX_HEADER_VALUE_LEN;

/// How errors become responses: format, default challenge, correlation header, debug detail,
/// and what framework rejections become ([`with_rejections`](Self::with_rejections),
/// [`with_rejection_detail`](Self::with_rejection_detail)).
///
/// The framework integrations take one when their layer or middleware is built; without a layer,
/// [`ResponseOptions::new`] applies.
///
/// ```
/// use apierr::format::ProblemDetails;
/// use apierr::response::ResponseOptions;
/// use http::{HeaderName, HeaderValue};
///
/// let options = ResponseOptions::new()
///     .with_format(ProblemDetails::new())
///     .with_default_challenge(HeaderValue::from_static("Bearer realm=\"shop\""))
///     .with_correlation_header(HeaderName::from_static("x-correlation-id"));
/// assert_eq!(options.format().unwrap().content_type(), "application/problem+json");
/// assert_eq!(options.default_challenge(), "Bearer realm=\"shop\"");
/// assert_eq!(options.correlation_header(), "x-correlation-id");
/// assert!(!options.debug_detail());
/// ```
#[derive(Clone)]
pub struct ResponseOptions {
    format: Option<Arc<dyn AnyFormat>>,
    default_challenge: HeaderValue,
    correlation_header: HeaderName,
    debug_detail: bool,
    localizer: Option<Arc<dyn crate::Localize>>,
    max_body_len: usize,
    rejections: RejectionOptions,
}

impl fmt::Debug for ResponseOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseOptions")
            .field("format", &self.format.as_deref())
            .field("default_challenge", &self.default_challenge)
            .field("correlation_header", &self.correlation_header)
            .field("debug_detail", &self.debug_detail)
            .field("localizer", &self.localizer.as_ref().map(|l| l.languages()))
            .field("max_body_len", &self.max_body_len)
            .field("rejections", &self.rejections)
            .finish()
    }
}

impl Default for ResponseOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl ResponseOptions {
    /// Each error in its own type's format (else the application default), challenge `Bearer`,
    /// correlation id in `x-request-id`, no debug detail.
    #[must_use]
    pub const fn new() -> Self {
        ResponseOptions {
            format: None,
            default_challenge: HeaderValue::from_static("Bearer"),
            correlation_header: HeaderName::from_static("x-request-id"),
            debug_detail: false,
            localizer: None,
            max_body_len: MAX_BODY_LEN,
            rejections: RejectionOptions::new(),
        }
    }

    /// Renders every error in `format`, whatever its type names with `#[api(format = …)]`.
    #[must_use]
    pub fn with_format<F: Format>(mut self, format: F) -> Self {
        self.format = Some(Arc::new(format));
        self
    }

    /// The challenge sent with a 401 whose variant and enum declare none (default `Bearer`).
    #[must_use]
    pub fn with_default_challenge(mut self, challenge: HeaderValue) -> Self {
        self.default_challenge = challenge;
        self
    }

    /// The header that carries the correlation id: read from requests by the layers, written
    /// on responses (default `x-request-id`).
    #[must_use]
    pub fn with_correlation_header(mut self, name: HeaderName) -> Self {
        self.correlation_header = name;
        self
    }

    /// Makes the layers switch on [debug detail](Context::with_debug_detail) in the contexts
    /// they build. Never in production.
    #[must_use]
    pub fn with_debug_detail(mut self, on: bool) -> Self {
        self.debug_detail = on;
        self
    }

    /// Translates public messages: the layers negotiate each request's language from
    /// `Accept-Language` among the localizer's languages (see [`crate::i18n::negotiate`]).
    #[must_use]
    pub fn with_localizer(mut self, localizer: impl crate::Localize) -> Self {
        self.localizer = Some(Arc::new(localizer));
        self
    }

    /// Bounds every body to `max_len` bytes instead of [`MAX_BODY_LEN`]; see
    /// [`crate::limits`] for how a longer body is reduced.
    #[must_use]
    pub fn with_max_body_len(mut self, max_len: usize) -> Self {
        self.max_body_len = max_len;
        self
    }

    /// The most bytes a body takes.
    #[must_use]
    pub fn max_body_len(&self) -> usize {
        self.max_body_len
    }

    /// The localizer, if one was set.
    #[must_use]
    pub fn localizer(&self) -> Option<&Arc<dyn crate::Localize>> {
        self.localizer.as_ref()
    }

    /// The format that overrides each type's own, if one was set.
    #[must_use]
    pub fn format(&self) -> Option<&dyn AnyFormat> {
        self.format.as_deref()
    }

    /// The challenge of 401s that declare none.
    #[must_use]
    pub fn default_challenge(&self) -> &HeaderValue {
        &self.default_challenge
    }

    /// The correlation id header.
    #[must_use]
    pub fn correlation_header(&self) -> &HeaderName {
        &self.correlation_header
    }

    /// Whether the layers switch debug detail on.
    #[must_use]
    pub fn debug_detail(&self) -> bool {
        self.debug_detail
    }

    /// What rejections become; the methods are in `super::rejection`.
    pub(crate) fn rejections(&self) -> &RejectionOptions {
        &self.rejections
    }

    pub(crate) fn rejections_mut(&mut self) -> &mut RejectionOptions {
        &mut self.rejections
    }
}

/// `error` as a complete response: status, headers and body; see [the module docs](self).
///
/// A 5xx is logged (code, status, correlation id, source chain); the body shows only the public
/// message. This never panics.
#[must_use]
pub fn to_response(
    error: &dyn ApiError,
    context: &Context,
    options: &ResponseOptions,
) -> Response<Vec<u8>> {
    Parts::logged(error, context, options).into_http(Cow::into_owned)
}

/// [`to_response`] without logging the 5xx: for example responses (the error-code pages), which
/// report no failure.
#[cfg(feature = "docs")]
pub(crate) fn unlogged_response(
    error: &dyn ApiError,
    context: &Context,
    options: &ResponseOptions,
) -> Response<Vec<u8>> {
    Parts::new(error, context, options).into_http(Cow::into_owned)
}

/// An error response before it takes a framework's types: its status and body rendered, its
/// headers written on demand into any [`HeaderSink`]. [`to_response`] puts it in an
/// `http::Response`; the actix-web integration in an `HttpResponse`, without the detour.
pub(crate) struct Parts<'a> {
    envelope: Envelope<'a>,
    error: &'a dyn ApiError,
    context: &'a Context,
    options: &'a ResponseOptions,
    content_type: &'static str,
    body: Cow<'static, [u8]>,
}

impl<'a> Parts<'a> {
    /// The response of `error`, its 5xx logged as [`to_response`] logs it.
    pub(crate) fn logged(
        error: &'a dyn ApiError,
        context: &'a Context,
        options: &'a ResponseOptions,
    ) -> Self {
        if error.status().is_server_error() {
            log::server_error(error, context);
        }
        Parts::new(error, context, options)
    }

    fn new(error: &'a dyn ApiError, context: &'a Context, options: &'a ResponseOptions) -> Self {
        let mut envelope = Envelope::from_dyn(error)
            .with_context(context)
            .with_max_len(options.max_body_len());
        if let Some(format) = options.format() {
            envelope = envelope.with_format(format);
        }
        let (content_type, body) = render(&envelope, error, context, options);
        Parts {
            envelope,
            error,
            context,
            options,
            content_type,
            body,
        }
    }

    /// The format's status when it sets one (`200` for APIs that say in the body that it
    /// failed), else the error's.
    pub(crate) fn status(&self) -> StatusCode {
        self.envelope.status()
    }

    /// Writes every header into `sink`, the correlation id only when `correlation_id`; see
    /// [`headers::write_headers`].
    pub(crate) fn write_headers<S: HeaderSink>(&self, sink: &mut S, correlation_id: bool) {
        headers::write_headers(
            &self.envelope,
            self.error,
            correlation_id,
            self.context,
            self.options,
            self.content_type,
            sink,
        );
    }

    /// The body's bytes: borrowed when they are the same for every error of the code, so that
    /// a framework's body can take them without a copy.
    pub(crate) fn into_body(self) -> Cow<'static, [u8]> {
        self.body
    }

    /// An `http` 1 response, its body made by `body` from the bytes.
    pub(crate) fn into_http<B>(self, body: impl FnOnce(Cow<'static, [u8]>) -> B) -> Response<B> {
        let status = self.status();
        let mut headers = http::HeaderMap::new();
        self.write_headers(&mut headers, true);
        let mut response = Response::new(body(self.into_body()));
        *response.status_mut() = status;
        *response.headers_mut() = headers;
        response
    }
}

/// The body, in the chosen format, or the fallbacks the module docs describe.
fn render(
    envelope: &Envelope<'_>,
    error: &dyn ApiError,
    context: &Context,
    options: &ResponseOptions,
) -> (&'static str, Cow<'static, [u8]>) {
    let failure = match envelope.body() {
        Ok(body) => return (envelope.content_type(), body),
        Err(failure) => failure,
    };
    log::render_failed(error.code(), &failure, "without extension members");

    let bare = WithoutMembers(error);
    let retry = Envelope::from_dyn(&bare)
        .with_context(context)
        .with_max_len(options.max_body_len())
        .with_format(envelope.format());
    let failure = match retry.body() {
        Ok(body) => return (retry.content_type(), body),
        Err(failure) => failure,
    };
    log::render_failed(error.code(), &failure, "minimal nested body");
    (
        Format::content_type(&Nested),
        Cow::Owned(minimal_body(error)),
    )
}

/// `{"success":false,"error":{"code","message","status"}}` with the reason phrase as message:
/// built from static data only, so it cannot fail.
fn minimal_body(error: &dyn ApiError) -> Vec<u8> {
    let status = error.status();
    let body = serde_json::json!({
        "success": false,
        "error": {
            "code": error.code(),
            "message": status.canonical_reason().unwrap_or("Error"),
            "status": status.as_u16(),
        }
    });
    body.to_string().into_bytes()
}

/// An error seen without its extension members, for the second rendering attempt: every other
/// answer (headers and `Retry-After` included) is the error's own.
struct WithoutMembers<'a>(&'a dyn ApiError);

impl Forward for WithoutMembers<'_> {
    fn target(&self) -> &dyn ApiError {
        self.0
    }

    fn visit_members(&self, _: &mut dyn FnMut(Member<'_>)) {}

    fn member(&self, _: &str) -> Option<Member<'_>> {
        None
    }

    fn declared_format() -> Option<&'static dyn AnyFormat> {
        None
    }

    fn catalog(_: &mut dyn FnMut(&'static Spec)) {}
}

forward_api_error!(impl for WithoutMembers<'_>);

#[cfg(test)]
mod tests;
