//! Generating the `ApiError` impl.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{DeriveInput, Ident, LitStr, Member};

use crate::ast::{Case, Field, Input};
use crate::ctxt::Ctxt;
use crate::fmt::Piece;
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

/// The arms of every generated method, one per case, in declaration order.
#[derive(Default)]
struct Arms {
    statics: Vec<TokenStream>,
    spec: Vec<TokenStream>,
    message: Vec<TokenStream>,
    internal: Vec<TokenStream>,
    fields: Vec<TokenStream>,
    members: Vec<TokenStream>,
    source: Vec<TokenStream>,
    retry_after: Vec<TokenStream>,
    headers: Vec<TokenStream>,
    catalog: Vec<TokenStream>,
    /// Which optional methods some case needs; the trait's defaults serve the others.
    need_internal: bool,
    need_fields: bool,
    need_members: bool,
    need_source: bool,
    need_retry_after: bool,
    need_headers: bool,
}

fn impl_api_error(input: &Input) -> TokenStream {
    let original = input.original;
    let ty = &original.ident;
    let (impl_generics, ty_generics, _) = original.generics.split_for_impl();
    let mut bounds = InferredBounds::new(&original.generics);
    let mut arms = Arms::default();
    for (index, case) in input.cases.iter().enumerate() {
        match case.transparent_field() {
            Some(field) => transparent_case(case, field, &mut arms, &mut bounds),
            None => plain_case(input, case, index, &mut arms, &mut bounds),
        }
    }
    let where_clause = bounds.augment_where_clause(&original.generics);
    let Arms {
        statics,
        spec,
        message,
        internal,
        fields,
        members,
        source,
        retry_after,
        headers,
        catalog,
        ..
    } = &arms;

    // `match *self {}` is the only way to match an enum without variants.
    let scrutinee = if input.cases.is_empty() {
        quote!(*self)
    } else {
        quote!(self)
    };
    let internal = arms.need_internal.then(|| {
        quote! {
            fn fmt_internal(
                &self,
                __f: &mut ::core::fmt::Formatter<'_>,
            ) -> ::core::fmt::Result {
                match #scrutinee { #(#internal)* }
            }
        }
    });
    let fields = arms.need_fields.then(|| {
        quote! {
            fn field_errors(&self) -> ::core::option::Option<&::apierr::FieldErrors> {
                match #scrutinee { #(#fields)* }
            }
        }
    });
    let members = arms.need_members.then(|| {
        quote! {
            fn visit_members(
                &self,
                __visit: &mut dyn ::core::ops::FnMut(::apierr::Member<'_>),
            ) {
                match #scrutinee { #(#members)* }
            }
        }
    });
    let source = arms.need_source.then(|| {
        quote! {
            fn source_error(
                &self,
            ) -> ::core::option::Option<&(dyn ::apierr::__private::Error + 'static)> {
                #[allow(unused_imports)]
                use ::apierr::AsSource as _;
                match #scrutinee { #(#source)* }
            }
        }
    });
    let retry_after = arms.need_retry_after.then(|| {
        quote! {
            fn retry_after(&self) -> ::core::option::Option<u64> {
                match #scrutinee { #(#retry_after)* }
            }
        }
    });
    let headers = arms.need_headers.then(|| {
        quote! {
            fn visit_headers(
                &self,
                __visit: &mut dyn ::core::ops::FnMut(&'static str, &dyn ::core::fmt::Display),
            ) {
                match #scrutinee { #(#headers)* }
            }
        }
    });
    let code_enum = crate::code_enum::expand(input);
    let code_enum_items = code_enum.as_ref().map(|(item, _)| item);
    let code_enum_impls = code_enum.as_ref().map(|(_, impls)| impls);
    let format = input.container.format.as_ref().map(|format| {
        let constant = quote_spanned! {format.span()=>
            const __FORMAT: &dyn ::apierr::__private::AnyFormat = &#format;
        };
        quote! {
            fn format(
                &self,
            ) -> ::core::option::Option<&'static dyn ::apierr::__private::AnyFormat> {
                #constant
                ::core::option::Option::Some(__FORMAT)
            }
        }
    });
    let catalog_param = if catalog.is_empty() {
        quote!(_)
    } else {
        quote!(__visit)
    };

    quote! {
        #code_enum_items

        const _: () = {
            #(#statics)*

            #[automatically_derived]
            impl #impl_generics ::apierr::ApiError for #ty #ty_generics #where_clause {
                fn spec(&self) -> &'static ::apierr::Spec {
                    match #scrutinee { #(#spec)* }
                }

                fn fmt_message(
                    &self,
                    __f: &mut ::core::fmt::Formatter<'_>,
                ) -> ::core::fmt::Result {
                    match #scrutinee { #(#message)* }
                }

                #internal
                #fields
                #members
                #source
                #retry_after
                #headers
                #format

                fn catalog(#catalog_param: &mut dyn ::core::ops::FnMut(&'static ::apierr::Spec)) {
                    #(#catalog)*
                }
            }

            #code_enum_impls

            // Framework impls (axum, actix-web) come from the runtime, whose features decide
            // which exist; the derive itself has no features.
            ::apierr::__private::integrations! {
                [#impl_generics] [#ty #ty_generics] [#where_clause]
            }
        };
    }
}

/// `Self::Variant`, or `Self` for a struct.
fn case_path(case: &Case) -> TokenStream {
    let ident = case.ident;
    if case.is_variant {
        quote!(Self::#ident)
    } else {
        quote!(Self)
    }
}

/// [`binding`] spanned at the field's type, for where the local is used: a bound the field
/// does not meet is then reported at the field, not at the derive.
fn binding_at(field: &Field) -> Ident {
    let mut local = binding(&field.member);
    local.set_span(field.ty.span());
    local
}

/// The local a field is bound to: `__f_until`, `__f_0`. The `__f_` prefix keeps fields from
/// shadowing the generated parameters (`__f`, `__visit`) whatever they are called.
fn binding(member: &Member) -> Ident {
    match member {
        Member::Named(ident) => {
            let text = ident.to_string();
            format_ident!("__f_{}", text.strip_prefix("r#").unwrap_or(&text))
        }
        Member::Unnamed(index) => format_ident!("__f_{}", index.index),
    }
}

fn transparent_case(case: &Case, field: &Field, arms: &mut Arms, bounds: &mut InferredBounds) {
    let cfgs = &case.attrs.cfgs;
    let path = case_path(case);
    let member = &field.member;
    let inner = field.ty;
    bounds.insert(inner, quote!(::apierr::ApiError));
    let pattern = quote!(#(#cfgs)* #path { #member: __inner, .. });
    // Spanned at the field's type: a type that is not an ApiError is reported there.
    let call = |method: TokenStream| quote_spanned!(inner.span()=> <#inner as ::apierr::ApiError>::#method);
    let (spec, message, internal, fields, members, source) = (
        call(quote!(spec)),
        call(quote!(fmt_message)),
        call(quote!(fmt_internal)),
        call(quote!(field_errors)),
        call(quote!(visit_members)),
        call(quote!(source_error)),
    );
    let (retry_after, headers) = (call(quote!(retry_after)), call(quote!(visit_headers)));
    arms.retry_after
        .push(quote!(#pattern => #retry_after(__inner),));
    arms.headers
        .push(quote!(#pattern => #headers(__inner, __visit),));
    arms.need_retry_after = true;
    arms.need_headers = true;
    arms.spec.push(quote!(#pattern => #spec(__inner),));
    arms.message
        .push(quote!(#pattern => #message(__inner, __f),));
    arms.internal
        .push(quote!(#pattern => #internal(__inner, __f),));
    arms.fields.push(quote!(#pattern => #fields(__inner),));
    arms.members
        .push(quote!(#pattern => #members(__inner, __visit),));
    arms.source.push(quote!(#pattern => #source(__inner),));
    arms.catalog.push(quote_spanned! {inner.span()=>
        #(#cfgs)* <#inner as ::apierr::ApiError>::catalog(__visit);
    });
    arms.need_internal = true;
    arms.need_fields = true;
    arms.need_members = true;
    arms.need_source = true;
}

fn plain_case(
    input: &Input,
    case: &Case,
    index: usize,
    arms: &mut Arms,
    bounds: &mut InferredBounds,
) {
    let cfgs = &case.attrs.cfgs;
    let path = case_path(case);
    let any = quote!(#(#cfgs)* #path { .. });
    let spec_static = format_ident!("__SPEC_{}", index);
    let spec = spec_builder(input, case);
    arms.statics
        .push(quote!(#(#cfgs)* static #spec_static: ::apierr::Spec = #spec;));
    arms.spec.push(quote!(#any => &#spec_static,));
    arms.catalog.push(quote!(#(#cfgs)* __visit(&#spec_static);));

    // What clients see, then what logs see when that differs.
    let declared = declared_message(case, bounds);
    let display = {
        let ident = case.ident;
        quote_spanned!(ident.span()=> ::core::fmt::Display::fmt(self, __f))
    };
    if case.written_template().is_none() {
        bounds.insert_self(quote!(::core::fmt::Display));
    }
    let shown = declared.unwrap_or_else(|| (any.clone(), display));
    if case.is_redacted() {
        let generic = generic_message(case);
        arms.message.push(quote!(#any => __f.write_str(#generic),));
        let (pattern, body) = shown;
        arms.internal.push(quote!(#pattern => #body,));
        arms.need_internal = true;
    } else {
        let (pattern, body) = shown;
        arms.message.push(quote!(#pattern => #body,));
        arms.internal
            .push(quote!(#any => ::apierr::ApiError::fmt_message(self, __f),));
    }

    match case.fields_field() {
        Some(field) => {
            let member = &field.member;
            let ty = field.ty;
            bounds.insert(ty, quote!(::core::convert::AsRef<::apierr::FieldErrors>));
            let borrow = quote_spanned! {ty.span()=>
                <#ty as ::core::convert::AsRef<::apierr::FieldErrors>>::as_ref(__fields)
            };
            arms.fields.push(quote! {
                #(#cfgs)* #path { #member: __fields, .. } => ::core::option::Option::Some(#borrow),
            });
            arms.need_fields = true;
        }
        None => arms
            .fields
            .push(quote!(#any => ::core::option::Option::None,)),
    }

    let member_fields: Vec<(&Field, String)> = case
        .fields
        .iter()
        .filter_map(|field| {
            let name = match (field.attrs.member.as_ref()?, &field.member) {
                (Some(given), _) => given.name.clone(),
                (None, Member::Named(ident)) => {
                    let text = ident.to_string();
                    text.strip_prefix("r#").unwrap_or(&text).to_owned()
                }
                (None, Member::Unnamed(_)) => return None,
            };
            Some((field, name))
        })
        .collect();
    if member_fields.is_empty() {
        arms.members.push(quote!(#any => {}));
    } else {
        let bindings: Vec<TokenStream> = member_fields
            .iter()
            .map(|(field, _)| {
                let member = &field.member;
                let local = binding(member);
                quote!(#member: #local)
            })
            .collect();
        let visits = member_fields.iter().map(|(field, name)| {
            let local = binding_at(field);
            let ty = field.ty;
            bounds.insert(ty, quote!(::apierr::serde::Serialize));
            quote_spanned!(ty.span()=> __visit(::apierr::Member::new(#name, #local));)
        });
        arms.members.push(quote! {
            #(#cfgs)* #path { #(#bindings,)* .. } => { #(#visits)* }
        });
        arms.need_members = true;
    }

    match case.retry_after_field() {
        Some(field) => {
            let member = &field.member;
            let ty = field.ty;
            bounds.insert(ty, quote!(::apierr::RetryAfter));
            let secs = quote_spanned!(ty.span()=> <#ty as ::apierr::RetryAfter>::retry_after_secs(__retry));
            arms.retry_after.push(quote! {
                #(#cfgs)* #path { #member: __retry, .. } => #secs,
            });
            arms.need_retry_after = true;
        }
        None => arms
            .retry_after
            .push(quote!(#any => ::core::option::Option::None,)),
    }

    let header_fields: Vec<&Field> = case
        .fields
        .iter()
        .filter(|f| f.attrs.header.is_some())
        .collect();
    if header_fields.is_empty() {
        arms.headers.push(quote!(#any => {}));
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
        arms.headers.push(quote! {
            #(#cfgs)* #path { #(#bindings,)* .. } => { #(#visits)* }
        });
        arms.need_headers = true;
    }

    match case.source_field() {
        Some(field) => {
            let member = &field.member;
            let ty = field.ty;
            bounds.insert(ty, quote!(::apierr::__private::Error + 'static));
            let cast = quote_spanned!(ty.span()=> __source.as_source());
            arms.source.push(quote! {
                #(#cfgs)* #path { #member: __source, .. } => ::core::option::Option::Some(#cast),
            });
            arms.need_source = true;
        }
        None => arms
            .source
            .push(quote!(#any => ::core::option::Option::None,)),
    }
}

/// The pattern and body that write a declared `message`, or `None` for the `Display` fallback.
fn declared_message(
    case: &Case,
    bounds: &mut InferredBounds,
) -> Option<(TokenStream, TokenStream)> {
    let cfgs = &case.attrs.cfgs;
    let path = case_path(case);
    let template = case.written_template()?;
    if let Some(fixed) = &template.fixed {
        return Some((
            quote!(#(#cfgs)* #path { .. }),
            quote!(__f.write_str(#fixed)),
        ));
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
        // The template names `{0}` as `{__0}` (see `fmt::Template::rewritten`).
        let name = match member {
            Member::Named(ident) => ident.clone(),
            Member::Unnamed(index) => format_ident!("__{}", index.index),
        };
        let fmt_trait = Ident::new(arg.used_as.name(), Span::call_site());
        bounds.insert(field.ty, quote!(::core::fmt::#fmt_trait));
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
        return Some((
            pattern,
            quote!({ #(#writes)* ::core::result::Result::Ok(()) }),
        ));
    }
    let lit = LitStr::new(&template.rewritten, template.lit.span());
    Some((
        pattern,
        quote!(__f.write_fmt(::core::format_args!(#lit, #(#args),*))),
    ))
}

fn generic_message(case: &Case) -> &'static str {
    status::generic_message(case.status.as_ref().map_or(500, |status| status.code))
}

/// `Spec::new(code, status, type).with_…(…)…`, a constant expression.
fn spec_builder(input: &Input, case: &Case) -> TokenStream {
    let code = case
        .code
        .as_ref()
        .map_or_else(String::new, |(code, _)| code.clone());
    let status = case.status.as_ref().map_or(500, |status| status.code);
    let type_name = input.original.ident.to_string();
    let mut spec = quote!(::apierr::Spec::new(#code, #status, #type_name));
    if case.is_variant {
        let variant = case.ident.to_string();
        spec.extend(quote!(.with_variant(#variant)));
    }
    let attrs = &case.attrs;
    if let Some(category) = attrs
        .category
        .as_ref()
        .or(input.container.category.as_ref())
    {
        spec.extend(quote!(.with_category(#category)));
    }
    if let Some(doc) = &attrs.doc {
        spec.extend(quote!(.with_description(#doc)));
    }
    if let Some(template) = &attrs.message {
        spec.extend(quote!(.with_message_template(#template)));
    }
    if case.is_redacted() {
        let generic = generic_message(case);
        spec.extend(quote!(.with_static_message(#generic).redacted()));
    } else if let Some(fixed) = case.written_template().and_then(|t| t.fixed.as_ref()) {
        spec.extend(quote!(.with_static_message(#fixed)));
    }
    if let Some(title) = &attrs.title {
        spec.extend(quote!(.with_title(#title)));
    }
    if let Some(uri) = &attrs.problem_type {
        spec.extend(quote!(.with_problem_type(#uri)));
    }
    if attrs.expose.is_some() {
        spec.extend(quote!(.exposed()));
    }
    if case.fields_field().is_some() {
        spec.extend(quote!(.with_field_errors()));
    }
    if let Some(challenge) = case.www_authenticate(&input.container) {
        spec.extend(quote!(.with_www_authenticate(#challenge)));
    }
    if !attrs.headers.is_empty() {
        let pairs = attrs.headers.iter().map(|(name, value)| {
            let name = name.value().to_ascii_lowercase();
            quote!((#name, #value))
        });
        spec.extend(quote!(.with_headers(&[#(#pairs),*])));
    }
    if case.retry_after_field().is_some() {
        spec.extend(quote!(.with_retry_after()));
    }
    spec
}
