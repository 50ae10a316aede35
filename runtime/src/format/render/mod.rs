//! A [`Layout`](super::Layout) rendered for one error: [`resolve`] says what each member holds
//! for this error (or that it is absent), and the writers only spell it: `bytes` as JSON
//! straight into a buffer (by the layout's compiled steps, or slot by slot), `serde` through
//! any serializer. All must produce the same bytes for serde_json; `bytes`' unit test compares
//! the steps with the slots, and the formats' tests compare the bytes with serde.

use crate::format::layout::{Literal, Slot, Value};
use crate::problem::Kebab;
use crate::{DebugDetail, FieldErrors, FieldPath, Message, Problem, Timestamp};

pub(crate) mod bytes;
pub(crate) mod serde;

/// What a value is rendered for: the error, and inside a field item, one field's message.
#[derive(Clone, Copy)]
pub(crate) struct Cx<'p> {
    pub(crate) problem: &'p Problem<'p>,
    pub(crate) field: Option<(&'p FieldPath, &'p str)>,
}

impl<'p> Cx<'p> {
    pub(crate) fn new(problem: &'p Problem<'p>) -> Self {
        Cx {
            problem,
            field: None,
        }
    }

    pub(crate) fn with_field(self, path: &'p FieldPath, message: &'p str) -> Self {
        Cx {
            field: Some((path, message)),
            ..self
        }
    }

    /// One context per item of a list of `members`: one per field message, or (for
    /// [`Value::ErrorItems`] without field errors) one without a field.
    pub(crate) fn items(
        self,
        fields: Option<&'p FieldErrors>,
        one_without: bool,
    ) -> impl Iterator<Item = Cx<'p>> {
        let per_message = fields.into_iter().flat_map(move |fields| {
            fields.iter().flat_map(move |entry| {
                entry
                    .messages()
                    .iter()
                    .map(move |message| self.with_field(entry.path(), message))
            })
        });
        let without = (one_without && fields.is_none()).then_some(self);
        per_message.chain(without)
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
    /// Items of these members, one per context.
    Items(&'p [Slot<'p>], Option<&'p FieldErrors>, bool),
    Object(&'p [Slot<'p>]),
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
    let p = cx.problem;
    let spec = p.spec();
    let context = p.context();
    Some(match *value {
        Value::Literal(Literal::Bool(value)) => Resolved::Bool(value),
        Value::Literal(Literal::Str(text)) => Resolved::Str(text, plain),
        Value::Code => Resolved::Str(spec.code(), spec.is_code_plain()),
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
        Value::FieldItems(members) => Resolved::Items(members, Some(p.field_errors()?), false),
        Value::ErrorItems(members) => Resolved::Items(members, p.field_errors(), true),
        Value::FieldPath => Resolved::Path(cx.field?.0),
        Value::FieldPointer { prefix } => Resolved::Pointer(cx.field?.0, prefix),
        Value::FieldMessage => Resolved::Str(cx.field?.1, false),
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

/// Whether an object of `members` would have any member.
fn any_present<'p>(members: &'p [Slot<'p>], cx: Cx<'p>) -> bool {
    members.iter().any(|member| {
        if member.is_extensions() {
            let mut any = false;
            if !cx.problem.spec().surely_without_members() {
                cx.problem.error().visit_members(&mut |extension| {
                    any |= !is_taken(members, extension.name());
                });
            }
            any
        } else {
            resolve(member.value(), member.is_value_plain(), cx).is_some()
        }
    })
}

/// Whether an extension member called `name` would clash with a member of the object.
#[inline]
pub(crate) fn is_taken(members: &[Slot<'_>], name: &str) -> bool {
    members
        .iter()
        .any(|member| !member.is_extensions() && member.name() == name)
}
