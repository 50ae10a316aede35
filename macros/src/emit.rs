//! Small emitters shared by every generator: paths, bindings and generated source text.

use proc_macro2::{Group, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote};
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

/// Appends the start of a text arm's pattern for `case`, each of `fields` bound by its
/// [`binding`]: `Self::Name { a: __f_a, 0: __f_0,` (the caller closes it with ` .. }`).
pub fn push_pattern(out: &mut String, case: &Case, fields: &[&Field]) {
    if case.is_variant {
        out.push_str("Self::");
        out.push_str(&case.ident.to_string());
        out.push_str(" {");
    } else {
        out.push_str("Self {");
    }
    for field in fields {
        out.push(' ');
        out.push_str(&member_text(&field.member));
        out.push_str(": ");
        out.push_str(&binding(&field.member).to_string());
        out.push(',');
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

/// A case's `#[cfg]`s, to fill a hole of [`fill`] with.
pub struct Attrs<'a>(pub &'a [&'a syn::Attribute]);

impl ToTokens for Attrs<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        for attr in self.0 {
            attr.to_tokens(tokens);
        }
    }
}

/// [`source`] text with holes: each `$name` in `text` is replaced by the tokens of the hole of
/// that name, with their own spans. Written so instead of with `quote!` for the long fixed parts
/// of the impls: each token of a `quote!` is a call to compile into the derive, while text is
/// one string; and the text's tokens are spanned at the call site, as `quote!`'s are, so the
/// generated code is the same, hygiene included.
pub fn fill(text: &str, holes: &[(&str, &dyn ToTokens)]) -> TokenStream {
    let mut out = TokenStream::new();
    fill_into(&mut out, source(text), holes, None);
    out
}

/// [`fill`] with the text's tokens spanned at `span`, as `quote_spanned!` spans its own.
pub fn fill_spanned(span: Span, text: &str, holes: &[(&str, &dyn ToTokens)]) -> TokenStream {
    let mut out = TokenStream::new();
    fill_into(&mut out, source(text), holes, Some(span));
    out
}

/// The holes every impl of the derived type fills alike, for [`fill_impl`]: `$impl_generics`,
/// `$ty`, `$ty_generics` and `$where_clause`.
#[derive(Clone, Copy)]
pub struct ImplHead<'a> {
    pub impl_generics: &'a dyn ToTokens,
    pub ty: &'a dyn ToTokens,
    pub ty_generics: &'a dyn ToTokens,
    pub where_clause: &'a dyn ToTokens,
}

impl<'a> ImplHead<'a> {
    /// The same head with another where clause: one with the bounds an impl infers.
    pub fn with_where(self, where_clause: &'a dyn ToTokens) -> Self {
        ImplHead {
            where_clause,
            ..self
        }
    }
}

/// [`fill`] for an impl of the derived type: the holes of `head`, then `holes`.
pub fn fill_impl(text: &str, head: ImplHead<'_>, holes: &[(&str, &dyn ToTokens)]) -> TokenStream {
    let mut all: Vec<(&str, &dyn ToTokens)> = Vec::with_capacity(4 + holes.len());
    all.push(("impl_generics", head.impl_generics));
    all.push(("ty", head.ty));
    all.push(("ty_generics", head.ty_generics));
    all.push(("where_clause", head.where_clause));
    all.extend_from_slice(holes);
    fill(text, &all)
}

/// Source text without holes, as [`fill`] writes it (its punctuation joined as `quote!`
/// joins it, unlike [`source`]'s).
pub fn fixed(text: &str) -> TokenStream {
    fill(text, &[])
}

fn fill_into(
    out: &mut TokenStream,
    text: TokenStream,
    holes: &[(&str, &dyn ToTokens)],
    span: Option<Span>,
) {
    let mut trees = text.into_iter().peekable();
    while let Some(tree) = trees.next() {
        match tree {
            TokenTree::Punct(dollar) if dollar.as_char() == '$' => {
                let name = match trees.next() {
                    Some(TokenTree::Ident(name)) => name.to_string(),
                    _ => String::new(),
                };
                let mut found = false;
                for (hole, tokens) in holes {
                    if *hole == name {
                        tokens.to_tokens(out);
                        found = true;
                        break;
                    }
                }
                // The text and its holes are the derive's own: as in `source`, a mistake in
                // them is a compile error naming the bug, never a panic.
                if !found {
                    out.extend(quote!(::core::compile_error!(
                        "apierr-macros left a hole of its source unfilled: please report this bug"
                    )));
                }
            }
            TokenTree::Group(group) => {
                let mut inner = TokenStream::new();
                fill_into(&mut inner, group.stream(), holes, span);
                // Spanned at the call site (or at `span`), as `quote!` (`quote_spanned!`) spans a
                // group.
                let mut group = Group::new(group.delimiter(), inner);
                if let Some(span) = span {
                    group.set_span(span);
                }
                out.extend([TokenTree::Group(group)]);
            }
            TokenTree::Punct(mut punct) => {
                // Joined to the next as `quote!` joins them: only within one operator (`::`,
                // `->`) or lifetime, not wherever two are written together (`<&`, `::$hole`).
                let next = match trees.peek() {
                    Some(TokenTree::Punct(next)) if punct.spacing() == Spacing::Joint => {
                        next.as_char()
                    }
                    _ => ' ',
                };
                let spacing = if punct.as_char() == '\'' || joins(punct.as_char(), next) {
                    Spacing::Joint
                } else {
                    Spacing::Alone
                };
                if punct.spacing() != spacing {
                    let at = punct.span();
                    punct = Punct::new(punct.as_char(), spacing);
                    punct.set_span(at);
                }
                if let Some(span) = span {
                    punct.set_span(span);
                }
                out.extend([TokenTree::Punct(punct)]);
            }
            mut tree => {
                if let Some(span) = span {
                    tree.set_span(span);
                }
                out.extend([tree]);
            }
        }
    }
}

/// Whether `first` and `second` written together are (part of) one of Rust's operators.
fn joins(first: char, second: char) -> bool {
    matches!(
        (first, second),
        (':', ':')
            | ('-' | '=', '>')
            | ('<', '-')
            | ('.', '.' | '=')
            | ('&', '&')
            | ('|', '|')
            | ('<', '<')
            | ('>', '>')
            | (
                '=' | '!' | '<' | '>' | '+' | '-' | '*' | '/' | '%' | '^' | '&' | '|',
                '='
            )
    )
}

/// The input's name, with the derive's own hygiene (at its place in the source), so that an
/// impl for a `#[deprecated]` type is not reported as a use of it.
pub fn type_ident(input: &syn::DeriveInput) -> Ident {
    let mut ident = input.ident.clone();
    ident.set_span(at(ident.span()));
    ident
}
