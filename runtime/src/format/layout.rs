//! The one definition of a format: a table of the members its bodies have.
//!
//! A format declares its body once, as a [`Layout`]: each [`Slot`] is a name and the
//! [`Value`] it holds. Everything else follows from that table: the byte writer and the serde
//! path (which produce the same bytes), the JSON Schema behind OpenAPI, the TypeScript
//! interface, the catalogue's example bodies and the decoder of typed clients. A value knows
//! when it is present (`correlationId` only when the request has one, field errors only when
//! there are some), so the table says nothing about conditions.

use super::compile::Program;
use crate::format::json::is_plain;

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

/// Whether `name` is a header name as `http` spells them: lowercase, no separators.
const fn is_header_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    if bytes.is_empty() {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        if !matches!(bytes[i], b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_') {
            return false;
        }
        i += 1;
    }
    true
}

/// Refuses layouts whose bodies would not be what they say: see [`Layout::new`].
const fn check(slots: &[Slot<'_>], in_item: bool) {
    let mut i = 0;
    while i < slots.len() {
        check_value(slots[i].value(), in_item);
        let mut j = 0;
        while j < i {
            assert!(
                !same(slots[i].name(), slots[j].name()),
                "two members of one object have the same name (or there are two Slot::extensions())"
            );
            j += 1;
        }
        i += 1;
    }
}

/// One value of [`check`], the values of arrays and objects in it included.
const fn check_value(value: &Value<'_>, in_item: bool) {
    match value {
        Value::FieldPath
        | Value::FieldPointer { .. }
        | Value::FieldMessage
        | Value::FieldMessageIfAny
        | Value::FieldCode
        | Value::FieldParams
        | Value::FieldParam(_) => {
            assert!(
                in_item,
                "a field's path, pointer and message belong in the items of FieldItems or ErrorItems"
            );
        }
        Value::Join(parts) => check_join(parts),
        Value::FieldMapOfLists
        | Value::FieldMapOfStrings
        | Value::FieldItems(_)
        | Value::ErrorItems(_)
        | Value::SubErrorItems(_) => {
            assert!(
                !in_item,
                "field errors cannot be listed inside the items of a list"
            );
            if let Some((inner, _)) = value.list() {
                check(inner, true);
            }
        }
        Value::Object(inner) | Value::ObjectUnlessEmpty(inner) => check(inner, in_item),
        Value::Array(values) => {
            assert!(!values.is_empty(), "an Array has at least one value");
            let mut i = 0;
            while i < values.len() {
                assert!(
                    values[i].list().is_none(),
                    "an Array holds no list of errors: put the list in a member of its own"
                );
                check_value(&values[i], in_item);
                i += 1;
            }
        }
        _ => {}
    }
}

/// The parts of a [`Value::Join`] are strings, and none is a join itself.
const fn check_join(parts: &[Value<'_>]) {
    let mut j = 0;
    while j < parts.len() {
        assert!(
            parts[j].is_text() && !matches!(parts[j], Value::Join(_)),
            "the parts of a Join are strings: codes, literals, statuses, settings, data"
        );
        j += 1;
    }
}

/// The most distinct [`Value::Member`] names a layout has.
const MAX_MEMBER_NAMES: usize = 8;

/// The names of the extension members a layout puts in places of their own
/// ([`Value::Member`]), anywhere in it: no [`Slot::extensions`] writes them again.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MemberNames<'a> {
    names: [&'a str; MAX_MEMBER_NAMES],
    len: usize,
}

impl<'a> MemberNames<'a> {
    const fn of(slots: &[Slot<'a>]) -> Self {
        let mut names = MemberNames {
            names: [""; MAX_MEMBER_NAMES],
            len: 0,
        };
        names.add_slots(slots);
        names
    }

    const fn add_slots(&mut self, slots: &[Slot<'a>]) {
        let mut i = 0;
        while i < slots.len() {
            self.add(slots[i].value());
            i += 1;
        }
    }

    const fn add(&mut self, value: &Value<'a>) {
        match *value {
            Value::Member(name) => {
                let mut i = 0;
                while i < self.len {
                    if same(self.names[i], name) {
                        return;
                    }
                    i += 1;
                }
                assert!(
                    self.len < MAX_MEMBER_NAMES,
                    "a layout places at most 8 members by name"
                );
                self.names[self.len] = name;
                self.len += 1;
            }
            Value::Object(inner)
            | Value::ObjectUnlessEmpty(inner)
            | Value::FieldItems(inner)
            | Value::ErrorItems(inner)
            | Value::SubErrorItems(inner) => self.add_slots(inner),
            Value::Array(values) => {
                let mut i = 0;
                while i < values.len() {
                    self.add(&values[i]);
                    i += 1;
                }
            }
            _ => {}
        }
    }

    /// Whether the member `name` has a place of its own.
    #[inline]
    pub(crate) fn contains(&self, name: &str) -> bool {
        self.names[..self.len].contains(&name)
    }
}

/// `a == b`, in a `const fn`.
pub(crate) const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// One member of an object: its name and what it holds.
#[derive(Debug, Clone, Copy)]
pub struct Slot<'a> {
    name: &'static str,
    value: Value<'a>,
    doc: Option<&'static str>,
    /// Whether the name, and a literal string value, can be written between quotes as they
    /// are: decided once, at compile time for constant layouts.
    plain: bool,
    value_plain: bool,
}

impl<'a> Slot<'a> {
    /// A member called `name` holding `value`.
    #[must_use]
    pub const fn new(name: &'static str, value: Value<'a>) -> Self {
        let value_plain = match value {
            Value::Literal(Literal::Str(text)) => is_plain(text),
            _ => true,
        };
        Slot {
            name,
            value,
            doc: None,
            plain: is_plain(name),
            value_plain,
        }
    }

    /// Where the error's extension members (`#[api(member)]`) go: one entry each, except those
    /// whose name another member of the same object has, and those the layout places by name
    /// ([`Value::Member`]). An object without it is closed.
    #[must_use]
    pub const fn extensions() -> Self {
        Slot::new("", Value::Extensions)
    }

    /// A name no extension member may take, though no value is written under it: for a name a
    /// format reserves in some of its settings.
    #[must_use]
    pub const fn reserved(name: &'static str) -> Self {
        Slot::new(name, Value::Reserved)
    }

    /// Documents the member for the schema and TypeScript, instead of the value's own text.
    #[must_use]
    pub const fn doc(mut self, doc: &'static str) -> Self {
        self.doc = Some(doc);
        self
    }

    /// The name in the body (empty for [`extensions`](Self::extensions)).
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// What it holds.
    #[must_use]
    pub const fn value(&self) -> &Value<'a> {
        &self.value
    }

    /// What it means: the text given to [`doc`](Self::doc), else the value's own.
    #[must_use]
    pub fn documentation(&self) -> &'static str {
        self.doc.unwrap_or_else(|| self.value.doc())
    }

    /// The text given to [`doc`](Self::doc), if any.
    #[must_use]
    pub const fn explicit_doc(&self) -> Option<&'static str> {
        self.doc
    }

    /// Whether the name can be written between quotes as it is.
    pub(crate) const fn is_name_plain(&self) -> bool {
        self.plain
    }

    /// Whether a literal string value can be written between quotes as it is.
    pub(crate) const fn is_value_plain(&self) -> bool {
        self.value_plain
    }

    /// Whether this is the place of the extension members.
    pub(crate) const fn is_extensions(&self) -> bool {
        matches!(self.value, Value::Extensions)
    }
}

/// A JSON value written as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Literal<'a> {
    /// `true` or `false`.
    Bool(bool),
    /// A string, escaped as needed.
    Str(&'a str),
}

/// What a [`Slot`] holds. Each value knows when it is present; the notes say when it is not.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum Value<'a> {
    /// The same JSON in every body, such as `"success": false`.
    Literal(Literal<'a>),
    /// The machine-readable code.
    Code,
    /// The HTTP status as a number.
    Status,
    /// The HTTP status as a string, `"404"`.
    StatusString,
    /// The public message; in an item about a sub-error, the sub-error's (absent when it has
    /// none).
    Message,
    /// The public message; absent when it is the generic one of a redacted code.
    MessageUnlessRedacted,
    /// The public message; absent when it is a fixed message equal to the title (RFC 9457's
    /// `detail`).
    Detail,
    /// The declared title, else the status's reason phrase.
    Title,
    /// The declared category, else the status's reason phrase.
    Category,
    /// The RFC 9457 problem type: the variant's `type`, else `base` followed by the code in
    /// kebab case, else `"about:blank"`.
    ProblemType {
        /// The URI the kebab-case code is appended to.
        base: Option<&'a str>,
    },
    /// The request's RFC 9457 instance, when supplied.
    Instance,
    /// The request's correlation id, when supplied.
    CorrelationId,
    /// When the error happened (RFC 3339), when supplied.
    Timestamp,
    /// The request path, when supplied.
    Path,
    /// The request method, when supplied.
    Method,
    /// The internal message and source chain, only with debug detail switched on.
    DebugDetail,
    /// Field errors as `{"path": ["message", …]}`, when there are any.
    FieldMapOfLists,
    /// Field errors as `{"path": "message; message"}`, when there are any.
    FieldMapOfStrings,
    /// Field errors as a list with one object of these members per entry, in the order they
    /// were reported, when there are any. In it, [`FieldPath`](Self::FieldPath),
    /// [`FieldPointer`](Self::FieldPointer), [`FieldMessage`](Self::FieldMessage),
    /// [`FieldCode`](Self::FieldCode) and the other `Field…` values give the entry's parts; any
    /// other value is the error's (its code, its message), except extension members, which
    /// only the item about the error itself has.
    FieldItems(&'a [Slot<'a>]),
    /// A list of error objects of these members (the `errors[]` of JSON:API and GraphQL
    /// documents): one per sub-error (`#[api(errors)]`), then one per field entry, or one for
    /// the error itself when it has neither. In a sub-error's item, the code, status, title,
    /// message and field are the sub-error's; in a field entry's item, as in
    /// [`FieldItems`](Self::FieldItems), the field's parts are the entry's and the rest the
    /// error's. Extension members ([`Slot::extensions`], [`Member`](Self::Member)) are only in
    /// the item about the error itself, so that they are never repeated once per item.
    ErrorItems(&'a [Slot<'a>]),
    /// A list of error objects of these members, one per sub-error (`#[api(errors)]`); absent
    /// when there are none (the `details` of Microsoft's error bodies). The members are as in
    /// [`ErrorItems`](Self::ErrorItems).
    SubErrorItems(&'a [Slot<'a>]),
    /// In an item: the field's dotted path, `items[0].name`.
    FieldPath,
    /// In an item: the field's JSON Pointer, `#/items/0/name`, or after `prefix` instead of
    /// `#` (such as `/data/attributes`).
    FieldPointer {
        /// What the pointer's segments follow.
        prefix: &'a str,
    },
    /// In an item: the field's message, else its code, else `"is invalid"` (see
    /// [`Violation::text`](crate::Violation::text)); in an item of several errors, the
    /// sub-error's message, when it has one.
    FieldMessage,
    /// In an item: the field's message; absent when the entry has none.
    FieldMessageIfAny,
    /// In an item: the field entry's code (GitHub's `missing_field`, Google's `reason`);
    /// absent when it has none.
    FieldCode,
    /// In an item: the field entry's parameters as an object (`{"min": 3}`); absent when it
    /// has none.
    FieldParams,
    /// In an item: one parameter of the field entry; absent when it has none of that name.
    FieldParam(&'a str),
    /// The machine-readable code in kebab case: `AUTH_EXPIRED` as `auth-expired`.
    KebabCode,
    /// The code as a JSON number when it is one (`code = 20003`), else as a string.
    NumericCode,
    /// A string the format holds, from [`Format::setting`](super::Format::setting): a
    /// documentation URL or a domain read from configuration; absent when it has none.
    Setting(&'a str),
    /// A string the variant declares with `#[api(data(name = "…"))]`; absent when it declares
    /// none of that name.
    Datum(&'a str),
    /// The extension member of this name (`#[api(member)]`), here instead of with the others;
    /// absent when the error has none.
    Member(&'a str),
    /// One string of these parts, each a string value (a literal, the code, a setting…):
    /// `"https://docs.example.com/errors/" + KebabCode`. Absent when a part is.
    Join(&'a [Value<'a>]),
    /// A JSON array of these values, leaving out those that are absent.
    Array(&'a [Value<'a>]),
    /// An object of these members.
    Object(&'a [Slot<'a>]),
    /// An object of these members, absent when none of them is present.
    ObjectUnlessEmpty(&'a [Slot<'a>]),
    /// Nothing: see [`Slot::reserved`].
    Reserved,
    /// The extension members: see [`Slot::extensions`].
    Extensions,
}

impl<'a> Value<'a> {
    /// `false`, as in `"success": false`.
    pub const FALSE: Value<'static> = Value::Literal(Literal::Bool(false));

    /// The value's own documentation, for schemas.
    #[must_use]
    pub fn doc(&self) -> &'static str {
        match self {
            Value::Literal(Literal::Bool(false)) => "Always false.",
            Value::Literal(Literal::Bool(true)) => "Always true.",
            Value::Literal(Literal::Str(_)) => "Always this value.",
            Value::Code => "Machine-readable error code.",
            Value::Status | Value::StatusString => "HTTP status.",
            Value::Message => "Human-readable message, safe to show.",
            Value::MessageUnlessRedacted => {
                "Human-readable message; absent when it would be the generic one."
            }
            Value::Detail => "Explanation of this occurrence; absent when it repeats `title`.",
            Value::Title => "Short summary of the problem type.",
            Value::Category => "The code's category, or the status's reason phrase.",
            Value::ProblemType { .. } => "URI reference identifying the problem type.",
            Value::Instance => "URI reference of this occurrence.",
            Value::CorrelationId => "Request tracking id for debugging.",
            Value::Timestamp => "When the error happened.",
            Value::Path => "The request path.",
            Value::Method => "The request method.",
            Value::DebugDetail => "Debug detail, never in production.",
            Value::FieldMapOfLists => "Field errors: dotted path to messages.",
            Value::FieldMapOfStrings => {
                "Field errors: dotted path to message (several joined with \"; \")."
            }
            Value::FieldItems(_) => "Field errors.",
            Value::ErrorItems(_) | Value::SubErrorItems(_) => "The errors.",
            Value::FieldPath => "The field's dotted path.",
            Value::FieldPointer { .. } => "JSON Pointer to the field.",
            Value::FieldMessage | Value::FieldMessageIfAny => "What is wrong with the field.",
            Value::FieldCode => "Machine-readable code of what is wrong with the field.",
            Value::FieldParams => "The parameters of the rule the field broke.",
            Value::FieldParam(_) => "A parameter of the rule the field broke.",
            Value::KebabCode => "Machine-readable error code, in kebab case.",
            Value::NumericCode => "Numeric error code.",
            Value::Setting(_) | Value::Datum(_) | Value::Join(_) => "",
            Value::Member(_) => "",
            Value::Array(_) => "",
            Value::Object(_) | Value::ObjectUnlessEmpty(_) => "",
            Value::Reserved | Value::Extensions => "",
        }
    }

    /// Whether every body (or every item) has it, in an object at `place`.
    pub(crate) const fn is_required(&self, place: Place) -> bool {
        match self {
            Value::Literal(_)
            | Value::Code
            | Value::KebabCode
            | Value::NumericCode
            | Value::Status
            | Value::StatusString
            | Value::Category
            | Value::ProblemType { .. }
            | Value::ErrorItems(_)
            | Value::Array(_)
            | Value::Object(_) => true,
            // A sub-error may have no title or message.
            Value::Message | Value::Title => !matches!(place, Place::ErrorItem),
            Value::FieldPath | Value::FieldPointer { .. } | Value::FieldMessage => {
                matches!(place, Place::FieldItem)
            }
            Value::Join(parts) => {
                let mut i = 0;
                while i < parts.len() {
                    if !parts[i].is_required(place) {
                        return false;
                    }
                    i += 1;
                }
                true
            }
            _ => false,
        }
    }

    /// The members of each item and what the items are, for a list.
    pub(crate) const fn list(&self) -> Option<(&'a [Slot<'a>], List)> {
        match *self {
            Value::FieldItems(item) => Some((item, List::Fields)),
            Value::ErrorItems(item) => Some((item, List::Errors)),
            Value::SubErrorItems(item) => Some((item, List::Subs)),
            _ => None,
        }
    }

    /// Whether it is a JSON string (or a number written as one), so it can be part of a
    /// [`Value::Join`] or a header.
    pub(crate) const fn is_text(&self) -> bool {
        matches!(
            self,
            Value::Literal(Literal::Str(_))
                | Value::Code
                | Value::KebabCode
                | Value::NumericCode
                | Value::Status
                | Value::StatusString
                | Value::Title
                | Value::Category
                | Value::Message
                | Value::Setting(_)
                | Value::Datum(_)
                | Value::Join(_)
        )
    }
}

/// What the items of a list are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum List {
    /// One per field entry ([`Value::FieldItems`]).
    Fields,
    /// One per sub-error and field entry, else one for the error ([`Value::ErrorItems`]).
    Errors,
    /// One per sub-error ([`Value::SubErrorItems`]).
    Subs,
}

impl List {
    /// What the members of its items are about.
    pub(crate) const fn place(self) -> Place {
        match self {
            List::Fields => Place::FieldItem,
            List::Errors | List::Subs => Place::ErrorItem,
        }
    }
}

/// Where an object is: what its members can be about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// The body, or an object in it outside lists.
    Body,
    /// An item of [`Value::FieldItems`]: always about a field entry.
    FieldItem,
    /// An item of [`Value::ErrorItems`]: about a sub-error, a field entry or the error itself.
    ErrorItem,
}
