//! A layout's body for one code, rendered ahead of time: the compiled steps whose output is
//! the same for every error of the code and every request are run once and kept as bytes,
//! and only the others (request context, an interpolated message, field errors, members…)
//! run for each body. The body cache (`format::cache`) keeps one per code and layout.

use std::convert::Infallible;

use depends::{Depends, op_depends, slot_shows};

use super::Cx;
use super::bytes::{run, write_body};
use crate::context::holds;
use crate::format::compile::{Op, WINDOW};
use crate::format::json::Writer;
use crate::format::slot::Value;
use crate::format::{EMPTY_CONTEXT, Layout, RenderError};
use crate::{ApiError, Context, Message, Spec};

mod depends;
mod request;

use request::Request;

/// What a [`Part`] writes after its fixed bytes.
#[derive(Debug, Clone, Copy)]
enum Kind {
    /// A value of the request context, written straight from the context when it holds it.
    Request(Request),
    /// The steps `start..end` of the layout, run for each body.
    Steps(u16, u16),
    /// The steps `start..end`: a member with debug detail, which only a context with debug
    /// detail switched on has.
    Debug(u16, u16),
    /// The error's public message, when it is not static: most interpolated bodies vary by
    /// it alone, and it is written from the error alone (see [`message_key`]).
    Message,
}

/// A part of a body: fixed bytes, from where the previous part left off to `end`, then what
/// varies.
///
/// A request value's key and opening quote are `bytes[end..key_end]`, and its closing quote
/// is `bytes[key_end]`, the first byte of what follows: with the value, the fixed bytes and
/// its key are one copy and the closing quote goes with the next fixed bytes; without it,
/// both are skipped. Other parts have `key_end == end`.
#[derive(Debug, Clone, Copy)]
struct Part {
    end: u32,
    key_end: u32,
    kind: Kind,
}

/// The key `op` writes before the public message, when it writes the message and nothing
/// else (empty when its key is in the fixed bytes before it), for an error of `spec`, whose
/// message is not static. Such a message is never the same as a title (`Detail` leaves out
/// only a static one), and present unless the spec is redacted (a derived redacted spec has
/// a static message; a hand-written one may not), so the step always writes it, from the
/// error alone.
fn message_key<'a>(op: &Op<'_>, layout: &'a Layout<'_>, spec: &Spec) -> Option<&'a [u8]> {
    let is_message = |value: &Value<'_>| match value {
        Value::Message | Value::Detail => true,
        Value::MessageUnlessRedacted => !spec.is_redacted(),
        _ => false,
    };
    match op {
        Op::Message => Some(&[]),
        Op::Value { value, .. } if is_message(value) => Some(&[]),
        Op::Optional {
            start, len, value, ..
        } if is_message(value) => layout
            .program()
            .window(*start)
            .and_then(|window| window.get(..usize::from(*len))),
        _ => None,
    }
}

/// Appends the public message of `error`, whose message is not static, as a JSON string.
#[inline]
fn write_message(error: &dyn ApiError, out: &mut Vec<u8>) -> Result<(), RenderError> {
    Writer::new(out).message(Message::interpolated(error))
}

/// Appends `bytes[at..end]`, the known bytes of a template (followed by a window's worth of
/// padding): a run as short as a key or the closing braces is copied as a whole window
/// and cut back (a few register moves), instead of a call to `memcpy`.
#[inline(always)]
fn copy_run(out: &mut Vec<u8>, bytes: &[u8], at: usize, end: usize) {
    let Some(run) = bytes.get(at..end) else {
        return;
    };
    if run.len() <= WINDOW
        && let Some(window) = bytes.get(at..).and_then(<[u8]>::first_chunk::<WINDOW>)
    {
        // At most `WINDOW`, so the cast cannot truncate.
        #[allow(clippy::cast_possible_truncation)]
        Writer::new(out).window(window, run.len() as u16);
    } else {
        out.extend_from_slice(run);
    }
}

/// The known bytes of a body, and the parts that say what goes between them.
#[derive(Debug)]
struct Parts {
    /// The known bytes, then `WINDOW` bytes of padding for [`copy_run`].
    bytes: Box<[u8]>,
    /// How many of `bytes` are the body's.
    known: usize,
    parts: Box<[Part]>,
    /// The body for a context that holds nothing the layout shows, but for the message,
    /// which goes at `hole`: when the message is all that varies (most interpolated bodies).
    /// Empty otherwise.
    holed: Box<[u8]>,
    hole: usize,
}

impl Parts {
    /// [`Parts::holed`] and [`Parts::hole`] of these parts, when the message is one part and
    /// no step runs: what [`Parts::walk`] writes in a context that holds nothing, and where
    /// the message goes.
    fn holed(&self) -> Option<(Vec<u8>, usize)> {
        let messages = self
            .parts
            .iter()
            .filter(|part| matches!(part.kind, Kind::Message))
            .count();
        let steps = self
            .parts
            .iter()
            .any(|part| matches!(part.kind, Kind::Steps(..)));
        if messages != 1 || steps {
            return None;
        }
        let mut holed = Vec::with_capacity(self.known + WINDOW);
        let mut hole = 0;
        let Ok(()) = self.walk(&EMPTY_CONTEXT, &mut holed, |out| {
            hole = out.len();
            Ok::<(), Infallible>(())
        });
        Some((holed, hole))
    }

    /// Appends the known bytes and the request values `context` holds, calling `message`
    /// where the message goes; steps write nothing here, and neither does debug detail (a
    /// walk is for a context without it). A request value the context does not hold is left
    /// out with its key and closing quote: the bytes around it are one copy.
    #[inline(always)]
    fn walk<E>(
        &self,
        context: &Context,
        out: &mut Vec<u8>,
        mut message: impl FnMut(&mut Vec<u8>) -> Result<(), E>,
    ) -> Result<(), E> {
        let bytes = &*self.bytes;
        let holds = context.holds();
        let mut at = 0;
        for part in &*self.parts {
            let request = match part.kind {
                Kind::Request(request) => request,
                Kind::Message => {
                    copy_run(out, bytes, at, part.end as usize);
                    at = part.end as usize;
                    message(out)?;
                    continue;
                }
                Kind::Steps(..) | Kind::Debug(..) => continue,
            };
            let key_end = part.key_end as usize;
            if holds & request as u8 != 0 {
                // The fixed bytes and the key in one copy.
                copy_run(out, bytes, at, key_end);
                request.write(context, out);
                at = key_end;
            } else {
                copy_run(out, bytes, at, part.end as usize);
                // The key and the closing quote.
                at = key_end + 1;
            }
        }
        copy_run(out, bytes, at, self.known);
        Ok(())
    }
}

/// The body of one code in one layout, with what varies left to run.
#[derive(Debug)]
pub(crate) struct Template {
    /// The known bytes and the parts around them, behind a pointer: the cache's entries
    /// stay 64 bytes, so that finding one is a shift rather than a multiplication.
    parts: Box<Parts>,
    /// The whole body, for a request context that holds nothing the layout shows; empty
    /// (never a body) when a step depends on the error's value.
    bare: Box<[u8]>,
    /// What of the request context the layout shows (`context::holds` bits), and a
    /// localizer, which may translate the message: `bare` is the body of a context that
    /// holds none of it.
    shows: u8,
    /// Whether a [`Kind::Steps`] needs the error and the layout.
    steps: bool,
    /// What in a context makes a body need the error when `steps` is false
    /// (`context::holds` bits): a localizer, and debug detail when a [`Kind::Debug`] shows it.
    needs_error: u8,
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
        let offset =
            |bytes: &Vec<u8>| u32::try_from(bytes.len()).map_err(|_| RenderError::display());
        let mut bytes = Vec::new();
        let mut parts: Vec<Part> = Vec::new();
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
                let end = offset(&bytes)?;
                bytes.extend_from_slice(key);
                bytes.push(b'"');
                let key_end = offset(&bytes)?;
                bytes.push(b'"');
                parts.push(Part {
                    end,
                    key_end,
                    kind: Kind::Request(request),
                });
            } else if let Some(key) =
                message_key(op, layout, spec).filter(|_| depends == Depends::Value)
            {
                // Its key, when the step writes one, is known: the message is always there.
                bytes.extend_from_slice(key);
                let at = offset(&bytes)?;
                parts.push(Part {
                    end: at,
                    key_end: at,
                    kind: Kind::Message,
                });
            } else if depends == Depends::Nothing {
                run(
                    &mut Writer::new(&mut bytes),
                    layout,
                    ops.get(i..end).unwrap_or_default(),
                    cx,
                )?;
            } else {
                let steps = |at: usize| u16::try_from(at).map_err(|_| RenderError::display());
                let at = offset(&bytes)?;
                let (first, last) = (steps(i)?, steps(end)?);
                // Debug detail alone is absent unless the context switches it on.
                let debug = matches!(
                    op,
                    Op::Optional {
                        value: Value::DebugDetail,
                        ..
                    }
                );
                match parts.last_mut() {
                    Some(Part {
                        end,
                        kind: Kind::Steps(_, previous),
                        ..
                    }) if !debug && *end == at && *previous == first => *previous = last,
                    _ => parts.push(Part {
                        end: at,
                        key_end: at,
                        kind: if debug {
                            Kind::Debug(first, last)
                        } else {
                            Kind::Steps(first, last)
                        },
                    }),
                }
            }
            i = end;
        }
        let bare = if most == Depends::Value {
            Vec::new()
        } else {
            let mut body = Vec::new();
            write_body(&mut Writer::new(&mut body), layout, cx)?;
            body
        };
        Ok(Template {
            steps: parts
                .iter()
                .any(|part| matches!(part.kind, Kind::Steps(..))),
            needs_error: if parts
                .iter()
                .any(|part| matches!(part.kind, Kind::Debug(..)))
            {
                holds::LOCALIZER | holds::DEBUG_DETAIL
            } else {
                holds::LOCALIZER
            },
            shows: holds::LOCALIZER
                | layout
                    .slots()
                    .iter()
                    .fold(0, |shown, slot| shown | slot_shows(slot)),
            parts: {
                let mut parts = Parts {
                    known: bytes.len(),
                    bytes: {
                        bytes.extend_from_slice(&[0; WINDOW]);
                        bytes.into_boxed_slice()
                    },
                    parts: parts.into_boxed_slice(),
                    holed: Box::default(),
                    hole: 0,
                };
                if let Some((holed, hole)) = parts.holed() {
                    parts.holed = holed.into_boxed_slice();
                    parts.hole = hole;
                }
                Box::new(parts)
            },
            bare: bare.into_boxed_slice(),
        })
    }

    /// The whole body in `context`, when it is the same for every error of the code (the
    /// context holds nothing the layout shows, and no localizer) and at most `max_len`
    /// bytes long.
    #[inline(always)]
    pub(crate) fn body(&'static self, context: &Context, max_len: usize) -> Option<&'static [u8]> {
        let body = &*self.bare;
        // An empty `bare` is no body: `len - 1` wraps, so one comparison is both checks (and
        // the copy after it knows the length is not 0).
        (context.holds() & self.shows == 0 && body.len().wrapping_sub(1) < max_len).then_some(body)
    }

    /// [`body`](Self::body) once a localizer in `context` is known to translate nothing of
    /// this code.
    pub(crate) fn untranslated_body(
        &'static self,
        context: &Context,
        max_len: usize,
    ) -> Option<&'static [u8]> {
        let body = &*self.bare;
        (context.holds() & self.shows & !holds::LOCALIZER == 0
            && body.len().wrapping_sub(1) < max_len)
            .then_some(body)
    }

    /// How many bytes of every body are known.
    pub(crate) fn known_len(&self) -> usize {
        self.parts.known
    }

    /// Whether writing a body in `context` runs steps of the layout, which need the error:
    /// then [`write`](Self::write) takes them.
    #[inline]
    pub(crate) fn has_steps(&self, context: &Context) -> bool {
        self.steps || context.holds() & self.needs_error & holds::DEBUG_DETAIL != 0
    }

    /// Whether the body in `context` is the template's bytes, the context's values and the
    /// error's message alone: no step to run and no translation, so the layout and the
    /// error's `Problem` are not needed.
    #[inline(always)]
    pub(crate) fn writes_alone(&self, context: &Context) -> bool {
        !self.steps && context.holds() & self.needs_error == 0
    }

    /// The body of `error` in `context` when it [`writes_alone`](Self::writes_alone): the
    /// known bytes, the request values the context holds and the message, nothing else to
    /// run. A part that writes nothing here (debug detail that is off) is skipped: the bytes
    /// around it are one copy.
    ///
    /// # Errors
    /// When the error's `Display` fails.
    #[inline(always)]
    pub(crate) fn write_alone(
        &self,
        error: &dyn ApiError,
        context: &Context,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        let Parts { holed, hole, .. } = &*self.parts;
        // The message alone varies, and the context shows nothing: two copies around it.
        if context.holds() & self.shows == 0
            && let Some((before, after)) = holed.split_at_checked(*hole)
            && !holed.is_empty()
        {
            out.extend_from_slice(before);
            write_message(error, out)?;
            out.extend_from_slice(after);
            return Ok(());
        }
        self.parts
            .walk(context, out, |out| write_message(error, out))
    }

    /// Appends the body in `context`: the known bytes, the request context's values, and
    /// the steps that vary, run in between with `steps` (the layout, its compiled steps, the
    /// error): for a template that [`has_steps`](Self::has_steps).
    ///
    /// # Errors
    /// Those of the steps.
    pub(crate) fn write(
        &self,
        out: &mut Vec<u8>,
        context: &Context,
        (layout, ops, cx): (&Layout<'_>, &[Op<'_>], Cx<'_>),
    ) -> Result<(), RenderError> {
        let steps = |out: &mut Vec<u8>, start: u16, end: u16| {
            let ops = ops
                .get(usize::from(start)..usize::from(end))
                .unwrap_or_default();
            run(&mut Writer::new(out), layout, ops, cx)
        };
        let bytes = &*self.parts.bytes;
        out.reserve(bytes.len() + 64);
        let mut at = 0;
        for part in &*self.parts.parts {
            let end = part.end as usize;
            match part.kind {
                Kind::Request(request) => {
                    let key_end = part.key_end as usize;
                    if request.is_in(context) {
                        // The fixed bytes and the key in one copy.
                        out.extend_from_slice(bytes.get(at..key_end).unwrap_or_default());
                        request.write(context, out);
                        at = key_end;
                    } else {
                        out.extend_from_slice(bytes.get(at..end).unwrap_or_default());
                        // The key and the closing quote.
                        at = key_end + 1;
                    }
                }
                Kind::Steps(start, last) => {
                    out.extend_from_slice(bytes.get(at..end).unwrap_or_default());
                    at = end;
                    steps(out, start, last)?;
                }
                Kind::Debug(start, last) => {
                    out.extend_from_slice(bytes.get(at..end).unwrap_or_default());
                    at = end;
                    if context.debug_detail() {
                        steps(out, start, last)?;
                    }
                }
                Kind::Message => {
                    out.extend_from_slice(bytes.get(at..end).unwrap_or_default());
                    at = end;
                    write_message(cx.problem.error(), out)?;
                }
            }
        }
        out.extend_from_slice(bytes.get(at..self.parts.known).unwrap_or_default());
        Ok(())
    }
}
