//! RFC 6901 JSON Pointers read back into field paths, and RFC 9457 `errors[]` items grouped by
//! pointer so that each distinct pointer stays one field.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;

use percent_encoding::percent_decode_str;

use super::DecodeError;
use crate::{FieldErrors, FieldPath, Segment, Violation};

/// Parses an RFC 6901 JSON Pointer, bare (`/items/2/qty`) or as a URI fragment
/// (`#/items/2/qty`, percent-encoded), into a [`FieldPath`]. Segments that are array indexes
/// (`0`, or digits without a leading zero) become [`Segment::Index`].
///
/// # Errors
/// When the pointer neither is empty nor starts with `/`, has an escape other than `~0` and
/// `~1`, or its percent-encoding is not UTF-8.
///
/// ```
/// use apierr::FieldPath;
/// use apierr::decode::parse_pointer;
///
/// assert_eq!(parse_pointer("#/items/2/qty").unwrap(), FieldPath::from("items[2].qty"));
/// let expected = FieldPath::root().key("a/b~c").key("d e");
/// assert_eq!(parse_pointer("#/a~1b~0c/d%20e").unwrap(), expected);
/// assert_eq!(parse_pointer("/a~1b~0c/d e").unwrap(), expected);
/// assert!(parse_pointer("items/2").is_err());
/// ```
pub fn parse_pointer(pointer: &str) -> Result<FieldPath, DecodeError> {
    let invalid = invalid_pointer;
    let text = match pointer.strip_prefix('#') {
        Some(fragment) => percent_decode_str(fragment)
            .decode_utf8()
            .map_err(|_| invalid())?,
        None => Cow::Borrowed(pointer),
    };
    if text.is_empty() {
        return Ok(FieldPath::root());
    }
    let rest = text.strip_prefix('/').ok_or_else(invalid)?;
    let mut path = FieldPath::with_capacity(1 + rest.bytes().filter(|&b| b == b'/').count());
    for raw in rest.split('/') {
        let is_index = raw == "0"
            || (!raw.is_empty()
                && !raw.starts_with('0')
                && raw.bytes().all(|b| b.is_ascii_digit()));
        match raw.parse::<usize>() {
            Ok(index) if is_index => path = path.index(index),
            _ => path = path.key(unescape_pointer(raw).ok_or_else(invalid)?),
        }
    }
    Ok(path)
}

/// The error of a pointer that is not one.
pub(super) fn invalid_pointer() -> DecodeError {
    DecodeError::Invalid {
        member: Cow::Borrowed("pointer"),
        expected: "a JSON Pointer",
    }
}

/// Undoes RFC 6901's `~1` (`/`) and `~0` (`~`); `None` for any other `~`.
fn unescape_pointer(segment: &str) -> Option<String> {
    if !segment.contains('~') {
        return Some(segment.to_owned());
    }
    let mut out = String::with_capacity(segment.len());
    let mut chars = segment.chars();
    while let Some(c) = chars.next() {
        if c == '~' {
            match chars.next() {
                Some('0') => out.push('~'),
                Some('1') => out.push('/'),
                _ => return None,
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// RFC 9457 `errors[]` items grouped by pointer: each distinct pointer is one field.
///
/// A pointer does not say whether a segment of digits is a key or an index, so it can read as
/// several paths, and paths that differ can print the same in dotted notation (`#/5` read as
/// `[5]`, `#//5` as an empty key then `[5]`), which [`FieldErrors`] keeps as one field. Merging
/// them would give one field's messages to another, so each pointer gets a reading that no other
/// pointer of the body prints as: [`parse_pointer`]'s when it is free, else another, found as a
/// matching (Kuhn's augmenting paths) so that a pointer read earlier gives way when only that
/// frees one read later. Such readings exist for every body apierr renders (its paths print
/// apart), and the matching finds them within the bounds below, which keep a hostile body's
/// cost linear; a pointer left without one keeps [`parse_pointer`]'s reading and is merged, as
/// [`FieldErrors::add`] merges paths that print the same.
#[derive(Default)]
pub(super) struct PointerFields<'a> {
    /// In the order each pointer first appears.
    fields: Vec<PointerField<'a>>,
    /// Canonical pointer (as [`FieldPath::pointer`] prints [`parse_pointer`]'s reading) → field.
    by_pointer: HashMap<String, usize>,
    /// Dotted print → the field read as it.
    holders: HashMap<String, usize>,
    /// Per field, the last search that visited it (searches are numbered from 1), so that no
    /// search tries to move one field twice and none has to clear a list.
    visited: Vec<usize>,
}

struct PointerField<'a> {
    /// [`parse_pointer`]'s reading: every segment of digits an index.
    parsed: FieldPath,
    /// The reading chosen, by which of its indexes are keys instead (bit `i`: the `i`-th index);
    /// `None` until one is free.
    keys: Option<u64>,
    messages: Vec<&'a Violation>,
}

/// How many of a pointer's indexes may be read as keys instead; those past the first 8 stay
/// indexes, so that a field has at most 256 readings.
const MAX_READING_BITS: u32 = 8;
/// Readings tried per field, on average over the body, so that a hostile body costs time
/// linear in its size.
const READINGS_PER_FIELD: usize = 32;
/// How long a chain of fields one field may move to free a reading (and how deep the search
/// recurses).
const MAX_DISPLACEMENT_DEPTH: usize = 16;

impl<'a> PointerFields<'a> {
    pub(super) fn push(&mut self, parsed: FieldPath, text: &str, message: &'a Violation) {
        // Sized from the pointer as sent: written once, not grown piece by piece.
        let mut pointer = String::with_capacity(text.len() + 1);
        // Writing into a `String` cannot fail.
        let _ = write!(pointer, "{}", parsed.pointer());
        let next = self.fields.len();
        let at = *self.by_pointer.entry(pointer).or_insert(next);
        if at == next {
            self.fields.push(PointerField {
                parsed,
                keys: None,
                messages: Vec::new(),
            });
        }
        self.fields[at].messages.push(message);
    }

    /// Picks the readings, then adds every field's messages to `fields` in first-seen order.
    pub(super) fn add_to(mut self, fields: &mut FieldErrors) {
        let mut budget = self.fields.len().saturating_mul(READINGS_PER_FIELD);
        self.visited = vec![0; self.fields.len()];
        for field in 0..self.fields.len() {
            self.place(field, field + 1, &mut budget, 0);
        }
        for field in self.fields {
            let path = match field.keys {
                None | Some(0) => field.parsed,
                Some(keys) => reading(&field.parsed, keys),
            };
            if let Some((last, others)) = field.messages.split_last() {
                for message in others {
                    fields.push(path.clone(), (*message).clone());
                }
                fields.push(path, (*last).clone());
            }
        }
    }

    /// Gives `field` a reading no other field prints as: a free one if there is, else one that
    /// a field placed earlier frees by moving to another of its own. `false` (and nothing
    /// changed) when none is found within the budget.
    fn place(&mut self, field: usize, search: usize, budget: &mut usize, depth: usize) -> bool {
        self.visited[field] = search;
        let indexes = self.fields[field]
            .parsed
            .segments()
            .iter()
            .filter(|segment| matches!(segment, Segment::Index(_)))
            .count();
        let readings = 1u64 << indexes.min(MAX_READING_BITS as usize);
        let mut held = Vec::new();
        for keys in 0..readings {
            if Some(keys) == self.fields[field].keys {
                continue;
            }
            if *budget == 0 {
                return false;
            }
            *budget -= 1;
            // The first reading is the parsed path itself: printed without a copy.
            let print = if keys == 0 {
                self.fields[field].parsed.dotted()
            } else {
                reading(&self.fields[field].parsed, keys).dotted()
            };
            match self.holders.get(&print) {
                None => {
                    self.take(field, keys, print);
                    return true;
                }
                Some(&other) => held.push((keys, print, other)),
            }
        }
        if depth == MAX_DISPLACEMENT_DEPTH {
            return false;
        }
        for (keys, print, other) in held {
            if self.visited[other] != search && self.place(other, search, budget, depth + 1) {
                self.take(field, keys, print);
                return true;
            }
        }
        false
    }

    /// Reads `field` as `keys` picks, which prints as `print`, in place of any earlier reading.
    fn take(&mut self, field: usize, keys: u64, print: String) {
        if let Some(old) = self.fields[field].keys {
            let old = reading(&self.fields[field].parsed, old).dotted();
            self.holders.remove(&old);
        }
        self.holders.insert(print, field);
        self.fields[field].keys = Some(keys);
    }
}

/// `parsed` with the indexes picked by `keys` (bit `i`: the `i`-th index) read as keys.
fn reading(parsed: &FieldPath, keys: u64) -> FieldPath {
    if keys == 0 {
        return parsed.clone();
    }
    let mut index = 0;
    parsed
        .segments()
        .iter()
        .fold(FieldPath::root(), |path, segment| match segment {
            Segment::Key(name) => path.key(name.clone()),
            Segment::Index(n) => {
                let as_key = index < 64 && keys & (1 << index) != 0;
                index += 1;
                if as_key {
                    path.key(n.to_string())
                } else {
                    path.index(*n)
                }
            }
        })
}
