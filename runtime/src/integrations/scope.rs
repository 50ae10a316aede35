//! The request a response is for, carried to code that gets no request.
//!
//! axum's `IntoResponse::into_response(self)` and actix-web's `ResponseError::error_response`
//! see only the error. The layers run each request's service future inside a task-local
//! [`Scope`], which those impls read; outside any layer they fall back to an empty context.

use std::any::Any;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context as TaskContext, Poll};

use http::Method;
use tokio::task::futures::TaskLocalFuture;

use crate::plain_http::rejection::Rejection;
use crate::plain_http::response::ResponseOptions;
use crate::{Context, CorrelationId, Timestamp};

/// The context and options of the request being answered.
#[derive(Clone, Debug)]
pub(crate) struct Scope {
    pub(crate) context: Arc<Context>,
    pub(crate) options: Arc<ResponseOptions>,
}

tokio::task_local! {
    static SCOPE: Scope;
}

static EMPTY_CONTEXT: Context = Context::new();

/// The options used where no layer supplies any.
static DEFAULT_OPTIONS: ResponseOptions = ResponseOptions::new();

impl Scope {
    /// The scope of a request with `method` and `path`, whose correlation header (if any) held
    /// `incoming`.
    pub(crate) fn for_request(
        options: &Arc<ResponseOptions>,
        method: Method,
        path: &str,
        incoming: Option<&[u8]>,
        accept_language: Option<&[u8]>,
    ) -> Self {
        // Set in place (a context is large to move) by the setters the `with_…` builders
        // call; the localizer, which few layers have, through its builders.
        let mut context = Context::new();
        if let Some(id) = correlation_id(incoming) {
            context.set_correlation_id(id);
        }
        if let Some(localizer) = options.localizer() {
            context = context.with_localizer(Arc::clone(localizer));
            if let Some(header) = accept_language {
                context = context.with_accept_language(header);
            }
        }
        context.set_timestamp(Timestamp::now());
        context.set_debug_detail(options.debug_detail());
        context.set_method(method);
        context.set_path_as_instance(path);
        Scope {
            context: Arc::new(context),
            options: Arc::clone(options),
        }
    }

    /// `future` with this scope visible to [`with_current`] while it is polled and while it
    /// is dropped, also when the request is cancelled before it completes (the handler's
    /// values may render an error in their `Drop`). The layers pin it where they await it,
    /// inside [`CatchUnwind`].
    pub(crate) fn scoped<F: Future>(self, future: F) -> TaskLocalFuture<Scope, F> {
        SCOPE.scope(self, future)
    }

    /// Runs `f` with this scope visible to [`with_current`].
    #[cfg(feature = "actix-web")]
    pub(crate) fn run_sync<R>(self, f: impl FnOnce() -> R) -> R {
        SCOPE.sync_scope(self, f)
    }
}

/// Calls `f` with the current request's context and options, or an empty context and the
/// default options outside any layer.
pub(crate) fn with_current<R>(f: impl FnOnce(&Context, &ResponseOptions) -> R) -> R {
    match SCOPE.try_with(Scope::clone) {
        Ok(scope) => f(&scope.context, &scope.options),
        Err(_) => f(&EMPTY_CONTEXT, &DEFAULT_OPTIONS),
    }
}

/// The incoming id when it passes [`CorrelationId::from_bytes`]; otherwise a fresh one, so a
/// hostile header is replaced and never echoed.
pub(crate) fn correlation_id(incoming: Option<&[u8]>) -> Option<CorrelationId> {
    incoming
        .and_then(|id| CorrelationId::from_bytes(id).ok())
        .or_else(fresh_id)
}

/// A random (v4) UUID: 36 characters of the safe set (hexadecimal digits and hyphens), so it
/// is not checked again. Always `Some`.
pub(crate) fn fresh_id() -> Option<CorrelationId> {
    let mut buf = uuid::Uuid::encode_buffer();
    let text = uuid::Uuid::new_v4().hyphenated().encode_lower(&mut buf);
    Some(CorrelationId::made(text.to_owned()))
}

/// A future whose panics come out as `Err(payload)` instead of unwinding through the server.
/// It polls the future where it was pinned (`std::pin::pin!` in the layer's boxed future):
/// no allocation and no copy of the service's future of its own; the future, a
/// [`Scope::scoped`] one, is dropped where it was pinned, inside its scope.
pub(crate) struct CatchUnwind<'a, F>(Pin<&'a mut F>);

impl<'a, F> CatchUnwind<'a, F> {
    pub(crate) fn new(future: Pin<&'a mut F>) -> Self {
        CatchUnwind(future)
    }
}

impl<F: Future> Future for CatchUnwind<'_, F> {
    type Output = Result<F::Output, Box<dyn Any + Send>>;

    fn poll(self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<Self::Output> {
        let future = self.get_mut().0.as_mut();
        // Unwind safety: after a panic the inner future is never polled again (we return Ready
        // and the caller drops us), so no broken state it left behind can be observed.
        match catch_unwind(AssertUnwindSafe(|| future.poll(cx))) {
            Ok(Poll::Ready(output)) => Poll::Ready(Ok(output)),
            Ok(Poll::Pending) => Poll::Pending,
            Err(payload) => Poll::Ready(Err(payload)),
        }
    }
}

/// The rejection a panic is: the panic message goes to the log as the source, never to the body.
pub(crate) fn panic_rejection(payload: &(dyn Any + Send)) -> Rejection {
    let message = if let Some(text) = payload.downcast_ref::<&str>() {
        text
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.as_str()
    } else {
        "a non-text panic payload"
    };
    Rejection::internal(format!("handler panicked: {message}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_ids_pass_the_check_they_skip() {
        for _ in 0..64 {
            let id = fresh_id().expect("always an id");
            assert_eq!(CorrelationId::new(id.as_str()), Ok(id.clone()));
            assert_eq!(id.as_str().len(), 36);
        }
    }
}
