//! [`Envelope`]: one error, with its request context and format, ready to be rendered.

use std::borrow::Cow;
use std::fmt;

use serde::{Serialize, Serializer};

use super::render::template::Template;
use super::{AnyFormat, RenderError, cache, default, reduce, render, reserialize};
use crate::limits::MAX_BODY_LEN;
use crate::{ApiError, Context, Problem, StatusCode};

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
        Envelope::from_dyn(error)
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

    /// The format the body is rendered in; see [the module docs](crate::format) for the precedence.
    #[must_use]
    #[inline]
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
        self.format().content_type()
    }

    /// The response's status: the format's when it sets one ([`Layout::with_status`](super::Layout::with_status)), else
    /// the error's.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.format()
            .layout()
            .status()
            .and_then(|status| StatusCode::from_u16(status).ok())
            .unwrap_or_else(|| self.error.status())
    }

    /// Calls `visit` with each header the format adds ([`Layout::with_headers`](super::Layout::with_headers)) and its value
    /// for this error, unchecked: the HTTP integrations drop a value that is not a valid
    /// header value.
    pub fn visit_format_headers(&self, visit: &mut dyn FnMut(&'static str, &str)) {
        let format = self.format();
        // Most formats add none: then no view of the error is built.
        if format.layout().headers().is_empty() {
            return;
        }
        let problem = self.problem();
        render::header_values(format, &problem, visit);
    }

    /// Appends the body to `out`: at most [`max_len`](Self::max_len) bytes, reduced as
    /// [`crate::limits`] describes when the whole body would be longer.
    ///
    /// # Errors
    /// When an extension member fails to serialize.
    #[inline]
    pub fn write_to(&self, out: &mut Vec<u8>) -> Result<(), RenderError> {
        let format = self.format();
        let found = cache::get(format.layout(), self.error.spec());
        // A body the same for every error of its code: one copy.
        if let Some(body) = found.and_then(|template| template.body(self.context, self.max_len)) {
            out.extend_from_slice(body);
            return Ok(());
        }
        self.write_slow(format, found, out)
    }

    /// The body as bytes.
    ///
    /// # Errors
    /// When an extension member fails to serialize.
    #[inline]
    pub fn to_vec(&self) -> Result<Vec<u8>, RenderError> {
        // A body the same for every error of its code: one allocation of its length.
        self.body().map(Cow::into_owned)
    }

    /// The body: borrowed when it is the same for every error of its code in this context
    /// (rendered once and kept, see `format::cache`), so that an HTTP response can send it
    /// without a copy; else rendered into a new `Vec`.
    #[inline]
    pub(crate) fn body(&self) -> Result<Cow<'static, [u8]>, RenderError> {
        let format = self.format();
        let found = cache::get(format.layout(), self.error.spec());
        if let Some(body) = found.and_then(|template| template.body(self.context, self.max_len)) {
            return Ok(Cow::Borrowed(body));
        }
        self.body_slow(format, found)
    }

    /// [`body`](Self::body) when it is not the cached one at first sight: a body of the
    /// template's bytes, the request's values and the message written straight into a `Vec`
    /// of about its length; still borrowed when the context's localizer translates nothing
    /// of this code; else rendered.
    #[inline(never)]
    fn body_slow(
        &self,
        format: &dyn AnyFormat,
        found: Option<&'static Template>,
    ) -> Result<Cow<'static, [u8]>, RenderError> {
        if let Some(template) = found
            && template.writes_alone(self.context)
        {
            let mut out = Vec::with_capacity(template.known_len() + 64);
            self.write_alone(format, template, &mut out)?;
            return Ok(Cow::Owned(out));
        }
        let template = self.template(format, found);
        if let Some(body) =
            template.and_then(|template| template.untranslated_body(self.context, self.max_len))
        {
            return Ok(Cow::Borrowed(body));
        }
        let capacity = template.map_or(128, |template| template.known_len() + 64);
        let mut out = Vec::with_capacity(capacity);
        self.write_rendered(format, template, &mut out)?;
        Ok(Cow::Owned(out))
    }

    /// [`write_to`](Self::write_to) when the body is not the cached one, the envelope taken
    /// by value: the copy is made on the way here, so the fast path before it stores nothing
    /// for this call. A body of the template's bytes and the request's values (a unit
    /// variant in a context the layout shows) is written here without the error.
    #[inline(never)]
    fn write_slow(
        self,
        format: &dyn AnyFormat,
        found: Option<&'static Template>,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        if let Some(template) = found
            && template.writes_alone(self.context)
        {
            return self.write_alone(format, template, out);
        }
        self.write_other(format, found, out)
    }

    /// The body of `template`, which [`writes_alone`](Template::writes_alone) in this
    /// context, appended to `out`: reduced when it is over the bound.
    #[inline(always)]
    fn write_alone(
        &self,
        format: &dyn AnyFormat,
        template: &Template,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        let start = out.len();
        template.write_alone(self.error, self.context, out)?;
        if out.len() - start <= self.max_len {
            return Ok(());
        }
        self.write_reduced(format, out, start)
    }

    /// [`write_slow`](Self::write_slow) for every other body.
    #[inline(never)]
    fn write_other(
        &self,
        format: &dyn AnyFormat,
        found: Option<&'static Template>,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        let template = self.template(format, found);
        if let Some(body) =
            template.and_then(|template| template.untranslated_body(self.context, self.max_len))
        {
            out.extend_from_slice(body);
            return Ok(());
        }
        self.write_rendered(format, template, out)
    }

    /// The body written from `start` on, reduced: it was over the bound.
    #[cold]
    #[inline(never)]
    fn write_reduced(
        &self,
        format: &dyn AnyFormat,
        out: &mut Vec<u8>,
        start: usize,
    ) -> Result<(), RenderError> {
        reduce::write_reduced(format, self.error, self.context, self.max_len, out, start)
    }

    /// The body when it is not one copy: from the template, its varying steps run, or
    /// rendered whole; reduced when it is over the bound.
    fn write_rendered(
        &self,
        format: &dyn AnyFormat,
        template: Option<&Template>,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        let Some(template) = template else {
            return reduce::write_bounded(format, self.error, self.context, self.max_len, out);
        };
        let start = out.len();
        if template.has_steps(self.context) {
            let layout = format.layout();
            let problem = self.problem();
            let ops = layout.program().ops().unwrap_or_default();
            let cx = render::Cx::new(&problem, format);
            template.write(out, self.context, (layout, ops, cx))?;
        } else {
            template.write_alone(self.error, self.context, out)?;
        }
        if out.len() - start <= self.max_len {
            return Ok(());
        }
        self.write_reduced(format, out, start)
    }

    /// The cached template of the body (see `format::cache`), `found` in the slot its key
    /// hashes to or else looked for and built: `None` when a translation makes the message
    /// per request, or the body is not cached.
    fn template(
        &self,
        format: &dyn AnyFormat,
        found: Option<&'static Template>,
    ) -> Option<&'static Template> {
        if self.context.localizer().is_some()
            && self.context.translation(self.error.spec().code()).is_some()
        {
            return None;
        }
        found.or_else(|| cache::find(format, self.error))
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
