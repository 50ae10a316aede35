use serde::ser::{SerializeMap, Serializer};

use super::json::Writer;
use super::{Format, RenderError};
use crate::Problem;

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

/// The members this format writes itself; extension members of these names are left out.
const TAKEN: [&str; 3] = ["code", "message", "fields"];

impl Format for FieldStrings {
    fn serialize<S: Serializer>(&self, p: &Problem<'_>, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("code", p.code())?;
        map.serialize_entry("message", &p.message())?;
        if let Some(fields) = p.field_errors() {
            map.serialize_entry("fields", &fields.as_strings())?;
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
            w.raw(r#","fields":"#);
            w.field_strings(fields)?;
        }
        w.members(p, &TAKEN)?;
        w.raw("}");
        Ok(())
    }
}
