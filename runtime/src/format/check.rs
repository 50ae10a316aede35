//! What [`Layout::new`](super::Layout::new) refuses, at compile time for a layout in a
//! `const`, and what it gathers once: the members a layout places by name.

use super::slot::{Slot, Value};

/// Whether `name` is a header name as `http` spells them: lowercase, no separators.
pub(crate) const fn is_header_name(name: &str) -> bool {
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
pub(crate) const fn check(slots: &[Slot<'_>], in_item: bool) {
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
pub(crate) const fn check_join(parts: &[Value<'_>]) {
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
    pub(crate) const fn of(slots: &[Slot<'a>]) -> Self {
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
