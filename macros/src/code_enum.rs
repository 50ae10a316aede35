//! `#[api(code_enum)]`: a fieldless enum of the type's codes, for clients to `match` on.

use proc_macro2::TokenStream;
use quote::{ToTokens, format_ident, quote};
use syn::Ident;
use syn::ext::IdentExt as _;
use syn::spanned::Spanned;

use crate::ast::Input;
use crate::emit::{Attrs, ImplHead, fill, fill_impl, fill_spanned};

/// The code enum's definition, and its impls (which name the spec statics, so they go inside
/// the `const _` block); `None` when the type did not ask for one. `specs` gives, per case,
/// the expression of its `&'static Spec` (unused for a transparent case).
pub fn expand(
    input: &Input,
    specs: impl FnOnce() -> Vec<TokenStream>,
) -> Option<(TokenStream, TokenStream)> {
    let name = input.container.code_enum.as_ref()?;
    let specs = specs();
    let ty = &input.original.ident;
    let vis = &input.original.vis;
    let code_ty = name.clone().unwrap_or_else(|| format_ident!("{}Code", ty));
    let unknown = catch_all_name(input);

    let mut variants = TokenStream::new();
    let mut from_code = TokenStream::new();
    let mut from_inner = TokenStream::new();
    let mut as_str = TokenStream::new();
    let mut spec = TokenStream::new();
    let mut of_error = TokenStream::new();
    // Paths through the types' own names, not `Self::`: in an impl of a trait with an
    // associated item of a variant's name (`FromStr::Err`, `HasCodeEnum::Code`), `Self::Err`
    // would be ambiguous. Neither type is generic (`code_enum` refuses generic types).
    for (case, spec_ref) in input.cases.iter().zip(&specs) {
        let cfgs = &case.attrs.cfgs;
        let ident = case.ident;
        let path = if case.is_variant {
            quote!(#ty::#ident)
        } else {
            quote!(#ty)
        };
        if let Some(field) = case.transparent_field() {
            let inner = field.ty;
            let inner_code = fill_spanned(
                inner.span(),
                "<$inner as ::apierr::__private::HasCodeEnum>::Code",
                &[("inner", inner)],
            );
            // The type as written, without the spaces of its tokens' text.
            let mut doc = String::from("A code of [`");
            for c in inner.to_token_stream().to_string().chars() {
                if c != ' ' {
                    doc.push(c);
                }
            }
            doc.push_str("`].");
            let holes: &[(&str, &dyn ToTokens)] = &[
                ("cfgs", &Attrs(cfgs)),
                ("doc", &doc),
                ("ident", ident),
                ("inner_code", &inner_code),
                ("code_ty", &code_ty),
                ("path", &path),
                ("member", &field.member),
            ];
            variants.extend(fill("$cfgs #[doc = $doc] $ident($inner_code),", holes));
            from_inner.extend(fill(
                "$cfgs
                if let ::core::option::Option::Some(__inner) =
                    ::apierr::__private::known_code::<$inner_code>(__code)
                {
                    return $code_ty::$ident(__inner);
                }",
                holes,
            ));
            as_str.extend(fill(
                "$cfgs $code_ty::$ident(__inner) => ::apierr::__private::ErrorCode::as_str(__inner),",
                holes,
            ));
            spec.extend(fill(
                "$cfgs $code_ty::$ident(__inner) => ::apierr::__private::ErrorCode::spec(__inner),",
                holes,
            ));
            of_error.extend(fill(
                "$cfgs $path { $member: __inner, .. } =>
                    $code_ty::$ident(::apierr::__private::HasCodeEnum::code_enum(__inner)),",
                holes,
            ));
            continue;
        }
        let code = case
            .code
            .as_ref()
            .map(|(code, _)| code.clone())
            .unwrap_or_default();
        let status = case.status.as_ref().map_or(500, |status| status.code);
        let doc = match &case.attrs.doc {
            Some(description) => format!("`{code}` ({status}): {description}"),
            None => format!("`{code}` ({status})"),
        };
        variants.extend(quote!(#(#cfgs)* #[doc = #doc] #ident,));
        from_code.extend(quote!(#(#cfgs)* #code => #code_ty::#ident,));
        as_str.extend(quote!(#(#cfgs)* #code_ty::#ident => #code,));
        spec.extend(quote!(#(#cfgs)* #code_ty::#ident => ::core::option::Option::Some(#spec_ref),));
        of_error.extend(quote!(#(#cfgs)* #path { .. } => #code_ty::#ident,));
    }

    let enum_doc = format!(
        "The codes of [`{ty}`], without their data: what a client matches on. See [`apierr::ErrorCode`]."
    );
    let unknown_doc = "A code this version does not know, kept as received.";
    let item = fill(
        "#[doc = $enum_doc]
        #[derive(
            ::core::fmt::Debug,
            ::core::clone::Clone,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::hash::Hash,
        )]
        $vis enum $code_ty {
            $variants
            #[doc = $unknown_doc]
            $unknown(::std::string::String),
        }",
        &[
            ("enum_doc", &enum_doc),
            ("vis", vis),
            ("code_ty", &code_ty),
            ("variants", &variants),
            ("unknown_doc", &unknown_doc),
            ("unknown", &unknown),
        ],
    );
    let (impl_generics, ty_generics, where_clause) = input.original.generics.split_for_impl();
    let scrutinee = if input.cases.is_empty() {
        quote!(*self)
    } else {
        quote!(self)
    };
    let head = ImplHead {
        impl_generics: &impl_generics,
        ty,
        ty_generics: &ty_generics,
        where_clause: &where_clause,
    };
    let impls = fill_impl(
        "#[automatically_derived]
        impl ::apierr::__private::ErrorCode for $code_ty {
            fn from_code(__code: &str) -> Self {
                match __code {
                    $from_code
                    _ => {
                        $from_inner
                        $code_ty::$unknown(::std::borrow::ToOwned::to_owned(__code))
                    }
                }
            }

            fn as_str(&self) -> &str {
                match self {
                    $as_str
                    $code_ty::$unknown(__code) => __code,
                }
            }

            fn spec(&self) -> ::core::option::Option<&'static ::apierr::__private::Spec> {
                match self {
                    $spec
                    $code_ty::$unknown(_) => ::core::option::Option::None,
                }
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for $code_ty {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                __f.write_str(::apierr::__private::ErrorCode::as_str(self))
            }
        }

        #[automatically_derived]
        impl ::core::str::FromStr for $code_ty {
            type Err = ::core::convert::Infallible;

            fn from_str(
                __code: &str,
            ) -> ::core::result::Result<Self, <Self as ::core::str::FromStr>::Err> {
                ::core::result::Result::Ok(::apierr::__private::ErrorCode::from_code(__code))
            }
        }

        #[automatically_derived]
        impl ::apierr::__private::Serialize for $code_ty {
            fn serialize<__S: ::apierr::__private::Serializer>(
                &self,
                __serializer: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                __serializer.serialize_str(::apierr::__private::ErrorCode::as_str(self))
            }
        }

        #[automatically_derived]
        impl<'de> ::apierr::__private::Deserialize<'de> for $code_ty {
            fn deserialize<__D: ::apierr::__private::Deserializer<'de>>(
                __deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                ::apierr::__private::deserialize_code(__deserializer)
            }
        }

        #[automatically_derived]
        impl $impl_generics ::apierr::__private::HasCodeEnum for $ty $ty_generics $where_clause {
            type Code = $code_ty;

            fn code_enum(&self) -> $code_ty {
                match $scrutinee { $of_error }
            }
        }",
        head,
        &[
            ("code_ty", &code_ty),
            ("from_code", &from_code),
            ("from_inner", &from_inner),
            ("unknown", &unknown),
            ("as_str", &as_str),
            ("spec", &spec),
            ("scrutinee", &scrutinee),
            ("of_error", &of_error),
        ],
    );
    Some((item, impls))
}

/// The catch-all variant's name: `Unknown`, or else `UnknownCode`, `UnknownCode2`… whichever
/// no case uses, so that it never clashes with a variant of the type's own.
fn catch_all_name(input: &Input) -> Ident {
    let taken = |name: &Ident| {
        for case in &input.cases {
            if case.ident.unraw() == *name {
                return true;
            }
        }
        false
    };
    let mut name = format_ident!("Unknown");
    let mut n = 1u32;
    while taken(&name) {
        name = if n == 1 {
            format_ident!("UnknownCode")
        } else {
            format_ident!("UnknownCode{}", n)
        };
        n += 1;
    }
    name
}
