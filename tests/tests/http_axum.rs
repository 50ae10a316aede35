//! End to end with axum 0.8: a real server on an ephemeral loopback port, a real client, and
//! for each built-in format the exact status, headers and body of every kind of error.

mod http_support;

use std::net::SocketAddr;

use apierr::axum::ApiErrorLayer;
use apierr::response::ResponseOptions;
use axum::extract::{DefaultBodyLimit, Path, Query};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use http_support::app::{self, AppError};
use http_support::{
    FORMATS, Fmt, HttpClient, TIMEOUT, Words, capture_logs, cases, check, is_fresh_id, logged,
    raw_exchange,
};
use serde::Deserialize;
use serde_json::{Value, json};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

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

async fn get_order(Path(id): Path<u32>) -> Result<Json<Value>, AppError> {
    match id {
        1 => Ok(Json(json!({"id": 1}))),
        id => Err(app::missing_order(id)),
    }
}

async fn create_order(Json(order): Json<NewOrder>) -> Result<(StatusCode, Json<Value>), AppError> {
    if order.quantity == 0 {
        return Err(app::zero_quantity());
    }
    Ok((
        StatusCode::CREATED,
        Json(json!({"item": order.item, "quantity": order.quantity})),
    ))
}

async fn search(Query(search): Query<Search>) -> Json<Value> {
    Json(json!({"q": search.q}))
}

async fn me() -> Result<&'static str, AppError> {
    Err(AppError::LoginRequired)
}

async fn token() -> Result<&'static str, AppError> {
    Err(AppError::TokenExpired)
}

async fn limited() -> Result<&'static str, AppError> {
    Err(app::rate_limited())
}

async fn db() -> Result<&'static str, AppError> {
    Err(app::db_down())
}

async fn quota(Query(query): Query<QuotaQuery>) -> Result<&'static str, AppError> {
    Err(AppError::Quota {
        remaining: query.remaining,
    })
}

async fn panicking() -> &'static str {
    panic!("{}", app::PANIC_MESSAGE)
}

fn routes() -> Router {
    Router::new()
        .route("/orders/{id}", get(get_order))
        .route(
            "/orders",
            post(create_order).layer(DefaultBodyLimit::max(256)),
        )
        .route("/search", get(search))
        .route("/me", get(me))
        .route("/token", get(token))
        .route("/limited", get(limited))
        .route("/db", get(db))
        .route("/quota", get(quota))
        .route("/panic", get(panicking))
}

/// A running server; [`Server::stop`] shuts it down and waits for it.
struct Server {
    addr: SocketAddr,
    stop: oneshot::Sender<()>,
    task: JoinHandle<()>,
}

impl Server {
    async fn start(router: Router) -> Server {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind a loopback port");
        let addr = listener.local_addr().expect("local address");
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            axum::serve(listener, router)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await
                .expect("serve");
        });
        Server { addr, stop, task }
    }

    async fn stop(self) {
        let _ = self.stop.send(());
        let mut task = self.task;
        if tokio::time::timeout(TIMEOUT, &mut task).await.is_err() {
            // Idle keep-alive connections may hold a graceful shutdown open; end it.
            task.abort();
        }
    }
}

/// How axum words the details of its rejections.
const AXUM: Words = Words {
    bad_path: "Cannot parse `abc` to a `u32`",
    malformed_json: "item: EOF while parsing a value at line 1 column 8",
    wrong_type: "quantity: invalid type: string \"many\", expected u32 at line 1 column 32",
    allow: Some("GET,HEAD"),
};

#[tokio::test]
async fn every_error_in_every_format() {
    capture_logs();
    for format in FORMATS {
        let server =
            Server::start(routes().layer(ApiErrorLayer::with_options(format.options()))).await;
        let client = HttpClient::new(server.addr);
        for case in cases(&AXUM) {
            check(&client, format, &case).await;
        }
        server.stop().await;
    }
}

#[tokio::test]
async fn successes_keep_their_body_and_get_the_correlation_id() {
    let server = Server::start(routes().layer(ApiErrorLayer::new())).await;
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

    // A handler's own plain-text error is not mistaken for a rejection.
    let reply = client.send("GET", "/search?q=rust", &[], b"").await;
    assert_eq!(reply.json(), json!({"q": "rust"}));
    server.stop().await;
}

#[tokio::test]
async fn the_correlation_header_is_configurable() {
    let options = ResponseOptions::new()
        .with_correlation_header(http::HeaderName::from_static("x-correlation-id"));
    let server = Server::start(routes().layer(ApiErrorLayer::with_options(options))).await;
    let client = HttpClient::new(server.addr);
    let reply = client
        .send(
            "GET",
            "/orders/7",
            &[("x-correlation-id", "corr-1"), ("x-request-id", "other")],
            b"",
        )
        .await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.header("x-correlation-id"), Some("corr-1"));
    assert_eq!(reply.header("x-request-id"), None);
    server.stop().await;
}

#[tokio::test]
async fn without_the_layer_bodies_are_complete_but_bare() {
    let server = Server::start(routes()).await;
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

    let reply = client.send("GET", "/limited", &[], b"").await;
    assert_eq!(reply.status, 429);
    assert_eq!(reply.header("retry-after"), Some("30"));

    // axum's own rejections are its business without the layer.
    let reply = client.send("GET", "/nowhere", &[], b"").await;
    assert_eq!(reply.status, 404);
    assert!(reply.body.is_empty());
    server.stop().await;
}

/// Raw requests, since a real client refuses to send these ids.
fn raw_get(path: &str, id: &[u8]) -> Vec<u8> {
    let mut request =
        format!("GET {path} HTTP/1.1\r\nhost: localhost\r\nx-request-id: ").into_bytes();
    request.extend_from_slice(id);
    request.extend_from_slice(b"\r\nconnection: close\r\n\r\n");
    request
}

#[tokio::test]
async fn hostile_correlation_ids_are_replaced_not_echoed() {
    let server =
        Server::start(routes().layer(ApiErrorLayer::with_options(Fmt::FieldLists.options()))).await;
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
        let reply = raw_exchange(server.addr, &raw_get("/orders/7", id)).await;
        let shown = String::from_utf8_lossy(id);
        assert_eq!(reply.status, 404, "{shown}");
        let echoed = reply.header("x-request-id").expect("an id").to_owned();
        assert!(is_fresh_id(&echoed), "{shown} -> {echoed}");
        assert_eq!(reply.json()["correlationId"], json!(echoed), "{shown}");
    }

    // CR or LF inside the value never reaches the application: the server refuses the request,
    // or sees two headers; either way nothing is injected into the response.
    for id in [
        &b"abc\rset-cookie: admin=1"[..],
        b"abc\r\nset-cookie: admin=1",
    ] {
        let reply = raw_exchange(server.addr, &raw_get("/orders/7", id)).await;
        assert!(reply.headers.get("set-cookie").is_none());
        if let Some(echoed) = reply.header("x-request-id") {
            assert!(echoed == "abc" || is_fresh_id(echoed), "{echoed}");
        }
    }
    // The largest valid id is kept.
    let longest = "b".repeat(128);
    let reply = raw_exchange(server.addr, &raw_get("/orders/7", longest.as_bytes())).await;
    assert_eq!(reply.header("x-request-id"), Some(longest.as_str()));
    server.stop().await;
}

#[tokio::test]
async fn server_errors_are_logged_with_their_source_chain_and_redacted_for_the_client() {
    capture_logs();
    let server = Server::start(routes().layer(ApiErrorLayer::new())).await;
    let client = HttpClient::new(server.addr);

    let reply = client
        .send("GET", "/db", &[("x-request-id", "log-db")], b"")
        .await;
    assert_eq!(reply.status, 503);
    assert!(!String::from_utf8_lossy(&reply.body).contains("hunter2"));
    let events = logged(|e| e.field("correlation_id") == Some("log-db"));
    assert_eq!(events.len(), 1, "{events:?}");
    let event = &events[0];
    assert_eq!(event.level, tracing::Level::ERROR);
    assert_eq!(event.field("code"), Some("DB_UNAVAILABLE"));
    assert_eq!(event.field("status"), Some("503"));
    assert_eq!(
        event.field("error"),
        Some("database unavailable: connection refused: password=hunter2")
    );

    let reply = client
        .send("GET", "/panic", &[("x-request-id", "log-panic")], b"")
        .await;
    assert_eq!(reply.status, 500);
    assert!(!String::from_utf8_lossy(&reply.body).contains(app::PANIC_MESSAGE));
    let events = logged(|e| e.field("correlation_id") == Some("log-panic"));
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].field("code"), Some("INTERNAL"));
    assert_eq!(
        events[0].field("error"),
        Some("internal server error: handler panicked: secret panic detail")
    );

    // A 4xx is the client's business: not logged as a server error.
    client
        .send("GET", "/orders/7", &[("x-request-id", "log-404")], b"")
        .await;
    assert!(logged(|e| e.field("correlation_id") == Some("log-404")).is_empty());

    // A field header that is not a safe value is dropped with a warning.
    client
        .send("GET", "/quota?remaining=%0Aevil", &[], b"")
        .await;
    let dropped = logged(|e| {
        e.field("header") == Some("x-quota-remaining") && e.field("code") == Some("QUOTA_EXCEEDED")
    });
    assert!(!dropped.is_empty());
    assert_eq!(dropped[0].level, tracing::Level::WARN);
    server.stop().await;
}
