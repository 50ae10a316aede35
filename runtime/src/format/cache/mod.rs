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
//! where it was). The table is a fixed array of write-once slots, so memory is bounded by
//! construction: at most [`SLOTS`] entries, one per code and layout, never per request; a code
//! that finds no free slot among its [`PROBES`] is rendered as before.
//!
//! Not cached: a body whose context translates the message (it is per request), and layouts
//! whose steps did not compile.

use std::sync::OnceLock;

pub(crate) use fingerprint::Fingerprint;

use super::compile::Op;
use super::render::{Cx, template::Template};
use super::{AnyFormat, EMPTY_CONTEXT, Layout, RenderError};
use crate::{ApiError, Context, Problem, Spec};

mod fingerprint;

/// How many entries the table holds.
const SLOTS: usize = 2048;
/// How many slots a code tries, from the one its key hashes to.
const PROBES: usize = 8;

static TABLE: [OnceLock<Entry>; SLOTS] = [const { OnceLock::new() }; SLOTS];

/// The template of one code in one layout.
#[derive(Debug)]
struct Entry {
    spec: &'static Spec,
    fingerprint: Fingerprint,
    template: Template,
}

/// A template found for one body, with what it is written with.
pub(crate) struct Found<'f> {
    template: &'static Template,
    layout: &'f Layout<'f>,
    ops: &'f [Op<'f>],
    format: &'f dyn AnyFormat,
}

/// The template for `error` in `format`, built on first use; `None` when the body is not
/// cached (see the module docs).
#[inline]
pub(crate) fn find<'f>(
    format: &'f dyn AnyFormat,
    error: &dyn ApiError,
    context: &Context,
) -> Option<Found<'f>> {
    let layout = format.layout();
    let program = layout.program();
    let fingerprint = program.fingerprint()?;
    let ops = program.ops()?;
    let spec = error.spec();
    if context.translation(spec.code()).is_some() {
        return None;
    }
    let first = start(spec, fingerprint);
    for probe in 0..PROBES {
        let slot = TABLE.get((first + probe) % SLOTS)?;
        match slot.get() {
            Some(entry) if entry.is(spec, fingerprint) => {
                return Some(Found {
                    template: &entry.template,
                    layout,
                    ops,
                    format,
                });
            }
            Some(_) => {}
            None => {
                let template = insert(first + probe, spec, fingerprint, layout, ops, format, error)?;
                return Some(Found {
                    template,
                    layout,
                    ops,
                    format,
                });
            }
        }
    }
    None
}

/// Builds the entry of `spec` in `layout` and puts it in the first free slot from `at` on
/// (or finds it there, when another thread was first).
#[cold]
#[inline(never)]
fn insert(
    at: usize,
    spec: &'static Spec,
    fingerprint: Fingerprint,
    layout: &Layout<'_>,
    ops: &[Op<'_>],
    format: &dyn AnyFormat,
    error: &dyn ApiError,
) -> Option<&'static Template> {
    let problem = Problem::new(error, &EMPTY_CONTEXT);
    let cx = Cx::new(&problem, format);
    let template = Template::build(layout, ops, cx).ok()?;
    let mut pending = Entry {
        spec,
        fingerprint,
        template,
    };
    let first = start(spec, fingerprint);
    for index in at..first + PROBES {
        let slot = TABLE.get(index % SLOTS)?;
        match slot.set(pending) {
            Ok(()) => return slot.get().map(|entry| &entry.template),
            Err(entry) => pending = entry,
        }
        if let Some(entry) = slot.get()
            && entry.is(spec, fingerprint)
        {
            return Some(&entry.template);
        }
    }
    None
}

/// The slot a key hashes to.
#[inline]
fn start(spec: &'static Spec, fingerprint: Fingerprint) -> usize {
    let key = (std::ptr::from_ref(spec).addr() as u64) ^ fingerprint.low();
    // The top bits of a multiplicative hash; `SLOTS` is a power of two.
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - SLOTS.trailing_zeros())) as usize
}

impl Entry {
    #[inline]
    fn is(&self, spec: &'static Spec, fingerprint: Fingerprint) -> bool {
        std::ptr::eq(self.spec, spec) && self.fingerprint == fingerprint
    }
}

impl Found<'_> {
    /// The whole body, when it is the same for every error of the code in `context`.
    #[inline]
    pub(crate) fn bare(&self, context: &Context) -> Option<&'static [u8]> {
        let body = self.template.bare()?;
        is_bare(context).then_some(body)
    }

    /// How many bytes to allocate for the body, at least.
    pub(crate) fn capacity(&self) -> usize {
        self.template.known_len() + 64
    }

    /// Appends the body of `error` in `context`, whole.
    ///
    /// # Errors
    /// When an extension member fails to serialize.
    #[inline]
    pub(crate) fn write(
        &self,
        error: &dyn ApiError,
        context: &Context,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        if let Some(body) = self.bare(context) {
            out.extend_from_slice(body);
            return Ok(());
        }
        let problem = Problem::new(error, context);
        self.template
            .write(out, self.layout, self.ops, Cx::new(&problem, self.format))
    }
}

/// Whether `context` holds nothing a layout can show.
#[inline]
fn is_bare(context: &Context) -> bool {
    std::ptr::eq(context, &EMPTY_CONTEXT)
        || (context.correlation_id().is_none()
            && context.timestamp().is_none()
            && context.path().is_none()
            && context.method().is_none()
            && context.instance().is_none()
            && !context.debug_detail())
}
