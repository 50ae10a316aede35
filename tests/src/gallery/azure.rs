//! Microsoft's REST API guidelines: `{"error": {"code", "message", "target", "details"}}`, the
//! details one error each, and the Azure rule that the code is also sent in `x-ms-error-code`.
//!
//! Sources: <https://github.com/microsoft/api-guidelines/blob/vNext/graph/Guidelines-deprecated.md#7102-error-condition-responses>
//! (the body) and <https://github.com/microsoft/api-guidelines/blob/vNext/azure/Guidelines.md#handling-errors>
//! (the header: "DO ensure that the top-level error's `code` value is identical to the
//! `x-ms-error-code` header's value").

use apierr::format::{Format, Layout, Slot, Value};
use apierr::{ApiError, FieldPath, SubError, SubErrors};

use super::Example;

/// Microsoft's error body, with the code in `x-ms-error-code`.
pub struct Microsoft;

const MICROSOFT: Layout<'static> = Layout::new(&[Slot::new(
    "error",
    Value::Object(&[
        Slot::new("code", Value::Code),
        Slot::new("message", Value::Message),
        Slot::new("target", Value::Datum("target")),
        // Only errors with details have them.
        Slot::new(
            "details",
            Value::SubErrorItems(&[
                Slot::new("code", Value::Code),
                Slot::new("target", Value::FieldPath),
                Slot::new("message", Value::Message),
            ]),
        ),
    ]),
)])
.with_headers(&[Slot::new("x-ms-error-code", Value::Code)]);

impl Format for Microsoft {
    fn layout(&self) -> &Layout<'_> {
        &MICROSOFT
    }
}

/// The errors of updating a contact.
#[derive(Debug, ApiError)]
#[api(format = Microsoft)]
pub enum ContactError {
    #[api(
        code = "BadArgument",
        status = 400,
        message = "Multiple errors in ContactInfo data",
        data(target = "ContactInfo")
    )]
    BadArgument(#[api(errors)] SubErrors),
}

/// The published body.
pub const PUBLISHED: &str = r#"{
  "error": {
    "code": "BadArgument",
    "message": "Multiple errors in ContactInfo data",
    "target": "ContactInfo",
    "details": [
      {
        "code": "NullValue",
        "target": "PhoneNumber",
        "message": "Phone number must not be null"
      },
      {
        "code": "NullValue",
        "target": "LastName",
        "message": "Last name must not be null"
      },
      {
        "code": "MalformedValue",
        "target": "Address",
        "message": "Address is not valid"
      }
    ]
  }
}"#;

#[must_use]
pub fn example() -> Example {
    let detail = |code: &'static str, target: &str, message: &'static str| {
        SubError::new(code)
            .with_field(FieldPath::root().key(target.to_owned()))
            .with_message(message)
    };
    let details = SubErrors::new()
        .with(detail(
            "NullValue",
            "PhoneNumber",
            "Phone number must not be null",
        ))
        .with(detail(
            "NullValue",
            "LastName",
            "Last name must not be null",
        ))
        .with(detail("MalformedValue", "Address", "Address is not valid"));
    Example {
        name: "azure",
        source: "https://github.com/microsoft/api-guidelines/blob/vNext/graph/Guidelines-deprecated.md#7102-error-condition-responses",
        error: Box::new(ContactError::BadArgument(details)),
        status: 400,
        content_type: "application/json",
        headers: &[("x-ms-error-code", "BadArgument")],
        published: PUBLISHED,
        compact: concat!(
            r#"{"error":{"code":"BadArgument","message":"Multiple errors in ContactInfo data","target":"ContactInfo","details":["#,
            r#"{"code":"NullValue","target":"PhoneNumber","message":"Phone number must not be null"},"#,
            r#"{"code":"NullValue","target":"LastName","message":"Last name must not be null"},"#,
            r#"{"code":"MalformedValue","target":"Address","message":"Address is not valid"}]}}"#
        ),
    }
}
