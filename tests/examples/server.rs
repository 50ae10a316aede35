//! An axum server that shows every HTTP feature of apierr, and prints the curl commands to try.
//!
//! ```sh
//! cargo run -p apierr-tests --example server                    # Nested format, port 3000
//! cargo run -p apierr-tests --example server -- problem-details # or: nested, field-lists,
//!                                                               #     field-strings, flat-details,
//!                                                               #     status-envelope
//! PORT=8080 cargo run -p apierr-tests --example server          # another port (0: any free one)
//! ```
//!
//! It listens on 127.0.0.1 only. Server errors are logged on standard error.

use std::time::Duration;

use apierr::axum::ApiErrorLayer;
use apierr::format::{
    FieldLists, FieldStrings, FlatDetails, Nested, ProblemDetails, StatusEnvelope,
};
use apierr::response::ResponseOptions;
use apierr::{ApiError, FieldErrors};
use axum::extract::{DefaultBodyLimit, Path, Query};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

/// The errors of a small order API.
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
    /// A challenge of its own.
    #[error("token expired")]
    #[api(
        code = "TOKEN_EXPIRED",
        status = 401,
        message = "Token expired",
        www_authenticate = "Bearer error=\"invalid_token\""
    )]
    TokenExpired,
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
    /// A header from a field, checked at run time.
    #[error("quota exceeded")]
    #[api(code = "QUOTA_EXCEEDED", status = 403, message = "Quota exceeded")]
    Quota {
        #[api(header = "x-quota-remaining")]
        remaining: String,
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

#[derive(Deserialize)]
struct QuotaQuery {
    remaining: String,
}

async fn get_order(Path(id): Path<u32>) -> Result<Json<Value>, OrderError> {
    match id {
        1 => Ok(Json(json!({"id": 1, "item": "book", "quantity": 2}))),
        id => Err(OrderError::NotFound(id)),
    }
}

async fn create_order(
    Json(order): Json<NewOrder>,
) -> Result<(StatusCode, Json<Value>), OrderError> {
    if order.quantity == 0 {
        return Err(OrderError::Invalid(
            FieldErrors::new().with("quantity", "must be at least 1"),
        ));
    }
    Ok((
        StatusCode::CREATED,
        Json(json!({"id": 2, "item": order.item, "quantity": order.quantity})),
    ))
}

async fn search(Query(search): Query<Search>) -> Json<Value> {
    Json(json!({"q": search.q, "results": []}))
}

async fn me() -> Result<&'static str, OrderError> {
    Err(OrderError::LoginRequired)
}

async fn token() -> Result<&'static str, OrderError> {
    Err(OrderError::TokenExpired)
}

async fn limited() -> Result<&'static str, OrderError> {
    Err(OrderError::RateLimited {
        wait: Duration::from_secs(30),
    })
}

async fn quota(Query(query): Query<QuotaQuery>) -> Result<&'static str, OrderError> {
    Err(OrderError::Quota {
        remaining: query.remaining,
    })
}

async fn db() -> Result<&'static str, OrderError> {
    Err(OrderError::Db(std::io::Error::other(
        "connection refused: password=hunter2",
    )))
}

async fn panicking() -> &'static str {
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

/// Logs what apierr reports (target `apierr`) as one line each on standard error; a real
/// service would use `tracing-subscriber` instead.
struct StderrLog;

impl tracing::Subscriber for StderrLog {
    fn enabled(&self, metadata: &tracing::Metadata<'_>) -> bool {
        metadata.target() == "apierr"
    }
    fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        tracing::span::Id::from_u64(1)
    }
    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        struct Line(String);
        impl tracing::field::Visit for Line {
            fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
                self.0.push_str(&format!(" {}={value:?}", field.name()));
            }
        }
        let mut line = Line(format!(
            "{} {}:",
            event.metadata().level(),
            event.metadata().target()
        ));
        event.record(&mut line);
        eprintln!("{}", line.0);
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

#[tokio::main]
async fn main() {
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
    let _ = tracing::subscriber::set_global_default(StderrLog);

    let app = Router::new()
        .route("/orders/{id}", get(get_order))
        .route(
            "/orders",
            post(create_order).layer(DefaultBodyLimit::max(1024)),
        )
        .route("/search", get(search))
        .route("/me", get(me))
        .route("/token", get(token))
        .route("/limited", get(limited))
        .route("/quota", get(quota))
        .route("/db", get(db))
        .route("/panic", get(panicking))
        .layer(ApiErrorLayer::with_options(options));

    let port = std::env::var("PORT").unwrap_or_else(|_| "3000".to_owned());
    let listener = match tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("cannot listen on 127.0.0.1:{port}: {error} (try PORT=0)");
            std::process::exit(1);
        }
    };
    let url = match listener.local_addr() {
        Ok(addr) => format!("http://{addr}"),
        Err(error) => {
            eprintln!("no local address: {error}");
            std::process::exit(1);
        }
    };
    println!("apierr axum example, format {format}, listening on {url}\n");
    println!("Try (add -i to see the status and headers):");
    for (what, command) in [
        ("an application error", format!("curl -i {url}/orders/7")),
        ("a success", format!("curl -i {url}/orders/1")),
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
            "a body of the wrong shape",
            format!(
                "curl -i -X POST {url}/orders -H 'content-type: application/json' -d '{{\"item\":\"book\",\"quantity\":\"many\"}}'"
            ),
        ),
        (
            "no content type",
            format!("curl -i -X POST {url}/orders -d '{{}}'"),
        ),
        (
            "a body too large",
            format!(
                "head -c 2000 /dev/zero | curl -i -X POST {url}/orders -H 'content-type: application/json' --data-binary @-"
            ),
        ),
        ("a bad path parameter", format!("curl -i {url}/orders/abc")),
        ("a bad query string", format!("curl -i {url}/search")),
        ("an unknown route", format!("curl -i {url}/nowhere")),
        ("a wrong method", format!("curl -i -X DELETE {url}/me")),
        ("WWW-Authenticate (default)", format!("curl -i {url}/me")),
        (
            "WWW-Authenticate (declared)",
            format!("curl -i {url}/token"),
        ),
        ("Retry-After", format!("curl -i {url}/limited")),
        (
            "a header from a field",
            format!("curl -i '{url}/quota?remaining=5'"),
        ),
        (
            "a hostile header value (dropped)",
            format!("curl -i '{url}/quota?remaining=5%0D%0ASet-Cookie:%20a=1'"),
        ),
        ("a 5xx (redacted; logged here)", format!("curl -i {url}/db")),
        ("a panicking handler", format!("curl -i {url}/panic")),
        (
            "your own correlation id",
            format!("curl -i -H 'x-request-id: my-id-123' {url}/orders/7"),
        ),
        (
            "a hostile correlation id (replaced)",
            format!("curl -i -H 'x-request-id: <script>' {url}/orders/7"),
        ),
    ] {
        println!("  # {what}\n  {command}\n");
    }
    println!(
        "Other formats: cargo run -p apierr-tests --example server -- problem-details (or status-envelope, ...)"
    );

    if let Err(error) = axum::serve(listener, app).await {
        eprintln!("server error: {error}");
        std::process::exit(1);
    }
}
