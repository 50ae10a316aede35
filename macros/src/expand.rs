//! Generating the `ApiError` impl.
//!
//! The expansion is kept small because a derive is paid for on every build: each case costs
//! one arm in `spec` and one element of a static array of specs; the other methods only get
//! arms for the cases that differ from what their shared fallback arm does (a static message,
//! the type's `Display`, no field errors, no members…).

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{DeriveInput, Ident};

use crate::ast::{Case, Field, Input};
use crate::ctxt::Ctxt;
use crate::emit::{Attrs, ImplHead, case_path, fill, fill_impl, fill_spanned, fixed};
use crate::field_arms::{as_ref_arm, headers_arm, retry_after_arm};
use crate::generics::InferredBounds;
use crate::json_message::JsonArms;
use crate::message::Arms;
use crate::spec::{Specs, static_message};
use crate::{fallback, valid};

pub fn derive(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let parsed = Input::from_syn(&cx, input);
    if let Some(parsed) = &parsed {
        valid::check(&cx, parsed);
    }
    match (cx.check(), parsed) {
        (Ok(()), Some(parsed)) => impl_api_error(&parsed),
        (Err(errors), parsed) => {
            let mut tokens = errors.to_compile_error();
            tokens.extend(fallback::expand(input));
            if let Some(parsed) = &parsed {
                tokens.extend(crate::display::fallback(parsed));
            }
            tokens
        }
        (Ok(()), None) => unreachable!("a union always records an error"),
    }
}

/// One generated method: the arms of the cases that need their own, and whether some case is
/// left to the shared fallback arm.
#[derive(Default)]
struct Method {
    arms: Arms,
    fallback_used: bool,
}

impl Method {
    fn arm(&mut self, arm: TokenStream) {
        self.arms.push(arm);
    }

    /// The method's `match`, or `None` when no case needs it and the trait's default serves.
    fn body(&mut self, scrutinee: &TokenStream, fallback: TokenStream) -> Option<TokenStream> {
        if self.arms.is_empty() {
            return None;
        }
        let arms = std::mem::take(&mut self.arms).into_tokens();
        // A fallback arm after arms that cover every case would be unreachable.
        let fallback = self.fallback_used.then(|| quote!(_ => #fallback,));
        Some(quote!(match #scrutinee { #arms #fallback }))
    }
}

#[derive(Default)]
struct Methods {
    specs: Specs,
    message: Method,
    internal: Method,
    /// Whether some case's internal message differs from its public one (a redacted case).
    internal_differs: bool,
    fields: Method,
    sub_errors: Method,
    members: Method,
    member: Method,
    source: Method,
    retry_after: Method,
    headers: Method,
    /// `write_message_json`'s arms.
    json: JsonArms,
    /// The first case whose message is the type's `Display`, where a missing `Display` is
    /// reported.
    display_span: Option<Span>,
    /// Whether the internal fallback needs `Display` (a redacted case without a declared
    /// message logs its `Display`).
    internal_display: bool,
}

fn impl_api_error(input: &Input) -> TokenStream {
    let original = input.original;
    let ty = crate::emit::type_ident(original);
    let (_, ty_generics, _) = original.generics.split_for_impl();
    let impl_generics = crate::generics::impl_generics(&original.generics);
    let mut bounds = InferredBounds::new(&original.generics);
    let mut m = Methods::default();
    for case in &input.cases {
        match case.transparent_field() {
            Some(field) => transparent_case(case, field, &mut m, &mut bounds),
            None => plain_case(input, case, &mut m, &mut bounds),
        }
    }
    if m.display_span.is_some() {
        bounds.insert_self(quote!(::core::fmt::Display));
    }
    let where_clause = bounds.augment_where_clause(&original.generics);
    let head = ImplHead {
        impl_generics: &impl_generics,
        ty: &ty,
        ty_generics: &ty_generics,
        where_clause: &where_clause,
    };

    // `match *self {}` is the only way to match an enum without variants.
    let scrutinee = if input.cases.is_empty() {
        quote!(*self)
    } else {
        quote!(self)
    };
    let statics = m.specs.statics(input);
    let spec_body = m.specs.spec_body(input);
    let (catalog_param, catalog) = m.specs.catalog(input);

    // The shared fallback arms. `Display` is called spanned at the first case that needs it,
    // so that a type without one is reported there.
    let display = {
        let span = m.display_span.unwrap_or_else(Span::call_site);
        // `self` and `__f` are the derive's own: in a `macro_rules!` the variant may be the
        // caller's, of another hygiene.
        let (this, f) = (quote!(self), quote!(__f));
        let fmt = quote_spanned!(span=> <Self as ::core::fmt::Display>::fmt);
        quote!(#fmt(#this, #f))
    };
    let message_fallback = if m.display_span.is_some() {
        fill(
            "match ::apierr::__private::ApiError::spec(self).static_message() {
                ::core::option::Option::Some(__message) => __f.write_str(__message),
                ::core::option::Option::None => $display,
            }",
            &[("display", &display)],
        )
    } else {
        fixed(
            "__f.write_str(::apierr::__private::ApiError::spec(self).static_message().unwrap_or_default())",
        )
    };
    let message = m
        .message
        .body(&scrutinee, quote!({ #message_fallback }))
        .unwrap_or(if input.cases.is_empty() {
            quote!(match *self {})
        } else {
            message_fallback
        });
    let internal = m.internal_differs.then(|| {
        let fallback = if m.internal_display {
            fill(
                "if ::apierr::__private::ApiError::spec(self).is_redacted() {
                    $display
                } else {
                    ::apierr::__private::ApiError::fmt_message(self, __f)
                }",
                &[("display", &display)],
            )
        } else {
            fixed("::apierr::__private::ApiError::fmt_message(self, __f)")
        };
        let body = m
            .internal
            .body(&scrutinee, quote!({ #fallback }))
            .unwrap_or(fallback);
        fill(
            "fn fmt_internal(
                &self,
                __f: &mut ::core::fmt::Formatter<'_>,
            ) -> ::core::fmt::Result {
                $body
            }",
            &[("body", &body)],
        )
    });
    let none = fixed("::core::option::Option::None");
    // Each method written when its `match` is, around it.
    let method =
        |body: Option<TokenStream>, text: &str| body.map(|body| fill(text, &[("body", &body)]));
    let fields = method(
        m.fields.body(&scrutinee, none.clone()),
        "fn field_errors(&self) -> ::core::option::Option<&::apierr::__private::FieldErrors> {
            $body
        }",
    );
    let sub_errors = method(
        m.sub_errors.body(&scrutinee, none.clone()),
        "fn sub_errors(&self) -> ::core::option::Option<&::apierr::__private::SubErrors> {
            $body
        }",
    );
    let members = crate::members::methods(
        m.members.body(&scrutinee, quote!({})),
        m.member.body(&scrutinee, none.clone()),
    );
    let source_error = method(
        m.source.body(&scrutinee, none.clone()),
        "fn source_error(
            &self,
        ) -> ::core::option::Option<&(dyn ::apierr::__private::Error + 'static)> {
            $body
        }",
    );
    let retry_after = method(
        m.retry_after.body(&scrutinee, none),
        "fn retry_after(&self) -> ::core::option::Option<u64> {
            $body
        }",
    );
    let headers = method(
        m.headers.body(&scrutinee, quote!({})),
        "fn visit_headers(
            &self,
            __visit: &mut dyn ::core::ops::FnMut(&'static str, &dyn ::core::fmt::Display),
        ) {
            $body
        }",
    );
    let json = std::mem::take(&mut m.json).method(&scrutinee, input.cases.len());
    let spec_refs = || m.specs.refs();
    let code_enum = crate::code_enum::expand(input, spec_refs);
    let display_impls = crate::display::expand(input);
    let code_enum_items = code_enum.as_ref().map(|(item, _)| item);
    let code_enum_impls = code_enum.as_ref().map(|(_, impls)| impls);
    // A static built on first use, not a constant: the expression may be any, such as a call
    // that reads configuration. `boxed_format` is spanned at it, so that a value that is not a
    // format is reported there, with `Format`'s own message.
    let format = input.container.format.as_ref().map(|format| {
        let boxed = quote_spanned!(format.span()=> ::apierr::__private::boxed_format(#format));
        fill(
            "fn format(
                &self,
            ) -> ::core::option::Option<&'static dyn ::apierr::__private::AnyFormat> {
                <Self as ::apierr::__private::ApiError>::declared_format()
            }

            fn declared_format(
            ) -> ::core::option::Option<&'static dyn ::apierr::__private::AnyFormat> {
                static __FORMAT: ::apierr::__private::LazyFormat =
                    ::apierr::__private::LazyFormat::new(|| $boxed);
                ::core::option::Option::Some(&**__FORMAT)
            }",
            &[("boxed", &boxed)],
        )
    });

    // Framework impls (axum, actix-web) come from the runtime, whose features decide which
    // exist; the derive itself has no features. `no_response_impls` leaves them to the user.
    let integrations = input.container.no_response_impls.is_none().then(|| {
        fill_impl(
            "::apierr::__private::integrations! {
                [$impl_generics] [$ty $ty_generics] [$where_clause]
            }",
            head,
            &[],
        )
    });

    fill_impl(
        "$code_enum_items

        const _: () = {
            $statics

            #[automatically_derived]
            impl $impl_generics ::apierr::__private::ApiError for $ty $ty_generics $where_clause {
                fn spec(&self) -> &'static ::apierr::__private::Spec {
                    $spec_body
                }

                fn fmt_message(
                    &self,
                    __f: &mut ::core::fmt::Formatter<'_>,
                ) -> ::core::fmt::Result {
                    $message
                }

                $internal
                $json
                $fields
                $sub_errors
                $members
                $source_error
                $retry_after
                $headers
                $format

                fn catalog($catalog_param: &mut dyn ::core::ops::FnMut(&'static ::apierr::__private::Spec)) {
                    $catalog
                }
            }

            $code_enum_impls
            $display_impls
            $integrations
        };",
        head,
        &[
            ("code_enum_items", &code_enum_items),
            ("statics", &statics),
            ("spec_body", &spec_body),
            ("message", &message),
            ("internal", &internal),
            ("json", &json),
            ("fields", &fields),
            ("sub_errors", &sub_errors),
            ("members", &members),
            ("source_error", &source_error),
            ("retry_after", &retry_after),
            ("headers", &headers),
            ("format", &format),
            ("catalog_param", &catalog_param),
            ("catalog", &catalog),
            ("code_enum_impls", &code_enum_impls),
            ("display_impls", &display_impls),
            ("integrations", &integrations),
        ],
    )
}

fn transparent_case(case: &Case, field: &Field, m: &mut Methods, bounds: &mut InferredBounds) {
    let inner = field.ty;
    bounds.insert_exact(inner, fixed("::apierr::__private::ApiError"));
    let pattern = fill(
        "$cfgs $path { $member: __inner, .. }",
        &[
            ("cfgs", &Attrs(&case.attrs.cfgs)),
            ("path", &case_path(case)),
            ("member", &field.member),
        ],
    );
    // Spanned at the field's type: a type that is not an ApiError is reported there. The
    // method, its arguments and `__inner` are the derive's own.
    let call = |method: &str, args: &str| {
        let arm = fill_spanned(
            inner.span(),
            "<$inner as ::apierr::__private::ApiError>::$method($args)",
            &[
                ("inner", inner),
                ("method", &Ident::new(method, Span::call_site())),
                ("args", &fixed(args)),
            ],
        );
        fill("$pattern => $arm,", &[("pattern", &pattern), ("arm", &arm)])
    };
    m.specs.transparent(case, field, pattern.clone());
    m.json.transparent(&pattern, inner);
    m.message.arm(call("fmt_message", "__inner, __f"));
    m.internal.arm(call("fmt_internal", "__inner, __f"));
    m.internal_differs = true;
    m.fields.arm(call("field_errors", "__inner"));
    m.sub_errors.arm(call("sub_errors", "__inner"));
    m.members.arm(call("visit_members", "__inner, __visit"));
    m.member.arm(call("member", "__inner, __name"));
    m.source.arm(call("source_error", "__inner"));
    m.retry_after.arm(call("retry_after", "__inner"));
    m.headers.arm(call("visit_headers", "__inner, __visit"));
}

fn plain_case(input: &Input, case: &Case, m: &mut Methods, bounds: &mut InferredBounds) {
    m.specs.plain(input, case);
    m.json.plain(input, case);

    // What clients see: a static message (kept in the spec), a declared template, or the
    // type's `Display`. Then what logs see, which differs only for a redacted case.
    let redacted = case.is_redacted();
    let declared = case.template.as_ref();
    if static_message(case).is_some() {
        m.message.fallback_used = true;
    } else if let Some(template) = declared {
        m.message.arms.template(case, template, None, bounds);
    } else {
        m.message.fallback_used = true;
        m.display_span.get_or_insert(case.ident.span());
    }
    if redacted {
        m.internal_differs = true;
        match declared {
            Some(template) => m.internal.arms.template(case, template, None, bounds),
            None => {
                m.internal.fallback_used = true;
                m.internal_display = true;
                m.display_span.get_or_insert(case.ident.span());
            }
        }
    } else {
        m.internal.fallback_used = true;
    }

    match case.fields_field() {
        Some(field) => m
            .fields
            .arm(as_ref_arm(case, field, "FieldErrors", "__fields", bounds)),
        None => m.fields.fallback_used = true,
    }
    match case.errors_field() {
        Some(field) => m
            .sub_errors
            .arm(as_ref_arm(case, field, "SubErrors", "__errors", bounds)),
        None => m.sub_errors.fallback_used = true,
    }

    match crate::members::arms(case, bounds) {
        Some((visit, member)) => {
            m.members.arm(visit);
            m.member.arm(member);
        }
        None => {
            m.members.fallback_used = true;
            m.member.fallback_used = true;
        }
    }

    match case.retry_after_field() {
        Some(field) => m.retry_after.arm(retry_after_arm(case, field, bounds)),
        None => m.retry_after.fallback_used = true,
    }

    let mut header_fields: Vec<&Field> = Vec::new();
    for field in &case.fields {
        if field.attrs.header.is_some() {
            header_fields.push(field);
        }
    }
    if header_fields.is_empty() {
        m.headers.fallback_used = true;
    } else {
        m.headers.arm(headers_arm(case, &header_fields, bounds));
    }

    match case.source_field() {
        Some(field) => m.source.arm(crate::source::source_arm(case, field, bounds)),
        None => m.source.fallback_used = true,
    }
}
