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

use crate::Problem;

mod cache;
mod compile;
mod envelope;
#[doc = include_str!("custom.md")]
pub mod custom {
    // For the chapter's links.
    #[allow(unused_imports)]
    use super::{Format, Layout, Slot, Value};
}
mod check;
pub(crate) mod json;
mod layout;
mod ordered;
mod reduce;
mod render;
mod slot;

pub(crate) use envelope::EMPTY_CONTEXT;
pub use envelope::Envelope;
pub use layout::{Layout, MAX_SLOTS};
pub(crate) use ordered::reserialize;
#[cfg(feature = "decode")]
pub(crate) use render::is_taken;
#[cfg(any(feature = "catalog", feature = "decode"))]
pub(crate) use slot::Place;
pub use slot::{Literal, Slot, Value};

/// The built-in formats: one file each, and one line here.
macro_rules! built_in {
    ($($module:ident :: $format:ident,)*) => {
        $(mod $module; pub use $module::$format;)*
    };
}

built_in! {
    nested::Nested,
    field_lists::FieldLists,
    field_strings::FieldStrings,
    flat_details::FlatDetails,
    status_envelope::StatusEnvelope,
    problem_details::ProblemDetails,
}

/// The media type of JSON bodies.
pub const APPLICATION_JSON: &str = "application/json";

/// The media type of RFC 9457 bodies.
pub const APPLICATION_PROBLEM_JSON: &str = "application/problem+json";

/// An envelope shape: how a [`Problem`] becomes a body.
///
/// A format is one declaration, its [`Layout`]: the members of its bodies and what each holds.
/// The body's bytes, its serde serialization, the catalogue's example bodies, the JSON Schema
/// and TypeScript interface of its bodies and the decoder of typed clients all follow from it,
/// for a format of your own exactly as for the built-in ones.
///
/// ```
/// use apierr::format::{Format, Layout, Literal, Slot, Value};
/// use apierr::{ApiError, Envelope};
///
/// /// `{"status":"error","error":{"type":"NOT_FOUND","http":"404","text":"…"},"meta":{…}}`
/// struct Legacy;
///
/// const LEGACY: Layout<'static> = Layout::new(&[
///     Slot::new("status", Value::Literal(Literal::Str("error"))),
///     Slot::new(
///         "error",
///         Value::Object(&[
///             Slot::new("type", Value::Code),
///             // The status as a string, as this API documents it.
///             Slot::new("http", Value::StatusString),
///             Slot::new("text", Value::Message),
///         ]),
///     )
///     .doc("The error."),
///     // Extension members, in an object of their own when there are any.
///     Slot::new("meta", Value::ObjectUnlessEmpty(&[Slot::extensions()])),
/// ]);
///
/// impl Format for Legacy {
///     fn layout(&self) -> &Layout<'_> {
///         &LEGACY
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

    /// The members of every body in this format: the one definition everything follows from.
    fn layout(&self) -> &Layout<'_>;

    /// The string the layout's [`Value::Setting`] `name` holds: for formats configured at run
    /// time (a documentation URL, a domain, an API version read from configuration). `None`,
    /// the default, leaves the member out.
    fn setting(&self, name: &str) -> Option<&str> {
        let _ = name;
        None
    }
}

mod sealed {
    pub trait Sealed {}
    impl<F: super::Format> Sealed for F {}
}

/// What every [`Format`] can do, for a format chosen at run time as much as for a concrete
/// one. Every `Format` is one; it cannot be implemented otherwise.
pub trait AnyFormat: sealed::Sealed + Send + Sync + 'static {
    /// The `Content-Type` of bodies in this format; see [`Format::content_type`].
    fn content_type(&self) -> &'static str;

    /// The format's declaration; see [`Format::layout`].
    fn layout(&self) -> &Layout<'_>;

    /// A string the format holds; see [`Format::setting`].
    fn setting(&self, name: &str) -> Option<&str>;

    /// Appends the body of `problem` to `out`, as JSON, whole (unlike [`Envelope::write_to`],
    /// which bounds it).
    ///
    /// # Errors
    /// When an extension member fails to serialize; `out` may then hold part of a body.
    fn write_json(&self, problem: &Problem<'_>, out: &mut Vec<u8>) -> Result<(), RenderError>;

    /// The body of `problem` as a JSON value.
    ///
    /// # Errors
    /// When an extension member fails to serialize.
    fn to_value(&self, problem: &Problem<'_>) -> Result<serde_json::Value, RenderError>;

    /// Serializes the body of `problem` into any serde serializer: the same members as
    /// [`write_json`](Self::write_json), in the same order.
    ///
    /// # Errors
    /// Those of `serializer`, or of an extension member's `Serialize`.
    fn serialize<S: Serializer>(
        &self,
        problem: &Problem<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error>
    where
        Self: Sized;
}

impl<F: Format> AnyFormat for F {
    fn content_type(&self) -> &'static str {
        Format::content_type(self)
    }

    fn layout(&self) -> &Layout<'_> {
        Format::layout(self)
    }

    fn setting(&self, name: &str) -> Option<&str> {
        Format::setting(self, name)
    }

    fn write_json(&self, problem: &Problem<'_>, out: &mut Vec<u8>) -> Result<(), RenderError> {
        let layout = Format::layout(self);
        render::bytes::write_body(
            &mut json::Writer::new(out),
            layout,
            render::Cx::new(problem, self),
        )
    }

    fn to_value(&self, problem: &Problem<'_>) -> Result<serde_json::Value, RenderError> {
        self.serialize(problem, serde_json::value::Serializer)
            .map_err(RenderError::from)
    }

    fn serialize<S: Serializer>(
        &self,
        problem: &Problem<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let slots = Format::layout(self).slots();
        render::serde::Object {
            slots,
            cx: render::Cx::new(problem, self),
        }
        .serialize(serializer)
    }
}

impl fmt::Debug for dyn AnyFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AnyFormat")
            .field("content_type", &self.content_type())
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
/// assert_eq!(format::default().content_type(), "application/problem+json");
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
