//! Slack's Web API: every error answered with `200 OK` and `{"ok": false, "error": "<code>"}`.
//!
//! Source: <https://docs.slack.dev/apis/web-api/#responses> ("Evaluating responses"); the 200 is
//! stated in <https://docs.slack.dev/tools/java-slack-sdk/guides/web-api-basics> ("Received a
//! successful response but in its body, `ok` is `false`").

use apierr::ApiError;
use apierr::format::{Format, Layout, Slot, Value};

use super::Example;

/// `{"ok": false, "error": "<code>"}`, always with status 200.
pub struct Slack;

const SLACK: Layout<'static> = Layout::new(&[
    Slot::new("ok", Value::FALSE),
    Slot::new("error", Value::Code),
])
// The status says the call reached Slack; the body says it failed.
.with_status(200);

impl Format for Slack {
    fn layout(&self) -> &Layout<'_> {
        &SLACK
    }
}

/// A Web API method's errors; each keeps the status it means, which the format does not send.
#[derive(Debug, ApiError)]
#[api(format = Slack)]
pub enum MethodError {
    #[api(
        code = "something_bad",
        status = 400,
        message = "Something bad happened"
    )]
    SomethingBad,
}

/// The published body.
pub const PUBLISHED: &str = r#"{
    "ok": false,
    "error": "something_bad"
}"#;

#[must_use]
pub fn example() -> Example {
    Example {
        name: "slack",
        source: "https://docs.slack.dev/apis/web-api/#responses",
        error: Box::new(MethodError::SomethingBad),
        status: 200,
        content_type: "application/json",
        headers: &[],
        published: PUBLISHED,
        compact: r#"{"ok":false,"error":"something_bad"}"#,
    }
}
