//! Localised public messages: one translation per code and language, negotiated from
//! `Accept-Language`.
//!
//! A [`Localize`] implementation (such as [`Translations`]) is carried by the request
//! [`Context`](crate::Context) together with the request's language. When both are there and the
//! localizer has a translation for the error's code, every format shows it as the public
//! message; otherwise the declared (or `Display`, or redacted) message stands. The HTTP layer
//! picks the language with [`negotiate`] from the request's `Accept-Language`.
//!
//! Translations are whole messages, one per code: a code whose message interpolates values
//! (`"Out of balance: {missing} {currency}"`) shows its translation without them. Field-level
//! messages are not translated here: they come from the validation library, which has its own
//! hooks (garde's `i18n` module, validator's `message = …`).
//!
//! ```
//! use std::sync::Arc;
//! use apierr::format::StatusEnvelope;
//! use apierr::{ApiError, Context, Envelope, Translations};
//!
//! #[derive(Debug, ApiError)]
//! #[api(format = StatusEnvelope)]
//! enum RegisterError {
//!     #[api(code = "USER_EXISTS", status = 409, message = "Email already in use")]
//!     UserExists,
//!     #[api(code = "WRONG_CODE", status = 400, message = "Wrong delivery code")]
//!     WrongCode,
//! }
//!
//! static FA: &[(&str, &str)] = &[("USER_EXISTS", "کاربری با این ایمیل قبلاً ثبت‌نام کرده است")];
//! let translations = Arc::new(Translations::new().language("en", &[]).language("fa", FA));
//!
//! // What the axum layer does with the request's `Accept-Language`.
//! let context = Context::new()
//!     .with_localizer(translations)
//!     .with_accept_language(b"fa-IR, fa;q=0.9, en;q=0.5");
//! assert_eq!(context.language(), Some("fa"));
//!
//! let body = Envelope::new(&RegisterError::UserExists).with_context(&context).to_value().unwrap();
//! assert_eq!(body["message"], "کاربری با این ایمیل قبلاً ثبت‌نام کرده است");
//! // No Persian text for this code: the declared message stands.
//! let body = Envelope::new(&RegisterError::WrongCode).with_context(&context).to_value().unwrap();
//! assert_eq!(body["message"], "Wrong delivery code");
//! ```

use std::fmt;
use std::sync::Arc;

/// The longest `Accept-Language` value that is read; anything after it is ignored.
pub const MAX_ACCEPT_LANGUAGE_LEN: usize = 4096;

/// The most language ranges read from one `Accept-Language` value.
const MAX_RANGES: usize = 64;

/// The longest language tag a [`Context`](crate::Context) keeps.
pub(crate) const MAX_LANGUAGE_TAG_LEN: usize = 64;

/// Picks the public message of a code in a language.
///
/// Implement it over whatever holds your translations (a static table, files read at start-up
/// and leaked, a generated catalogue), or use [`Translations`]. It is called while a body is
/// rendered, so it should be a lookup, not I/O.
///
/// ```
/// use apierr::Localize;
///
/// struct Persian;
///
/// impl Localize for Persian {
///     fn localize(&self, code: &'static str, language: &str) -> Option<&'static str> {
///         match (code, language) {
///             ("WRONG_CODE", "fa") => Some("کد تحویل نادرست است"),
///             _ => None,
///         }
///     }
///
///     fn languages(&self) -> &[&'static str] {
///         &["en", "fa"]
///     }
/// }
///
/// assert_eq!(Persian.localize("WRONG_CODE", "fa"), Some("کد تحویل نادرست است"));
/// assert_eq!(Persian.localize("WRONG_CODE", "en"), None);
/// ```
pub trait Localize: Send + Sync + 'static {
    /// The message for `code` in `language` (a tag such as `fa` or `en-GB`, as negotiated or
    /// set on the context), or `None` to keep the declared message.
    fn localize(&self, code: &'static str, language: &str) -> Option<&'static str>;

    /// The languages to negotiate among, most preferred first. List the language of your
    /// declared messages too (with no translations), so that clients asking for it get it.
    fn languages(&self) -> &[&'static str];
}

/// A ready [`Localize`]: static tables of `(code, message)` pairs, one per language.
///
/// A language asked for with a region or script it has no table for (`fa-IR`) falls back to
/// its shorter tag (`fa`), as RFC 4647's lookup does. Tags compare without regard to case.
///
/// ```
/// use apierr::{Localize, Translations};
///
/// static FA: &[(&str, &str)] = &[("WRONG_CODE", "کد تحویل نادرست است")];
/// static DE: &[(&str, &str)] = &[("WRONG_CODE", "Falscher Liefercode")];
/// let translations = Translations::new().language("en", &[]).language("fa", FA).language("de", DE);
///
/// assert_eq!(translations.languages(), ["en", "fa", "de"]);
/// assert_eq!(translations.localize("WRONG_CODE", "FA-ir"), Some("کد تحویل نادرست است"));
/// assert_eq!(translations.localize("WRONG_CODE", "en"), None);
/// assert_eq!(translations.localize("OTHER", "de"), None);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Translations {
    languages: Vec<&'static str>,
    tables: Vec<&'static [(&'static str, &'static str)]>,
}

impl Translations {
    /// No languages yet.
    #[must_use]
    pub const fn new() -> Self {
        Translations {
            languages: Vec::new(),
            tables: Vec::new(),
        }
    }

    /// Adds `language` (after those already added, so less preferred) with its
    /// `(code, message)` pairs; `&[]` for the language of the declared messages. A language
    /// added twice keeps its first table.
    #[must_use]
    pub fn language(
        mut self,
        language: &'static str,
        messages: &'static [(&'static str, &'static str)],
    ) -> Self {
        if !self
            .languages
            .iter()
            .any(|known| known.eq_ignore_ascii_case(language))
        {
            self.languages.push(language);
            self.tables.push(messages);
        }
        self
    }

    fn table(&self, language: &str) -> Option<&'static [(&'static str, &'static str)]> {
        let index = self
            .languages
            .iter()
            .position(|known| known.eq_ignore_ascii_case(language))?;
        self.tables.get(index).copied()
    }
}

impl Localize for Translations {
    fn localize(&self, code: &'static str, language: &str) -> Option<&'static str> {
        let mut tag = language;
        loop {
            if let Some(table) = self.table(tag) {
                return table
                    .iter()
                    .find(|(known, _)| *known == code)
                    .map(|(_, message)| *message);
            }
            tag = truncate_tag(tag)?;
        }
    }

    fn languages(&self) -> &[&'static str] {
        &self.languages
    }
}

/// The tag with its last subtag removed (and a singleton left before it, as RFC 4647's lookup
/// does): `zh-Hant-TW` → `zh-Hant`, `en-a-bbb` → `en`; `None` for a single subtag.
fn truncate_tag(tag: &str) -> Option<&str> {
    let mut shorter = &tag[..tag.rfind('-')?];
    if let Some(cut) = shorter.rfind('-')
        && shorter.len() - cut == 2
    {
        shorter = &shorter[..cut];
    }
    Some(shorter)
}

/// Whether `text` is shaped like a language tag: 1 to 8 letters, then `-` and 1 to 8 letters
/// or digits, any number of times. Not a full BCP 47 check, only enough to keep odd input out.
pub(crate) fn is_language_tag(text: &str) -> bool {
    text.len() <= MAX_LANGUAGE_TAG_LEN && is_range_shaped(text)
}

fn is_range_shaped(text: &str) -> bool {
    let mut subtags = text.split('-');
    let primary = subtags.next().unwrap_or("");
    let fits = |subtag: &str, alpha_only: bool| {
        (1..=8).contains(&subtag.len())
            && subtag.bytes().all(|b| {
                if alpha_only {
                    b.is_ascii_alphabetic()
                } else {
                    b.is_ascii_alphanumeric()
                }
            })
    };
    fits(primary, true) && subtags.all(|subtag| fits(subtag, false))
}

/// An RFC 9110 qvalue in thousandths: `1`, `0.8`, `0.125`; `None` when malformed.
fn parse_q(text: &str) -> Option<u16> {
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, fraction),
        None => (text, ""),
    };
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut thousandths = 0u16;
    for (i, digit) in fraction.bytes().enumerate() {
        let weight = [100, 10, 1][i];
        thousandths += u16::from(digit - b'0') * weight;
    }
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// Whether the language range `range` matches `tag` under RFC 4647's basic filtering: equal,
/// or a prefix of it ending at a subtag boundary (`en` matches `en-GB`).
fn basic_match(range: &str, tag: &str) -> bool {
    match tag.get(..range.len()) {
        Some(head) if head.eq_ignore_ascii_case(range) => {
            tag.len() == range.len() || tag.as_bytes()[range.len()] == b'-'
        }
        _ => false,
    }
}

/// The language among `supported` that best fits an `Accept-Language` value, or `None` when
/// none does (then the declared messages stand).
///
/// Ranges are tried from the highest quality down (ties in the order given). For each, a
/// supported tag equal to it wins, then one it is a prefix of (`en` → `en-GB`), then one equal
/// to a shorter form of it (`fa-IR` → `fa`). `*` takes the first supported language. A range
/// with `q=0` excludes the languages it matches. Malformed ranges and parameters are skipped;
/// only the first [`MAX_ACCEPT_LANGUAGE_LEN`] bytes and 64 ranges are read, so the work is
/// bounded whatever a client sends. It never panics.
///
/// ```
/// use apierr::negotiate;
///
/// let supported = ["en", "fa", "de-CH"];
/// assert_eq!(negotiate("fa-IR,fa;q=0.9,en;q=0.8", &supported), Some("fa"));
/// assert_eq!(negotiate("de;q=0.5, en;q=0.4", &supported), Some("de-CH"));
/// assert_eq!(negotiate("ja, *;q=0.1", &supported), Some("en"));
/// assert_eq!(negotiate("*, en;q=0", &supported), Some("fa"));
/// assert_eq!(negotiate("ja", &supported), None);
/// assert_eq!(negotiate("fa;q=2, ;;, en-", &supported), None);
/// ```
#[must_use]
pub fn negotiate<'s>(accept_language: &str, supported: &[&'s str]) -> Option<&'s str> {
    let header = bounded_header(accept_language);
    let mut ranges: Vec<(&str, u16)> = Vec::new();
    for item in header.split(',').take(MAX_RANGES) {
        if let Some(range) = parse_range(item) {
            ranges.push(range);
        }
    }
    // Stable: ranges of equal quality keep the client's order.
    ranges.sort_by_key(|&(_, q)| std::cmp::Reverse(q));
    let excluded = |tag: &str| {
        ranges
            .iter()
            .any(|&(range, q)| q == 0 && range != "*" && basic_match(range, tag))
    };
    let pick = |accepts: &dyn Fn(&str) -> bool| {
        supported
            .iter()
            .copied()
            .find(|&tag| accepts(tag) && !excluded(tag))
    };
    for &(range, q) in &ranges {
        if q == 0 {
            continue;
        }
        if range == "*" {
            if let Some(tag) = pick(&|_| true) {
                return Some(tag);
            }
            continue;
        }
        if let Some(tag) = pick(&|tag| tag.eq_ignore_ascii_case(range))
            .or_else(|| pick(&|tag| basic_match(range, tag)))
        {
            return Some(tag);
        }
        let mut shorter = range;
        while let Some(next) = truncate_tag(shorter) {
            shorter = next;
            if let Some(tag) = pick(&|tag| tag.eq_ignore_ascii_case(shorter)) {
                return Some(tag);
            }
        }
    }
    None
}

/// The first [`MAX_ACCEPT_LANGUAGE_LEN`] bytes of `header`; when cut, the last, partial list
/// element is dropped so that `en-GB` cut to `en-G` is not read as a range.
fn bounded_header(header: &str) -> &str {
    if header.len() <= MAX_ACCEPT_LANGUAGE_LEN {
        return header;
    }
    let mut end = MAX_ACCEPT_LANGUAGE_LEN;
    while !header.is_char_boundary(end) {
        end -= 1;
    }
    let head = &header[..end];
    head.rfind(',').map_or("", |comma| &head[..comma])
}

/// One `range;q=…` list element; `None` when empty or malformed.
fn parse_range(item: &str) -> Option<(&str, u16)> {
    let mut parts = item.split(';');
    let range = parts.next()?.trim_matches([' ', '\t']);
    if range != "*" && !is_range_shaped(range) {
        return None;
    }
    let mut q = 1000;
    for parameter in parts {
        let (name, value) = parameter.split_once('=')?;
        if name.trim_matches([' ', '\t']).eq_ignore_ascii_case("q") {
            q = parse_q(value.trim_matches([' ', '\t']))?;
        }
    }
    Some((range, q))
}

/// A [`Localize`] shared by the contexts of many requests; compared by identity.
#[derive(Clone)]
pub(crate) struct SharedLocalizer(pub(crate) Arc<dyn Localize>);

impl fmt::Debug for SharedLocalizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Localize")
            .field("languages", &self.0.languages())
            .finish_non_exhaustive()
    }
}

impl PartialEq for SharedLocalizer {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for SharedLocalizer {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qvalues_follow_rfc_9110() {
        assert_eq!(parse_q("1"), Some(1000));
        assert_eq!(parse_q("1.000"), Some(1000));
        assert_eq!(parse_q("0"), Some(0));
        assert_eq!(parse_q("0.5"), Some(500));
        assert_eq!(parse_q("0.125"), Some(125));
        assert_eq!(parse_q("0."), Some(0));
        for bad in [
            "1.001", "2", "0.1234", "-0.5", "", ".5", "0.x", "01", "0.5e1",
        ] {
            assert_eq!(parse_q(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn tags_truncate_like_rfc_4647_lookup() {
        assert_eq!(truncate_tag("zh-Hant-TW"), Some("zh-Hant"));
        assert_eq!(truncate_tag("en-a-bbb"), Some("en"));
        assert_eq!(truncate_tag("en"), None);
    }

    #[test]
    fn ranges_and_tags_are_shape_checked() {
        assert!(is_language_tag("en"));
        assert!(is_language_tag("zh-Hant-TW"));
        assert!(is_language_tag("de-1996"));
        for bad in ["", "en-", "-en", "e1", "toolongtag", "en_GB", "fa\r\n", "*"] {
            assert!(!is_language_tag(bad), "{bad:?}");
        }
    }

    #[test]
    fn negotiation_prefers_quality_then_order() {
        let supported = ["en", "fa", "de"];
        assert_eq!(negotiate("de;q=0.5, fa;q=0.7", &supported), Some("fa"));
        assert_eq!(negotiate("de, fa", &supported), Some("de"));
        assert_eq!(negotiate("FA", &supported), Some("fa"));
        assert_eq!(negotiate("", &supported), None);
        assert_eq!(negotiate("en", &[]), None);
        // Exact beats prefix: `en` picks `en` over an earlier `en-GB`.
        assert_eq!(negotiate("en", &["en-GB", "en"]), Some("en"));
        assert_eq!(negotiate("en", &["en-GB", "fa"]), Some("en-GB"));
        // `en` excluded: the prefix match `en-GB` is excluded with it.
        assert_eq!(
            negotiate("en-GB, *;q=0.5, en;q=0", &["en-GB", "fa"]),
            Some("fa")
        );
        assert_eq!(negotiate("*;q=0", &supported), None);
    }

    #[test]
    fn hostile_headers_are_bounded_and_never_panic() {
        let supported = ["en", "fa"];
        let long = format!("{},fa", "x-y,".repeat(MAX_ACCEPT_LANGUAGE_LEN));
        assert_eq!(negotiate(&long, &supported), None);
        let cut = format!("{}fa", " ".repeat(MAX_ACCEPT_LANGUAGE_LEN - 2));
        assert_eq!(negotiate(&cut, &supported), Some("fa"));
        // A multi-byte character across the limit, and the element it cuts, are dropped.
        let straddling = format!("fa,{}é", " ".repeat(MAX_ACCEPT_LANGUAGE_LEN - 4));
        assert_eq!(negotiate(&straddling, &supported), Some("fa"));
        for odd in [
            "é",
            ";",
            ";q=1",
            "fa;q",
            "fa;=",
            "fa;q=0.5;q",
            ",,,,",
            "fa;q=0.5=1",
        ] {
            let _ = negotiate(odd, &supported);
        }
        assert_eq!(negotiate("fa;q=0.5;level=1", &supported), Some("fa"));
    }
}
