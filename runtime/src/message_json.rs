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

    /// Appends a template's text and fields in turn, `texts[0]`, `args[0]`, `texts[1]`…, the
    /// last text after the last field: whether it did. Nothing is written when a field is
    /// [`Piece::Other`]: then `Display` writes the message.
    #[inline]
    pub fn pieces(&mut self, texts: &[&str], args: &[Piece<'_>]) -> bool {
        if args.iter().any(|arg| matches!(arg, Piece::Other)) {
            return false;
        }
        let mut texts = texts.iter();
        for arg in args {
            if let Some(text) = texts.next() {
                escape_into(self.out, text);
            }
            arg.write(self.out);
        }
        for text in texts {
            escape_into(self.out, text);
        }
        true
    }
}

/// A field of a message, as its type lets the writer show it: `Display`'s output for each,
/// without `core::fmt`. Not public API.
#[derive(Clone, Copy)]
pub enum Piece<'a> {
    /// Text, escaped.
    Str(&'a str),
    /// An unsigned integer of up to 64 bits.
    Unsigned(u64),
    /// A signed integer of up to 64 bits.
    Signed(i64),
    /// A `u128`.
    Unsigned128(u128),
    /// An `i128`.
    Signed128(i128),
    /// `true` or `false`.
    Bool(bool),
    /// One character, escaped.
    Char(char),
    /// A type the writer does not know: the message goes through `Display`.
    Other,
}

impl Piece<'_> {
    /// Appends what `Display` writes for the value, escaped.
    #[inline]
    fn write(self, out: &mut Vec<u8>) {
        match self {
            Piece::Str(text) => escape_into(out, text),
            Piece::Unsigned(n) => out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes()),
            Piece::Signed(n) => out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes()),
            Piece::Unsigned128(n) => {
                out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
            }
            Piece::Signed128(n) => out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes()),
            Piece::Bool(yes) => out.extend_from_slice(if yes { b"true" } else { b"false" }),
            Piece::Char(c) => escape_into(out, c.encode_utf8(&mut [0; 4])),
            Piece::Other => {}
        }
    }
}

/// A type whose `Display` output (with no format spec) the message writer knows. Not public
/// API: named by the derive's generated code.
pub trait JsonPiece {
    /// The value as the writer shows it.
    fn __apierr_piece(&self) -> Piece<'_>;
}

/// Every other type, found by method resolution after [`JsonPiece`] (it takes one reference
/// more): [`Piece::Other`], so that the message goes through `Display`. Not public API.
pub trait NotJsonPiece {
    /// Always [`Piece::Other`].
    #[inline(always)]
    fn __apierr_piece(&self) -> Piece<'_> {
        Piece::Other
    }
}

impl<T: ?Sized> NotJsonPiece for &T {}

impl JsonPiece for str {
    #[inline(always)]
    fn __apierr_piece(&self) -> Piece<'_> {
        Piece::Str(self)
    }
}

/// The text types that `Display` as the `str` they hold.
macro_rules! text_pieces {
    ($($ty:ty),*) => {$(
        impl JsonPiece for $ty {
            #[inline(always)]
            fn __apierr_piece(&self) -> Piece<'_> {
                Piece::Str(self)
            }
        }
    )*};
}

text_pieces!(String, Box<str>, Cow<'_, str>, Rc<str>, Arc<str>);

/// Numbers and the other scalars, each as the variant that holds it without loss.
macro_rules! scalar_pieces {
    ($($variant:ident($($ty:ty),*)),*) => {$($(
        impl JsonPiece for $ty {
            #[inline(always)]
            fn __apierr_piece(&self) -> Piece<'_> {
                Piece::$variant((*self).into())
            }
        }
    )*)*};
}

scalar_pieces!(
    Unsigned(u8, u16, u32, u64),
    Signed(i8, i16, i32, i64),
    Unsigned128(u128),
    Signed128(i128),
    Bool(bool),
    Char(char)
);

impl JsonPiece for usize {
    #[inline(always)]
    fn __apierr_piece(&self) -> Piece<'_> {
        // At most 64 bits on every target Rust supports; a wider one is left to `Display`.
        u64::try_from(*self).map_or(Piece::Other, Piece::Unsigned)
    }
}

impl JsonPiece for isize {
    #[inline(always)]
    fn __apierr_piece(&self) -> Piece<'_> {
        i64::try_from(*self).map_or(Piece::Other, Piece::Signed)
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Display;

    use super::{JsonPiece, MessageJson, NotJsonPiece, Piece};

    /// What the derive's arm writes for one field between two texts.
    fn written(piece: Piece<'_>) -> Option<String> {
        let mut out = Vec::new();
        MessageJson::new(&mut out)
            .pieces(&["<", ">"], &[piece])
            .then(|| String::from_utf8(out).unwrap())
    }

    /// `Display`'s output escaped as JSON, as the slow path writes it.
    fn shown<T: Display + ?Sized>(value: &T) -> String {
        let json = serde_json::to_string(&format!("<{value}>")).unwrap();
        json[1..json.len() - 1].to_owned()
    }

    macro_rules! check {
        ($($value:expr),* $(,)?) => {$({
            // As the generated arm calls it: on the match's binding, a reference.
            let value = &$value;
            assert_eq!(
                written(value.__apierr_piece()).as_deref(),
                Some(shown(value).as_str()),
                "{}",
                stringify!($value)
            );
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
            0u8,
            u8::MAX,
            u16::MAX,
            u32::MAX,
            u64::MAX,
            u128::MAX,
            usize::MAX,
            i8::MIN,
            i16::MIN,
            i32::MIN,
            i64::MIN,
            i128::MIN,
            isize::MIN,
            -1i32,
            0i64,
            true,
            false,
            'x',
            '"',
            '\\',
            '\n',
            '\u{0}',
            'é',
            '🦀',
        );
        let text: &str = "a \"str\"";
        check!(*text);
    }

    #[test]
    fn texts_and_fields_alternate() {
        let mut out = Vec::new();
        let args = [Piece::Str("\"a\""), Piece::Unsigned(7)];
        assert!(MessageJson::new(&mut out).pieces(&["x ", " y ", " z\n"], &args));
        assert_eq!(out, br#"x \"a\" y 7 z\n"#);
    }

    #[test]
    fn other_types_are_left_to_display() {
        struct Custom;
        fn resolved<T>(value: &T) -> bool {
            // In a generic context the type is unknown: never a piece.
            matches!(value.__apierr_piece(), Piece::Other)
        }
        let custom = &Custom;
        assert!(matches!(custom.__apierr_piece(), Piece::Other));
        let float = &1.5f64;
        assert!(matches!(float.__apierr_piece(), Piece::Other));
        assert!(resolved(&String::new()));
        // A reference field (`&'a str`) the derive does not see through is left to `Display`.
        let text: &&str = &"x";
        assert!(matches!(text.__apierr_piece(), Piece::Other));
        // Nothing is written when any field is left to `Display`.
        let mut out = Vec::new();
        let args = [Piece::Str("a"), Piece::Other];
        assert!(!MessageJson::new(&mut out).pieces(&["x", "y", "z"], &args));
        assert!(out.is_empty());
    }
}
