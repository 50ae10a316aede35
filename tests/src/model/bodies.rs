//! The body each built-in format should render for a fixture, from the formats' documentation.

use apierr::{Context, FieldPath};
use serde_json::Number;

use super::{Shape, kebab};
use crate::fixture::{Fixture, Json};

fn str(text: &str) -> Json {
    Json::Str(text.to_owned())
}

fn num(value: u16) -> Json {
    Json::Num(Number::from(value))
}

/// The body `shape` should render for `fixture` in `context`.
pub fn expected(shape: &Shape, fixture: &Fixture, context: &Context) -> Json {
    let spec = fixture.spec;
    let status = spec.status();
    let reason = status.canonical_reason().unwrap_or("Error");
    let message = spec.static_message().unwrap_or(&fixture.message);
    let fields: Vec<_> = fixture
        .fields
        .iter()
        .flatten()
        .map(|entry| {
            let messages: Vec<String> = entry.messages().map(|m| m.to_string()).collect();
            (entry.path(), messages)
        })
        .collect();
    // Formats that list entries one by one keep the order they were reported in.
    let entries: Vec<(&FieldPath, String)> = fixture
        .fields
        .iter()
        .flat_map(|fields| fields.entries())
        .map(|(path, violation)| (path, violation.text().to_owned()))
        .collect();
    let lists = || {
        Json::Obj(
            fields
                .iter()
                .map(|(path, messages)| {
                    (
                        path.to_string(),
                        Json::Arr(messages.iter().map(|m| str(m)).collect()),
                    )
                })
                .collect(),
        )
    };
    let strings = || {
        Json::Obj(
            fields
                .iter()
                .map(|(path, messages)| (path.to_string(), str(&messages.join("; "))))
                .collect(),
        )
    };
    let taken = shape.taken();
    let members = fixture
        .members
        .iter()
        .filter(|(name, _)| !taken.contains(name))
        .map(|(name, value)| (name.to_string(), value.to_json()));

    let mut body: Vec<(String, Json)> = Vec::new();
    fn put(body: &mut Vec<(String, Json)>, name: &str, value: Json) {
        body.push((name.to_owned(), value));
    }
    match shape {
        Shape::Nested => {
            let mut inner = Vec::new();
            put(&mut inner, "code", str(spec.code()));
            put(&mut inner, "message", str(message));
            put(&mut inner, "status", num(status.as_u16()));
            if !fields.is_empty() {
                put(&mut inner, "fields", lists());
            }
            inner.extend(members);
            put(&mut body, "success", Json::Bool(false));
            put(&mut body, "error", Json::Obj(inner));
        }
        Shape::FieldLists => {
            put(&mut body, "code", str(spec.code()));
            put(&mut body, "message", str(message));
            if !fields.is_empty() {
                put(&mut body, "errors", lists());
            }
            if let Some(id) = context.correlation_id() {
                put(&mut body, "correlationId", str(id.as_str()));
            }
            body.extend(members);
        }
        Shape::FieldStrings => {
            put(&mut body, "code", str(spec.code()));
            put(&mut body, "message", str(message));
            if !fields.is_empty() {
                put(&mut body, "fields", strings());
            }
            body.extend(members);
        }
        Shape::FlatDetails => {
            put(&mut body, "success", Json::Bool(false));
            put(&mut body, "error", str(message));
            put(&mut body, "code", str(spec.code()));
            if !fields.is_empty() {
                put(&mut body, "details", strings());
            }
            body.extend(members);
        }
        Shape::StatusEnvelope => {
            put(&mut body, "success", Json::Bool(false));
            if !spec.is_redacted() {
                put(&mut body, "message", str(message));
            }
            put(&mut body, "error", str(spec.category().unwrap_or(reason)));
            put(&mut body, "statusCode", num(status.as_u16()));
            if let Some(at) = context.timestamp() {
                put(&mut body, "timestamp", str(&at.to_string()));
            }
            if let Some(path) = context.path() {
                put(&mut body, "path", str(path));
            }
            if let Some(method) = context.method() {
                put(&mut body, "method", str(method.as_str()));
            }
            if !fields.is_empty() {
                let items = entries
                    .iter()
                    .map(|(path, m)| {
                        Json::Obj(vec![
                            ("type".to_owned(), str("field")),
                            ("path".to_owned(), str(&path.to_string())),
                            ("msg".to_owned(), str(m)),
                        ])
                    })
                    .collect();
                put(&mut body, "data", Json::Arr(items));
            }
            if context.debug_detail() {
                let mut stack = fixture.internal.clone();
                let mut link = fixture.source.as_ref();
                while let Some(error) = link {
                    stack.push_str("\n    caused by: ");
                    stack.push_str(&error.text);
                    link = error.next.as_deref();
                }
                put(&mut body, "stack", Json::Str(stack));
            }
            body.extend(members);
        }
        Shape::ProblemDetails(config) => {
            let problem_type = match (spec.problem_type(), config.type_base) {
                (Some(uri), _) => uri.to_owned(),
                (None, Some(base)) => format!("{base}{}", kebab(spec.code())),
                (None, None) => "about:blank".to_owned(),
            };
            put(&mut body, "type", Json::Str(problem_type));
            let title = spec.title().unwrap_or(reason);
            put(&mut body, "title", str(title));
            if config.status {
                put(&mut body, "status", num(status.as_u16()));
            }
            // Left out when a fixed message repeats the title; a message built from the value
            // is not compared, even when it reads the same.
            if spec.static_message() != Some(title) {
                put(&mut body, "detail", str(message));
            }
            if let Some(instance) = context.instance() {
                put(&mut body, "instance", str(instance));
            }
            if let Some(name) = config.code_member {
                put(&mut body, name, str(spec.code()));
            }
            if !fields.is_empty() {
                let items = entries
                    .iter()
                    .map(|(path, m)| {
                        Json::Obj(vec![
                            ("detail".to_owned(), str(m)),
                            ("pointer".to_owned(), str(&path.pointer().to_string())),
                        ])
                    })
                    .collect();
                put(&mut body, "errors", Json::Arr(items));
            }
            body.extend(members);
        }
    }
    Json::Obj(body)
}

/// Field paths that print the same although they differ, which a format keyed by path writes
/// as one name twice.
pub fn colliding_paths(fixture: &Fixture) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut colliding = Vec::new();
    for entry in fixture.fields.iter().flatten() {
        let shown = entry.path().to_string();
        if !seen.insert(shown.clone()) {
            colliding.push(shown);
        }
    }
    colliding
}
