//! A layout written as JSON straight into a buffer: the hot path of every format. The
//! layout's compiled steps (see `format::compile`) when it has them, else slot by slot; both
//! spell each value the same way, through [`resolve`] and [`write_value`].

use super::{Cx, Joined, Resolved, is_taken, resolve};
use crate::FieldErrors;
use crate::format::Layout;
use crate::format::RenderError;
use crate::format::compile::{Object, Op};
use crate::format::json::Writer;
use crate::format::slot::{List, Slot, Value};

/// Appends the body of `layout` for the error of `cx`.
#[inline]
pub(crate) fn write_body(
    w: &mut Writer<'_>,
    layout: &Layout<'_>,
    cx: Cx<'_>,
) -> Result<(), RenderError> {
    match layout.program().ops() {
        Some(ops) => run(w, layout, ops, cx),
        None => write_object(w, layout.slots(), cx),
    }
}

/// Runs compiled steps.
pub(super) fn run<'a>(
    w: &mut Writer<'_>,
    layout: &'a Layout<'a>,
    ops: &'a [Op<'a>],
    cx: Cx<'_>,
) -> Result<(), RenderError> {
    let program = layout.program();
    let slots = |object: Object<'a>| -> &'a [Slot<'a>] {
        match object {
            Object::Top => layout.slots(),
            Object::Nested(slots) => slots,
        }
    };
    let p = cx.problem;
    let mut i = 0;
    while let Some(op) = ops.get(i) {
        match op {
            Op::Raw { len, window, .. } => w.window(window, *len),
            // The values nearly every body or field item has, each a step of its own: with the
            // value a constant here, `resolve` and `write_value` fold into direct writes.
            Op::Code => direct(w, &Value::Code, cx)?,
            Op::Message => direct(w, &Value::Message, cx)?,
            Op::Status => direct(w, &Value::Status, cx)?,
            Op::FieldPath => direct(w, &Value::FieldPath, cx)?,
            Op::FieldPointer { prefix } => direct(w, &Value::FieldPointer { prefix }, cx)?,
            Op::FieldMessage => direct(w, &Value::FieldMessage, cx)?,
            Op::Value { value, plain } => {
                if let Some(value) = resolve(value, *plain, cx) {
                    write_value(w, value, cx)?;
                }
            }
            Op::Optional {
                start,
                len,
                value,
                plain,
            } => {
                if let Some(value) = resolve(value, *plain, cx) {
                    if let Some(window) = program.window(*start) {
                        w.window(window, *len);
                    }
                    write_value(w, value, cx)?;
                }
            }
            Op::Extensions { object } => write_extensions(w, slots(*object), cx, &mut false)?,
            Op::Slot { object, index } => {
                let slots = slots(*object);
                if let Some(slot) = slots.get(usize::from(*index)) {
                    write_member(w, slots, slot, cx, &mut false)?;
                }
            }
            Op::Items {
                body,
                optional,
                list,
                start,
                len,
            } => {
                let body = usize::from(*body);
                let (subs, fields) = super::list_sources(p, *list);
                if !optional || subs.is_some() || fields.is_some() {
                    if *optional && let Some(window) = program.window(*start) {
                        w.window(window, *len);
                    }
                    let steps = ops.get(i + 1..i + 1 + body).unwrap_or_default();
                    // The same items as `Cx::items`, without its iterator adapters.
                    let mut first = true;
                    let mut item = |w: &mut Writer<'_>, cx| {
                        if !first {
                            w.byte(b',');
                        }
                        first = false;
                        run(w, layout, steps, cx)
                    };
                    for sub in subs.into_iter().flatten() {
                        item(w, cx.with_sub(sub))?;
                    }
                    for (field, violation) in
                        fields.into_iter().flat_map(FieldErrors::entries_by_field)
                    {
                        item(w, cx.with_field(field, violation))?;
                    }
                    if *list == List::Errors && subs.is_none() && fields.is_none() {
                        item(w, cx)?;
                    }
                    w.byte(b']');
                }
                i += body;
            }
        }
        i += 1;
    }
    Ok(())
}

/// Writes `value`, when present; inlined where the value is a constant.
#[inline(always)]
fn direct(w: &mut Writer<'_>, value: &Value<'_>, cx: Cx<'_>) -> Result<(), RenderError> {
    match resolve(value, true, cx) {
        Some(value) => write_value(w, value, cx),
        None => Ok(()),
    }
}

/// Appends the object of `slots` for the error of `cx`, slot by slot.
pub(crate) fn write_object(
    w: &mut Writer<'_>,
    slots: &[Slot<'_>],
    cx: Cx<'_>,
) -> Result<(), RenderError> {
    w.byte(b'{');
    let mut first = true;
    for slot in slots {
        write_member(w, slots, slot, cx, &mut first)?;
    }
    w.byte(b'}');
    Ok(())
}

/// `"name":value` for one slot of an object of `slots`, after a comma unless it is the
/// object's `first` member written.
fn write_member(
    w: &mut Writer<'_>,
    slots: &[Slot<'_>],
    slot: &Slot<'_>,
    cx: Cx<'_>,
    first: &mut bool,
) -> Result<(), RenderError> {
    if slot.is_extensions() {
        return write_extensions(w, slots, cx, first);
    }
    let Some(value) = resolve(slot.value(), slot.is_value_plain(), cx) else {
        return Ok(());
    };
    if !*first {
        w.byte(b',');
    }
    *first = false;
    w.str_with(slot.name(), slot.is_name_plain());
    w.byte(b':');
    write_value(w, value, cx)
}

/// One value, objects and lists slot by slot. Inlined where it is called, so that the
/// value just resolved is written without going through [`Resolved`] in memory.
#[inline(always)]
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
        // 24 ASCII bytes, never escaped.
        Resolved::Timestamp(at) => {
            let text = at.rfc3339();
            w.str_with(std::str::from_utf8(&text).unwrap_or_default(), true);
        }
        Resolved::DebugDetail(detail) => w.display(detail)?,
        Resolved::Path(path) => w.display(path)?,
        Resolved::Pointer(path, prefix) => w.pointer(path.pointer_after(prefix)),
        Resolved::MapOfLists(fields) => w.field_lists(fields)?,
        Resolved::MapOfStrings(fields) => w.field_strings(fields)?,
        Resolved::Items(slots, list) => {
            w.byte(b'[');
            for (i, item) in cx.items(list).enumerate() {
                if i > 0 {
                    w.byte(b',');
                }
                write_object(w, slots, item)?;
            }
            w.byte(b']');
        }
        Resolved::Object(slots) => write_object(w, slots, cx)?,
        Resolved::Kebab(code) => w.display(crate::problem::Kebab(code))?,
        Resolved::Number(digits) => w.number(digits),
        Resolved::Params(params) => {
            w.byte(b'{');
            for (i, (name, value)) in params.iter().enumerate() {
                if i > 0 {
                    w.byte(b',');
                }
                w.str(name);
                w.byte(b':');
                w.json(value)?;
            }
            w.byte(b'}');
        }
        Resolved::Json(value) => w.json(value)?,
        Resolved::Member(member) => w.member(&member)?,
        Resolved::Join(parts) => w.display(Joined { parts, cx })?,
        Resolved::Array(values) => write_array(w, values, cx)?,
    }
    Ok(())
}

/// `[value,…]`, leaving out those that are absent. Out of line, so that [`write_value`] does
/// not call itself and stays inlined where it is used.
#[inline(never)]
fn write_array(w: &mut Writer<'_>, values: &[Value<'_>], cx: Cx<'_>) -> Result<(), RenderError> {
    w.byte(b'[');
    let mut first = true;
    for value in values {
        if let Some(value) = resolve(value, false, cx) {
            if !first {
                w.byte(b',');
            }
            first = false;
            write_value(w, value, cx)?;
        }
    }
    w.byte(b']');
    Ok(())
}

/// `"name":value` for each extension member no member of the object is called, through
/// serde_json into the same buffer.
fn write_extensions(
    w: &mut Writer<'_>,
    slots: &[Slot<'_>],
    cx: Cx<'_>,
    first: &mut bool,
) -> Result<(), RenderError> {
    let problem = cx.problem;
    // Only the error's own object or item has them: never once per item.
    if !cx.is_about_error() || problem.spec().surely_without_members() {
        return Ok(());
    }
    let layout = cx.format.layout();
    let mut result = Ok(());
    problem.error().visit_members(&mut |member| {
        if result.is_err() || is_taken(layout, slots, member.name()) {
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
