//! The headers of one response: what its codes send besides the body.

use http::StatusCode;
use utoipa::openapi::extensions::Extensions;
use utoipa::openapi::{Header, HeaderBuilder, ObjectBuilder, Type};

use crate::catalog::{Entry, header_case};
use crate::format::Layout;

/// One header being gathered: its name, the codes that send it, an example and its type.
struct Gathered {
    name: String,
    codes: Vec<&'static str>,
    /// The codes that send it with every body (not only when a value is present).
    always: Vec<&'static str>,
    example: Option<String>,
    ty: Type,
}

/// The headers the codes of one response send, with a schema and an example each. A header
/// every code of the response always sends is `required`: `WWW-Authenticate` when all of them
/// are 401s (the runtime sends a challenge with every 401), a fixed `#[api(header(…))]` when
/// all of them declare it.
pub(super) fn headers(entries: &[&Entry], layout: &Layout<'_>) -> Vec<(String, Header)> {
    let mut out: Vec<Gathered> = Vec::new();
    let mut add =
        |name: String, code: &'static str, example: Option<&str>, ty: Type, always: bool| match out
            .iter_mut()
            .find(|header| header.name.eq_ignore_ascii_case(&name))
        {
            Some(header) => {
                if !header.codes.contains(&code) {
                    header.codes.push(code);
                }
                if always && !header.always.contains(&code) {
                    header.always.push(code);
                }
                if header.example.is_none() {
                    header.example = example.map(str::to_owned);
                }
            }
            None => out.push(Gathered {
                name,
                codes: vec![code],
                always: if always { vec![code] } else { Vec::new() },
                example: example.map(str::to_owned),
                ty,
            }),
        };
    for entry in entries {
        let spec = entry.spec();
        // As `response::to_response` does: every 401 has a challenge, the declared one or
        // the application's default.
        if spec.status() == StatusCode::UNAUTHORIZED {
            add(
                "WWW-Authenticate".to_owned(),
                spec.code(),
                spec.www_authenticate(),
                Type::String,
                true,
            );
        }
        for (name, value) in spec.headers() {
            add(
                header_case(name),
                spec.code(),
                Some(value),
                Type::String,
                true,
            );
        }
        if spec.has_retry_after() {
            // The field may hold an `Option`: a delay is not always there.
            add(
                "Retry-After".to_owned(),
                spec.code(),
                None,
                Type::Integer,
                false,
            );
        }
        // The format's own headers, on every code, unless their value is absent.
        for header in layout.headers() {
            add(
                header_case(header.name()),
                spec.code(),
                None,
                Type::String,
                false,
            );
        }
    }
    out.into_iter()
        .map(|header| {
            let codes = header
                .codes
                .iter()
                .map(|code| format!("`{code}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let description = if header.name == "Retry-After" {
                format!("Seconds to wait before retrying. Sent with {codes} when there is a delay.")
            } else {
                format!("Sent with {codes}.")
            };
            // utoipa 6's `Header` has no `required`; its extensions are written as they are.
            let required = (header.always.len() == entries.len())
                .then(|| Extensions::from_iter([("required", true)]));
            let built = HeaderBuilder::new()
                .schema(Some(ObjectBuilder::new().schema_type(header.ty)))
                .description(Some(description))
                .example(header.example.map(serde_json::Value::from))
                .extensions(required)
                .build();
            (header.name, built)
        })
        .collect()
}
