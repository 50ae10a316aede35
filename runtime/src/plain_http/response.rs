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

use std::fmt::{self, Write as _};
use std::sync::Arc;

use http::header::{self, HeaderMap, HeaderName, HeaderValue};
use http::{Response, StatusCode};

use crate::format::{AnyFormat, Format, Nested};
use crate::forward::{Forward, forward_api_error};
use crate::limits::MAX_BODY_LEN;
use crate::{ApiError, Context, Envelope, Member, Spec};

use super::log;
use super::rejection::RejectionOptions;

/// The longest header value taken from a field; longer ones are left out.
pub const MAX_HEADER_VALUE_LEN: usize = 4096;

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
    if error.status().is_server_error() {
        log::server_error(error, context);
    }
    unlogged_response(error, context, options)
}

/// [`to_response`] without logging the 5xx: for example responses (the error-code pages), which
/// report no failure.
pub(crate) fn unlogged_response(
    error: &dyn ApiError,
    context: &Context,
    options: &ResponseOptions,
) -> Response<Vec<u8>> {
    let mut envelope = Envelope::from_dyn(error)
        .with_context(context)
        .with_max_len(options.max_body_len());
    if let Some(format) = options.format() {
        envelope = envelope.with_format(format);
    }
    let (content_type, body) = render(&envelope, error, context, options);
    let mut response = Response::new(body);
    // The format's status when it sets one (`200` for APIs that say in the body that it failed).
    *response.status_mut() = envelope.status();
    let headers = response.headers_mut();
    add_headers(error, context, options, headers);
    let code = error.code();
    envelope.visit_format_headers(&mut |name, value| insert_checked(headers, code, name, value));
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

/// The body, in the chosen format, or the fallbacks the module docs describe.
fn render(
    envelope: &Envelope<'_>,
    error: &dyn ApiError,
    context: &Context,
    options: &ResponseOptions,
) -> (&'static str, Vec<u8>) {
    let failure = match envelope.to_vec() {
        Ok(body) => return (envelope.content_type(), body),
        Err(failure) => failure,
    };
    log::render_failed(error.code(), &failure, "without extension members");

    let bare = WithoutMembers(error);
    let retry = Envelope::from_dyn(&bare)
        .with_context(context)
        .with_max_len(options.max_body_len())
        .with_format(envelope.format());
    let failure = match retry.to_vec() {
        Ok(body) => return (retry.content_type(), body),
        Err(failure) => failure,
    };
    log::render_failed(error.code(), &failure, "minimal nested body");
    (Format::content_type(&Nested), minimal_body(error))
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

/// Headers a spec cannot set: the format and the HTTP server decide the framing of the body and
/// the hop-by-hop headers, and `host` is a request header. The derive refuses exactly these
/// names at compile time (`macros/src/headers.rs`; a test below compares the two lists), and a
/// hand-written `Spec` gets them dropped here.
const DROPPED_HEADERS: [HeaderName; 10] = [
    header::CONTENT_TYPE,
    header::CONTENT_LENGTH,
    header::TRANSFER_ENCODING,
    header::CONNECTION,
    HeaderName::from_static("keep-alive"),
    HeaderName::from_static("proxy-connection"),
    header::TE,
    header::UPGRADE,
    header::TRAILER,
    header::HOST,
];

fn add_headers(
    error: &dyn ApiError,
    context: &Context,
    options: &ResponseOptions,
    headers: &mut HeaderMap,
) {
    let spec = error.spec();
    let code = spec.code();
    // Fixed headers are checked at compile time by the derive; a hand-written `Spec` is not, so
    // they are checked again rather than trusted.
    for (name, value) in spec.headers() {
        insert_checked(headers, code, name, value);
    }
    error.visit_headers(&mut |name, value| {
        let mut text = String::new();
        if write!(text, "{value}").is_err() {
            log::dropped_header(code, name, "its Display failed");
            return;
        }
        insert_checked(headers, code, name, &text);
    });
    if let Some(seconds) = error.retry_after() {
        headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    if error.status() == StatusCode::UNAUTHORIZED {
        let declared = spec
            .www_authenticate()
            .and_then(|challenge| checked_value(challenge).ok());
        let challenge = declared.unwrap_or_else(|| options.default_challenge().clone());
        headers.insert(header::WWW_AUTHENTICATE, challenge);
    }
    if let Some(id) = context.correlation_id() {
        // A `CorrelationId` holds only safe characters, so this cannot fail; if it ever did,
        // the header is simply left out.
        if let Ok(value) = HeaderValue::from_str(id.as_str()) {
            headers.insert(options.correlation_header().clone(), value);
        }
    }
}

fn insert_checked(headers: &mut HeaderMap, code: &str, name: &str, value: &str) {
    let Ok(header_name) = HeaderName::from_bytes(name.as_bytes()) else {
        log::dropped_header(code, name, "not a valid header name");
        return;
    };
    if DROPPED_HEADERS.contains(&header_name) {
        log::dropped_header(code, name, "set by the format or the HTTP server");
        return;
    }
    match checked_value(value) {
        Ok(value) => {
            headers.insert(header_name, value);
        }
        Err(why) => log::dropped_header(code, name, why),
    }
}

/// `text` as a header value when it is visible ASCII (with inner spaces and tabs), not padded
/// and not over [`MAX_HEADER_VALUE_LEN`]: stricter than HTTP, so that no CR, LF, NUL or byte a
/// client could misread is ever sent.
fn checked_value(text: &str) -> Result<HeaderValue, &'static str> {
    if text.len() > MAX_HEADER_VALUE_LEN {
        return Err("value too long");
    }
    if !text
        .bytes()
        .all(|b| b == b' ' || b == b'\t' || b.is_ascii_graphic())
    {
        return Err("value has a control or non-ASCII character");
    }
    if text.starts_with([' ', '\t']) || text.ends_with([' ', '\t']) {
        return Err("value has leading or trailing whitespace");
    }
    HeaderValue::from_str(text).map_err(|_| "not a valid header value")
}

#[cfg(test)]
mod tests;
