//! The request's scope reaches everything a handler's future runs, including what its values
//! do when they are dropped: a request cancelled before its handler finishes (the client went
//! away, a timeout above the layer) drops the handler's future inside the layer's scope, so an
//! error rendered in a `Drop` still gets the layer's options and context.

use std::future::{Future, pending};
use std::pin::{Pin, pin};
use std::sync::{Arc, Mutex};
use std::task::{Context, Waker};

use apierr::ApiError;
use apierr::format::ProblemDetails;
use apierr::response::ResponseOptions;

#[derive(Debug, ApiError)]
enum CleanupError {
    #[api(code = "CLEANUP_FAILED", status = 409, message = "Cleanup failed")]
    Failed,
}

/// The content type of what `render` answers, kept when the guard is dropped.
struct Guard {
    seen: Seen,
    render: fn(&dyn ApiError) -> String,
}

impl Drop for Guard {
    fn drop(&mut self) {
        let content_type = (self.render)(&CleanupError::Failed);
        if let Ok(mut seen) = self.seen.lock() {
            *seen = Some(content_type);
        }
    }
}

fn options() -> ResponseOptions {
    ResponseOptions::new().with_format(ProblemDetails::new())
}

/// The content type a header map's lookup found, as text.
fn text(value: Option<&[u8]>) -> String {
    String::from_utf8_lossy(value.unwrap_or_default()).into_owned()
}

/// What a waiting handler returns: a future that never completes.
type Waiting = Pin<Box<dyn Future<Output = &'static str> + Send>>;

/// Where a [`Guard`] writes what it saw.
type Seen = Arc<Mutex<Option<String>>>;

/// A handler that holds a [`Guard`] and never answers, and where its guard writes.
fn waiting(
    render: fn(&dyn ApiError) -> String,
) -> (impl Fn() -> Waiting + Clone + Send + Sync + 'static, Seen) {
    let seen = Arc::new(Mutex::new(None));
    let handler_seen = Arc::clone(&seen);
    let handler = move || {
        let guard = Guard {
            seen: Arc::clone(&handler_seen),
            render,
        };
        Box::pin(async move {
            let _guard = guard;
            pending::<&'static str>().await
        }) as Waiting
    };
    (handler, seen)
}

/// What the guard saw once the request was cancelled: the layer's format.
fn assert_saw_the_layers_format(seen: &Mutex<Option<String>>) {
    assert_eq!(
        seen.lock().unwrap().as_deref(),
        Some("application/problem+json")
    );
}

/// Polls `future` once (the handler starts, then waits for ever), then drops it.
fn cancel_after_one_poll(future: impl Future) {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    assert!(future.as_mut().poll(&mut cx).is_pending());
}

#[test]
fn a_cancelled_axum_handler_is_dropped_inside_the_scope() {
    use axum::Router;
    use axum::body::Body;
    use axum::routing::get;
    use tower::ServiceExt;

    fn render(error: &dyn ApiError) -> String {
        let response = apierr::axum::into_response(error);
        text(response.headers().get("content-type").map(|v| v.as_bytes()))
    }

    let (handler, seen) = waiting(render);
    let app = Router::new()
        .route("/", get(handler))
        .layer(apierr::axum::ApiErrorLayer::with_options(options()));
    let request = http::Request::get("/").body(Body::empty()).unwrap();
    cancel_after_one_poll(app.oneshot(request));
    assert_saw_the_layers_format(&seen);
}

#[test]
fn a_cancelled_actix_handler_is_dropped_inside_the_scope() {
    use actix_web::dev::Service;
    use actix_web::{App, test, web};

    fn render(error: &dyn ApiError) -> String {
        let response = apierr::actix::error_response(error);
        text(response.headers().get("content-type").map(|v| v.as_bytes()))
    }

    let (handler, seen) = waiting(render);
    let system = actix_web::rt::System::new();
    let service = system.block_on(test::init_service(
        App::new()
            .wrap(apierr::actix::ApiErrors::with_options(options()))
            .route("/", web::get().to(handler)),
    ));
    let request = test::TestRequest::get().uri("/").to_request();
    cancel_after_one_poll(service.call(request));
    assert_saw_the_layers_format(&seen);
}
