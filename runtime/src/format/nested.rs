use super::{Format, Layout, Slot, Value};

/// `{"success":false,"error":{"code","message","status"}}`: the default format.
///
/// Inside `error`, after `status`: `fields` (`{"path": ["message", …]}`) when there are field
/// errors, then the extension members. Request context has no place in this shape.
///
/// ```
/// # use apierr::{ApiError, Envelope};
/// #[derive(Debug, ApiError)]
/// enum AuthError {
///     #[api(code = "AUTH_FAILED", status = 401, message = "Invalid email or password")]
///     Failed,
/// }
/// assert_eq!(
///     Envelope::new(&AuthError::Failed).with_format(&apierr::format::Nested).to_value().unwrap(),
///     serde_json::json!({
///         "success": false,
///         "error": {"code": "AUTH_FAILED", "message": "Invalid email or password", "status": 401}
///     })
/// );
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Nested;

const ERROR: &[Slot<'static>] = &[
    Slot::new("code", Value::Code),
    Slot::new("message", Value::Message),
    Slot::new("status", Value::Status),
    Slot::new("fields", Value::FieldMapOfLists),
    Slot::extensions(),
];

/// Every body's members.
const LAYOUT: Layout<'static> = Layout::new(&[
    Slot::new("success", Value::FALSE),
    Slot::new("error", Value::Object(ERROR)).doc("The error."),
]);

impl Format for Nested {
    fn layout(&self) -> &Layout<'_> {
        &LAYOUT
    }
}
