use super::{Format, Layout, Slot, Value};

/// `{"success":false,"error":"<message>","code","details":{"settings.max_sessions":"…"}}`.
///
/// `details` maps dotted field paths to their message (several joined with `"; "`) and appears
/// only when there are field errors; extension members follow at the top level. Request context
/// has no place in this shape.
///
/// ```
/// # use apierr::{ApiError, Envelope, FieldErrors};
/// #[derive(Debug, ApiError)]
/// enum RequestError {
///     #[api(code = "VALIDATION_ERROR", status = 422, message = "Request validation failed")]
///     Invalid(#[api(fields)] FieldErrors),
/// }
/// let error = RequestError::Invalid(
///     FieldErrors::new().with("settings.max_sessions", "value is not a valid integer"),
/// );
/// assert_eq!(
///     Envelope::new(&error).with_format(&apierr::format::FlatDetails).to_value().unwrap(),
///     serde_json::json!({
///         "success": false,
///         "error": "Request validation failed",
///         "code": "VALIDATION_ERROR",
///         "details": {"settings.max_sessions": "value is not a valid integer"}
///     })
/// );
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct FlatDetails;

/// The members this format writes itself; extension members of these names are left out.
/// Every body's members.
const LAYOUT: Layout<'static> = Layout::new(&[
    Slot::new("success", Value::FALSE),
    Slot::new("error", Value::Message),
    Slot::new("code", Value::Code),
    Slot::new("details", Value::FieldMapOfStrings),
    Slot::extensions(),
]);

impl Format for FlatDetails {
    fn layout(&self) -> &Layout<'_> {
        &LAYOUT
    }
}
