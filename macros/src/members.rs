//! Extension members (`#[api(member)]` fields): `visit_members`, which visits every one, and
//! `member`, which finds one by name without visiting the others. Both are written from one
//! list of the case's members, so that they agree on names, values and `#[cfg]`s.

use proc_macro2::TokenStream;
use syn::spanned::Spanned;

use crate::ast::Case;
use crate::emit::{Attrs, binding_at, case_path, fill, fill_spanned, fixed};
use crate::fmt::binding;
use crate::generics::InferredBounds;

/// A case's arms of `visit_members` and of `member`; `None` when it has no members, and the
/// shared fallback arms serve.
pub fn arms(case: &Case, bounds: &mut InferredBounds) -> Option<(TokenStream, TokenStream)> {
    let members = case.member_fields();
    if members.is_empty() {
        return None;
    }
    let mut bindings = TokenStream::new();
    let mut visits = TokenStream::new();
    let mut found = TokenStream::new();
    for (field, name) in &members {
        bindings.extend(fill(
            "$member: $local,",
            &[
                ("member", &field.member),
                ("local", &binding(&field.member)),
            ],
        ));
        let ty = field.ty;
        bounds.insert(ty, fixed("::apierr::__private::Serialize"));
        // Spanned at the field's type: a type that is not `Serialize` is reported there.
        let member = fill_spanned(
            ty.span(),
            "::apierr::__private::Member::new($name, $local)",
            &[("name", name), ("local", &binding_at(field))],
        );
        visits.extend(fill("__visit($member);", &[("member", &member)]));
        found.extend(fill(
            "$name => ::core::option::Option::Some($member),",
            &[("name", name), ("member", &member)],
        ));
    }
    let pattern = fill(
        "$cfgs $path { $bindings .. }",
        &[
            ("cfgs", &Attrs(&case.attrs.cfgs)),
            ("path", &case_path(case)),
            ("bindings", &bindings),
        ],
    );
    let visit = fill(
        "$pattern => { $visits }",
        &[("pattern", &pattern), ("visits", &visits)],
    );
    // Names are unique within a case (`valid` checks it), so each is one arm.
    let member = fill(
        "$pattern => match __name {
            $found
            _ => ::core::option::Option::None,
        },",
        &[("pattern", &pattern), ("found", &found)],
    );
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
