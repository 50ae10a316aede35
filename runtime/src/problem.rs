//! The view of one error that a format renders.

use std::error::Error;
use std::fmt::{self, Display, Write as _};

use http::StatusCode;
use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::format::reserialize;
use crate::message_json::MessageJson;
use crate::{ApiError, Context, FieldErrors, Spec};

/// An extension member: a variant field marked `#[api(member)]`, serialized with serde.
///
/// Formats put members where their shape keeps extras (RFC 9457 at the top level).
pub struct Member<'a> {
    name: &'static str,
    value: &'a dyn JsonValue,
}

/// A member's value with its type erased. Every format writes JSON, so writing JSON is the one
/// operation kept: each member type's `Serialize` is compiled once, against serde_json's
/// writer, instead of once per serializer behind a generic erasure.
trait JsonValue {
    fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()>;
}

impl<T: Serialize + ?Sized> JsonValue for T {
    fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        serde_json::to_writer(out, self)
    }
}

impl<'a> Member<'a> {
    /// A member called `name` holding `value`.
    pub fn new<T: Serialize>(name: &'static str, value: &'a T) -> Self {
        Member { name, value }
    }

    /// The member name in the body.
    #[must_use]
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Appends the value as JSON to `out`.
    pub(crate) fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        self.value.write_json(out)
    }
}

impl fmt::Debug for Member<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Member")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl Serialize for Member<'_> {
    /// Serializes the value into any serde serializer, by way of its JSON (members keep their
    /// order). Formats on the hot path write members straight into the body instead.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut json = Vec::new();
        self.write_json(&mut json)
            .map_err(serde::ser::Error::custom)?;
        reserialize(&json, serializer)
    }
}

/// Everything a [`Format`](crate::format::Format) may put in a body, for one error and one request.
///
/// Built-in and user-defined formats see exactly the same view. Nothing here allocates: the
/// message is written straight into the serializer, with escaping, when it is rendered.
#[derive(Clone, Copy)]
pub struct Problem<'a> {
    error: &'a dyn ApiError,
    spec: &'static Spec,
    context: &'a Context,
}

impl fmt::Debug for Problem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Problem")
            .field("spec", self.spec)
            .field("message", &self.message().to_string())
            .field("context", self.context)
            .finish_non_exhaustive()
    }
}

impl<'a> Problem<'a> {
    /// The view of `error` in `context`.
    #[must_use]
    pub fn new(error: &'a dyn ApiError, context: &'a Context) -> Self {
        Problem {
            error,
            spec: error.spec(),
            context,
        }
    }

    /// The error being rendered.
    #[must_use]
    pub fn error(&self) -> &'a dyn ApiError {
        self.error
    }

    /// The static description of the error's code (for `transparent` variants, the inner one's).
    #[must_use]
    pub fn spec(&self) -> &'static Spec {
        self.spec
    }

    /// The machine-readable code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.spec.code()
    }

    /// The HTTP status.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.spec.status()
    }

    /// The status's reason phrase (`"Unauthorized"`), or `"Error"` for a status without one.
    #[must_use]
    pub fn reason(&self) -> &'static str {
        self.status().canonical_reason().unwrap_or("Error")
    }

    /// The declared title, or else the reason phrase.
    #[must_use]
    pub fn title(&self) -> &'static str {
        self.spec.title().unwrap_or_else(|| self.reason())
    }

    /// Whether [`title`](Self::title) can be written in JSON without escaping: reason phrases
    /// always can; a declared title when the derive or `Spec::with_title` found it so.
    pub(crate) fn is_title_plain(&self) -> bool {
        self.spec.title().is_none() || self.spec.is_title_plain()
    }

    /// The declared category, if any.
    #[must_use]
    pub fn category(&self) -> Option<&'static str> {
        self.spec.category()
    }

    /// The public message: safe to show to the client.
    ///
    /// When the context has a [localizer](Context::with_localizer) and a
    /// [language](Context::with_language), and the localizer translates this code, it is that
    /// translation; otherwise the declared message, the `Display` output or the generic one.
    #[must_use]
    pub fn message(&self) -> Message<'a> {
        match self.context.translation(self.spec.code()) {
            Some(translated) => Message {
                error: self.error,
                fixed: Some(translated),
                // Translations are not checked at compile time, so they are always escaped.
                plain: false,
            },
            None => Message {
                error: self.error,
                fixed: self.spec.static_message(),
                plain: self.spec.is_message_plain(),
            },
        }
    }

    /// Whether the public message is the generic one (a 5xx without `expose`, or `redact`).
    #[must_use]
    pub fn is_redacted(&self) -> bool {
        self.spec.is_redacted()
    }

    /// The field-level errors, when there are any.
    #[must_use]
    pub fn field_errors(&self) -> Option<&'a FieldErrors> {
        if self.spec.surely_without_field_errors() {
            return None;
        }
        self.error
            .field_errors()
            .filter(|errors| !errors.is_empty())
    }

    /// Whether the error has extension members.
    #[must_use]
    pub fn has_members(&self) -> bool {
        if self.spec.surely_without_members() {
            return false;
        }
        let mut any = false;
        self.error.visit_members(&mut |_| any = true);
        any
    }

    /// Writes every extension member into `map`, in declaration order, except those named as
    /// one of `taken` (the members the format writes itself), so a body never has a duplicate
    /// key.
    ///
    /// # Errors
    /// The first error of `map` or of a member's `Serialize`.
    pub fn serialize_members<M: SerializeMap>(
        &self,
        map: &mut M,
        taken: &[&str],
    ) -> Result<(), M::Error> {
        let mut result = Ok(());
        self.error.visit_members(&mut |member| {
            if result.is_ok() && !taken.contains(&member.name()) {
                result = map.serialize_entry(member.name(), &member);
            }
        });
        result
    }

    /// The extension members as one serializable map, for formats that nest them.
    #[must_use]
    pub fn members(&self) -> Members<'a> {
        Members { error: self.error }
    }

    /// The request context.
    #[must_use]
    pub fn context(&self) -> &'a Context {
        self.context
    }

    /// The internal message and source chain, only when the context switches debug detail on.
    #[must_use]
    pub fn debug_detail(&self) -> Option<DebugDetail<'a>> {
        self.context
            .debug_detail()
            .then_some(DebugDetail { error: self.error })
    }
}

/// The public message of an error; see [`Problem::message`].
///
/// It is `Display` and `Serialize`; neither builds an intermediate `String`.
#[derive(Clone, Copy)]
pub struct Message<'a> {
    error: &'a dyn ApiError,
    fixed: Option<&'static str>,
    plain: bool,
}

impl<'a> Message<'a> {
    /// The message of an error whose message is not static and not translated: what its
    /// `fmt_message` writes.
    pub(crate) fn interpolated(error: &'a dyn ApiError) -> Self {
        Message {
            error,
            fixed: None,
            plain: false,
        }
    }

    /// The message when it is the same for every value of the code.
    #[must_use]
    pub fn as_static(&self) -> Option<&'static str> {
        self.fixed
    }

    /// Appends the message as a JSON string, quotes included, when the error writes it
    /// without `Display` ([`ApiError::write_message_json`]); whether it did (else nothing is
    /// written). Only for a message that is not static.
    #[inline]
    pub(crate) fn write_json(&self, out: &mut Vec<u8>) -> bool {
        if self.fixed.is_some() {
            return false;
        }
        let start = out.len();
        out.push(b'"');
        if self.error.write_message_json(&mut MessageJson::new(out)) {
            out.push(b'"');
            return true;
        }
        out.truncate(start);
        false
    }

    /// Whether the static message is known to need no JSON escaping.
    pub(crate) fn is_plain(&self) -> bool {
        self.plain
    }
    /// Whether the message reads exactly `text`, compared without allocating.
    #[must_use]
    pub fn is(&self, text: &str) -> bool {
        match self.fixed {
            Some(fixed) => fixed == text,
            None => {
                let mut rest = text;
                let mut compare = Compare(&mut rest);
                fmt::write(&mut compare, format_args!("{self}")).is_ok() && rest.is_empty()
            }
        }
    }
}

/// A `fmt::Write` that fails as soon as what is written departs from the expected text.
struct Compare<'a, 'b>(&'a mut &'b str);

impl fmt::Write for Compare<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        match self.0.strip_prefix(s) {
            Some(rest) => {
                *self.0 = rest;
                Ok(())
            }
            None => Err(fmt::Error),
        }
    }
}

impl fmt::Debug for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.to_string(), f)
    }
}

impl Display for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.fixed {
            Some(fixed) => f.write_str(fixed),
            None => self.error.fmt_message(f),
        }
    }
}

impl Serialize for Message<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.fixed {
            Some(fixed) => serializer.serialize_str(fixed),
            None => collect_checked(self, serializer),
        }
    }
}

/// `Display` output as a string value; a failing `Display` is the serializer's error.
///
/// serde's `collect_str` panics on a failing `Display` in some serializers (serde_json's value
/// serializer among them), and user code may fail against `fmt`'s contract. The hot path
/// (`Format::write_json` of the built-ins) does not come through here.
pub(crate) fn collect_checked<S: Serializer>(
    value: &dyn Display,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut text = String::new();
    fmt::write(&mut text, format_args!("{value}"))
        .map_err(|_| serde::ser::Error::custom("a Display implementation returned an error"))?;
    serializer.serialize_str(&text)
}

/// The extension members as a map; see [`Problem::members`].
#[derive(Clone, Copy)]
pub struct Members<'a> {
    error: &'a dyn ApiError,
}

impl Serialize for Members<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        let mut result = Ok(());
        self.error.visit_members(&mut |member| {
            if result.is_ok() {
                result = map.serialize_entry(member.name(), &member);
            }
        });
        result?;
        map.end()
    }
}

/// The internal message followed by each source, one `caused by:` line each.
///
/// Shown only when debug detail is switched on; see [`Problem::debug_detail`].
#[derive(Clone, Copy)]
pub struct DebugDetail<'a> {
    error: &'a dyn ApiError,
}

impl<'a> DebugDetail<'a> {
    /// The debug detail of `error`, whatever the context says.
    pub(crate) fn of(error: &'a dyn ApiError) -> Self {
        DebugDetail { error }
    }
}

impl Display for DebugDetail<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.error.fmt_internal(f)?;
        let mut source: Option<&dyn Error> = self.error.source_error();
        while let Some(error) = source {
            f.write_str("\n    caused by: ")?;
            write!(f, "{error}")?;
            source = error.source();
        }
        Ok(())
    }
}

impl fmt::Debug for DebugDetail<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.to_string(), f)
    }
}

impl Serialize for DebugDetail<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        collect_checked(self, serializer)
    }
}

/// `Display` for anything, serialized without an intermediate `String`.
pub(crate) struct Collect<T>(pub(crate) T);

impl<T: Display> Serialize for Collect<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        collect_checked(&self.0, serializer)
    }
}

/// Writes `code` as a path segment: lowercase, `_` as `-` (`OUT_OF_CREDIT` → `out-of-credit`).
pub(crate) struct Kebab<'a>(pub(crate) &'a str);

impl Display for Kebab<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            f.write_char(if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            })?;
        }
        Ok(())
    }
}
