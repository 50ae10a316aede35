//! The values of the request context a template writes: which ones (by their
//! `context::holds` bit) and how each is written straight from the context.

use crate::Context;
use crate::context::holds;
use crate::format::slot::Value;
use crate::json_text::escape_into;

/// A value of the request context a template's part writes: its `context::holds` bit.
#[derive(Debug, Clone, Copy)]
#[repr(u8)]
pub(super) enum Request {
    Instance = holds::INSTANCE,
    CorrelationId = holds::CORRELATION_ID,
    Timestamp = holds::TIMESTAMP,
    Path = holds::PATH,
    Method = holds::METHOD,
}

impl Request {
    pub(super) fn of(value: &Value<'_>) -> Option<Self> {
        Some(match value {
            Value::Instance => Request::Instance,
            Value::CorrelationId => Request::CorrelationId,
            Value::Timestamp => Request::Timestamp,
            Value::Path => Request::Path,
            Value::Method => Request::Method,
            _ => return None,
        })
    }

    /// Whether `context` holds the value: its bit, set exactly when the value is.
    #[inline(always)]
    pub(super) fn is_in(self, context: &Context) -> bool {
        context.holds() & self as u8 != 0
    }

    /// Writes the value, which `context` holds, as `render::resolve` and `write_value` write
    /// it. A correlation id is copied: its characters are checked when it is made, and none
    /// is one JSON escapes. The path, method and instance were checked when they were set.
    /// Out of line: inlined in the loop over a template's parts, the reads of every value
    /// are hoisted out of it, which costs more than this call.
    #[inline(never)]
    pub(super) fn write(self, context: &Context, out: &mut Vec<u8>) {
        let (text, plain) = match self {
            Request::CorrelationId => match context.correlation_id() {
                Some(id) => (id.as_str(), true),
                None => return,
            },
            Request::Timestamp => return write_timestamp(context, out),
            Request::Path => match context.path_text() {
                Some(text) => text,
                None => return,
            },
            Request::Method => match context.method_text() {
                Some(text) => text,
                None => return,
            },
            Request::Instance => match context.instance_text() {
                Some(text) => text,
                None => return,
            },
        };
        if plain {
            out.extend_from_slice(text.as_bytes());
        } else {
            escape_into(out, text);
        }
    }
}

/// The context's timestamp, if any: 24 ASCII bytes, never escaped. Out of line, so that
/// [`Request::write`] keeps no buffer on the stack.
#[inline(never)]
fn write_timestamp(context: &Context, out: &mut Vec<u8>) {
    if let Some(at) = context.timestamp() {
        out.extend_from_slice(&at.rfc3339());
    }
}
