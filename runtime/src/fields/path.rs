//! Where a field is: [`FieldPath`], its [`Segment`]s, and its JSON Pointer form.

use std::borrow::Cow;
use std::fmt::{self, Display};

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde::ser::{Serialize, Serializer};

use crate::limits::{TRUNCATED, prefix};

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

    /// An empty path with room for `segments` steps.
    #[cfg(feature = "decode")]
    pub(crate) fn with_capacity(segments: usize) -> Self {
        FieldPath {
            segments: Vec::with_capacity(segments),
        }
    }

    /// The steps of the path, outermost first.
    #[must_use]
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// This path cut so that its dotted form takes at most `max` bytes: the segments that fit,
    /// then the first that does not, cut short and ending in [`TRUNCATED`], and none after.
    ///
    /// ```
    /// use apierr::FieldPath;
    ///
    /// let path = FieldPath::root().key("groups").key("x".repeat(100)).index(3);
    /// assert_eq!(path.truncated(20).to_string(), "groups.xxxxxxxxxx…");
    /// assert_eq!(FieldPath::from("a.b").truncated(20).to_string(), "a.b");
    /// ```
    #[must_use]
    pub fn truncated(mut self, max: usize) -> FieldPath {
        // The dotted bytes each segment adds: its text, and a `.` before a key not first.
        let cost = |at: usize, segment: &Segment| match segment {
            Segment::Key(name) => usize::from(at > 0) + name.len(),
            Segment::Index(index) => 2 + digits(*index),
        };
        let mut len = 0;
        let Some(mut keep) = self.segments.iter().enumerate().position(|(at, segment)| {
            len += cost(at, segment);
            len > max
        }) else {
            return self;
        };
        len -= cost(keep, &self.segments[keep]);
        // The cut segment becomes a key ending in the marker; give back whole segments before
        // it until the marker fits.
        let room = loop {
            let room = max.saturating_sub(len + usize::from(keep > 0));
            if room >= TRUNCATED.len() || keep == 0 {
                break room;
            }
            keep -= 1;
            len -= cost(keep, &self.segments[keep]);
        };
        let prefix = match &self.segments[keep] {
            Segment::Key(name) => prefix(name, room.saturating_sub(TRUNCATED.len())).to_owned(),
            Segment::Index(_) => String::new(),
        };
        self.segments.truncate(keep);
        if room >= TRUNCATED.len() {
            self.segments
                .push(Segment::Key(Cow::Owned(prefix + TRUNCATED)));
        }
        self
    }

    /// The path as a JSON Pointer in URI-fragment form (`#/items/2/qty`), as RFC 9457 uses it.
    #[must_use]
    pub fn pointer(&self) -> Pointer<'_> {
        Pointer(self, "#")
    }

    /// The same pointer after `prefix` instead of `#`: `/data/attributes/items/2/qty`, as
    /// JSON:API's `source.pointer` locates a field in the request document.
    ///
    /// ```
    /// use apierr::FieldPath;
    ///
    /// let path = FieldPath::from("items[2].qty");
    /// assert_eq!(path.pointer().to_string(), "#/items/2/qty");
    /// assert_eq!(path.pointer_after("/data/attributes").to_string(), "/data/attributes/items/2/qty");
    /// ```
    #[must_use]
    pub fn pointer_after<'a>(&'a self, prefix: &'a str) -> Pointer<'a> {
        Pointer(self, prefix)
    }

    fn parse(text: &str) -> Self {
        // One segment per `.` or `[` at most: the vector is allocated once. Bytes are scanned
        // by hand: paths are short, and a decoded body can hold a hundred thousand.
        let most = 1 + text.bytes().filter(|&b| b == b'.' || b == b'[').count();
        let mut segments = Vec::with_capacity(most);
        let mut rest = text;
        loop {
            let (part, next) = match rest.bytes().position(|b| b == b'.') {
                Some(dot) => (&rest[..dot], Some(&rest[dot + 1..])),
                None => (rest, None),
            };
            // `name[1][2]` is a key followed by indices; anything else in brackets is part of
            // the key, so that no input is rejected or lost.
            let open = part.bytes().position(|b| b == b'[');
            match open {
                Some(open) if part.ends_with(']') && indices(&part[open..], |_| ()) => {
                    if open > 0 {
                        segments.push(Segment::Key(Cow::Owned(part[..open].to_owned())));
                    }
                    indices(&part[open..], |index| segments.push(Segment::Index(index)));
                }
                _ => segments.push(Segment::Key(Cow::Owned(part.to_owned()))),
            }
            match next {
                Some(next) => rest = next,
                None => break,
            }
        }
        FieldPath { segments }
    }

    /// Writes the dotted form (`items[2].qty`) without the formatting machinery: field paths
    /// are written once per field error added, and a hundred thousand of them is no rare body.
    fn write_dotted(&self, out: &mut impl fmt::Write) -> fmt::Result {
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                Segment::Key(name) => {
                    if i > 0 {
                        out.write_char('.')?;
                    }
                    out.write_str(name)?;
                }
                Segment::Index(index) => {
                    out.write_char('[')?;
                    out.write_str(decimal(*index, &mut [0; 20]))?;
                    out.write_char(']')?;
                }
            }
        }
        Ok(())
    }

    /// The dotted form, as [`Display`] writes it, in a string allocated once.
    pub(crate) fn dotted(&self) -> String {
        let len = self
            .segments
            .iter()
            .map(|segment| match segment {
                Segment::Key(name) => 1 + name.len(),
                Segment::Index(index) => 2 + digits(*index),
            })
            .sum();
        let mut out = String::with_capacity(len);
        // Writing into a `String` cannot fail.
        let _ = self.write_dotted(&mut out);
        out
    }
}

/// Calls `each` with every index of `[1][2]…` and says whether the text was only that; a piece
/// that is not an index stops it.
fn indices(mut text: &str, mut each: impl FnMut(usize)) -> bool {
    while let Some(inside) = text.strip_prefix('[') {
        let Some(close) = inside.bytes().position(|b| b == b']') else {
            return false;
        };
        let Ok(index) = inside[..close].parse() else {
            return false;
        };
        each(index);
        text = &inside[close + 1..];
    }
    text.is_empty()
}

/// `index` in decimal, written into the end of `buffer` (20 digits hold any `usize`).
fn decimal(mut index: usize, buffer: &mut [u8; 20]) -> &str {
    let mut at = buffer.len();
    loop {
        at -= 1;
        buffer[at] = b"0123456789"[index % 10];
        index /= 10;
        if index == 0 {
            break;
        }
    }
    std::str::from_utf8(&buffer[at..]).unwrap_or_default()
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
        self.write_dotted(f)
    }
}

impl Serialize for FieldPath {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// How many decimal digits `index` has.
fn digits(index: usize) -> usize {
    index.checked_ilog10().map_or(1, |log| log as usize + 1)
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

/// Whether `byte` is one a pointer keeps as it is, whatever the encoding: letters, digits,
/// `-`, `.` and `_` are neither RFC 6901's `~` and `/` nor in [`FRAGMENT`]. A shortcut, not the
/// rule: other bytes go through the encoding.
fn is_kept(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_')
}

/// A [`FieldPath`] displayed as a JSON Pointer (RFC 6901) in a URI fragment: `#/items/2/qty`.
#[derive(Debug, Clone, Copy)]
pub struct Pointer<'a>(&'a FieldPath, &'a str);

impl<'a> Pointer<'a> {
    /// What comes before the segments: `#`, or the prefix of
    /// [`pointer_after`](FieldPath::pointer_after).
    pub(crate) fn prefix(&self) -> &'a str {
        self.1
    }

    /// Gives `out` the pointer after its prefix, piece by piece: `/` before each segment, keys
    /// with RFC 6901's `~0` and `~1` and percent-encoded for a fragment, indices in decimal.
    /// No piece holds a control character, `"` or `\\` (percent-encoding leaves only ASCII
    /// outside [`FRAGMENT`]), so a JSON writer copies them as they are.
    pub(crate) fn write_segments(&self, mut out: impl FnMut(&str)) {
        for segment in &self.0.segments {
            out("/");
            match segment {
                // Most keys are identifiers, which no encoding changes: copied whole.
                Segment::Key(name) if name.bytes().all(is_kept) => out(name),
                // Most others hold neither `~` nor `/`: no RFC 6901 escaping to split around.
                Segment::Key(name) if !name.contains(['/', '~']) => {
                    utf8_percent_encode(name, FRAGMENT).for_each(&mut out);
                }
                Segment::Key(name) => {
                    // RFC 6901 escapes `~` and `/` first; the fragment encoding comes on top.
                    for (i, piece) in name.split('/').enumerate() {
                        if i > 0 {
                            out("~1");
                        }
                        for (j, part) in piece.split('~').enumerate() {
                            if j > 0 {
                                out("~0");
                            }
                            utf8_percent_encode(part, FRAGMENT).for_each(&mut out);
                        }
                    }
                }
                Segment::Index(index) => out(decimal(*index, &mut [0; 20])),
            }
        }
    }
}

impl Display for Pointer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.1)?;
        let mut result = Ok(());
        self.write_segments(|text| {
            if result.is_ok() {
                result = f.write_str(text);
            }
        });
        result
    }
}

impl Serialize for Pointer<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
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

    #[test]
    fn bytes_kept_as_they_are_are_kept_by_the_encoding() {
        for byte in (0..=0x7f_u8).filter(|&byte| is_kept(byte)) {
            let text = char::from(byte).to_string();
            assert_eq!(utf8_percent_encode(&text, FRAGMENT).to_string(), text);
            assert!(!matches!(byte, b'/' | b'~'));
        }
        let path = FieldPath::root().key("Items_2-b.c").index(0).key("");
        assert_eq!(path.pointer().to_string(), "#/Items_2-b.c/0/");
    }

    #[test]
    fn truncated_paths_fit_their_bound_and_end_in_the_marker() {
        let path = FieldPath::root().key("items").index(12).key("name");
        assert_eq!(path.to_string().len(), 14);
        assert_eq!(path.clone().truncated(14), path);
        // The index does not fit: it becomes the marker.
        // No room for the marker after the index: the index gives way to it.
        assert_eq!(path.clone().truncated(9).to_string(), "items.…");
        assert_eq!(path.clone().truncated(12).to_string(), "items.…");
        assert_eq!(path.clone().truncated(13).to_string(), "items[12].…");
        assert_eq!(path.clone().truncated(2).to_string(), "");
        assert_eq!(path.clone().truncated(3).to_string(), "…");
        assert_eq!(path.clone().truncated(7).to_string(), "item…");
        assert_eq!(
            FieldPath::root()
                .key("é".repeat(10))
                .truncated(8)
                .to_string(),
            "éé…"
        );
        for max in 0..20 {
            assert!(
                path.clone().truncated(max).to_string().len() <= max,
                "{max}"
            );
        }
        assert_eq!(digits(0), 1);
        assert_eq!(digits(9), 1);
        assert_eq!(digits(10), 2);
        assert_eq!(digits(usize::MAX), usize::MAX.to_string().len());
        for index in [0, 7, 10, 99, 12345, usize::MAX] {
            assert_eq!(decimal(index, &mut [0; 20]), index.to_string());
        }
    }
}
