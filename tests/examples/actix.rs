//! An actix-web server with the same errors as the axum example server: derived `ResponseError`,
//! the `ApiErrors` middleware, and the curl commands to try.
//!
//! ```sh
//! cargo run -p apierr-tests --example actix                    # Nested format, port 3001
//! cargo run -p apierr-tests --example actix -- problem-details # or any other built-in format
//! PORT=0 cargo run -p apierr-tests --example actix             # any free port
//! ```
//!
//! It listens on 127.0.0.1 only. It installs no `tracing` subscriber, so the 5xx log lines are
//! not shown here; `cargo run -p apierr-tests --example server` prints them.

use std::time::Duration;

use actix_web::{App, HttpResponse, HttpServer, web};
use apierr::actix::ApiErrors;
use apierr::format::{
    FieldLists, FieldStrings, FlatDetails, Nested, ProblemDetails, StatusEnvelope,
};
use apierr::response::ResponseOptions;
use apierr::{ApiError, FieldErrors};
use serde::Deserialize;
use serde_json::json;

/// The errors of a small order API; `thiserror` gives the `Display` actix requires.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Orders")]
enum OrderError {
    /// The order does not exist.
    #[error("order {0} not found")]
    #[api(code = "ORDER_NOT_FOUND", status = 404)]
    NotFound(u32),
    /// The order failed validation.
    #[error("invalid order")]
    #[api(
        code = "VALIDATION_FAILED",
        status = 422,
        message = "Validation failed"
    )]
    Invalid(#[api(fields)] FieldErrors),
    /// No credentials: the default challenge (`Bearer`) is sent.
    #[error("login required")]
    #[api(code = "LOGIN_REQUIRED", status = 401, message = "Login required")]
    LoginRequired,
    /// `Retry-After` from a field, and a fixed header.
    #[error("rate limited")]
    #[api(
        code = "RATE_LIMITED",
        status = 429,
        message = "Too many requests",
        header("cache-control", "no-store")
    )]
    RateLimited {
        #[api(retry_after)]
        wait: Duration,
    },
    /// A 5xx: the client sees a generic message, the log the whole source chain.
    #[error("database unavailable")]
    #[api(code = "DB_UNAVAILABLE", status = 503)]
    Db(#[source] std::io::Error),
}

#[derive(Deserialize)]
struct NewOrder {
    item: String,
    quantity: u32,
}

#[derive(Deserialize)]
struct Search {
    q: String,
}

async fn get_order(id: web::Path<u32>) -> Result<HttpResponse, OrderError> {
    match id.into_inner() {
        1 => Ok(HttpResponse::Ok().json(json!({"id": 1, "item": "book", "quantity": 2}))),
        id => Err(OrderError::NotFound(id)),
    }
}

async fn create_order(order: web::Json<NewOrder>) -> Result<HttpResponse, OrderError> {
    if order.quantity == 0 {
        return Err(OrderError::Invalid(
            FieldErrors::new().with("quantity", "must be at least 1"),
        ));
    }
    Ok(HttpResponse::Created()
        .json(json!({"id": 2, "item": order.item, "quantity": order.quantity})))
}

async fn search(search: web::Query<Search>) -> HttpResponse {
    HttpResponse::Ok().json(json!({"q": search.q, "results": []}))
}

async fn me() -> Result<HttpResponse, OrderError> {
    Err(OrderError::LoginRequired)
}

async fn limited() -> Result<HttpResponse, OrderError> {
    Err(OrderError::RateLimited {
        wait: Duration::from_secs(30),
    })
}

async fn db() -> Result<HttpResponse, OrderError> {
    Err(OrderError::Db(std::io::Error::other(
        "connection refused: password=hunter2",
    )))
}

async fn panicking() -> HttpResponse {
    panic!("the handler panicked; the client sees a redacted 500")
}

fn options(format: &str) -> Option<ResponseOptions> {
    let options = ResponseOptions::new();
    Some(match format {
        "nested" => options.with_format(Nested),
        "field-lists" => options.with_format(FieldLists),
        "field-strings" => options.with_format(FieldStrings),
        "flat-details" => options.with_format(FlatDetails),
        "status-envelope" => options.with_format(StatusEnvelope),
        "problem-details" => options.with_format(ProblemDetails::new()),
        _ => return None,
    })
}

fn main() -> std::io::Result<()> {
    let format = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "nested".to_owned());
    let Some(options) = options(&format) else {
        eprintln!(
            "unknown format {format:?}: use nested, field-lists, field-strings, flat-details, \
             status-envelope or problem-details"
        );
        std::process::exit(2);
    };
    let port = std::env::var("PORT").unwrap_or_else(|_| "3001".to_owned());
    let listener = std::net::TcpListener::bind(format!("127.0.0.1:{port}"))?;
    let url = format!("http://{}", listener.local_addr()?);

    println!("apierr actix-web example, format {format}, listening on {url}\n");
    println!("Try (add -i to see the status and headers):");
    for (what, command) in [
        ("an application error", format!("curl -i {url}/orders/7")),
        (
            "field errors",
            format!(
                "curl -i -X POST {url}/orders -H 'content-type: application/json' -d '{{\"item\":\"book\",\"quantity\":0}}'"
            ),
        ),
        (
            "malformed JSON",
            format!(
                "curl -i -X POST {url}/orders -H 'content-type: application/json' -d '{{\"item\":'"
            ),
        ),
        (
            "no content type",
            format!("curl -i -X POST {url}/orders -d '{{}}'"),
        ),
        ("a bad path parameter", format!("curl -i {url}/orders/abc")),
        ("a bad query string", format!("curl -i {url}/search")),
        ("an unknown route", format!("curl -i {url}/nowhere")),
        ("a wrong method", format!("curl -i -X DELETE {url}/me")),
        ("WWW-Authenticate", format!("curl -i {url}/me")),
        ("Retry-After", format!("curl -i {url}/limited")),
        ("a 5xx (redacted)", format!("curl -i {url}/db")),
        ("a panicking handler", format!("curl -i {url}/panic")),
        (
            "a hostile correlation id (replaced)",
            format!("curl -i -H 'x-request-id: <script>' {url}/orders/7"),
        ),
    ] {
        println!("  # {what}\n  {command}\n");
    }

    actix_web::rt::System::new().block_on(async move {
        HttpServer::new(move || {
            App::new()
                .app_data(web::JsonConfig::default().limit(1024))
                // Resources, so that a wrong method is a 405 rather than a 404.
                .service(web::resource("/orders/{id}").get(get_order))
                .service(web::resource("/orders").post(create_order))
                .service(web::resource("/search").get(search))
                .service(web::resource("/me").get(me))
                .service(web::resource("/limited").get(limited))
                .service(web::resource("/db").get(db))
                .service(web::resource("/panic").get(panicking))
                .wrap(ApiErrors::with_options(options.clone()))
        })
        .workers(2)
        .listen(listener)?
        .run()
        .await
    })
}
