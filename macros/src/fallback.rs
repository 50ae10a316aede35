//! The stand-in impl emitted next to the errors of a failed derive.
//!
//! Without it, every use of the type as an `ApiError` would add an error of its own, burying
//! the ones that say what to fix.

use proc_macro2::TokenStream;
use syn::DeriveInput;

use crate::emit::{ImplHead, fill_impl};

pub fn expand(input: &DeriveInput) -> TokenStream {
    let ty = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let head = ImplHead {
        impl_generics: &impl_generics,
        ty,
        ty_generics: &ty_generics,
        where_clause: &where_clause,
    };
    fill_impl(
        "#[automatically_derived]
        impl $impl_generics ::apierr::__private::ApiError for $ty $ty_generics $where_clause {
            fn spec(&self) -> &'static ::apierr::__private::Spec {
                &::apierr::__private::FALLBACK_SPEC
            }

            fn fmt_message(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::result::Result::Ok(())
            }

            fn catalog(_: &mut dyn ::core::ops::FnMut(&'static ::apierr::__private::Spec)) {}
        }",
        head,
        &[],
    )
}
