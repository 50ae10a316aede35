//! Field-level errors: which input field was wrong, and why.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher, RandomState};

use crate::json_text::is_plain;
use crate::limits::{FIELD_ERRORS_OMITTED, MAX_FIELD_ERRORS, MAX_FIELD_PATH_LEN, TRUNCATED};

mod path;
mod shapes;
mod violation;

pub use path::{FieldPath, Pointer, Segment};
pub use shapes::{AsItems, AsLists, AsPointers, AsStrings};
pub use violation::Violation;

/// Everything reported for one field: the entries of [`FieldErrors`] whose paths print alike,
/// as the formats that group by path show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    path: FieldPath,
    /// The path as the dotted formats print it: two paths that print the same are one field
    /// on the wire, so they are kept as one.
    dotted: String,
    /// Whether `dotted` needs no JSON escaping, decided once when the field is added: a body
    /// then copies it.
    plain: bool,
    violations: Vec<Violation>,
}

impl FieldError {
    /// Where the field is.
    #[must_use]
    pub fn path(&self) -> &FieldPath {
        &self.path
    }

    /// What is wrong with it, in the order reported; never empty.
    #[must_use]
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// The text of each entry ([`Violation::text`]), in the order reported.
    pub fn messages(&self) -> impl ExactSizeIterator<Item = &str> + Clone + '_ {
        self.violations.iter().map(Violation::text)
    }

    /// The path as [`Display`](fmt::Display) prints it (`items[2].qty`), kept since it was
    /// added: a body writes it as a copy, not segment by segment.
    pub(crate) fn dotted(&self) -> &str {
        &self.dotted
    }

    /// Whether [`dotted`](Self::dotted) is written in JSON as it is, with no escaping.
    pub(crate) fn is_dotted_plain(&self) -> bool {
        self.plain
    }
}

/// Field-level validation errors: entries of a [`FieldPath`] and a [`Violation`] (a message,
/// a code, parameters), in the order reported.
///
/// A variant carries it in a field marked `#[api(fields)]`; each format renders it in its own
/// shape (see [`crate::format`]): one item per entry, or grouped by path into a map, where
/// entries whose paths print alike are one field. Empty field errors are left out of every body.
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
#[derive(Clone, Default)]
pub struct FieldErrors {
    /// The fields, in the order first reported, each with its entries.
    entries: Vec<FieldError>,
    /// Every entry in the order reported: its field in `entries`, and its place there.
    order: Vec<(usize, usize)>,
    /// Where the entry of each dotted path is, once there are enough entries that scanning
    /// them on every [`add`](Self::add) would make adding many quadratic. Boxed: most field
    /// errors never have one, and a small `FieldErrors` keeps users' error types small.
    index: Option<Box<Index>>,
    /// How many messages [`add_bounded`](Self::add_bounded) dropped.
    omitted: usize,
}

/// From this many entries on, paths are looked up in a hash map rather than scanned.
const INDEX_FROM: usize = 16;

/// The entries of a [`FieldErrors`] by the keyed hash of their dotted path, chained where two
/// paths share a hash: each lookup hashes the path once and copies nothing.
#[derive(Clone)]
struct Index {
    /// Keyed per index, so that a client cannot choose paths that collide.
    hasher: RandomState,
    /// The last entry with each hash.
    heads: HashMap<u64, usize, BuildHasherDefault<Prehashed>>,
    /// For each entry, the entry before it with the same hash, if any.
    previous: Vec<Option<usize>>,
}

impl Index {
    fn of(entries: &[FieldError]) -> Self {
        let mut index = Index {
            hasher: RandomState::new(),
            heads: HashMap::default(),
            previous: Vec::with_capacity(entries.len()),
        };
        for entry in entries {
            let hash = index.hash(&entry.dotted);
            index.push(hash);
        }
        index
    }

    fn hash(&self, dotted: &str) -> u64 {
        self.hasher.hash_one(dotted)
    }

    fn find(&self, hash: u64, dotted: &str, entries: &[FieldError]) -> Option<usize> {
        let mut at = self.heads.get(&hash).copied();
        while let Some(here) = at {
            if entries[here].dotted == dotted {
                return Some(here);
            }
            at = self.previous[here];
        }
        None
    }

    /// Records the entry just pushed, whose path has `hash`.
    fn push(&mut self, hash: u64) {
        let at = self.previous.len();
        self.previous.push(self.heads.insert(hash, at));
    }
}

/// A hasher for keys that are already keyed hashes: it passes them through.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `u64`s are hashed here; any other key still gets a hash.
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_u64(&mut self, hash: u64) {
        self.0 = hash;
    }
}

impl PartialEq for FieldErrors {
    /// The same entries, in the same order, and as many dropped messages; the index is only a
    /// way of finding entries.
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries && self.order == other.order && self.omitted == other.omitted
    }
}

impl Eq for FieldErrors {}

impl fmt::Debug for FieldErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FieldErrors")
            .field("entries", &self.entries)
            .field("omitted", &self.omitted)
            .finish()
    }
}

impl FieldErrors {
    /// No field errors yet.
    #[must_use]
    pub const fn new() -> Self {
        FieldErrors {
            entries: Vec::new(),
            order: Vec::new(),
            index: None,
            omitted: 0,
        }
    }

    /// Records `message` for the field at `path`, after any message it already has. Paths that
    /// print the same (`a.b` parsed, or the single key `"a.b"`) are the same field.
    ///
    /// Nothing is cut or dropped: for paths and messages that come from a request, use
    /// [`add_bounded`](Self::add_bounded). Adding takes constant time on average, however many
    /// fields there are.
    pub fn add(
        &mut self,
        path: impl Into<FieldPath>,
        message: impl Into<Cow<'static, str>>,
    ) -> &mut Self {
        self.insert(path.into(), Violation::from_message(message), false);
        self
    }

    /// Records the entry `violation` (a message, a code, parameters) for the field at `path`:
    /// [`add`](Self::add) for entries that are more than a message. Nothing is cut: for entries
    /// that come from a request, use [`push_bounded`](Self::push_bounded).
    pub fn push(
        &mut self,
        path: impl Into<FieldPath>,
        violation: impl Into<Violation>,
    ) -> &mut Self {
        self.insert(path.into(), violation.into(), false);
        self
    }

    /// [`add`](Self::add), unless a field whose path differs prints the same: then nothing is
    /// added and the answer is `false`. Decoding uses it to notice two pointers that would
    /// merge.
    #[cfg(feature = "decode")]
    pub(crate) fn add_distinct(&mut self, path: FieldPath, violation: Violation) -> bool {
        self.insert(path, violation, true)
    }

    fn insert(&mut self, path: FieldPath, violation: Violation, distinct: bool) -> bool {
        let dotted = path.dotted();
        let hash = self.index.as_ref().map(|index| index.hash(&dotted));
        let found = match (&self.index, hash) {
            (Some(index), Some(hash)) => index.find(hash, &dotted, &self.entries),
            _ => self.entries.iter().position(|entry| entry.dotted == dotted),
        };
        if let Some(at) = found {
            if distinct && self.entries[at].path != path {
                return false;
            }
            self.order.push((at, self.entries[at].violations.len()));
            self.entries[at].violations.push(violation);
            return true;
        }
        self.order.push((self.entries.len(), 0));
        self.entries.push(FieldError {
            path,
            plain: is_plain(&dotted),
            dotted,
            violations: vec![violation],
        });
        match (&mut self.index, hash) {
            (Some(index), Some(hash)) => index.push(hash),
            _ if self.entries.len() >= INDEX_FROM => {
                self.index = Some(Box::new(Index::of(&self.entries)));
            }
            _ => {}
        }
        true
    }

    /// Where the entry of the dotted path `dotted` is, if there is one.
    fn position(&self, dotted: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.find(index.hash(dotted), dotted, &self.entries),
            None => self.entries.iter().position(|entry| entry.dotted == dotted),
        }
    }

    /// [`add`](Self::add) for a path and message that come from a request: the path is cut to
    /// [`MAX_FIELD_PATH_LEN`] bytes and the message to [`MAX_FIELD_MESSAGE_LEN`](crate::limits::MAX_FIELD_MESSAGE_LEN), each ending in
    /// [`TRUNCATED`] when cut, and once these field errors hold [`MAX_FIELD_ERRORS`] messages,
    /// the rest are dropped and counted, and one entry at path [`TRUNCATED`] says so.
    ///
    /// The validator and garde conversions and the extractors add through it, so that no
    /// request can make the field errors, or a body holding them, larger than these bounds.
    ///
    /// ```
    /// use apierr::{FieldErrors, MAX_FIELD_ERRORS, limits};
    ///
    /// let mut errors = FieldErrors::new();
    /// for i in 0..1000 {
    ///     errors.add_bounded(format!("items[{i}].{}", "k".repeat(1000)), "is invalid");
    /// }
    /// assert_eq!(errors.len(), MAX_FIELD_ERRORS + 1);
    /// assert_eq!(errors.omitted(), 1000 - MAX_FIELD_ERRORS);
    /// let first = errors.iter().next().unwrap();
    /// assert_eq!(first.path().to_string().len(), limits::MAX_FIELD_PATH_LEN);
    /// let last = errors.iter().last().unwrap();
    /// assert_eq!(last.path().to_string(), limits::TRUNCATED);
    /// assert!(last.messages().eq([limits::FIELD_ERRORS_OMITTED]));
    /// ```
    pub fn add_bounded(
        &mut self,
        path: impl Into<FieldPath>,
        message: impl Into<Cow<'static, str>>,
    ) -> &mut Self {
        self.push_bounded(path, Violation::from_message(message))
    }

    /// [`push`](Self::push) for an entry that comes from a request: the path and each part of
    /// the entry are cut to their bounds ([`crate::limits`]), and entries past
    /// [`MAX_FIELD_ERRORS`] are dropped and counted, as [`add_bounded`](Self::add_bounded) does.
    pub fn push_bounded(
        &mut self,
        path: impl Into<FieldPath>,
        violation: impl Into<Violation>,
    ) -> &mut Self {
        if self.is_full() {
            self.omit();
            return self;
        }
        let path = path.into().truncated(MAX_FIELD_PATH_LEN);
        self.insert(path, violation.into().bounded(), false);
        self
    }

    /// Counts `count` dropped messages, and adds the entry that says so unless it is there.
    fn mark_omitted(&mut self, count: usize) {
        let marked = self.position(TRUNCATED).is_some_and(|at| {
            self.entries[at]
                .violations
                .iter()
                .any(|violation| violation.message() == Some(FIELD_ERRORS_OMITTED))
        });
        if !marked {
            self.add(FieldPath::root().key(TRUNCATED), FIELD_ERRORS_OMITTED);
        }
        self.omitted += count;
    }

    /// How many messages [`add_bounded`](Self::add_bounded) dropped, or a body over its limit
    /// left out; 0 when nothing was.
    #[must_use]
    pub fn omitted(&self) -> usize {
        self.omitted
    }

    /// Whether [`add_bounded`](Self::add_bounded) would drop the next message: the conversions
    /// then count what is left instead of building paths and messages for nothing.
    pub(crate) fn is_full(&self) -> bool {
        self.omitted > 0 || self.order.len() >= MAX_FIELD_ERRORS
    }

    /// Counts one message dropped without building it; see [`is_full`](Self::is_full).
    pub(crate) fn omit(&mut self) {
        self.mark_omitted(1);
    }

    /// How many entries all fields have together.
    #[must_use]
    pub fn message_count(&self) -> usize {
        self.order.len()
    }

    /// Every entry, with its field's path, in the order reported: what formats that list
    /// entries one by one show.
    pub fn entries(&self) -> impl ExactSizeIterator<Item = (&FieldPath, &Violation)> + Clone {
        self.entries_by_field()
            .map(|(field, violation)| (&field.path, violation))
    }

    /// [`entries`](Self::entries) with each entry's field, whose printed path the renderers
    /// copy.
    pub(crate) fn entries_by_field(
        &self,
    ) -> impl ExactSizeIterator<Item = (&FieldError, &Violation)> + Clone {
        self.order.iter().map(|&(field, at)| {
            let field = &self.entries[field];
            (field, &field.violations[at])
        })
    }

    /// The first `keep` entries, each path and part cut as
    /// [`push_bounded`](Self::push_bounded) cuts them, and the entry that says the rest were
    /// left out: what a body over its limit keeps.
    pub(crate) fn reduced(&self, keep: usize) -> FieldErrors {
        let mut out = FieldErrors::new();
        for (path, violation) in self.entries().take(keep) {
            out.insert(
                path.clone().truncated(MAX_FIELD_PATH_LEN),
                violation.clone().bounded(),
                false,
            );
        }
        let left_out = self.message_count().saturating_sub(keep);
        if left_out > 0 {
            out.mark_omitted(left_out + self.omitted);
        } else {
            out.omitted += self.omitted;
        }
        out
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

    /// Serializes as `[{"type": "field", "path": "…", "msg": "…"}, …]`, one item per entry,
    /// the shape of express-validator's `errors.array()`; an item also has `value` and
    /// `location` when its entry has them ([`Violation::with_value`],
    /// [`Violation::with_location`]), as [`StatusEnvelope`](crate::format::StatusEnvelope)
    /// writes them.
    #[must_use]
    pub fn as_items(&self) -> AsItems<'_> {
        AsItems(self)
    }

    /// Serializes as RFC 9457's `[{"detail": "…", "pointer": "#/…"}, …]`, one item per entry.
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
