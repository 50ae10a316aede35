//! What `#[api(display)]` needs of thiserror's attributes: each mistake that thiserror's
//! derive refuses is refused here too, with its own message.

use syn::{GenericArgument, PathArguments, Type};

use crate::ast::{Case, Input};
use crate::ctxt::Ctxt;
use crate::error_attr::{DisplayAttr, Raw, is_backtrace};

/// The checks of the whole input: the enum's or struct's own attributes, then each case's.
pub fn input(cx: &Ctxt, input: &Input) {
    if input.container.display.is_none() {
        return;
    }
    check_raw(cx, &input.container.thiserror);
    // thiserror writes `Display` when some case says how; then every case must.
    let any = any_error_attr(input);
    for case in &input.cases {
        check_raw(cx, &case.attrs.thiserror);
        if any
            && case.attrs.thiserror.error.is_empty()
            && input.container.thiserror.error.is_empty()
        {
            let ident = case.ident;
            cx.error_at(
                ident.span(),
                format!(
                    "`{ident}` has no #[error(\"...\")], which #[api(display)] writes `Display` from"
                ),
            );
        }
        if let (false, Some(DisplayAttr::Fmt(path))) = (input.is_enum, &case.display) {
            cx.error_spanned_by(
                path,
                "#[error(fmt = ...)] is for enum variants: a struct writes its own `Display`",
            );
        }
        check_case(cx, case);
    }
}

/// Whether the type or some case has an `#[error(...)]`: thiserror then writes `Display`.
pub fn any_error_attr(input: &Input) -> bool {
    if !input.container.thiserror.error.is_empty() {
        return true;
    }
    for case in &input.cases {
        if !case.attrs.thiserror.error.is_empty() {
            return true;
        }
    }
    false
}

/// An enum's, a struct's or a variant's attributes: one `#[error]`, no field's marks.
fn check_raw(cx: &Ctxt, raw: &Raw) {
    for extra in raw.error.iter().skip(1) {
        cx.error_spanned_by(extra, "only one #[error(...)] is allowed");
    }
    for attr in &raw.misplaced {
        let name = attr
            .path()
            .get_ident()
            .map(ToString::to_string)
            .unwrap_or_default();
        cx.error_spanned_by(attr, format!("#[{name}] belongs on a field"));
    }
}

/// A case's fields: their marks, its source, its `From` and its transparency.
fn check_case(cx: &Ctxt, case: &Case) {
    let name = case.ident;
    let mut from = None;
    let mut source = None;
    let mut backtrace = None;
    // Once the marks are reported, what they would build is not checked too.
    let mut reported = false;
    for field in &case.fields {
        let marks = &field.attrs.thiserror;
        for span in &marks.error {
            cx.error_at(
                *span,
                "#[error(...)] belongs on the variant or the struct, not on a field",
            );
        }
        for (spans, seen, what) in [
            (&marks.from, &mut from, "#[from]"),
            (&marks.source, &mut source, "#[source]"),
            (&marks.backtrace, &mut backtrace, "#[backtrace]"),
        ] {
            for span in spans {
                if seen.is_some() {
                    reported = true;
                    cx.error_at(*span, format!("duplicate {what} in `{name}`"));
                } else {
                    *seen = Some((field, *span));
                }
            }
        }
    }
    if let (Some((from_field, span)), Some((source_field, _))) = (from, source)
        && from_field.member != source_field.member
    {
        reported = true;
        cx.error_at(
            span,
            format!("#[from] goes on the source field of `{name}`, which is marked #[source]"),
        );
    }
    if let (Some((from_field, span)), false) = (from, reported) {
        let mut others = false;
        for field in &case.fields {
            others |= field.member != from_field.member
                && !backtrace.is_some_and(|(marked, _)| marked.member == field.member)
                && !(backtrace.is_none() && is_backtrace(field.ty));
        }
        if others {
            cx.error_at(
                span,
                format!(
                    "#[from] needs `{name}` to have no field but its source and a backtrace, to build it from"
                ),
            );
        }
    }
    // Only a field that borrows can be a wrong source: the source is looked for then.
    let mut borrowing = Vec::new();
    for field in &case.fields {
        if let Some(lifetime) = borrowed_lifetime(field.ty) {
            borrowing.push((field, lifetime));
        }
    }
    let borrowed_source = if borrowing.is_empty() {
        None
    } else {
        case.source_field()
    };
    if let Some(source) = borrowed_source {
        for (field, lifetime) in &borrowing {
            if field.member == source.member {
                cx.error_spanned_by(
                    lifetime,
                    "the source of an error must be 'static: `Error::source` returns `&(dyn Error + 'static)`",
                );
            }
        }
    }
    if let Some(DisplayAttr::Transparent(span)) = &case.display {
        if case.fields.len() != 1 {
            cx.error_at(
                *span,
                format!("#[error(transparent)] needs `{name}` to have exactly one field"),
            );
        }
        if let Some((_, span)) = source {
            cx.error_at(
                span,
                "#[error(transparent)] takes the source of the inner error: remove #[source]",
            );
        }
    }
}

/// A lifetime other than `'static` in `ty`, where thiserror looks for one: the arguments of
/// its last path segment, and a reference.
fn borrowed_lifetime(ty: &Type) -> Option<&syn::Lifetime> {
    match ty {
        Type::Reference(reference) => reference
            .lifetime
            .as_ref()
            .filter(|lifetime| lifetime.ident != "static"),
        Type::Path(path) => {
            let PathArguments::AngleBracketed(args) = &path.path.segments.last()?.arguments else {
                return None;
            };
            args.args.iter().find_map(|arg| match arg {
                GenericArgument::Type(inner) => borrowed_lifetime(inner),
                GenericArgument::Lifetime(lifetime) if lifetime.ident != "static" => Some(lifetime),
                _ => None,
            })
        }
        _ => None,
    }
}
