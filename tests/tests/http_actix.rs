//! End to end with actix-web 4: a real server on an ephemeral loopback port, a real client, and
//! for each built-in format the exact status, headers and body of every kind of error — the
//! same cases as with axum.

mod http_support;

use std::future::Future;
use std::net::SocketAddr;

use actix_web::dev::ServerHandle;
use actix_web::{App, HttpResponse, HttpServer, ResponseError, web};
use apierr::Context;
use apierr::actix::ApiErrors;
use apierr::response::{ResponseOptions, to_response};
use http_support::app::{self, AppError, BadMediaError};
use http_support::{
    FORMATS, Fmt, HttpClient, TIMEOUT, Words, capture_logs, cases, check, is_fresh_id, logged,
    raw_exchange,
};
use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
struct NewOrder {
    item: String,
    quantity: u32,
}

#[derive(Deserialize)]
struct Search {
    q: String,
}

#[derive(Deserialize)]
struct QuotaQuery {
    remaining: String,
}

async fn get_order(id: web::Path<u32>) -> Result<HttpResponse, AppError> {
    match id.into_inner() {
        1 => Ok(HttpResponse::Ok().json(json!({"id": 1}))),
        id => Err(app::missing_order(id)),
    }
}

async fn create_order(order: web::Json<NewOrder>) -> Result<HttpResponse, AppError> {
    if order.quantity == 0 {
        return Err(app::zero_quantity());
    }
    Ok(HttpResponse::Created().json(json!({"item": order.item, "quantity": order.quantity})))
}

async fn search(search: web::Query<Search>) -> HttpResponse {
    HttpResponse::Ok().json(json!({"q": search.q}))
}

async fn me() -> Result<HttpResponse, AppError> {
    Err(AppError::LoginRequired)
}

async fn token() -> Result<HttpResponse, AppError> {
    Err(AppError::TokenExpired)
}

async fn limited() -> Result<HttpResponse, AppError> {
    Err(app::rate_limited())
}

async fn db() -> Result<HttpResponse, AppError> {
    Err(app::db_down())
}

async fn quota(query: web::Query<QuotaQuery>) -> Result<HttpResponse, AppError> {
    Err(AppError::Quota {
        remaining: query.into_inner().remaining,
    })
}

async fn panicking() -> HttpResponse {
    panic!("{}", app::PANIC_MESSAGE)
}

/// Routes as resources: actix answers a wrong method with 405 only on a resource
/// (`App::route` guards the whole path, and answers 404).
fn routes(config: &mut web::ServiceConfig) {
    config
        .app_data(web::JsonConfig::default().limit(256))
        .service(web::resource("/orders/{id}").get(get_order))
        .service(web::resource("/orders").post(create_order))
        .service(web::resource("/search").get(search))
        .service(web::resource("/me").get(me))
        .service(web::resource("/token").get(token))
        .service(web::resource("/limited").get(limited))
        .service(web::resource("/db").get(db))
        .service(web::resource("/quota").get(quota))
        .service(web::resource("/panic").get(panicking));
}

/// A running server on one worker; [`Server::stop`] shuts it down and waits for it.
struct Server {
    addr: SocketAddr,
    handle: ServerHandle,
    task: actix_web::rt::task::JoinHandle<std::io::Result<()>>,
}

impl Server {
    /// With the middleware when `options` is given.
    fn start(options: Option<ResponseOptions>) -> Server {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let addr = listener.local_addr().expect("local address");
        let server = match options {
            Some(options) => HttpServer::new(move || {
                App::new()
                    .configure(routes)
                    .wrap(ApiErrors::with_options(options.clone()))
            })
            .workers(1)
            .disable_signals()
            .shutdown_timeout(1)
            .listen(listener)
            .expect("listen")
            .run(),
            None => HttpServer::new(|| App::new().configure(routes))
                .workers(1)
                .disable_signals()
                .shutdown_timeout(1)
                .listen(listener)
                .expect("listen")
                .run(),
        };
        let handle = server.handle();
        let task = actix_web::rt::spawn(server);
        Server { addr, handle, task }
    }

    async fn stop(self) {
        self.handle.stop(true).await;
        let _ = tokio::time::timeout(TIMEOUT, self.task).await;
    }
}

/// Runs `test` on an actix system, as actix-web's own servers expect.
fn on_actix<F: Future<Output = ()>>(test: F) {
    actix_web::rt::System::new().block_on(test);
}

/// How actix words the details of its extractor errors.
const ACTIX: Words = Words {
    bad_path: "can not parse \"abc\" to a u32",
    malformed_json: "EOF while parsing a value at line 1 column 8",
    wrong_type: "invalid type: string \"many\", expected u32 at line 1 column 32",
    allow: Some("GET"),
};

#[test]
fn every_error_in_every_format() {
    capture_logs();
    on_actix(async {
        for format in FORMATS {
            let server = Server::start(Some(format.options()));
            let client = HttpClient::new(server.addr);
            for case in cases(&ACTIX) {
                check(&client, format, &case).await;
            }
            server.stop().await;
        }
    });
}

#[test]
fn successes_keep_their_body_and_get_the_correlation_id() {
    on_actix(async {
        let server = Server::start(Some(ResponseOptions::new()));
        let client = HttpClient::new(server.addr);
        let reply = client
            .send("GET", "/orders/1", &[("x-request-id", "abc-123")], b"")
            .await;
        assert_eq!(reply.status, 200);
        assert_eq!(reply.header("x-request-id"), Some("abc-123"));
        assert_eq!(reply.json(), json!({"id": 1}));

        let reply = client
            .send(
                "POST",
                "/orders",
                &[("content-type", "application/json")],
                br#"{"item":"book","quantity":2}"#,
            )
            .await;
        assert_eq!(reply.status, 201);
        let id = reply.header("x-request-id").expect("a generated id");
        assert!(is_fresh_id(id), "{id}");
        assert_eq!(reply.json(), json!({"item": "book", "quantity": 2}));
        server.stop().await;
    });
}

#[test]
fn without_the_middleware_bodies_are_complete_but_bare() {
    on_actix(async {
        let server = Server::start(None);
        let client = HttpClient::new(server.addr);
        let reply = client
            .send("GET", "/orders/7", &[("x-request-id", "abc")], b"")
            .await;
        assert_eq!(reply.status, 404);
        assert_eq!(reply.header("content-type"), Some("application/json"));
        assert_eq!(reply.header_names(), ["content-type"]);
        assert_eq!(
            reply.json(),
            json!({"success": false, "error": {"code": "ORDER_NOT_FOUND", "message": "order 7 not found", "status": 404}})
        );
        let reply = client.send("GET", "/me", &[], b"").await;
        assert_eq!(reply.status, 401);
        assert_eq!(reply.header("www-authenticate"), Some("Bearer"));
        server.stop().await;
    });
}

#[test]
fn response_error_matches_the_framework_free_response() {
    let error = app::rate_limited();
    assert_eq!(error.status_code().as_u16(), 429);
    let response = error.error_response();
    assert_eq!(response.status().as_u16(), 429);
    assert_eq!(response.headers().get("retry-after").unwrap(), "30");
    assert_eq!(response.headers().get("cache-control").unwrap(), "no-store");
    assert_eq!(
        response.headers().get("content-type").unwrap(),
        "application/json"
    );
}

/// A response's status, its headers as text and sorted, and its body.
type Seen = (u16, Vec<(String, String)>, Vec<u8>);

/// Headers as text, sorted: actix-web's (`http` 0.2) and `http` 1's maps are compared
/// through this.
fn sorted<'a, N, V>(headers: impl Iterator<Item = (&'a N, &'a V)>) -> Vec<(String, String)>
where
    N: AsRef<str> + 'a,
    V: AsRef<[u8]> + 'a,
{
    let mut headers: Vec<(String, String)> = headers
        .map(|(name, value)| {
            let value = String::from_utf8(value.as_ref().to_vec()).unwrap();
            (name.as_ref().to_owned(), value)
        })
        .collect();
    headers.sort();
    headers
}

fn actix_parts(response: HttpResponse) -> Seen {
    let status = response.status().as_u16();
    let headers = sorted(response.headers().iter());
    let body = ready_now(actix_web::body::to_bytes(response.into_body())).unwrap();
    (status, headers, body.to_vec())
}

fn http_parts(response: http::Response<Vec<u8>>) -> Seen {
    (
        response.status().as_u16(),
        sorted(response.headers().iter()),
        response.into_body(),
    )
}

/// A body that is ready at once, read without a runtime.
fn ready_now<F: Future>(future: F) -> F::Output {
    let waker = std::task::Waker::noop();
    let mut context = std::task::Context::from_waker(waker);
    let mut future = std::pin::pin!(future);
    match future.as_mut().poll(&mut context) {
        std::task::Poll::Ready(output) => output,
        std::task::Poll::Pending => panic!("the body was not ready"),
    }
}

/// actix-web's `HttpResponse` is built directly, not converted from `to_response`: the two
/// must still agree header for header, byte for byte, for every kind of error (fixed headers,
/// field headers safe and hostile, delays, challenges, field errors, 5xx).
#[test]
fn error_response_is_to_response_header_for_header() {
    capture_logs();
    let errors = [
        app::missing_order(7),
        app::zero_quantity(),
        AppError::LoginRequired,
        AppError::TokenExpired,
        app::rate_limited(),
        app::db_down(),
        AppError::Quota {
            remaining: "5".to_owned(),
        },
        AppError::Quota {
            remaining: "5\r\nset-cookie: admin=1".to_owned(),
        },
    ];
    for error in &errors {
        let direct = actix_parts(error.error_response());
        let converted = http_parts(to_response(error, &Context::new(), &ResponseOptions::new()));
        assert_eq!(direct, converted, "{error:?}");
        assert!(
            direct.1.iter().any(|(name, _)| name == "content-type"),
            "{error:?}"
        );
    }
    // A format's media type that is not a valid header value: left out, as by `to_response`.
    let gone = BadMediaError::Gone;
    let direct = actix_parts(gone.error_response());
    assert_eq!(direct, (410, Vec::new(), br#"{"code":"GONE"}"#.to_vec()));
    assert_eq!(
        direct,
        http_parts(to_response(&gone, &Context::new(), &ResponseOptions::new()))
    );
    let dropped = logged(|e| e.field("code") == Some("GONE"));
    assert_eq!(dropped.len(), 2, "{dropped:?}");
    for event in dropped {
        assert_eq!(event.level, tracing::Level::WARN);
        assert_eq!(event.field("header"), Some("content-type"));
        assert_eq!(
            event.field("reason"),
            Some("the format's media type is not a valid value")
        );
    }

    let (_, headers, _) = actix_parts(app::rate_limited().error_response());
    assert_eq!(
        headers,
        [
            ("cache-control".to_owned(), "no-store".to_owned()),
            ("content-type".to_owned(), "application/json".to_owned()),
            ("retry-after".to_owned(), "30".to_owned()),
        ]
    );
}

#[test]
fn hostile_correlation_ids_are_replaced_not_echoed() {
    on_actix(async {
        let server = Server::start(Some(Fmt::FieldLists.options()));
        let too_long = "a".repeat(129);
        let hostile: [&[u8]; 6] = [
            too_long.as_bytes(),
            "caf\u{e9}".as_bytes(),
            b"\xff\xfe",
            b"<script>alert(1)</script>",
            b"a b",
            b"id\tx",
        ];
        for id in hostile {
            let mut request =
                b"GET /orders/7 HTTP/1.1\r\nhost: localhost\r\nx-request-id: ".to_vec();
            request.extend_from_slice(id);
            request.extend_from_slice(b"\r\nconnection: close\r\n\r\n");
            let reply = raw_exchange(server.addr, &request).await;
            let shown = String::from_utf8_lossy(id);
            assert_eq!(reply.status, 404, "{shown}");
            let echoed = reply.header("x-request-id").expect("an id").to_owned();
            assert!(is_fresh_id(&echoed), "{shown} -> {echoed}");
            assert_eq!(reply.json()["correlationId"], json!(echoed), "{shown}");
        }
        for id in [
            &b"abc\rset-cookie: admin=1"[..],
            b"abc\r\nset-cookie: admin=1",
        ] {
            let mut request =
                b"GET /orders/7 HTTP/1.1\r\nhost: localhost\r\nx-request-id: ".to_vec();
            request.extend_from_slice(id);
            request.extend_from_slice(b"\r\nconnection: close\r\n\r\n");
            let reply = raw_exchange(server.addr, &request).await;
            assert!(reply.headers.get("set-cookie").is_none());
            if let Some(echoed) = reply.header("x-request-id") {
                assert!(echoed == "abc" || is_fresh_id(echoed), "{echoed}");
            }
        }
        server.stop().await;
    });
}

#[test]
fn server_errors_are_logged_with_their_source_chain_and_redacted_for_the_client() {
    capture_logs();
    on_actix(async {
        let server = Server::start(Some(ResponseOptions::new()));
        let client = HttpClient::new(server.addr);

        let reply = client
            .send("GET", "/db", &[("x-request-id", "actix-log-db")], b"")
            .await;
        assert_eq!(reply.status, 503);
        assert!(!String::from_utf8_lossy(&reply.body).contains("hunter2"));
        let events = logged(|e| e.field("correlation_id") == Some("actix-log-db"));
        assert_eq!(events.len(), 1, "{events:?}");
        assert_eq!(events[0].level, tracing::Level::ERROR);
        assert_eq!(events[0].field("code"), Some("DB_UNAVAILABLE"));
        assert_eq!(events[0].field("status"), Some("503"));
        assert_eq!(
            events[0].field("error"),
            Some("database unavailable: connection refused: password=hunter2")
        );

        let reply = client
            .send("GET", "/panic", &[("x-request-id", "actix-log-panic")], b"")
            .await;
        assert_eq!(reply.status, 500);
        assert!(!String::from_utf8_lossy(&reply.body).contains(app::PANIC_MESSAGE));
        let events = logged(|e| e.field("correlation_id") == Some("actix-log-panic"));
        assert_eq!(events.len(), 1, "{events:?}");
        assert_eq!(
            events[0].field("error"),
            Some("internal server error: handler panicked: secret panic detail")
        );

        // The worker survives the panic.
        let reply = client.send("GET", "/orders/1", &[], b"").await;
        assert_eq!(reply.status, 200);
        server.stop().await;
    });
}
