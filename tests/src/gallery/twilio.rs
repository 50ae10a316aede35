//! Twilio: numeric error codes, and a documentation link built from the code.
//!
//! Source: <https://www.twilio.com/docs/usage/twilios-response> ("Exceptions").

use apierr::ApiError;
use apierr::format::{Format, Layout, Literal, Slot, Value};

use super::Example;

/// `{"status", "message", "code": <number>, "more_info": "<docs>/<code>"}`.
pub struct Twilio;

const TWILIO: Layout<'static> = Layout::new(&[
    Slot::new("status", Value::Status),
    Slot::new("message", Value::Message),
    Slot::new("code", Value::NumericCode),
    Slot::new(
        "more_info",
        Value::Join(&[
            Value::Literal(Literal::Str("http://www.twilio.com/docs/errors/")),
            Value::Code,
        ]),
    ),
]);

impl Format for Twilio {
    fn layout(&self) -> &Layout<'_> {
        &TWILIO
    }
}

/// The errors of sending a message.
#[derive(Debug, ApiError)]
#[api(format = Twilio)]
pub enum MessageError {
    #[api(code = 21201, status = 400, message = "No to number is specified")]
    NoTo,
}

/// The published body (with its escaped slashes).
pub const PUBLISHED: &str = r#"{
  "status": 400,
  "message": "No to number is specified",
  "code": 21201,
  "more_info": "http:\/\/www.twilio.com\/docs\/errors\/21201"
}"#;

#[must_use]
pub fn example() -> Example {
    Example {
        name: "twilio",
        source: "https://www.twilio.com/docs/usage/twilios-response",
        error: Box::new(MessageError::NoTo),
        status: 400,
        content_type: "application/json",
        headers: &[],
        published: PUBLISHED,
        compact: r#"{"status":400,"message":"No to number is specified","code":21201,"more_info":"http://www.twilio.com/docs/errors/21201"}"#,
    }
}
