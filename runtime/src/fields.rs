//! Field-level errors: which input field was wrong, and why.

use std::borrow::Cow;
use std::fmt::{self, Display, Write as _};

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, SerializeStruct, Serializer};

/// One step of a [`FieldPath`]: an object member or an array index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A member name, such as `address` in `address.city`.
    Key(Cow<'static, str>),
    /// An array index, such as `2` in `items[2].qty`.
    Index(usize),
}

/// The location of a field in the request, such as `settings.max_sessions` or `items[2].qty`.
///
/// Each format renders it in its own notation: dotted (`items[2].qty`) or as an RFC 6901 JSON
/// Pointer in a URI fragment (`#/items/2/qty`).
///
/// ```
/// use apierr::FieldPath;
///
/// let parsed = FieldPath::from("items[2].qty");
/// let built = FieldPath::root().key("items").index(2).key("qty");
/// assert_eq!(parsed, built);
/// assert_eq!(built.to_string(), "items[2].qty");
/// assert_eq!(built.pointer().to_string(), "#/items/2/qty");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct FieldPath {
    segments: Vec<Segment>,
}

impl FieldPath {
    /// The empty path: the request body as a whole.
    #[must_use]
    pub const fn root() -> Self {
        FieldPath {
            segments: Vec::new(),
        }
    }

    /// This path followed by the member `name`, taken literally (dots and brackets included).
    #[must_use]
    pub fn key(mut self, name: impl Into<Cow<'static, str>>) -> Self {
        self.segments.push(Segment::Key(name.into()));
        self
    }

    /// This path followed by the array index `index`.
    #[must_use]
    pub fn index(mut self, index: usize) -> Self {
        self.segments.push(Segment::Index(index));
        self
    }

    /// The steps of the path, outermost first.
    #[must_use]
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// The path as a JSON Pointer in URI-fragment form (`#/items/2/qty`), as RFC 9457 uses it.
    #[must_use]
    pub fn pointer(&self) -> Pointer<'_> {
        Pointer(self)
    }

    fn parse(text: &str) -> Self {
        let mut path = FieldPath::root();
        for part in text.split('.') {
            // `name[1][2]` is a key followed by indices; anything else in brackets is part of the
            // key, so that no input is rejected or lost.
            let (name, indices) = match part.find('[') {
                Some(open) if part.ends_with(']') => (&part[..open], &part[open..]),
                _ => (part, ""),
            };
            let parsed: Option<Vec<usize>> = indices
                .strip_prefix('[')
                .map(|rest| rest.strip_suffix(']').unwrap_or(rest))
                .map(|inner| inner.split("][").map(|n| n.parse().ok()).collect())
                .unwrap_or_else(|| Some(Vec::new()));
            match parsed {
                Some(parsed) => {
                    if !name.is_empty() || parsed.is_empty() {
                        path.segments
                            .push(Segment::Key(Cow::Owned(name.to_owned())));
                    }
                    path.segments.extend(parsed.into_iter().map(Segment::Index));
                }
                None => path
                    .segments
                    .push(Segment::Key(Cow::Owned(part.to_owned()))),
            }
        }
        path
    }
}

impl From<&str> for FieldPath {
    /// Parses dotted notation: `settings.max_sessions`, `items[2].qty`.
    fn from(text: &str) -> Self {
        FieldPath::parse(text)
    }
}

impl From<String> for FieldPath {
    fn from(text: String) -> Self {
        FieldPath::parse(&text)
    }
}

impl Display for FieldPath {
    /// Dotted notation: `items[2].qty`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                Segment::Key(name) => {
                    if i > 0 {
                        f.write_char('.')?;
                    }
                    f.write_str(name)?;
                }
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

impl Serialize for FieldPath {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Characters that RFC 3986 does not allow in a fragment, which must be percent-encoded.
const FRAGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// A [`FieldPath`] displayed as a JSON Pointer (RFC 6901) in a URI fragment: `#/items/2/qty`.
#[derive(Debug, Clone, Copy)]
pub struct Pointer<'a>(&'a FieldPath);

impl Display for Pointer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('#')?;
        for segment in &self.0.segments {
            f.write_char('/')?;
            match segment {
                Segment::Key(name) => {
                    // RFC 6901 escapes `~` and `/` first; the fragment encoding comes on top.
                    for (i, piece) in name.split('/').enumerate() {
                        if i > 0 {
                            f.write_str("~1")?;
                        }
                        for (j, part) in piece.split('~').enumerate() {
                            if j > 0 {
                                f.write_str("~0")?;
                            }
                            Display::fmt(&utf8_percent_encode(part, FRAGMENT), f)?;
                        }
                    }
                }
                Segment::Index(index) => write!(f, "{index}")?,
            }
        }
        Ok(())
    }
}

impl Serialize for Pointer<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The messages reported for one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    path: FieldPath,
    /// The path as the dotted formats print it: two paths that print the same are one field
    /// on the wire, so they are kept as one.
    dotted: String,
    messages: Vec<Cow<'static, str>>,
}

impl FieldError {
    /// Where the field is.
    #[must_use]
    pub fn path(&self) -> &FieldPath {
        &self.path
    }

    /// What is wrong with it, in the order reported; never empty.
    #[must_use]
    pub fn messages(&self) -> &[Cow<'static, str>] {
        &self.messages
    }
}

/// Field-level validation errors: an ordered map from a [`FieldPath`] to one or more messages.
///
/// A variant carries it in a field marked `#[api(fields)]`; each format renders it in its own
/// shape (see [`crate::format`]). Empty field errors are left out of every body.
///
/// ```
/// use apierr::FieldErrors;
///
/// let errors = FieldErrors::new()
///     .with("title", "Title is required")
///     .with("amount", "Amount must be greater than 0")
///     .with("title", "Title is too short");
/// assert_eq!(errors.len(), 2);
/// assert_eq!(
///     serde_json::to_value(errors.as_lists()).unwrap(),
///     serde_json::json!({
///         "title": ["Title is required", "Title is too short"],
///         "amount": ["Amount must be greater than 0"],
///     }),
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors {
    entries: Vec<FieldError>,
}

impl FieldErrors {
    /// No field errors yet.
    #[must_use]
    pub const fn new() -> Self {
        FieldErrors {
            entries: Vec::new(),
        }
    }

    /// Records `message` for the field at `path`, after any message it already has. Paths that
    /// print the same (`a.b` parsed, or the single key `"a.b"`) are the same field.
    pub fn add(
        &mut self,
        path: impl Into<FieldPath>,
        message: impl Into<Cow<'static, str>>,
    ) -> &mut Self {
        let path = path.into();
        let message = message.into();
        let dotted = path.to_string();
        match self.entries.iter_mut().find(|entry| entry.dotted == dotted) {
            Some(entry) => entry.messages.push(message),
            None => self.entries.push(FieldError {
                path,
                dotted,
                messages: vec![message],
            }),
        }
        self
    }

    /// [`add`](Self::add) for builder chains.
    #[must_use]
    pub fn with(
        mut self,
        path: impl Into<FieldPath>,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        self.add(path, message);
        self
    }

    /// Whether no field has an error.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How many fields have errors.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The fields with errors, in the order they were first reported.
    pub fn iter(&self) -> std::slice::Iter<'_, FieldError> {
        self.entries.iter()
    }

    /// Serializes as `{"path": ["message", …]}` (dotted paths).
    #[must_use]
    pub fn as_lists(&self) -> AsLists<'_> {
        AsLists(self)
    }

    /// Serializes as `{"path": "message"}` (dotted paths; several messages joined with `"; "`).
    #[must_use]
    pub fn as_strings(&self) -> AsStrings<'_> {
        AsStrings(self)
    }

    /// Serializes as `[{"type": "field", "path": "…", "msg": "…"}, …]`, one item per message,
    /// the shape of express-validator's `errors.array()`.
    #[must_use]
    pub fn as_items(&self) -> AsItems<'_> {
        AsItems(self)
    }

    /// Serializes as RFC 9457's `[{"detail": "…", "pointer": "#/…"}, …]`, one item per message.
    #[must_use]
    pub fn as_pointers(&self) -> AsPointers<'_> {
        AsPointers(self)
    }
}

impl AsRef<FieldErrors> for FieldErrors {
    fn as_ref(&self) -> &FieldErrors {
        self
    }
}

impl<'a> IntoIterator for &'a FieldErrors {
    type Item = &'a FieldError;
    type IntoIter = std::slice::Iter<'a, FieldError>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter()
    }
}

impl<P: Into<FieldPath>, M: Into<Cow<'static, str>>> FromIterator<(P, M)> for FieldErrors {
    fn from_iter<I: IntoIterator<Item = (P, M)>>(iter: I) -> Self {
        let mut errors = FieldErrors::new();
        for (path, message) in iter {
            errors.add(path, message);
        }
        errors
    }
}

/// [`FieldErrors`] serialized as a map of lists; see [`FieldErrors::as_lists`].
#[derive(Debug, Clone, Copy)]
pub struct AsLists<'a>(&'a FieldErrors);

impl Serialize for AsLists<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for entry in self.0 {
            map.serialize_entry(&entry.path, &entry.messages)?;
        }
        map.end()
    }
}

/// [`FieldErrors`] serialized as a map of strings; see [`FieldErrors::as_strings`].
#[derive(Debug, Clone, Copy)]
pub struct AsStrings<'a>(&'a FieldErrors);

struct Joined<'a>(&'a [Cow<'static, str>]);

impl Display for Joined<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, message) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            f.write_str(message)?;
        }
        Ok(())
    }
}

impl Serialize for AsStrings<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for entry in self.0 {
            match entry.messages.as_slice() {
                [one] => map.serialize_entry(&entry.path, one)?,
                many => map
                    .serialize_key(&entry.path)
                    .and_then(|()| map.serialize_value(&CollectStr(&Joined(many))))?,
            }
        }
        map.end()
    }
}

struct CollectStr<'a, T>(&'a T);

impl<T: Display> Serialize for CollectStr<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
    }
}

/// [`FieldErrors`] serialized as express-validator items; see [`FieldErrors::as_items`].
#[derive(Debug, Clone, Copy)]
pub struct AsItems<'a>(&'a FieldErrors);

impl Serialize for AsItems<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let count = self.0.iter().map(|entry| entry.messages.len()).sum();
        let mut seq = serializer.serialize_seq(Some(count))?;
        for entry in self.0 {
            for message in &entry.messages {
                seq.serialize_element(&Item {
                    path: &entry.path,
                    message,
                })?;
            }
        }
        seq.end()
    }
}

struct Item<'a> {
    path: &'a FieldPath,
    message: &'a str,
}

impl Serialize for Item<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut item = serializer.serialize_struct("FieldItem", 3)?;
        item.serialize_field("type", "field")?;
        item.serialize_field("path", self.path)?;
        item.serialize_field("msg", self.message)?;
        item.end()
    }
}

/// [`FieldErrors`] serialized as RFC 9457 pointer items; see [`FieldErrors::as_pointers`].
#[derive(Debug, Clone, Copy)]
pub struct AsPointers<'a>(&'a FieldErrors);

impl Serialize for AsPointers<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let count = self.0.iter().map(|entry| entry.messages.len()).sum();
        let mut seq = serializer.serialize_seq(Some(count))?;
        for entry in self.0 {
            for message in &entry.messages {
                seq.serialize_element(&PointerItem {
                    pointer: entry.path.pointer(),
                    detail: message,
                })?;
            }
        }
        seq.end()
    }
}

struct PointerItem<'a> {
    pointer: Pointer<'a>,
    detail: &'a str,
}

impl Serialize for PointerItem<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut item = serializer.serialize_struct("PointerItem", 2)?;
        item.serialize_field("detail", self.detail)?;
        item.serialize_field("pointer", &self.pointer)?;
        item.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dotted_and_indexed_paths() {
        assert_eq!(
            FieldPath::from("a.b[0][1].c"),
            FieldPath::root()
                .key("a")
                .key("b")
                .index(0)
                .index(1)
                .key("c")
        );
        assert_eq!(FieldPath::from("[3]"), FieldPath::root().index(3));
        // Not an index: kept whole, never rejected.
        assert_eq!(FieldPath::from("a[x]"), FieldPath::root().key("a[x]"));
        assert_eq!(FieldPath::from("a[x]").to_string(), "a[x]");
    }

    #[test]
    fn pointer_escapes_tilde_slash_and_fragment_characters() {
        let path = FieldPath::root().key("a/b~c").key("d e").index(4);
        assert_eq!(path.pointer().to_string(), "#/a~1b~0c/d%20e/4");
        assert_eq!(FieldPath::root().pointer().to_string(), "#");
    }
}
