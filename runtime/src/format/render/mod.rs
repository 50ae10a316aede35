//! A [`Layout`](super::Layout) rendered for one error: [`resolve`] says what each member holds
//! for this error (or that it is absent), and the writers only spell it: `bytes` as JSON
//! straight into a buffer (by the layout's compiled steps, or slot by slot), `serde` through
//! any serializer. All must produce the same bytes for serde_json; `bytes`' unit test compares
//! the steps with the slots, and the formats' tests compare the bytes with serde.

use crate::format::AnyFormat;
use crate::format::Layout;
use crate::format::slot::{List, Literal, Slot, Value};
use crate::json_text::is_number;
use crate::problem::Kebab;
use crate::{
    DebugDetail, FieldError, FieldErrors, FieldPath, Member, Message, Problem, SubError, SubErrors,
    Timestamp, Violation,
};

pub(crate) mod bytes;
pub(crate) mod serde;
pub(crate) mod template;
#[cfg(test)]
mod tests;

/// What a value is rendered for: the error in a format, and inside an item of a list, one
/// field entry or one sub-error.
#[derive(Clone, Copy)]
pub(crate) struct Cx<'p> {
    pub(crate) problem: &'p Problem<'p>,
    pub(crate) format: &'p dyn AnyFormat,
    pub(crate) item: Item<'p>,
}

/// What an item of a list is about.
#[derive(Clone, Copy)]
pub(crate) enum Item<'p> {
    /// The error itself: outside lists, or the one item of a list of errors without others.
    Error,
    /// One entry of field errors: its field (whose path is printed already) and what is wrong.
    Field(&'p FieldError, &'p Violation),
    Sub(&'p SubError),
}

impl<'p> Cx<'p> {
    pub(crate) fn new(problem: &'p Problem<'p>, format: &'p dyn AnyFormat) -> Self {
        Cx {
            problem,
            format,
            item: Item::Error,
        }
    }

    pub(crate) fn with_field(self, field: &'p FieldError, violation: &'p Violation) -> Self {
        Cx {
            item: Item::Field(field, violation),
            ..self
        }
    }

    pub(crate) fn with_sub(self, sub: &'p SubError) -> Self {
        Cx {
            item: Item::Sub(sub),
            ..self
        }
    }

    /// Whether this is about the error itself, not one of its field entries or sub-errors:
    /// only then are its extension members written, once per body whatever the items.
    #[inline]
    pub(crate) fn is_about_error(self) -> bool {
        matches!(self.item, Item::Error)
    }

    /// The field entry of an item about one.
    fn field(self) -> Option<(&'p FieldError, &'p Violation)> {
        match self.item {
            Item::Field(field, violation) => Some((field, violation)),
            _ => None,
        }
    }

    /// One context per item of a `list`: one per sub-error, then one per field entry, of those
    /// the list shows ([`list_sources`]); for [`Value::ErrorItems`] without either, one for the
    /// error itself.
    pub(crate) fn items(self, list: List) -> impl Iterator<Item = Cx<'p>> {
        let (subs, fields) = list_sources(self.problem, list);
        let errors = list == List::Errors;
        let per_sub = subs
            .into_iter()
            .flatten()
            .map(move |sub| self.with_sub(sub));
        let per_entry = fields
            .into_iter()
            .flat_map(FieldErrors::entries_by_field)
            .map(move |(field, violation)| self.with_field(field, violation));
        let without = (errors && subs.is_none() && fields.is_none()).then_some(self);
        per_sub.chain(per_entry).chain(without)
    }
}

/// A member's value for one error, ready to spell.
pub(crate) enum Resolved<'p> {
    Bool(bool),
    /// A string; `plain` when known to need no escaping.
    Str(&'p str, bool),
    Message(Message<'p>),
    Status(u16),
    StatusString(u16),
    TypeUri(TypeUri<'p>),
    Timestamp(Timestamp),
    DebugDetail(DebugDetail<'p>),
    Path(&'p FieldPath),
    Pointer(&'p FieldPath, &'p str),
    MapOfLists(&'p FieldErrors),
    MapOfStrings(&'p FieldErrors),
    /// Items of these members, one per context of the list.
    Items(&'p [Slot<'p>], List),
    Object(&'p [Slot<'p>]),
    Kebab(&'p str),
    /// A code of digits only, written as a number.
    Number(&'p str),
    Params(&'p [(std::borrow::Cow<'static, str>, serde_json::Value)]),
    Json(&'p serde_json::Value),
    Member(Member<'p>),
    /// One string of these parts.
    Join(&'p [Value<'p>]),
    Array(&'p [Value<'p>]),
}

/// The parts of a [`Value::Join`], as one string.
pub(crate) struct Joined<'p> {
    pub(crate) parts: &'p [Value<'p>],
    pub(crate) cx: Cx<'p>,
}

impl std::fmt::Display for Joined<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for part in self.parts {
            match resolve(part, false, self.cx) {
                Some(Resolved::Str(text, _) | Resolved::Number(text)) => f.write_str(text)?,
                Some(Resolved::Message(message)) => std::fmt::Display::fmt(&message, f)?,
                Some(Resolved::Status(status) | Resolved::StatusString(status)) => {
                    f.write_str(itoa::Buffer::new().format(status))?;
                }
                Some(Resolved::Kebab(code)) => std::fmt::Display::fmt(&Kebab(code), f)?,
                Some(Resolved::TypeUri(uri)) => std::fmt::Display::fmt(&uri, f)?,
                // `Layout::new` lets only strings into a join.
                _ => {}
            }
        }
        Ok(())
    }
}

/// Calls `visit` with each header of `format` and its value for `problem`, leaving out those
/// whose value is absent.
pub(crate) fn header_values(
    format: &dyn AnyFormat,
    problem: &Problem<'_>,
    visit: &mut dyn FnMut(&'static str, &str),
) {
    let cx = Cx::new(problem, format);
    let mut text = String::new();
    for header in format.layout().headers() {
        // A join is its parts; any other string is a join of one.
        let parts = match header.value() {
            Value::Join(parts) => parts,
            value => std::slice::from_ref(value),
        };
        if resolve(header.value(), false, cx).is_none() {
            continue;
        }
        text.clear();
        if std::fmt::Write::write_fmt(&mut text, format_args!("{}", Joined { parts, cx })).is_ok() {
            visit(header.name(), &text);
        }
    }
}

/// A problem type built from a base: the base, then the code in kebab case.
#[derive(Clone, Copy)]
pub(crate) struct TypeUri<'a>(&'a str, &'a str);

impl std::fmt::Display for TypeUri<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)?;
        std::fmt::Display::fmt(&Kebab(self.1), f)
    }
}

/// What `value` holds for the error of `cx`, or `None` when the member is absent; `plain` when
/// a literal string needs no escaping. The one place that knows what each [`Value`] means.
#[inline(always)]
pub(crate) fn resolve<'p>(value: &Value<'p>, plain: bool, cx: Cx<'p>) -> Option<Resolved<'p>> {
    if let Item::Sub(sub) = cx.item
        && let Some(resolved) = resolve_sub(value, sub)
    {
        return resolved;
    }
    let p = cx.problem;
    let spec = p.spec();
    let context = p.context();
    Some(match *value {
        Value::Literal(Literal::Bool(value)) => Resolved::Bool(value),
        Value::Literal(Literal::Str(text)) => Resolved::Str(text, plain),
        Value::Code => Resolved::Str(spec.code(), spec.is_code_plain()),
        Value::KebabCode => Resolved::Kebab(spec.code()),
        Value::NumericCode if spec.is_code_numeric() => Resolved::Number(spec.code()),
        Value::NumericCode => Resolved::Str(spec.code(), spec.is_code_plain()),
        Value::Status => Resolved::Status(p.status().as_u16()),
        Value::StatusString => Resolved::StatusString(p.status().as_u16()),
        Value::Message => Resolved::Message(p.message()),
        Value::MessageUnlessRedacted => {
            if p.is_redacted() {
                return None;
            }
            Resolved::Message(p.message())
        }
        Value::Detail => {
            let message = p.message();
            // An interpolated message is never formatted just to compare it.
            if message.as_static() == Some(p.title()) {
                return None;
            }
            Resolved::Message(message)
        }
        Value::Title => Resolved::Str(p.title(), p.is_title_plain()),
        // Reason phrases never need escaping; a category when its spec says so.
        Value::Category => match p.category() {
            Some(category) => Resolved::Str(category, spec.is_category_plain()),
            None => Resolved::Str(p.reason(), true),
        },
        Value::ProblemType { base } => match (spec.problem_type(), base) {
            (Some(uri), _) => Resolved::Str(uri, spec.is_type_plain()),
            (None, Some(base)) => Resolved::TypeUri(TypeUri(base, p.code())),
            (None, None) => Resolved::Str("about:blank", true),
        },
        Value::Instance => Resolved::Str(context.instance()?, false),
        Value::CorrelationId => Resolved::Str(context.correlation_id()?.as_str(), false),
        Value::Timestamp => Resolved::Timestamp(context.timestamp()?),
        Value::Path => Resolved::Str(context.path()?, false),
        Value::Method => Resolved::Str(context.method()?.as_str(), false),
        Value::DebugDetail => Resolved::DebugDetail(p.debug_detail()?),
        Value::FieldMapOfLists => Resolved::MapOfLists(p.field_errors()?),
        Value::FieldMapOfStrings => Resolved::MapOfStrings(p.field_errors()?),
        Value::FieldItems(members) => {
            p.field_errors()?;
            Resolved::Items(members, List::Fields)
        }
        Value::ErrorItems(members) => Resolved::Items(members, List::Errors),
        Value::SubErrorItems(members) => {
            p.error().sub_errors().filter(|subs| !subs.is_empty())?;
            Resolved::Items(members, List::Subs)
        }
        // Printed when the field was added: a string like any other.
        Value::FieldPath => {
            let field = cx.field()?.0;
            Resolved::Str(field.dotted(), field.is_dotted_plain())
        }
        Value::FieldPointer { prefix } => Resolved::Pointer(cx.field()?.0.path(), prefix),
        Value::FieldMessage => Resolved::Str(cx.field()?.1.text(), false),
        Value::FieldMessageIfAny => Resolved::Str(cx.field()?.1.message()?, false),
        Value::FieldCode => Resolved::Str(cx.field()?.1.code()?, false),
        Value::FieldParams => match cx.field()?.1.params() {
            [] => return None,
            params => Resolved::Params(params),
        },
        Value::FieldParam(name) => Resolved::Json(
            cx.field()?
                .1
                .params()
                .iter()
                .find_map(|(key, value)| (key == name).then_some(value))?,
        ),
        Value::Setting(name) => Resolved::Str(cx.format.setting(name)?, false),
        Value::Datum(name) => Resolved::Str(spec.data(name)?, false),
        Value::Member(name) if cx.is_about_error() => Resolved::Member(p.error().member(name)?),
        Value::Member(_) => return None,
        Value::Join(parts) => {
            if !parts.iter().all(|part| resolve(part, false, cx).is_some()) {
                return None;
            }
            Resolved::Join(parts)
        }
        Value::Array(values) => Resolved::Array(values),
        Value::Object(members) => Resolved::Object(members),
        Value::ObjectUnlessEmpty(members) => {
            if !any_present(members, cx) {
                return None;
            }
            Resolved::Object(members)
        }
        Value::Reserved | Value::Extensions => return None,
    })
}

/// What `value` holds in the item of the sub-error `sub`, when the sub-error decides it:
/// `Some(None)` when it makes the value absent, `None` when the value is the error's.
#[cold]
fn resolve_sub<'p>(value: &Value<'p>, sub: &'p SubError) -> Option<Option<Resolved<'p>>> {
    let text = |text: Option<&'p str>| text.map(|text| Resolved::Str(text, false));
    Some(match *value {
        Value::Code | Value::NumericCode => Some(
            if is_number(sub.code()) && matches!(value, Value::NumericCode) {
                Resolved::Number(sub.code())
            } else {
                Resolved::Str(sub.code(), false)
            },
        ),
        Value::KebabCode => Some(Resolved::Kebab(sub.code())),
        // A sub-error without a status has the error's.
        Value::Status => Some(Resolved::Status(sub.status()?.as_u16())),
        Value::StatusString => Some(Resolved::StatusString(sub.status()?.as_u16())),
        Value::Title => text(sub.title()),
        Value::Message | Value::MessageUnlessRedacted | Value::Detail | Value::FieldMessage => {
            text(sub.message())
        }
        Value::FieldPath => sub.field().map(Resolved::Path),
        Value::FieldPointer { prefix } => sub.field().map(|path| Resolved::Pointer(path, prefix)),
        Value::FieldMessageIfAny | Value::FieldCode | Value::FieldParams | Value::FieldParam(_) => {
            None
        }
        _ => return None,
    })
}

/// The sub-errors and field entries a `list` shows, each `None` when there are none: the one
/// rule both writers follow.
#[inline]
pub(crate) fn list_sources<'p>(
    problem: &Problem<'p>,
    list: List,
) -> (Option<&'p SubErrors>, Option<&'p FieldErrors>) {
    let subs = match list {
        List::Errors | List::Subs => problem.error().sub_errors().filter(|subs| !subs.is_empty()),
        List::Fields => None,
    };
    let fields = match list {
        List::Fields | List::Errors => problem.field_errors(),
        List::Subs => None,
    };
    (subs, fields)
}

/// Whether an object of `members` would have any member.
fn any_present<'p>(members: &'p [Slot<'p>], cx: Cx<'p>) -> bool {
    members.iter().any(|member| {
        if member.is_extensions() {
            let mut any = false;
            if cx.is_about_error() && !cx.problem.spec().surely_without_members() {
                cx.problem.error().visit_members(&mut |extension| {
                    any |= !is_taken(cx.format.layout(), members, extension.name());
                });
            }
            any
        } else {
            resolve(member.value(), member.is_value_plain(), cx).is_some()
        }
    })
}

/// Whether an extension member called `name` would clash with a member of the object, or the
/// layout writes it in a place of its own ([`Value::Member`]).
#[inline]
pub(crate) fn is_taken(layout: &Layout<'_>, members: &[Slot<'_>], name: &str) -> bool {
    layout.member_names().contains(name)
        || members
            .iter()
            .any(|member| !member.is_extensions() && member.name() == name)
}
