//! What the end-to-end HTTP tests share: a real client, a raw TCP client for what real clients
//! refuse to send, the expected body of each case in each built-in format, and a `tracing`
//! subscriber that records what apierr logs.

#![allow(dead_code)] // Each test binary uses its own part of this module.

use std::collections::BTreeMap;
use std::fmt;
use std::net::SocketAddr;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use apierr::format::{
    FieldLists, FieldStrings, FlatDetails, Nested, ProblemDetails, StatusEnvelope,
};
use apierr::response::ResponseOptions;
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The longest any single exchange may take; no test waits forever on a server.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// The six built-in formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fmt {
    Nested,
    FieldLists,
    FieldStrings,
    FlatDetails,
    StatusEnvelope,
    ProblemDetails,
}

pub const FORMATS: [Fmt; 6] = [
    Fmt::Nested,
    Fmt::FieldLists,
    Fmt::FieldStrings,
    Fmt::FlatDetails,
    Fmt::StatusEnvelope,
    Fmt::ProblemDetails,
];

impl Fmt {
    /// Response options that render everything in this format.
    pub fn options(self) -> ResponseOptions {
        let options = ResponseOptions::new();
        match self {
            Fmt::Nested => options.with_format(Nested),
            Fmt::FieldLists => options.with_format(FieldLists),
            Fmt::FieldStrings => options.with_format(FieldStrings),
            Fmt::FlatDetails => options.with_format(FlatDetails),
            Fmt::StatusEnvelope => options.with_format(StatusEnvelope),
            Fmt::ProblemDetails => options.with_format(ProblemDetails::new()),
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Fmt::ProblemDetails => "application/problem+json",
            _ => "application/json",
        }
    }
}

/// What one error response must say, independent of the format.
#[derive(Debug, Clone)]
pub struct Expect {
    pub code: &'static str,
    pub status: u16,
    /// The public message.
    pub message: String,
    pub category: Option<&'static str>,
    /// A 5xx without `expose`: the message is the generic one.
    pub redacted: bool,
    /// One field error: dotted path and message.
    pub field: Option<(&'static str, &'static str)>,
}

impl Expect {
    pub fn new(code: &'static str, status: u16, message: impl Into<String>) -> Self {
        Expect {
            code,
            status,
            message: message.into(),
            category: None,
            redacted: false,
            field: None,
        }
    }

    pub fn category(mut self, category: &'static str) -> Self {
        self.category = Some(category);
        self
    }

    pub fn redacted(mut self) -> Self {
        self.redacted = true;
        self
    }

    pub fn field(mut self, path: &'static str, message: &'static str) -> Self {
        self.field = Some((path, message));
        self
    }

    fn reason(&self) -> &'static str {
        http::StatusCode::from_u16(self.status)
            .ok()
            .and_then(|s| s.canonical_reason())
            .unwrap_or("Error")
    }
}

/// The request a body describes, as the context holds it.
#[derive(Debug, Clone)]
pub struct Seen<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub id: &'a str,
}

/// Stands for the timestamp, which [`normalize`] puts in place of the real one.
pub const SOME_TIME: &str = "<timestamp>";

/// The exact body of `e` in `format` for the request `seen`, written out per format.
pub fn expected(format: Fmt, e: &Expect, seen: &Seen<'_>) -> Value {
    let mut body = match format {
        Fmt::Nested => {
            let mut error = json!({"code": e.code, "message": e.message, "status": e.status});
            if let Some((path, msg)) = e.field {
                error["fields"] = json!({ path: [msg] });
            }
            json!({"success": false, "error": error})
        }
        Fmt::FieldLists => {
            let mut body = json!({"code": e.code, "message": e.message});
            if let Some((path, msg)) = e.field {
                body["errors"] = json!({ path: [msg] });
            }
            body["correlationId"] = json!(seen.id);
            body
        }
        Fmt::FieldStrings => {
            let mut body = json!({"code": e.code, "message": e.message});
            if let Some((path, msg)) = e.field {
                body["fields"] = json!({ path: msg });
            }
            body
        }
        Fmt::FlatDetails => {
            let mut body = json!({"success": false, "error": e.message, "code": e.code});
            if let Some((path, msg)) = e.field {
                body["details"] = json!({ path: msg });
            }
            body
        }
        Fmt::StatusEnvelope => {
            let mut body = json!({"success": false});
            if !e.redacted {
                body["message"] = json!(e.message);
            }
            body["error"] = json!(e.category.unwrap_or(e.reason()));
            body["statusCode"] = json!(e.status);
            body["timestamp"] = json!(SOME_TIME);
            body["path"] = json!(seen.path);
            body["method"] = json!(seen.method);
            if let Some((path, msg)) = e.field {
                body["data"] = json!([{"type": "field", "path": path, "msg": msg}]);
            }
            body
        }
        Fmt::ProblemDetails => {
            let mut body = json!({"type": "about:blank", "title": e.reason(), "status": e.status});
            if e.message != e.reason() {
                body["detail"] = json!(e.message);
            }
            body["instance"] = json!(seen.path);
            body["code"] = json!(e.code);
            if let Some((path, msg)) = e.field {
                body["errors"] = json!([{"detail": msg, "pointer": format!("#/{path}")}]);
            }
            body
        }
    };
    // `json!` keeps insertion order only as a map; equality ignores it anyway.
    if let Value::Object(map) = &mut body {
        map.sort_keys();
    }
    body
}

/// `body` with a StatusEnvelope timestamp checked to be RFC 3339 UTC with milliseconds, and
/// replaced by [`SOME_TIME`] so the rest can be compared exactly.
#[track_caller]
pub fn normalize(mut body: Value) -> Value {
    if let Some(at) = body.get("timestamp").and_then(Value::as_str) {
        let bytes = at.as_bytes();
        let shape = "dddd-dd-ddTdd:dd:dd.dddZ";
        assert!(
            at.len() == shape.len()
                && shape.bytes().zip(bytes).all(|(want, got)| match want {
                    b'd' => got.is_ascii_digit(),
                    other => other == *got,
                }),
            "timestamp {at:?} is not RFC 3339 with milliseconds"
        );
        body["timestamp"] = json!(SOME_TIME);
    }
    if let Value::Object(map) = &mut body {
        map.sort_keys();
    }
    body
}

/// Whether `id` is a freshly generated correlation id: a lowercase hyphenated v4 UUID.
pub fn is_fresh_id(id: &str) -> bool {
    let groups: Vec<&str> = id.split('-').collect();
    groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && id
            .bytes()
            .all(|b| b == b'-' || b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        && groups[2].starts_with('4')
}

/// One response, as the tests look at it.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: http::HeaderMap,
    pub body: Bytes,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The header names, less those the transport adds whatever the handler does (actix says
    /// `connection: close` when it left a request body unread).
    pub fn header_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .headers
            .keys()
            .map(|name| name.as_str().to_owned())
            .filter(|name| !matches!(name.as_str(), "date" | "content-length" | "connection"))
            .collect();
        names.sort();
        names.dedup();
        names
    }

    #[track_caller]
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|error| {
            panic!(
                "body is not JSON ({error}): {:?}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }
}

/// A real HTTP/1.1 client (hyper's).
#[derive(Clone)]
pub struct HttpClient {
    client: Client<HttpConnector, Full<Bytes>>,
    addr: SocketAddr,
}

impl HttpClient {
    pub fn new(addr: SocketAddr) -> Self {
        HttpClient {
            client: Client::builder(TokioExecutor::new()).build_http(),
            addr,
        }
    }

    /// Sends one request and reads the whole response, within [`TIMEOUT`].
    pub async fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Reply {
        let mut request = http::Request::builder()
            .method(method)
            .uri(format!("http://{}{path}", self.addr));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let request = request
            .body(Full::new(Bytes::copy_from_slice(body)))
            .expect("a valid request");
        let exchange = async {
            let response = self.client.request(request).await.expect("a response");
            let (parts, body) = response.into_parts();
            let body = body.collect().await.expect("a whole body").to_bytes();
            Reply {
                status: parts.status.as_u16(),
                headers: parts.headers,
                body,
            }
        };
        tokio::time::timeout(TIMEOUT, exchange)
            .await
            .unwrap_or_else(|_| panic!("{method} {path} timed out"))
    }
}

/// Sends `request` as raw bytes (it should say `Connection: close`) and parses the response:
/// for what no real client will send, such as CR or non-ASCII bytes in a header.
pub async fn raw_exchange(addr: SocketAddr, request: &[u8]) -> Reply {
    let exchange = async {
        let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
        stream.write_all(request).await.expect("write");
        let mut bytes = Vec::new();
        // Bounded: the timeout below ends a server that never closes.
        stream.read_to_end(&mut bytes).await.expect("read");
        bytes
    };
    let bytes = tokio::time::timeout(TIMEOUT, exchange)
        .await
        .expect("raw exchange timed out");
    parse_response(&bytes)
}

fn parse_response(bytes: &[u8]) -> Reply {
    let split = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(bytes)));
    let head = std::str::from_utf8(&bytes[..split]).expect("an ASCII head");
    let mut lines = head.split("\r\n");
    let status_line = lines.next().expect("a status line");
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
    let mut headers = http::HeaderMap::new();
    for line in lines {
        let (name, value) = line.split_once(':').expect("a header line");
        headers.append(
            http::HeaderName::from_bytes(name.trim().as_bytes()).expect("a header name"),
            http::HeaderValue::from_str(value.trim()).expect("a header value"),
        );
    }
    let mut body = bytes[split + 4..].to_vec();
    if headers
        .get("transfer-encoding")
        .is_some_and(|v| v == "chunked")
    {
        body = dechunk(&body);
    }
    Reply {
        status,
        headers,
        body: Bytes::from(body),
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let line_end = data
            .windows(2)
            .position(|w| w == b"\r\n")
            .expect("chunk size");
        let size = std::str::from_utf8(&data[..line_end])
            .ok()
            .and_then(|s| usize::from_str_radix(s.trim(), 16).ok())
            .expect("hex chunk size");
        data = &data[line_end + 2..];
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&data[..size]);
        data = &data[size + 2..];
    }
}

/// One `tracing` event apierr emitted: its level, message and fields as text.
#[derive(Debug, Clone)]
pub struct Logged {
    pub level: tracing::Level,
    pub fields: BTreeMap<String, String>,
}

impl Logged {
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields.get(name).map(String::as_str)
    }
}

static LOGGED: Mutex<Vec<Logged>> = Mutex::new(Vec::new());

/// Installs, once per test binary, a subscriber that records every event of target `apierr`.
pub fn capture_logs() {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        tracing::subscriber::set_global_default(Capture).expect("no other global subscriber");
    });
}

/// The recorded events that satisfy `filter`.
pub fn logged(filter: impl Fn(&Logged) -> bool) -> Vec<Logged> {
    LOGGED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .iter()
        .filter(|event| filter(event))
        .cloned()
        .collect()
}

struct Capture;

struct Fields(BTreeMap<String, String>);

impl tracing::field::Visit for Fields {
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }

    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }
}

impl tracing::Subscriber for Capture {
    fn enabled(&self, metadata: &tracing::Metadata<'_>) -> bool {
        metadata.target() == "apierr"
    }

    fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        tracing::span::Id::from_u64(1)
    }

    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}

    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}

    fn event(&self, event: &tracing::Event<'_>) {
        let mut fields = Fields(BTreeMap::new());
        event.record(&mut fields);
        LOGGED
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push(Logged {
                level: *event.metadata().level(),
                fields: fields.0,
            });
    }

    fn enter(&self, _: &tracing::span::Id) {}

    fn exit(&self, _: &tracing::span::Id) {}
}

/// The JSON body of a framework-free response.
pub fn response_json(response: &http::Response<Vec<u8>>) -> serde_json::Value {
    serde_json::from_slice(response.body()).expect("a JSON body")
}

/// A header of a framework-free response, as text.
pub fn response_header<'a>(response: &'a http::Response<Vec<u8>>, name: &str) -> Option<&'a str> {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().expect("visible ASCII"))
}

/// The error type both test servers return from their handlers.
pub mod app {
    use std::time::Duration;

    use apierr::format::{Format, Layout, Slot, Value};
    use apierr::{ApiError, FieldErrors};

    #[derive(Debug, thiserror::Error, ApiError)]
    pub enum AppError {
        #[error("order {0} not found")]
        #[api(code = "ORDER_NOT_FOUND", status = 404, category = "Orders")]
        OrderNotFound(u32),
        #[error("invalid order")]
        #[api(
            code = "VALIDATION_FAILED",
            status = 422,
            message = "Validation failed"
        )]
        Invalid(#[api(fields)] FieldErrors),
        /// No challenge declared: the default one (`Bearer`) is sent.
        #[error("login required")]
        #[api(code = "LOGIN_REQUIRED", status = 401, message = "Login required")]
        LoginRequired,
        #[error("token expired")]
        #[api(
            code = "TOKEN_EXPIRED",
            status = 401,
            message = "Token expired",
            www_authenticate = "Bearer error=\"invalid_token\""
        )]
        TokenExpired,
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
        #[error("database unavailable")]
        #[api(code = "DB_UNAVAILABLE", status = 503)]
        Db(#[source] std::io::Error),
        #[error("quota exceeded")]
        #[api(code = "QUOTA_EXCEEDED", status = 403, message = "Quota exceeded")]
        Quota {
            #[api(header = "x-quota-remaining")]
            remaining: String,
        },
    }

    /// What `/orders/{id}` answers for an order that does not exist.
    pub fn missing_order(id: u32) -> AppError {
        AppError::OrderNotFound(id)
    }

    /// What `POST /orders` answers for a zero quantity.
    pub fn zero_quantity() -> AppError {
        AppError::Invalid(FieldErrors::new().with("quantity", "must be at least 1"))
    }

    /// A wait of just over 29 s: `Retry-After` rounds it up to 30.
    pub fn rate_limited() -> AppError {
        AppError::RateLimited {
            wait: Duration::from_millis(29_001),
        }
    }

    /// A 503 whose source holds a secret that must reach the log and never the client.
    pub fn db_down() -> AppError {
        AppError::Db(std::io::Error::other(
            "connection refused: password=hunter2",
        ))
    }

    /// The panic message of `/panic`, which must reach the log and never the client.
    pub const PANIC_MESSAGE: &str = "secret panic detail";

    /// A custom format whose media type is not a valid header value.
    pub struct BadMedia;

    const BAD_MEDIA_LAYOUT: Layout<'static> = Layout::new(&[Slot::new("code", Value::Code)]);

    impl Format for BadMedia {
        fn content_type(&self) -> &'static str {
            "application/json\r\nset-cookie: admin=1"
        }

        fn layout(&self) -> &Layout<'_> {
            &BAD_MEDIA_LAYOUT
        }
    }

    /// An error in [`BadMedia`]: its response must leave the `Content-Type` out, not panic.
    #[derive(Debug, thiserror::Error, ApiError)]
    #[api(format = BadMedia)]
    pub enum BadMediaError {
        #[error("gone")]
        #[api(code = "GONE", status = 410, message = "Gone")]
        Gone,
    }
}

/// One request and the error response it must get, in every format.
#[derive(Debug, Clone)]
pub struct Case {
    pub name: &'static str,
    pub method: &'static str,
    /// Path and query.
    pub target: &'static str,
    pub headers: Vec<(&'static str, &'static str)>,
    pub body: Vec<u8>,
    pub expect: Expect,
    /// Headers besides `content-type` and the correlation id, with their exact values; any
    /// other header (but the transport's) fails the case.
    pub extra: Vec<(&'static str, &'static str)>,
}

impl Case {
    pub fn get(name: &'static str, target: &'static str, expect: Expect) -> Self {
        Case {
            name,
            method: "GET",
            target,
            headers: Vec::new(),
            body: Vec::new(),
            expect,
            extra: Vec::new(),
        }
    }

    pub fn request(
        name: &'static str,
        method: &'static str,
        target: &'static str,
        expect: Expect,
    ) -> Self {
        Case {
            method,
            ..Case::get(name, target, expect)
        }
    }

    pub fn json(mut self, body: &str) -> Self {
        self.headers.push(("content-type", "application/json"));
        self.body = body.as_bytes().to_vec();
        self
    }

    pub fn body(mut self, body: &[u8]) -> Self {
        self.body = body.to_vec();
        self
    }

    pub fn with(mut self, name: &'static str, value: &'static str) -> Self {
        self.extra.push((name, value));
        self
    }
}

/// Sends `case` with a known correlation id and asserts the exact status, headers and body it
/// must get in `format`.
pub async fn check(client: &HttpClient, format: Fmt, case: &Case) {
    let id = format!("{format:?}-{}", case.name);
    let mut headers: Vec<(&str, &str)> = case.headers.clone();
    headers.push(("x-request-id", &id));
    let reply = client
        .send(case.method, case.target, &headers, &case.body)
        .await;
    let what = format!("{format:?} {} {} {}", case.name, case.method, case.target);
    let text = String::from_utf8_lossy(&reply.body);
    assert_eq!(reply.status, case.expect.status, "{what}: status ({text})");
    assert_eq!(
        reply.header("content-type"),
        Some(format.content_type()),
        "{what}: content-type"
    );
    assert_eq!(
        reply.header("x-request-id"),
        Some(id.as_str()),
        "{what}: id"
    );
    for (name, value) in &case.extra {
        assert_eq!(reply.header(name), Some(*value), "{what}: header {name}");
    }
    let mut names: Vec<String> = ["content-type", "x-request-id"]
        .into_iter()
        .chain(case.extra.iter().map(|(name, _)| *name))
        .map(str::to_owned)
        .collect();
    names.sort();
    assert_eq!(reply.header_names(), names, "{what}: header set");
    let path = case.target.split('?').next().unwrap_or(case.target);
    let seen = Seen {
        method: case.method,
        path,
        id: &id,
    };
    assert_eq!(
        normalize(reply.json()),
        expected(format, &case.expect, &seen),
        "{what}: body"
    );
}

/// What differs between frameworks: their own wording of a detail, and `Allow` on a 405.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    pub bad_path: &'static str,
    pub malformed_json: &'static str,
    pub wrong_type: &'static str,
    pub allow: Option<&'static str>,
}

/// Every kind of error a server can answer, served alike by the axum and actix test apps.
pub fn cases(words: &Words) -> Vec<Case> {
    let mut wrong_method = Case::request(
        "wrong_method",
        "DELETE",
        "/me",
        Expect::new(
            "METHOD_NOT_ALLOWED",
            405,
            "This method is not allowed on this resource",
        ),
    );
    if let Some(allow) = words.allow {
        wrong_method = wrong_method.with("allow", allow);
    }
    vec![
        Case::get(
            "app_error",
            "/orders/7",
            Expect::new("ORDER_NOT_FOUND", 404, "order 7 not found").category("Orders"),
        ),
        Case::get(
            "bad_path",
            "/orders/abc",
            Expect::new(
                "INVALID_PATH",
                400,
                format!("Invalid path parameter: {}", words.bad_path),
            ),
        ),
        Case::request(
            "validation",
            "POST",
            "/orders",
            Expect::new("VALIDATION_FAILED", 422, "Validation failed")
                .field("quantity", "must be at least 1"),
        )
        .json(r#"{"item":"book","quantity":0}"#),
        Case::request(
            "malformed_json",
            "POST",
            "/orders",
            Expect::new(
                "MALFORMED_JSON",
                400,
                format!(
                    "The request body is not valid JSON: {}",
                    words.malformed_json
                ),
            ),
        )
        .json(r#"{"item":"#),
        Case::request(
            "wrong_type",
            "POST",
            "/orders",
            Expect::new(
                "INVALID_BODY",
                422,
                format!("The request body is invalid: {}", words.wrong_type),
            ),
        )
        .json(r#"{"item":"book","quantity":"many"}"#),
        Case::request(
            "no_content_type",
            "POST",
            "/orders",
            Expect::new(
                "UNSUPPORTED_MEDIA_TYPE",
                415,
                "Expected a request body with Content-Type: application/json",
            ),
        )
        .body(br#"{"item":"book","quantity":1}"#),
        Case::request(
            "too_large",
            "POST",
            "/orders",
            Expect::new("PAYLOAD_TOO_LARGE", 413, "The request body is too large"),
        )
        .json(&format!(r#"{{"item":"{}","quantity":1}}"#, "x".repeat(300))),
        Case::get(
            "bad_query",
            "/search",
            Expect::new(
                "INVALID_QUERY",
                400,
                "Invalid query string: missing field `q`",
            ),
        ),
        Case::get(
            "unknown_route",
            "/nowhere",
            Expect::new("NOT_FOUND", 404, "The requested resource does not exist"),
        ),
        wrong_method,
        Case::get(
            "default_challenge",
            "/me",
            Expect::new("LOGIN_REQUIRED", 401, "Login required"),
        )
        .with("www-authenticate", "Bearer"),
        Case::get(
            "declared_challenge",
            "/token",
            Expect::new("TOKEN_EXPIRED", 401, "Token expired"),
        )
        .with("www-authenticate", "Bearer error=\"invalid_token\""),
        Case::get(
            "retry_after",
            "/limited",
            Expect::new("RATE_LIMITED", 429, "Too many requests"),
        )
        .with("retry-after", "30")
        .with("cache-control", "no-store"),
        Case::get(
            "server_error",
            "/db",
            Expect::new("DB_UNAVAILABLE", 503, "Service Unavailable").redacted(),
        ),
        Case::get(
            "panic",
            "/panic",
            Expect::new("INTERNAL", 500, "Internal Server Error").redacted(),
        ),
        Case::get(
            "field_header",
            "/quota?remaining=5",
            Expect::new("QUOTA_EXCEEDED", 403, "Quota exceeded"),
        )
        .with("x-quota-remaining", "5"),
        // A value with CR/LF from a field is dropped, and nothing is injected.
        Case::get(
            "hostile_field_header",
            "/quota?remaining=5%0D%0ASet-Cookie:%20admin=1",
            Expect::new("QUOTA_EXCEEDED", 403, "Quota exceeded"),
        ),
    ]
}
