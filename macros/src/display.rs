//! `#[api(display)]`: `Display`, `std::error::Error` and `From` written from thiserror's
//! attributes (`#[error("…")]`, `#[source]`, `#[from]`), so that one derive does the work of
//! two and the type is parsed once per build instead of twice.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::{Case, DisplayAttr, Input};
use crate::expand::{binding, case_path, declared_message, push_str_literal};
use crate::fmt::{Piece, Template};
use crate::generics::InferredBounds;
use crate::source::{as_source, source_arm};

/// The three impls, or nothing when the type did not ask for them.
pub fn expand(input: &Input) -> TokenStream {
    if input.container.display.is_none() {
        return TokenStream::new();
    }
    let original = input.original;
    let ty = &original.ident;
    let (_, ty_generics, _) = original.generics.split_for_impl();
    let impl_generics = crate::generics::impl_generics(&original.generics);
    // The declared bounds only, moved to the where clause like the others.
    let where_clause =
        InferredBounds::new(&original.generics).augment_where_clause(&original.generics);
    let scrutinee = if input.cases.is_empty() {
        quote!(*self)
    } else {
        quote!(self)
    };

    let mut display_bounds = InferredBounds::new(&original.generics);
    let mut error_bounds = InferredBounds::new(&original.generics);
    error_bounds.insert_self(quote!(::core::fmt::Debug + ::core::fmt::Display));
    let mut display_arms = Vec::new();
    // The arms of the common templates, as source text tokenized once (see `text_arm`).
    let mut display_text = String::new();
    let mut source_arms = Vec::new();
    let mut sourceless = false;
    let mut from_impls = Vec::new();
    for case in &input.cases {
        let cfgs = &case.attrs.cfgs;
        let path = case_path(case);
        match &case.display {
            Some(DisplayAttr::Template(template)) => {
                if let Some(text) = text_arm(case, template) {
                    display_text.push_str(&text);
                } else {
                    let (pattern, body) = declared_message(case, template, &mut display_bounds);
                    display_arms.push(quote!(#pattern => #body,));
                }
            }
            Some(DisplayAttr::Transparent(_)) => {
                let Some(field) = case.fields.first() else {
                    continue;
                };
                let member = &field.member;
                let inner = field.ty;
                display_bounds.insert(inner, quote!(::core::fmt::Display));
                error_bounds.insert_exact(inner, quote!(::apierr::__private::Error + 'static));
                let fmt = quote_spanned!(inner.span()=> ::core::fmt::Display::fmt(__inner, __f));
                display_arms.push(quote!(#(#cfgs)* #path { #member: __inner, .. } => #fmt,));
                // Through `AsSource`, so that a boxed `dyn Error` works as well.
                let cast = as_source(inner, &quote!(__inner));
                let source = quote_spanned! {inner.span()=>
                    ::apierr::__private::Error::source(#cast)
                };
                source_arms.push(quote!(#(#cfgs)* #path { #member: __inner, .. } => #source,));
                continue;
            }
            // Reported already: the derive emits its stand-in instead.
            None => {}
        }
        match case.source_field() {
            Some(field) => source_arms.push(source_arm(case, field, &mut error_bounds)),
            None => sourceless = true,
        }
        if let Some(field) = case.fields.iter().find(|field| field.attrs.from.is_some()) {
            let member = &field.member;
            let from_ty = field.ty;
            let local = binding(member);
            from_impls.push(quote! {
                #(#cfgs)*
                #[automatically_derived]
                impl #impl_generics ::core::convert::From<#from_ty> for #ty #ty_generics #where_clause {
                    fn from(#local: #from_ty) -> Self {
                        #path { #member: #local }
                    }
                }
            });
        }
    }
    if !display_text.is_empty() {
        display_arms.push(crate::expand::source(&display_text));
    }
    let display_where = display_bounds.augment_where_clause(&original.generics);
    let error_where = error_bounds.augment_where_clause(&original.generics);
    let none = sourceless.then(|| quote!(_ => ::core::option::Option::None,));
    let source = if source_arms.is_empty() {
        None
    } else {
        Some(quote! {
            fn source(&self) -> ::core::option::Option<&(dyn ::apierr::__private::Error + 'static)> {
                match self { #(#source_arms)* #none }
            }
        })
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics ::core::fmt::Display for #ty #ty_generics #display_where {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match #scrutinee { #(#display_arms)* }
            }
        }

        #[automatically_derived]
        impl #impl_generics ::apierr::__private::Error for #ty #ty_generics #error_where {
            #source
        }

        #(#from_impls)*
    }
}

/// The `Display` arm of a case whose template has only plain `{field}`s of types known to be
/// `Display` (numbers, `bool`, `char`, `String`, `str`), as source text: for an enum of
/// thousands of variants, building each arm token by token is the slowest part of the derive.
/// Text carries no span, so any other field type takes the token path, where a missing
/// `Display` is reported at the field. `None` for those cases.
fn text_arm(case: &Case, template: &Template) -> Option<String> {
    use std::fmt::Write as _;

    if !case.attrs.cfgs.is_empty() {
        return None;
    }
    let mut text = String::with_capacity(96);
    if case.is_variant {
        let _ = write!(text, "Self::{} {{", case.ident);
    } else {
        text.push_str("Self {");
    }
    if let Some(fixed) = &template.fixed {
        text.push_str(" .. } => __f.write_str(");
        push_str_literal(&mut text, fixed);
        text.push_str("),");
        return Some(text);
    }
    let pieces = template.pieces.as_ref()?;
    for arg in &template.args {
        let field = case
            .field(&arg.member)
            .filter(|field| known_display(field.ty))?;
        let _ = write!(
            text,
            " {}: {},",
            member_text(&field.member),
            binding(&field.member)
        );
    }
    text.push_str(" .. } => {");
    for piece in pieces {
        match piece {
            Piece::Text(part) => {
                text.push_str(" __f.write_str(");
                push_str_literal(&mut text, part);
                text.push_str(")?;");
            }
            Piece::Field(member) => {
                let _ = write!(
                    text,
                    " ::core::fmt::Display::fmt({}, __f)?;",
                    binding(member)
                );
            }
        }
    }
    text.push_str(" ::core::result::Result::Ok(()) }");
    Some(text)
}

/// A field as written in a pattern: `name`, `r#type` or `0`.
fn member_text(member: &syn::Member) -> String {
    match member {
        syn::Member::Named(ident) => ident.to_string(),
        syn::Member::Unnamed(index) => index.index.to_string(),
    }
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
                segment.arguments.is_none() && KNOWN.iter().any(|known| segment.ident == known)
            })
        }
        syn::Type::Reference(reference) => known_display(&reference.elem),
        _ => false,
    }
}
