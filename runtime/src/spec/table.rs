//! The derive's specs as one text, read at compile time.
//!
//! For an enum of thousands of codes, what the compiler pays for on every build is the size of
//! what the derive writes: each token it reads, and each node of the static's initializer it
//! lowers, hashes and keeps in the incremental cache. So the derive writes a type's cases as
//! one string literal (and the few headers and data as a list beside it), which
//! [`checked_table`] reads in a `const fn`: once, when the static is evaluated.
//!
//! The text is, for each case: its code, status, variant (`""` for a struct), flags, the
//! number of texts then each text (in [`TABLE_TEXTS`] order, the empty ones at the end left
//! out), and the number of its pair of lists (0 for none, else its place in the list, from 1),
//! then `;`. A number is written in decimal digits followed by `,`; a string as its length in
//! bytes, `:`, then the string itself, so that no character needs escaping for the reader.
//! `2:E1401,2:V1768,1,18:error {0} number 1,0,;` is code `E1`, status 401, variant `V1`,
//! flags 768, one text and no pairs.

use super::raw::checked_spec;
use super::{
    CATEGORY, CHALLENGE, DISPLAY_TEMPLATE, DOC, MESSAGE, PROBLEM_TYPE, Spec, TEMPLATE, TITLE,
};

/// A case's headers and data, an element of the list beside the table.
#[doc(hidden)]
pub type RawPairs = (
    &'static [(&'static str, &'static str)],
    &'static [(&'static str, &'static str)],
);

/// The headers and data of a case that has none.
const NO_PAIRS: RawPairs = (&[], &[]);

/// Where each text of a case goes, the ones most cases have first: a derived case usually has
/// thiserror's `#[error("…")]` and, when it interpolates nothing, the same text as its static
/// message.
const TABLE_TEXTS: [usize; 8] = [
    DISPLAY_TEMPLATE,
    MESSAGE,
    TEMPLATE,
    DOC,
    CATEGORY,
    TITLE,
    PROBLEM_TYPE,
    CHALLENGE,
];

/// A flag of the table only, cleared by [`checked_table`]: the static message is the display
/// template, written once. (The derive writes it as a number.)
const MESSAGE_IS_DISPLAY: usize = 1 << 15;

/// A derived type's specs, from the table the derive writes (see the module's docs):
/// `type_name` written once, each case read from `table`, with its headers and data from
/// `pairs`, each spec then checked as `checked_spec` does: the JSON-escape flags are decided
/// here, by scanning the texts, whatever the table says.
///
/// # Panics
/// At compile time, when `table` is not as the derive writes it: a bug of the derive, reported
/// as an error in the derived type's expansion rather than as a wrong spec.
#[doc(hidden)]
#[must_use]
pub const fn checked_table<const N: usize>(
    type_name: &'static str,
    table: &'static str,
    pairs: &'static [RawPairs],
) -> [Spec; N] {
    let mut specs = [Spec::EMPTY; N];
    let mut reader = Reader { rest: table };
    let mut i = 0;
    while i < N {
        let code = reader.text();
        let status = reader.number();
        let variant = reader.text();
        let flags = reader.number();
        let count = reader.number();
        let mut texts = [""; 8];
        let mut t = 0;
        while t < count {
            let text = reader.text();
            if t < TABLE_TEXTS.len() {
                texts[TABLE_TEXTS[t]] = text;
            }
            t += 1;
        }
        let pair = reader.number();
        reader.expect(b';');
        let (headers, data) = match pair.checked_sub(1) {
            None => NO_PAIRS,
            Some(index) if index < pairs.len() => pairs[index],
            Some(_) => malformed(),
        };
        if status > u16::MAX as usize || flags > u16::MAX as usize {
            malformed();
        }
        if flags & MESSAGE_IS_DISPLAY != 0 {
            texts[MESSAGE] = texts[DISPLAY_TEMPLATE];
        }
        #[allow(clippy::cast_possible_truncation)] // Both checked above.
        let (status, flags) = (status as u16, (flags & !MESSAGE_IS_DISPLAY) as u16);
        specs[i] = checked_spec((
            code, status, type_name, variant, texts, headers, data, flags,
        ));
        i += 1;
    }
    if !reader.rest.is_empty() {
        malformed();
    }
    specs
}

/// What is left of the table to read.
struct Reader {
    rest: &'static str,
}

impl Reader {
    /// A number, and the `,` after it.
    const fn number(&mut self) -> usize {
        let value = self.digits();
        self.expect(b',');
        value
    }

    /// A string: its length, `:`, then as many bytes.
    const fn text(&mut self) -> &'static str {
        let len = self.digits();
        self.expect(b':');
        match self.rest.split_at_checked(len) {
            Some((text, rest)) => {
                self.rest = rest;
                text
            }
            None => malformed(),
        }
    }

    /// The decimal digits at the start, as a number.
    const fn digits(&mut self) -> usize {
        let bytes = self.rest.as_bytes();
        let mut value: usize = 0;
        let mut i = 0;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            value = match value.checked_mul(10) {
                Some(value) => value + (bytes[i] - b'0') as usize,
                None => malformed(),
            };
            i += 1;
        }
        if i == 0 {
            malformed();
        }
        self.skip(i);
        value
    }

    /// Reads `byte`.
    const fn expect(&mut self, byte: u8) {
        let bytes = self.rest.as_bytes();
        if bytes.is_empty() || bytes[0] != byte {
            malformed();
        }
        self.skip(1);
    }

    const fn skip(&mut self, len: usize) {
        match self.rest.split_at_checked(len) {
            Some((_, rest)) => self.rest = rest,
            None => malformed(),
        }
    }
}

const fn malformed() -> ! {
    panic!("apierr: the derive wrote a spec table it cannot read; please report this bug")
}

#[cfg(test)]
mod tests {
    use super::{RawPairs, checked_table};
    use crate::spec::raw::checked_spec;

    const PAIRS: &[RawPairs] = &[(&[("x-a", "b")], &[("reason", "r\"q")])];

    /// A case of the table is the spec its parts describe: texts put back in place, the static
    /// message taken from the display template when flagged so, the pairs found by their
    /// place, and the scanned flags decided as `checked_spec` decides them.
    #[test]
    fn table_cases_are_the_specs_of_their_parts() {
        let table: [_; 3] = checked_table(
            "T",
            concat!(
                "2:E0400,2:V033040,1,5:fixed0,;",
                "2:E11000,2:V1512,8,5:d {0}0:8:tmpl \"q\"3:doc3:cat5:title5:urn:x6:Bearer1,;",
                "5:20003404,0:0,0,0,;",
            ),
            PAIRS,
        );
        let long = [
            checked_spec((
                "E0",
                400,
                "T",
                "V0",
                ["", "", "", "fixed", "", "", "", "fixed"],
                &[],
                &[],
                16 | 256,
            )),
            checked_spec((
                "E1",
                1000,
                "T",
                "V1",
                [
                    "cat",
                    "doc",
                    "tmpl \"q\"",
                    "",
                    "title",
                    "urn:x",
                    "Bearer",
                    "d {0}",
                ],
                PAIRS[0].0,
                PAIRS[0].1,
                512,
            )),
            checked_spec(("20003", 404, "T", "", [""; 8], &[], &[], 0)),
        ];
        assert!(table == long);
        assert_eq!(table[0].static_message(), Some("fixed"));
        assert_eq!(table[0].display_template(), Some("fixed"));
        assert_eq!(table[1].status().as_u16(), 500);
        assert_eq!(table[1].headers(), &[("x-a", "b")]);
        assert_eq!(table[1].data("reason"), Some("r\"q"));
        assert!(table[2].is_code_numeric());
    }

    #[test]
    #[should_panic(expected = "cannot read")]
    fn a_table_too_short_is_refused() {
        let _: [_; 1] = checked_table("T", "2:E0400,", &[]);
    }
}
