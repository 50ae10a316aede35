//! Generating the `ApiError` impl.
//!
//! The expansion is kept small because a derive is paid for on every build: each case costs
//! one arm in `spec` and one element of a static array of specs; the other methods only get
//! arms for the cases that differ from what their shared fallback arm does (a static message,
//! the type's `Display`, no field errors, no members…).

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::ext::IdentExt as _;
use syn::spanned::Spanned;
use syn::{DeriveInput, Ident, LitStr, Member};

use crate::ast::{Case, Field, Input};
use crate::ctxt::Ctxt;
use crate::fmt::{Piece, Template};
use crate::generics::InferredBounds;
use crate::{fallback, status, valid};

pub fn derive(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let parsed = Input::from_syn(&cx, input);
    if let Some(parsed) = &parsed {
        valid::check(&cx, parsed);
    }
    match (cx.check(), parsed) {
        (Ok(()), Some(parsed)) => impl_api_error(&parsed),
        (Err(errors), _) => {
            let mut tokens = errors.to_compile_error();
            tokens.extend(fallback::expand(input));
            tokens
        }
        (Ok(()), None) => unreachable!("a union always records an error"),
    }
}

/// One generated method: the arms of the cases that need their own, and whether some case is
/// left to the shared fallback arm.
#[derive(Default)]
struct Method {
    arms: Vec<TokenStream>,
    fallback_used: bool,
}

impl Method {
    fn arm(&mut self, arm: TokenStream) {
        self.arms.push(arm);
    }

    /// The method's `match`, or `None` when no case needs it and the trait's default serves.
    fn body(&self, scrutinee: &TokenStream, fallback: TokenStream) -> Option<TokenStream> {
        if self.arms.is_empty() {
            return None;
        }
        let arms = &self.arms;
        // A fallback arm after arms that cover every case would be unreachable.
        let fallback = self.fallback_used.then(|| quote!(_ => #fallback,));
        Some(quote!(match #scrutinee { #(#arms)* #fallback }))
    }
}

/// How `spec` finds one case's `Spec`; one per case, in order.
enum Slot {
    /// An element of the shared `__SPECS` array: every case, but those below.
    Indexed(usize),
    /// A case under `#[cfg]` (an array element cannot be), with a static of its own, or a
    /// transparent case, which has its inner error's.
    Other {
        pattern: TokenStream,
        /// The `&'static Spec`.
        value: TokenStream,
        /// Its statement in `catalog`.
        catalog: TokenStream,
    },
}

#[derive(Default)]
struct Methods {
    /// The elements of `__SPECS`, as source text (see [`spec_text`]).
    specs: String,
    specs_len: usize,
    cfg_statics: Vec<TokenStream>,
    slots: Vec<Slot>,
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
    /// The first case whose message is the type's `Display`, where a missing `Display` is
    /// reported.
    display_span: Option<Span>,
    /// Whether the internal fallback needs `Display` (a redacted case without a declared
    /// message logs its `Display`).
    internal_display: bool,
}

fn impl_api_error(input: &Input) -> TokenStream {
    let original = input.original;
    let ty = &original.ident;
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

    // `match *self {}` is the only way to match an enum without variants.
    let scrutinee = if input.cases.is_empty() {
        quote!(*self)
    } else {
        quote!(self)
    };
    // The specs, and the `match` of `spec` when every case has its place in `__SPECS`, are
    // written as source text and tokenized once: for an enum of thousands of cases that is
    // much cheaper than building each token, and they hold nothing a user error could be
    // reported at.
    let specs_static = (m.specs_len > 0).then(|| {
        source(&format!(
            "static __SPECS: [::apierr::__private::Spec; {}] = ::apierr::__private::checked_specs([{}]);",
            m.specs_len, m.specs
        ))
    });
    // Every spec without headers or without data names this one, whether in `__SPECS` or a
    // static of its own.
    let no_pairs = input
        .cases
        .iter()
        .any(|case| {
            case.transparent_field().is_none()
                && (case.attrs.headers.is_empty() || case.data.is_empty())
        })
        .then(|| {
            quote!(
                const __NO_PAIRS: &[(&str, &str)] = &[];
            )
        });
    let cfg_statics = &m.cfg_statics;
    let only_indexed = m.slots.iter().all(|slot| matches!(slot, Slot::Indexed(_)));
    let spec_body = if input.cases.is_empty() {
        quote!(match *self {})
    } else if !only_indexed {
        let arms = input
            .cases
            .iter()
            .zip(&m.slots)
            .map(|(case, slot)| match slot {
                Slot::Indexed(index) => {
                    let path = case_path(case);
                    let index = proc_macro2::Literal::usize_unsuffixed(*index);
                    quote!(#path { .. } => &__SPECS[#index],)
                }
                Slot::Other { pattern, value, .. } => quote!(#pattern => #value,),
            });
        quote!(match self { #(#arms)* })
    } else if input.is_enum {
        // An index per arm, not a reference: the smallest arm to compile.
        let mut text = String::from("&__SPECS[match self {");
        for (case, slot) in input.cases.iter().zip(&m.slots) {
            if let Slot::Indexed(index) = slot {
                text.push_str(&format!("Self::{} {{ .. }} => {index},", case.ident));
            }
        }
        text.push_str("}]");
        source(&text)
    } else {
        quote!(&__SPECS[0])
    };
    let catalog = if input.cases.is_empty() {
        None
    } else if only_indexed {
        Some(quote!(for __spec in &__SPECS {
            __visit(__spec);
        }))
    } else {
        let calls = m.slots.iter().map(|slot| match slot {
            Slot::Indexed(index) => {
                let index = proc_macro2::Literal::usize_unsuffixed(*index);
                quote!(__visit(&__SPECS[#index]);)
            }
            Slot::Other { catalog, .. } => catalog.clone(),
        });
        Some(quote!(#(#calls)*))
    };
    let catalog_param = if catalog.is_some() {
        quote!(__visit)
    } else {
        quote!(_)
    };

    // The shared fallback arms. `Display` is called spanned at the first case that needs it,
    // so that a type without one is reported there.
    let display = {
        let span = m.display_span.unwrap_or_else(Span::call_site);
        quote_spanned!(span=> ::core::fmt::Display::fmt(self, __f))
    };
    let spec = quote!(::apierr::__private::ApiError::spec(self));
    let message_fallback = if m.display_span.is_some() {
        quote! {
            match #spec.static_message() {
                ::core::option::Option::Some(__message) => __f.write_str(__message),
                ::core::option::Option::None => #display,
            }
        }
    } else {
        quote!(__f.write_str(#spec.static_message().unwrap_or_default()))
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
            quote! {
                if #spec.is_redacted() {
                    #display
                } else {
                    ::apierr::__private::ApiError::fmt_message(self, __f)
                }
            }
        } else {
            quote!(::apierr::__private::ApiError::fmt_message(self, __f))
        };
        let body = m
            .internal
            .body(&scrutinee, quote!({ #fallback }))
            .unwrap_or(fallback);
        quote! {
            fn fmt_internal(
                &self,
                __f: &mut ::core::fmt::Formatter<'_>,
            ) -> ::core::fmt::Result {
                #body
            }
        }
    });
    let none = quote!(::core::option::Option::None);
    let fields = m.fields.body(&scrutinee, none.clone()).map(|body| {
        quote! {
            fn field_errors(&self) -> ::core::option::Option<&::apierr::__private::FieldErrors> {
                #body
            }
        }
    });
    let sub_errors = m.sub_errors.body(&scrutinee, none.clone()).map(|body| {
        quote! {
            fn sub_errors(&self) -> ::core::option::Option<&::apierr::__private::SubErrors> {
                #body
            }
        }
    });
    let members = crate::members::methods(
        m.members.body(&scrutinee, quote!({})),
        m.member.body(&scrutinee, none.clone()),
    );
    let source = m.source.body(&scrutinee, none.clone()).map(|body| {
        quote! {
            fn source_error(
                &self,
            ) -> ::core::option::Option<&(dyn ::apierr::__private::Error + 'static)> {
                #body
            }
        }
    });
    let retry_after = m.retry_after.body(&scrutinee, none).map(|body| {
        quote! {
            fn retry_after(&self) -> ::core::option::Option<u64> {
                #body
            }
        }
    });
    let headers = m.headers.body(&scrutinee, quote!({})).map(|body| {
        quote! {
            fn visit_headers(
                &self,
                __visit: &mut dyn ::core::ops::FnMut(&'static str, &dyn ::core::fmt::Display),
            ) {
                #body
            }
        }
    });
    let spec_refs = || {
        m.slots
            .iter()
            .map(|slot| match slot {
                Slot::Indexed(index) => {
                    let index = proc_macro2::Literal::usize_unsuffixed(*index);
                    quote!(&__SPECS[#index])
                }
                Slot::Other { value, .. } => value.clone(),
            })
            .collect::<Vec<_>>()
    };
    let code_enum = crate::code_enum::expand(input, spec_refs);
    let display_impls = crate::display::expand(input);
    let code_enum_items = code_enum.as_ref().map(|(item, _)| item);
    let code_enum_impls = code_enum.as_ref().map(|(_, impls)| impls);
    // A static built on first use, not a constant: the expression may be any, such as a call
    // that reads configuration. `boxed_format` is spanned at it, so that a value that is not a
    // format is reported there, with `Format`'s own message.
    let format = input.container.format.as_ref().map(|format| {
        let boxed = quote_spanned!(format.span()=> ::apierr::__private::boxed_format(#format));
        quote! {
            fn format(
                &self,
            ) -> ::core::option::Option<&'static dyn ::apierr::__private::AnyFormat> {
                <Self as ::apierr::__private::ApiError>::declared_format()
            }

            fn declared_format(
            ) -> ::core::option::Option<&'static dyn ::apierr::__private::AnyFormat> {
                static __FORMAT: ::apierr::__private::LazyFormat =
                    ::apierr::__private::LazyFormat::new(|| #boxed);
                ::core::option::Option::Some(&**__FORMAT)
            }
        }
    });

    // Framework impls (axum, actix-web) come from the runtime, whose features decide which
    // exist; the derive itself has no features. `no_response_impls` leaves them to the user.
    let integrations = input.container.no_response_impls.is_none().then(|| {
        quote! {
            ::apierr::__private::integrations! {
                [#impl_generics] [#ty #ty_generics] [#where_clause]
            }
        }
    });

    quote! {
        #code_enum_items

        const _: () = {
            #no_pairs
            #specs_static
            #(#cfg_statics)*

            #[automatically_derived]
            impl #impl_generics ::apierr::__private::ApiError for #ty #ty_generics #where_clause {
                fn spec(&self) -> &'static ::apierr::__private::Spec {
                    #spec_body
                }

                fn fmt_message(
                    &self,
                    __f: &mut ::core::fmt::Formatter<'_>,
                ) -> ::core::fmt::Result {
                    #message
                }

                #internal
                #fields
                #sub_errors
                #members
                #source
                #retry_after
                #headers
                #format

                fn catalog(#catalog_param: &mut dyn ::core::ops::FnMut(&'static ::apierr::__private::Spec)) {
                    #catalog
                }
            }

            #code_enum_impls
            #display_impls
            #integrations
        };
    }
}

/// `Self::Variant`, or `Self` for a struct.
pub fn case_path(case: &Case) -> TokenStream {
    let ident = case.ident;
    if case.is_variant {
        quote!(Self::#ident)
    } else {
        quote!(Self)
    }
}

/// [`binding`] spanned at the field's type, for where the local is used: a bound the field
/// does not meet is then reported at the field, not at the derive.
pub fn binding_at(field: &Field) -> Ident {
    let mut local = binding(&field.member);
    local.set_span(field.ty.span());
    local
}

/// The local a field is bound to: `__f_until`, `__f_0`. The `__f_` prefix keeps fields from
/// shadowing the generated parameters (`__f`, `__visit`) whatever they are called.
pub fn binding(member: &Member) -> Ident {
    match member {
        Member::Named(ident) => {
            let text = ident.to_string();
            format_ident!("__f_{}", text.strip_prefix("r#").unwrap_or(&text))
        }
        Member::Unnamed(index) => format_ident!("__f_{}", index.index),
    }
}

fn transparent_case(case: &Case, field: &Field, m: &mut Methods, bounds: &mut InferredBounds) {
    let cfgs = &case.attrs.cfgs;
    let path = case_path(case);
    let member = &field.member;
    let inner = field.ty;
    bounds.insert_exact(inner, quote!(::apierr::__private::ApiError));
    let pattern = quote!(#(#cfgs)* #path { #member: __inner, .. });
    // Spanned at the field's type: a type that is not an ApiError is reported there.
    let call = |method: &str, args: TokenStream| {
        let method = Ident::new(method, Span::call_site());
        let arm = quote_spanned!(inner.span()=> <#inner as ::apierr::__private::ApiError>::#method(__inner #args));
        quote!(#pattern => #arm,)
    };
    m.slots.push(Slot::Other {
        pattern: pattern.clone(),
        value: quote_spanned!(inner.span()=> <#inner as ::apierr::__private::ApiError>::spec(__inner)),
        catalog: quote_spanned! {inner.span()=>
            #(#cfgs)* <#inner as ::apierr::__private::ApiError>::catalog(__visit);
        },
    });
    m.message.arm(call("fmt_message", quote!(, __f)));
    m.internal.arm(call("fmt_internal", quote!(, __f)));
    m.internal_differs = true;
    m.fields.arm(call("field_errors", quote!()));
    m.sub_errors.arm(call("sub_errors", quote!()));
    m.members.arm(call("visit_members", quote!(, __visit)));
    m.member.arm(call("member", quote!(, __name)));
    m.source.arm(call("source_error", quote!()));
    m.retry_after.arm(call("retry_after", quote!()));
    m.headers.arm(call("visit_headers", quote!(, __visit)));
}

fn plain_case(input: &Input, case: &Case, m: &mut Methods, bounds: &mut InferredBounds) {
    let cfgs = &case.attrs.cfgs;
    let path = case_path(case);
    // Built only for the methods that need an arm for this case: most need none.
    let any = || quote!(#(#cfgs)* #path { .. });
    if cfgs.is_empty() {
        m.slots.push(Slot::Indexed(m.specs_len));
        m.specs_len += 1;
        m.specs.push_str(&spec_text(input, case));
        m.specs.push_str(",\n");
    } else {
        let name = format_ident!("__SPEC_{}", m.cfg_statics.len());
        let spec = source(&spec_text(input, case));
        m.cfg_statics.push(quote! {
            #(#cfgs)* static #name: ::apierr::__private::Spec = ::apierr::__private::checked_spec(#spec);
        });
        m.slots.push(Slot::Other {
            pattern: any(),
            value: quote!(&#name),
            catalog: quote!(#(#cfgs)* __visit(&#name);),
        });
    }

    // What clients see: a static message (kept in the spec), a declared template, or the
    // type's `Display`. Then what logs see, which differs only for a redacted case.
    let redacted = case.is_redacted();
    let declared = case.template.as_ref();
    if static_message(case).is_some() {
        m.message.fallback_used = true;
    } else if let Some(template) = declared {
        let (pattern, body) = declared_message(case, template, bounds);
        m.message.arm(quote!(#pattern => #body,));
    } else {
        m.message.fallback_used = true;
        m.display_span.get_or_insert(case.ident.span());
    }
    if redacted {
        m.internal_differs = true;
        match declared {
            Some(template) => {
                let (pattern, body) = declared_message(case, template, bounds);
                m.internal.arm(quote!(#pattern => #body,));
            }
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
        Some(field) => {
            let member = &field.member;
            let ty = field.ty;
            bounds.insert(
                ty,
                quote!(::core::convert::AsRef<::apierr::__private::FieldErrors>),
            );
            let borrow = quote_spanned! {ty.span()=>
                <#ty as ::core::convert::AsRef<::apierr::__private::FieldErrors>>::as_ref(__fields)
            };
            m.fields.arm(quote! {
                #(#cfgs)* #path { #member: __fields, .. } => ::core::option::Option::Some(#borrow),
            });
        }
        None => m.fields.fallback_used = true,
    }

    match case.errors_field() {
        Some(field) => {
            let member = &field.member;
            let ty = field.ty;
            bounds.insert(
                ty,
                quote!(::core::convert::AsRef<::apierr::__private::SubErrors>),
            );
            // Spanned at the field's type: a type that is not `SubErrors` is reported there.
            let borrow = quote_spanned! {ty.span()=>
                <#ty as ::core::convert::AsRef<::apierr::__private::SubErrors>>::as_ref(__errors)
            };
            m.sub_errors.arm(quote! {
                #(#cfgs)* #path { #member: __errors, .. } => ::core::option::Option::Some(#borrow),
            });
        }
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
        Some(field) => {
            let member = &field.member;
            let ty = field.ty;
            bounds.insert(ty, quote!(::apierr::__private::RetryAfter));
            let secs = quote_spanned!(ty.span()=> <#ty as ::apierr::__private::RetryAfter>::retry_after_secs(__retry));
            m.retry_after.arm(quote! {
                #(#cfgs)* #path { #member: __retry, .. } => #secs,
            });
        }
        None => m.retry_after.fallback_used = true,
    }

    let header_fields: Vec<&Field> = case
        .fields
        .iter()
        .filter(|f| f.attrs.header.is_some())
        .collect();
    if header_fields.is_empty() {
        m.headers.fallback_used = true;
    } else {
        let bindings = header_fields.iter().map(|field| {
            let member = &field.member;
            let local = binding(member);
            quote!(#member: #local)
        });
        let visits: Vec<TokenStream> = header_fields
            .iter()
            .map(|field| {
                let local = binding_at(field);
                let name = field
                    .attrs
                    .header
                    .as_ref()
                    .map(|lit| lit.value().to_ascii_lowercase())
                    .unwrap_or_default();
                let ty = field.ty;
                bounds.insert(ty, quote!(::core::fmt::Display));
                quote_spanned!(ty.span()=> __visit(#name, #local);)
            })
            .collect();
        m.headers.arm(quote! {
            #(#cfgs)* #path { #(#bindings,)* .. } => { #(#visits)* }
        });
    }

    match case.source_field() {
        Some(field) => m.source.arm(crate::source::source_arm(case, field, bounds)),
        None => m.source.fallback_used = true,
    }
}

/// The pattern and body that write a declared `message = "…"` template.
pub fn declared_message(
    case: &Case,
    template: &Template,
    bounds: &mut InferredBounds,
) -> (TokenStream, TokenStream) {
    let cfgs = &case.attrs.cfgs;
    let path = case_path(case);
    if let Some(fixed) = &template.fixed {
        return (
            quote!(#(#cfgs)* #path { .. }),
            quote!(__f.write_str(#fixed)),
        );
    }
    let mut bindings = Vec::new();
    let mut args = Vec::new();
    for arg in &template.args {
        let Some(field) = case.field(&arg.member) else {
            continue;
        };
        let member = &field.member;
        let local = binding(member);
        let used = binding_at(field);
        // As the rewritten template names it: `{0}` as `{__0}`, `{r#type}` as `{__r_type}`.
        let name = crate::fmt::arg_name(&arg.member);
        bounds.insert_fmt(field.ty, arg.used_as);
        bindings.push(quote!(#member: #local));
        args.push(quote!(#name = #used));
    }
    let pattern = quote!(#(#cfgs)* #path { #(#bindings,)* .. });
    if let Some(pieces) = &template.pieces {
        // Plain `{field}`s only: write each piece, skipping a nested `format_args!`.
        let writes = pieces.iter().map(|piece| match piece {
            Piece::Text(text) => quote!(__f.write_str(#text)?;),
            Piece::Field(member) => match case.field(member) {
                Some(field) => {
                    let used = binding_at(field);
                    let ty = field.ty;
                    quote_spanned!(ty.span()=> ::core::fmt::Display::fmt(#used, __f)?;)
                }
                None => TokenStream::new(),
            },
        });
        return (
            pattern,
            quote!({ #(#writes)* ::core::result::Result::Ok(()) }),
        );
    }
    let lit = LitStr::new(&template.rewritten, template.lit.span());
    (
        pattern,
        quote!(__f.write_fmt(::core::format_args!(#lit, #(#args),*))),
    )
}

/// The public message when it never depends on the value: the reason phrase of a redacted
/// case, or a template without interpolation.
fn static_message<'a>(case: &'a Case<'_>) -> Option<&'a str> {
    if case.is_redacted() {
        return Some(status::generic_message(
            case.status.as_ref().map_or(500, |status| status.code),
        ));
    }
    case.fixed_message()
}

/// thiserror's `#[error("…")]` as written, when clients see the `Display` it writes (no
/// `message`, not redacted) and it is a string literal alone; the catalogue describes an
/// undocumented case with it. An enum-wide `#[error]` is not the case's own text.
fn display_template(input: &Input, case: &Case) -> Option<String> {
    if !case.uses_display() || case.is_redacted() || input.container.has_error_attr {
        return None;
    }
    let syn::Meta::List(list) = &case.attrs.error_attr?.meta else {
        return None;
    };
    let mut tokens = list.tokens.clone().into_iter();
    match (tokens.next(), tokens.next()) {
        (Some(proc_macro2::TokenTree::Literal(literal)), None) => match syn::Lit::new(literal) {
            syn::Lit::Str(lit) => Some(lit.value()),
            _ => None,
        },
        _ => None,
    }
}

/// The case's `Spec` as source text: a tuple of its parts (`apierr::__private::RawSpec`). The
/// runtime's `checked_specs` turns the whole array into specs in one `const fn` call, deciding
/// at compile time which texts need JSON escaping (a call per spec would cost the compiler far
/// more, for each of thousands of cases). Strings are written as Rust literals by
/// [`push_str_literal`].
fn spec_text(input: &Input, case: &Case) -> String {
    use std::fmt::Write as _;

    let code = case.code.as_ref().map_or("", |(code, _)| code.as_str());
    let status = case.status.as_ref().map_or(500, |status| status.code);
    // Named as the code does, without the `r#` of a raw identifier (`r#type` is `type`).
    let type_name = input.original.ident.unraw().to_string();
    let variant = if case.is_variant {
        case.ident.unraw().to_string()
    } else {
        String::new()
    };
    let attrs = &case.attrs;
    let value = |lit: Option<&LitStr>| lit.map(LitStr::value).unwrap_or_default();
    let message = static_message(case);
    let texts = [
        value(
            attrs
                .category
                .as_ref()
                .or(input.container.category.as_ref()),
        ),
        attrs.doc.clone().unwrap_or_default(),
        // A redacted case's declared message is its internal one: not kept.
        value(attrs.message.as_ref().filter(|_| !case.is_redacted())),
        message.unwrap_or_default().to_owned(),
        value(attrs.title.as_ref()),
        value(attrs.problem_type.as_ref()),
        value(case.www_authenticate(&input.container)),
        display_template(input, case).unwrap_or_default(),
    ];
    // The bits of the spec's flags. Whether a text needs JSON escaping is not among them: the
    // runtime's `checked_specs` decides it at compile time with the table its writer escapes
    // by, so the derive keeps no copy of that rule that could drift from it and write invalid
    // JSON (a `Spec`'s fields are private: no spec skips the check).
    let flags = [
        (attrs.expose.is_some(), 1),
        (case.is_redacted(), 2),
        (case.fields_field().is_some(), 4),
        (case.retry_after_field().is_some(), 8),
        (message.is_some(), 16),
        (!case.has_members(), 256),
        (case.fields_field().is_none(), 512),
    ]
    .iter()
    .filter(|(set, _)| *set)
    .fold(0u16, |flags, (_, bit)| flags | bit);

    let mut out = String::with_capacity(128);
    // Writing to a `String` cannot fail.
    out.push('(');
    push_str_literal(&mut out, code);
    let _ = write!(out, ", {status}, ");
    push_str_literal(&mut out, &type_name);
    out.push_str(", ");
    push_str_literal(&mut out, &variant);
    out.push_str(", [");
    for text in &texts {
        push_str_literal(&mut out, text);
        out.push_str(", ");
    }
    out.push_str("], ");
    let headers = attrs
        .headers
        .iter()
        .map(|(name, value)| (name.value().to_ascii_lowercase(), value.value()));
    push_pairs(&mut out, headers);
    out.push_str(", ");
    push_pairs(&mut out, case.data.iter().cloned());
    let _ = write!(out, ", {flags})");
    out
}

/// Appends a `&[(name, value)]` of string literals.
fn push_pairs(out: &mut String, pairs: impl ExactSizeIterator<Item = (String, String)>) {
    // An empty `&[]` would be a promoted constant of its own in every spec: they share one.
    if pairs.len() == 0 {
        out.push_str("__NO_PAIRS");
        return;
    }
    out.push_str("&[");
    for (name, value) in pairs {
        out.push('(');
        push_str_literal(out, &name);
        out.push_str(", ");
        push_str_literal(out, &value);
        out.push_str("), ");
    }
    out.push(']');
}

/// Appends `text` as a Rust string literal. `{:?}` escapes it as Rust does, but slowly in the
/// unoptimized build of a proc macro: text that needs no escape is copied. (Rust's escaping,
/// for the generated source, not JSON's, which is the runtime's alone.)
pub fn push_str_literal(out: &mut String, text: &str) {
    use std::fmt::Write as _;

    if text
        .bytes()
        .all(|b| (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\')
    {
        out.push('"');
        out.push_str(text);
        out.push('"');
    } else {
        let _ = write!(out, "{text:?}");
    }
}

/// Tokens of generated source text, lexed by the compiler itself: `proc_macro2`'s own lexer,
/// which it runs first to validate the text, is slow in the unoptimized build of a proc macro.
pub fn source(text: &str) -> TokenStream {
    let tokens = if proc_macro::is_available() {
        text.parse::<proc_macro::TokenStream>()
            .map(TokenStream::from)
            .ok()
    } else {
        text.parse().ok()
    };
    tokens.expect("the derive writes valid Rust source")
}
