//! Extension members (`#[api(member)]` fields): `visit_members`, which visits every one, and
//! `member`, which finds one by name without visiting the others. Both are written from one
//! list of the case's members, so that they agree on names, values and `#[cfg]`s.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::Case;
use crate::emit::{binding_at, case_path, fill};
use crate::fmt::binding;
use crate::generics::InferredBounds;

/// A case's arms of `visit_members` and of `member`; `None` when it has no members, and the
/// shared fallback arms serve.
pub fn arms(case: &Case, bounds: &mut InferredBounds) -> Option<(TokenStream, TokenStream)> {
    let members = case.member_fields();
    if members.is_empty() {
        return None;
    }
    let cfgs = &case.attrs.cfgs;
    let path = case_path(case);
    let mut bindings = Vec::with_capacity(members.len());
    let mut visits = Vec::with_capacity(members.len());
    let mut found = Vec::with_capacity(members.len());
    for (field, name) in &members {
        let member = &field.member;
        let local = binding(member);
        bindings.push(quote!(#member: #local));
        let local = binding_at(field);
        let ty = field.ty;
        bounds.insert(ty, quote!(::apierr::__private::Serialize));
        // Spanned at the field's type: a type that is not `Serialize` is reported there.
        let member = quote_spanned!(ty.span()=> ::apierr::__private::Member::new(#name, #local));
        visits.push(quote!(__visit(#member);));
        found.push(quote!(#name => ::core::option::Option::Some(#member),));
    }
    let pattern = quote!(#(#cfgs)* #path { #(#bindings,)* .. });
    let visit = quote!(#pattern => { #(#visits)* });
    // Names are unique within a case (`valid` checks it), so each is one arm.
    let member = quote! {
        #pattern => match __name {
            #(#found)*
            _ => ::core::option::Option::None,
        },
    };
    Some((visit, member))
}

/// The two methods, from the bodies of their `match`es; each `None` when no case needs it.
pub fn methods(visit: Option<TokenStream>, member: Option<TokenStream>) -> TokenStream {
    let mut methods = TokenStream::new();
    if let Some(body) = visit {
        methods.extend(fill(
            "fn visit_members(
                &self,
                __visit: &mut dyn ::core::ops::FnMut(::apierr::__private::Member<'_>),
            ) {
                $body
            }",
            &[("body", &body)],
        ));
    }
    if let Some(body) = member {
        methods.extend(fill(
            "fn member(
                &self,
                __name: &str,
            ) -> ::core::option::Option<::apierr::__private::Member<'_>> {
                $body
            }",
            &[("body", &body)],
        ));
    }
    methods
}
