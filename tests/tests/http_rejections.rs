//! Framework rejections answered with the application's own error, end to end over HTTP with
//! axum 0.8 and actix-web 4: seed 000 (`/work/shared/seeds/000_43fff68439b20397.txt`) documents
//! `INVALID_BODY` 400 "Request body cannot be parsed" for "Malformed JSON or missing required
//! fields", `INVALID_PARAM` 400 for a path or query parameter that fails, `NOT_FOUND` 404 and
//! `INTERNAL` 500, all in its `{"success":false,"error":{…}}` envelope. Registered with
//! `ResponseOptions::with_rejections`, its `PlatformError` answers every extractor's
//! rejections, the fallbacks and panics, in both frameworks, with the same bytes.
//!
//! Then `RejectionDetail::Generic`: serde's text (`invalid type: string "two", expected u64`)
//! never reaches a client, while the default keeps it.

mod http_support;
mod seed_000;

use std::future::Future;
use std::net::SocketAddr;

use actix_web::dev::ServerHandle;
use apierr::catalog::{Catalog, Conflict};
use apierr::extract::Valid;
use apierr::response::ResponseOptions;
use apierr::{FromRejection, Rejection, RejectionDetail, RejectionKind};
use axum::extract::{DefaultBodyLimit, Path, Query};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use http_support::{HttpClient, Reply, capture_logs, logged};
use seed_000::{BusinessLogicError, InputValidationError, InternalError, PlatformError};
use serde::Deserialize;
use tokio::sync::oneshot;

/// Seed 000's answer to each kind of rejection: the body's problems are `INVALID_BODY`
/// (the seed has no 413 or 415 code), a bad parameter `INVALID_PARAM`, no route (or no method)
/// `NOT_FOUND`, a panic `INTERNAL` with the panic message as its logged source.
impl FromRejection for PlatformError {
    fn from_rejection(rejection: Rejection) -> Self {
        match rejection.kind() {
            RejectionKind::InvalidPath | RejectionKind::InvalidQuery => {
                InputValidationError::InvalidParam.into()
            }
            RejectionKind::NotFound | RejectionKind::MethodNotAllowed => {
                BusinessLogicError::NotFound.into()
            }
            RejectionKind::Internal => InternalError::Unhandled(
                rejection
                    .into_source()
                    .map_or_else(|| std::io::Error::other("rejected"), std::io::Error::other),
            )
            .into(),
            _ => InputValidationError::InvalidBody.into(),
        }
    }
}

// Field values that are well-formed but break the rules are the seed's `VALIDATION`.
apierr::from_field_errors!(PlatformError => |_| {
    PlatformError::from(InputValidationError::Validation)
});

#[derive(Debug, Deserialize, validator::Validate)]
struct CreateOrder {
    #[validate(length(min = 1))]
    pair: String,
    #[validate(range(min = 1))]
    qty: u64,
}

#[derive(Deserialize)]
struct Search {
    #[allow(dead_code)] // Only required: the tests send requests without it.
    q: String,
}

const PANIC_MESSAGE: &str = "index out of bounds: password=hunter2";

async fn axum_place(Valid(order): Valid<CreateOrder, PlatformError>) -> (StatusCode, String) {
    (
        StatusCode::CREATED,
        format!("{} x{}", order.pair, order.qty),
    )
}

async fn axum_place_default(Valid(order): Valid<CreateOrder>) -> String {
    order.pair
}

async fn axum_plain(Json(order): Json<CreateOrder>) -> String {
    order.pair
}

async fn axum_order(Path(id): Path<u32>) -> String {
    id.to_string()
}

async fn axum_search(Query(_): Query<Search>) -> &'static str {
    "found"
}

async fn axum_panic() -> &'static str {
    panic!("{PANIC_MESSAGE}")
}

fn axum_routes(options: ResponseOptions) -> Router {
    Router::new()
        .route("/orders", post(axum_place))
        .route("/default/orders", post(axum_place_default))
        .route("/plain", post(axum_plain))
        .route("/orders/{id}", get(axum_order))
        .route("/search", get(axum_search))
        .route("/panic", get(axum_panic))
        .layer(DefaultBodyLimit::max(256))
        .layer(apierr::axum::ApiErrorLayer::with_options(options))
}

/// Starts an axum server; the sender stops it.
async fn start_axum(options: ResponseOptions) -> (SocketAddr, oneshot::Sender<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind a loopback port");
    let addr = listener.local_addr().expect("local address");
    let (stop, stopped) = oneshot::channel::<()>();
    let router = axum_routes(options);
    tokio::spawn(async move {
        axum::serve(listener, router)
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await
            .expect("serve");
    });
    (addr, stop)
}

mod actix_app {
    use actix_web::{HttpResponse, web};

    use super::{CreateOrder, PANIC_MESSAGE, PlatformError, Search};
    use crate::seed_000::InputValidationError;

    /// actix has no validating extractor here: the handler checks, as an actix handler would.
    async fn place(order: web::Json<CreateOrder>) -> Result<HttpResponse, PlatformError> {
        if order.pair.is_empty() || order.qty == 0 {
            return Err(InputValidationError::Validation.into());
        }
        Ok(HttpResponse::Created().body(format!("{} x{}", order.pair, order.qty)))
    }

    async fn order(id: web::Path<u32>) -> String {
        id.into_inner().to_string()
    }

    async fn search(_: web::Query<Search>) -> &'static str {
        "found"
    }

    async fn panicking() -> &'static str {
        panic!("{PANIC_MESSAGE}")
    }

    /// The routes, as resources so that a wrong method is a 405 (see `apierr::actix`).
    pub fn routes(config: &mut web::ServiceConfig) {
        config
            .app_data(web::JsonConfig::default().limit(256))
            .service(web::resource("/orders").post(place))
            .service(web::resource("/plain").post(place))
            .service(web::resource("/orders/{id}").get(order))
            .service(web::resource("/search").get(search))
            .service(web::resource("/panic").get(panicking));
    }
}

/// Starts an actix server on one worker; the handle stops it.
fn start_actix(options: ResponseOptions) -> (SocketAddr, ServerHandle) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let addr = listener.local_addr().expect("local address");
    let server = actix_web::HttpServer::new(move || {
        actix_web::App::new()
            .configure(actix_app::routes)
            .wrap(apierr::actix::ApiErrors::with_options(options.clone()))
    })
    .workers(1)
    .disable_signals()
    .shutdown_timeout(1)
    .listen(listener)
    .expect("listen")
    .run();
    let handle = server.handle();
    actix_web::rt::spawn(server);
    (addr, handle)
}

/// Runs `test` on an actix system, as actix-web's own servers expect.
fn on_actix<F: Future<Output = ()>>(test: F) {
    actix_web::rt::System::new().block_on(test);
}

/// One request and the exact answer the seed documents for it.
struct Case {
    method: &'static str,
    path: &'static str,
    content_type: Option<&'static str>,
    body: &'static str,
    status: u16,
    answer: &'static str,
    /// The `Allow` header, kept on the 404 a 405 became.
    allow: Option<&'static str>,
}

const INVALID_BODY: &str = r#"{"success":false,"error":{"code":"INVALID_BODY","message":"Request body cannot be parsed","status":400}}"#;
const INVALID_PARAM: &str = r#"{"success":false,"error":{"code":"INVALID_PARAM","message":"URL parameter is invalid","status":400}}"#;
const VALIDATION: &str = r#"{"success":false,"error":{"code":"VALIDATION","message":"Business rule validation failed","status":400}}"#;
const NOT_FOUND: &str = r#"{"success":false,"error":{"code":"NOT_FOUND","message":"Requested resource does not exist","status":404}}"#;
const INTERNAL: &str = r#"{"success":false,"error":{"code":"INTERNAL","message":"An unexpected server error occurred","status":500}}"#;

const JSON: Option<&str> = Some("application/json");

fn post_case(path: &'static str, body: &'static str, status: u16, answer: &'static str) -> Case {
    Case {
        method: "POST",
        path,
        content_type: JSON,
        body,
        status,
        answer,
        allow: None,
    }
}

fn get_case(path: &'static str, status: u16, answer: &'static str) -> Case {
    Case {
        method: "GET",
        path,
        content_type: None,
        body: "",
        status,
        answer,
        allow: None,
    }
}

/// A body over the 256-byte limit both servers set.
const HUGE: &str = concat!(
    r#"{"pair":""#,
    "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789",
    "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789",
    "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789",
    r#"","qty":1}"#
);

/// Every rejection kind, each answered as the seed documents, whichever framework and
/// extractor met it.
fn seed_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    // `/orders` reads with apierr's `Valid` under axum and `web::Json` under actix; `/plain`
    // with axum's own `Json`: a malformed body is `INVALID_BODY` through each.
    for path in ["/orders", "/plain"] {
        cases.push(post_case(
            path,
            r#"{"pair":"BTC/USD","qty":"#,
            400,
            INVALID_BODY,
        ));
        cases.push(post_case(path, r#"{"pair":"BTC/USD"}"#, 400, INVALID_BODY));
        cases.push(post_case(
            path,
            r#"{"pair":"BTC/USD","qty":"two"}"#,
            400,
            INVALID_BODY,
        ));
        cases.push(post_case(
            path,
            r#"{"pair":"BTC/USD","qty":1} x"#,
            400,
            INVALID_BODY,
        ));
        cases.push(post_case(path, HUGE, 400, INVALID_BODY));
        cases.push(Case {
            content_type: Some("text/plain"),
            ..post_case(path, r#"{"pair":"BTC/USD","qty":1}"#, 400, INVALID_BODY)
        });
    }
    cases.push(post_case(
        "/orders",
        r#"{"pair":"","qty":0}"#,
        400,
        VALIDATION,
    ));
    cases.push(get_case("/orders/abc", 400, INVALID_PARAM));
    cases.push(get_case("/search", 400, INVALID_PARAM));
    cases.push(get_case("/search?q", 200, "found"));
    cases.push(get_case("/nowhere", 404, NOT_FOUND));
    cases.push(Case {
        method: "DELETE",
        allow: Some("POST"),
        ..get_case("/orders", 404, NOT_FOUND)
    });
    cases.push(get_case("/panic", 500, INTERNAL));
    cases.push(post_case(
        "/orders",
        r#"{"pair":"BTC/USD","qty":2}"#,
        201,
        "BTC/USD x2",
    ));
    cases
}

async fn send(client: &HttpClient, case: &Case, id: &str) -> Reply {
    let mut headers = vec![("x-request-id", id)];
    if let Some(content_type) = case.content_type {
        headers.push(("content-type", content_type));
    }
    client
        .send(case.method, case.path, &headers, case.body.as_bytes())
        .await
}

/// Sends each case and checks status, exact body, and headers: an error is JSON with the
/// request's correlation id and nothing else, but the `Allow` of a 405.
async fn check_seed_cases(addr: SocketAddr, framework: &str) {
    let client = HttpClient::new(addr);
    for (n, case) in seed_cases().iter().enumerate() {
        let id = format!("{framework}-{n}");
        let reply = send(&client, case, &id).await;
        let what = format!("{framework}: {} {} {:?}", case.method, case.path, case.body);
        assert_eq!(reply.status, case.status, "{what}");
        assert_eq!(String::from_utf8_lossy(&reply.body), case.answer, "{what}");
        assert_eq!(reply.header("x-request-id"), Some(id.as_str()), "{what}");
        if case.status >= 400 {
            assert_eq!(
                reply.header("content-type"),
                Some("application/json"),
                "{what}"
            );
            assert_eq!(reply.header("allow"), case.allow, "{what}");
            let mut names = vec!["content-type", "x-request-id"];
            if case.allow.is_some() {
                names.insert(0, "allow");
            }
            assert_eq!(reply.header_names(), names, "{what}");
        }
        if case.status == 500 {
            // The panic message is the logged source of the seed's `INTERNAL`, never its body.
            let events = logged(|e| e.field("correlation_id") == Some(id.as_str()));
            assert_eq!(events.len(), 1, "{what}: {events:?}");
            assert_eq!(events[0].field("code"), Some("INTERNAL"), "{what}");
            let error = events[0].field("error").unwrap_or_default();
            assert!(error.contains(PANIC_MESSAGE), "{what}: {error}");
        }
    }
}

fn seed_options() -> ResponseOptions {
    ResponseOptions::new().with_rejections::<PlatformError>()
}

#[tokio::test]
async fn axum_answers_every_rejection_with_seed_000_codes() {
    capture_logs();
    let (addr, stop) = start_axum(seed_options()).await;
    check_seed_cases(addr, "axum").await;
    let _ = stop.send(());
}

#[test]
fn actix_answers_every_rejection_with_seed_000_codes() {
    capture_logs();
    on_actix(async {
        let (addr, handle) = start_actix(seed_options());
        check_seed_cases(addr, "actix").await;
        handle.stop(true).await;
    });
}

const SERDE_TEXT: &str = r#"invalid type: string "two", expected u64"#;
const WRONG_TYPE: &str = r#"{"pair":"BTC/USD","qty":"two"}"#;

/// The message an axum `Json` or actix `web::Json` wrong-type body gets under `detail`.
async fn plain_wrong_type(addr: SocketAddr) -> String {
    let reply = send(
        &HttpClient::new(addr),
        &post_case("/plain", WRONG_TYPE, 0, ""),
        "plain",
    )
    .await;
    assert_eq!(reply.status, 422);
    reply.json()["error"]["message"]
        .as_str()
        .expect("a message")
        .to_owned()
}

#[tokio::test]
async fn axum_generic_detail_keeps_serde_text_out() {
    let generic = ResponseOptions::new().with_rejection_detail(RejectionDetail::Generic);
    let (addr, stop) = start_axum(generic).await;
    let client = HttpClient::new(addr);
    let reply = send(
        &client,
        &post_case("/default/orders", WRONG_TYPE, 0, ""),
        "g-1",
    )
    .await;
    assert_eq!(reply.status, 422);
    let body = String::from_utf8_lossy(&reply.body);
    assert_eq!(
        body,
        r#"{"success":false,"error":{"code":"VALIDATION_ERROR","message":"Input data validation failed","status":422,"fields":{"qty":["a value is missing or of the wrong type"]}}}"#
    );
    assert!(!body.contains("two") && !body.contains("u64"), "{body}");
    assert_eq!(
        plain_wrong_type(addr).await,
        "The request body is invalid: a value is missing or of the wrong type"
    );
    let reply = send(&client, &get_case("/search", 0, ""), "g-2").await;
    assert_eq!(
        reply.json()["error"]["message"],
        "Invalid query string: a query parameter is missing or not valid"
    );
    let _ = stop.send(());

    // Without the switch, serde's text is what the client reads: the switch is what hides it.
    let (addr, stop) = start_axum(ResponseOptions::new()).await;
    let reply = send(
        &HttpClient::new(addr),
        &post_case("/default/orders", WRONG_TYPE, 0, ""),
        "v-1",
    )
    .await;
    assert_eq!(reply.json()["error"]["fields"]["qty"][0], SERDE_TEXT);
    assert!(plain_wrong_type(addr).await.contains(SERDE_TEXT));
    let _ = stop.send(());
}

#[test]
fn actix_generic_detail_keeps_serde_text_out() {
    on_actix(async {
        let generic = ResponseOptions::new().with_rejection_detail(RejectionDetail::Generic);
        let (addr, handle) = start_actix(generic);
        assert_eq!(
            plain_wrong_type(addr).await,
            "The request body is invalid: a value is missing or of the wrong type"
        );
        handle.stop(true).await;

        let (addr, handle) = start_actix(ResponseOptions::new());
        assert!(plain_wrong_type(addr).await.contains(SERDE_TEXT));
        handle.stop(true).await;
    });
}

/// Without a registration, rejections stay `HttpError`s, as before.
#[tokio::test]
async fn without_a_registration_rejections_stay_http_errors() {
    let (addr, stop) = start_axum(ResponseOptions::new()).await;
    let client = HttpClient::new(addr);
    let reply = send(&client, &post_case("/orders", r#"{"pair":"#, 0, ""), "d-1").await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.json()["error"]["code"], "MALFORMED_JSON");
    let reply = send(&client, &get_case("/nowhere", 0, ""), "d-2").await;
    assert_eq!(reply.status, 404);
    assert_eq!(
        String::from_utf8_lossy(&reply.body),
        r#"{"success":false,"error":{"code":"NOT_FOUND","message":"The requested resource does not exist","status":404}}"#
    );
    let _ = stop.send(());
}

/// The issue this answers: next to seed 000's codes, `HttpError`'s are refused by the
/// catalogue (`INVALID_BODY` 422 against the seed's 400). What rejections become is now the
/// application's own error, whose codes the catalogue already has.
#[test]
fn the_catalogue_lists_the_registered_rejection_codes() {
    let build = |options: &ResponseOptions| {
        let mut specs = Vec::new();
        options.visit_rejection_specs(&mut |spec| specs.push(spec));
        specs
            .into_iter()
            .fold(
                Catalog::builder().with::<PlatformError>(),
                |builder, spec| builder.with_spec(spec),
            )
            .build()
    };
    let catalog = build(&seed_options()).expect("the seed's own codes agree with themselves");
    assert_eq!(catalog.len(), 24);
    // `NOT_FOUND` (404) and `INTERNAL` (500) have the seed's statuses, and a code may be listed
    // in two categories with its own text in each; only `INVALID_BODY`'s status differs.
    let conflicts = build(&ResponseOptions::new()).expect_err("HttpError's codes differ");
    let codes: Vec<&str> = conflicts.conflicts().iter().map(Conflict::code).collect();
    assert_eq!(codes, ["INVALID_BODY"]);
}
