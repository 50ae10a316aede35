//! `apierr::response::to_response` with no web framework: exact status, headers and body in
//! each built-in format, the header rules, and a plain hyper server (the render fallbacks are in
//! `http_fallbacks.rs`).

mod http_support;

use std::convert::Infallible;
use std::fmt;

use apierr::format::Nested;
use apierr::response::{MAX_HEADER_VALUE_LEN, ResponseOptions, to_response};
use apierr::{ApiError, Context, CorrelationId, HttpError, Spec, Timestamp};
use http::HeaderValue;
use http_body_util::Full;
use http_support::app::{self, AppError};
use http_support::{
    Expect, FORMATS, HttpClient, Seen, expected, normalize, response_header as header,
    response_json as body,
};
use hyper::body::Bytes;
use serde_json::json;

fn context(id: &str) -> Context {
    Context::new()
        .with_correlation_id(CorrelationId::new(id).unwrap())
        .with_timestamp(Timestamp::from_unix_millis(1_779_530_400_000).unwrap())
        .with_method(http::Method::POST)
        .with_path("/orders")
        .with_instance("/orders")
}

fn header_names(response: &http::Response<Vec<u8>>) -> Vec<&str> {
    let mut names: Vec<&str> = response.headers().keys().map(|n| n.as_str()).collect();
    names.sort_unstable();
    names
}

#[test]
fn each_format_gets_the_exact_status_headers_and_body() {
    /// An error, what its response must say, and its headers besides the usual two.
    type Case = (Box<dyn ApiError>, Expect, Vec<(&'static str, &'static str)>);
    let cases: Vec<Case> = vec![
        (
            Box::new(AppError::TokenExpired),
            Expect::new("TOKEN_EXPIRED", 401, "Token expired"),
            vec![("www-authenticate", "Bearer error=\"invalid_token\"")],
        ),
        (
            Box::new(AppError::LoginRequired),
            Expect::new("LOGIN_REQUIRED", 401, "Login required"),
            vec![("www-authenticate", "Bearer")],
        ),
        (
            Box::new(app::rate_limited()),
            Expect::new("RATE_LIMITED", 429, "Too many requests"),
            vec![("cache-control", "no-store"), ("retry-after", "30")],
        ),
        (
            Box::new(app::db_down()),
            Expect::new("DB_UNAVAILABLE", 503, "Service Unavailable").redacted(),
            vec![],
        ),
        (
            Box::new(app::zero_quantity()),
            Expect::new("VALIDATION_FAILED", 422, "Validation failed")
                .field("quantity", "must be at least 1"),
            vec![],
        ),
        (
            Box::new(HttpError::malformed_json("EOF at line 1")),
            Expect::new(
                "MALFORMED_JSON",
                400,
                "The request body is not valid JSON: EOF at line 1",
            ),
            vec![],
        ),
    ];
    for format in FORMATS {
        let options = format.options();
        for (error, expect, extra) in &cases {
            let id = format!("{format:?}-{}", expect.code);
            let response = to_response(&**error, &context(&id), &options);
            let what = format!("{format:?} {}", expect.code);
            assert_eq!(response.status(), expect.status, "{what}");
            assert_eq!(
                header(&response, "content-type"),
                Some(format.content_type()),
                "{what}"
            );
            assert_eq!(
                header(&response, "x-request-id"),
                Some(id.as_str()),
                "{what}"
            );
            for (name, value) in extra {
                assert_eq!(header(&response, name), Some(*value), "{what}: {name}");
            }
            let mut names = vec!["content-type", "x-request-id"];
            names.extend(extra.iter().map(|(name, _)| *name));
            names.sort_unstable();
            assert_eq!(header_names(&response), names, "{what}");
            let seen = Seen {
                method: "POST",
                path: "/orders",
                id: &id,
            };
            assert_eq!(
                normalize(body(&response)),
                expected(format, expect, &seen),
                "{what}"
            );
        }
    }
}

#[test]
fn the_type_format_applies_unless_the_options_name_one() {
    #[derive(Debug, ApiError)]
    #[api(format = apierr::format::ProblemDetails::new())]
    enum Typed {
        #[api(code = "GONE", status = 410, message = "Gone for good")]
        Gone,
    }
    let response = to_response(&Typed::Gone, &Context::new(), &ResponseOptions::new());
    assert_eq!(
        header(&response, "content-type"),
        Some("application/problem+json")
    );
    assert_eq!(
        body(&response),
        json!({"type": "about:blank", "title": "Gone", "status": 410, "detail": "Gone for good", "code": "GONE"})
    );
    let response = to_response(
        &Typed::Gone,
        &Context::new(),
        &ResponseOptions::new().with_format(Nested),
    );
    assert_eq!(header(&response, "content-type"), Some("application/json"));
    assert_eq!(
        body(&response),
        json!({"success": false, "error": {"code": "GONE", "message": "Gone for good", "status": 410}})
    );
}

#[derive(Debug, ApiError)]
#[api(www_authenticate = "Basic realm=\"admin\"")]
enum AdminError {
    #[api(code = "ADMIN_LOGIN", status = 401, message = "Log in")]
    Login,
    #[api(
        code = "ADMIN_TOKEN",
        status = 401,
        message = "Bad token",
        www_authenticate = "Bearer realm=\"admin\""
    )]
    Token,
    #[api(code = "ADMIN_ONLY", status = 403, message = "Admins only")]
    Forbidden,
}

#[test]
fn every_401_has_a_challenge_variant_then_enum_then_default() {
    let options = ResponseOptions::new();
    let challenge = |error: &dyn ApiError, options: &ResponseOptions| {
        to_response(error, &Context::new(), options)
            .headers()
            .get("www-authenticate")
            .map(|v| v.to_str().unwrap().to_owned())
    };
    assert_eq!(
        challenge(&AdminError::Token, &options).as_deref(),
        Some("Bearer realm=\"admin\"")
    );
    assert_eq!(
        challenge(&AdminError::Login, &options).as_deref(),
        Some("Basic realm=\"admin\"")
    );
    assert_eq!(challenge(&AdminError::Forbidden, &options), None);
    assert_eq!(
        challenge(&AppError::LoginRequired, &options).as_deref(),
        Some("Bearer")
    );
    let custom = ResponseOptions::new()
        .with_default_challenge(HeaderValue::from_static("Bearer realm=\"orders\""));
    assert_eq!(
        challenge(&AppError::LoginRequired, &custom).as_deref(),
        Some("Bearer realm=\"orders\"")
    );
    // A declared challenge wins over the default.
    assert_eq!(
        challenge(&AdminError::Login, &custom).as_deref(),
        Some("Basic realm=\"admin\"")
    );
    // A 401 without context has no correlation header, only the challenge.
    let response = to_response(&AdminError::Login, &Context::new(), &options);
    assert_eq!(
        header_names(&response),
        ["content-type", "www-authenticate"]
    );
}

/// A `Display` that fails, as a buggy one may.
#[derive(Debug)]
struct FailingDisplay;

impl fmt::Display for FailingDisplay {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Err(fmt::Error)
    }
}

#[derive(Debug, ApiError)]
enum Tagged {
    #[api(code = "TAGGED", status = 409, message = "Conflict")]
    Value {
        #[api(header = "x-tag")]
        tag: String,
    },
    #[api(code = "TAGGED_BADLY", status = 409, message = "Conflict")]
    Failing {
        #[api(header = "x-tag")]
        tag: FailingDisplay,
    },
}

#[test]
fn header_values_from_fields_are_checked_and_dropped_if_unsafe() {
    let tag = |value: &str| {
        let error = Tagged::Value {
            tag: value.to_owned(),
        };
        let response = to_response(&error, &Context::new(), &ResponseOptions::new());
        assert_eq!(response.status(), 409);
        header(&response, "x-tag").map(str::to_owned)
    };
    assert_eq!(tag("v1").as_deref(), Some("v1"));
    assert_eq!(tag("a b\tc").as_deref(), Some("a b\tc"));
    let too_long = "a".repeat(MAX_HEADER_VALUE_LEN + 1);
    for hostile in [
        "v1\r\nset-cookie: admin=1",
        "v1\nx",
        "v1\rx",
        "nul\0",
        "caf\u{e9}",
        "\u{7f}",
        " padded",
        too_long.as_str(),
    ] {
        assert_eq!(tag(hostile), None, "{hostile:?}");
    }
    let response = to_response(
        &Tagged::Failing {
            tag: FailingDisplay,
        },
        &Context::new(),
        &ResponseOptions::new(),
    );
    assert_eq!(response.status(), 409);
    assert_eq!(header_names(&response), ["content-type"]);
}

/// An error whose spec was written by hand, with headers the derive would have refused.
struct HandWritten;

static HAND_WRITTEN: Spec = Spec::new("HAND_WRITTEN", 401, "HandWritten")
    .with_www_authenticate("Bearer\r\nset-cookie: x=1")
    .with_headers(&[
        ("x-ok", "1"),
        ("bad name", "v"),
        ("x-bad", "a\nb"),
        ("content-type", "text/html"),
    ]);

impl ApiError for HandWritten {
    fn spec(&self) -> &'static Spec {
        &HAND_WRITTEN
    }

    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("hand written")
    }

    fn catalog(visit: &mut dyn FnMut(&'static Spec)) {
        visit(&HAND_WRITTEN);
    }
}

#[test]
fn unchecked_specs_cannot_inject_headers() {
    let response = to_response(&HandWritten, &Context::new(), &ResponseOptions::new());
    assert_eq!(response.status(), 401);
    assert_eq!(
        header_names(&response),
        ["content-type", "www-authenticate", "x-ok"]
    );
    assert_eq!(header(&response, "content-type"), Some("application/json"));
    assert_eq!(header(&response, "www-authenticate"), Some("Bearer"));
}

#[test]
fn retry_after_is_sent_only_when_there_is_a_delay() {
    #[derive(Debug, ApiError)]
    enum Busy {
        #[api(code = "BUSY", status = 503, message = "Busy")]
        Busy {
            #[api(retry_after)]
            wait: Option<u32>,
        },
    }
    let response = to_response(
        &Busy::Busy { wait: Some(120) },
        &Context::new(),
        &ResponseOptions::new(),
    );
    assert_eq!(header(&response, "retry-after"), Some("120"));
    let response = to_response(
        &Busy::Busy { wait: None },
        &Context::new(),
        &ResponseOptions::new(),
    );
    assert_eq!(header(&response, "retry-after"), None);
}

#[test]
fn the_longest_retry_after_saturates_instead_of_overflowing() {
    #[derive(Debug, ApiError)]
    enum Down {
        #[api(code = "DOWN", status = 503, message = "Down for maintenance")]
        Down {
            #[api(retry_after)]
            wait: std::time::Duration,
        },
    }
    // `as_secs() + 1` overflowed here: a debug build panicked (the 503 became a 500), a release
    // build sent `retry-after: 0`, telling clients to retry at once.
    let error = Down::Down {
        wait: std::time::Duration::MAX,
    };
    assert_eq!(error.retry_after(), Some(u64::MAX));
    let response = to_response(&error, &Context::new(), &ResponseOptions::new());
    assert_eq!(response.status(), 503);
    assert_eq!(
        header(&response, "retry-after"),
        Some("18446744073709551615")
    );
    // A partial second still rounds up below the top.
    let error = Down::Down {
        wait: std::time::Duration::new(5, 1),
    };
    assert_eq!(error.retry_after(), Some(6));
}

/// A hyper server with no framework at all answers with `to_response`.
#[tokio::test]
async fn a_plain_hyper_server_serves_to_response() {
    use hyper::server::conn::http1;
    use hyper::service::service_fn;
    use hyper_util::rt::TokioIo;

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        // Exactly one connection: the client below makes one request.
        let (stream, _) = listener.accept().await.unwrap();
        let service = service_fn(|request: http::Request<hyper::body::Incoming>| async move {
            let context = Context::new()
                .with_method(request.method().clone())
                .with_path(request.uri().path());
            let response = to_response(&app::rate_limited(), &context, &ResponseOptions::new());
            Ok::<_, Infallible>(response.map(|body| Full::new(Bytes::from(body))))
        });
        let _ = http1::Builder::new()
            .serve_connection(TokioIo::new(stream), service)
            .await;
    });
    let reply = HttpClient::new(addr)
        .send("GET", "/limited", &[("connection", "close")], b"")
        .await;
    assert_eq!(reply.status, 429);
    assert_eq!(reply.header("retry-after"), Some("30"));
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(
        reply.json(),
        json!({"success": false, "error": {"code": "RATE_LIMITED", "message": "Too many requests", "status": 429}})
    );
    let _ = tokio::time::timeout(http_support::TIMEOUT, server).await;
}
