use serde::ser::{SerializeMap, Serializer};

use super::json::Writer;
use super::{Format, RenderError};
use crate::Problem;
use crate::problem::Collect;

/// `{"success":false,"message","error":"<category>","statusCode","timestamp","path","method","data":[…]}`.
///
/// - `message` is the public message; it is left out when that message is redacted (a 5xx
///   without `expose`), since `error` then says all there is to say.
/// - `error` is the code's category, or the status's reason phrase when it has none.
/// - `timestamp`, `path` and `method` come from the request context, when supplied.
/// - `data` lists field errors as `{"type":"field","path","msg"}` items, when there are any.
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

/// The members this format writes itself; extension members of these names are left out.
const TAKEN: [&str; 9] = [
    "success",
    "message",
    "error",
    "statusCode",
    "timestamp",
    "path",
    "method",
    "data",
    "stack",
];

impl Format for StatusEnvelope {
    fn serialize<S: Serializer>(&self, p: &Problem<'_>, serializer: S) -> Result<S::Ok, S::Error> {
        let context = p.context();
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("success", &false)?;
        if !p.is_redacted() {
            map.serialize_entry("message", &p.message())?;
        }
        map.serialize_entry("error", p.category().unwrap_or_else(|| p.reason()))?;
        map.serialize_entry("statusCode", &p.status().as_u16())?;
        if let Some(at) = context.timestamp() {
            map.serialize_entry("timestamp", &at)?;
        }
        if let Some(path) = context.path() {
            map.serialize_entry("path", path)?;
        }
        if let Some(method) = context.method() {
            map.serialize_entry("method", method.as_str())?;
        }
        if let Some(fields) = p.field_errors() {
            map.serialize_entry("data", &fields.as_items())?;
        }
        if let Some(detail) = p.debug_detail() {
            map.serialize_entry("stack", &Collect(detail))?;
        }
        p.serialize_members(&mut map, &TAKEN)?;
        map.end()
    }

    fn write_json(&self, p: &Problem<'_>, out: &mut Vec<u8>) -> Result<(), RenderError> {
        let context = p.context();
        let mut w = Writer::new(out);
        w.raw(r#"{"success":false"#);
        if !p.is_redacted() {
            w.raw(r#","message":"#);
            w.message(p)?;
        }
        w.raw(r#","error":"#);
        // Reason phrases never need escaping; a category when its spec says so.
        match p.category() {
            Some(category) => w.str_with(category, p.spec().is_category_plain()),
            None => w.str_with(p.reason(), true),
        }
        w.raw(r#","statusCode":"#);
        w.status(p.status().as_u16());
        if let Some(at) = context.timestamp() {
            w.raw(r#","timestamp":"#);
            w.display(at)?;
        }
        if let Some(path) = context.path() {
            w.raw(r#","path":"#);
            w.str(path);
        }
        if let Some(method) = context.method() {
            w.raw(r#","method":"#);
            w.str(method.as_str());
        }
        if let Some(fields) = p.field_errors() {
            w.raw(r#","data":"#);
            w.field_items(fields)?;
        }
        if let Some(detail) = p.debug_detail() {
            w.raw(r#","stack":"#);
            w.display(detail)?;
        }
        w.members(p, &TAKEN)?;
        w.raw("}");
        Ok(())
    }
}
