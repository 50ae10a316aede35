//! The serde shapes of [`FieldErrors`]: map of lists, map of strings, items, pointer items.

use std::fmt::{self, Display};

use serde::ser::{Serialize, SerializeMap, SerializeSeq, SerializeStruct, Serializer};

use super::{FieldError, FieldErrors, FieldPath, Pointer, Violation};

/// [`FieldErrors`] serialized as a map of lists; see [`FieldErrors::as_lists`].
#[derive(Debug, Clone, Copy)]
pub struct AsLists<'a>(pub(super) &'a FieldErrors);

impl Serialize for AsLists<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for entry in self.0 {
            map.serialize_key(&entry.path)?;
            map.serialize_value(&Texts(entry))?;
        }
        map.end()
    }
}

/// [`FieldErrors`] serialized as a map of strings; see [`FieldErrors::as_strings`].
#[derive(Debug, Clone, Copy)]
pub struct AsStrings<'a>(pub(super) &'a FieldErrors);

/// The texts of one field's entries, as a list.
struct Texts<'a>(&'a FieldError);

impl Serialize for Texts<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.messages())
    }
}

/// The texts of one field's entries, joined with `"; "`.
struct Joined<'a>(&'a FieldError);

impl Display for Joined<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, message) in self.0.messages().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            f.write_str(message)?;
        }
        Ok(())
    }
}

impl Serialize for AsStrings<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for entry in self.0 {
            match entry.violations() {
                [one] => map.serialize_entry(&entry.path, one.text())?,
                _ => map
                    .serialize_key(&entry.path)
                    .and_then(|()| map.serialize_value(&CollectStr(&Joined(entry))))?,
            }
        }
        map.end()
    }
}

struct CollectStr<'a, T>(&'a T);

impl<T: Display> Serialize for CollectStr<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
    }
}

/// [`FieldErrors`] serialized as express-validator items; see [`FieldErrors::as_items`].
#[derive(Debug, Clone, Copy)]
pub struct AsItems<'a>(pub(super) &'a FieldErrors);

impl Serialize for AsItems<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.message_count()))?;
        for (path, violation) in self.0.entries() {
            seq.serialize_element(&Item { path, violation })?;
        }
        seq.end()
    }
}

struct Item<'a> {
    path: &'a FieldPath,
    violation: &'a Violation,
}

impl Serialize for Item<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // express-validator's `value` and `location`, when the entry has them, as
        // `StatusEnvelope` writes them.
        let param = |name: &str| {
            self.violation
                .params()
                .iter()
                .find(|(given, _)| given == name)
                .map(|(_, value)| value)
        };
        let (value, location) = (param("value"), param("location"));
        let len = 3 + usize::from(value.is_some()) + usize::from(location.is_some());
        let mut item = serializer.serialize_struct("FieldItem", len)?;
        item.serialize_field("type", "field")?;
        if let Some(value) = value {
            item.serialize_field("value", value)?;
        }
        item.serialize_field("path", self.path)?;
        item.serialize_field("msg", self.violation.text())?;
        if let Some(location) = location {
            item.serialize_field("location", location)?;
        }
        item.end()
    }
}

/// [`FieldErrors`] serialized as RFC 9457 pointer items; see [`FieldErrors::as_pointers`].
#[derive(Debug, Clone, Copy)]
pub struct AsPointers<'a>(pub(super) &'a FieldErrors);

impl Serialize for AsPointers<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.message_count()))?;
        for (path, violation) in self.0.entries() {
            seq.serialize_element(&PointerItem {
                pointer: path.pointer(),
                detail: violation.text(),
            })?;
        }
        seq.end()
    }
}

struct PointerItem<'a> {
    pointer: Pointer<'a>,
    detail: &'a str,
}

impl Serialize for PointerItem<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut item = serializer.serialize_struct("PointerItem", 2)?;
        item.serialize_field("detail", self.detail)?;
        item.serialize_field("pointer", &self.pointer)?;
        item.end()
    }
}
