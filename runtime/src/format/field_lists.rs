use super::{Format, Layout, Slot, Value};

/// `{"code","message","errors":{"field":["msg",…]},"correlationId"}`.
///
/// `errors` appears only when there are field errors, `correlationId` only when the context
/// has one; extension members follow at the top level.
///
/// ```
/// # use apierr::{ApiError, Context, CorrelationId, Envelope, FieldErrors};
/// #[derive(Debug, ApiError)]
/// enum InputError {
///     #[api(code = "VALIDATION_ERROR", status = 400, message = "One or more validation errors occurred")]
///     Invalid(#[api(fields)] FieldErrors),
/// }
/// let error = InputError::Invalid(FieldErrors::new().with("title", "Title is required"));
/// let context = Context::new().with_correlation_id(CorrelationId::new("abc-123-def").unwrap());
/// let envelope = Envelope::new(&error).with_context(&context).with_format(&apierr::format::FieldLists);
/// assert_eq!(
///     envelope.to_value().unwrap(),
///     serde_json::json!({
///         "code": "VALIDATION_ERROR",
///         "message": "One or more validation errors occurred",
///         "errors": {"title": ["Title is required"]},
///         "correlationId": "abc-123-def"
///     })
/// );
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct FieldLists;

/// Every body's members.
const LAYOUT: Layout<'static> = Layout::new(&[
    Slot::new("code", Value::Code),
    Slot::new("message", Value::Message),
    Slot::new("errors", Value::FieldMapOfLists),
    Slot::new("correlationId", Value::CorrelationId),
    Slot::extensions(),
]);

impl Format for FieldLists {
    fn layout(&self) -> &Layout<'_> {
        &LAYOUT
    }
}
