//! Reading error bodies back, for Rust clients of an apierr API.
//!
//! Every [`Format`], built in or your own, implements [`Decode`] by its layout: it turns a body
//! into a [`Decoded`] value (code, message, status, field errors, request context and extension
//! members). Anything else that reads bodies (such as [`Detect`]) can implement it by hand.
//! [`Decoded::typed`] then gives the code as the code
//! enum that `#[api(code_enum)]` generates, so a client can `match` on it; a code the client
//! does not know is [`ErrorCode`]'s `Unknown` value, never a failure.
//!
//! Bad input (bytes that are not JSON, a body of the wrong shape, a status that is not one)
//! is a [`DecodeError`], never a panic.
//!
//! Available with the `decode` cargo feature (also turned on by `reqwest`).
//!
//! ```
//! use apierr::decode::Decode;
//! use apierr::format::Nested;
//! use apierr::{ApiError, ErrorCode};
//!
//! #[derive(Debug, ApiError)]
//! #[api(code_enum)]
//! enum AuthError {
//!     #[api(code = "ACCOUNT_LOCKED", status = 403, message = "Account locked")]
//!     Locked,
//!     #[api(code = "2FA_REQUIRED", status = 401, message = "Two-factor authentication is required")]
//!     TwoFactor,
//! }
//!
//! let body = br#"{"success":false,"error":{"code":"2FA_REQUIRED","message":"Two-factor authentication is required","status":401}}"#;
//! let error = Nested.decode(body).unwrap().typed::<AuthErrorCode>();
//! match error.code {
//!     AuthErrorCode::Locked => unreachable!(),
//!     AuthErrorCode::TwoFactor => assert_eq!(error.body.message, "Two-factor authentication is required"),
//!     AuthErrorCode::Unknown(_) => unreachable!(),
//! }
//! assert_eq!(error.status(), Some(http::StatusCode::UNAUTHORIZED));
//! assert!(Nested.decode(b"<html>").is_err());
//! ```

use std::borrow::Cow;
use std::fmt;

use http::{Method, StatusCode};
use serde_json::{Map, Value};

use crate::format::{
    AnyFormat, FieldLists, FieldStrings, FlatDetails, Format, Nested, ProblemDetails,
    StatusEnvelope,
};
use crate::{ErrorCode, FieldErrors, HasCodeEnum, Spec, SubErrors};

mod pointer;
mod read;
mod slots;

pub use pointer::parse_pointer;

/// One error body, read back.
///
/// What a format has no place for is `None` (or empty). Build one with [`Decoded::new`] in a
/// [`Decode`] implementation of your own.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Decoded {
    /// The code as sent. In [`StatusEnvelope`] bodies, which carry no code, it is the `error`
    /// member (the category, which such APIs document as their codes); in RFC 9457 bodies
    /// without a code member, the problem `type`.
    pub code: String,
    /// The public message. Where a body leaves it out because it would only repeat another
    /// member, it is that member (RFC 9457 `title`) or the status's reason phrase.
    pub message: String,
    /// The HTTP status: the response's when known (see [`Decode::decode_response`]), else the
    /// body's.
    pub status: Option<StatusCode>,
    /// Field errors; empty when there are none. Formats that join several messages for one
    /// field into one string give that string back as one message. Those that send a JSON
    /// object of fields give them back ordered by path, as JSON objects have no order; lists
    /// of items keep theirs. In RFC 9457 bodies each distinct pointer is one field: a segment of
    /// digits reads as an index, or as a key where that keeps two pointers from printing the
    /// same path.
    pub fields: FieldErrors,
    /// Every item of a list of errors ([`Value::ErrorItems`](crate::format::Value::ErrorItems)),
    /// as sent: its code, status, title, message and field. Empty for formats without one.
    pub errors: SubErrors,
    /// The category ([`StatusEnvelope`]'s `error`).
    pub category: Option<String>,
    /// The RFC 9457 `title`.
    pub title: Option<String>,
    /// The RFC 9457 `type`.
    pub problem_type: Option<String>,
    /// The request tracking id.
    pub correlation_id: Option<String>,
    /// When the error happened, as sent (RFC 3339).
    pub timestamp: Option<String>,
    /// The request path.
    pub path: Option<String>,
    /// The request method.
    pub method: Option<Method>,
    /// The RFC 9457 `instance`.
    pub instance: Option<String>,
    /// Debug detail (`stack`), sent only by development servers.
    pub debug_detail: Option<String>,
    /// Every member the format does not define: the error's extension members.
    pub members: Map<String, Value>,
}

impl Decoded {
    /// A decoded error with `code` and `message`, and nothing else yet.
    #[must_use]
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Decoded {
            code: code.into(),
            message: message.into(),
            status: None,
            fields: FieldErrors::new(),
            errors: SubErrors::new(),
            category: None,
            title: None,
            problem_type: None,
            correlation_id: None,
            timestamp: None,
            path: None,
            method: None,
            instance: None,
            debug_detail: None,
            members: Map::new(),
        }
    }

    /// The code as the code enum `C`; an unknown code is `C`'s `Unknown` value.
    #[must_use]
    pub fn typed<C: ErrorCode>(self) -> TypedError<C> {
        TypedError {
            code: C::from_code(&self.code),
            body: self,
        }
    }

    /// The code as `E`'s code enum, also recognising bodies that carry no code.
    ///
    /// When the code is not one of `E`'s, it is looked for among `E`'s catalogue: the one code
    /// whose problem type, or category (or reason phrase, without one), is what the body sent
    /// in its place, with the same status, and if several match the one whose fixed message is
    /// the body's. This is how a [`StatusEnvelope`] body, whose `error` holds the category,
    /// still gives the exact code. When no single code matches, it is `Unknown`.
    #[must_use]
    pub fn typed_for<E: HasCodeEnum>(self) -> TypedError<E::Code> {
        let code = E::Code::from_code(&self.code);
        if !code.is_unknown() {
            return TypedError { code, body: self };
        }
        let mut candidates: Vec<&'static Spec> = Vec::new();
        E::catalog(&mut |spec| {
            let stands_for = spec.problem_type() == Some(self.code.as_str())
                || spec.category().or_else(|| spec.status().canonical_reason())
                    == Some(self.code.as_str());
            let same_status = self.status.is_none_or(|status| status == spec.status());
            if stands_for && same_status && !candidates.contains(&spec) {
                candidates.push(spec);
            }
        });
        if candidates.len() > 1 {
            candidates.retain(|spec| spec.static_message() == Some(self.message.as_str()));
        }
        let code = match candidates.as_slice() {
            [spec] => E::Code::from_code(spec.code()),
            _ => code,
        };
        TypedError { code, body: self }
    }
}

impl fmt::Display for Decoded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.status {
            Some(status) => write!(f, "{} ({}): {}", self.code, status.as_u16(), self.message),
            None => write!(f, "{}: {}", self.code, self.message),
        }
    }
}

impl std::error::Error for Decoded {}

/// A decoded error whose code is a code enum, for an exhaustive `match`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TypedError<C> {
    /// The code.
    pub code: C,
    /// Everything else the body said.
    pub body: Decoded,
}

impl<C: ErrorCode> TypedError<C> {
    /// The status: the response's or body's, else the one the code is declared with.
    #[must_use]
    pub fn status(&self) -> Option<StatusCode> {
        self.body.status.or_else(|| self.code.status())
    }

    /// The public message.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.body.message
    }

    /// The field errors.
    #[must_use]
    pub fn fields(&self) -> &FieldErrors {
        &self.body.fields
    }
}

impl<C: ErrorCode> fmt::Display for TypedError<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.body, f)
    }
}

impl<C: ErrorCode> std::error::Error for TypedError<C> {}

/// Why a body could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecodeError {
    /// The body is not JSON (or nests deeper than the JSON parser allows).
    Syntax(String),
    /// The body is JSON but not an object.
    NotAnObject,
    /// A member the format always sends is missing.
    Missing(&'static str),
    /// A member has the wrong type or an impossible value.
    Invalid {
        /// The member, such as `error.status`.
        member: Cow<'static, str>,
        /// What it should have been.
        expected: &'static str,
    },
    /// The body matches none of the built-in formats ([`Detect`]).
    Unrecognized,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Syntax(error) => write!(f, "error body is not JSON: {error}"),
            DecodeError::NotAnObject => f.write_str("error body is not a JSON object"),
            DecodeError::Missing(member) => write!(f, "error body has no `{member}`"),
            DecodeError::Invalid { member, expected } => {
                write!(f, "error body's `{member}` is not {expected}")
            }
            DecodeError::Unrecognized => f.write_str("error body is in no known format"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Something that reads error bodies back. Every [`Format`] implements it from its layout;
/// implement it by hand only for bodies no format of yours writes, as below.
///
/// Only [`decode_value`](Self::decode_value) is required; it must not panic on any input. The
/// trait is dyn-compatible.
///
/// ```
/// use apierr::decode::{Decode, DecodeError, Decoded};
/// use serde_json::Value;
///
/// /// `{"status":"error","error":{"type":"NOT_FOUND","text":"…"}}`
/// struct Legacy;
///
/// impl Decode for Legacy {
///     fn decode_value(&self, body: &Value) -> Result<Decoded, DecodeError> {
///         let error = body.get("error").ok_or(DecodeError::Missing("error"))?;
///         let text = |name: &'static str| {
///             error.get(name).and_then(Value::as_str).ok_or(DecodeError::Missing(name))
///         };
///         Ok(Decoded::new(text("type")?, text("text")?))
///     }
/// }
///
/// let decoded = Legacy
///     .decode_response(http::StatusCode::NOT_FOUND, br#"{"status":"error","error":{"type":"NOT_FOUND","text":"no item 7"}}"#)
///     .unwrap();
/// assert_eq!((decoded.code.as_str(), decoded.message.as_str()), ("NOT_FOUND", "no item 7"));
/// assert_eq!(decoded.status, Some(http::StatusCode::NOT_FOUND));
/// ```
pub trait Decode: Send + Sync {
    /// Reads one parsed body.
    ///
    /// # Errors
    /// When the body does not have this format's shape.
    fn decode_value(&self, body: &Value) -> Result<Decoded, DecodeError>;

    /// The status this format answers every error with, if it sets one
    /// ([`Layout::with_status`](crate::format::Layout::with_status)): a response with it may be
    /// an error, whose own status is then the body's.
    fn error_status(&self) -> Option<StatusCode> {
        None
    }

    /// Parses and reads one body.
    ///
    /// # Errors
    /// When `body` is not JSON, or not in this format's shape.
    fn decode(&self, body: &[u8]) -> Result<Decoded, DecodeError> {
        let value: Value =
            serde_json::from_slice(body).map_err(|error| DecodeError::Syntax(error.to_string()))?;
        self.decode_value(&value)
    }

    /// Reads the body of a response answered with `status`, which becomes the decoded status:
    /// the status line is what the server acted on, whatever the body repeats. Unless the
    /// format answers every error with that status ([`error_status`](Self::error_status)):
    /// then the body's status, if it has one, is the error's.
    ///
    /// # Errors
    /// As [`decode`](Self::decode).
    fn decode_response(&self, status: StatusCode, body: &[u8]) -> Result<Decoded, DecodeError> {
        let mut decoded = self.decode(body)?;
        if self.error_status() != Some(status) {
            decoded.status = Some(status);
        }
        Ok(decoded)
    }
}

/// Every format decodes by its layout: the members it writes are the members it reads.
impl<F: Format> Decode for F {
    fn decode_value(&self, body: &Value) -> Result<Decoded, DecodeError> {
        read::decode(Format::layout(self), body)
    }

    fn error_status(&self) -> Option<StatusCode> {
        error_status(Format::layout(self))
    }
}

/// The status a layout answers every error with.
fn error_status(layout: &crate::format::Layout<'_>) -> Option<StatusCode> {
    StatusCode::from_u16(layout.status()?).ok()
}

/// A format chosen at run time decodes by its layout too.
impl Decode for dyn AnyFormat {
    fn decode_value(&self, body: &Value) -> Result<Decoded, DecodeError> {
        read::decode(self.layout(), body)
    }

    fn error_status(&self) -> Option<StatusCode> {
        error_status(self.layout())
    }
}

/// Reads a body in whichever built-in format it is, told apart by its members.
///
/// RFC 9457 (`type`, or `title` with `status` or `detail`), then [`StatusEnvelope`]
/// (`statusCode`), [`Nested`] (`error` is an object), [`FlatDetails`] (`error` is a string
/// beside `code`), [`FieldStrings`] (`fields`), and otherwise [`FieldLists`]. A body with no
/// field errors and no context reads the same in the last two.
///
/// ```
/// use apierr::decode::{Decode, Detect};
///
/// let decoded = Detect.decode(br#"{"success":false,"error":"Request validation failed","code":"VALIDATION_ERROR","details":{"settings.max_sessions":"value is not a valid integer"}}"#).unwrap();
/// assert_eq!(decoded.code, "VALIDATION_ERROR");
/// assert_eq!(decoded.fields.iter().next().unwrap().path().to_string(), "settings.max_sessions");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Detect;

impl Decode for Detect {
    fn decode_value(&self, body: &Value) -> Result<Decoded, DecodeError> {
        let object = body.as_object().ok_or(DecodeError::NotAnObject)?;
        let has = |name: &str| object.contains_key(name);
        if has("type") || (has("title") && (has("status") || has("detail"))) {
            // Built once, when apierr compiles.
            const PROBLEM: ProblemDetails = ProblemDetails::new();
            PROBLEM.decode_value(body)
        } else if has("statusCode") {
            StatusEnvelope.decode_value(body)
        } else if object.get("error").is_some_and(Value::is_object) {
            Nested.decode_value(body)
        } else if object.get("error").is_some_and(Value::is_string) && has("code") {
            FlatDetails.decode_value(body)
        } else if has("fields") && has("code") {
            FieldStrings.decode_value(body)
        } else if has("code") && has("message") {
            FieldLists.decode_value(body)
        } else {
            Err(DecodeError::Unrecognized)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FieldPath;

    #[test]
    fn pointer_segments() {
        assert_eq!(parse_pointer("").unwrap(), FieldPath::root());
        assert_eq!(parse_pointer("#").unwrap(), FieldPath::root());
        assert_eq!(
            parse_pointer("/01/0/").unwrap(),
            FieldPath::root().key("01").index(0).key("")
        );
        assert_eq!(
            parse_pointer("/99999999999999999999999").unwrap(),
            FieldPath::root().key("99999999999999999999999")
        );
        assert!(parse_pointer("/a~2").is_err());
        assert!(parse_pointer("#/%FF").is_err());
    }

    #[test]
    fn bad_input_is_an_error() {
        let cases: &[&[u8]] = &[
            b"",
            b"\xff\xfe",
            b"[]",
            b"null",
            br#"{"success":false,"error":"x"}"#,
            br#"{"success":false,"error":{"code":1,"message":"m","status":400}}"#,
            br#"{"success":false,"error":{"code":"C","message":"m","status":1e400}}"#,
            br#"{"success":false,"error":{"code":"C","message":"m","status":18446744073709551616}}"#,
            br#"{"success":false,"error":{"code":"C","message":"m","status":70000}}"#,
            br#"{"success":false,"error":{"code":"C","message":"m","status":-1}}"#,
            br#"{"success":false,"error":{"code":"C","message":"m","fields":{"a":[1]}}}"#,
        ];
        for case in cases {
            assert!(
                Nested.decode(case).is_err(),
                "{:?}",
                String::from_utf8_lossy(case)
            );
        }
        let deep = "[".repeat(100_000);
        assert!(matches!(
            Nested.decode(deep.as_bytes()),
            Err(DecodeError::Syntax(_))
        ));
    }
}
