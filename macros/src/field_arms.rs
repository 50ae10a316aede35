//! The arms of a case that lend one of its fields (`fields`, `errors`, `retry_after`) or
//! visit its headers. Each names the field's type in a call spanned at it, so that a type
//! without the trait the call needs is reported at the field.

use proc_macro2::{Span, TokenStream};
use syn::Ident;
use syn::spanned::Spanned;

use crate::ast::{Case, Field};
use crate::emit::{Attrs, binding_at, case_path, fill, fill_spanned};
use crate::generics::InferredBounds;

/// The arm that lends the field as `Some(&target)` (`FieldErrors`, `SubErrors`) through
/// `AsRef`, bound as `local`.
pub fn as_ref_arm(
    case: &Case,
    field: &Field,
    target: &str,
    local: &str,
    bounds: &mut InferredBounds,
) -> TokenStream {
    let ty = field.ty;
    bounds.insert(
        ty,
        fill(
            "::core::convert::AsRef<::apierr::__private::$target>",
            &[("target", &Ident::new(target, Span::call_site()))],
        ),
    );
    let local = Ident::new(local, Span::call_site());
    let borrow = fill_spanned(
        ty.span(),
        "<$ty as ::core::convert::AsRef<::apierr::__private::$target>>::as_ref($local)",
        &[
            ("ty", ty),
            ("target", &Ident::new(target, ty.span())),
            ("local", &local),
        ],
    );
    fill(
        "$cfgs $path { $member: $local, .. } => ::core::option::Option::Some($borrow),",
        &[
            ("cfgs", &Attrs(&case.attrs.cfgs)),
            ("path", &case_path(case)),
            ("member", &field.member),
            ("local", &local),
            ("borrow", &borrow),
        ],
    )
}

/// The arm of `retry_after`: the field's seconds, through `RetryAfter`.
pub fn retry_after_arm(case: &Case, field: &Field, bounds: &mut InferredBounds) -> TokenStream {
    let ty = field.ty;
    bounds.insert(ty, fill("::apierr::__private::RetryAfter", &[]));
    let secs = fill_spanned(
        ty.span(),
        "<$ty as ::apierr::__private::RetryAfter>::retry_after_secs($local)",
        &[
            ("ty", ty),
            ("local", &Ident::new("__retry", Span::call_site())),
        ],
    );
    fill(
        "$cfgs $path { $member: __retry, .. } => $secs,",
        &[
            ("cfgs", &Attrs(&case.attrs.cfgs)),
            ("path", &case_path(case)),
            ("member", &field.member),
            ("secs", &secs),
        ],
    )
}

/// The arm of `visit_headers`: each header field visited with its lowercased name, through
/// `Display`.
pub fn headers_arm(case: &Case, fields: &[&Field], bounds: &mut InferredBounds) -> TokenStream {
    let mut bindings = TokenStream::new();
    let mut visits = TokenStream::new();
    let visit = Ident::new("__visit", Span::call_site());
    for field in fields {
        let local = binding_at(field);
        let name = field
            .attrs
            .header
            .as_ref()
            .map(|lit| lit.value().to_ascii_lowercase())
            .unwrap_or_default();
        let ty = field.ty;
        bounds.insert(ty, fill("::core::fmt::Display", &[]));
        bindings.extend(fill(
            "$member: $local,",
            &[("member", &field.member), ("local", &local)],
        ));
        visits.extend(fill_spanned(
            ty.span(),
            "$visit($name, $local);",
            &[("visit", &visit), ("name", &name), ("local", &local)],
        ));
    }
    fill(
        "$cfgs $path { $bindings .. } => { $visits }",
        &[
            ("cfgs", &Attrs(&case.attrs.cfgs)),
            ("path", &case_path(case)),
            ("bindings", &bindings),
            ("visits", &visits),
        ],
    )
}
