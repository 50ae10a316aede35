//! What a response must be: the six formats, what a case expects, and its exact body in each.

use apierr::format::{
    FieldLists, FieldStrings, FlatDetails, Nested, ProblemDetails, StatusEnvelope,
};
use apierr::response::ResponseOptions;
use serde_json::{Value, json};

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
