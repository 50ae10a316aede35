//! `#[api(display)]`: `Display`, `std::error::Error` and `From` written from thiserror's
//! attributes (`#[error("…")]`, `#[source]`, `#[from]`), so that one derive does the work of
//! two and the type is parsed once per build instead of twice.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::{DisplayAttr, Input};
use crate::expand::{binding, case_path, declared_message};
use crate::generics::InferredBounds;

/// The three impls, or nothing when the type did not ask for them.
pub fn expand(input: &Input) -> TokenStream {
    if input.container.display.is_none() {
        return TokenStream::new();
    }
    let original = input.original;
    let ty = &original.ident;
    let (impl_generics, ty_generics, where_clause) = original.generics.split_for_impl();
    let scrutinee = if input.cases.is_empty() {
        quote!(*self)
    } else {
        quote!(self)
    };

    let mut display_bounds = InferredBounds::new(&original.generics);
    let mut error_bounds = InferredBounds::new(&original.generics);
    error_bounds.insert_self(quote!(::core::fmt::Debug + ::core::fmt::Display));
    let mut display_arms = Vec::new();
    let mut source_arms = Vec::new();
    let mut sourceless = false;
    let mut from_impls = Vec::new();
    for case in &input.cases {
        let cfgs = &case.attrs.cfgs;
        let path = case_path(case);
        match &case.display {
            Some(DisplayAttr::Template(template)) => {
                let (pattern, body) = declared_message(case, template, &mut display_bounds);
                display_arms.push(quote!(#pattern => #body,));
            }
            Some(DisplayAttr::Transparent(_)) => {
                let Some(field) = case.fields.first() else {
                    continue;
                };
                let member = &field.member;
                let inner = field.ty;
                display_bounds.insert(inner, quote!(::core::fmt::Display));
                error_bounds.insert(inner, quote!(::std::error::Error + 'static));
                let fmt = quote_spanned!(inner.span()=> ::core::fmt::Display::fmt(__inner, __f));
                display_arms.push(quote!(#(#cfgs)* #path { #member: __inner, .. } => #fmt,));
                // Through `AsSource`, so that a boxed `dyn Error` works as well.
                let source = quote_spanned! {inner.span()=>
                    ::std::error::Error::source(__inner.as_source())
                };
                source_arms.push(quote!(#(#cfgs)* #path { #member: __inner, .. } => #source,));
                continue;
            }
            // Reported already: the derive emits its stand-in instead.
            None => {}
        }
        match case.source_field() {
            Some(field) => {
                let member = &field.member;
                let ty = field.ty;
                error_bounds.insert(ty, quote!(::std::error::Error + 'static));
                let cast = quote_spanned!(ty.span()=> __source.as_source());
                source_arms.push(quote! {
                    #(#cfgs)* #path { #member: __source, .. } => ::core::option::Option::Some(#cast),
                });
            }
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
    let display_where = display_bounds.augment_where_clause(&original.generics);
    let error_where = error_bounds.augment_where_clause(&original.generics);
    let none = sourceless.then(|| quote!(_ => ::core::option::Option::None,));
    let source = if source_arms.is_empty() {
        None
    } else {
        Some(quote! {
            fn source(&self) -> ::core::option::Option<&(dyn ::std::error::Error + 'static)> {
                #[allow(unused_imports)]
                use ::apierr::AsSource as _;
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
        impl #impl_generics ::std::error::Error for #ty #ty_generics #error_where {
            #source
        }

        #(#from_impls)*
    }
}
