//! What identifies a layout's bodies whatever the value holding it: a hash of everything in
//! its slots that a body depends on, computed once, when the layout is built (at compile
//! time for a layout in a `const`).
//!
//! The body cache keys its entries by it instead of by an address: a format may live in an
//! `Arc`, on the stack or in a `Box` that is freed, and another format built later at the
//! same address must not find the first one's bodies. Two 64-bit hashes of different
//! constructions are kept, so that two different layouts of one program share a fingerprint
//! with a probability of about 2⁻¹²⁸ per pair.

use crate::format::slot::{Literal, Slot, Value};

/// The fingerprint of a layout's slots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fingerprint(u64, u64);

impl Fingerprint {
    /// The fingerprint of a layout with these top-level `slots`.
    pub(crate) const fn of(slots: &[Slot<'_>]) -> Self {
        let hash = Hasher {
            a: 0xcbf2_9ce4_8422_2325,
            b: 0x9e37_79b9_7f4a_7c15,
        };
        let Hasher { a, b } = hash.slots(slots);
        Fingerprint(a, b)
    }

    /// Its first hash.
    #[inline]
    pub(crate) const fn low(self) -> u64 {
        self.0
    }

    /// Its second hash, of another construction.
    #[inline]
    pub(crate) const fn high(self) -> u64 {
        self.1
    }
}

/// FNV-1a beside a multiply-rotate hash, fed the same bytes.
#[derive(Clone, Copy)]
struct Hasher {
    a: u64,
    b: u64,
}

impl Hasher {
    const fn byte(self, byte: u8) -> Self {
        Hasher {
            a: (self.a ^ byte as u64).wrapping_mul(0x0000_0100_0000_01b3),
            b: (self.b ^ byte as u64)
                .wrapping_mul(0xff51_afd7_ed55_8ccd)
                .rotate_left(29),
        }
    }

    const fn len(self, len: usize) -> Self {
        let bytes = (len as u64).to_le_bytes();
        let mut hash = self;
        let mut i = 0;
        while i < bytes.len() {
            hash = hash.byte(bytes[i]);
            i += 1;
        }
        hash
    }

    /// A string, after its length, so that no two sequences of strings feed the same bytes.
    const fn str(self, text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut hash = self.len(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            hash = hash.byte(bytes[i]);
            i += 1;
        }
        hash
    }

    const fn slots(self, slots: &[Slot<'_>]) -> Self {
        let mut hash = self.len(slots.len());
        let mut i = 0;
        while i < slots.len() {
            hash = hash.str(slots[i].name()).value(slots[i].value());
            i += 1;
        }
        hash
    }

    const fn values(self, values: &[Value<'_>]) -> Self {
        let mut hash = self.len(values.len());
        let mut i = 0;
        while i < values.len() {
            hash = hash.value(&values[i]);
            i += 1;
        }
        hash
    }

    /// A value: a tag of its own per variant, then what it holds.
    const fn value(self, value: &Value<'_>) -> Self {
        match *value {
            Value::Literal(Literal::Bool(value)) => self.byte(0).byte(value as u8),
            Value::Literal(Literal::Str(text)) => self.byte(1).str(text),
            Value::Code => self.byte(2),
            Value::Status => self.byte(3),
            Value::StatusString => self.byte(4),
            Value::Message => self.byte(5),
            Value::MessageUnlessRedacted => self.byte(6),
            Value::Detail => self.byte(7),
            Value::Title => self.byte(8),
            Value::Category => self.byte(9),
            Value::ProblemType { base: None } => self.byte(10),
            Value::ProblemType { base: Some(base) } => self.byte(11).str(base),
            Value::Instance => self.byte(12),
            Value::CorrelationId => self.byte(13),
            Value::Timestamp => self.byte(14),
            Value::Path => self.byte(15),
            Value::Method => self.byte(16),
            Value::DebugDetail => self.byte(17),
            Value::FieldMapOfLists => self.byte(18),
            Value::FieldMapOfStrings => self.byte(19),
            Value::FieldItems(slots) => self.byte(20).slots(slots),
            Value::ErrorItems(slots) => self.byte(21).slots(slots),
            Value::SubErrorItems(slots) => self.byte(22).slots(slots),
            Value::FieldPath => self.byte(23),
            Value::FieldPointer { prefix } => self.byte(24).str(prefix),
            Value::FieldMessage => self.byte(25),
            Value::FieldMessageIfAny => self.byte(26),
            Value::FieldCode => self.byte(27),
            Value::FieldParams => self.byte(28),
            Value::FieldParam(name) => self.byte(29).str(name),
            Value::KebabCode => self.byte(30),
            Value::NumericCode => self.byte(31),
            Value::Setting(name) => self.byte(32).str(name),
            Value::Datum(name) => self.byte(33).str(name),
            Value::Member(name) => self.byte(34).str(name),
            Value::Join(parts) => self.byte(35).values(parts),
            Value::Array(values) => self.byte(36).values(values),
            Value::Object(slots) => self.byte(37).slots(slots),
            Value::ObjectUnlessEmpty(slots) => self.byte(38).slots(slots),
            Value::Reserved => self.byte(39),
            Value::Extensions => self.byte(40),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &[Slot<'static>] = &[
        Slot::new("code", Value::Code),
        Slot::new("error", Value::Object(&[Slot::new("m", Value::Message)])),
    ];
    // The same names and values, nested differently.
    const B: &[Slot<'static>] = &[
        Slot::new("code", Value::Code),
        Slot::new(
            "error",
            Value::ObjectUnlessEmpty(&[Slot::new("m", Value::Message)]),
        ),
    ];
    const C: &[Slot<'static>] = &[
        Slot::new("code", Value::Code),
        Slot::new("error", Value::Object(&[Slot::new("m", Value::Message)])),
    ];

    #[test]
    fn equal_layouts_share_a_fingerprint_and_others_do_not() {
        assert_eq!(Fingerprint::of(A), Fingerprint::of(C));
        assert_ne!(Fingerprint::of(A), Fingerprint::of(B));
        let based = [Slot::new("type", Value::ProblemType { base: Some("x") })];
        let other = [Slot::new("type", Value::ProblemType { base: Some("y") })];
        assert_ne!(Fingerprint::of(&based), Fingerprint::of(&other));
        // A name's bytes do not run into the next one's.
        let ab = [Slot::new("ab", Value::Code), Slot::new("c", Value::Code)];
        let a_bc = [Slot::new("a", Value::Code), Slot::new("bc", Value::Code)];
        assert_ne!(Fingerprint::of(&ab), Fingerprint::of(&a_bc));
    }
}
