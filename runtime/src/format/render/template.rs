//! A layout's body for one code, rendered ahead of time: the compiled steps whose output is
//! the same for every error of the code and every request are run once and kept as bytes,
//! and only the others (request context, an interpolated message, field errors, members…)
//! run for each body. The body cache (`format::cache`) keeps one per code and layout.

use super::Cx;
use super::bytes::{run, write_body};
use crate::format::compile::{Object, Op};
use crate::format::json::Writer;
use crate::format::slot::{List, Slot, Value};
use crate::format::{Layout, RenderError};
use crate::{ApiError, Context, Message, Spec};

/// What a step's output depends on, beyond the code's [`Spec`] and the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Depends {
    /// Nothing: the same bytes for every error of the code.
    Nothing,
    /// The request context (correlation id, timestamp, path, method, instance, debug detail),
    /// and nothing when the context holds none of it.
    Request,
    /// The error's value or the format's value (an interpolated message, field errors,
    /// sub-errors, members, settings).
    Value,
}

/// A part of a body.
#[derive(Debug, Clone, Copy)]
enum Segment {
    /// The template's bytes up to this offset, from where the previous one ended.
    Bytes(u32),
    /// The steps `start..end` of the layout, run for each body.
    Steps(u16, u16),
    /// `,"name":` (the template's bytes up to this offset) and a value of the request
    /// context, written straight from the context when it holds the value.
    Request(Request, u32),
    /// The error's public message, when it is not static: the only thing most interpolated
    /// bodies vary by, written from the error alone (see [`is_message`]).
    Message,
}

/// A value of the request context a [`Segment::Request`] writes.
#[derive(Debug, Clone, Copy)]
enum Request {
    Instance,
    CorrelationId,
    Timestamp,
    Path,
    Method,
}

impl Request {
    fn of(value: &Value<'_>) -> Option<Self> {
        Some(match value {
            Value::Instance => Request::Instance,
            Value::CorrelationId => Request::CorrelationId,
            Value::Timestamp => Request::Timestamp,
            Value::Path => Request::Path,
            Value::Method => Request::Method,
            _ => return None,
        })
    }

    /// Writes the value when `context` holds it, as `render::resolve` and `write_value` do.
    #[inline]
    fn write(self, key: &[u8], context: &Context, out: &mut Vec<u8>) {
        let text = match self {
            Request::Instance => context.instance(),
            Request::CorrelationId => context.correlation_id().map(|id| id.as_str()),
            Request::Path => context.path(),
            Request::Method => context.method().map(http::Method::as_str),
            Request::Timestamp => {
                if let Some(at) = context.timestamp() {
                    out.extend_from_slice(key);
                    let text = at.rfc3339();
                    Writer::new(out).str_with(std::str::from_utf8(&text).unwrap_or_default(), true);
                }
                return;
            }
        };
        if let Some(text) = text {
            out.extend_from_slice(key);
            Writer::new(out).str_with(text, false);
        }
    }
}

/// The body of one code in one layout, with what varies left to run.
#[derive(Debug)]
pub(crate) struct Template {
    bytes: Box<[u8]>,
    segments: Box<[Segment]>,
    /// The whole body, for a request context that holds nothing the layout shows: when no
    /// step depends on the error's value.
    bare: Option<Box<[u8]>>,
    /// Whether every body is `bare`, whatever the request context: no step is left to run.
    fixed: bool,
    /// Whether a [`Segment::Steps`] needs the error and the layout.
    steps: bool,
}

impl Template {
    /// The template of the code of `cx` in `layout`, whose compiled steps are `ops`; `cx`
    /// is an error of the code in an empty context.
    ///
    /// # Errors
    /// Those of rendering a step.
    pub(crate) fn build(
        layout: &Layout<'_>,
        ops: &[Op<'_>],
        cx: Cx<'_>,
    ) -> Result<Self, RenderError> {
        let spec = cx.problem.spec();
        let mut bytes = Vec::new();
        let mut segments = Vec::new();
        let mut most = Depends::Nothing;
        let mut i = 0;
        while let Some(op) = ops.get(i) {
            // An item list's steps are the list step and its body.
            let end = match op {
                Op::Items { body, .. } => i + 1 + usize::from(*body),
                _ => i + 1,
            };
            let depends = op_depends(op, layout, spec);
            most = most.max(depends);
            let request = match op {
                Op::Optional {
                    start, len, value, ..
                } => Request::of(value).zip(
                    layout
                        .program()
                        .window(*start)
                        .and_then(|window| window.get(..usize::from(*len))),
                ),
                _ => None,
            };
            if let Some((request, key)) = request {
                bytes.extend_from_slice(key);
                let end = u32::try_from(bytes.len()).map_err(|_| RenderError::display())?;
                segments.push(Segment::Request(request, end));
            } else if depends == Depends::Value && is_message(op) {
                segments.push(Segment::Message);
            } else if depends == Depends::Nothing {
                run(
                    &mut Writer::new(&mut bytes),
                    layout,
                    ops.get(i..end).unwrap_or_default(),
                    cx,
                )?;
                let end = u32::try_from(bytes.len()).map_err(|_| RenderError::display())?;
                match segments.last_mut() {
                    Some(Segment::Bytes(last)) => *last = end,
                    _ => segments.push(Segment::Bytes(end)),
                }
            } else {
                let steps = |at: usize| u16::try_from(at).map_err(|_| RenderError::display());
                match segments.last_mut() {
                    Some(Segment::Steps(_, last)) if usize::from(*last) == i => *last = steps(end)?,
                    _ => segments.push(Segment::Steps(steps(i)?, steps(end)?)),
                }
            }
            i = end;
        }
        let bare = if most == Depends::Value {
            None
        } else {
            let mut body = Vec::new();
            write_body(&mut Writer::new(&mut body), layout, cx)?;
            Some(body.into_boxed_slice())
        };
        Ok(Template {
            fixed: most == Depends::Nothing,
            steps: segments
                .iter()
                .any(|segment| matches!(segment, Segment::Steps(..))),
            bytes: bytes.into_boxed_slice(),
            segments: segments.into_boxed_slice(),
            bare,
        })
    }

    /// The whole body in `context`, when it is the same for every error of the code: the
    /// layout shows nothing of the request, or `context` holds none of it.
    #[inline(always)]
    pub(crate) fn body(&'static self, context: &Context) -> Option<&'static [u8]> {
        let body = self.bare.as_deref()?;
        (self.fixed || is_bare(context)).then_some(body)
    }

    /// How many bytes of every body are known.
    pub(crate) fn known_len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether writing a body runs steps of the layout, which need the error: then
    /// [`write`](Self::write) takes them.
    #[inline]
    pub(crate) fn has_steps(&self) -> bool {
        self.steps
    }

    /// Appends the body in `context`: the known bytes, the request context's values, and
    /// the steps that vary run in between with `steps` (the layout, its compiled steps, the
    /// error), which is there when [`has_steps`](Self::has_steps).
    ///
    /// # Errors
    /// Those of the steps.
    #[inline]
    pub(crate) fn write(
        &self,
        out: &mut Vec<u8>,
        (error, context): (&dyn ApiError, &Context),
        steps: Option<(&Layout<'_>, &[Op<'_>], Cx<'_>)>,
    ) -> Result<(), RenderError> {
        out.reserve(self.bytes.len() + 64);
        let mut at = 0;
        for segment in &self.segments {
            match *segment {
                Segment::Bytes(end) => {
                    let end = end as usize;
                    out.extend_from_slice(self.bytes.get(at..end).unwrap_or_default());
                    at = end;
                }
                Segment::Request(request, end) => {
                    let end = end as usize;
                    request.write(self.bytes.get(at..end).unwrap_or_default(), context, out);
                    at = end;
                }
                Segment::Message => {
                    let message = Message::interpolated(error);
                    Writer::new(out).message(message)?;
                }
                Segment::Steps(start, end) => {
                    if let Some((layout, ops, cx)) = steps {
                        let ops = ops
                            .get(usize::from(start)..usize::from(end))
                            .unwrap_or_default();
                        run(&mut Writer::new(out), layout, ops, cx)?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// Whether `op` writes the public message and nothing else: a message that is not static is
/// never absent (a redacted message is static), and never the same as a title (`Detail`
/// leaves out only a static one), so it is written from the error alone.
fn is_message(op: &Op<'_>) -> bool {
    match op {
        Op::Message => true,
        Op::Value { value, .. } => matches!(
            value,
            Value::Message | Value::MessageUnlessRedacted | Value::Detail
        ),
        _ => false,
    }
}

/// Whether `context` holds nothing a layout can show.
#[inline]
fn is_bare(context: &Context) -> bool {
    !context.shows_anything()
}

/// What the output of one step (an item list with its body) depends on.
fn op_depends(op: &Op<'_>, layout: &Layout<'_>, spec: &Spec) -> Depends {
    match *op {
        Op::Raw { .. } | Op::Code | Op::Status => Depends::Nothing,
        // Outside a list's items, these are absent.
        Op::FieldPath | Op::FieldPointer { .. } | Op::FieldMessage => Depends::Nothing,
        Op::Message => message_depends(spec),
        Op::Value { value, .. } | Op::Optional { value, .. } => value_depends(&value, spec),
        Op::Extensions { .. } => members_depend(spec),
        Op::Slot { object, index } => {
            let slots = match object {
                Object::Top => layout.slots(),
                Object::Nested(slots) => slots,
            };
            slots
                .get(usize::from(index))
                .map_or(Depends::Nothing, |slot| slot_depends(slot, spec))
        }
        Op::Items { list, .. } => fields_depend(list == List::Fields, spec),
    }
}

fn slot_depends(slot: &Slot<'_>, spec: &Spec) -> Depends {
    if slot.is_extensions() {
        members_depend(spec)
    } else {
        value_depends(slot.value(), spec)
    }
}

/// What a value depends on: the one place that sorts [`Value`]s for the template, beside
/// `render::resolve`, which says what they hold.
fn value_depends(value: &Value<'_>, spec: &Spec) -> Depends {
    match *value {
        Value::Literal(_)
        | Value::Code
        | Value::KebabCode
        | Value::NumericCode
        | Value::Status
        | Value::StatusString
        | Value::Title
        | Value::Category
        | Value::ProblemType { .. }
        | Value::Datum(_)
        | Value::Reserved => Depends::Nothing,
        // A translation is per request, but then the body cache is not used at all.
        Value::Message | Value::MessageUnlessRedacted | Value::Detail => message_depends(spec),
        Value::Instance
        | Value::CorrelationId
        | Value::Timestamp
        | Value::Path
        | Value::Method
        | Value::DebugDetail => Depends::Request,
        Value::FieldMapOfLists | Value::FieldMapOfStrings | Value::FieldItems(_) => {
            fields_depend(true, spec)
        }
        Value::ErrorItems(_) | Value::SubErrorItems(_) => Depends::Value,
        // Outside a list's items, these are absent.
        Value::FieldPath
        | Value::FieldPointer { .. }
        | Value::FieldMessage
        | Value::FieldMessageIfAny
        | Value::FieldCode
        | Value::FieldParams
        | Value::FieldParam(_) => Depends::Nothing,
        // A setting is the format value's; a member the error's.
        Value::Setting(_) | Value::Member(_) => Depends::Value,
        Value::Extensions => members_depend(spec),
        Value::Join(values) | Value::Array(values) => values
            .iter()
            .map(|value| value_depends(value, spec))
            .max()
            .unwrap_or(Depends::Nothing),
        Value::Object(slots) | Value::ObjectUnlessEmpty(slots) => slots
            .iter()
            .map(|slot| slot_depends(slot, spec))
            .max()
            .unwrap_or(Depends::Nothing),
    }
}

fn message_depends(spec: &Spec) -> Depends {
    if spec.static_message().is_some() {
        Depends::Nothing
    } else {
        Depends::Value
    }
}

fn members_depend(spec: &Spec) -> Depends {
    if spec.surely_without_members() {
        Depends::Nothing
    } else {
        Depends::Value
    }
}

/// A list of field entries, or (`fields` false) of sub-errors too, which no spec rules out.
fn fields_depend(fields: bool, spec: &Spec) -> Depends {
    if fields && spec.surely_without_field_errors() {
        Depends::Nothing
    } else {
        Depends::Value
    }
}
