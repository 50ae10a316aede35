//! The arms that write a message template: `message = "…"` in `fmt_message`, thiserror's
//! `#[error("…", args)]` in `Display`. One generator for both, which writes an arm as source
//! text where it can and as tokens elsewhere (see [`Arms`]).

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::LitStr;
use syn::spanned::Spanned;

use crate::ast::{Case, Field};
use crate::emit::{binding_at, case_path, push_pattern, push_str_literal, source};
use crate::error_attr::ErrorFmt;
use crate::fmt::{How, Piece, Template, binding};
use crate::generics::InferredBounds;

/// The arms of one `match` over the cases. For an enum of thousands of variants, building
/// each arm token by token is the slowest part of the derive: the arms of plain templates
/// are kept as source text, tokenized once. Text carries no span, so only an arm in which no
/// error can be reported is written so (see [`text_arm`]).
#[derive(Default)]
pub struct Arms {
    text: String,
    tokens: Vec<TokenStream>,
}

impl Arms {
    /// Adds an arm built elsewhere.
    pub fn push(&mut self, arm: TokenStream) {
        self.tokens.push(arm);
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty() && self.tokens.is_empty()
    }

    /// Adds the arm that writes `template` for `case`, with the arguments after the string of
    /// an `#[error("…", args)]`; the bounds its generic fields need go to `bounds`.
    pub fn template(
        &mut self,
        case: &Case,
        template: &Template,
        extra: Option<&ErrorFmt>,
        bounds: &mut InferredBounds,
    ) {
        let extra = extra.filter(|extra| !extra.args.is_empty());
        if extra.is_none() && text_arm(&mut self.text, case, template) {
            return;
        }
        self.tokens.push(token_arm(case, template, extra, bounds));
    }

    /// The arms, to go inside the `match`.
    pub fn into_tokens(self) -> TokenStream {
        let mut tokens: TokenStream = self.tokens.into_iter().collect();
        if !self.text.is_empty() {
            tokens.extend(source(&self.text));
        }
        tokens
    }
}

/// The arm of a template as tokens, spanned so that a field without the trait its
/// placeholder uses is reported at the field.
fn token_arm(
    case: &Case,
    template: &Template,
    extra: Option<&ErrorFmt>,
    bounds: &mut InferredBounds,
) -> TokenStream {
    let cfgs = &case.attrs.cfgs;
    let path = case_path(case);
    if let (Some(fixed), None) = (&template.fixed, extra) {
        return quote!(#(#cfgs)* #path { .. } => __f.write_str(#fixed),);
    }
    let mut bound: Vec<&Field> = Vec::new();
    let mut named = Vec::new();
    for arg in &template.args {
        let Some(field) = case.field(&arg.member) else {
            continue;
        };
        bind_once(&mut bound, field);
        if arg.how != How::PathDisplay {
            for used_as in &arg.traits {
                bounds.insert_fmt(field.ty, *used_as);
            }
        }
        let name = proc_macro2::Ident::new(&arg.name, proc_macro2::Span::call_site());
        let value = value(field, arg.how);
        named.push(quote!(#name = #value));
    }
    if let Some(extra) = extra {
        for member in &extra.arg_fields {
            if let Some(field) = case.field(member) {
                bind_once(&mut bound, field);
            }
        }
    }
    // Bound as they are used, at the field's type: also from a `macro_rules!` call, the
    // binding and its uses are then of one hygiene.
    let bindings = bound.iter().map(|field| {
        let member = &field.member;
        let local = binding_at(field);
        quote!(#member: #local)
    });
    let pattern = quote!(#(#cfgs)* #path { #(#bindings,)* .. });
    if let (Some(pieces), None) = (&template.pieces, extra) {
        // Plain `{field}`s only: each piece written in turn, without a nested `format_args!`.
        let writes = pieces.iter().map(|piece| match piece {
            Piece::Text(text) => quote!(__f.write_str(#text)?;),
            Piece::Arg(index) => {
                let arg = &template.args[*index];
                match case.field(&arg.member) {
                    Some(field) => {
                        let value = value(field, arg.how);
                        let borrow = (arg.how == How::PathDisplay).then(|| quote!(&));
                        let f = quote!(__f);
                        quote_spanned!(field.ty.span()=> ::core::fmt::Display::fmt(#borrow #value, #f)?;)
                    }
                    None => TokenStream::new(),
                }
            }
        });
        return quote!(#pattern => { #(#writes)* ::core::result::Result::Ok(()) },);
    }
    if template.this {
        named.push(quote!(__self = self));
    }
    let lit = LitStr::new(&template.rewritten, template.lit.span());
    let args = extra.map(|extra| &extra.args);
    quote!(#pattern => __f.write_fmt(::core::format_args!(#lit #args #(, #named)*)),)
}

/// Adds `field` to the fields an arm binds, unless it is there.
fn bind_once<'c>(bound: &mut Vec<&'c Field<'c>>, field: &'c Field<'c>) {
    for seen in bound.iter() {
        if seen.member == field.member {
            return;
        }
    }
    bound.push(field);
}

/// A field's value as a placeholder takes it (see [`How`]), spanned at its type.
fn value(field: &Field, how: How) -> TokenStream {
    let local = binding_at(field);
    let span = field.ty.span();
    match how {
        How::Ref => quote!(#local),
        How::Value => quote_spanned!(span=> *#local),
        How::PathDisplay => quote_spanned!(span=> #local.display()),
    }
}

/// Appends the arm of a template as source text, when the case has no `#[cfg]` and its
/// template has only plain `{field}`s of types known to be `Display` (numbers, `bool`,
/// `char`, `String`, `str`): no error can be reported in such an arm. Whether it did.
fn text_arm(out: &mut String, case: &Case, template: &Template) -> bool {
    use std::fmt::Write as _;

    if !case.attrs.cfgs.is_empty() {
        return false;
    }
    let fields = match (&template.fixed, &template.pieces) {
        (Some(_), _) => Some(Vec::new()),
        (None, Some(_)) => plain_fields(case, template, |field| known_display(field.ty)),
        (None, None) => None,
    };
    let Some(fields) = fields else {
        return false;
    };
    // A fixed template has no fields to bind.
    push_pattern(out, case, &fields);
    if let Some(fixed) = &template.fixed {
        out.push_str(" .. } => __f.write_str(");
        push_str_literal(out, fixed);
        out.push_str("),\n");
        return true;
    }
    out.push_str(" .. } => {");
    for piece in template.pieces.as_deref().unwrap_or_default() {
        match piece {
            Piece::Text(part) => {
                out.push_str(" __f.write_str(");
                push_str_literal(out, part);
                out.push_str(")?;");
            }
            Piece::Arg(index) => {
                let _ = write!(
                    out,
                    " ::core::fmt::Display::fmt({}, __f)?;",
                    binding(&template.args[*index].member)
                );
            }
        }
    }
    out.push_str(" ::core::result::Result::Ok(()) }\n");
    true
}

/// The fields of `template`'s placeholders, in order, when each is a plain `{field}` (shown
/// by reference) of a field of the case that `accept` takes.
pub fn plain_fields<'c>(
    case: &'c Case,
    template: &Template,
    accept: fn(&Field) -> bool,
) -> Option<Vec<&'c Field<'c>>> {
    let mut fields = Vec::with_capacity(template.args.len());
    for arg in &template.args {
        let field = case.field(&arg.member)?;
        if arg.how != How::Ref || !accept(field) {
            return None;
        }
        fields.push(field);
    }
    Some(fields)
}

/// Whether `ty` is written as a standard type that implements `Display`.
fn known_display(ty: &syn::Type) -> bool {
    const KNOWN: &[&str] = &[
        "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
        "f32", "f64", "bool", "char", "String", "str",
    ];
    match ty {
        syn::Type::Path(path) if path.qself.is_none() => {
            path.path.segments.last().is_some_and(|segment| {
                // The name read once: each comparison of an identifier is a call into the
                // compiler.
                let name = segment.ident.to_string();
                segment.arguments.is_none() && KNOWN.contains(&name.as_str())
            })
        }
        syn::Type::Reference(reference) => known_display(&reference.elem),
        _ => false,
    }
}
