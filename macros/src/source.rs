//! The source of a case: the field marked `#[source]` or `#[from]`, or named `source` (see
//! `error_attr::source_of`); an `Option` of an error is a source when it is `Some`.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::{Case, Field};
use crate::emit::{case_path, fill, fixed};
use crate::error_attr::option_inner;
use crate::generics::InferredBounds;

/// The arm that returns the case's source field as `Some(&dyn Error)`, for `source_error` and,
/// with `display`, `source`.
pub fn source_arm(case: &Case, field: &Field, bounds: &mut InferredBounds) -> TokenStream {
    let cfgs = &case.attrs.cfgs;
    let path = case_path(case);
    let member = &field.member;
    let (ty, optional) = match option_inner(field.ty) {
        Some(inner) => (inner, true),
        None => (field.ty, false),
    };
    bounds.insert_exact(ty, fixed("::apierr::__private::Error + 'static"));
    let cast = as_source(ty, &quote!(__source));
    let value = if optional {
        "match __source {
            ::core::option::Option::Some(__source) => ::core::option::Option::Some($cast),
            ::core::option::Option::None => ::core::option::Option::None,
        }"
    } else {
        "::core::option::Option::Some($cast)"
    };
    let value = fill(value, &[("cast", &cast)]);
    quote! {
        #(#cfgs)* #path { #member: __source, .. } => #value,
    }
}

/// `value.as_source()`, spanned at `ty` (a field that is no error is reported there): a method
/// call, so that autoderef finds `AsSource` for a boxed `dyn Error` too. The trait is brought
/// into scope in a block of its own, around the one call that uses it: an import for the whole
/// method would be unused when every arm that uses it is under a false `#[cfg]`, and the
/// `#[allow(unused_imports)]` that would take is refused by a user's `forbid(unused_imports)`.
pub fn as_source(ty: &syn::Type, value: &TokenStream) -> TokenStream {
    let call = quote_spanned!(ty.span()=> #value.as_source());
    fill(
        "{
            use ::apierr::__private::AsSource as _;
            $call
        }",
        &[("call", &call)],
    )
}
