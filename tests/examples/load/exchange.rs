//! One exchange: the request mix, the exact body each response must have, and the check of one.

use std::time::Duration;

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::SendRequest;
use serde_json::{Value, json};

use crate::{Class, Format};

/// No single exchange may take longer; one that does counts as failed.
const EXCHANGE_TIMEOUT: Duration = Duration::from_secs(5);

/// One request of the mix and everything its response must say.
pub(super) struct Exchange {
    method: &'static str,
    target: String,
    body: &'static str,
    status: u16,
    outcome: Outcome,
}

enum Outcome {
    /// A success: this exact JSON body.
    Body(Value),
    /// An error envelope.
    Error(Want),
}

/// What an error body must carry, whatever the format.
struct Want {
    code: &'static str,
    /// The public message; `None` when it is redacted (a 5xx).
    message: Option<String>,
    /// The catalogue category, shown by `StatusEnvelope` instead of the reason phrase.
    category: Option<&'static str>,
    field: Option<(&'static str, &'static str)>,
    /// Headers the error adds, with their exact values.
    headers: &'static [(&'static str, &'static str)],
}

const ORDER: &str = r#"{"item":"book","quantity":2}"#;
const EMPTY_ORDER: &str = r#"{"item":"book","quantity":0}"#;

/// The `n`th request of a block of `class`.
pub(super) fn exchange(class: Class, n: usize) -> Exchange {
    let get = |target: String, status, outcome| Exchange {
        method: "GET",
        target,
        body: "",
        status,
        outcome,
    };
    match (class, n % 5) {
        (Class::Success, 0 | 3) => get(
            "/orders/1".to_owned(),
            200,
            Outcome::Body(json!({"id": 1, "item": "book", "quantity": 2})),
        ),
        (Class::Success, 1 | 4) => Exchange {
            method: "POST",
            target: "/orders".to_owned(),
            body: ORDER,
            status: 201,
            outcome: Outcome::Body(json!({"id": 2, "item": "book", "quantity": 2})),
        },
        (Class::Success, _) => get(
            format!("/search?q=q{n}"),
            200,
            Outcome::Body(json!({"q": format!("q{n}"), "results": []})),
        ),
        (Class::Error, 0) => {
            // Ids from 2 up: 1 is the one order that exists.
            let id = 2 + n % 100_000;
            get(
                format!("/orders/{id}"),
                404,
                Outcome::Error(Want {
                    code: "ORDER_NOT_FOUND",
                    message: Some(format!("order {id} not found")),
                    category: Some("Orders"),
                    field: None,
                    headers: &[],
                }),
            )
        }
        (Class::Error, 1) => get(
            "/limited".to_owned(),
            429,
            Outcome::Error(Want {
                code: "RATE_LIMITED",
                message: Some("Too many requests".to_owned()),
                category: Some("Orders"),
                field: None,
                headers: &[("retry-after", "30"), ("cache-control", "no-store")],
            }),
        ),
        (Class::Error, 2) => Exchange {
            method: "POST",
            target: "/orders".to_owned(),
            body: EMPTY_ORDER,
            status: 422,
            outcome: Outcome::Error(Want {
                code: "VALIDATION_FAILED",
                message: Some("Validation failed".to_owned()),
                category: Some("Orders"),
                field: Some(("quantity", "must be at least 1")),
                headers: &[],
            }),
        },
        (Class::Error, 3) => get(
            "/db".to_owned(),
            503,
            Outcome::Error(Want {
                code: "DB_UNAVAILABLE",
                message: None,
                category: Some("Orders"),
                field: None,
                headers: &[],
            }),
        ),
        (Class::Error, _) => get(
            format!("/nowhere/{n}"),
            404,
            Outcome::Error(Want {
                code: "NOT_FOUND",
                message: Some("The requested resource does not exist".to_owned()),
                category: None,
                field: None,
                headers: &[],
            }),
        ),
    }
}

fn reason(status: u16) -> &'static str {
    http::StatusCode::from_u16(status)
        .ok()
        .and_then(|status| status.canonical_reason())
        .unwrap_or("")
}

/// The exact error body of `want` in `format`, for a request with `method`, `path` and
/// correlation id `id`; `timestamp` is the one the body carries (its shape is checked).
fn error_body(
    format: Format,
    status: u16,
    want: &Want,
    (method, path, id): (&str, &str, &str),
    timestamp: &str,
) -> Value {
    let message = want.message.as_deref().unwrap_or(reason(status));
    match format {
        Format::Nested => {
            let mut error = json!({"code": want.code, "message": message, "status": status});
            if let Some((name, text)) = want.field {
                error["fields"] = json!({ name: [text] });
            }
            json!({"success": false, "error": error})
        }
        Format::FieldLists => {
            let mut body = json!({"code": want.code, "message": message, "correlationId": id});
            if let Some((name, text)) = want.field {
                body["errors"] = json!({ name: [text] });
            }
            body
        }
        Format::FieldStrings => {
            let mut body = json!({"code": want.code, "message": message});
            if let Some((name, text)) = want.field {
                body["fields"] = json!({ name: text });
            }
            body
        }
        Format::FlatDetails => {
            let mut body = json!({"success": false, "error": message, "code": want.code});
            if let Some((name, text)) = want.field {
                body["details"] = json!({ name: text });
            }
            body
        }
        Format::StatusEnvelope => {
            // This format has no code member: the status and the category stand for it.
            let mut body = json!({
                "success": false,
                "error": want.category.unwrap_or(reason(status)),
                "statusCode": status,
                "timestamp": timestamp,
                "path": path,
                "method": method,
            });
            if want.message.is_some() {
                body["message"] = json!(message);
            }
            if let Some((name, text)) = want.field {
                body["data"] = json!([{"type": "field", "path": name, "msg": text}]);
            }
            body
        }
        Format::ProblemDetails => {
            let mut body = json!({
                "type": "about:blank",
                "title": reason(status),
                "status": status,
                "instance": path,
                "code": want.code,
            });
            if message != reason(status) {
                body["detail"] = json!(message);
            }
            if let Some((name, text)) = want.field {
                body["errors"] = json!([{"detail": text, "pointer": format!("#/{name}")}]);
            }
            body
        }
    }
}

/// Whether `at` has the shape of RFC 3339 UTC with milliseconds.
fn is_timestamp(at: &str) -> bool {
    let shape = "dddd-dd-ddTdd:dd:dd.dddZ";
    at.len() == shape.len()
        && shape.bytes().zip(at.bytes()).all(|(want, got)| match want {
            b'd' => got.is_ascii_digit(),
            other => other == got,
        })
}

fn expect_eq(got: &Value, want: &Value) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("body {got} is not {want}"))
    }
}

/// Sends `exchange` on `sender` and validates the response; `Err` says what was wrong.
pub(super) async fn run_one(
    sender: &mut SendRequest<Full<Bytes>>,
    format: Format,
    exchange: &Exchange,
    id: &str,
) -> Result<(), Failure> {
    let mut request = http::Request::builder()
        .method(exchange.method)
        .uri(exchange.target.as_str())
        .header("host", "127.0.0.1")
        .header("x-request-id", id);
    if !exchange.body.is_empty() {
        request = request.header("content-type", "application/json");
    }
    let request = request
        .body(Full::new(Bytes::from_static(exchange.body.as_bytes())))
        .map_err(|error| Failure::Transport(error.to_string()))?;
    let round_trip = async {
        sender
            .ready()
            .await
            .map_err(|error| Failure::Transport(error.to_string()))?;
        let response = sender
            .send_request(request)
            .await
            .map_err(|error| Failure::Transport(error.to_string()))?;
        let (parts, body) = response.into_parts();
        let body = body
            .collect()
            .await
            .map_err(|error| Failure::Transport(error.to_string()))?
            .to_bytes();
        Ok((parts, body))
    };
    let (parts, body) = tokio::time::timeout(EXCHANGE_TIMEOUT, round_trip)
        .await
        .map_err(|_| Failure::Transport("timed out".to_owned()))??;

    let what = |why: String| {
        Failure::Malformed(format!(
            "{} {} -> {}: {why}: {}",
            exchange.method,
            exchange.target,
            parts.status.as_u16(),
            String::from_utf8_lossy(&body)
        ))
    };
    if parts.status.as_u16() != exchange.status {
        return Err(what(format!("status is not {}", exchange.status)));
    }
    let header = |name: &str| parts.headers.get(name).and_then(|v| v.to_str().ok());
    if header("x-request-id") != Some(id) {
        return Err(what(format!(
            "correlation id {:?} is not {id}",
            header("x-request-id")
        )));
    }
    let value: Value =
        serde_json::from_slice(&body).map_err(|error| what(format!("not JSON: {error}")))?;
    match &exchange.outcome {
        Outcome::Body(want) => {
            if header("content-type") != Some("application/json") {
                return Err(what(format!("content-type {:?}", header("content-type"))));
            }
            expect_eq(&value, want).map_err(what)
        }
        Outcome::Error(want) => {
            if header("content-type") != Some(format.error_content_type()) {
                return Err(what(format!("content-type {:?}", header("content-type"))));
            }
            for (name, expected) in want.headers {
                if header(name) != Some(*expected) {
                    return Err(what(format!("header {name}: {:?}", header(name))));
                }
            }
            // The redacted 503's source holds a password; it must never be in a body.
            if body.windows(7).any(|w| w == b"hunter2") {
                return Err(what("the secret leaked".to_owned()));
            }
            let path = exchange.target.split('?').next().unwrap_or_default();
            let timestamp = value["timestamp"].as_str().unwrap_or_default();
            if format == Format::StatusEnvelope && !is_timestamp(timestamp) {
                return Err(what(format!("timestamp {timestamp:?}")));
            }
            let request = (exchange.method, path, id);
            let want = error_body(format, exchange.status, want, request, timestamp);
            expect_eq(&value, &want).map_err(what)
        }
    }
}

pub(super) enum Failure {
    /// A response that is not what the server must send.
    Malformed(String),
    /// No response: the connection failed or the exchange timed out.
    Transport(String),
}
