//! The derive's specs as two flat arrays, read at compile time.
//!
//! For an enum of thousands of codes, what the compiler pays for on every build is the size of
//! what the derive writes: each token it reads, and each node of the static's initializer it
//! lowers, hashes and keeps in the incremental cache. So the derive writes a type's cases as
//! two flat arrays, one number per case and the cases' strings one after the other (with the
//! few headers and data in a list beside them), which [`checked_table`] reads in a `const fn`
//! when the static is evaluated, at compile time: a tuple per case, with a nested array for its
//! texts, made several times as many nodes.
//!
//! A case's number holds its status (bits 0 to 15), its flags (16 to 31), how many texts it
//! has (32 to 35) and the place of its headers and data in the list (from 36; 0 for none, else
//! from 1). Its strings are its code, its variant (`""` for a struct), then its texts, in
//! [`TABLE_TEXTS`] order with the empty ones at the end left out. Reading them takes a few
//! steps per case, not one per byte: the compiler's interpreter is slow, and it refuses a
//! constant that takes too many steps.

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
const MESSAGE_IS_DISPLAY: u16 = 1 << 15;

/// A derived type's specs, from the table the derive writes (see the module's docs):
/// `type_name` written once, each case from its number in `cases` and its strings in
/// `strings`, with its headers and data from `pairs`, each spec then checked as `checked_spec`
/// does: the JSON-escape flags are decided here, by scanning the texts, whatever the table
/// says.
///
/// # Panics
/// At compile time, when the table is not as the derive writes it: a bug of the derive,
/// reported as an error in the derived type's expansion rather than as a wrong spec.
#[doc(hidden)]
#[must_use]
pub const fn checked_table<const N: usize, const M: usize>(
    type_name: &'static str,
    cases: [u64; N],
    strings: [&'static str; M],
    pairs: &'static [RawPairs],
) -> [Spec; N] {
    let mut specs = [Spec::EMPTY; N];
    let mut next = 0;
    let mut i = 0;
    while i < N {
        let case = cases[i];
        #[allow(clippy::cast_possible_truncation)] // Masked to their widths.
        let (status, flags, count, pair) = (
            (case & 0xffff) as u16,
            ((case >> 16) & 0xffff) as u16,
            ((case >> 32) & 0xf) as usize,
            (case >> 36) as usize,
        );
        if count > TABLE_TEXTS.len() || next + 2 + count > M {
            malformed();
        }
        let (code, variant) = (strings[next], strings[next + 1]);
        next += 2;
        let mut texts = [""; 8];
        let mut t = 0;
        while t < count {
            texts[TABLE_TEXTS[t]] = strings[next];
            next += 1;
            t += 1;
        }
        let (headers, data) = match pair.checked_sub(1) {
            None => NO_PAIRS,
            Some(index) if index < pairs.len() => pairs[index],
            Some(_) => malformed(),
        };
        if flags & MESSAGE_IS_DISPLAY != 0 {
            texts[MESSAGE] = texts[DISPLAY_TEMPLATE];
        }
        let flags = flags & !MESSAGE_IS_DISPLAY;
        specs[i] = checked_spec((
            code, status, type_name, variant, texts, headers, data, flags,
        ));
        i += 1;
    }
    if next != M {
        malformed();
    }
    specs
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
        let case = |status: u64, flags: u64, texts: u64, pair: u64| {
            status | flags << 16 | texts << 32 | pair << 36
        };
        let table = checked_table(
            "T",
            [
                case(400, 16 | 256 | (1 << 15), 1, 0),
                case(1000, 512, 8, 1),
                case(404, 0, 0, 0),
            ],
            [
                "E0",
                "V0",
                "fixed",
                "E1",
                "V1",
                "d {0}",
                "",
                "tmpl \"q\"",
                "doc",
                "cat",
                "title",
                "urn:x",
                "Bearer",
                "20003",
                "",
            ],
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
    fn a_table_missing_strings_is_refused() {
        let _ = checked_table("T", [400 | 1 << 32], ["E0", "V0"], &[]);
    }
}
