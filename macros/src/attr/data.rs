//! `#[api(data(domain = "googleapis.com", reason = "API_KEY_INVALID"))]`: fixed data of a code,
//! on a variant, or on the enum as defaults for every variant.
//!
//! The enum's entries and a variant's own are merged here, at derive time, so that the spec
//! holds the one list the variant answers with and the runtime never merges.

use syn::ext::IdentExt as _;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{LitStr, Token};

use super::value::skip_rest;
use crate::ctxt::Ctxt;

/// One `name = "value"` of `data(...)`.
pub struct Entry {
    pub name: String,
    pub value: LitStr,
}

const USAGE: &str =
    "`data` expects names and string values in parentheses, like data(domain = \"googleapis.com\")";

/// Reads the `(...)` after `data`. A bad entry is reported and the others are still read.
pub fn parse(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Vec<Entry>> {
    if !meta.input.peek(syn::token::Paren) {
        // `data = "x"` is reported over `= "x"`, a bare `data` at the key.
        let value = skip_rest(meta.input)?;
        if value.is_empty() {
            return Err(syn::Error::new_spanned(&meta.path, USAGE));
        }
        return Err(syn::Error::new_spanned(value, USAGE));
    }
    let mut entries: Vec<Entry> = Vec::new();
    meta.parse_nested_meta(|inner| {
        let Some(ident) = inner.path.get_ident() else {
            skip_entry(&inner)?;
            cx.error_spanned_by(
                &inner.path,
                "a `data` name is a single identifier, like data(domain = \"...\")",
            );
            return Ok(());
        };
        // As Rust reads the name: `r#type` is `type`.
        let name = ident.unraw().to_string();
        let span = inner.path.span();
        if !inner.input.peek(Token![=]) {
            skip_entry(&inner)?;
            cx.error_at(
                span,
                format!("`{name}` in `data` needs a value: write data({name} = \"...\")"),
            );
            return Ok(());
        }
        let input = inner.value()?;
        if !input.peek(LitStr) {
            let value = skip_rest(input)?;
            cx.error_spanned_by(
                value,
                format!("a `data` value is a string literal: write data({name} = \"...\")"),
            );
            return Ok(());
        }
        let value: LitStr = input.parse()?;
        let mut duplicate = false;
        for entry in &entries {
            duplicate |= entry.name == name;
        }
        if duplicate {
            cx.error_at(span, format!("duplicate `{name}` in `data`"));
            return Ok(());
        }
        entries.push(Entry { name, value });
        Ok(())
    })?;
    Ok(entries)
}

/// Consumes whatever follows an entry's name, up to the next `,`.
fn skip_entry(inner: &ParseNestedMeta) -> syn::Result<()> {
    if inner.input.peek(Token![=]) {
        let _ = inner.value()?;
    }
    skip_rest(inner.input).map(drop)
}

/// A case's data: the enum's entries, each replaced by the case's own of the same name, then
/// the case's other entries, all in declaration order.
pub fn merged<'a>(container: &'a [Entry], case: &'a [Entry]) -> Vec<(String, String)> {
    let find = |entries: &'a [Entry], name: &str| -> Option<&'a Entry> {
        for entry in entries {
            if entry.name == name {
                return Some(entry);
            }
        }
        None
    };
    let mut data = Vec::with_capacity(container.len() + case.len());
    for entry in container {
        let entry = find(case, &entry.name).unwrap_or(entry);
        data.push((entry.name.clone(), entry.value.value()));
    }
    for own in case {
        if find(container, &own.name).is_none() {
            data.push((own.name.clone(), own.value.value()));
        }
    }
    data
}
