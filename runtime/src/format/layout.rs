//! The one definition of a format: a table of the members its bodies have.
//!
//! A format declares its body once, as a [`Layout`]: each [`Slot`] is a name and the
//! [`Value`] it holds. Everything else follows from that table: the byte writer and the serde
//! path (which produce the same bytes), the JSON Schema behind OpenAPI, the TypeScript
//! interface, the catalogue's example bodies and the decoder of typed clients. A value knows
//! when it is present (`correlationId` only when the request has one, field errors only when
//! there are some), so the table says nothing about conditions.

use super::check::{MemberNames, check, check_join, is_header_name};
use super::compile::Program;
use super::slot::{Slot, Value};

/// The most members a layout's top-level object has; nested objects have no limit.
pub const MAX_SLOTS: usize = 16;

/// The members of a body's top-level object, in the order they are written.
///
/// Build it in a `const`: it is then checked and compiled into the steps that write bodies
/// when your crate is compiled, and [`Format::layout`](super::Format::layout) hands out a
/// reference to it.
///
/// ```
/// use apierr::format::{Format, Layout, Slot, Value};
///
/// /// `{"ok":false,"error":{"code","message"},…extension members}`
/// struct Legacy;
///
/// const LEGACY: Layout<'static> = Layout::new(&[
///     Slot::new("ok", Value::FALSE),
///     Slot::new(
///         "error",
///         Value::Object(&[Slot::new("code", Value::Code), Slot::new("message", Value::Message)]),
///     )
///     .doc("The error."),
///     Slot::extensions(),
/// ]);
///
/// impl Format for Legacy {
///     fn layout(&self) -> &Layout<'_> {
///         &LEGACY
///     }
/// }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Layout<'a> {
    slots: [Slot<'a>; MAX_SLOTS],
    len: usize,
    program: Program<'a>,
    /// The status of every response, when the format sets it (`0` when not).
    status: u16,
    /// Headers added to every response: a name and the string value it holds.
    headers: &'a [Slot<'a>],
    members: MemberNames<'a>,
}

impl<'a> Layout<'a> {
    /// A body whose top-level object has `slots`.
    ///
    /// # Panics
    /// In a `const` these are compile errors:
    /// - more than [`MAX_SLOTS`] slots;
    /// - two members of one object with the same name, or two [`Slot::extensions`];
    /// - a field's path, pointer or message outside the items of a list
    ///   ([`Value::FieldItems`], [`Value::ErrorItems`]);
    /// - field errors inside the items of a list;
    /// - an empty [`Value::Array`], or a list of errors in one;
    /// - more than 8 members placed by name ([`Value::Member`]).
    #[must_use]
    pub const fn new(slots: &[Slot<'a>]) -> Self {
        assert!(
            slots.len() <= MAX_SLOTS,
            "a layout's top-level object has at most 16 members"
        );
        check(slots, false);
        let mut inline = [Slot::reserved(""); MAX_SLOTS];
        let mut i = 0;
        while i < slots.len() {
            inline[i] = slots[i];
            i += 1;
        }
        Layout {
            slots: inline,
            len: slots.len(),
            program: Program::compile(slots),
            status: 0,
            headers: &[],
            members: MemberNames::of(slots),
        }
    }

    /// The same layout, answered with `status` whatever the error's own: for APIs that answer
    /// every error with `200 OK` and say in the body that it failed (Slack's `"ok": false`,
    /// GraphQL's `errors`). The body still has the error's own status wherever the layout
    /// puts [`Value::Status`].
    ///
    /// # Panics
    /// When `status` is not between 100 and 999 (a compile error in a `const`).
    #[must_use]
    pub const fn with_status(mut self, status: u16) -> Self {
        assert!(
            status >= 100 && status <= 999,
            "a response status is between 100 and 999"
        );
        self.status = status;
        self
    }

    /// The same layout, with these headers added to every response: each slot's name is the
    /// header's, and its value (a string such as [`Value::Code`], [`Value::Literal`] or
    /// [`Value::Join`]) the header's value, left out when absent or not a valid header value.
    ///
    /// # Panics
    /// When a name is not a lowercase header name (letters, digits, `-` and `_`), or a value is
    /// not a string (a compile error in a `const`).
    #[must_use]
    pub const fn with_headers(mut self, headers: &'a [Slot<'a>]) -> Self {
        let mut i = 0;
        while i < headers.len() {
            assert!(
                is_header_name(headers[i].name()),
                "a header name is lowercase letters, digits, `-` and `_`"
            );
            assert!(
                headers[i].value().is_text(),
                "a header's value is a string: a code, a literal, a status, a setting, a datum or a join of them"
            );
            if let Value::Join(parts) = headers[i].value() {
                check_join(parts);
            }
            i += 1;
        }
        self.headers = headers;
        self
    }

    /// The status every response in this format has, if the format sets one.
    #[must_use]
    pub const fn status(&self) -> Option<u16> {
        if self.status == 0 {
            None
        } else {
            Some(self.status)
        }
    }

    /// The headers every response in this format has.
    #[must_use]
    pub const fn headers(&self) -> &'a [Slot<'a>] {
        self.headers
    }

    /// The same layout with the slot at `index` replaced: for formats whose settings change
    /// a member.
    ///
    /// # Panics
    /// When there is no slot at `index`, or as [`new`](Self::new) does.
    #[must_use]
    pub const fn with_slot(mut self, index: usize, slot: Slot<'a>) -> Self {
        assert!(index < self.len, "no slot at this index");
        self.slots[index] = slot;
        let (slots, _) = self.slots.split_at(self.len);
        check(slots, false);
        self.program = Program::compile(slots);
        self.members = MemberNames::of(slots);
        self
    }

    /// The members of the top-level object.
    #[must_use]
    pub fn slots(&self) -> &[Slot<'a>] {
        &self.slots[..self.len]
    }

    /// The compiled steps that write bodies.
    pub(crate) fn program(&self) -> &Program<'a> {
        &self.program
    }

    /// The members placed by name ([`Value::Member`]) anywhere in the layout.
    pub(crate) fn member_names(&self) -> &MemberNames<'a> {
        &self.members
    }
}
