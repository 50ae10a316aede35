//! A layout written as JSON straight into a buffer: the hot path of every format.

use super::{Cx, Resolved, is_taken, resolve};
use crate::format::RenderError;
use crate::format::json::Writer;
use crate::format::layout::Slot;

/// Appends the object of `members` for the error of `cx`.
pub(crate) fn write_object(
    w: &mut Writer<'_>,
    members: &[Slot<'_>],
    cx: Cx<'_>,
) -> Result<(), RenderError> {
    w.byte(b'{');
    let mut first = true;
    for member in members {
        if member.is_extensions() {
            write_extensions(w, members, cx, &mut first)?;
            continue;
        }
        let Some(value) = resolve(member.value(), cx) else {
            continue;
        };
        if !first {
            w.byte(b',');
        }
        first = false;
        w.str_with(member.name(), member.is_name_plain());
        w.byte(b':');
        write_value(w, value, cx)?;
    }
    w.byte(b'}');
    Ok(())
}

#[inline]
fn write_value(w: &mut Writer<'_>, value: Resolved<'_>, cx: Cx<'_>) -> Result<(), RenderError> {
    match value {
        Resolved::Bool(true) => w.raw("true"),
        Resolved::Bool(false) => w.raw("false"),
        Resolved::Str(text, plain) => w.str_with(text, plain),
        Resolved::Message(message) => w.message(message)?,
        Resolved::Status(status) => w.status(status),
        Resolved::StatusString(status) => {
            w.byte(b'"');
            w.status(status);
            w.byte(b'"');
        }
        Resolved::TypeUri(uri) => w.display(uri)?,
        Resolved::Timestamp(at) => w.display(at)?,
        Resolved::DebugDetail(detail) => w.display(detail)?,
        Resolved::Path(path) => w.display(path)?,
        Resolved::Pointer(path, prefix) => w.display(path.pointer_after(prefix))?,
        Resolved::FieldLists(fields) => w.field_lists(fields)?,
        Resolved::FieldStrings(fields) => w.field_strings(fields)?,
        Resolved::Items(members, fields, one_without) => {
            w.byte(b'[');
            for (i, item) in cx.items(fields, one_without).enumerate() {
                if i > 0 {
                    w.byte(b',');
                }
                write_object(w, members, item)?;
            }
            w.byte(b']');
        }
        Resolved::Object(members) => write_object(w, members, cx)?,
    }
    Ok(())
}

/// `"name":value` for each extension member no member of the object is called, through
/// serde_json into the same buffer.
fn write_extensions(
    w: &mut Writer<'_>,
    members: &[Slot<'_>],
    cx: Cx<'_>,
    first: &mut bool,
) -> Result<(), RenderError> {
    let problem = cx.problem;
    if problem.spec().surely_without_members() {
        return Ok(());
    }
    let mut result = Ok(());
    problem.error().visit_members(&mut |member| {
        if result.is_err() || is_taken(members, member.name()) {
            return;
        }
        if !*first {
            w.byte(b',');
        }
        *first = false;
        w.str(member.name());
        w.byte(b':');
        result = w.member(&member);
    });
    result
}
