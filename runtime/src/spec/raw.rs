//! A spec's parts as one tuple, checked at compile time: the one door into [`Spec`], which
//! `Spec::new` and the derive's table (`table.rs`) both go through.

use http::StatusCode;

use super::{
    CATEGORY, CATEGORY_PLAIN, CODE_NUMERIC, CODE_PLAIN, MESSAGE, MESSAGE_PLAIN, PROBLEM_TYPE,
    SCANNED_FLAGS, Spec, TITLE, TITLE_PLAIN, TYPE_PLAIN,
};

/// A spec's parts, in [`Spec`]'s field order: code, status, type name, variant (or `""`),
/// texts, headers, data, flags. Its flags are not trusted: see `checked_spec`.
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

/// Specs from their tuples, each checked as `checked_spec` does. (The derive writes the shorter
/// table `checked_table` reads.)
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

/// The spec written as `raw` (for each case of the derive's table, and by `Spec::new`), with an invalid status made 500 and the plain and numeric flags
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
