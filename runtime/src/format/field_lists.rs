use serde::ser::{SerializeMap, Serializer};

use super::json::Writer;
use super::{Format, RenderError};
use crate::Problem;

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

/// The members this format writes itself; extension members of these names are left out.
const TAKEN: [&str; 4] = ["code", "message", "errors", "correlationId"];

impl Format for FieldLists {
    fn serialize<S: Serializer>(&self, p: &Problem<'_>, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("code", p.code())?;
        map.serialize_entry("message", &p.message())?;
        if let Some(fields) = p.field_errors() {
            map.serialize_entry("errors", &fields.as_lists())?;
        }
        if let Some(id) = p.context().correlation_id() {
            map.serialize_entry("correlationId", id)?;
        }
        p.serialize_members(&mut map, &TAKEN)?;
        map.end()
    }

    fn write_json(&self, p: &Problem<'_>, out: &mut Vec<u8>) -> Result<(), RenderError> {
        let mut w = Writer::new(out);
        w.raw(r#"{"code":"#);
        w.code(p);
        w.raw(r#","message":"#);
        w.message(p)?;
        if let Some(fields) = p.field_errors() {
            w.raw(r#","errors":"#);
            w.field_lists(fields)?;
        }
        if let Some(id) = p.context().correlation_id() {
            w.raw(r#","correlationId":"#);
            w.str(id.as_str());
        }
        w.members(p, &TAKEN)?;
        w.raw("}");
        Ok(())
    }
}
