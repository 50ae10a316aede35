//! JSON:API: one document with several errors, each with its own code, title, detail and
//! source pointer (the third without a detail).
//!
//! Source: <https://jsonapi.org/examples/#error-objects-error-codes> ("Error Codes").

use apierr::format::{Format, Layout, Literal, Slot, Value};
use apierr::{ApiError, FieldPath, SubError, SubErrors};

use super::Example;

/// A JSON:API error document: `{"jsonapi": {"version"}, "errors": [{…}]}`.
pub struct JsonApiDocument;

const DOCUMENT: Layout<'static> = Layout::new(&[
    Slot::new(
        "jsonapi",
        Value::Object(&[Slot::new("version", Value::Literal(Literal::Str("1.1")))]),
    ),
    Slot::new(
        "errors",
        // One item per sub-error: its code, field, title and message.
        Value::ErrorItems(&[
            Slot::new("code", Value::Code),
            Slot::new(
                "source",
                Value::ObjectUnlessEmpty(&[Slot::new(
                    "pointer",
                    Value::FieldPointer {
                        prefix: "/data/attributes",
                    },
                )]),
            ),
            Slot::new("title", Value::Title),
            Slot::new("detail", Value::Detail),
        ]),
    ),
]);

impl Format for JsonApiDocument {
    fn content_type(&self) -> &'static str {
        "application/vnd.api+json"
    }

    fn layout(&self) -> &Layout<'_> {
        &DOCUMENT
    }
}

/// The errors of creating a user.
#[derive(Debug, ApiError)]
#[api(format = JsonApiDocument)]
pub enum SignupError {
    #[api(code = "INVALID_USER", status = 422, message = "The user is invalid")]
    Invalid(#[api(errors)] SubErrors),
}

/// The published body.
pub const PUBLISHED: &str = r#"{
  "jsonapi": { "version": "1.1" },
  "errors": [
    {
      "code":   "123",
      "source": { "pointer": "/data/attributes/firstName" },
      "title":  "Value is too short",
      "detail": "First name must contain at least two characters."
    },
    {
      "code":   "225",
      "source": { "pointer": "/data/attributes/password" },
      "title": "Passwords must contain a letter, number, and punctuation character.",
      "detail": "The password provided is missing a punctuation character."
    },
    {
      "code":   "226",
      "source": { "pointer": "/data/attributes/password" },
      "title": "Password and password confirmation do not match."
    }
  ]
}"#;

#[must_use]
pub fn example() -> Example {
    let errors = SubErrors::new()
        .with(
            SubError::new("123")
                .with_field(FieldPath::root().key("firstName"))
                .with_title("Value is too short")
                .with_message("First name must contain at least two characters."),
        )
        .with(
            SubError::new("225")
                .with_field(FieldPath::root().key("password"))
                .with_title("Passwords must contain a letter, number, and punctuation character.")
                .with_message("The password provided is missing a punctuation character."),
        )
        .with(
            SubError::new("226")
                .with_field(FieldPath::root().key("password"))
                .with_title("Password and password confirmation do not match."),
        );
    Example {
        name: "json_api",
        source: "https://jsonapi.org/examples/#error-objects-error-codes",
        error: Box::new(SignupError::Invalid(errors)),
        status: 422,
        content_type: "application/vnd.api+json",
        headers: &[],
        published: PUBLISHED,
        compact: concat!(
            r#"{"jsonapi":{"version":"1.1"},"errors":["#,
            r#"{"code":"123","source":{"pointer":"/data/attributes/firstName"},"title":"Value is too short","detail":"First name must contain at least two characters."},"#,
            r#"{"code":"225","source":{"pointer":"/data/attributes/password"},"title":"Passwords must contain a letter, number, and punctuation character.","detail":"The password provided is missing a punctuation character."},"#,
            r#"{"code":"226","source":{"pointer":"/data/attributes/password"},"title":"Password and password confirmation do not match."}"#,
            r#"]}"#
        ),
    }
}
