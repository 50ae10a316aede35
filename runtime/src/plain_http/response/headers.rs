//! The headers of an error response: which ones, in what order, each checked. They are written
//! through a [`HeaderSink`]: into an `http` 1 `HeaderMap` here, and by a framework integration
//! straight into its own map (actix-web's speaks `http` 0.2), so that the rules live only here
//! and no header is built twice.

use std::fmt::Write as _;

use http::StatusCode;
use http::header::{self, HeaderMap, HeaderName, HeaderValue};

use super::ResponseOptions;
use crate::plain_http::log;
use crate::{ApiError, Context, Envelope};

/// The longest header value taken from a field; longer ones are left out.
pub const MAX_HEADER_VALUE_LEN: usize = 4096;

/// A header's name: the ones apierr sets itself, by name, or one declared and checked.
pub(crate) enum Name<'a> {
    ContentType,
    RetryAfter,
    WwwAuthenticate,
    /// [`ResponseOptions::correlation_header`].
    CorrelationId(&'a HeaderName),
    /// A spec's, a field's or a format's header, past [`DROPPED_HEADERS`].
    Declared(HeaderName),
}

/// A header's value, checked (see [`check_value`]) before it gets here, except the media type.
pub(crate) enum Value<'a> {
    /// A value from a declaration (a spec's header or challenge).
    Static(&'static str),
    /// The format's media type: its declaration, not checked by apierr; the sink leaves it out
    /// if it is not a valid header value.
    MediaType(&'static str),
    /// A value written for this response.
    Text(&'a str),
    /// `Retry-After`'s delay.
    Seconds(u64),
    /// [`ResponseOptions::default_challenge`].
    Header(&'a HeaderValue),
}

impl Value<'_> {
    /// The text to check, for the values that are not valid by construction.
    fn text(&self) -> Option<&str> {
        match *self {
            Value::Static(text) | Value::Text(text) | Value::MediaType(text) => Some(text),
            Value::Seconds(_) | Value::Header(_) => None,
        }
    }
}

/// [`crate::format::APPLICATION_JSON`] as a header value, made at compile time.
const APPLICATION_JSON: HeaderValue = HeaderValue::from_static(crate::format::APPLICATION_JSON);
/// [`crate::format::APPLICATION_PROBLEM_JSON`] as a header value, made at compile time.
const APPLICATION_PROBLEM_JSON: HeaderValue =
    HeaderValue::from_static(crate::format::APPLICATION_PROBLEM_JSON);

/// Where the headers of an error response go. A later header replaces an earlier one of the
/// same name.
pub(crate) trait HeaderSink {
    /// Puts the header in; `false` when the sink's header type refuses the value (only an
    /// unchecked [`Value::MediaType`] can be refused).
    fn insert(&mut self, name: Name<'_>, value: Value<'_>) -> bool;
}

impl HeaderSink for HeaderMap {
    fn insert(&mut self, name: Name<'_>, value: Value<'_>) -> bool {
        let value = match value {
            // Checked before it got here, so `from_static` (which panics on a bad byte) cannot.
            Value::Static(text) => HeaderValue::from_static(text),
            // The built-in formats' media types were checked at compile time; any other gets
            // one pass over the bytes, no copy, and no panic for a bad byte.
            Value::MediaType(crate::format::APPLICATION_JSON) => APPLICATION_JSON,
            Value::MediaType(crate::format::APPLICATION_PROBLEM_JSON) => APPLICATION_PROBLEM_JSON,
            Value::MediaType(text) => {
                match HeaderValue::from_maybe_shared(bytes::Bytes::from_static(text.as_bytes())) {
                    Ok(value) => value,
                    Err(_) => return false,
                }
            }
            Value::Text(text) => match HeaderValue::from_str(text) {
                Ok(value) => value,
                Err(_) => return false,
            },
            Value::Seconds(seconds) => HeaderValue::from(seconds),
            Value::Header(value) => value.clone(),
        };
        let name = match name {
            Name::ContentType => header::CONTENT_TYPE,
            Name::RetryAfter => header::RETRY_AFTER,
            Name::WwwAuthenticate => header::WWW_AUTHENTICATE,
            Name::CorrelationId(name) => name.clone(),
            Name::Declared(name) => name,
        };
        HeaderMap::insert(self, name, value);
        true
    }
}

/// Headers a spec cannot set: the format and the HTTP server decide the framing of the body and
/// the hop-by-hop headers, and `host` is a request header. The derive refuses exactly these
/// names at compile time (`macros/src/headers.rs`; a test compares the two lists), and a
/// hand-written `Spec` gets them dropped here.
pub(super) const DROPPED_HEADERS: [HeaderName; 10] = [
    header::CONTENT_TYPE,
    header::CONTENT_LENGTH,
    header::TRANSFER_ENCODING,
    header::CONNECTION,
    HeaderName::from_static("keep-alive"),
    HeaderName::from_static("proxy-connection"),
    header::TE,
    header::UPGRADE,
    header::TRAILER,
    header::HOST,
];

/// Writes every header of `error`'s response into `sink`: the spec's fixed headers, the
/// field headers, `Retry-After`, the 401 challenge, the correlation id when `correlation_id`
/// (the frameworks' layers put it on every response themselves), the format's headers, and
/// last the body's `content_type`.
pub(crate) fn write_headers<S: HeaderSink>(
    envelope: &Envelope<'_>,
    error: &dyn ApiError,
    correlation_id: bool,
    context: &Context,
    options: &ResponseOptions,
    content_type: &'static str,
    sink: &mut S,
) {
    let spec = error.spec();
    let code = spec.code();
    // Fixed headers are checked at compile time by the derive; a hand-written `Spec` is not, so
    // they are checked again rather than trusted.
    for &(name, value) in spec.headers() {
        insert_checked(sink, code, name, Value::Static(value));
    }
    error.visit_headers(&mut |name, value| {
        let mut text = String::new();
        if write!(text, "{value}").is_err() {
            log::dropped_header(code, name, "its Display failed");
            return;
        }
        insert_checked(sink, code, name, Value::Text(&text));
    });
    if let Some(seconds) = error.retry_after() {
        sink.insert(Name::RetryAfter, Value::Seconds(seconds));
    }
    if error.status() == StatusCode::UNAUTHORIZED {
        let challenge = match spec.www_authenticate() {
            Some(challenge) if check_value(challenge).is_ok() => Value::Static(challenge),
            _ => Value::Header(options.default_challenge()),
        };
        sink.insert(Name::WwwAuthenticate, challenge);
    }
    if correlation_id && let Some(id) = context.correlation_id() {
        // A `CorrelationId` holds only safe characters.
        sink.insert(
            Name::CorrelationId(options.correlation_header()),
            Value::Text(id.as_str()),
        );
    }
    envelope.visit_format_headers(&mut |name, value| {
        insert_checked(sink, code, name, Value::Text(value));
    });
    if !sink.insert(Name::ContentType, Value::MediaType(content_type)) {
        log::dropped_header(
            code,
            "content-type",
            "the format's media type is not a valid value",
        );
    }
}

/// `name: value` when the name is valid and not one of [`DROPPED_HEADERS`], and the value's text
/// passes [`check_value`]; else left out, and logged.
pub(super) fn insert_checked<S: HeaderSink>(
    sink: &mut S,
    code: &str,
    name: &str,
    value: Value<'_>,
) {
    let Ok(header_name) = HeaderName::from_bytes(name.as_bytes()) else {
        log::dropped_header(code, name, "not a valid header name");
        return;
    };
    if DROPPED_HEADERS.contains(&header_name) {
        log::dropped_header(code, name, "set by the format or the HTTP server");
        return;
    }
    match value.text().map_or(Ok(()), check_value) {
        Ok(()) => {
            sink.insert(Name::Declared(header_name), value);
        }
        Err(why) => log::dropped_header(code, name, why),
    }
}

/// Whether `text` may be a header value: visible ASCII (with inner spaces and tabs), not padded
/// and not over [`MAX_HEADER_VALUE_LEN`]. Stricter than HTTP, so that no CR, LF, NUL or byte a
/// client could misread is ever sent; every such text is also a valid value for `http` 0.2 and 1.
pub(super) fn check_value(text: &str) -> Result<(), &'static str> {
    if text.len() > MAX_HEADER_VALUE_LEN {
        return Err("value too long");
    }
    let bytes = text.as_bytes();
    if !bytes
        .iter()
        .all(|&b| matches!(b, b' ' | b'\t' | b'!'..=b'~'))
    {
        return Err("value has a control or non-ASCII character");
    }
    if matches!(bytes.first(), Some(b' ' | b'\t')) || matches!(bytes.last(), Some(b' ' | b'\t')) {
        return Err("value has leading or trailing whitespace");
    }
    Ok(())
}
