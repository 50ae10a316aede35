use serde::ser::{Serialize, SerializeMap, Serializer};

use super::json::Writer;
use super::{Format, RenderError};
use crate::Problem;

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

/// The members this format writes itself; extension members of these names are left out.
const TAKEN: [&str; 4] = ["code", "message", "status", "fields"];

struct Inner<'a>(&'a Problem<'a>);

impl Serialize for Inner<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let p = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("code", p.code())?;
        map.serialize_entry("message", &p.message())?;
        map.serialize_entry("status", &p.status().as_u16())?;
        if let Some(fields) = p.field_errors() {
            map.serialize_entry("fields", &fields.as_lists())?;
        }
        p.serialize_members(&mut map, &TAKEN)?;
        map.end()
    }
}

impl Format for Nested {
    fn serialize<S: Serializer>(&self, p: &Problem<'_>, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("success", &false)?;
        map.serialize_entry("error", &Inner(p))?;
        map.end()
    }

    fn write_json(&self, p: &Problem<'_>, out: &mut Vec<u8>) -> Result<(), RenderError> {
        let mut w = Writer::new(out);
        w.raw(r#"{"success":false,"error":{"code":"#);
        w.code(p);
        w.raw(r#","message":"#);
        w.message(p)?;
        w.raw(r#","status":"#);
        w.status(p.status().as_u16());
        if let Some(fields) = p.field_errors() {
            w.raw(r#","fields":"#);
            w.field_lists(fields)?;
        }
        w.members(p, &TAKEN)?;
        w.raw("}}");
        Ok(())
    }
}
