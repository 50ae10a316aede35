use super::{Format, Layout, Slot, Value};

/// `{"success":false,"message","error":"<category>","statusCode","timestamp","path","method","data":[…]}`.
///
/// - `message` is the public message; it is left out when that message is redacted (a 5xx
///   without `expose`), since `error` then says all there is to say.
/// - `error` is the code's category, or the status's reason phrase when it has none.
/// - `timestamp`, `path` and `method` come from the request context, when supplied.
/// - `data` lists field errors as `{"type":"field","path","msg"}` items, when there are any;
///   an item also has express-validator's `value` and `location` when its entry has them
///   ([`Violation::with_value`](crate::Violation::with_value), whose echo of the request is
///   bounded, and [`Violation::with_location`](crate::Violation::with_location)):
///   `{"type":"field","value","path","msg","location"}`.
/// - `stack` holds the internal message and source chain, only with debug detail switched on.
/// - Extension members follow at the top level.
///
/// ```
/// # use apierr::{ApiError, Context, Envelope};
/// #[derive(Debug, thiserror::Error, ApiError)]
/// enum ServerError {
///     #[error("connection refused by db-7")]
///     #[api(code = "INTERNAL", status = 500)]
///     Database,
/// }
/// let debug = Context::new().with_debug_detail(true);
/// let format = &apierr::format::StatusEnvelope;
/// assert_eq!(
///     Envelope::new(&ServerError::Database).with_format(format).to_value().unwrap(),
///     serde_json::json!({"success": false, "error": "Internal Server Error", "statusCode": 500})
/// );
/// assert_eq!(
///     Envelope::new(&ServerError::Database).with_format(format).with_context(&debug).to_value().unwrap(),
///     serde_json::json!({
///         "success": false,
///         "error": "Internal Server Error",
///         "statusCode": 500,
///         "stack": "connection refused by db-7"
///     })
/// );
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct StatusEnvelope;

/// One express-validator item per field message; `value` and `location` only when the entry
/// has them.
const DATA: &[Slot<'static>] = &[
    Slot::new("type", Value::Literal(super::Literal::Str("field"))),
    Slot::new("value", Value::FieldParam("value")).doc("The rejected input, cut to a bound."),
    Slot::new("path", Value::FieldPath),
    Slot::new("msg", Value::FieldMessage),
    Slot::new("location", Value::FieldParam("location"))
        .doc("Where in the request the field is: body, query, params, headers or cookies."),
];

/// Every body's members.
const LAYOUT: Layout<'static> = Layout::new(&[
    Slot::new("success", Value::FALSE),
    Slot::new("message", Value::MessageUnlessRedacted)
        .doc("Human-readable message; absent when it would only repeat `error`."),
    Slot::new("error", Value::Category),
    Slot::new("statusCode", Value::Status),
    Slot::new("timestamp", Value::Timestamp),
    Slot::new("path", Value::Path),
    Slot::new("method", Value::Method),
    Slot::new("data", Value::FieldItems(DATA)),
    Slot::new("stack", Value::DebugDetail),
    Slot::extensions(),
]);

impl Format for StatusEnvelope {
    fn layout(&self) -> &Layout<'_> {
        &LAYOUT
    }
}
