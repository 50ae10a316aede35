//! Bodies over their limit, rendered again reduced: the steps [`crate::limits`] documents.

use std::borrow::Cow;
use std::error::Error;
use std::fmt;

use super::{AnyFormat, EMPTY_CONTEXT, RenderError};
use crate::api_error::message_of;
use crate::forward::{Forward, forward_api_error};
use crate::limits::{MAX_FIELD_ERRORS, MAX_MEMBER_LEN, MAX_MESSAGE_LEN, write_capped};
use crate::message_json::MessageJson;
use crate::problem::DebugDetail;
use crate::{ApiError, Context, FieldErrors, MAX_SUB_ERRORS, Member, Problem, Spec, SubErrors};

/// Appends the body of `error` to `out`, at most `max` bytes of it when the error's declaration
/// fits in that; see [`crate::limits`].
///
/// The first render is the whole body, as fast as ever; only a body over its limit pays for the
/// reduced renders, each of them bounded.
#[inline]
pub(crate) fn write_bounded(
    format: &dyn AnyFormat,
    error: &dyn ApiError,
    context: &Context,
    max: usize,
    out: &mut Vec<u8>,
) -> Result<(), RenderError> {
    let start = out.len();
    format.write_json(&Problem::new(error, context), out)?;
    if out.len() - start <= max {
        return Ok(());
    }
    write_reduced(format, error, context, max, out, start)
}

/// The renders after the first, from `start` in `out`: kept out of line, so that the hot path
/// of every body stays a render and a comparison.
#[cold]
#[inline(never)]
pub(crate) fn write_reduced(
    format: &dyn AnyFormat,
    error: &dyn ApiError,
    context: &Context,
    max: usize,
    out: &mut Vec<u8>,
    start: usize,
) -> Result<(), RenderError> {
    let problem = Problem::new(error, context);
    let fields = problem.field_errors();
    let subs = error.sub_errors();
    let members = fitting_members(error);
    // `keep` field entries and as many sub-errors.
    let attempt = |keep: usize, out: &mut Vec<u8>| -> Result<bool, RenderError> {
        out.truncate(start);
        let reduced = Reduced {
            error,
            fields: fields.map(|fields| fields.reduced(keep)),
            subs: subs.map(|subs| subs.reduced(keep)),
            members: Some(&members),
        };
        format.write_json(&Problem::new(&reduced, context), out)?;
        Ok(out.len() - start <= max)
    };
    // Step 1: every piece cut to its bound.
    let all = fields
        .map_or(0, |fields| fields.message_count().min(MAX_FIELD_ERRORS))
        .max(subs.map_or(0, |subs| subs.len().min(MAX_SUB_ERRORS)));
    if attempt(all, out)? {
        return Ok(());
    }
    // Step 2: the most field errors that fit, found by halving; each try is a bounded render.
    if all > 0 && attempt(0, out)? {
        let (mut fits, mut too_many) = (0, all);
        while too_many - fits > 1 {
            let middle = fits + (too_many - fits) / 2;
            if attempt(middle, out)? {
                fits = middle;
            } else {
                too_many = middle;
            }
        }
        attempt(fits, out)?;
        return Ok(());
    }
    // Step 3: only what the declaration fixes.
    out.truncate(start);
    let bare = Reduced {
        error,
        fields: None,
        subs: None,
        members: None,
    };
    format.write_json(&Problem::new(&bare, &EMPTY_CONTEXT), out)
}

/// Each extension member's name, in visiting order, and whether it is short enough to keep:
/// the one rule for both ways of reading members.
fn fitting_members(error: &dyn ApiError) -> Vec<(&'static str, bool)> {
    let mut fitting = Vec::new();
    let mut json = Vec::new();
    error.visit_members(&mut |member| {
        json.clear();
        let fits = member.write_json(&mut json).is_ok() && json.len() <= MAX_MEMBER_LEN;
        fitting.push((member.name(), fits));
    });
    fitting
}

/// An error seen with its pieces cut to their bounds; with no members, the public message is
/// the generic one and there is no debug detail.
struct Reduced<'a> {
    error: &'a dyn ApiError,
    fields: Option<FieldErrors>,
    subs: Option<SubErrors>,
    /// Which members to keep, by name in visiting order; none at all when `None`.
    members: Option<&'a [(&'static str, bool)]>,
}

impl Forward for Reduced<'_> {
    fn target(&self) -> &dyn ApiError {
        self.error
    }

    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.members.is_none() {
            return f.write_str(self.error.status().canonical_reason().unwrap_or("Error"));
        }
        write_capped(f, MAX_MESSAGE_LEN, |f| self.error.fmt_message(f))
    }

    /// Its own `fmt_message` writes the message.
    fn write_message_json(&self, out: &mut MessageJson<'_>) -> bool {
        let _ = out;
        false
    }

    /// The message as this wrapper writes it, not its target's.
    fn message(&self) -> Cow<'_, str> {
        message_of(self)
    }

    fn fmt_internal(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The whole debug detail, source chain included, within one bound; `source_error` is
        // `None` so that the chain is not written a second time, uncut.
        write_capped(f, MAX_MESSAGE_LEN, |f| {
            fmt::Display::fmt(&DebugDetail::of(self.error), f)
        })
    }

    fn field_errors(&self) -> Option<&FieldErrors> {
        self.fields.as_ref()
    }

    fn sub_errors(&self) -> Option<&SubErrors> {
        self.subs.as_ref()
    }

    fn member(&self, name: &str) -> Option<Member<'_>> {
        let fits = self
            .members?
            .iter()
            .any(|&(kept, fits)| fits && kept == name);
        if fits { self.error.member(name) } else { None }
    }

    fn visit_members(&self, visit: &mut dyn FnMut(Member<'_>)) {
        let Some(keep) = self.members else {
            return;
        };
        let mut at = 0;
        self.error.visit_members(&mut |member| {
            if keep.get(at).is_some_and(|&(_, fits)| fits) {
                visit(member);
            }
            at += 1;
        });
    }

    fn source_error(&self) -> Option<&(dyn Error + 'static)> {
        None
    }

    fn declared_format() -> Option<&'static dyn AnyFormat> {
        None
    }

    fn catalog(_: &mut dyn FnMut(&'static Spec)) {}
}

forward_api_error!(impl for Reduced<'_>);
