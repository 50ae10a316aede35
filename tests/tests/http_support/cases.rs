//! Every kind of error a server can answer, and the check of one case in one format.

use super::{Expect, Fmt, HttpClient, Seen, expected, normalize};

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
    // Each once: the layer and the error's own headers must not both add one.
    for name in &names {
        let values = reply.headers.get_all(name.as_str()).iter().count();
        assert_eq!(values, 1, "{what}: values of {name}");
    }
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
