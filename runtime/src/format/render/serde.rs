//! A layout serialized through any serde serializer: what `Format::serialize` does, and what
//! a format's bytes are checked against.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use super::{Cx, Joined, Resolved, is_taken, resolve};
use crate::format::slot::Slot;
use crate::problem::Collect;

/// The object of `slots` for the error of `cx`.
pub(crate) struct Object<'p> {
    pub(crate) slots: &'p [Slot<'p>],
    pub(crate) cx: Cx<'p>,
}

impl Serialize for Object<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for slot in self.slots {
            if slot.is_extensions() {
                if !self.cx.is_about_error() {
                    continue;
                }
                let mut result = Ok(());
                let problem = self.cx.problem;
                let layout = self.cx.format.layout();
                problem.error().visit_members(&mut |member| {
                    if result.is_ok() && !is_taken(layout, self.slots, member.name()) {
                        result = map.serialize_entry(member.name(), &member);
                    }
                });
                result?;
            } else if let Some(value) = resolve(slot.value(), slot.is_value_plain(), self.cx) {
                map.serialize_entry(slot.name(), &Value { value, cx: self.cx })?;
            }
        }
        map.end()
    }
}

struct Value<'p> {
    value: Resolved<'p>,
    cx: Cx<'p>,
}

impl Serialize for Value<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.value {
            Resolved::Bool(value) => serializer.serialize_bool(value),
            Resolved::Str(text, _) => serializer.serialize_str(text),
            Resolved::Message(message) => message.serialize(serializer),
            Resolved::Status(status) => serializer.serialize_u16(status),
            Resolved::StatusString(status) => {
                serializer.serialize_str(itoa::Buffer::new().format(status))
            }
            Resolved::TypeUri(uri) => Collect(uri).serialize(serializer),
            Resolved::Timestamp(at) => at.serialize(serializer),
            Resolved::DebugDetail(detail) => detail.serialize(serializer),
            Resolved::Path(path) => path.serialize(serializer),
            Resolved::Pointer(path, prefix) => {
                Collect(path.pointer_after(prefix)).serialize(serializer)
            }
            Resolved::MapOfLists(fields) => fields.as_lists().serialize(serializer),
            Resolved::MapOfStrings(fields) => fields.as_strings().serialize(serializer),
            Resolved::Items(slots, list) => {
                let mut seq = serializer.serialize_seq(None)?;
                for cx in self.cx.items(list) {
                    seq.serialize_element(&Object { slots, cx })?;
                }
                seq.end()
            }
            Resolved::Object(slots) => Object { slots, cx: self.cx }.serialize(serializer),
            Resolved::Kebab(code) => Collect(crate::problem::Kebab(code)).serialize(serializer),
            // Checked digits, at most 15 of them.
            Resolved::Number(digits) => match digits.parse::<u64>() {
                Ok(number) => serializer.serialize_u64(number),
                Err(_) => serializer.serialize_str(digits),
            },
            Resolved::Params(params) => {
                let mut map = serializer.serialize_map(Some(params.len()))?;
                for (name, value) in params {
                    map.serialize_entry(name, value)?;
                }
                map.end()
            }
            Resolved::Json(value) => value.serialize(serializer),
            Resolved::Member(ref member) => member.serialize(serializer),
            Resolved::Join(parts) => Collect(Joined { parts, cx: self.cx }).serialize(serializer),
            Resolved::Array(values) => {
                let mut seq = serializer.serialize_seq(None)?;
                for value in values {
                    if let Some(value) = resolve(value, false, self.cx) {
                        seq.serialize_element(&Value { value, cx: self.cx })?;
                    }
                }
                seq.end()
            }
        }
    }
}
