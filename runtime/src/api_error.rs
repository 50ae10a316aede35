//! The [`ApiError`] trait, which every error enum derives, and the traits its fields' types
//! implement for the derive: [`RetryAfter`] for a delay, [`AsSource`] for a cause.

use std::borrow::Cow;
use std::error::Error;
use std::fmt;

use http::StatusCode;

use crate::format::{self, Envelope};
use crate::{FieldErrors, Member, Spec, SubErrors};

/// An error that an HTTP API can answer with: a code, a status and a public message.
///
/// Derive it with `#[derive(ApiError)]`; see [the crate docs](crate) for the attributes. The
/// trait is dyn-compatible: `&dyn ApiError` renders like any concrete error.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an API error",
    label = "`{Self}` does not implement `apierr::ApiError`",
    note = "derive `apierr::ApiError` for `{Self}`, or give it a variant with its own code and status instead of `transparent`"
)]
pub trait ApiError {
    /// The static description of this value's code.
    fn spec(&self) -> &'static Spec;

    /// Writes the public message: the declared `message`, the `Display` output, or for a
    /// redacted code the generic message. It is what clients see.
    ///
    /// # Errors
    /// Only those of the formatter.
    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;

    /// Writes the internal message, for logs and debug detail: the `Display` output even when
    /// the public message is redacted.
    ///
    /// # Errors
    /// Only those of the formatter.
    fn fmt_internal(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_message(f)
    }

    /// The machine-readable code, such as `"AUTH_MISSING"`.
    fn code(&self) -> &'static str {
        self.spec().code()
    }

    /// The HTTP status.
    fn status(&self) -> StatusCode {
        self.spec().status()
    }

    /// The public message; borrowed when it does not depend on the value.
    fn message(&self) -> Cow<'_, str> {
        message_of(self)
    }

    /// Appends the public message to `out`, escaped for a JSON string, when this value can
    /// write it without `Display`: the derive's answer for templates of plain `{field}`s whose
    /// fields are strings or scalars (see `MessageJson`). `false`, having written nothing,
    /// leaves it to [`fmt_message`](Self::fmt_message); a hand-written impl need not write
    /// this. Called only when the message is not static; it writes exactly what
    /// `fmt_message` writes. Not public API.
    #[doc(hidden)]
    fn write_message_json(&self, out: &mut crate::message_json::MessageJson<'_>) -> bool {
        let _ = out;
        false
    }

    /// The field-level errors carried by the `#[api(fields)]` field, if any.
    fn field_errors(&self) -> Option<&FieldErrors> {
        None
    }

    /// Calls `visit` with each extension member (`#[api(member)]` field), in order.
    fn visit_members(&self, visit: &mut dyn FnMut(Member<'_>)) {
        let _ = visit;
    }

    /// The extension member called `name`, if this value has one: for formats that put one
    /// member in a place of its own ([`Value::Member`](crate::format::Value::Member)).
    fn member(&self, name: &str) -> Option<Member<'_>> {
        let _ = name;
        None
    }

    /// The errors listed in this one's body, from the field marked `#[api(errors)]`, if any.
    fn sub_errors(&self) -> Option<&SubErrors> {
        None
    }

    /// The underlying error: the field marked `#[source]` or `#[from]`, or named `source`.
    fn source_error(&self) -> Option<&(dyn Error + 'static)> {
        None
    }

    /// The `Retry-After` delay in seconds, from the field marked `#[api(retry_after)]`.
    fn retry_after(&self) -> Option<u64> {
        None
    }

    /// Calls `visit` with each header whose value comes from a field (`#[api(header = "name")]`),
    /// name in lowercase. The value is unchecked `Display` output: the HTTP integrations check it
    /// before it reaches a response and drop it if it is not a valid header value.
    fn visit_headers(&self, visit: &mut dyn FnMut(&'static str, &dyn fmt::Display)) {
        let _ = visit;
    }

    /// The format named with `#[api(format = …)]`, if any.
    fn format(&self) -> Option<&'static dyn format::AnyFormat> {
        None
    }

    /// The format named with `#[api(format = …)]`, without a value of the type: documentation
    /// (the OpenAPI responses of a type) has the type, not an error. The same format as
    /// [`format`](Self::format) for derived types.
    fn declared_format() -> Option<&'static dyn format::AnyFormat>
    where
        Self: Sized,
    {
        None
    }

    /// Calls `visit` with the spec of every code this type can produce, `transparent` variants'
    /// inner codes included, in declaration order.
    fn catalog(visit: &mut dyn FnMut(&'static Spec))
    where
        Self: Sized;

    /// This error as a body, ready to render.
    fn envelope(&self) -> Envelope<'_>
    where
        Self: Sized,
    {
        Envelope::new(self)
    }
}

/// [`ApiError::message`] from `error`'s own spec and `fmt_message`: the trait's default, and what
/// a wrapper that rewrites the message answers (`crate::forward`).
pub(crate) fn message_of<E: ApiError + ?Sized>(error: &E) -> Cow<'_, str> {
    if let Some(message) = error.spec().static_message() {
        return Cow::Borrowed(message);
    }
    let mut message = String::new();
    match fmt::write(&mut message, format_args!("{}", PublicMessage(error))) {
        Ok(()) => Cow::Owned(message),
        // A `Display` that fails (against `fmt`'s contract) gets the generic message rather
        // than a panic.
        Err(_) => Cow::Borrowed(error.status().canonical_reason().unwrap_or("Error")),
    }
}

/// `Display` of an error's public message.
struct PublicMessage<'a, E: ?Sized>(&'a E);

impl<E: ApiError + ?Sized> fmt::Display for PublicMessage<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_message(f)
    }
}

/// What a field marked `#[api(retry_after)]` holds: a delay, sent as whole seconds in
/// `Retry-After`. Implemented for `u64`, `u32`, `Duration` (rounded up), `Option`s and
/// references of them; implement it for your own delay types.
///
/// ```
/// use apierr::RetryAfter;
///
/// assert_eq!(std::time::Duration::from_millis(1500).retry_after_secs(), Some(2));
/// assert_eq!(None::<u64>.retry_after_secs(), None);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a delay for `Retry-After`",
    label = "#[api(retry_after)] needs seconds: `u64`, `u32`, `Duration` or an `Option` of them",
    note = "implement `apierr::RetryAfter` for `{Self}` to use it here"
)]
pub trait RetryAfter {
    /// The delay, if there is one.
    fn retry_after_secs(&self) -> Option<u64>;
}

impl RetryAfter for u64 {
    fn retry_after_secs(&self) -> Option<u64> {
        Some(*self)
    }
}

impl RetryAfter for u32 {
    fn retry_after_secs(&self) -> Option<u64> {
        Some(u64::from(*self))
    }
}

impl RetryAfter for core::time::Duration {
    fn retry_after_secs(&self) -> Option<u64> {
        // A partial second still has to be waited: round up, saturating, so that the longest
        // delay stays the longest rather than wrapping to "retry now" (or panicking).
        Some(
            self.as_secs()
                .saturating_add(u64::from(self.subsec_nanos() > 0)),
        )
    }
}

impl<T: RetryAfter> RetryAfter for Option<T> {
    fn retry_after_secs(&self) -> Option<u64> {
        self.as_ref().and_then(RetryAfter::retry_after_secs)
    }
}

impl<T: RetryAfter + ?Sized> RetryAfter for &T {
    fn retry_after_secs(&self) -> Option<u64> {
        (**self).retry_after_secs()
    }
}

/// What a source field holds (`#[source]`, `#[from]`, or a field named `source`): any
/// `std::error::Error + 'static`, or a boxed `dyn std::error::Error`, borrowed as `dyn std::error::Error` for the
/// source chain of logs and debug detail.
///
/// ```
/// use apierr::AsSource;
///
/// let boxed: Box<dyn std::error::Error + Send + Sync> = "disk full".into();
/// assert_eq!(boxed.as_source().to_string(), "disk full");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an error, so it cannot be a source",
    label = "a #[source] or #[from] field, or one named `source`, must implement `std::error::Error`"
)]
pub trait AsSource {
    /// The field as an error trait object.
    fn as_source(&self) -> &(dyn std::error::Error + 'static);
}

impl<T: std::error::Error + 'static> AsSource for T {
    fn as_source(&self) -> &(dyn std::error::Error + 'static) {
        self
    }
}

impl AsSource for dyn std::error::Error + 'static {
    fn as_source(&self) -> &(dyn std::error::Error + 'static) {
        self
    }
}

impl AsSource for dyn std::error::Error + Send + 'static {
    fn as_source(&self) -> &(dyn std::error::Error + 'static) {
        self
    }
}

impl AsSource for dyn std::error::Error + Send + Sync + 'static {
    fn as_source(&self) -> &(dyn std::error::Error + 'static) {
        self
    }
}
