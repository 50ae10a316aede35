//! The one loop that reads the `#[api(...)]` of every place, and what it records.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, Path};

use super::keys::{Key, Place, closest};
use super::value;
use crate::ctxt::Ctxt;

/// The keys written on one place, for the checks between keys.
#[derive(Default)]
pub struct Written {
    /// Every key taken, with the span of its name.
    pub(super) keys: Vec<(&'static str, Span)>,
    /// Keys evidently meant but already reported: misplaced, or misspelled (then the key
    /// suggested). Their absence is not reported again.
    pub(super) meant: Vec<&'static str>,
}

impl Written {
    /// Where `key` was written, when it was.
    pub fn span(&self, key: impl Key) -> Option<Span> {
        self.span_of(key.name())
    }

    /// Whether `key` was written, however wrongly: a key made missing by a mistake already
    /// reported is not reported missing as well. Keys are told apart by name, the one thing
    /// that is the same wherever they are written (`status` on the enum and on a variant).
    pub fn any(&self, key: impl Key) -> bool {
        self.span(key).is_some() || self.meant.contains(&key.name())
    }

    pub(super) fn span_of(&self, name: &str) -> Option<Span> {
        for (seen, span) in &self.keys {
            if *seen == name {
                return Some(*span);
            }
        }
        None
    }

    /// Every key taken, in order, with the span of its name.
    pub fn keys(&self) -> impl Iterator<Item = (&'static str, Span)> + '_ {
        self.keys.iter().copied()
    }
}

/// One kind of attribute being read: which keys it takes, and where their values go.
pub(super) trait Target {
    type Key: Key;

    /// Reads the value of `key`, which `span` names.
    fn set(
        &mut self,
        cx: &Ctxt,
        key: Self::Key,
        meta: &ParseNestedMeta,
        span: Span,
    ) -> syn::Result<()>;

    /// Reads the keys of `list` without syn's parser when they are written the common way,
    /// reporting nothing; whether it did (see `fast`).
    fn read_fast(&mut self, _list: &syn::MetaList, _written: &mut Written) -> bool {
        false
    }
}

/// A [`Target`] without its key type: the loop over the keys, and syn's parser that runs it,
/// are then compiled once rather than once per target.
trait AnyTarget {
    /// The name of the key written `name`, if this target takes it, and whether it repeats.
    fn key(&self, name: &str) -> Option<(&'static str, bool)>;

    /// [`Target::set`] for the key named `name`.
    fn set_named(
        &mut self,
        cx: &Ctxt,
        name: &str,
        meta: &ParseNestedMeta,
        span: Span,
    ) -> syn::Result<()>;

    /// [`Target::read_fast`].
    fn read_list_fast(&mut self, list: &syn::MetaList, written: &mut Written) -> bool;
}

impl<T: Target> AnyTarget for T {
    fn key(&self, name: &str) -> Option<(&'static str, bool)> {
        let key = T::Key::from_name(name)?;
        Some((key.name(), key.repeats()))
    }

    fn set_named(
        &mut self,
        cx: &Ctxt,
        name: &str,
        meta: &ParseNestedMeta,
        span: Span,
    ) -> syn::Result<()> {
        match T::Key::from_name(name) {
            Some(key) => self.set(cx, key, meta, span),
            None => Ok(()),
        }
    }

    fn read_list_fast(&mut self, list: &syn::MetaList, written: &mut Written) -> bool {
        self.read_fast(list, written)
    }
}

/// Reads every `#[api(...)]` of `attrs` into `target`, and hands each other attribute to
/// `other`. Returns the keys written.
pub(super) fn read<'a, T: Target>(
    cx: &Ctxt,
    attrs: &'a [Attribute],
    place: Place,
    target: &mut T,
    mut other: impl FnMut(&'a Attribute),
) -> Written {
    let mut written = Written::default();
    for attr in attrs {
        if attr.path().is_ident("api") {
            parse_api(cx, attr, place, &mut written, target);
        } else {
            other(attr);
        }
    }
    written
}

/// The one loop over the keys of an `#[api(...)]`: unknown, misplaced and duplicate keys are
/// reported here, each key's value by the target.
fn parse_api(
    cx: &Ctxt,
    attr: &Attribute,
    place: Place,
    written: &mut Written,
    target: &mut dyn AnyTarget,
) {
    if let Err(error) = value::require_list(attr) {
        cx.syn_error(error);
        return;
    }
    if let syn::Meta::List(list) = &attr.meta
        && target.read_list_fast(list, written)
    {
        return;
    }
    let result = attr.parse_nested_meta(|meta| {
        let span = meta.path.span();
        let Some((name, repeats)) = meta
            .path
            .get_ident()
            .and_then(|ident| target.key(&ident.to_string()))
        else {
            value::skip_value(&meta)?;
            cx.error_at(span, not_here(&meta.path, place, written));
            return Ok(());
        };
        if !repeats && written.span_of(name).is_some() {
            value::skip_value(&meta)?;
            cx.error_at(span, format!("duplicate `{name}` in #[api(...)]"));
            return Ok(());
        }
        written.keys.push((name, span));
        // A bad value is reported and the attribute's other keys are still read.
        if let Err(error) = target.set_named(cx, name, &meta, span) {
            cx.syn_error(error);
            value::skip_rest(meta.input)?;
        }
        Ok(())
    });
    if let Err(error) = result {
        cx.syn_error(error);
    }
}

/// The error for a key `place` does not take: where it goes instead, or the key likely meant.
/// Either is recorded in `written` as meant.
fn not_here(path: &Path, place: Place, written: &mut Written) -> String {
    let mut key = String::new();
    for segment in &path.segments {
        if !key.is_empty() {
            key.push_str("::");
        }
        key.push_str(&segment.ident.to_string());
    }
    if let Some((elsewhere, name)) = place.elsewhere(&key) {
        written.meant.push(name);
        return format!("`{key}` belongs on {elsewhere}, not on {}", place.name());
    }
    let known = closest(&key, &mut place.names().into_iter());
    written.meant.extend(known);
    let hint = known
        .map(|known| format!("; did you mean `{known}`?"))
        .unwrap_or_default();
    format!("unknown key `{key}` in #[api(...)]{hint}")
}

/// What is read besides `#[api(...)]` on an enum, a struct or a variant.
#[derive(Default)]
pub(super) struct Outer<'a> {
    pub(super) doc: String,
    pub(super) cfgs: Vec<&'a Attribute>,
    /// thiserror's attributes, read by `error_attr`.
    pub(super) thiserror: crate::error_attr::Raw<'a>,
}

impl<'a> Outer<'a> {
    pub(super) fn read(&mut self, attr: &'a Attribute) {
        let path = attr.path();
        if path.is_ident("doc") {
            if let Some(line) = value::doc_line(attr) {
                if !self.doc.is_empty() {
                    self.doc.push('\n');
                }
                self.doc.push_str(line.strip_prefix(' ').unwrap_or(&line));
            }
        } else if path.is_ident("cfg") {
            self.cfgs.push(attr);
        } else {
            // thiserror's attributes, the one place they are found.
            self.thiserror.take(attr);
        }
    }

    /// The `///` comment, trimmed; `None` when there is none.
    pub(super) fn doc(&self) -> Option<String> {
        let doc = self.doc.trim();
        (!doc.is_empty()).then(|| doc.to_owned())
    }
}
