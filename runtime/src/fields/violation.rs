//! One reported problem with a field: its message, its code and its parameters.

use std::borrow::Cow;

use serde_json::Value as Json;

use crate::limits::{
    MAX_FIELD_CODE_LEN, MAX_FIELD_MESSAGE_LEN, MAX_FIELD_PARAM_LEN, MAX_FIELD_PARAMS,
    MAX_FIELD_VALUE_LEN, truncate_cow,
};

/// What was wrong with a field, once: one entry of [`FieldErrors`](super::FieldErrors), whose
/// path the field errors keep.
///
/// Each part is optional, as real APIs document entries with a message only, a code only
/// (GitHub's `missing_field`), both (Google's `description` and `reason`), or with the rule's
/// parameters (validator's `length` with `min` and `max`).
///
/// ```
/// use apierr::{FieldErrors, Violation};
///
/// let mut errors = FieldErrors::new();
/// errors.push("title", Violation::from_code("missing_field"));
/// errors.push(
///     "name",
///     Violation::from_message("name is too short")
///         .with_code("length")
///         .with_param("min", 3),
/// );
/// let entries: Vec<_> = errors.entries().collect();
/// assert_eq!(entries[0].1.code(), Some("missing_field"));
/// assert_eq!(entries[0].1.message(), None);
/// assert_eq!(entries[1].1.params()[0].1, 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Violation {
    message: Option<Cow<'static, str>>,
    code: Option<Cow<'static, str>>,
    params: Vec<(Cow<'static, str>, Json)>,
}

impl Violation {
    /// An entry with `message`.
    #[must_use]
    pub fn from_message(message: impl Into<Cow<'static, str>>) -> Self {
        Violation {
            message: Some(message.into()),
            ..Violation::default()
        }
    }

    /// An entry with `code` and no message.
    #[must_use]
    pub fn from_code(code: impl Into<Cow<'static, str>>) -> Self {
        Violation {
            code: Some(code.into()),
            ..Violation::default()
        }
    }

    /// With `message` instead of any before.
    #[must_use]
    pub fn with_message(mut self, message: impl Into<Cow<'static, str>>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// With `code` instead of any before.
    #[must_use]
    pub fn with_code(mut self, code: impl Into<Cow<'static, str>>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// With the parameter `name` (`min` = 3 for a length rule): after those before, or in the
    /// place of one of the same name.
    #[must_use]
    pub fn with_param(
        mut self,
        name: impl Into<Cow<'static, str>>,
        value: impl Into<Json>,
    ) -> Self {
        let (name, value) = (name.into(), value.into());
        match self.params.iter_mut().find(|(before, _)| *before == name) {
            Some((_, before)) => *before = value,
            None => self.params.push((name, value)),
        }
        self
    }

    /// With the parameter `value`: the rejected input, as express-validator reports it (and
    /// [`StatusEnvelope`](crate::format::StatusEnvelope) renders it). It echoes the request, so
    /// it is bounded here, whether the entry is added with `push` or `push_bounded`: a string
    /// is cut to [`MAX_FIELD_VALUE_LEN`] bytes, ending in `…`; any other value longer than
    /// [`MAX_FIELD_PARAM_LEN`] bytes of JSON is left out.
    ///
    /// ```
    /// use apierr::Violation;
    ///
    /// let entry = Violation::from_message("Invalid value").with_value("x".repeat(1000));
    /// let value = entry.params()[0].1.as_str().unwrap();
    /// assert_eq!(value.len(), apierr::limits::MAX_FIELD_VALUE_LEN);
    /// assert!(value.ends_with('…'));
    /// ```
    #[must_use]
    pub fn with_value(self, value: impl Into<Json>) -> Self {
        match value.into() {
            Json::String(text) => {
                let text = truncate_cow(Cow::Owned(text), MAX_FIELD_VALUE_LEN);
                self.with_param("value", text.into_owned())
            }
            value if param_len("value", &value) <= MAX_FIELD_PARAM_LEN => {
                self.with_param("value", value)
            }
            _ => self,
        }
    }

    /// With the parameter `location`: where in the request the field is, express-validator's
    /// `body`, `query`, `params`, `headers` or `cookies`; cut to [`MAX_FIELD_CODE_LEN`] bytes.
    #[must_use]
    pub fn with_location(self, location: impl Into<Cow<'static, str>>) -> Self {
        let location = truncate_cow(location.into(), MAX_FIELD_CODE_LEN);
        self.with_param("location", location.into_owned())
    }

    /// The message, if there is one.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The code, if there is one.
    #[must_use]
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The parameters, in the order given.
    #[must_use]
    pub fn params(&self) -> &[(Cow<'static, str>, Json)] {
        &self.params
    }

    /// What a format that shows one text per entry shows: the message, else the code, else
    /// `"is invalid"`.
    #[must_use]
    pub fn text(&self) -> &str {
        match (&self.message, &self.code) {
            (Some(message), _) => message,
            (None, Some(code)) => code,
            (None, None) => "is invalid",
        }
    }

    /// Each part cut to its bound, for entries that come from a request: the message to
    /// [`MAX_FIELD_MESSAGE_LEN`], the code to [`MAX_FIELD_CODE_LEN`], at most
    /// [`MAX_FIELD_PARAMS`] parameters, each left out when its name and JSON together are over
    /// [`MAX_FIELD_PARAM_LEN`] bytes.
    pub(crate) fn bounded(self) -> Self {
        let mut params = self.params;
        params.truncate(MAX_FIELD_PARAMS);
        params.retain(|(name, value)| param_len(name, value) <= MAX_FIELD_PARAM_LEN);
        Violation {
            message: self
                .message
                .map(|message| truncate_cow(message, MAX_FIELD_MESSAGE_LEN)),
            code: self.code.map(|code| truncate_cow(code, MAX_FIELD_CODE_LEN)),
            params,
        }
    }
}

/// How long a parameter is as JSON, counting no further than the bound: a hostile nested
/// value is not serialized whole just to be measured.
fn param_len(name: &str, value: &Json) -> usize {
    struct Counter(usize);
    impl std::io::Write for Counter {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0 += bytes.len();
            if self.0 > MAX_FIELD_PARAM_LEN {
                return Err(std::io::ErrorKind::WriteZero.into());
            }
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut counter = Counter(name.len());
    match serde_json::to_writer(&mut counter, value) {
        Ok(()) => counter.0,
        Err(_) => usize::MAX,
    }
}

impl From<&'static str> for Violation {
    fn from(message: &'static str) -> Self {
        Violation::from_message(message)
    }
}

impl From<String> for Violation {
    fn from(message: String) -> Self {
        Violation::from_message(message)
    }
}

impl From<Cow<'static, str>> for Violation {
    fn from(message: Cow<'static, str>) -> Self {
        Violation::from_message(message)
    }
}
