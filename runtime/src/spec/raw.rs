//! The derive's door into [`Spec`]: its specs as tuples, checked at compile time.

use http::StatusCode;

use super::{
    CATEGORY, CATEGORY_PLAIN, CHALLENGE, CODE_NUMERIC, CODE_PLAIN, DISPLAY_TEMPLATE, DOC, MESSAGE,
    MESSAGE_PLAIN, PROBLEM_TYPE, SCANNED_FLAGS, Spec, TEMPLATE, TITLE, TITLE_PLAIN, TYPE_PLAIN,
};

/// A spec's parts as the derive writes them, in [`Spec`]'s field order: code, status, type
/// name, variant (or `""`), texts, headers, data, flags. A tuple literal is cheap for the compiler to
/// build, which matters for enums of thousands of codes. Its flags are not trusted: see
/// `checked_specs`.
#[doc(hidden)]
pub type RawSpec = (
    &'static str,
    u16,
    &'static str,
    &'static str,
    [&'static str; 8],
    &'static [(&'static str, &'static str)],
    &'static [(&'static str, &'static str)],
    u16,
);

/// One case of a derived type's table, the shorter shape the derive writes for each case (see
/// [`checked_table`]): code, status, variant (or `""`), flags, texts in [`TABLE_TEXTS`] order
/// with the empty ones at the end left out, and the headers and data.
#[doc(hidden)]
pub type RawCase = (
    &'static str,
    u16,
    &'static str,
    u16,
    &'static [&'static str],
    &'static RawPairs,
);

/// A case's headers and data; most cases have neither and share one.
#[doc(hidden)]
pub type RawPairs = (
    &'static [(&'static str, &'static str)],
    &'static [(&'static str, &'static str)],
);

/// Where each text of a [`RawCase`] goes, the ones most cases have first: a derived case
/// usually has thiserror's `#[error("…")]` and, when it interpolates nothing, the same text as
/// its static message.
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

/// A flag of [`RawCase`] only, cleared by [`checked_table`]: the static message is the
/// display template, written once. (The derive writes it as a number.)
const MESSAGE_IS_DISPLAY: u16 = 1 << 15;

/// A derived type's specs, from the cases the derive writes: `type_name` written once, each
/// case as a [`RawCase`], each spec then checked as `checked_spec` does. One call for the whole
/// table, as in [`checked_specs`], with fewer tokens per case for the compiler to read.
#[doc(hidden)]
#[must_use]
pub const fn checked_table<const N: usize>(
    type_name: &'static str,
    cases: [RawCase; N],
) -> [Spec; N] {
    let mut specs = [Spec::EMPTY; N];
    let mut i = 0;
    while i < N {
        let (code, status, variant, flags, written, pairs) = cases[i];
        let mut texts = [""; 8];
        let mut t = 0;
        while t < written.len() && t < TABLE_TEXTS.len() {
            texts[TABLE_TEXTS[t]] = written[t];
            t += 1;
        }
        if flags & MESSAGE_IS_DISPLAY != 0 {
            texts[MESSAGE] = texts[DISPLAY_TEMPLATE];
        }
        let flags = flags & !MESSAGE_IS_DISPLAY;
        specs[i] = checked_spec((
            code, status, type_name, variant, texts, pairs.0, pairs.1, flags,
        ));
        i += 1;
    }
    specs
}

/// The derive's specs, each checked as `checked_spec` does. One call for the whole array, so
/// that what the derive writes stays an array literal of tuples, with one function call in it
/// instead of one per case.
#[doc(hidden)]
#[must_use]
pub const fn checked_specs<const N: usize>(raw: [RawSpec; N]) -> [Spec; N] {
    let mut specs = [Spec::EMPTY; N];
    let mut i = 0;
    while i < N {
        specs[i] = checked_spec(raw[i]);
        i += 1;
    }
    specs
}

/// The spec written as `raw` (by the derive, for a case under `#[cfg]`, which cannot be an array
/// element; and by `Spec::new`), with an invalid status made 500 and the plain and numeric flags
/// decided here, by scanning the texts, whatever `raw` says: evaluated at compile time, the scan costs
/// nothing at run time, and no caller, the derive included, can get a text that needs escaping
/// written unescaped.
// A free function rather than an associated one, so that rustc does not suggest it to users
// who try to write a `Spec` literal.
#[doc(hidden)]
#[must_use]
pub const fn checked_spec(raw: RawSpec) -> Spec {
    let (code, status, type_name, variant, texts, headers, data, flags) = raw;
    let status = if StatusCode::from_u16(status).is_ok() {
        status
    } else {
        500
    };
    // Bit by bit into one local rather than through `with_plain`: this runs for every spec
    // of every derived type, in the compiler's interpreter.
    let plain = [
        (CODE_PLAIN, code),
        (MESSAGE_PLAIN, texts[MESSAGE]),
        (TITLE_PLAIN, texts[TITLE]),
        (CATEGORY_PLAIN, texts[CATEGORY]),
        (TYPE_PLAIN, texts[PROBLEM_TYPE]),
    ];
    let mut flags = flags & !SCANNED_FLAGS;
    // The one rule for numbers, which the renderer also applies to sub-errors' codes.
    if crate::json_text::is_number(code) {
        flags |= CODE_NUMERIC;
    }
    let mut i = 0;
    while i < plain.len() {
        if crate::json_text::is_plain(plain[i].1) {
            flags |= plain[i].0;
        }
        i += 1;
    }
    Spec {
        code,
        status,
        type_name,
        variant,
        texts,
        headers,
        data,
        flags,
    }
}

#[cfg(test)]
mod tests {
    use super::{RawPairs, checked_spec, checked_table};

    const NO_PAIRS: &RawPairs = &(&[], &[]);
    const PAIRS: &RawPairs = &(&[("x-a", "b")], &[("reason", "r\"q")]);

    /// A case of the derive's table is the spec its long shape describes: texts put back in
    /// place, the static message taken from the display template when flagged so, and the
    /// scanned flags decided the same way.
    #[test]
    fn table_cases_are_the_specs_of_their_long_shape() {
        let table = checked_table(
            "T",
            [
                ("E0", 400, "V0", 16 | 256 | (1 << 15), &["fixed"], NO_PAIRS),
                (
                    "E1",
                    1000,
                    "V1",
                    512,
                    &[
                        "d {0}",
                        "",
                        "tmpl \"q\"",
                        "doc",
                        "cat",
                        "title",
                        "urn:x",
                        "Bearer",
                    ],
                    PAIRS,
                ),
                ("20003", 404, "", 0, &[], NO_PAIRS),
            ],
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
                PAIRS.0,
                PAIRS.1,
                512,
            )),
            checked_spec(("20003", 404, "T", "", [""; 8], &[], &[], 0)),
        ];
        assert!(table == long);
        assert_eq!(table[0].static_message(), Some("fixed"));
        assert_eq!(table[0].display_template(), Some("fixed"));
        assert_eq!(table[1].status().as_u16(), 500);
        assert_eq!(table[1].www_authenticate(), Some("Bearer"));
        assert!(table[2].is_code_numeric());
    }
}
