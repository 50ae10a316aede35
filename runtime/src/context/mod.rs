//! What the request adds to an error body: correlation id, time, path, method, instance.

use std::borrow::Cow;
use std::fmt::{self, Display};
use std::sync::Arc;

use serde::{Serialize, Serializer};

use crate::Localize;
use crate::i18n::{SharedLocalizer, is_language_tag, negotiate};
use crate::json_text::any_special;
use crate::limits::{MAX_METHOD_LEN, printable};

mod timestamp;

pub use timestamp::{OutOfRange, Timestamp};

/// The longest correlation id that is accepted from outside.
pub const MAX_CORRELATION_ID_LEN: usize = 128;

/// The longest path or instance kept in a body; longer ones are cut at a character boundary.
pub const MAX_PATH_LEN: usize = 2048;

/// A request tracking id, checked to be safe in a body, a header and a log line.
///
/// Only 1 to [`MAX_CORRELATION_ID_LEN`] characters from `A–Z a–z 0–9 - _ . : ~ + / = @` are
/// accepted, so an id taken from a request header can be echoed without CR/LF injection, markup
/// or log forging.
///
/// ```
/// use apierr::CorrelationId;
///
/// assert_eq!(CorrelationId::new("abc-123-def").unwrap().as_str(), "abc-123-def");
/// assert!(CorrelationId::new("abc\r\nSet-Cookie: x").is_err());
/// assert!(CorrelationId::new("").is_err());
/// assert!(CorrelationId::new(&"a".repeat(129)).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CorrelationId(Cow<'static, str>);

/// Why a correlation id was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvalidCorrelationId {
    /// It was empty.
    Empty,
    /// It was longer than [`MAX_CORRELATION_ID_LEN`] bytes.
    TooLong,
    /// It contained a character outside the safe set.
    BadCharacter,
}

impl Display for InvalidCorrelationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            InvalidCorrelationId::Empty => "correlation id is empty",
            InvalidCorrelationId::TooLong => "correlation id is too long",
            InvalidCorrelationId::BadCharacter => {
                "correlation id has a character outside the safe set"
            }
        })
    }
}

impl std::error::Error for InvalidCorrelationId {}

/// Also the reason a correlation id is copied into a body without escaping: no byte of this
/// set is one JSON escapes (`tests.rs` checks every byte against `json_text`'s rule).
fn is_safe_id_byte(byte: u8) -> bool {
    SAFE_ID_BYTES[usize::from(byte)]
}

/// [`is_safe_id_byte`] of every byte, computed at compile time: every request with a
/// correlation header has its id checked, and one lookup per byte is a third of the
/// instructions of comparing it with each character of the set.
const SAFE_ID_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        // `byte < 256`, so the cast keeps it whole.
        #[allow(clippy::cast_possible_truncation)]
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'-' | b'_' | b'.' | b':' | b'~' | b'+' | b'/' | b'=' | b'@'
            );
        byte += 1;
    }
    table
};

impl CorrelationId {
    /// Checks `id` and keeps a copy of it.
    ///
    /// # Errors
    /// When `id` is empty, longer than [`MAX_CORRELATION_ID_LEN`] or has an unsafe character.
    pub fn new(id: &str) -> Result<Self, InvalidCorrelationId> {
        Self::check(id)?;
        Ok(CorrelationId(Cow::Owned(id.to_owned())))
    }

    /// Checks raw header bytes, which may not even be UTF-8.
    ///
    /// # Errors
    /// As [`new`](Self::new); bytes that are not UTF-8 are a bad character.
    pub fn from_bytes(id: &[u8]) -> Result<Self, InvalidCorrelationId> {
        let id = std::str::from_utf8(id).map_err(|_| InvalidCorrelationId::BadCharacter)?;
        Self::new(id)
    }

    /// Checks a static id without copying it.
    ///
    /// # Errors
    /// As [`new`](Self::new).
    pub fn from_static(id: &'static str) -> Result<Self, InvalidCorrelationId> {
        Self::check(id)?;
        Ok(CorrelationId(Cow::Borrowed(id)))
    }

    /// An id this crate made from characters of the safe set (a hyphenated UUID), kept
    /// without checking it: the layers make one for every request that brings none
    /// (`integrations/scope.rs` tests that such ids pass the check).
    #[cfg(any(feature = "axum", feature = "actix-web"))]
    pub(crate) fn made(id: String) -> Self {
        CorrelationId(Cow::Owned(id))
    }

    fn check(id: &str) -> Result<(), InvalidCorrelationId> {
        if id.is_empty() {
            Err(InvalidCorrelationId::Empty)
        } else if id.len() > MAX_CORRELATION_ID_LEN {
            Err(InvalidCorrelationId::TooLong)
        } else if !id.bytes().all(is_safe_id_byte) {
            Err(InvalidCorrelationId::BadCharacter)
        } else {
            Ok(())
        }
    }

    /// The id.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Display for CorrelationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for CorrelationId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// Keeps at most [`MAX_PATH_LEN`] bytes of request text, without control characters.
fn bounded(text: &str) -> String {
    printable(text, MAX_PATH_LEN)
}

/// Whether `text` needs JSON escaping, by the escaper's own rule (`json_text`): decided once,
/// when a value enters the context, so that a body copies it.
fn needs_escaping(text: &str) -> bool {
    any_special(text.as_bytes())
}

/// The bits of [`Context::holds`]: what a context holds that a body can show or that makes a
/// body per request. A cached body's template keeps the same bits for what its layout shows
/// (`format::render::template`), so one `and` tells whether the context changes the body.
pub(crate) mod holds {
    pub(crate) const CORRELATION_ID: u8 = 1;
    pub(crate) const TIMESTAMP: u8 = 1 << 1;
    pub(crate) const PATH: u8 = 1 << 2;
    pub(crate) const METHOD: u8 = 1 << 3;
    pub(crate) const INSTANCE: u8 = 1 << 4;
    pub(crate) const DEBUG_DETAIL: u8 = 1 << 5;
    /// A localizer: a message may be translated, per request, in any layout.
    pub(crate) const LOCALIZER: u8 = 1 << 6;
}

/// Request data a body may carry besides the error itself.
///
/// Every member is optional: a format leaves out what was not supplied, unless its shape
/// demands it. The HTTP integrations fill it from the request; tests fix it by hand.
///
/// ```
/// use apierr::{Context, CorrelationId, Timestamp};
///
/// let context = Context::new()
///     .with_correlation_id(CorrelationId::new("abc-123-def").unwrap())
///     .with_timestamp(Timestamp::from_unix_millis(0).unwrap())
///     .with_method(http::Method::POST)
///     .with_path("/api/auth/register");
/// assert_eq!(context.path(), Some("/api/auth/register"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    correlation_id: Option<CorrelationId>,
    timestamp: Option<Timestamp>,
    path: Option<String>,
    method: Option<http::Method>,
    instance: Option<String>,
    debug_detail: bool,
    language: Option<Cow<'static, str>>,
    localizer: Option<SharedLocalizer>,
    /// Which values above are set (the [`holds`] bits; the language is not one, it is used
    /// only with a localizer): kept by the setters, so that the body cache tells with one
    /// load whether a body is the one kept for its code.
    holds: u8,
    /// Which of the path, method and instance need JSON escaping ([`holds`] bits), decided
    /// when they are set: the others are copied into a body as they are.
    escaped: u8,
}

impl Context {
    /// An empty context: nothing about the request is known.
    #[must_use]
    pub const fn new() -> Self {
        Context {
            correlation_id: None,
            timestamp: None,
            path: None,
            method: None,
            instance: None,
            debug_detail: false,
            language: None,
            localizer: None,
            holds: 0,
            escaped: 0,
        }
    }

    /// Sets `bit` of [`holds`] when `on`, clears it otherwise; likewise in `escaped` with
    /// `escape`. In place: the setters run for every request, and a context is large to move.
    #[inline]
    fn note(&mut self, bit: u8, on: bool, escape: bool) {
        self.holds = if on {
            self.holds | bit
        } else {
            self.holds & !bit
        };
        self.escaped = if escape {
            self.escaped | bit
        } else {
            self.escaped & !bit
        };
    }

    /// What the context holds: the [`holds`] bits.
    #[inline]
    pub(crate) fn holds(&self) -> u8 {
        self.holds
    }

    /// Whether the context holds anything a body can show: a correlation id, a timestamp, a
    /// path, a method, an instance, or debug detail.
    #[cfg(test)]
    pub(crate) fn shows_anything(&self) -> bool {
        self.holds & !holds::LOCALIZER != 0
    }

    /// The path, with whether it can be copied into a body without escaping.
    #[inline]
    pub(crate) fn path_text(&self) -> Option<(&str, bool)> {
        let path = self.path.as_deref()?;
        Some((path, self.escaped & holds::PATH == 0))
    }

    /// The instance, with whether it can be copied into a body without escaping.
    #[inline]
    pub(crate) fn instance_text(&self) -> Option<(&str, bool)> {
        let instance = self.instance.as_deref()?;
        Some((instance, self.escaped & holds::INSTANCE == 0))
    }

    /// The method, with whether it can be copied into a body without escaping.
    #[inline]
    pub(crate) fn method_text(&self) -> Option<(&str, bool)> {
        let method = self.method.as_ref()?.as_str();
        Some((method, self.escaped & holds::METHOD == 0))
    }

    /// The request's tracking id.
    #[must_use]
    pub fn with_correlation_id(mut self, id: CorrelationId) -> Self {
        self.set_correlation_id(id);
        self
    }

    /// [`with_correlation_id`](Self::with_correlation_id) in place. The in-place setters are
    /// what the layers call for every request: a context is large to move.
    pub(crate) fn set_correlation_id(&mut self, id: CorrelationId) {
        self.correlation_id = Some(id);
        self.holds |= holds::CORRELATION_ID;
    }

    /// When the error happened.
    #[must_use]
    pub fn with_timestamp(mut self, at: Timestamp) -> Self {
        self.set_timestamp(at);
        self
    }

    /// [`with_timestamp`](Self::with_timestamp) in place.
    pub(crate) fn set_timestamp(&mut self, at: Timestamp) {
        self.timestamp = Some(at);
        self.holds |= holds::TIMESTAMP;
    }

    /// The request path; cut to [`MAX_PATH_LEN`] bytes, control characters dropped.
    #[must_use]
    pub fn with_path(mut self, path: &str) -> Self {
        let path = bounded(path);
        let escape = needs_escaping(&path);
        self.path = Some(path);
        self.note(holds::PATH, true, escape);
        self
    }

    /// The request path as both [`with_path`](Self::with_path) and
    /// [`with_instance`](Self::with_instance) set it, but bounded and checked for escaping
    /// once: the HTTP layers give every request both, error or not.
    #[cfg(any(feature = "axum", feature = "actix-web"))]
    pub(crate) fn set_path_as_instance(&mut self, path: &str) {
        let path = bounded(path);
        let escape = needs_escaping(&path);
        self.instance = Some(path.clone());
        self.path = Some(path);
        self.note(holds::PATH | holds::INSTANCE, true, escape);
    }

    /// The request method. An extension method longer than [`MAX_METHOD_LEN`] bytes is left
    /// out: a client chooses it, and a body has no use for its length.
    ///
    /// ```
    /// use apierr::Context;
    /// use http::Method;
    ///
    /// assert_eq!(Context::new().with_method(Method::POST).method(), Some(&Method::POST));
    /// let long = Method::from_bytes("X".repeat(100).as_bytes()).unwrap();
    /// assert_eq!(Context::new().with_method(long).method(), None);
    /// ```
    #[must_use]
    pub fn with_method(mut self, method: http::Method) -> Self {
        self.set_method(method);
        self
    }

    /// [`with_method`](Self::with_method) in place.
    pub(crate) fn set_method(&mut self, method: http::Method) {
        self.method = (method.as_str().len() <= MAX_METHOD_LEN).then_some(method);
        let escape = self
            .method
            .as_ref()
            .is_some_and(|method| needs_escaping(method.as_str()));
        let on = self.method.is_some();
        self.note(holds::METHOD, on, escape);
    }

    /// A URI reference for this occurrence of the problem (RFC 9457 `instance`); bounded as
    /// [`with_path`](Self::with_path).
    #[must_use]
    pub fn with_instance(mut self, instance: &str) -> Self {
        let instance = bounded(instance);
        let escape = needs_escaping(&instance);
        self.instance = Some(instance);
        self.note(holds::INSTANCE, true, escape);
        self
    }

    /// Switches on debug detail: the internal message and source chain of 5xx errors appear in
    /// formats that have a place for them (such as a `stack` member). Off by default; never switch
    /// it on in production.
    #[must_use]
    pub fn with_debug_detail(mut self, on: bool) -> Self {
        self.set_debug_detail(on);
        self
    }

    /// [`with_debug_detail`](Self::with_debug_detail) in place.
    pub(crate) fn set_debug_detail(&mut self, on: bool) {
        self.debug_detail = on;
        self.note(holds::DEBUG_DETAIL, on, false);
    }

    /// The translations of public messages; see [`Localize`]. Used only once a
    /// [language](Self::with_language) is set too.
    #[must_use]
    pub fn with_localizer(mut self, localizer: Arc<dyn Localize>) -> Self {
        self.localizer = Some(SharedLocalizer(localizer));
        self.holds |= holds::LOCALIZER;
        self
    }

    /// The language of the public message, such as `fa` or `en-GB`. A value that is not shaped
    /// like a language tag (letters, digits and `-`, at most 64 bytes) is ignored: the context
    /// keeps the language it had.
    #[must_use]
    pub fn with_language(mut self, language: impl Into<Cow<'static, str>>) -> Self {
        let language = language.into();
        if is_language_tag(&language) {
            self.language = Some(language);
        }
        self
    }

    /// Sets the language [negotiated](crate::negotiate) from an `Accept-Language` header value
    /// among the localizer's languages. Without a localizer, or when nothing fits (or the value
    /// is not UTF-8), the context is unchanged.
    #[must_use]
    pub fn with_accept_language(self, header: &[u8]) -> Self {
        let negotiated = match (&self.localizer, std::str::from_utf8(header)) {
            (Some(localizer), Ok(header)) => negotiate(header, localizer.0.languages()),
            _ => None,
        };
        match negotiated {
            Some(language) => self.with_language(language),
            None => self,
        }
    }

    /// The request's tracking id, if known.
    #[must_use]
    pub fn correlation_id(&self) -> Option<&CorrelationId> {
        self.correlation_id.as_ref()
    }

    /// When the error happened, if known.
    #[must_use]
    pub fn timestamp(&self) -> Option<Timestamp> {
        self.timestamp
    }

    /// The request path, if known.
    #[must_use]
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// The request method, if known.
    #[must_use]
    pub fn method(&self) -> Option<&http::Method> {
        self.method.as_ref()
    }

    /// The occurrence URI, if known.
    #[must_use]
    pub fn instance(&self) -> Option<&str> {
        self.instance.as_deref()
    }

    /// Whether debug detail is switched on.
    #[must_use]
    pub fn debug_detail(&self) -> bool {
        self.debug_detail
    }

    /// The language of public messages, if set.
    #[must_use]
    pub fn language(&self) -> Option<&str> {
        self.language.as_deref()
    }

    /// The translations of public messages, if set.
    #[must_use]
    pub fn localizer(&self) -> Option<&dyn Localize> {
        self.localizer.as_ref().map(|localizer| &*localizer.0)
    }

    /// The translation of `code`'s public message into the context's language, if any.
    pub(crate) fn translation(&self, code: &'static str) -> Option<&'static str> {
        let localizer = self.localizer.as_ref()?;
        localizer.0.localize(code, self.language.as_deref()?)
    }
}

#[cfg(test)]
mod tests;
