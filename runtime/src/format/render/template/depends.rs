//! What a template's steps depend on, beyond the code's [`Spec`] and the layout: which are
//! run once when the template is built, which write the request's values, which run for
//! each body; and which of the request's values a layout shows.

use crate::Spec;
use crate::context::holds;
use crate::format::Layout;
use crate::format::compile::{Object, Op};
use crate::format::slot::{List, Slot, Value};

/// What a step's output depends on, beyond the code's [`Spec`] and the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Depends {
    /// Nothing: the same bytes for every error of the code.
    Nothing,
    /// The request context (correlation id, timestamp, path, method, instance, debug detail),
    /// and nothing when the context holds none of it.
    Request,
    /// The error's value or the format's value (an interpolated message, field errors,
    /// sub-errors, members, settings).
    Value,
}

/// What of the request context a slot shows (`context::holds` bits), wherever in it.
pub(super) fn slot_shows(slot: &Slot<'_>) -> u8 {
    value_shows(slot.value())
}

fn value_shows(value: &Value<'_>) -> u8 {
    let all = |slots: &[Slot<'_>]| slots.iter().fold(0, |shown, slot| shown | slot_shows(slot));
    match *value {
        Value::Instance => holds::INSTANCE,
        Value::CorrelationId => holds::CORRELATION_ID,
        Value::Timestamp => holds::TIMESTAMP,
        Value::Path => holds::PATH,
        Value::Method => holds::METHOD,
        Value::DebugDetail => holds::DEBUG_DETAIL,
        Value::Join(values) | Value::Array(values) => values
            .iter()
            .fold(0, |shown, value| shown | value_shows(value)),
        Value::Object(slots)
        | Value::ObjectUnlessEmpty(slots)
        | Value::FieldItems(slots)
        | Value::ErrorItems(slots)
        | Value::SubErrorItems(slots) => all(slots),
        _ => 0,
    }
}

/// What the output of one step (an item list with its body) depends on.
pub(super) fn op_depends(op: &Op<'_>, layout: &Layout<'_>, spec: &Spec) -> Depends {
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
