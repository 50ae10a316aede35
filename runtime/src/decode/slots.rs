//! What a layout's slots tell the reader before it reads a body: which member holds the code,
//! whether anything stands in for it, and which objects a body cannot do without.

use crate::format::{Slot, Value};

/// Whether the body has something that stands for a missing code.
pub(super) fn stands_in_for_code(slots: &[Slot<'_>]) -> bool {
    slots.iter().any(|slot| match slot.value() {
        Value::ProblemType { .. } | Value::Category => true,
        Value::Object(inner) | Value::ObjectUnlessEmpty(inner) => stands_in_for_code(inner),
        _ => false,
    })
}

/// Whether the bodies carry the code, or something that stands for it, anywhere (GitHub's, for
/// one, carry only a message).
pub(super) fn carries_code(slots: &[Slot<'_>]) -> bool {
    slots.iter().any(|slot| match slot.value() {
        Value::Code
        | Value::NumericCode
        | Value::KebabCode
        | Value::ProblemType { .. }
        | Value::Category => true,
        Value::Object(inner) | Value::ObjectUnlessEmpty(inner) => carries_code(inner),
        value => value.list().is_some_and(|(inner, _)| carries_code(inner)),
    })
}

/// Whether an object holds a member a body cannot do without (see the module docs): one
/// missing with it is then missing too.
pub(super) fn holds_needed(slots: &[Slot<'_>]) -> bool {
    slots.iter().any(|slot| match slot.value() {
        Value::Code | Value::Message | Value::Category => true,
        Value::Object(inner) => holds_needed(inner),
        _ => false,
    })
}

/// The name of the member that holds the code, for the error when it is missing.
pub(super) fn code_name(slots: &[Slot<'_>]) -> &'static str {
    fn find(slots: &[Slot<'_>]) -> Option<&'static str> {
        slots.iter().find_map(|slot| match slot.value() {
            Value::Code => Some(slot.name()),
            Value::Object(inner) | Value::ObjectUnlessEmpty(inner) => find(inner),
            Value::ErrorItems(inner) | Value::SubErrorItems(inner) => find(inner),
            _ => None,
        })
    }
    find(slots).unwrap_or("code")
}
