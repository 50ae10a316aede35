//! The parts of a [`Layout`](super::Layout): a [`Slot`] is a member's name and the [`Value`]
//! it holds, and values hold the objects and lists nested in a body.

use crate::json_text::is_plain;

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
