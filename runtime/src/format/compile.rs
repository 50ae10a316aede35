//! A layout compiled, when it is built, into the steps that write its bodies.
//!
//! Read slot by slot, a layout costs a dispatch, a key and its punctuation per member. Most of
//! a body is known before any error exists: the names, the punctuation, the literals, the
//! objects that are always there. [`Program::compile`] runs once per layout (at compile time
//! for a layout in a `const`) and joins all of that into byte runs, so that writing a body is
//! a few copies and the values that vary; what cannot be compiled this way is left to the
//! slot-by-slot writer, for that member or for the whole body.

use super::cache::Fingerprint;
use super::slot::{List, Literal, Place, Slot, Value};
use crate::json_text::is_plain;

/// How many steps a program holds; a layout that needs more is written slot by slot.
const MAX_OPS: usize = 40;
/// How many bytes of fixed JSON a program holds.
const MAX_BYTES: usize = 320;
/// The most bytes one step copies: every copy is of this many bytes, then cut to its length,
/// so that it is a few register moves rather than a call to `memcpy` for a short length.
pub(crate) const WINDOW: usize = 32;

/// The object a step refers to: the layout's top level (kept in the layout itself), or a
/// nested one.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Object<'a> {
    Top,
    Nested(&'a [Slot<'a>]),
}

/// One step of writing a body.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Op<'a> {
    /// Fixed JSON: `bytes[start..start + len]`, also kept in the step itself as the first
    /// `len` bytes of `window` (filled in when compiling ends), so that writing it reads
    /// nothing else.
    Raw {
        start: u16,
        len: u16,
        window: [u8; WINDOW],
    },
    /// The code, the public message, the status as a number: values every body has, written
    /// directly; their keys are already written.
    Code,
    Message,
    Status,
    /// In a field item: the field's dotted path, its pointer after `prefix`, its message.
    FieldPath,
    FieldPointer {
        prefix: &'a str,
    },
    FieldMessage,
    /// Another value every body has; its key is already written.
    Value {
        value: Value<'a>,
        plain: bool,
    },
    /// `,"name":value` when the value is there (the key is `bytes[start..start + len]`).
    Optional {
        start: u16,
        len: u16,
        value: Value<'a>,
        plain: bool,
    },
    /// `,"name":value` for each extension member no member of `object` is called.
    Extensions {
        object: Object<'a>,
    },
    /// `,"name":value` for the member `index` of `object`, written slot by slot.
    Slot {
        object: Object<'a>,
        index: u8,
    },
    /// A list of items, its key and `[` already written: the `body` steps that follow, once
    /// per item, then `]`. `optional` when there is no list without items (its key is then
    /// `bytes[start..start + len]`, written only with them).
    Items {
        body: u8,
        optional: bool,
        list: List,
        start: u16,
        len: u16,
    },
}

/// The compiled steps of one layout, or `None` in `ops` when it must be written slot by slot.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Program<'a> {
    ops: [Op<'a>; MAX_OPS],
    len: usize,
    /// The fixed JSON, then a window's worth of padding.
    bytes: [u8; MAX_BYTES + WINDOW],
    bytes_len: usize,
    /// Steps before this one are closed: fixed JSON after a list's items is not theirs.
    sealed: usize,
    ok: bool,
    /// What identifies the bodies of the layout; see [`Fingerprint`].
    fingerprint: Fingerprint,
}

impl<'a> Program<'a> {
    /// The steps, when the layout compiled.
    pub(crate) fn ops(&self) -> Option<&[Op<'a>]> {
        self.ok.then(|| &self.ops[..self.len])
    }

    /// What identifies the bodies of the layout, when it compiled.
    #[inline]
    pub(crate) fn fingerprint(&self) -> Option<Fingerprint> {
        self.ok.then_some(self.fingerprint)
    }

    /// The fingerprint, whether or not the layout compiled: for looking up bodies, which
    /// are only ever kept for layouts that compiled (and a layout of the same fingerprint
    /// has the same slots, so it compiled too).
    #[inline]
    pub(crate) fn fingerprint_for_lookup(&self) -> Fingerprint {
        self.fingerprint
    }

    /// The window of fixed JSON a step copies from `start`: its first `len` bytes, at most
    /// [`WINDOW`], are the step's.
    #[inline]
    pub(crate) fn window(&self, start: u16) -> Option<&[u8; WINDOW]> {
        self.bytes.get(usize::from(start)..)?.first_chunk()
    }

    /// Compiles the top-level object of `slots`.
    pub(crate) const fn compile(slots: &[Slot<'a>]) -> Self {
        let mut program = Program {
            ops: [Op::Raw {
                start: 0,
                len: 0,
                window: [0; WINDOW],
            }; MAX_OPS],
            len: 0,
            bytes: [0; MAX_BYTES + WINDOW],
            bytes_len: 0,
            sealed: 0,
            ok: true,
            fingerprint: Fingerprint::of(slots),
        };
        if !program.object(slots, Object::Top, Place::Body) {
            program.ok = false;
        }
        // Each run of fixed JSON into its step.
        let mut i = 0;
        while i < program.len {
            if let Op::Raw { start, len, .. } = program.ops[i] {
                let mut window = [0; WINDOW];
                let mut j = 0;
                while j < WINDOW {
                    window[j] = program.bytes[start as usize + j];
                    j += 1;
                }
                program.ops[i] = Op::Raw { start, len, window };
            }
            i += 1;
        }
        program
    }

    /// The steps of an object of `slots`, braces included; `false` when it cannot be compiled
    /// (then the caller writes it slot by slot), at `place`.
    const fn object(&mut self, slots: &[Slot<'a>], object: Object<'a>, place: Place) -> bool {
        // Commas are decided here, once: the first member must be in every body.
        if slots.is_empty() || !slots[0].value().is_required(place) {
            return false;
        }
        if !self.raw(b"{") {
            return false;
        }
        let mut i = 0;
        while i < slots.len() {
            let slot = &slots[i];
            let comma = i > 0;
            if !self.member(slot, object, i, comma, place) {
                return false;
            }
            i += 1;
        }
        self.raw(b"}")
    }

    /// The steps of one member.
    const fn member(
        &mut self,
        slot: &Slot<'a>,
        object: Object<'a>,
        index: usize,
        comma: bool,
        place: Place,
    ) -> bool {
        let value = *slot.value();
        match value {
            Value::Extensions => return self.op(Op::Extensions { object }),
            Value::Reserved => return true,
            _ => {}
        }
        // A name that needs escaping goes slot by slot.
        if !slot.is_name_plain() {
            return self.by_slot(object, index);
        }
        let always = value.is_required(place);
        match value {
            Value::Literal(Literal::Bool(value)) => {
                self.key(slot, comma) && self.raw(if value { b"true" } else { b"false" })
            }
            Value::Literal(Literal::Str(text)) if is_plain(text) => {
                self.key(slot, comma)
                    && self.raw(b"\"")
                    && self.raw(text.as_bytes())
                    && self.raw(b"\"")
            }
            Value::Object(inner) => {
                // Compiled on a copy: a key already joined to the fixed JSON before cannot be
                // taken back otherwise.
                let saved = *self;
                if self.key(slot, comma) && self.object(inner, Object::Nested(inner), place) {
                    return true;
                }
                // An object whose commas depend on the error goes slot by slot.
                *self = saved;
                self.by_slot(object, index)
            }
            Value::FieldItems(_) | Value::ErrorItems(_) | Value::SubErrorItems(_) => {
                let saved = *self;
                if self.items(slot, comma, always) {
                    return true;
                }
                *self = saved;
                self.by_slot(object, index)
            }
            Value::ObjectUnlessEmpty(_) => self.by_slot(object, index),
            Value::Code => self.key(slot, comma) && self.op(Op::Code),
            Value::Message if always => self.key(slot, comma) && self.op(Op::Message),
            Value::Status => self.key(slot, comma) && self.op(Op::Status),
            // In an item about a field these are always there; in a list of errors, optional.
            Value::FieldPath if always => self.key(slot, comma) && self.op(Op::FieldPath),
            Value::FieldPointer { prefix } if always => {
                self.key(slot, comma) && self.op(Op::FieldPointer { prefix })
            }
            Value::FieldMessage if always => self.key(slot, comma) && self.op(Op::FieldMessage),
            _ if always => {
                self.key(slot, comma)
                    && self.op(Op::Value {
                        value,
                        plain: slot.is_value_plain(),
                    })
            }
            _ => {
                let start = self.bytes_len;
                if !self.key_bytes(slot, comma) || self.bytes_len - start > WINDOW {
                    return false;
                }
                self.op(Op::Optional {
                    start: start as u16,
                    len: (self.bytes_len - start) as u16,
                    value,
                    plain: slot.is_value_plain(),
                })
            }
        }
    }

    /// The steps of a list of items, its key and brackets included.
    const fn items(&mut self, slot: &Slot<'a>, comma: bool, always: bool) -> bool {
        let Some((item, list)) = slot.value().list() else {
            return false;
        };
        let place = list.place();
        let start = self.bytes_len;
        if !self.key_bytes(slot, comma) || !self.raw_bytes(b"[") {
            return false;
        }
        let key_len = self.bytes_len - start;
        if key_len > WINDOW {
            return false;
        }
        if always {
            // The key and `[` join the fixed JSON before; an optional list writes them
            // itself.
            if !self.raw_op(start, key_len) {
                return false;
            }
        }
        let at = self.len;
        let items = Op::Items {
            body: 0,
            optional: !always,
            list,
            start: start as u16,
            len: key_len as u16,
        };
        // Each item starts a run of its own.
        self.sealed = at + 1;
        if !self.op(items) || !self.object(item, Object::Nested(item), place) {
            return false;
        }
        let body = self.len - at - 1;
        if body > u8::MAX as usize {
            return false;
        }
        if let Op::Items { body: count, .. } = &mut self.ops[at] {
            *count = body as u8;
        }
        self.sealed = self.len;
        true
    }

    /// A member written slot by slot: `,"name":value`. Not for an object's first member,
    /// whose comma is not known before.
    const fn by_slot(&mut self, object: Object<'a>, index: usize) -> bool {
        index > 0
            && index <= u8::MAX as usize
            && self.op(Op::Slot {
                object,
                index: index as u8,
            })
    }

    /// `,"name":` as fixed JSON joined to what comes before.
    const fn key(&mut self, slot: &Slot<'a>, comma: bool) -> bool {
        let start = self.bytes_len;
        self.key_bytes(slot, comma) && self.raw_op(start, self.bytes_len - start)
    }

    /// `,"name":` into the bytes, with no step for it.
    const fn key_bytes(&mut self, slot: &Slot<'a>, comma: bool) -> bool {
        (!comma || self.raw_bytes(b","))
            && self.raw_bytes(b"\"")
            && self.raw_bytes(slot.name().as_bytes())
            && self.raw_bytes(b"\":")
    }

    /// Fixed JSON, joined to the fixed JSON just before when there is some.
    const fn raw(&mut self, json: &[u8]) -> bool {
        let start = self.bytes_len;
        self.raw_bytes(json) && self.raw_op(start, json.len())
    }

    /// Steps for the bytes at `start`: the previous step grown when it ends there and has
    /// room, and new steps of at most [`WINDOW`] bytes for the rest.
    const fn raw_op(&mut self, mut start: usize, mut len: usize) -> bool {
        if self.len > self.sealed
            && let Op::Raw {
                start: before,
                len: before_len,
                ..
            } = self.ops[self.len - 1]
            && before as usize + before_len as usize == start
        {
            let room = WINDOW - before_len as usize;
            let taken = if len < room { len } else { room };
            self.ops[self.len - 1] = Op::Raw {
                start: before,
                len: (before_len as usize + taken) as u16,
                window: [0; WINDOW],
            };
            start += taken;
            len -= taken;
        }
        while len > 0 {
            let taken = if len < WINDOW { len } else { WINDOW };
            if !self.op(Op::Raw {
                start: start as u16,
                len: taken as u16,
                window: [0; WINDOW],
            }) {
                return false;
            }
            start += taken;
            len -= taken;
        }
        true
    }

    const fn raw_bytes(&mut self, json: &[u8]) -> bool {
        if self.bytes_len + json.len() > MAX_BYTES {
            return false;
        }
        let mut i = 0;
        while i < json.len() {
            self.bytes[self.bytes_len + i] = json[i];
            i += 1;
        }
        self.bytes_len += json.len();
        true
    }

    const fn op(&mut self, op: Op<'a>) -> bool {
        if self.len == MAX_OPS {
            return false;
        }
        self.ops[self.len] = op;
        self.len += 1;
        true
    }
}
