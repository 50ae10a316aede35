use serde::ser::{SerializeMap, Serializer};

use super::json::Writer;
use super::{Format, RenderError};
use crate::Problem;

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
const TAKEN: [&str; 4] = ["success", "error", "code", "details"];

impl Format for FlatDetails {
    fn serialize<S: Serializer>(&self, p: &Problem<'_>, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("success", &false)?;
        map.serialize_entry("error", &p.message())?;
        map.serialize_entry("code", p.code())?;
        if let Some(fields) = p.field_errors() {
            map.serialize_entry("details", &fields.as_strings())?;
        }
        p.serialize_members(&mut map, &TAKEN)?;
        map.end()
    }

    fn write_json(&self, p: &Problem<'_>, out: &mut Vec<u8>) -> Result<(), RenderError> {
        let mut w = Writer::new(out);
        w.raw(r#"{"success":false,"error":"#);
        w.message(p)?;
        w.raw(r#","code":"#);
        w.code(p);
        if let Some(fields) = p.field_errors() {
            w.raw(r#","details":"#);
            w.field_strings(fields)?;
        }
        w.members(p, &TAKEN)?;
        w.raw("}");
        Ok(())
    }
}
