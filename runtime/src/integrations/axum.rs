//! axum 0.8 (feature `axum`): handlers return `Result<T, YourError>` and get the right status,
//! headers and body.
//!
//! - Every `#[derive(ApiError)]` type implements `axum::response::IntoResponse`; there is nothing
//!   to write. (The derive does it: a hand-written `IntoResponse` for the same type conflicts.)
//! - [`ApiErrorLayer`] gives errors their request context and makes everything else an
//!   envelope too. Add it with `Router::layer`, after the routes and the fallback:
//!   - the correlation id is read from `x-request-id` (configurable with
//!     [`ResponseOptions::with_correlation_header`]) when it passes
//!     [`CorrelationId`](crate::CorrelationId)'s checks (1 to 128 safe characters), or else
//!     freshly generated (a v4 UUID), and echoed on every response. A hostile id (too long, CR/LF,
//!     non-ASCII) is replaced, never echoed;
//!   - path, method, time and (for RFC 9457) `instance` fill the context, as formats such as
//!     [`StatusEnvelope`](crate::format::StatusEnvelope) show them. The query string is left
//!     out, as it may hold secrets;
//!   - axum's own rejections (bad JSON, missing `Content-Type`, bad path or query, body too
//!     large) and the 404 and 405 fallbacks become envelopes: of the application's error when
//!     it registers one with [`ResponseOptions::with_rejections`], else of
//!     [`HttpError`](crate::HttpError), with the codes listed there (see
//!     [`Rejection`](crate::Rejection)); the `Allow` header of a 405 is kept;
//!   - a panicking handler becomes a redacted 500 envelope (`INTERNAL`, or the registered
//!     error's) with the correlation id, and the panic message goes to the log;
//!   - the [`ResponseOptions`] given to [`ApiErrorLayer::with_options`] apply: one format for
//!     the whole API, the default `WWW-Authenticate` challenge, debug detail, what rejections
//!     become and whether serde's text reaches clients
//!     ([`with_rejection_detail`](ResponseOptions::with_rejection_detail)).
//! - Without the layer, bodies are still complete and valid, only without request context.
//!
//! Only rejections axum itself produces are rewritten: a response is left alone unless it is an
//! empty 404 or 405, or a `text/plain` 4xx/5xx whose text is one of axum's rejection messages.
//!
//! ```
//! use apierr::ApiError;
//! use apierr::axum::ApiErrorLayer;
//! use apierr::format::ProblemDetails;
//! use apierr::response::ResponseOptions;
//! use axum::{Router, routing::get};
//!
//! #[derive(Debug, ApiError)]
//! enum OrderError {
//!     #[api(code = "ORDER_NOT_FOUND", status = 404, message = "No order {0}")]
//!     NotFound(u32),
//! }
//!
//! async fn order() -> Result<String, OrderError> {
//!     Err(OrderError::NotFound(7))
//! }
//!
//! let app: Router = Router::new()
//!     .route("/orders/7", get(order))
//!     .layer(ApiErrorLayer::with_options(
//!         ResponseOptions::new().with_format(ProblemDetails::new()),
//!     ));
//! # drop(app);
//!
//! // Outside a layer, a derived error is still a complete response.
//! use axum::response::IntoResponse;
//! let response = OrderError::NotFound(7).into_response();
//! assert_eq!(response.status(), 404);
//! assert_eq!(response.headers()["content-type"], "application/json");
//! ```

use std::borrow::Cow;
use std::convert::Infallible;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context as TaskContext, Poll};

use ::axum::body::{Body, HttpBody};
use ::axum::extract::OriginalUri;
use ::axum::response::Response;
use http::header::{self, HeaderValue};
use http::{Request, StatusCode};

use super::scope::{CatchUnwind, Scope, panic_rejection, with_current};
use crate::plain_http::rejection::{BodyFault, Rejection};
use crate::plain_http::response::{Parts, ResponseOptions};
use crate::{ApiError, Context};

/// The axum response for `error`, in the current request's context (set by [`ApiErrorLayer`])
/// or, outside one, with no context and default [`ResponseOptions`]. The correlation id header
/// is not among its headers: the layer puts it on every response on the way out.
///
/// The derived `IntoResponse` impls call this; call it yourself for a `&dyn ApiError`.
#[must_use]
pub fn into_response(error: &dyn ApiError) -> Response {
    with_current(|context, options| render(error, context, options))
}

/// [`to_response`](crate::response::to_response)'s response, with a body the same for every
/// error of its code sent from where it is kept, without a copy, and without the correlation
/// id, which [`ApiErrorService`] puts on every response (outside it there is none).
fn render(error: &dyn ApiError, context: &Context, options: &ResponseOptions) -> Response {
    let parts = Parts::logged(error, context, options);
    let mut response = Response::new(Body::empty());
    *response.status_mut() = parts.status();
    parts.write_headers(response.headers_mut(), false);
    *response.body_mut() = match parts.into_body() {
        Cow::Borrowed(body) => Body::from(body),
        Cow::Owned(body) => Body::from(body),
    };
    response
}

/// The tower layer that puts errors in their request context and every error response in the
/// envelope; see [the module docs](self).
#[derive(Clone, Debug, Default)]
pub struct ApiErrorLayer {
    options: Arc<ResponseOptions>,
}

impl ApiErrorLayer {
    /// A layer with the default [`ResponseOptions`].
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// A layer with `options`: format, default challenge, correlation header, debug detail.
    #[must_use]
    pub fn with_options(options: ResponseOptions) -> Self {
        ApiErrorLayer {
            options: Arc::new(options),
        }
    }
}

impl<S> tower_layer::Layer<S> for ApiErrorLayer {
    type Service = ApiErrorService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        ApiErrorService {
            inner,
            options: Arc::clone(&self.options),
        }
    }
}

/// The service [`ApiErrorLayer`] wraps around a router or route.
#[derive(Clone, Debug)]
pub struct ApiErrorService<S> {
    inner: S,
    options: Arc<ResponseOptions>,
}

impl<S, B> tower_service::Service<Request<B>> for ApiErrorService<S>
where
    S: tower_service::Service<Request<B>, Response = Response, Error = Infallible>,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, cx: &mut TaskContext<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let path = match request.extensions().get::<OriginalUri>() {
            Some(original) => original.path(),
            None => request.uri().path(),
        };
        let incoming = request
            .headers()
            .get(self.options.correlation_header())
            .map(HeaderValue::as_bytes);
        // Looked up only for a localizer, the one thing that reads it.
        let accept_language = self
            .options
            .localizer()
            .and_then(|_| request.headers().get(::http::header::ACCEPT_LANGUAGE))
            .map(HeaderValue::as_bytes);
        let scope = Scope::for_request(
            &self.options,
            request.method().clone(),
            path,
            incoming,
            accept_language,
        );
        // Building the future runs user code too (a service's `call`), so it is guarded as well.
        let future = catch_unwind(AssertUnwindSafe(|| self.inner.call(request)));
        Box::pin(async move {
            let outcome = match future {
                Ok(future) => {
                    let scoped = std::pin::pin!(scope.clone().scoped(future));
                    CatchUnwind::new(scoped).await
                }
                Err(payload) => Err(payload),
            };
            let mut response = match outcome {
                Ok(Ok(response)) => match envelope_rejection(response, &scope) {
                    Checked::Done(response) => response,
                    // Rare (axum's own plain-text rejections), and its future is large: boxed
                    // apart, so that every request's future stays small.
                    Checked::ReadText(text) => Box::pin(text_rejection(text, &scope)).await,
                },
                Ok(Err(infallible)) => match infallible {},
                Err(payload) => answer(panic_rejection(&*payload), &scope),
            };
            if let Some(id) = scope.context.correlation_id()
                && let Ok(value) = HeaderValue::from_str(id.as_str())
            {
                response
                    .headers_mut()
                    .insert(scope.options.correlation_header().clone(), value);
            }
            Ok(response)
        })
    }
}

/// The longest plain-text body read to recognise a rejection; axum's are far shorter.
const MAX_REJECTION_LEN: u64 = 8 * 1024;

/// The envelope of what `rejection` becomes under the scope's options.
fn answer(rejection: Rejection, scope: &Scope) -> Response {
    let error = scope.options.reject(rejection);
    render(&*error, &scope.context, &scope.options)
}

/// The response as the layer sends it, or one whose body must be read first.
enum Checked {
    /// What to send.
    Done(Response),
    /// A short plain-text error body, which may be one of axum's rejections: see
    /// [`text_rejection`].
    ReadText(Response),
}

/// `response` unchanged, unless it is one of axum's own rejections or fallbacks: then the
/// envelope of what that rejection becomes; [`Checked::ReadText`] when its plain-text body
/// must be read to tell.
fn envelope_rejection(response: Response, scope: &Scope) -> Checked {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return Checked::Done(response);
    }
    let content_type = response.headers().get(header::CONTENT_TYPE);
    let size = response.body().size_hint().exact();
    if content_type.is_none() && size == Some(0) {
        let rejection = match status {
            StatusCode::NOT_FOUND => Rejection::not_found(),
            StatusCode::METHOD_NOT_ALLOWED => Rejection::method_not_allowed(),
            _ => return Checked::Done(response),
        };
        let mut envelope = answer(rejection, scope);
        // Kept whatever the application answers a 405 with (axum would add it back anyway).
        if let Some(allow) = response.headers().get(header::ALLOW) {
            envelope.headers_mut().insert(header::ALLOW, allow.clone());
        }
        return Checked::Done(envelope);
    }
    let is_text = content_type.is_some_and(|value| value == "text/plain; charset=utf-8");
    if !is_text || size.is_none_or(|size| size > MAX_REJECTION_LEN) {
        return Checked::Done(response);
    }
    Checked::ReadText(response)
}

/// The envelope of the rejection whose plain-text body `response` holds, or `response` as it
/// was when the text is no rejection axum writes.
async fn text_rejection(response: Response, scope: &Scope) -> Response {
    let status = response.status();
    let (parts, body) = response.into_parts();
    // The size is exact and small, so this reads the whole body; a body that fails mid-way
    // cannot be told apart from a rejection, and is answered as what it claimed to be.
    let limit = usize::try_from(MAX_REJECTION_LEN).unwrap_or(usize::MAX);
    let bytes = ::axum::body::to_bytes(body, limit)
        .await
        .unwrap_or_default();
    let rejection = std::str::from_utf8(&bytes)
        .ok()
        .and_then(|text| rejection(status, text));
    match rejection {
        Some(rejection) => answer(rejection, scope),
        None => Response::from_parts(parts, Body::from(bytes)),
    }
}

fn syntax(detail: &str) -> Rejection {
    Rejection::malformed_body(BodyFault::Syntax, detail)
}

fn shape(detail: &str) -> Rejection {
    Rejection::malformed_body(BodyFault::Shape, detail)
}

fn unreadable(detail: &str) -> Rejection {
    Rejection::malformed_body(BodyFault::Unreadable, detail)
}

/// The [`Rejection`] of one of axum 0.8's rejection texts, sent with `status`.
fn rejection(status: StatusCode, text: &str) -> Option<Rejection> {
    // (status, prefix of axum's body text, constructor from the rest of the text)
    type Rule = (StatusCode, &'static str, fn(&str) -> Rejection);
    const RULES: &[Rule] = &[
        (
            StatusCode::BAD_REQUEST,
            "Failed to parse the request body as JSON: ",
            syntax,
        ),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "Failed to deserialize the JSON body into the target type: ",
            shape,
        ),
        (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Expected request with `Content-Type: application/json`",
            |_| Rejection::unsupported_media_type("application/json"),
        ),
        (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Form requests must have `Content-Type: application/x-www-form-urlencoded`",
            |_| Rejection::unsupported_media_type("application/x-www-form-urlencoded"),
        ),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "Failed to deserialize form body: ",
            shape,
        ),
        // `Form` on a GET reads the query string.
        (
            StatusCode::BAD_REQUEST,
            "Failed to deserialize form: ",
            Rejection::invalid_query,
        ),
        (
            StatusCode::BAD_REQUEST,
            "Failed to deserialize query string: ",
            Rejection::invalid_query,
        ),
        (
            StatusCode::BAD_REQUEST,
            "Invalid URL: ",
            Rejection::invalid_path,
        ),
        (StatusCode::BAD_REQUEST, "Invalid UTF-8 in `", |_| {
            Rejection::invalid_path("a path parameter is not valid UTF-8")
        }),
        (
            StatusCode::PAYLOAD_TOO_LARGE,
            "Failed to buffer the request body",
            |_| Rejection::payload_too_large(),
        ),
        (
            StatusCode::BAD_REQUEST,
            "Failed to buffer the request body: ",
            unreadable,
        ),
        (
            StatusCode::BAD_REQUEST,
            "Request body didn't contain valid UTF-8",
            |_| unreadable("the body is not valid UTF-8"),
        ),
    ];
    /// axum's 500 rejections: a misconfigured server, never the client's doing.
    const SERVER_SIDE: &[&str] = &[
        "Missing request extension",
        "No paths parameters found for matched route",
        "Wrong number of path arguments for `Path`",
        "Unsupported type `",
        "No matched path found",
        "The matched route is not nested",
    ];

    if status == StatusCode::INTERNAL_SERVER_ERROR {
        return SERVER_SIDE
            .iter()
            .any(|prefix| text.starts_with(prefix))
            .then(|| Rejection::internal(format!("axum rejection: {text}")));
    }
    RULES.iter().find_map(|(rule_status, prefix, make)| {
        let rest = text.strip_prefix(prefix)?;
        (*rule_status == status).then(|| make(rest))
    })
}

/// What the derive's generated `IntoResponse` impls name.
#[doc(hidden)]
pub mod __private {
    pub use ::axum;

    /// The body of every derived `IntoResponse::into_response`.
    pub fn axum_into_response<E: crate::ApiError>(error: &E) -> ::axum::response::Response {
        super::into_response(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::HttpError;
    use crate::plain_http::rejection::FromRejection;

    #[test]
    fn only_axum_rejection_texts_are_recognised() {
        let code =
            |status, text| rejection(status, text).map(|r| HttpError::from_rejection(r).code());
        assert_eq!(
            code(
                StatusCode::BAD_REQUEST,
                "Failed to parse the request body as JSON: EOF"
            ),
            Some("MALFORMED_JSON")
        );
        assert_eq!(
            code(
                StatusCode::PAYLOAD_TOO_LARGE,
                "Failed to buffer the request body: length limit exceeded"
            ),
            Some("PAYLOAD_TOO_LARGE")
        );
        assert_eq!(
            code(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Missing request extension: x"
            ),
            Some("INTERNAL")
        );
        // A handler's own text, or a known text with another status, is left alone.
        assert_eq!(code(StatusCode::BAD_REQUEST, "name is required"), None);
        assert_eq!(
            code(StatusCode::CONFLICT, "Invalid URL: Cannot parse `a`"),
            None
        );
        assert_eq!(code(StatusCode::INTERNAL_SERVER_ERROR, "db down"), None);
    }
}
