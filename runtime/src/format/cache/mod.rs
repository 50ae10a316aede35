//! Bodies rendered once per code and layout, then copied.
//!
//! Most of a body is the same for every error of a code: the names, the punctuation, the
//! code, the status, a static message. The first body of a code in a layout is rendered as a
//! [`Template`]: those parts as bytes, with the steps that vary (the request context, an
//! interpolated message, field errors, members) left to run for each body. A unit variant in
//! a context that holds nothing the layout shows is then one copy.
//!
//! Entries are keyed by the code's `&'static Spec` (whose address no other spec can take) and
//! the layout's [`Fingerprint`] (not its address: a format may be dropped and another built
//! where it was). The hot path ([`get`]) compares the key as two words, the spec's address
//! mixed into the fingerprint's first hash and its second hash: see [`Entry::mixed`] for why
//! that tells keys apart as well as the fingerprint tells layouts apart. The table is a fixed
//! array of write-once 64-byte slots, so memory is bounded by construction: at most [`SLOTS`]
//! entries, one per code and layout, never per request; a code that finds no free slot among
//! its [`PROBES`] is rendered as before.
//!
//! Not cached: a body whose context translates the message (it is per request), and layouts
//! whose steps did not compile.

use std::sync::OnceLock;

pub(crate) use fingerprint::Fingerprint;

use super::render::{Cx, template::Template};
use super::{AnyFormat, EMPTY_CONTEXT, Layout};
use crate::{ApiError, Problem, Spec};

mod fingerprint;

/// How many entries the table holds.
const SLOTS: usize = 2048;
/// How many slots a code tries, from the one its key hashes to.
const PROBES: usize = 8;

static TABLE: [OnceLock<Entry>; SLOTS] = [const { OnceLock::new() }; SLOTS];

/// The template of one code in one layout: 56 bytes, so that with its `OnceLock`'s state a
/// slot is 64 (a test checks it). The template first: its address is the entry's, which
/// saves an addition on the hot path.
#[derive(Debug)]
#[repr(C)]
struct Entry {
    template: Template,
    spec: &'static Spec,
    /// The spec's address xor the fingerprint's first hash; with `spec`, the whole key.
    ///
    /// [`get`] compares only this and `high`. Two keys of one layout differ here exactly
    /// when their specs do; two keys of different layouts match both words only if the
    /// layouts' second hashes collide (about 2⁻⁶⁴) and their first hashes differ by the xor
    /// of two spec addresses (about 2⁻⁶⁴ for each pair of specs): the same order of
    /// chance as two layouts sharing a whole fingerprint.
    mixed: u64,
    high: u64,
}

/// The template of `spec` in `layout` when it is in the slot its key hashes to: the hot path,
/// a hash and two comparisons. A layout that did not compile has no entry to find: entries
/// are built only for layouts that compiled.
#[inline(always)]
pub(crate) fn get(layout: &Layout<'_>, spec: &'static Spec) -> Option<&'static Template> {
    let fingerprint = layout.program().fingerprint_for_lookup();
    let mixed = mix(spec, fingerprint);
    match TABLE.get(slot_of(mixed))?.get() {
        Some(entry) if entry.mixed == mixed && entry.high == fingerprint.high() => {
            Some(&entry.template)
        }
        _ => None,
    }
}

/// The template of `error`'s code in `format`, probing from the slot its key hashes to on,
/// and built on first use; `None` when the layout did not compile, the template could not be
/// rendered, or no slot is free.
#[cold]
#[inline(never)]
pub(crate) fn find(format: &dyn AnyFormat, error: &dyn ApiError) -> Option<&'static Template> {
    let layout = format.layout();
    let fingerprint = layout.program().fingerprint()?;
    let spec = error.spec();
    let first = slot_of(mix(spec, fingerprint));
    let mut pending = None;
    for probe in first..first + PROBES {
        let slot = TABLE.get(probe % SLOTS)?;
        if slot.get().is_none() {
            let entry = match pending.take() {
                Some(entry) => entry,
                None => build(spec, fingerprint, layout, format, error)?,
            };
            if let Err(entry) = slot.set(entry) {
                // Another thread was first: its entry may be this one.
                pending = Some(entry);
            }
        }
        if let Some(entry) = slot.get()
            && entry.is(spec, fingerprint)
        {
            return Some(&entry.template);
        }
    }
    None
}

/// The entry of `spec` in `layout`, rendered for `error`.
fn build(
    spec: &'static Spec,
    fingerprint: Fingerprint,
    layout: &Layout<'_>,
    format: &dyn AnyFormat,
    error: &dyn ApiError,
) -> Option<Entry> {
    let ops = layout.program().ops()?;
    let problem = Problem::new(error, &EMPTY_CONTEXT);
    let template = Template::build(layout, ops, Cx::new(&problem, format)).ok()?;
    Some(Entry {
        template,
        spec,
        mixed: mix(spec, fingerprint),
        high: fingerprint.high(),
    })
}

/// The spec's address xor the fingerprint's first hash: the first word of an entry's key.
#[inline(always)]
fn mix(spec: &'static Spec, fingerprint: Fingerprint) -> u64 {
    (std::ptr::from_ref(spec).addr() as u64) ^ fingerprint.low()
}

/// The slot a key hashes to: the fingerprint's low bits (a hash already) mixed with the
/// spec's address, whose 3 low bits are always 0 (specs are 8-aligned) and which differs
/// between the specs of one type by their size. No multiplication: this is on the path of
/// every cached body.
#[inline(always)]
fn slot_of(mixed: u64) -> usize {
    // `SLOTS` is a power of two, so the truncation is the remainder.
    #[allow(clippy::cast_possible_truncation)]
    let slot = (mixed >> 3) as usize % SLOTS;
    slot
}

impl Entry {
    /// Whether the entry is `spec`'s in the layout of `fingerprint`: the whole key.
    fn is(&self, spec: &'static Spec, fingerprint: Fingerprint) -> bool {
        std::ptr::eq(self.spec, spec)
            && self.mixed == mix(spec, fingerprint)
            && self.high == fingerprint.high()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slot_is_64_bytes() {
        // `get` finds a slot by a shift; on 64-bit targets, where pointers are 8 bytes.
        if size_of::<usize>() == 8 {
            assert_eq!(size_of::<OnceLock<Entry>>(), 64);
        }
    }
}
