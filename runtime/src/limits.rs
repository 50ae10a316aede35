//! Bounds on what a request can make of an error body.
//!
//! Every body apierr writes is bounded whatever the request: request data reaches a body through
//! field errors (validator, garde, serde's paths in the extractors), interpolated messages,
//! extension members, debug detail and the request context, and each of these is capped here.
//!
//! | what | bound | when exceeded |
//! |---|---|---|
//! | whole body | [`MAX_BODY_LEN`] (64 KiB), per [`Envelope`](crate::Envelope) or [`ResponseOptions`](crate::response::ResponseOptions) | the body is rendered again, reduced (below) |
//! | field errors taken from a request | [`MAX_FIELD_ERRORS`] messages | the rest are dropped; one entry at path [`TRUNCATED`] says so |
//! | one field path taken from a request | [`MAX_FIELD_PATH_LEN`] bytes, dotted | cut, ending in [`TRUNCATED`] |
//! | one field message taken from a request | [`MAX_FIELD_MESSAGE_LEN`] bytes | cut, ending in [`TRUNCATED`] |
//! | one field-error code, its parameters | [`MAX_FIELD_CODE_LEN`] bytes; [`MAX_FIELD_PARAMS`] of at most [`MAX_FIELD_PARAM_LEN`] bytes | code cut; parameters left out |
//! | a field error's echoed `value` (any entry) | [`MAX_FIELD_VALUE_LEN`] bytes of a string; [`MAX_FIELD_PARAM_LEN`] bytes of JSON otherwise | string cut; other value left out |
//! | sub-errors of one body | [`MAX_SUB_ERRORS`](crate::MAX_SUB_ERRORS), texts as field messages | the rest are dropped; one with code [`TRUNCATED`] says so |
//! | serde's text in a rejection | [`MAX_DETAIL_LEN`](crate::MAX_DETAIL_LEN) bytes | cut, control characters dropped |
//! | request path, `instance` | [`MAX_PATH_LEN`](crate::MAX_PATH_LEN) bytes | cut, control characters dropped |
//! | request method | [`MAX_METHOD_LEN`] bytes | left out of the body |
//! | correlation id | [`MAX_CORRELATION_ID_LEN`](crate::MAX_CORRELATION_ID_LEN) bytes | refused |
//! | `Accept-Language` | [`MAX_ACCEPT_LANGUAGE_LEN`](crate::MAX_ACCEPT_LANGUAGE_LEN) bytes | ignored |
//! | a header value from a field | [`MAX_HEADER_VALUE_LEN`](crate::response::MAX_HEADER_VALUE_LEN) bytes | left out |
//!
//! # A body over the limit
//! A body longer than its limit is rendered again, reduced, in the same format, status and code,
//! so a client still reads the same contract:
//! 1. the public message, each field path and message and the debug detail are cut to the bounds
//!    above, at most [`MAX_FIELD_ERRORS`] field messages are kept, and extension members whose
//!    JSON is longer than [`MAX_MEMBER_LEN`] are left out;
//! 2. then as many field errors as fit are kept, the first reported, followed by the entry at
//!    path [`TRUNCATED`] that says some were left out;
//! 3. should that still not fit, the body keeps only what the error's declaration fixes: code,
//!    status, the generic message (the status's reason phrase), title and type, with no field
//!    errors, members or request context.
//!
//! The limit holds as long as what the declaration fixes fits in it, which a limit of a few
//! hundred bytes or more ensures for any code, title and type the derive accepts. Each
//! reduction costs a few renders of at most the limit, so the work stays linear in the request.
//!
//! ```
//! use apierr::{ApiError, Envelope, FieldErrors, limits};
//!
//! #[derive(Debug, ApiError)]
//! enum OrderError {
//!     #[api(code = "VALIDATION_ERROR", status = 400, message = "Invalid order")]
//!     Invalid(#[api(fields)] FieldErrors),
//! }
//!
//! // A client-chosen map key of a megabyte, as a validation library would report it.
//! let mut errors = FieldErrors::new();
//! errors.add_bounded(format!("groups.{}", "k".repeat(1 << 20)), "too short");
//! let body = Envelope::new(&OrderError::Invalid(errors)).to_vec().unwrap();
//! assert!(body.len() < limits::MAX_FIELD_PATH_LEN + 200);
//! assert!(String::from_utf8(body).unwrap().contains("kkk…"));
//! ```

use std::borrow::Cow;
use std::fmt;

/// The longest body, in bytes, unless an [`Envelope`](crate::Envelope) or
/// [`ResponseOptions`](crate::response::ResponseOptions) sets another limit.
pub const MAX_BODY_LEN: usize = 64 * 1024;

/// The most field-error messages taken from one request (a validation report, serde's error);
/// the rest are dropped. Also the most kept when a body over its limit is reduced.
///
/// A body can hold thousands of invalid list items, and a client gains nothing from an answer
/// listing each: the bound keeps both the conversion and the response small.
pub const MAX_FIELD_ERRORS: usize = 256;

/// The longest field path taken from a request, in bytes of its dotted form (`items[2].qty`).
pub const MAX_FIELD_PATH_LEN: usize = 512;

/// The longest field-error message taken from a request, in bytes.
pub const MAX_FIELD_MESSAGE_LEN: usize = 512;

/// The longest field-error code taken from a request, in bytes.
pub const MAX_FIELD_CODE_LEN: usize = 128;

/// The most parameters of one field-error entry taken from a request.
pub const MAX_FIELD_PARAMS: usize = 8;

/// The longest field-error parameter taken from a request, in bytes of its name and JSON value;
/// a longer one is left out.
pub const MAX_FIELD_PARAM_LEN: usize = 256;

/// The longest string a field error echoes as its `value` ([`Violation::with_value`]), in
/// bytes: the value comes from the request, so it is cut, ending in [`TRUNCATED`], however the
/// entry is added.
///
/// [`Violation::with_value`]: crate::Violation::with_value
pub const MAX_FIELD_VALUE_LEN: usize = 128;

/// The longest public message or debug detail in a reduced body, in bytes.
pub const MAX_MESSAGE_LEN: usize = 2048;

/// The longest extension member, in bytes of JSON, kept in a reduced body.
pub const MAX_MEMBER_LEN: usize = 4096;

/// The longest request method echoed in a body; a longer (extension) method is left out.
pub const MAX_METHOD_LEN: usize = 32;

/// What ends a cut text, and the path of the field-error entry that says entries were dropped.
pub const TRUNCATED: &str = "…";

/// The message of the field-error entry at path [`TRUNCATED`].
pub const FIELD_ERRORS_OMITTED: &str = "further field errors were left out";

/// `text` cut to at most `max` bytes, ending in [`TRUNCATED`] when it was cut.
///
/// The one rule for cutting text: at a character boundary, with the marker inside the bound.
#[must_use]
pub fn truncate(text: &str, max: usize) -> Cow<'_, str> {
    if text.len() <= max {
        return Cow::Borrowed(text);
    }
    let kept = prefix(text, max.saturating_sub(TRUNCATED.len()));
    let mut out = String::with_capacity(kept.len() + TRUNCATED.len());
    out.push_str(kept);
    if kept.len() + TRUNCATED.len() <= max {
        out.push_str(TRUNCATED);
    }
    Cow::Owned(out)
}

/// The longest start of `text` of at most `max` bytes that ends at a character boundary.
pub(crate) fn prefix(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// At most `max` bytes of request text, control characters dropped, cut at a character
/// boundary without a marker: the rule for text echoed whole in a body, a header or a log line
/// (a request path, a framework's detail), where a control character could break the line.
pub(crate) fn printable(text: &str, max: usize) -> String {
    // Most request text (a path, a method) is printable ASCII within the bound: one copy
    // instead of a character at a time.
    if text.len() <= max && text.bytes().all(|byte| matches!(byte, b' '..=b'~')) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len().min(max));
    for c in text.chars().filter(|c| !c.is_control()) {
        if out.len() + c.len_utf8() > max {
            break;
        }
        out.push(c);
    }
    out
}

/// [`truncate`] for an owned or static message, keeping a short one as it is.
pub(crate) fn truncate_cow(text: Cow<'static, str>, max: usize) -> Cow<'static, str> {
    match truncate(&text, max) {
        Cow::Borrowed(_) => text,
        Cow::Owned(cut) => Cow::Owned(cut),
    }
}

/// A `fmt::Write` that passes on at most `max` bytes, then [`TRUNCATED`], then nothing: a
/// `Display` of any length costs at most the bound to write, and the rest is not formatted.
pub(crate) struct Capped<'a, W> {
    inner: &'a mut W,
    left: usize,
    cut: bool,
}

impl<'a, W: fmt::Write> Capped<'a, W> {
    pub(crate) fn new(inner: &'a mut W, max: usize) -> Self {
        Capped {
            inner,
            left: max.saturating_sub(TRUNCATED.len()),
            cut: false,
        }
    }
}

impl<W: fmt::Write> fmt::Write for Capped<'_, W> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        if self.cut {
            // Stop the formatting machinery early: what follows would be dropped anyway.
            return Err(fmt::Error);
        }
        if text.len() <= self.left {
            self.left -= text.len();
            return self.inner.write_str(text);
        }
        self.cut = true;
        self.inner.write_str(prefix(text, self.left))?;
        self.inner.write_str(TRUNCATED)?;
        Err(fmt::Error)
    }
}

/// Writes at most `max` bytes of `value` into `f`, ending in [`TRUNCATED`] when cut.
///
/// # Errors
/// When `value` or `f` fails, not when the text is cut.
pub(crate) fn write_capped(
    f: &mut fmt::Formatter<'_>,
    max: usize,
    value: impl Fn(&mut fmt::Formatter<'_>) -> fmt::Result,
) -> fmt::Result {
    struct Show<F>(F);
    impl<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result> fmt::Display for Show<F> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            (self.0)(f)
        }
    }
    let mut capped = Capped::new(f, max);
    let result = fmt::write(&mut capped, format_args!("{}", Show(value)));
    if capped.cut { Ok(()) } else { result }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `printable` without its fast path: what it must keep returning.
    fn printable_by_chars(text: &str, max: usize) -> String {
        let mut out = String::new();
        for c in text.chars().filter(|c| !c.is_control()) {
            if out.len() + c.len_utf8() > max {
                break;
            }
            out.push(c);
        }
        out
    }

    #[test]
    fn printable_copies_plain_ascii_and_filters_the_rest_as_before() {
        let texts = [
            "",
            "/v1/accounts/42",
            "/a b~",
            "/tab\there",
            "/line\r\nbreak",
            "/del\u{7f}",
            "/c1\u{85}control",
            "/é/ü",
            "\0",
        ];
        for text in texts {
            for max in [0, 1, 3, 5, 8, 15, 16, 64] {
                assert_eq!(
                    printable(text, max),
                    printable_by_chars(text, max),
                    "{text:?} at {max}"
                );
            }
        }
        // At the bound, one under and one over it.
        let path = "/x".repeat(10);
        assert_eq!(printable(&path, 20), path);
        assert_eq!(printable(&path, 19), path[..19]);
        assert_eq!(printable(&path[..19], 20), path[..19]);
    }

    #[test]
    fn truncate_cuts_at_a_character_boundary_and_marks_the_cut() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("abcdefghij", 10), "abcdefghij");
        assert_eq!(truncate("abcdefghijk", 10), "abcdefg…");
        let long = "é".repeat(100);
        let cut = truncate(&long, 10);
        assert_eq!(cut, "ééé…");
        assert!(cut.len() <= 10);
        // No room for the marker: cut to nothing rather than overrun the bound.
        assert_eq!(truncate("abcdef", 2), "");
    }

    #[test]
    fn capped_stops_formatting_once_the_bound_is_reached() {
        struct Endless;
        impl fmt::Display for Endless {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                // Would never end if the writer did not fail once the bound is reached.
                loop {
                    f.write_str("ab")?;
                }
            }
        }
        struct Show;
        impl fmt::Display for Show {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write_capped(f, 9, |f| fmt::Display::fmt(&Endless, f))
            }
        }
        assert_eq!(Show.to_string(), "ababab…");
    }
}
