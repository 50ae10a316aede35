//! A direct JSON writer for every format's hot path.
//!
//! It writes exactly what serde_json's compact serializer writes for the same values (the
//! tests compare both byte for byte), without going through `Serializer`: static strings that
//! need no escaping are copied as they are, and `Display` output is escaped as it is written,
//! never collected into a `String` first.

use std::fmt::{self, Display, Write as _};

use super::RenderError;
use super::compile::WINDOW;
use crate::json_text::escape_into;
use crate::{FieldErrors, Member, Message, Pointer};

/// Escapes whatever `Display` writes, as it writes it.
struct Escaper<'a>(&'a mut Vec<u8>);

impl fmt::Write for Escaper<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        escape_into(self.0, text);
        Ok(())
    }
}

/// Writes a body into a buffer: the layout's compiled steps copy their fixed JSON
/// (`{"success":false,"error":{"code":`) and call the methods below for the values.
pub(crate) struct Writer<'a> {
    out: &'a mut Vec<u8>,
}

impl<'a> Writer<'a> {
    pub(crate) fn new(out: &'a mut Vec<u8>) -> Self {
        Writer { out }
    }

    /// Fixed JSON: punctuation and member names.
    #[inline(always)]
    pub(crate) fn raw(&mut self, json: &'static str) {
        self.out.extend_from_slice(json.as_bytes());
    }

    /// A string value; copied as it is when known not to need escaping. Always inlined: in
    /// the compiled steps `plain` is known, and the escaping branch folds away.
    #[inline(always)]
    pub(crate) fn str_with(&mut self, text: &str, plain: bool) {
        self.out.reserve(text.len() + 2);
        self.out.push(b'"');
        if plain {
            self.out.extend_from_slice(text.as_bytes());
        } else {
            escape_into(self.out, text);
        }
        self.out.push(b'"');
    }

    pub(crate) fn str(&mut self, text: &str) {
        self.str_with(text, false);
    }

    /// `Display` output as a string value, escaped as it is written.
    pub(crate) fn display(&mut self, value: impl Display) -> Result<(), RenderError> {
        self.out.push(b'"');
        write!(Escaper(self.out), "{value}").map_err(|_| RenderError::display())?;
        self.out.push(b'"');
        Ok(())
    }

    /// A field's JSON Pointer as a string value. Only its prefix, a format's text, can need
    /// escaping: the segments are percent-encoded ([`Pointer::write_segments`]), which leaves
    /// no control character, `"` or `\\`. Written without the formatting machinery: a body
    /// has one per field entry.
    pub(crate) fn pointer(&mut self, pointer: Pointer<'_>) {
        self.out.push(b'"');
        escape_into(self.out, pointer.prefix());
        pointer.write_segments(|text| self.out.extend_from_slice(text.as_bytes()));
        self.out.push(b'"');
    }

    /// An HTTP status: always three digits.
    pub(crate) fn status(&mut self, status: u16) {
        if (100..1000).contains(&status) {
            // Each digit is below 10, so the casts cannot truncate.
            #[allow(clippy::cast_possible_truncation)]
            let digit = |value: u16| b'0' + (value % 10) as u8;
            self.out
                .extend_from_slice(&[digit(status / 100), digit(status / 10), digit(status)]);
        } else {
            self.out
                .extend_from_slice(itoa::Buffer::new().format(status).as_bytes());
        }
    }

    /// Fixed JSON from a compiled layout: the first `len` bytes of `window`, copied whole
    /// (a few register moves) and cut back when the buffer has room for the whole window;
    /// else only those bytes, so that the overshoot never grows the buffer.
    #[inline(always)]
    pub(crate) fn window(&mut self, window: &[u8; WINDOW], len: u16) {
        let len = usize::from(len);
        if self.out.capacity() - self.out.len() >= WINDOW {
            let end = self.out.len() + len;
            self.out.extend_from_slice(window);
            self.out.truncate(end);
        } else {
            self.out
                .extend_from_slice(window.get(..len).unwrap_or(window));
        }
    }

    /// One byte of punctuation.
    #[inline(always)]
    pub(crate) fn byte(&mut self, byte: u8) {
        self.out.push(byte);
    }

    /// The public message: copied when static and plain, escaped as written otherwise.
    /// Always inlined: where the message is known not to be static (a template's message
    /// part), only the interpolated branch is left.
    #[inline(always)]
    pub(crate) fn message(&mut self, message: Message<'_>) -> Result<(), RenderError> {
        match message.as_static() {
            Some(text) => {
                self.str_with(text, message.is_plain());
                Ok(())
            }
            // An interpolated message: written by the error itself when it can (without
            // `core::fmt`), else through `Display`.
            None => {
                if message.write_json(self.out) {
                    return Ok(());
                }
                self.display(message)
            }
        }
    }

    /// Digits checked by [`is_number`], as a JSON number.
    pub(crate) fn number(&mut self, digits: &str) {
        self.out.extend_from_slice(digits.as_bytes());
    }

    /// Any JSON value, through serde_json into the same buffer.
    pub(crate) fn json(&mut self, value: &serde_json::Value) -> Result<(), RenderError> {
        serde_json::to_writer(&mut *self.out, value).map_err(RenderError::from)
    }

    /// An extension member's value, through serde_json into the same buffer.
    pub(crate) fn member(&mut self, member: &Member<'_>) -> Result<(), RenderError> {
        member.write_json(self.out).map_err(RenderError::from)
    }

    /// `{"path":["message",…],…}`.
    pub(crate) fn field_lists(&mut self, fields: &FieldErrors) -> Result<(), RenderError> {
        self.out.push(b'{');
        for (i, entry) in fields.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            self.str_with(entry.dotted(), entry.is_dotted_plain());
            self.out.extend_from_slice(b":[");
            for (j, message) in entry.messages().enumerate() {
                if j > 0 {
                    self.out.push(b',');
                }
                self.str(message);
            }
            self.out.push(b']');
        }
        self.out.push(b'}');
        Ok(())
    }

    /// `{"path":"message; message",…}`.
    pub(crate) fn field_strings(&mut self, fields: &FieldErrors) -> Result<(), RenderError> {
        self.out.push(b'{');
        for (i, entry) in fields.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            self.str_with(entry.dotted(), entry.is_dotted_plain());
            self.out.extend_from_slice(b":\"");
            for (j, message) in entry.messages().enumerate() {
                if j > 0 {
                    self.out.extend_from_slice(b"; ");
                }
                escape_into(self.out, message);
            }
            self.out.push(b'"');
        }
        self.out.push(b'}');
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json_text::is_plain;

    #[test]
    fn escapes_exactly_as_serde_json() {
        let mut samples: Vec<String> = (0u8..=0x7f).map(|b| char::from(b).to_string()).collect();
        samples.extend(
            [
                "a\"b\\c",
                "line\nbreak\ttab",
                "\u{7f}\u{80}é😀",
                "</script>",
                "",
            ]
            .map(String::from),
        );
        // Every special byte at every position of a word, and runs longer than a word.
        for special in ["\"", "\\", "\n", "\u{1}", "\u{1f}", " ", "\u{7f}", "é"] {
            for at in 0..20 {
                let mut text = "abcdefghijklmnopqrst".to_owned();
                text.replace_range(at..=at, special);
                samples.push(text);
            }
            // Shorter than a word, a word, and a word and a bit: the last word is padded or
            // overlaps the one before.
            for len in 1..=10 {
                for at in 0..len {
                    let mut text = "abcdefghij"[..len].to_owned();
                    text.replace_range(at..=at, special);
                    samples.push(text);
                }
            }
        }
        for sample in samples {
            let mut ours = Vec::new();
            Writer::new(&mut ours).str(&sample);
            let theirs = serde_json::to_vec(&sample).unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(theirs).unwrap()
            );
            assert_eq!(
                is_plain(&sample),
                !serde_json::to_string(&sample).unwrap()[1..].contains('\\')
            );
        }
    }

    #[test]
    fn field_paths_and_pointers_are_written_as_serde_json_writes_them() {
        let fields: FieldErrors = [
            "plain",
            "q\"uote",
            "back\\slash",
            "ctl\u{1}",
            "\u{e9}/~ %#",
            "a.b[0]",
        ]
        .into_iter()
        .map(|key| (crate::FieldPath::root().key(key).index(3).key("x"), "m"))
        .collect();
        let mut ours = Vec::new();
        Writer::new(&mut ours).field_lists(&fields).unwrap();
        assert_eq!(ours, serde_json::to_vec(&fields.as_lists()).unwrap());
        assert!(
            String::from_utf8(ours)
                .unwrap()
                .starts_with(r#"{"plain[3].x":["m"],"q\"uote[3].x":["m"],"back\\slash[3].x""#)
        );
        let mut ours = Vec::new();
        Writer::new(&mut ours).field_strings(&fields).unwrap();
        assert_eq!(ours, serde_json::to_vec(&fields.as_strings()).unwrap());
        // The segments are copied unescaped: percent-encoding left nothing to escape.
        for (path, _) in fields.entries() {
            for prefix in ["#", "/data/attributes", "p\"re\\"] {
                let mut ours = Vec::new();
                Writer::new(&mut ours).pointer(path.pointer_after(prefix));
                let theirs = serde_json::to_string(&path.pointer_after(prefix).to_string());
                assert_eq!(String::from_utf8(ours).unwrap(), theirs.unwrap());
            }
        }
        let mut ours = Vec::new();
        let (path, _) = fields.entries().nth(4).unwrap();
        Writer::new(&mut ours).pointer(path.pointer());
        assert_eq!(ours, br##""#/%C3%A9~1~0%20%25%23/3/x""##);
    }
}
