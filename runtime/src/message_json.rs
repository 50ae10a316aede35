//! A message written straight into a JSON string, piece by piece, without `core::fmt`.
//!
//! An interpolated message (`"account locked until {until}"`) is most of what an error body
//! costs when it goes through `Display`: `core::fmt::write`, a `Formatter` per argument, and
//! the escaper called once per piece through `fmt::Write`. The derive knows the template's
//! pieces, so for a template of plain `{field}`s it writes an arm of
//! [`ApiError::write_message_json`](crate::ApiError::write_message_json) that appends the text
//! and each field here, escaped as serde_json escapes it.
//!
//! Which fields can be written so is decided by their type, at compile time and without a
//! bound on the user's type, by method resolution: a field whose type implements
//! [`JsonPiece`] (strings and the standard scalar types, whose `Display` is exactly their
//! text) is written directly; any other type finds [`NotJsonPiece`], which every reference
//! implements, and the arm answers `false` before writing anything, so the message goes
//! through `Display` as before. The bytes are the same either way (tested against `Display`
//! for every type here).

use std::borrow::Cow;
use std::rc::Rc;
use std::sync::Arc;

use crate::json_text::escape_into;

/// The inside of a JSON string being written: what the derive's `write_message_json` arms
/// append to. Not public API.
pub struct MessageJson<'a> {
    out: &'a mut Vec<u8>,
}

impl<'a> MessageJson<'a> {
    pub(crate) fn new(out: &'a mut Vec<u8>) -> Self {
        MessageJson { out }
    }

    /// Text of the template, escaped.
    #[inline]
    pub fn text(&mut self, text: &str) {
        escape_into(self.out, text);
    }
}

/// A type whose `Display` output (with no format spec) the message writer knows how to
/// write itself. Not public API: named by the derive's generated code.
pub trait JsonPiece {
    /// Whether the value is written by [`write_json_piece`](Self::__apierr_write_json_piece):
    /// always, for this trait.
    #[inline(always)]
    fn __apierr_is_json_piece(&self) -> bool {
        true
    }

    /// Appends what `Display` writes for the value, escaped.
    fn __apierr_write_json_piece(&self, out: &mut MessageJson<'_>);
}

/// Every other type, found by method resolution after [`JsonPiece`] (it takes one reference
/// more): its message goes through `Display`. Not public API.
pub trait NotJsonPiece {
    /// Never: the arm gives the message back to `Display`.
    #[inline(always)]
    fn __apierr_is_json_piece(&self) -> bool {
        false
    }

    /// Never called: the arm checks [`__apierr_is_json_piece`](Self::__apierr_is_json_piece)
    /// first.
    #[inline(always)]
    fn __apierr_write_json_piece(&self, out: &mut MessageJson<'_>) {
        let _ = out;
    }
}

impl<T: ?Sized> NotJsonPiece for &T {}

impl JsonPiece for str {
    #[inline]
    fn __apierr_write_json_piece(&self, out: &mut MessageJson<'_>) {
        out.text(self);
    }
}

/// The text types that `Display` as the `str` they hold.
macro_rules! text_pieces {
    ($($ty:ty),*) => {$(
        impl JsonPiece for $ty {
            #[inline]
            fn __apierr_write_json_piece(&self, out: &mut MessageJson<'_>) {
                out.text(self);
            }
        }
    )*};
}

text_pieces!(String, Box<str>, Cow<'_, str>, Rc<str>, Arc<str>);

/// Integers: their decimal digits, as `Display` writes them; never escaped.
macro_rules! integer_pieces {
    ($($ty:ty),*) => {$(
        impl JsonPiece for $ty {
            #[inline]
            fn __apierr_write_json_piece(&self, out: &mut MessageJson<'_>) {
                out.out.extend_from_slice(itoa::Buffer::new().format(*self).as_bytes());
            }
        }
    )*};
}

integer_pieces!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize
);

impl JsonPiece for bool {
    #[inline]
    fn __apierr_write_json_piece(&self, out: &mut MessageJson<'_>) {
        out.out
            .extend_from_slice(if *self { b"true" } else { b"false" });
    }
}

impl JsonPiece for char {
    #[inline]
    fn __apierr_write_json_piece(&self, out: &mut MessageJson<'_>) {
        out.text(self.encode_utf8(&mut [0; 4]));
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Display;

    use super::{JsonPiece, MessageJson, NotJsonPiece};

    /// What the derive's arm does with one field bound by reference.
    fn piece<T: ?Sized>(value: &T, known: impl FnOnce(&T, &mut MessageJson<'_>) -> bool) -> Option<String> {
        let mut out = Vec::new();
        known(value, &mut MessageJson::new(&mut out)).then(|| String::from_utf8(out).unwrap())
    }

    /// `Display`'s output escaped as JSON, as the slow path writes it.
    fn shown<T: Display + ?Sized>(value: &T) -> String {
        let json = serde_json::to_string(&value.to_string()).unwrap();
        json[1..json.len() - 1].to_owned()
    }

    macro_rules! check {
        ($($value:expr),* $(,)?) => {$({
            let value = &$value;
            let written = piece(value, |field, out| {
                // As the generated arm writes it: `field` is the match's binding.
                field.__apierr_is_json_piece() && {
                    field.__apierr_write_json_piece(out);
                    true
                }
            });
            assert_eq!(written.as_deref(), Some(shown(value).as_str()), "{}", stringify!($value));
        })*};
    }

    #[test]
    fn pieces_write_what_display_writes() {
        check!(
            String::from("plain"),
            String::from("quote \" backslash \\ newline \n tab \t nul \0 bell \u{7} é ☃"),
            Box::<str>::from("boxed \u{1f}"),
            std::borrow::Cow::<str>::Borrowed("cow"),
            std::rc::Rc::<str>::from("rc"),
            std::sync::Arc::<str>::from("arc"),
            0u8, u8::MAX, u16::MAX, u32::MAX, u64::MAX, u128::MAX, usize::MAX,
            i8::MIN, i16::MIN, i32::MIN, i64::MIN, i128::MIN, isize::MIN, -1i32, 0i64,
            true, false,
            'x', '"', '\\', '\n', '\u{0}', 'é', '🦀',
        );
        let text: &str = "a \"str\"";
        check!(*text);
    }

    #[test]
    fn other_types_are_left_to_display() {
        struct Custom;
        impl Display for Custom {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("custom")
            }
        }
        fn resolved<T>(value: &T) -> bool {
            // In a generic context the type is unknown: never a piece.
            value.__apierr_is_json_piece()
        }
        assert!(!(&Custom).__apierr_is_json_piece());
        assert!(!(&1.5f64).__apierr_is_json_piece());
        assert!(!resolved(&String::new()));
        // A reference field (`&'a str`) the derive does not see through is left to `Display`.
        let text: &str = "x";
        assert!(!(&text).__apierr_is_json_piece());
        let mut out = Vec::new();
        (&Custom).__apierr_write_json_piece(&mut MessageJson::new(&mut out));
        assert!(out.is_empty());
    }
}
