//! GitHub's REST API: a 422 "Validation Failed" whose `errors` are one entry per field, each
//! with the resource, the field and a code, and no message.
//!
//! Source: <https://docs.github.com/en/rest/overview/resources-in-the-rest-api#client-errors>
//! ("Client errors", item 3; the page has since been folded into "Getting started with the REST
//! API").

use apierr::format::{Format, Layout, Slot, Value};
use apierr::{ApiError, FieldErrors, Violation};

use super::Example;

/// `{"message", "errors": [{"resource", "field", "code", "message"?}]}`.
pub struct GitHub;

const GITHUB: Layout<'static> = Layout::new(&[
    Slot::new("message", Value::Message),
    Slot::new(
        "errors",
        Value::FieldItems(&[
            // The resource is the variant's: declared once with `data(resource = "…")`.
            Slot::new("resource", Value::Datum("resource")),
            Slot::new("field", Value::FieldPath),
            Slot::new("code", Value::FieldCode),
            // "Custom errors will always have a message": only entries with one show it.
            Slot::new("message", Value::FieldMessageIfAny),
        ]),
    ),
]);

impl Format for GitHub {
    fn content_type(&self) -> &'static str {
        "application/json; charset=utf-8"
    }

    fn layout(&self) -> &Layout<'_> {
        &GITHUB
    }
}

/// The errors of creating an issue.
#[derive(Debug, ApiError)]
#[api(format = GitHub)]
pub enum IssueError {
    #[api(
        code = "validation_failed",
        status = 422,
        message = "Validation Failed",
        data(resource = "Issue")
    )]
    Invalid(#[api(fields)] FieldErrors),
}

/// The published body.
pub const PUBLISHED: &str = r#"{
  "message": "Validation Failed",
  "errors": [
    {
      "resource": "Issue",
      "field": "title",
      "code": "missing_field"
    }
  ]
}"#;

#[must_use]
pub fn example() -> Example {
    let mut fields = FieldErrors::new();
    fields.push("title", Violation::from_code("missing_field"));
    Example {
        name: "github",
        source: "https://docs.github.com/en/rest/overview/resources-in-the-rest-api#client-errors",
        error: Box::new(IssueError::Invalid(fields)),
        status: 422,
        content_type: "application/json; charset=utf-8",
        headers: &[],
        published: PUBLISHED,
        compact: r#"{"message":"Validation Failed","errors":[{"resource":"Issue","field":"title","code":"missing_field"}]}"#,
    }
}
