//! Small emitters shared by every generator: paths, bindings and generated source text.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::spanned::Spanned;
use syn::{Ident, Member};

use crate::ast::{Case, Field};
use crate::fmt::binding;

/// `Self::Variant`, or `Self` for a struct. The variant is named with the derive's own
/// hygiene (at its place in the source), so that a `#[deprecated]` variant is not reported
/// as used by the generated impls.
pub fn case_path(case: &Case) -> TokenStream {
    if case.is_variant {
        let mut ident = case.ident.clone();
        ident.set_span(at(ident.span()));
        quote!(Self::#ident)
    } else {
        quote!(Self)
    }
}

/// A span at `place` in the user's source, resolved as the derive's own tokens are: an error
/// is reported at `place`, while the generated locals (`__f`, the bindings, `self`) stay
/// visible, also when the user's tokens come from a `macro_rules!` call.
pub fn at(place: Span) -> Span {
    Span::call_site().located_at(place)
}

/// [`binding`] spanned at the field's type: a bound the field does not meet is then reported
/// at the field, not at the derive. A field bound so is used so: the binding and its uses then
/// share the hygiene of the user's tokens, also when they come from a `macro_rules!` call.
pub fn binding_at(field: &Field) -> Ident {
    let mut local = binding(&field.member);
    local.set_span(field.ty.span());
    local
}

/// A field as written in a pattern: `name`, `r#type` or `0`.
pub fn member_text(member: &Member) -> String {
    match member {
        Member::Named(ident) => ident.to_string(),
        Member::Unnamed(index) => index.index.to_string(),
    }
}

/// Appends `text` as a Rust string literal. `{:?}` escapes it as Rust does, but slowly in the
/// unoptimized build of a proc macro: text that needs no escape is copied. (Rust's escaping,
/// for the generated source, not JSON's, which is the runtime's alone.)
pub fn push_str_literal(out: &mut String, text: &str) {
    use std::fmt::Write as _;

    if is_plain_literal(text) {
        out.push('"');
        out.push_str(text);
        out.push('"');
    } else {
        let _ = write!(out, "{text:?}");
    }
}

/// Whether `text` is written as a Rust string literal as it is: printable ASCII without `"`
/// or `\`. A loop over the bytes, which iterator adapters are not in the unoptimized build.
pub fn is_plain_literal(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !matches!(b, b' '..=b'~') || b == b'"' || b == b'\\' {
            return false;
        }
        i += 1;
    }
    true
}

/// Tokens of generated source text, lexed by the compiler itself: `proc_macro2`'s own lexer,
/// which it runs first to validate the text, is slow in the unoptimized build of a proc macro.
pub fn source(text: &str) -> TokenStream {
    let tokens = if proc_macro::is_available() {
        text.parse::<proc_macro::TokenStream>()
            .map(TokenStream::from)
            .ok()
    } else {
        text.parse().ok()
    };
    // The text is the derive's own, so this never fails; if it ever did, the user gets a compile
    // error naming the bug rather than a panic in the derive.
    tokens.unwrap_or_else(|| {
        quote!(::core::compile_error!(
            "apierr-macros wrote source it cannot parse: please report this bug"
        ))
    })
}

/// The input's name, with the derive's own hygiene (at its place in the source), so that an
/// impl for a `#[deprecated]` type is not reported as a use of it.
pub fn type_ident(input: &syn::DeriveInput) -> Ident {
    let mut ident = input.ident.clone();
    ident.set_span(at(ident.span()));
    ident
}
