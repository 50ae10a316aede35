use super::{Format, Layout, Slot, Value};

/// `{"code","message","fields":{"field":"detail"}}`.
///
/// `fields` appears only when there are field errors (several messages for one field are joined
/// with `"; "`); extension members follow at the top level. Request context has no place in
/// this shape.
///
/// ```
/// # use apierr::{ApiError, Envelope, FieldErrors};
/// #[derive(Debug, ApiError)]
/// enum TradeError {
///     #[api(code = "VALIDATION_ERROR", status = 422, message = "Input data validation failed")]
///     Invalid(#[api(fields)] FieldErrors),
/// }
/// let error = TradeError::Invalid(FieldErrors::new().with("order_type", "invalid order_type: FANTASY"));
/// assert_eq!(
///     Envelope::new(&error).with_format(&apierr::format::FieldStrings).to_value().unwrap(),
///     serde_json::json!({
///         "code": "VALIDATION_ERROR",
///         "message": "Input data validation failed",
///         "fields": {"order_type": "invalid order_type: FANTASY"}
///     })
/// );
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct FieldStrings;

/// Every body's members.
const LAYOUT: Layout<'static> = Layout::new(&[
    Slot::new("code", Value::Code),
    Slot::new("message", Value::Message),
    Slot::new("fields", Value::FieldMapOfStrings),
    Slot::extensions(),
]);

impl Format for FieldStrings {
    fn layout(&self) -> &Layout<'_> {
        &LAYOUT
    }
}
