//! Secrets never cross the wire. Errors whose source `Display` (and, for a 5xx without `expose`
//! or a `redact`ed 4xx, whose own `Display`) holds a password and a connection string are
//! returned from real handlers and answered through `to_response` (a plain hyper server), axum
//! (with and without `ApiErrorLayer`) and actix-web (with and without `ApiErrors`), in every
//! built-in format, with no request context, with one, and with debug detail on.
//!
//! Every response is checked twice: its exact status, header set and body, and a byte search for
//! the secrets in a dump of every header and the body. Debug detail may show them only in
//! `StatusEnvelope`'s `stack`; `expose` shows them as the message, since it asks for that.

mod http_support;

use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;

use actix_web::dev::ServerHandle;
use actix_web::{App, HttpResponse, HttpServer, web};
use apierr::actix::ApiErrors;
use apierr::axum::ApiErrorLayer;
use apierr::response::{ResponseOptions, to_response};
use apierr::{ApiError, Context, CorrelationId, Timestamp};
use axum::Router;
use axum::routing::get;
use http_body_util::Full;
use http_support::{Expect, FORMATS, Fmt, HttpClient, Reply, Seen, TIMEOUT, expected, normalize};
use hyper::body::Bytes;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// What must never reach a client: a password and the credentials of a connection string.
const SECRETS: [&str; 2] = ["hunter2", "s3cret"];

/// The message `expose` shows, secrets and all.
const EXPOSED: &str = "replica postgres://admin:s3cret@db:5432 lagging, password=hunter2 rotated";

/// The message of the panicking handler.
const PANIC: &str = "pool postgres://admin:s3cret@db:5432 exhausted, password=hunter2";

/// A driver error that names its connection, as drivers do.
#[derive(Debug)]
struct DriverError;

impl std::fmt::Display for DriverError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connect to postgres://admin:s3cret@db:5432/prod refused (password=hunter2)")
    }
}

impl std::error::Error for DriverError {}

/// Another type's 5xx, reached through a `transparent` variant.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("cache at postgres://admin:s3cret@db:6379 unreachable (password=hunter2)")]
#[api(code = "CACHE_DOWN", status = 502)]
struct CacheError;

/// One way an error can hold a secret; each is one route, `/leak/<slug>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A 5xx whose own `Display` and source both hold secrets.
    Database,
    /// A 5xx whose secret comes in through `#[from]` and is repeated in its `Display`.
    Io,
    /// A `redact`ed 401 whose `Display` holds a secret.
    Login,
    /// A 4xx whose public message is harmless, with a secret source.
    BadInput,
    /// A 429 with a declared message, a `Retry-After` and a secret source and `Display`.
    Limited,
    /// A 5xx marked `expose`: its message is shown, secret and all.
    Exposed,
    /// A `transparent` 502 of another type.
    Cache,
}

const KINDS: [Kind; 7] = [
    Kind::Database,
    Kind::Io,
    Kind::Login,
    Kind::BadInput,
    Kind::Limited,
    Kind::Exposed,
    Kind::Cache,
];

const DRIVER: &str = "connect to postgres://admin:s3cret@db:5432/prod refused (password=hunter2)";
const IO: &str = "read /etc/app.env: password=hunter2";

impl Kind {
    fn path(self) -> &'static str {
        match self {
            Kind::Database => "/leak/database",
            Kind::Io => "/leak/io",
            Kind::Login => "/leak/login",
            Kind::BadInput => "/leak/bad-input",
            Kind::Limited => "/leak/limited",
            Kind::Exposed => "/leak/exposed",
            Kind::Cache => "/leak/cache",
        }
    }

    /// What the response must say, whatever the format.
    fn expect(self) -> Expect {
        match self {
            Kind::Database => Expect::new("DB_DOWN", 503, "Service Unavailable")
                .category("Storage")
                .redacted(),
            Kind::Io => Expect::new("IO", 500, "Internal Server Error")
                .category("Storage")
                .redacted(),
            Kind::Login => Expect::new("LOGIN_FAILED", 401, "Unauthorized")
                .category("Storage")
                .redacted(),
            Kind::BadInput => Expect::new("BAD_INPUT", 400, "bad input").category("Storage"),
            Kind::Limited => {
                Expect::new("RATE_LIMITED", 429, "Too many requests").category("Storage")
            }
            Kind::Exposed => Expect::new("EXPOSED", 503, EXPOSED).category("Storage"),
            // The inner type has no category, and a transparent variant takes everything from it.
            Kind::Cache => Expect::new("CACHE_DOWN", 502, "Bad Gateway").redacted(),
        }
    }

    /// The headers the error itself adds, with their exact values.
    fn headers(self) -> &'static [(&'static str, &'static str)] {
        match self {
            // RFC 9110: every 401 carries a challenge; this one is the default.
            Kind::Login => &[("www-authenticate", "Bearer")],
            Kind::Limited => &[("retry-after", "30")],
            _ => &[],
        }
    }

    /// `StatusEnvelope`'s `stack` with debug detail on: the internal message and its sources.
    fn stack(self) -> String {
        match self {
            Kind::Database => format!(
                "query on postgres://admin:s3cret@db:5432/prod failed\n    caused by: {DRIVER}"
            ),
            Kind::Io => format!("io: {IO}\n    caused by: {IO}"),
            Kind::Login => "login as admin with password=hunter2 rejected".to_owned(),
            Kind::BadInput => format!("bad input\n    caused by: {DRIVER}"),
            // A declared message is also the internal one: only the source holds the secret.
            Kind::Limited => format!("Too many requests\n    caused by: {DRIVER}"),
            Kind::Exposed => EXPOSED.to_owned(),
            Kind::Cache => {
                "cache at postgres://admin:s3cret@db:6379 unreachable (password=hunter2)".to_owned()
            }
        }
    }
}

/// The error type of the handlers, one per format (`#[api(format = …)]`), so that the paths
/// without a layer, which render each type in its own format, cover every format too.
trait Leaky:
    ApiError + axum::response::IntoResponse + actix_web::ResponseError + Send + Sync + 'static
{
    fn make(kind: Kind) -> Self;
}

macro_rules! leaky {
    ($module:ident, $($format:tt)+) => {
        mod $module {
            use super::{CacheError, DriverError, IO, Kind, Leaky};
            use apierr::ApiError;

            #[derive(Debug, thiserror::Error, ApiError)]
            #[api(category = "Storage", format = $($format)+)]
            pub enum Leak {
                #[error("query on postgres://admin:s3cret@db:5432/prod failed")]
                #[api(code = "DB_DOWN", status = 503)]
                Database(#[source] DriverError),
                #[error("io: {0}")]
                #[api(code = "IO", status = 500)]
                Io(#[from] std::io::Error),
                #[error("login as admin with password=hunter2 rejected")]
                #[api(code = "LOGIN_FAILED", status = 401, redact)]
                Login,
                #[error("bad input")]
                #[api(code = "BAD_INPUT", status = 400)]
                BadInput {
                    #[source]
                    source: DriverError,
                },
                #[error("rate limited by postgres://admin:s3cret@db:5432")]
                #[api(code = "RATE_LIMITED", status = 429, message = "Too many requests")]
                Limited {
                    #[api(retry_after)]
                    wait: u64,
                    #[source]
                    source: DriverError,
                },
                #[error("replica postgres://admin:s3cret@db:5432 lagging, password=hunter2 rotated")]
                #[api(code = "EXPOSED", status = 503, expose)]
                Exposed,
                #[error(transparent)]
                #[api(transparent)]
                Cache(#[from] CacheError),
            }

            impl Leaky for Leak {
                fn make(kind: Kind) -> Self {
                    match kind {
                        Kind::Database => Leak::Database(DriverError),
                        Kind::Io => Leak::Io(std::io::Error::other(IO)),
                        Kind::Login => Leak::Login,
                        Kind::BadInput => Leak::BadInput {
                            source: DriverError,
                        },
                        Kind::Limited => Leak::Limited {
                            wait: 30,
                            source: DriverError,
                        },
                        Kind::Exposed => Leak::Exposed,
                        Kind::Cache => Leak::Cache(CacheError),
                    }
                }
            }
        }
    };
}

leaky!(nested, apierr::format::Nested);
leaky!(field_lists, apierr::format::FieldLists);
leaky!(field_strings, apierr::format::FieldStrings);
leaky!(flat_details, apierr::format::FlatDetails);
leaky!(status_envelope, apierr::format::StatusEnvelope);
leaky!(problem_details, apierr::format::ProblemDetails::new());

/// How much request context the response is rendered with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// None: no layer (or, for `to_response`, an empty `Context`).
    Bare,
    /// Correlation id, time, method, path and instance.
    Context,
    /// The same, with debug detail switched on.
    Debug,
}

const MODES: [Mode; 3] = [Mode::Bare, Mode::Context, Mode::Debug];

impl Mode {
    fn options(self, format: Fmt) -> ResponseOptions {
        format.options().with_debug_detail(self == Mode::Debug)
    }
}

/// Runs `run` with the handlers' error type of `format`.
macro_rules! with_leak_type {
    ($format:expr, $($run:ident)::+ ( $($arg:expr),* )) => {
        match $format {
            Fmt::Nested => $($run)::+::<nested::Leak>($($arg),*),
            Fmt::FieldLists => $($run)::+::<field_lists::Leak>($($arg),*),
            Fmt::FieldStrings => $($run)::+::<field_strings::Leak>($($arg),*),
            Fmt::FlatDetails => $($run)::+::<flat_details::Leak>($($arg),*),
            Fmt::StatusEnvelope => $($run)::+::<status_envelope::Leak>($($arg),*),
            Fmt::ProblemDetails => $($run)::+::<problem_details::Leak>($($arg),*),
        }
    };
}

fn holds_secret(bytes: &[u8]) -> bool {
    SECRETS
        .iter()
        .any(|secret| bytes.windows(secret.len()).any(|w| w == secret.as_bytes()))
}

/// Every header, as it came over the wire, and the body: all the client ever sees.
fn dump(reply: &Reply) -> Vec<u8> {
    let mut out = format!("{}\r\n", reply.status).into_bytes();
    for (name, value) in &reply.headers {
        out.extend_from_slice(name.as_str().as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(value.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(&reply.body);
    out
}

/// The exact body of `expect` in `format`: `expected` assumes a full context, so without one the
/// members that come from it are left out; debug detail adds `StatusEnvelope`'s `stack`.
fn exact_body(format: Fmt, mode: Mode, expect: &Expect, seen: &Seen<'_>, stack: &str) -> Value {
    let mut body = expected(format, expect, seen);
    let members = body.as_object_mut().expect("an object body");
    if mode == Mode::Bare {
        for name in ["correlationId", "timestamp", "path", "method", "instance"] {
            members.remove(name);
        }
    }
    if mode == Mode::Debug && format == Fmt::StatusEnvelope {
        members.insert("stack".to_owned(), json!(stack));
    }
    members.sort_keys();
    body
}

/// The members that may show a secret, as JSON pointers: the `stack` of debug detail, and the
/// message of `expose`.
fn allowed_members(format: Fmt, mode: Mode, exposed: bool) -> Vec<&'static str> {
    let mut allowed = Vec::new();
    if mode == Mode::Debug && format == Fmt::StatusEnvelope {
        allowed.push("/stack");
    }
    if exposed {
        allowed.push(match format {
            Fmt::Nested => "/error/message",
            Fmt::FlatDetails => "/error",
            Fmt::ProblemDetails => "/detail",
            _ => "/message",
        });
    }
    allowed
}

/// Asserts the exact response to a request for `expect` sent with correlation id `id`, and that
/// a secret shows, if at all, only in the members allowed to show it.
#[track_caller]
fn check_reply(
    what: &str,
    reply: &Reply,
    (format, mode): (Fmt, Mode),
    (expect, headers, stack): (&Expect, &[(&str, &str)], &str),
    (path, id): (&str, &str),
) {
    let text = String::from_utf8_lossy(&reply.body);
    assert_eq!(reply.status, expect.status, "{what}: status ({text})");
    let mut want: Vec<(String, String)> = headers
        .iter()
        .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
        .collect();
    want.push(("content-type".to_owned(), format.content_type().to_owned()));
    if mode != Mode::Bare {
        want.push(("x-request-id".to_owned(), id.to_owned()));
    }
    want.sort();
    let mut got: Vec<(String, String)> = reply
        .header_names()
        .into_iter()
        .map(|name| {
            let values: Vec<&str> = reply
                .headers
                .get_all(name.as_str())
                .iter()
                .map(|v| v.to_str().expect("visible ASCII"))
                .collect();
            let value = values.join(", ");
            (name, value)
        })
        .collect();
    got.sort();
    assert_eq!(got, want, "{what}: headers");

    let seen = Seen {
        method: "GET",
        path,
        id,
    };
    let body = normalize(reply.json());
    assert_eq!(
        body,
        exact_body(format, mode, expect, &seen, stack),
        "{what}: body"
    );

    let exposed = !expect.redacted && holds_secret(expect.message.as_bytes());
    let allowed = allowed_members(format, mode, exposed);
    let dumped = dump(reply);
    let reveals = allowed.iter().any(|member| {
        body.pointer(member)
            .and_then(Value::as_str)
            .is_some_and(|shown| holds_secret(shown.as_bytes()))
    });
    assert_eq!(
        holds_secret(&dumped),
        reveals,
        "{what}: secret in {:?}",
        String::from_utf8_lossy(&dumped)
    );
    let mut rest = reply.json();
    for member in &allowed {
        let (parent, name) = member.rsplit_once('/').expect("a pointer");
        rest.pointer_mut(parent)
            .and_then(Value::as_object_mut)
            .and_then(|members| members.remove(name))
            .expect("the allowed member is there");
    }
    let mut rest = serde_json::to_vec(&rest).expect("JSON");
    for (name, value) in &reply.headers {
        rest.extend_from_slice(name.as_str().as_bytes());
        rest.extend_from_slice(value.as_bytes());
    }
    assert!(
        !holds_secret(&rest),
        "{what}: secret outside {allowed:?}: {:?}",
        String::from_utf8_lossy(&rest)
    );
}

/// Sends one request per kind and checks each response; returns how many were checked.
async fn check_kinds(client: &HttpClient, format: Fmt, mode: Mode, via: &str) -> usize {
    for kind in KINDS {
        let id = format!("{via}-{format:?}-{mode:?}-{kind:?}");
        let reply = client
            .send("GET", kind.path(), &[("x-request-id", &id)], b"")
            .await;
        let what = format!("{via} {format:?} {mode:?} {kind:?}");
        check_reply(
            &what,
            &reply,
            (format, mode),
            (&kind.expect(), kind.headers(), &kind.stack()),
            (kind.path(), &id),
        );
    }
    KINDS.len()
}

/// A server in the background, ended when dropped.
struct Background {
    addr: SocketAddr,
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
fn serve_to_response<E: Leaky>(mode: Mode) -> Background {
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
fn serve_axum<E: Leaky>(format: Fmt, mode: Mode) -> Background {
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
struct Actix {
    addr: SocketAddr,
    handle: ServerHandle,
    task: actix_web::rt::task::JoinHandle<std::io::Result<()>>,
}

impl Actix {
    /// Without the middleware (each type in its own format), or with it.
    fn start<E: Leaky>(format: Fmt, mode: Mode) -> Actix {
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

    async fn stop(self) {
        self.handle.stop(false).await;
        let _ = tokio::time::timeout(TIMEOUT, self.task).await;
    }
}

/// Runs `test` on an actix system, as actix-web's own servers expect.
fn on_actix<F: Future<Output = ()>>(test: F) {
    actix_web::rt::System::new().block_on(test);
}

#[tokio::test]
async fn to_response_shows_no_secret() {
    let mut checked = 0;
    for format in FORMATS {
        for mode in MODES {
            let server = with_leak_type!(format, serve_to_response(mode));
            let client = HttpClient::new(server.addr);
            checked += check_kinds(&client, format, mode, "to_response").await;
        }
    }
    assert_eq!(checked, 6 * 3 * 7);
}

#[tokio::test]
async fn axum_shows_no_secret_with_or_without_the_layer() {
    let mut checked = 0;
    for format in FORMATS {
        for mode in MODES {
            let server = with_leak_type!(format, serve_axum(format, mode));
            let client = HttpClient::new(server.addr);
            checked += check_kinds(&client, format, mode, "axum").await;
        }
    }
    assert_eq!(checked, 6 * 3 * 7);
}

#[test]
fn actix_shows_no_secret_with_or_without_the_middleware() {
    on_actix(async {
        let mut checked = 0;
        for format in FORMATS {
            for mode in MODES {
                let server = with_leak_type!(format, Actix::start(format, mode));
                let client = HttpClient::new(server.addr);
                checked += check_kinds(&client, format, mode, "actix").await;
                server.stop().await;
            }
        }
        assert_eq!(checked, 6 * 3 * 7);
    });
}

/// The redacted 500 a panic becomes, checked like the errors above. With debug detail on, the
/// panic message is the source of the `INTERNAL` error, so it shows in `stack` and nowhere else.
async fn check_panic(client: &HttpClient, format: Fmt, mode: Mode, via: &str) {
    let id = format!("{via}-{format:?}-{mode:?}-panic");
    let reply = client
        .send("GET", "/panic", &[("x-request-id", &id)], b"")
        .await;
    let stack = format!("internal server error\n    caused by: handler panicked: {PANIC}");
    check_reply(
        &format!("{via} {format:?} {mode:?} panic"),
        &reply,
        (format, mode),
        (
            &Expect::new("INTERNAL", 500, "Internal Server Error").redacted(),
            &[],
            &stack,
        ),
        ("/panic", &id),
    );
}

#[tokio::test]
async fn an_axum_panic_message_stays_in_the_log() {
    for format in FORMATS {
        for mode in [Mode::Context, Mode::Debug] {
            let server = serve_axum::<nested::Leak>(format, mode);
            check_panic(&HttpClient::new(server.addr), format, mode, "axum").await;
        }
    }
}

#[test]
fn an_actix_panic_message_stays_in_the_log() {
    on_actix(async {
        for format in FORMATS {
            for mode in [Mode::Context, Mode::Debug] {
                let server = Actix::start::<nested::Leak>(format, mode);
                check_panic(&HttpClient::new(server.addr), format, mode, "actix").await;
                server.stop().await;
            }
        }
    });
}

/// Everything a server writes on one connection for a raw `request`, until it closes.
async fn raw_bytes(addr: SocketAddr, request: &[u8]) -> Vec<u8> {
    let exchange = async {
        let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
        stream.write_all(request).await.expect("write");
        let mut bytes = Vec::new();
        // A reset after a panic is an answer too: whatever came before it is what was sent.
        let _ = stream.read_to_end(&mut bytes).await;
        bytes
    };
    tokio::time::timeout(TIMEOUT, exchange)
        .await
        .expect("the server closes the connection")
}

const RAW_PANIC: &[u8] = b"GET /panic HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\r\n";

/// Without a layer nothing catches the panic: the framework drops the connection, having sent
/// nothing, so nothing can leak either.
#[tokio::test]
async fn without_the_axum_layer_a_panic_sends_nothing() {
    let server = serve_axum::<nested::Leak>(Fmt::Nested, Mode::Bare);
    let bytes = raw_bytes(server.addr, RAW_PANIC).await;
    assert!(bytes.is_empty(), "{:?}", String::from_utf8_lossy(&bytes));
}

#[test]
fn without_the_actix_middleware_a_panic_sends_nothing() {
    on_actix(async {
        let server = Actix::start::<nested::Leak>(Fmt::Nested, Mode::Bare);
        let bytes = raw_bytes(server.addr, RAW_PANIC).await;
        assert!(bytes.is_empty(), "{:?}", String::from_utf8_lossy(&bytes));
        server.stop().await;
    });
}

/// The layers put the request path in `StatusEnvelope`'s `path` and RFC 9457's `instance`, but
/// never the query string, where clients put tokens.
#[tokio::test]
async fn a_secret_in_the_query_string_is_not_echoed_by_axum() {
    for format in FORMATS {
        let server = serve_axum::<nested::Leak>(format, Mode::Context);
        let client = HttpClient::new(server.addr);
        check_query(&client, format, "axum").await;
    }
}

#[test]
fn a_secret_in_the_query_string_is_not_echoed_by_actix() {
    on_actix(async {
        for format in FORMATS {
            let server = Actix::start::<nested::Leak>(format, Mode::Context);
            check_query(&HttpClient::new(server.addr), format, "actix").await;
            server.stop().await;
        }
    });
}

async fn check_query(client: &HttpClient, format: Fmt, via: &str) {
    let kind = Kind::BadInput;
    let id = format!("{via}-{format:?}-query");
    let target = format!(
        "{}?password=hunter2&dsn=postgres%3A%2F%2Fadmin%3As3cret%40db",
        kind.path()
    );
    let reply = client
        .send("GET", &target, &[("x-request-id", &id)], b"")
        .await;
    check_reply(
        &format!("{via} {format:?} query"),
        &reply,
        (format, Mode::Context),
        (&kind.expect(), kind.headers(), &kind.stack()),
        (kind.path(), &id),
    );
}
