//! actix-web 4 (feature `actix-web`): handlers return `Result<T, YourError>` and get the same
//! statuses, headers and bodies as with axum.
//!
//! - Every `#[derive(ApiError)]` type that is also `Debug` and `Display` (as thiserror makes it)
//!   implements `actix_web::ResponseError`, which requires both. A derived type without
//!   `Display` still compiles; it just does not get the impl. (The derive does it: a
//!   hand-written `ResponseError` for the same type conflicts.)
//! - [`ApiErrors`] is the middleware, the counterpart of the axum integration's
//!   `ApiErrorLayer`; add it with `App::wrap`:
//!   - the correlation id is read from `x-request-id` (configurable), validated or freshly
//!     generated, and echoed on every response; a hostile id is replaced, never echoed;
//!   - path, method, time and `instance` fill the context of every error rendered in the
//!     request;
//!   - actix's JSON, form, path and query extractor errors, payload limits, and the default 404
//!     and 405 become envelopes of the application's error when it registers one with
//!     [`ResponseOptions::with_rejections`], else of [`HttpError`](crate::HttpError) with the
//!     documented codes (see [`Rejection`](crate::Rejection)). actix answers a path
//!     that does not parse with 404; here it is `INVALID_PATH` (400), as with axum. actix
//!     answers a wrong method with 405 only for routes declared as `web::resource(path)`
//!     (`App::route` guards the whole path and answers 404); its `Allow` header is kept;
//!   - a panicking handler becomes a redacted 500 envelope (`INTERNAL`, or the registered
//!     error's) with the correlation id.
//!
//! The detail in `MALFORMED_JSON` and `INVALID_BODY` messages is serde's own text, which axum
//! prefixes with the path of the failing field and actix does not; with
//! [`RejectionDetail::Generic`](crate::RejectionDetail::Generic) it is a fixed sentence.
//!
//! ```
//! use apierr::ApiError;
//! use apierr::actix::ApiErrors;
//! use actix_web::{App, ResponseError, web};
//!
//! #[derive(Debug, thiserror::Error, ApiError)]
//! enum OrderError {
//!     #[error("no order {0}")]
//!     #[api(code = "ORDER_NOT_FOUND", status = 404)]
//!     NotFound(u32),
//! }
//!
//! async fn order() -> Result<String, OrderError> {
//!     Err(OrderError::NotFound(7))
//! }
//!
//! let app = App::new().route("/orders/7", web::get().to(order)).wrap(ApiErrors::new());
//! # drop(app);
//!
//! let response = OrderError::NotFound(7).error_response();
//! assert_eq!(response.status().as_u16(), 404);
//! assert_eq!(response.headers().get("content-type").unwrap(), "application/json");
//! ```

use std::borrow::Cow;
use std::future::{Future, Ready, ready};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context as TaskContext, Poll};

use ::actix_web::body::{BodySize, BoxBody, MessageBody};
use ::actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};
use ::actix_web::error::{
    InternalError, JsonPayloadError, PathError, PayloadError, QueryPayloadError, UrlencodedError,
};
use ::actix_web::http::header as actix_header;
use ::actix_web::{Error, HttpResponse};

use super::scope::{CatchUnwind, Scope, panic_rejection, with_current};
use crate::plain_http::rejection::{BodyFault, Rejection};
use crate::plain_http::response::headers::{HeaderSink, Name, Value};
use crate::plain_http::response::{Parts, ResponseOptions};
use crate::{ApiError, Context};

/// The actix-web response for `error`, in the current request's context (set by [`ApiErrors`])
/// or, outside one, with no context and default [`ResponseOptions`].
///
/// The derived `ResponseError::error_response` impls call this.
#[must_use]
pub fn error_response(error: &dyn ApiError) -> HttpResponse {
    with_current(|context, options| render(error, context, options))
}

/// `status` as actix-web's (`http` 0.2) status type.
#[must_use]
pub fn status_code(status: http::StatusCode) -> ::actix_web::http::StatusCode {
    ::actix_web::http::StatusCode::from_u16(status.as_u16())
        .unwrap_or(::actix_web::http::StatusCode::INTERNAL_SERVER_ERROR)
}

/// The response of `error`, built as an `HttpResponse` directly (not converted from
/// [`to_response`](crate::response::to_response)'s `http` 1 response): the same status, body
/// and checked headers, each header put in actix's map once. The correlation id is the one
/// header left to [`finish_response`], which puts it on every response of the middleware.
fn render(error: &dyn ApiError, context: &Context, options: &ResponseOptions) -> HttpResponse {
    let parts = Parts::logged(error, context, options);
    let mut response = HttpResponse::new(status_code(parts.status()));
    parts.write_headers(&mut ActixHeaders(response.headers_mut()), false);
    response.set_body(match parts.into_body() {
        // A body the same for every error of its code is sent from where it is kept.
        Cow::Borrowed(body) => BoxBody::new(body),
        Cow::Owned(body) => BoxBody::new(body),
    })
}

/// actix-web's header map as a [`HeaderSink`]. actix-web speaks `http` 0.2: names apierr sets
/// itself are its constants, values that were checked convert without a second check failing.
struct ActixHeaders<'a>(&'a mut actix_header::HeaderMap);

impl HeaderSink for ActixHeaders<'_> {
    fn insert(&mut self, name: Name<'_>, value: Value<'_>) -> bool {
        let name = match name {
            Name::ContentType => actix_header::CONTENT_TYPE,
            Name::RetryAfter => actix_header::RETRY_AFTER,
            Name::WwwAuthenticate => actix_header::WWW_AUTHENTICATE,
            // Never asked for (`render` writes the headers without it): `finish_response`
            // puts it on every response of the middleware, and outside it there is none.
            Name::CorrelationId(_) => return true,
            Name::Declared(name) => {
                match actix_header::HeaderName::from_bytes(name.as_str().as_bytes()) {
                    Ok(name) => name,
                    Err(_) => return false,
                }
            }
        };
        let value = match value {
            // Checked before it got here, so `from_static` (which panics on a bad byte) cannot.
            Value::Static(text) => actix_header::HeaderValue::from_static(text),
            // One pass over the bytes, no copy, and no panic for a bad byte.
            Value::MediaType(text) => match actix_header::HeaderValue::from_maybe_shared(
                ::actix_web::web::Bytes::from_static(text.as_bytes()),
            ) {
                Ok(value) => value,
                Err(_) => return false,
            },
            Value::Seconds(seconds) => actix_header::HeaderValue::from(seconds),
            Value::Text(text) => match actix_header::HeaderValue::from_str(text) {
                Ok(value) => value,
                Err(_) => return false,
            },
            Value::Header(value) => match actix_header::HeaderValue::from_bytes(value.as_bytes()) {
                Ok(value) => value,
                Err(_) => return false,
            },
        };
        self.0.insert(name, value);
        true
    }
}

/// The middleware that puts errors in their request context and every error response in the
/// envelope; see [the module docs](self).
#[derive(Clone, Debug, Default)]
pub struct ApiErrors {
    options: Arc<ResponseOptions>,
}

impl ApiErrors {
    /// The middleware with the default [`ResponseOptions`].
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The middleware with `options`: format, default challenge, correlation header, debug
    /// detail.
    #[must_use]
    pub fn with_options(options: ResponseOptions) -> Self {
        ApiErrors {
            options: Arc::new(options),
        }
    }
}

impl<S, B> Transform<S, ServiceRequest> for ApiErrors
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<BoxBody>;
    type Error = Error;
    type Transform = ApiErrorsMiddleware<S>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, ()>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(ApiErrorsMiddleware {
            service: Rc::new(service),
            correlation_header: actix_header::HeaderName::from_bytes(
                self.options.correlation_header().as_str().as_bytes(),
            )
            .ok(),
            options: Arc::clone(&self.options),
        }))
    }
}

/// The service [`ApiErrors`] wraps around an app.
#[derive(Debug)]
pub struct ApiErrorsMiddleware<S> {
    service: Rc<S>,
    options: Arc<ResponseOptions>,
    /// [`ResponseOptions::correlation_header`] in actix-web's `http` 0.2 type, converted once
    /// rather than for every response.
    correlation_header: Option<actix_header::HeaderName>,
}

impl<S, B> Service<ServiceRequest> for ApiErrorsMiddleware<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<BoxBody>;
    type Error = Error;
    type Future = Pin<Box<dyn Future<Output = Result<ServiceResponse<BoxBody>, Error>>>>;

    fn poll_ready(&self, cx: &mut TaskContext<'_>) -> Poll<Result<(), Error>> {
        self.service.poll_ready(cx)
    }

    fn call(&self, request: ServiceRequest) -> Self::Future {
        let method = http::Method::from_bytes(request.method().as_str().as_bytes())
            .unwrap_or(http::Method::GET);
        let incoming = request
            .headers()
            .get(self.options.correlation_header().as_str())
            .map(actix_header::HeaderValue::as_bytes);
        // Looked up only for a localizer, the one thing that reads it.
        let accept_language = self
            .options
            .localizer()
            .and_then(|_| request.headers().get("accept-language"))
            .map(actix_header::HeaderValue::as_bytes);
        let scope = Scope::for_request(
            &self.options,
            method,
            request.path(),
            incoming,
            accept_language,
        );
        // The request must not be cloned here: actix's router needs sole ownership of it. So
        // errors and panics are answered through `Err`, which actix renders with the response
        // built here.
        let future = catch_unwind(AssertUnwindSafe(|| self.service.call(request)));
        let header = self.correlation_header.clone();
        Box::pin(async move {
            let header = header.as_ref();
            let outcome = match future {
                Ok(future) => {
                    let scoped = std::pin::pin!(scope.clone().scoped(future));
                    CatchUnwind::new(scoped).await
                }
                Err(payload) => Err(payload),
            };
            match outcome {
                Ok(Ok(response)) => Ok(finish(response.map_into_boxed_body(), &scope, header)),
                Ok(Err(error)) => {
                    // Rendered now, inside the scope: later, actix would render it without
                    // the request's context.
                    let response = scope.clone().run_sync(|| HttpResponse::from_error(error));
                    Err(answer(finish_response(response, &scope, header)))
                }
                Err(payload) => {
                    let error = scope.options.reject(panic_rejection(&*payload));
                    let response = render(&*error, &scope.context, &scope.options);
                    Err(answer(finish_response(response, &scope, header)))
                }
            }
        })
    }
}

/// An `Err` that actix answers with exactly `response`.
fn answer(response: HttpResponse) -> Error {
    let cause = response
        .error()
        .map_or_else(|| "error response".to_owned(), ToString::to_string);
    InternalError::from_response(cause, response).into()
}

fn finish(
    response: ServiceResponse<BoxBody>,
    scope: &Scope,
    header: Option<&actix_header::HeaderName>,
) -> ServiceResponse<BoxBody> {
    let (request, response) = response.into_parts();
    ServiceResponse::new(request, finish_response(response, scope, header))
}

/// The envelope for actix's own errors and fallbacks, and the correlation id on every response.
/// `header` is the correlation header's name (`None` when actix's `http` 0.2 refuses it).
fn finish_response(
    response: HttpResponse,
    scope: &Scope,
    header: Option<&actix_header::HeaderName>,
) -> HttpResponse {
    let mut response = match framework_rejection(&response) {
        Some(rejection) => {
            let error = scope.options.reject(rejection);
            let mut envelope = render(&*error, &scope.context, &scope.options);
            // Kept whatever the application answers a 405 with, as axum does.
            if let Some(allow) = response.headers().get(actix_header::ALLOW) {
                envelope
                    .headers_mut()
                    .insert(actix_header::ALLOW, allow.clone());
            }
            envelope
        }
        None => response,
    };
    if let (Some(id), Some(name)) = (scope.context.correlation_id(), header)
        && let Ok(value) = actix_header::HeaderValue::from_str(id.as_str())
    {
        response.headers_mut().insert(name.clone(), value);
    }
    response
}

/// The [`Rejection`] of a response that actix itself produced, if it is one.
fn framework_rejection(response: &HttpResponse) -> Option<Rejection> {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return None;
    }
    let Some(error) = response.error() else {
        let empty = response.body().size() == BodySize::Sized(0)
            && !response.headers().contains_key(actix_header::CONTENT_TYPE);
        return match status.as_u16() {
            404 if empty => Some(Rejection::not_found()),
            405 if empty => Some(Rejection::method_not_allowed()),
            _ => None,
        };
    };
    if let Some(error) = error.as_error::<JsonPayloadError>() {
        return json_error(error);
    }
    if let Some(error) = error.as_error::<UrlencodedError>() {
        return form_error(error);
    }
    if let Some(error) = error.as_error::<PayloadError>() {
        return Some(payload_error(error));
    }
    if let Some(PathError::Deserialize(error)) = error.as_error::<PathError>() {
        return Some(Rejection::invalid_path(&error.to_string()));
    }
    // actix's `Path` extractor, without a `PathConfig` error handler, wraps its error so.
    if let Some(error) = error.as_error::<InternalError<serde::de::value::Error>>() {
        return Some(Rejection::invalid_path(&error.to_string()));
    }
    if let Some(QueryPayloadError::Deserialize(error)) = error.as_error::<QueryPayloadError>() {
        return Some(Rejection::invalid_query(&error.to_string()));
    }
    None
}

fn json_error(error: &JsonPayloadError) -> Option<Rejection> {
    Some(match error {
        JsonPayloadError::OverflowKnownLength { .. } | JsonPayloadError::Overflow { .. } => {
            Rejection::payload_too_large()
        }
        JsonPayloadError::ContentType => Rejection::unsupported_media_type("application/json"),
        JsonPayloadError::Deserialize(error) if error.is_data() => {
            Rejection::malformed_body(BodyFault::Shape, &error.to_string())
        }
        JsonPayloadError::Deserialize(error) => {
            Rejection::malformed_body(BodyFault::Syntax, &error.to_string())
        }
        JsonPayloadError::Payload(error) => payload_error(error),
        _ => return None,
    })
}

fn form_error(error: &UrlencodedError) -> Option<Rejection> {
    Some(match error {
        UrlencodedError::Overflow { .. } => Rejection::payload_too_large(),
        UrlencodedError::ContentType => {
            Rejection::unsupported_media_type("application/x-www-form-urlencoded")
        }
        UrlencodedError::Parse(error) => {
            Rejection::malformed_body(BodyFault::Shape, &error.to_string())
        }
        UrlencodedError::Payload(error) => payload_error(error),
        UrlencodedError::Chunked | UrlencodedError::UnknownLength | UrlencodedError::Encoding => {
            Rejection::malformed_body(BodyFault::Unreadable, &error.to_string())
        }
        _ => return None,
    })
}

fn payload_error(error: &PayloadError) -> Rejection {
    match error {
        PayloadError::Overflow => Rejection::payload_too_large(),
        other => Rejection::malformed_body(BodyFault::Unreadable, &other.to_string()),
    }
}

/// What the derive's generated `ResponseError` impls name.
#[doc(hidden)]
pub mod __private {
    pub use ::actix_web;

    /// The body of every derived `ResponseError::status_code`.
    pub fn actix_status_code<E: crate::ApiError>(error: &E) -> ::actix_web::http::StatusCode {
        super::status_code(crate::Envelope::new(error).status())
    }

    /// The body of every derived `ResponseError::error_response`.
    pub fn actix_error_response<E: crate::ApiError>(error: &E) -> ::actix_web::HttpResponse {
        super::error_response(error)
    }
}
