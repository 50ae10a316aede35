//! Checks that need the whole input: every mistake is recorded, none stops the others. Each
//! rule is one function, named after it; the rules of one case are in [`case`].

use quote::ToTokens;
use syn::Member;

use crate::ast::{Case, Input};
use crate::attr::closest;
use crate::attr::keys::ContainerKey;
use crate::ctxt::Ctxt;
use crate::fmt::Template;
use crate::headers;

mod case;

pub fn check(cx: &Ctxt, input: &Input) {
    if let Some(status) = &input.container.status {
        let place = if input.is_enum {
            "the enum"
        } else {
            "the struct"
        };
        let opted_in = input.container.allow_success_status.is_some();
        is_error_status(cx, status, opted_in, place);
    }
    if let Some(challenge) = &input.container.www_authenticate {
        headers::check_value(cx, challenge, "www_authenticate");
    }
    code_enum_is_not_generic(cx, input);
    crate::error_check::input(cx, input);
    for case in &input.cases {
        case::check(cx, input, case);
    }
    codes_are_unique(cx, input);
}

/// `code_enum` names the codes of every field it forwards to, which a generic field has not.
fn code_enum_is_not_generic(cx: &Ctxt, input: &Input) {
    if input.container.code_enum.is_some() && !input.original.generics.params.is_empty() {
        let span = input.container.written.span(ContainerKey::CodeEnum);
        cx.error_at(
            span.unwrap_or_else(|| input.original.ident.span()),
            "`code_enum` is not supported on a generic type: its code enum could not name the codes of a generic field",
        );
    }
}

/// Whether `status` is one to answer an error with, reporting it when not. A 2xx is, where
/// `allow_success_status` is on the case or the enum (`opted_in`), for APIs that answer errors
/// with 200; `place` says where it would go.
fn is_error_status(cx: &Ctxt, status: &crate::attr::Status, opted_in: bool, place: &str) -> bool {
    let written = &status.written;
    if !(100..=999).contains(&status.code) {
        cx.error_at(
            status.span,
            format!("`status = {written}` is not a valid HTTP status"),
        );
        false
    } else if (200..=299).contains(&status.code) && !opted_in {
        cx.error_at(
            status.span,
            format!(
                "`status = {written}` is not an error status: ApiError answers with a 4xx or 5xx status, or with a 2xx where #[api(allow_success_status)] is on {place}"
            ),
        );
        false
    } else if !(200..=299).contains(&status.code) && !(400..=599).contains(&status.code) {
        cx.error_at(
            status.span,
            format!(
                "`status = {written}` is not an error status: ApiError answers with a 4xx or 5xx status"
            ),
        );
        false
    } else {
        true
    }
}

/// No two cases share a code, unless different `#[cfg]`s make them alternatives; a
/// `transparent` case has its inner error's codes, not one of its own.
fn codes_are_unique(cx: &Ctxt, input: &Input) {
    // The cases seen so far, in buckets by a hash of their code, as an enum may have thousands
    // of codes. Not std's `HashMap`, whose generic code was a twentieth of this crate's to
    // compile: a bucket is a short list, compared in full.
    let mask = input.cases.len().next_power_of_two() - 1;
    let mut buckets: Vec<Vec<(&str, &Case)>> = Vec::new();
    buckets.resize_with(mask + 1, Vec::new);
    for case in &input.cases {
        let Some((code, span)) = &case.code else {
            continue;
        };
        if case.attrs.transparent.is_some() {
            continue;
        }
        let bucket = &mut buckets[hash(code) & mask];
        // Variants under different `#[cfg]`s may share a code, as alternatives.
        for (other_code, other) in bucket.iter() {
            if other_code == code && !exclusive_cfgs(other, case) {
                cx.error_at(
                    *span,
                    format!("duplicate code `{code}`: `{}` already uses it", other.ident),
                );
                break;
            }
        }
        bucket.push((code, case));
    }
}

/// FNV-1a: a hash spreading codes over the buckets of [`codes_are_unique`].
fn hash(text: &str) -> usize {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    hash as usize
}

/// Whether both cases are `#[cfg]`-gated, differently: then they are taken for alternatives.
fn exclusive_cfgs(a: &Case, b: &Case) -> bool {
    let tokens = |case: &Case| -> Vec<String> {
        let mut tokens = Vec::new();
        for attr in &case.attrs.cfgs {
            tokens.push(attr.to_token_stream().to_string());
        }
        tokens
    };
    let (a, b) = (tokens(a), tokens(b));
    !a.is_empty() && !b.is_empty() && a != b
}

/// Every field a template interpolates must exist; `what` names the template as written
/// (`message` or `#[error]`).
pub fn check_template_fields(cx: &Ctxt, case: &Case, template: &Template, what: &str) {
    let name = case.ident;
    for arg in &template.args {
        if case.field(&arg.member).is_none() {
            let (field, hint) = match &arg.member {
                Member::Named(ident) => {
                    let mut names = Vec::new();
                    for field in &case.fields {
                        if let Member::Named(ident) = &field.member {
                            names.push(ident.to_string());
                        }
                    }
                    let hint = closest(&ident.to_string(), &mut names.iter().map(String::as_str))
                        .map(|known| format!("; did you mean `{{{known}}}`?"))
                        .unwrap_or_default();
                    (ident.to_string(), hint)
                }
                Member::Unnamed(index) => {
                    let hint = match (case.fields.first().map(|f| &f.member), case.fields.len()) {
                        (Some(Member::Named(first)), _) => {
                            format!("; name a field instead, like `{{{first}}}`")
                        }
                        (_, 0) => String::new(),
                        (_, 1) => "; its only field is `{0}`".to_owned(),
                        (_, n) => format!("; its fields are `{{0}}` to `{{{}}}`", n - 1),
                    };
                    (index.index.to_string(), hint)
                }
            };
            cx.error_spanned_by(
                &template.lit,
                format!("{what} refers to `{{{field}}}`, but `{name}` has no such field{hint}"),
            );
        }
    }
}
