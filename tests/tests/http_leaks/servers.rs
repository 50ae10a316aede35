//! The servers under test: `to_response` on plain hyper, axum and actix-web, on loopback ports.

use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;

use actix_web::dev::ServerHandle;
use actix_web::{App, HttpResponse, HttpServer, web};
use apierr::actix::ApiErrors;
use apierr::axum::ApiErrorLayer;
use apierr::response::{ResponseOptions, to_response};
use apierr::{Context, CorrelationId, Timestamp};
use axum::Router;
use axum::routing::get;
use http_body_util::Full;
use hyper::body::Bytes;

use crate::http_support::{Fmt, TIMEOUT};
use crate::{KINDS, Leaky, Mode, PANIC};

/// A server in the background, ended when dropped.
pub(super) struct Background {
    pub(super) addr: SocketAddr,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Background {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn loopback() -> std::net::TcpListener {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    listener.set_nonblocking(true).expect("non-blocking");
    listener
}

/// A hyper server with no framework: each request is answered with `to_response`, with the
/// context `mode` asks for built from the request, and each type's own format.
pub(super) fn serve_to_response<E: Leaky>(mode: Mode) -> Background {
    use hyper::server::conn::http1;
    use hyper::service::service_fn;
    use hyper_util::rt::TokioIo;

    let listener = tokio::net::TcpListener::from_std(loopback()).expect("a tokio listener");
    let addr = listener.local_addr().expect("local address");
    let task = tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                return;
            };
            let service = service_fn(move |request: http::Request<hyper::body::Incoming>| {
                let path = request.uri().path().to_owned();
                let mut context = Context::new();
                if mode != Mode::Bare {
                    if let Some(id) = request
                        .headers()
                        .get("x-request-id")
                        .and_then(|id| CorrelationId::from_bytes(id.as_bytes()).ok())
                    {
                        context = context.with_correlation_id(id);
                    }
                    context = context
                        .with_timestamp(Timestamp::now())
                        .with_method(request.method().clone())
                        .with_path(&path)
                        .with_instance(&path)
                        .with_debug_detail(mode == Mode::Debug);
                }
                let kind = KINDS.into_iter().find(|kind| kind.path() == path);
                async move {
                    let response = match kind {
                        Some(kind) => {
                            to_response(&E::make(kind), &context, &ResponseOptions::new())
                        }
                        None => http::Response::new(Vec::new()),
                    };
                    Ok::<_, Infallible>(response.map(|body| Full::new(Bytes::from(body))))
                }
            });
            tokio::spawn(async move {
                let _ = http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    Background { addr, task }
}

async fn panicking() -> &'static str {
    panic!("{PANIC}")
}

fn axum_routes<E: Leaky>() -> Router {
    let mut router = Router::new().route("/panic", get(panicking));
    for kind in KINDS {
        router = router.route(
            kind.path(),
            get(move || async move { Err::<&'static str, E>(E::make(kind)) }),
        );
    }
    router
}

/// axum on a loopback port: without the layer (each type in its own format), or with it.
pub(super) fn serve_axum<E: Leaky>(format: Fmt, mode: Mode) -> Background {
    let router = match mode {
        Mode::Bare => axum_routes::<E>(),
        _ => axum_routes::<E>().layer(ApiErrorLayer::with_options(mode.options(format))),
    };
    let listener = tokio::net::TcpListener::from_std(loopback()).expect("a tokio listener");
    let addr = listener.local_addr().expect("local address");
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    Background { addr, task }
}

async fn actix_panicking() -> HttpResponse {
    panic!("{PANIC}")
}

fn actix_routes<E: Leaky>(config: &mut web::ServiceConfig) {
    config.service(web::resource("/panic").get(actix_panicking));
    for kind in KINDS {
        config.service(
            web::resource(kind.path())
                .get(move || async move { Err::<HttpResponse, E>(E::make(kind)) }),
        );
    }
}

/// An actix-web server on one worker; [`Actix::stop`] shuts it down.
pub(super) struct Actix {
    pub(super) addr: SocketAddr,
    handle: ServerHandle,
    task: actix_web::rt::task::JoinHandle<std::io::Result<()>>,
}

impl Actix {
    /// Without the middleware (each type in its own format), or with it.
    pub(super) fn start<E: Leaky>(format: Fmt, mode: Mode) -> Actix {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let addr = listener.local_addr().expect("local address");
        let builder = match mode {
            Mode::Bare => HttpServer::new(|| App::new().configure(actix_routes::<E>))
                .workers(1)
                .disable_signals()
                .shutdown_timeout(1)
                .listen(listener)
                .expect("listen")
                .run(),
            _ => {
                let options = mode.options(format);
                HttpServer::new(move || {
                    App::new()
                        .configure(actix_routes::<E>)
                        .wrap(ApiErrors::with_options(options.clone()))
                })
                .workers(1)
                .disable_signals()
                .shutdown_timeout(1)
                .listen(listener)
                .expect("listen")
                .run()
            }
        };
        let handle = builder.handle();
        let task = actix_web::rt::spawn(builder);
        Actix { addr, handle, task }
    }

    pub(super) async fn stop(self) {
        self.handle.stop(false).await;
        let _ = tokio::time::timeout(TIMEOUT, self.task).await;
    }
}

/// Runs `test` on an actix system, as actix-web's own servers expect.
pub(super) fn on_actix<F: Future<Output = ()>>(test: F) {
    actix_web::rt::System::new().block_on(test);
}
