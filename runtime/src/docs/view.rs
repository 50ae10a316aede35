//! What the page shows, read from the catalogue: the one place this module reads a
//! [`Catalog`], so that the page follows the catalogue's changes here and nowhere else.

use crate::Context;
use crate::catalog::{Catalog, Entry, header_case};
use crate::example::Example;
use crate::plain_http::response::{ResponseOptions, unlogged_response};
use crate::problem::Kebab;

/// The catalogue as the page shows it, every text still unescaped.
#[derive(Debug, Clone)]
pub(super) struct View {
    pub(super) title: String,
    /// [`Catalog::to_json`], serialized.
    pub(super) json: String,
    pub(super) groups: Vec<Group>,
    /// Each distinct code once, in order of first appearance.
    pub(super) codes: Vec<CodeName>,
}

/// A code and the path segment `ProblemDetails::with_type_base` writes for it.
#[derive(Debug, Clone)]
pub(super) struct CodeName {
    pub(super) code: &'static str,
    pub(super) kebab: String,
}

/// One category's heading and codes.
#[derive(Debug, Clone)]
pub(super) struct Group {
    pub(super) heading: String,
    pub(super) codes: Vec<Code>,
}

/// One code as its section shows it.
#[derive(Debug, Clone)]
pub(super) struct Code {
    pub(super) code: &'static str,
    /// Whether this section carries the code's anchor: only its first appearance does, as an
    /// `id` is unique in a page.
    pub(super) anchor: bool,
    /// The status the example response is sent with (a format may answer `200`).
    pub(super) status: u16,
    pub(super) reason: &'static str,
    pub(super) description: Option<String>,
    pub(super) details: Vec<String>,
    pub(super) when: Option<String>,
    /// Name and value of each header the response carries, `Content-Type` first; `None` for a
    /// value that differs per response (`Retry-After`).
    pub(super) headers: Vec<(String, Option<String>)>,
    /// The example body, indented.
    pub(super) example: String,
    pub(super) field_errors: bool,
}

impl View {
    pub(super) fn new(catalog: &Catalog, options: &ResponseOptions) -> View {
        let mut codes: Vec<CodeName> = Vec::new();
        let groups = catalog
            .categories()
            .iter()
            .map(|category| Group {
                heading: category.heading().to_owned(),
                codes: category
                    .entries()
                    .iter()
                    .map(|entry| {
                        let anchor = !codes.iter().any(|seen| seen.code == entry.code());
                        if anchor {
                            codes.push(CodeName {
                                code: entry.code(),
                                kebab: Kebab(entry.code()).to_string(),
                            });
                        }
                        Code::new(entry, anchor, options)
                    })
                    .collect(),
            })
            .collect();
        View {
            title: catalog.title().to_owned(),
            json: catalog.to_json().to_string(),
            groups,
            codes,
        }
    }
}

impl Code {
    fn new(entry: &Entry, anchor: bool, options: &ResponseOptions) -> Code {
        let spec = entry.spec();
        // The response the service would send, less the request's context: the same
        // function builds both, so the page cannot describe other headers or another body.
        let example = Example::of(spec, entry.description());
        let response = unlogged_response(&example, &Context::new(), options);
        let mut headers: Vec<(String, Option<String>)> = response
            .headers()
            .iter()
            .map(|(name, value)| {
                let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                (header_case(name.as_str()), Some(value))
            })
            .collect();
        // A stable sort: `Content-Type` first, the others in the order they were added.
        headers.sort_by_key(|(name, _)| name != "Content-Type");
        if spec.has_retry_after() {
            headers.push(("Retry-After".to_owned(), None));
        }
        Code {
            code: entry.code(),
            anchor,
            status: response.status().as_u16(),
            reason: response.status().canonical_reason().unwrap_or(""),
            description: entry.description().map(str::to_owned),
            details: entry.details().to_vec(),
            when: entry.when().map(str::to_owned),
            headers,
            example: indent_json(response.body()),
            field_errors: spec.has_field_errors(),
        }
    }
}

/// Compact JSON (as the formats write it) indented by two spaces per level, members in the
/// format's order. Linear; text that is not compact JSON comes out with its bytes unchanged.
fn indent_json(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut out = String::with_capacity(text.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = text.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                // An empty object or array stays on one line.
                if matches!(chars.peek(), Some('}' | ']')) {
                    out.push(chars.next().unwrap_or(c));
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::indent_json;

    #[test]
    fn indents_compact_json_in_order() {
        assert_eq!(
            indent_json(br#"{"success":false,"error":{"code":"A,B","message":"x \"{\" y:","list":[],"n":[1,2]}}"#),
            "{\n  \"success\": false,\n  \"error\": {\n    \"code\": \"A,B\",\n    \"message\": \"x \\\"{\\\" y:\",\n    \"list\": [],\n    \"n\": [\n      1,\n      2\n    ]\n  }\n}"
        );
    }
}
