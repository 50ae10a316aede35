//! Envelope formats: the JSON shape an error body takes.
//!
//! | format | body |
//! |---|---|
//! | [`Nested`] (the default) | `{"success":false,"error":{"code","message","status"}}` |
//! | [`FieldLists`] | `{"code","message","errors":{"field":["…"]},"correlationId"}` |
//! | [`FieldStrings`] | `{"code","message","fields":{"field":"…"}}` |
//! | [`FlatDetails`] | `{"success":false,"error":"<message>","code","details":{"a.b":"…"}}` |
//! | [`StatusEnvelope`] | `{"success":false,"message","error":"<category>","statusCode","timestamp","path","method","data":[…]}` |
//! | [`ProblemDetails`] | RFC 9457 `application/problem+json` |
//!
//! Each format's documentation shows the exact JSON it produces and where it puts field errors,
//! extension members and request context. Any other shape is a [`Format`] of your own.
//!
//! # Choosing a format
//! The format of a body is, in order of precedence:
//! 1. the one passed to [`Envelope::with_format`] (the HTTP integrations pass theirs),
//! 2. the one named on the outermost type with `#[api(format = …)]`,
//! 3. the application-wide default set once at start-up with [`set_default`],
//! 4. [`Nested`].
//!
//! Library authors should leave the format to the application: a library's error types then
//! render in whatever shape the service that uses them documents. A `transparent` variant renders
//! in the outer type's format.

use std::fmt;
use std::sync::OnceLock;

use serde::{Serialize, Serializer};

use crate::limits::MAX_BODY_LEN;
use crate::{ApiError, Context, Problem};

mod field_lists;
mod field_strings;
mod flat_details;
pub(crate) mod json;
mod nested;
mod ordered;
mod problem_details;
mod reduce;
mod status_envelope;

pub use field_lists::FieldLists;
pub use field_strings::FieldStrings;
pub use flat_details::FlatDetails;
pub use nested::Nested;
pub(crate) use ordered::reserialize;
pub use problem_details::ProblemDetails;
pub use status_envelope::StatusEnvelope;

/// The media type of JSON bodies.
pub const APPLICATION_JSON: &str = "application/json";

/// The media type of RFC 9457 bodies.
pub const APPLICATION_PROBLEM_JSON: &str = "application/problem+json";

/// An envelope shape: how a [`Problem`] becomes a body.
///
/// Implement it to render any shape that is not built in. A format sees exactly what the
/// built-in ones see, through [`Problem`].
///
/// ```
/// use apierr::format::Format;
/// use apierr::{ApiError, Envelope, Problem};
/// use serde::ser::{SerializeMap, Serializer};
///
/// /// `{"status":"error","error":{"type":"NOT_FOUND","http":"404","text":"…"},"meta":{…}}`
/// struct Legacy;
///
/// impl Format for Legacy {
///     fn serialize<S: Serializer>(&self, p: &Problem<'_>, s: S) -> Result<S::Ok, S::Error> {
///         struct Inner<'a>(&'a Problem<'a>);
///         impl serde::Serialize for Inner<'_> {
///             fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
///                 let mut map = s.serialize_map(None)?;
///                 map.serialize_entry("type", self.0.code())?;
///                 // The status as a string, as this API documents it.
///                 map.serialize_entry("http", self.0.status().as_str())?;
///                 map.serialize_entry("text", &self.0.message())?;
///                 map.end()
///             }
///         }
///         let mut map = s.serialize_map(None)?;
///         map.serialize_entry("status", "error")?;
///         map.serialize_entry("error", &Inner(p))?;
///         if p.has_members() {
///             map.serialize_entry("meta", &p.members())?;
///         }
///         map.end()
///     }
/// }
///
/// #[derive(Debug, ApiError)]
/// #[api(format = Legacy)]
/// enum ItemError {
///     #[api(code = "NOT_FOUND", status = 404, message = "no item {id}")]
///     Missing {
///         #[api(member)]
///         id: u32,
///     },
/// }
///
/// let body = Envelope::new(&ItemError::Missing { id: 7 }).to_value().unwrap();
/// assert_eq!(
///     body,
///     serde_json::json!({
///         "status": "error",
///         "error": {"type": "NOT_FOUND", "http": "404", "text": "no item 7"},
///         "meta": {"id": 7},
///     })
/// );
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an envelope format",
    label = "expected a value of a type implementing `apierr::format::Format`",
    note = "the built-in formats are in `apierr::format`, such as `apierr::format::ProblemDetails::new()`"
)]
pub trait Format: Send + Sync + 'static {
    /// The `Content-Type` of bodies in this format.
    fn content_type(&self) -> &'static str {
        APPLICATION_JSON
    }

    /// Serializes `problem` as one body.
    ///
    /// # Errors
    /// Those of `serializer`, or of an extension member's `Serialize`.
    fn serialize<S: Serializer>(
        &self,
        problem: &Problem<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error>;

    /// Appends the body of `problem` to `out` as JSON.
    ///
    /// The default goes through [`serialize`](Self::serialize) with serde_json. Override it
    /// only to go faster, and then produce the very same bytes: the built-in formats do, and
    /// their tests compare both paths byte for byte.
    ///
    /// # Errors
    /// When an extension member fails to serialize; `out` may then hold part of a body.
    fn write_json(&self, problem: &Problem<'_>, out: &mut Vec<u8>) -> Result<(), RenderError> {
        self.serialize(problem, &mut serde_json::Serializer::new(out))
            .map_err(RenderError::from)
    }
}

mod sealed {
    pub trait Sealed {}
    impl<F: super::Format> Sealed for F {}
}

/// A [`Format`] chosen at run time. Every `Format` is one; it cannot be implemented otherwise.
pub trait AnyFormat: sealed::Sealed + Send + Sync + 'static {
    /// The `Content-Type` of bodies in this format.
    fn media_type(&self) -> &'static str;

    /// Appends the body of `problem` to `out`, as JSON.
    ///
    /// # Errors
    /// When an extension member fails to serialize; `out` may then hold part of a body.
    fn write_json(&self, problem: &Problem<'_>, out: &mut Vec<u8>) -> Result<(), RenderError>;

    /// The body of `problem` as a JSON value.
    ///
    /// # Errors
    /// When an extension member fails to serialize.
    fn to_value(&self, problem: &Problem<'_>) -> Result<serde_json::Value, RenderError>;
}

impl<F: Format> AnyFormat for F {
    fn media_type(&self) -> &'static str {
        self.content_type()
    }

    fn write_json(&self, problem: &Problem<'_>, out: &mut Vec<u8>) -> Result<(), RenderError> {
        Format::write_json(self, problem, out)
    }

    fn to_value(&self, problem: &Problem<'_>) -> Result<serde_json::Value, RenderError> {
        self.serialize(problem, serde_json::value::Serializer)
            .map_err(RenderError::from)
    }
}

impl fmt::Debug for dyn AnyFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AnyFormat")
            .field("media_type", &self.media_type())
            .finish_non_exhaustive()
    }
}

/// Why a body could not be rendered: an extension member's `Serialize` failed, or a
/// `Display` implementation returned an error.
#[derive(Debug)]
pub struct RenderError(Option<serde_json::Error>);

impl RenderError {
    pub(crate) fn display() -> Self {
        RenderError(None)
    }
}

impl From<serde_json::Error> for RenderError {
    fn from(error: serde_json::Error) -> Self {
        RenderError(Some(error))
    }
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Some(error) => write!(f, "cannot render error body: {error}"),
            None => f.write_str("cannot render error body: a Display implementation failed"),
        }
    }
}

impl std::error::Error for RenderError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.as_ref().map(|error| error as _)
    }
}

static DEFAULT: OnceLock<Box<dyn AnyFormat>> = OnceLock::new();

/// Sets the application-wide format, used by every type that names none with
/// `#[api(format = …)]`. Call it once, at start-up, before the first error is rendered.
///
/// # Errors
/// [`AlreadySet`] when a default is already set: the first choice stands.
///
/// ```
/// use apierr::format::{self, ProblemDetails};
///
/// format::set_default(ProblemDetails::new()).unwrap();
/// assert_eq!(format::default().media_type(), "application/problem+json");
/// assert!(format::set_default(format::Nested).is_err());
/// ```
pub fn set_default<F: Format>(format: F) -> Result<(), AlreadySet> {
    DEFAULT.set(Box::new(format)).map_err(|_| AlreadySet)
}

/// The error of a second [`set_default`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AlreadySet;

impl fmt::Display for AlreadySet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the default error format is already set")
    }
}

impl std::error::Error for AlreadySet {}

/// The application-wide format: the one given to [`set_default`], or else [`Nested`].
#[must_use]
pub fn default() -> &'static dyn AnyFormat {
    match DEFAULT.get() {
        Some(format) => &**format,
        None => &Nested,
    }
}

pub(crate) static EMPTY_CONTEXT: Context = Context::new();

/// One error, ready to be rendered as a body.
///
/// ```
/// use apierr::{ApiError, Envelope};
///
/// #[derive(Debug, ApiError)]
/// enum AuthError {
///     #[api(code = "AUTH_MISSING", status = 401, message = "No authentication token provided")]
///     Missing,
/// }
///
/// let body = Envelope::new(&AuthError::Missing).to_vec().unwrap();
/// assert_eq!(
///     body,
///     br#"{"success":false,"error":{"code":"AUTH_MISSING","message":"No authentication token provided","status":401}}"#
/// );
/// ```
#[derive(Clone, Copy)]
pub struct Envelope<'a> {
    error: &'a dyn ApiError,
    context: &'a Context,
    format: Option<&'a dyn AnyFormat>,
    max_len: usize,
}

impl fmt::Debug for Envelope<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Envelope")
            .field("problem", &self.problem())
            .field("format", &self.format())
            .finish()
    }
}

impl<'a> Envelope<'a> {
    /// `error` with no request context, in its type's format.
    pub fn new<E: ApiError>(error: &'a E) -> Self {
        Envelope {
            error,
            context: &EMPTY_CONTEXT,
            format: None,
            max_len: MAX_BODY_LEN,
        }
    }

    /// The same for an error behind `dyn`.
    #[must_use]
    pub fn from_dyn(error: &'a dyn ApiError) -> Self {
        Envelope {
            error,
            context: &EMPTY_CONTEXT,
            format: None,
            max_len: MAX_BODY_LEN,
        }
    }

    /// Adds what is known about the request.
    #[must_use]
    pub fn with_context(mut self, context: &'a Context) -> Self {
        self.context = context;
        self
    }

    /// Renders in `format`, whatever the type prefers.
    #[must_use]
    pub fn with_format(mut self, format: &'a dyn AnyFormat) -> Self {
        self.format = Some(format);
        self
    }

    /// Bounds the body to `max_len` bytes instead of [`MAX_BODY_LEN`]; see [`crate::limits`]
    /// for how a body over its limit is reduced.
    ///
    /// ```
    /// use apierr::{ApiError, Envelope};
    ///
    /// #[derive(Debug, ApiError)]
    /// enum ItemError {
    ///     #[api(code = "BAD_NAME", status = 400, message = "bad name {0}")]
    ///     BadName(String),
    /// }
    ///
    /// // Under the limit, a body is whole.
    /// let error = ItemError::BadName("x".repeat(10_000));
    /// assert_eq!(Envelope::new(&error).to_vec().unwrap().len(), 10_080);
    /// // Over it, the message is cut to `limits::MAX_MESSAGE_LEN`…
    /// let body = Envelope::new(&error).with_max_len(4096).to_value().unwrap();
    /// let message = body["error"]["message"].as_str().unwrap();
    /// assert!(message.len() <= apierr::limits::MAX_MESSAGE_LEN && message.ends_with("x…"));
    /// // …and when even that does not fit, it is the generic one.
    /// let body = Envelope::new(&error).with_max_len(1024).to_vec().unwrap();
    /// assert_eq!(
    ///     body,
    ///     br#"{"success":false,"error":{"code":"BAD_NAME","message":"Bad Request","status":400}}"#
    /// );
    /// ```
    #[must_use]
    pub fn with_max_len(mut self, max_len: usize) -> Self {
        self.max_len = max_len;
        self
    }

    /// The most bytes the body takes; see [`with_max_len`](Self::with_max_len).
    #[must_use]
    pub fn max_len(&self) -> usize {
        self.max_len
    }

    /// The format the body is rendered in; see [the module docs](self) for the precedence.
    #[must_use]
    pub fn format(&self) -> &'a dyn AnyFormat {
        match self.format.or_else(|| self.error.format()) {
            Some(format) => format,
            None => default(),
        }
    }

    /// The view the format renders.
    #[must_use]
    pub fn problem(&self) -> Problem<'a> {
        Problem::new(self.error, self.context)
    }

    /// The `Content-Type` of the body.
    #[must_use]
    pub fn content_type(&self) -> &'static str {
        self.format().media_type()
    }

    /// Appends the body to `out`: at most [`max_len`](Self::max_len) bytes, reduced as
    /// [`crate::limits`] describes when the whole body would be longer.
    ///
    /// # Errors
    /// When an extension member fails to serialize.
    pub fn write_to(&self, out: &mut Vec<u8>) -> Result<(), RenderError> {
        reduce::write_bounded(self.format(), self.error, self.context, self.max_len, out)
    }

    /// The body as bytes.
    ///
    /// # Errors
    /// When an extension member fails to serialize.
    pub fn to_vec(&self) -> Result<Vec<u8>, RenderError> {
        let mut out = Vec::with_capacity(128);
        self.write_to(&mut out)?;
        Ok(out)
    }

    /// The body as a JSON value: [`to_vec`](Self::to_vec)'s bytes, read back, so the same
    /// bound applies.
    ///
    /// # Errors
    /// When an extension member fails to serialize.
    pub fn to_value(&self) -> Result<serde_json::Value, RenderError> {
        let bytes = self.to_vec()?;
        serde_json::from_slice(&bytes).map_err(RenderError::from)
    }
}

impl Serialize for Envelope<'_> {
    /// Serializes the body into any serde format, members in the format's order.
    ///
    /// The format is chosen at run time, so the body is rendered and read back first; write
    /// bytes with [`Envelope::to_vec`] on hot paths.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let bytes = self.to_vec().map_err(serde::ser::Error::custom)?;
        reserialize(&bytes, serializer)
    }
}
