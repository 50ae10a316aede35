//! `#[api(display)]`: `Display`, `std::error::Error` and `From` written from thiserror's
//! attributes (see `error_attr`), as thiserror's derive writes them, so that one derive does
//! the work of two and the type is parsed once per build instead of twice.

use proc_macro2::TokenStream;
use quote::quote;
use syn::spanned::Spanned;

use crate::ast::{Case, Field, Input};
use crate::emit::{Attrs, ImplHead, case_path, fill, fill_impl, fill_spanned, fixed, type_ident};
use crate::error_attr::{DisplayAttr, option_inner};
use crate::fmt::binding;
use crate::generics::InferredBounds;
use crate::message::Arms;
use crate::source::{as_source, source_arm};

/// The impls, or nothing when the type did not ask for them. `Display` is written when some
/// case has an `#[error(...)]`; without any, the type writes its own, as with thiserror.
pub fn expand(input: &Input) -> TokenStream {
    if input.container.display.is_none() {
        return TokenStream::new();
    }
    let original = input.original;
    let ty = type_ident(original);
    let (_, ty_generics, _) = original.generics.split_for_impl();
    let impl_generics = crate::generics::impl_generics(&original.generics);
    // The declared bounds only, moved to the where clause like the others.
    let where_clause =
        InferredBounds::new(&original.generics).augment_where_clause(&original.generics);
    let head = ImplHead {
        impl_generics: &impl_generics,
        ty: &ty,
        ty_generics: &ty_generics,
        where_clause: &where_clause,
    };
    let scrutinee = if input.cases.is_empty() {
        quote!(*self)
    } else {
        quote!(self)
    };

    let mut display_bounds = InferredBounds::new(&original.generics);
    let mut error_bounds = InferredBounds::new(&original.generics);
    error_bounds.insert_self(fixed("::core::fmt::Debug + ::core::fmt::Display"));
    let mut display_arms = Arms::default();
    let mut source_arms = TokenStream::new();
    let mut sourceless = false;
    let mut from_impls = TokenStream::new();
    // The cases whose `Display` hands the formatter on as it is (`transparent`, `fmt =`), as
    // thiserror's does: the others are written as a format string writes them.
    let mut passing = TokenStream::new();
    let mut passing_cases = 0;
    for case in &input.cases {
        let cfgs = &case.attrs.cfgs;
        let path = case_path(case);
        match &case.display {
            Some(DisplayAttr::Template(fmt)) => {
                display_arms.template(case, &fmt.template, Some(fmt), &mut display_bounds);
            }
            Some(DisplayAttr::Fmt(function)) => {
                display_arms.push(fmt_arm(case, function));
                passing.extend(fill(
                    "$cfgs $path { .. } => false,",
                    &[("cfgs", &Attrs(cfgs)), ("path", &path)],
                ));
                passing_cases += 1;
            }
            Some(DisplayAttr::Transparent(_)) => {
                let Some(field) = case.fields.first() else {
                    continue;
                };
                let inner = field.ty;
                display_bounds.insert(inner, fixed("::core::fmt::Display"));
                error_bounds.insert_exact(inner, fixed("::apierr::__private::Error + 'static"));
                let local = fixed("__inner");
                let pattern = fill(
                    "$cfgs $path { $member: __inner, .. }",
                    &[
                        ("cfgs", &Attrs(cfgs)),
                        ("path", &path),
                        ("member", &field.member),
                    ],
                );
                let fmt = fill_spanned(
                    inner.span(),
                    "::core::fmt::Display::fmt($local, $f)",
                    &[("local", &local), ("f", &fixed("__f"))],
                );
                display_arms.push(fill(
                    "$pattern => $fmt,",
                    &[("pattern", &pattern), ("fmt", &fmt)],
                ));
                passing.extend(fill(
                    "$cfgs $path { .. } => false,",
                    &[("cfgs", &Attrs(cfgs)), ("path", &path)],
                ));
                passing_cases += 1;
                // Through `AsSource`, so that a boxed `dyn Error` works as well.
                let source = fill_spanned(
                    inner.span(),
                    "::apierr::__private::Error::source($cast)",
                    &[("cast", &as_source(inner, &local))],
                );
                source_arms.extend(fill(
                    "$pattern => $source,",
                    &[("pattern", &pattern), ("source", &source)],
                ));
            }
            None => {}
        }
        if !matches!(case.display, Some(DisplayAttr::Transparent(_))) {
            match case.source_field() {
                Some(field) => source_arms.extend(source_arm(case, field, &mut error_bounds)),
                None => sourceless = true,
            }
        }
        if let Some(field) = case.first_field(|field| !field.attrs.thiserror.from.is_empty()) {
            let init = from_init(case, field);
            let from_ty = option_inner(field.ty).unwrap_or(field.ty);
            from_impls.extend(fill_impl(
                "$cfgs
                #[automatically_derived]
                impl $impl_generics ::core::convert::From<$from_ty> for $ty $ty_generics $where_clause {
                    fn from(__source: $from_ty) -> Self {
                        $path $init
                    }
                }",
                head,
                &[
                    ("cfgs", &Attrs(cfgs)),
                    ("from_ty", from_ty),
                    ("path", &path),
                    ("init", &init),
                ],
            ));
        }
    }
    let writes_display = input.cases.is_empty() || !display_arms.is_empty();
    let display = writes_display.then(|| {
        let arms = display_arms.into_tokens();
        let display_where = display_bounds.augment_where_clause(&original.generics);
        // A width, precision or flag given for the whole message (`{:>12}`) reaches none of
        // its fields, as with thiserror's `write!`: the message is then written again through
        // a fresh formatter, which has none. The arms write fields with the formatter they
        // get, which costs far less to compile than a `format_args!` per field.
        let fresh = if input.cases.is_empty() {
            None
        } else if passing_cases == 0 {
            Some(fixed("::apierr::__private::has_options(__f)"))
        } else {
            let all = passing_cases == input.cases.len();
            let rest = (!all).then(|| fixed("_ => true,"));
            Some(fill(
                "::apierr::__private::has_options(__f) && match self { $passing $rest }",
                &[("passing", &passing), ("rest", &rest)],
            ))
        };
        let fresh = fresh.map(|test| {
            fill(
                r#"if $test {
                    return __f.write_fmt(::core::format_args!("{}", self));
                }"#,
                &[("test", &test)],
            )
        });
        fill_impl(
            "#[automatically_derived]
            impl $impl_generics ::core::fmt::Display for $ty $ty_generics $where_clause {
                fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    $fresh
                    match $scrutinee { $arms }
                }
            }",
            head.with_where(&display_where),
            &[
                ("fresh", &fresh),
                ("scrutinee", &scrutinee),
                ("arms", &arms),
            ],
        )
    });
    let error_where = error_bounds.augment_where_clause(&original.generics);
    let none = sourceless.then(|| fixed("_ => ::core::option::Option::None,"));
    let source = if source_arms.is_empty() {
        None
    } else {
        Some(fill(
            "fn source(&self) -> ::core::option::Option<&(dyn ::apierr::__private::Error + 'static)> {
                match self { $source_arms $none }
            }",
            &[("source_arms", &source_arms), ("none", &none)],
        ))
    };
    fill_impl(
        "$display

        #[automatically_derived]
        impl $impl_generics ::apierr::__private::Error for $ty $ty_generics $where_clause {
            $source
        }

        $from_impls",
        head.with_where(&error_where),
        &[
            ("display", &display),
            ("source", &source),
            ("from_impls", &from_impls),
        ],
    )
}

/// With `display`, the stand-ins of the impls of a derive that failed, so that no secondary
/// error follows where the type is used as an error. `Display` only when the derive would
/// write it: without any `#[error]`, the type has its own.
pub fn fallback(parsed: &Input) -> TokenStream {
    if parsed.container.display.is_none() {
        return TokenStream::new();
    }
    let input = parsed.original;
    let ty = type_ident(input);
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let head = ImplHead {
        impl_generics: &impl_generics,
        ty: &ty,
        ty_generics: &ty_generics,
        where_clause: &where_clause,
    };
    let writes_display = crate::error_check::any_error_attr(parsed);
    let display = writes_display.then(|| {
        fill_impl(
            "#[automatically_derived]
            impl $impl_generics ::core::fmt::Display for $ty $ty_generics $where_clause {
                fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::result::Result::Ok(())
                }
            }",
            head,
            &[],
        )
    });
    fill_impl(
        "$display

        #[automatically_derived]
        impl $impl_generics ::apierr::__private::Error for $ty $ty_generics $where_clause
        where
            Self: ::core::fmt::Debug,
        {}",
        head,
        &[("display", &display)],
    )
}

/// The arm of `#[error(fmt = path)]`: the function called with every field, in order, and
/// the formatter.
fn fmt_arm(case: &Case, function: &TokenStream) -> TokenStream {
    let mut bindings = TokenStream::new();
    let mut locals = TokenStream::new();
    for field in &case.fields {
        let local = binding(&field.member);
        bindings.extend(fill(
            "$member: $local,",
            &[("member", &field.member), ("local", &local)],
        ));
        locals.extend(fill("$local,", &[("local", &local)]));
    }
    fill(
        "$cfgs $path { $bindings } => $function($locals __f),",
        &[
            ("cfgs", &Attrs(&case.attrs.cfgs)),
            ("path", &case_path(case)),
            ("bindings", &bindings),
            ("function", function),
            ("locals", &locals),
        ],
    )
}

/// The fields of the value `From` builds from `__source`, which goes to `from`: a backtrace
/// beside it is captured, as thiserror does.
fn from_init(case: &Case, from: &Field) -> TokenStream {
    let mut fields = TokenStream::new();
    for field in &case.fields {
        let value = if field.member != from.member {
            // The only other field `error_check` lets through is the backtrace.
            "::core::convert::From::from(::apierr::__private::Backtrace::capture())"
        } else if option_inner(field.ty).is_some() {
            "::core::option::Option::Some(__source)"
        } else {
            "__source"
        };
        fields.extend(fill(
            "$member: $value,",
            &[("member", &field.member), ("value", &fixed(value))],
        ));
    }
    fill("{ $fields }", &[("fields", &fields)])
}
