//! Several errors in one body: the `errors[]` of JSON:API and GraphQL documents.

use std::borrow::Cow;

use http::StatusCode;

use crate::ApiError;
use crate::fields::FieldPath;
use crate::limits::{MAX_FIELD_MESSAGE_LEN, MAX_FIELD_PATH_LEN, TRUNCATED, truncate_cow};

/// The most sub-errors [`SubErrors::push_bounded`] keeps; the rest are counted.
pub const MAX_SUB_ERRORS: usize = 100;

/// The longest code or title [`SubErrors::push_bounded`] keeps, in bytes.
const MAX_SUB_TEXT_LEN: usize = 256;

/// One error of several in a body: its own code, and optionally a status, title, message and
/// the field it is about.
///
/// ```
/// use apierr::{FieldPath, SubError};
///
/// let error = SubError::new("123")
///     .with_status(422)
///     .with_title("Value is too short")
///     .with_message("First name must contain at least three characters.")
///     .with_field(FieldPath::root().key("firstName"));
/// assert_eq!(error.code(), "123");
/// assert_eq!(error.status().map(|s| s.as_u16()), Some(422));
/// assert_eq!(error.field().map(|path| path.to_string()).as_deref(), Some("firstName"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubError {
    code: Cow<'static, str>,
    status: Option<StatusCode>,
    title: Option<Cow<'static, str>>,
    message: Option<Cow<'static, str>>,
    field: Option<FieldPath>,
}

impl SubError {
    /// A sub-error with `code` and nothing else.
    #[must_use]
    pub fn new(code: impl Into<Cow<'static, str>>) -> Self {
        SubError {
            code: code.into(),
            status: None,
            title: None,
            message: None,
            field: None,
        }
    }

    /// The sub-error `error` is: its code, status, title (when declared) and public message.
    #[must_use]
    pub fn of(error: &dyn ApiError) -> Self {
        let spec = error.spec();
        SubError {
            code: Cow::Borrowed(spec.code()),
            status: Some(error.status()),
            title: spec.title().map(Cow::Borrowed),
            message: Some(Cow::Owned(error.message().into_owned())),
            field: None,
        }
    }

    /// With this HTTP status; an invalid one is left out.
    #[must_use]
    pub fn with_status(mut self, status: impl TryInto<StatusCode>) -> Self {
        self.status = status.try_into().ok();
        self
    }

    /// With this title.
    #[must_use]
    pub fn with_title(mut self, title: impl Into<Cow<'static, str>>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// With this message.
    #[must_use]
    pub fn with_message(mut self, message: impl Into<Cow<'static, str>>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// About the input field at `path` (JSON:API's `source.pointer`, Microsoft's `target`).
    #[must_use]
    pub fn with_field(mut self, path: impl Into<FieldPath>) -> Self {
        self.field = Some(path.into());
        self
    }

    /// The code.
    #[must_use]
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The status, if given.
    #[must_use]
    pub fn status(&self) -> Option<StatusCode> {
        self.status
    }

    /// The title, if given.
    #[must_use]
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The message, if given.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The field it is about, if given.
    #[must_use]
    pub fn field(&self) -> Option<&FieldPath> {
        self.field.as_ref()
    }

    /// Each text cut to its bound, as [`SubErrors::push_bounded`] keeps it.
    fn bounded(self) -> Self {
        let cut = |text: Cow<'static, str>, max| truncate_cow(text, max);
        SubError {
            code: cut(self.code, MAX_SUB_TEXT_LEN),
            status: self.status,
            title: self.title.map(|title| cut(title, MAX_SUB_TEXT_LEN)),
            message: self.message.map(|m| cut(m, MAX_FIELD_MESSAGE_LEN)),
            field: self.field.map(|path| path.truncated(MAX_FIELD_PATH_LEN)),
        }
    }
}

/// The errors of one body, in order: a variant carries them in a field marked
/// `#[api(errors)]`, and formats that list errors ([`Value::ErrorItems`]) write one item each.
///
/// [`Value::ErrorItems`]: crate::format::Value::ErrorItems
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SubErrors {
    errors: Vec<SubError>,
    omitted: usize,
}

impl SubErrors {
    /// No sub-errors yet.
    #[must_use]
    pub const fn new() -> Self {
        SubErrors {
            errors: Vec::new(),
            omitted: 0,
        }
    }

    /// Adds `error` as it is.
    pub fn push(&mut self, error: SubError) -> &mut Self {
        self.errors.push(error);
        self
    }

    /// Adds `error`, for errors that carry request data: each text is cut to its bound, and
    /// past [`MAX_SUB_ERRORS`] errors are dropped and counted, and one last error with the
    /// code [`TRUNCATED`] says so.
    pub fn push_bounded(&mut self, error: SubError) -> &mut Self {
        if self.errors.len() >= MAX_SUB_ERRORS {
            if self.omitted == 0 {
                self.errors.push(SubError::new(TRUNCATED));
            }
            self.omitted += 1;
            return self;
        }
        self.errors.push(error.bounded());
        self
    }

    /// [`push`](Self::push) for builder chains.
    #[must_use]
    pub fn with(mut self, error: SubError) -> Self {
        self.push(error);
        self
    }

    /// How many [`push_bounded`](Self::push_bounded) dropped.
    #[must_use]
    pub fn omitted(&self) -> usize {
        self.omitted
    }

    /// The first `keep`, each cut to its bound: what a body over its limit keeps.
    pub(crate) fn reduced(&self, keep: usize) -> SubErrors {
        let mut out = SubErrors::new();
        for error in self.errors.iter().take(keep.min(MAX_SUB_ERRORS)) {
            out.push_bounded(error.clone());
        }
        let left_out = self.errors.len().saturating_sub(out.len());
        let marked = out.iter().any(|error| error.code() == TRUNCATED);
        if left_out > 0 && !marked {
            out.errors.push(SubError::new(TRUNCATED));
        }
        out.omitted = self.omitted + left_out;
        out
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// How many there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// The errors, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, SubError> {
        self.errors.iter()
    }
}

impl AsRef<SubErrors> for SubErrors {
    fn as_ref(&self) -> &SubErrors {
        self
    }
}

impl<'a> IntoIterator for &'a SubErrors {
    type Item = &'a SubError;
    type IntoIter = std::slice::Iter<'a, SubError>;

    fn into_iter(self) -> Self::IntoIter {
        self.errors.iter()
    }
}

impl FromIterator<SubError> for SubErrors {
    fn from_iter<I: IntoIterator<Item = SubError>>(iter: I) -> Self {
        SubErrors {
            errors: iter.into_iter().collect(),
            omitted: 0,
        }
    }
}
