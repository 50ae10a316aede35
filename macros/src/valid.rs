//! Checks that need the whole input: every mistake is recorded, none stops the others.

use std::collections::HashMap;

use quote::ToTokens;
use syn::Member;

use crate::ast::{Case, Input};
use crate::attr::{Attrs, closest};
use crate::ctxt::Ctxt;
use crate::fmt::Template;
use crate::headers;

/// Keys that a `transparent` case takes from its inner error instead.
const NOT_WITH_TRANSPARENT: &[&str] = &[
    "code",
    "status",
    "message",
    "expose",
    "redact",
    "category",
    "title",
    "type",
    "www_authenticate",
    "header",
    "data",
    "allow_success_status",
];

pub fn check(cx: &Ctxt, input: &Input) {
    if let Some(status) = &input.container.status {
        let place = if input.is_enum {
            "the enum"
        } else {
            "the struct"
        };
        let opted_in = input.container.allow_success_status.is_some();
        check_status(cx, status, opted_in, place);
    }
    if let Some(challenge) = &input.container.www_authenticate {
        headers::check_value(cx, challenge, "www_authenticate");
    }
    if input.container.code_enum.is_some() && !input.original.generics.params.is_empty() {
        let span = input.container.key_span("code_enum");
        cx.error_at(
            span.unwrap_or_else(|| input.original.ident.span()),
            "`code_enum` is not supported on a generic type: its code enum could not name the codes of a generic field",
        );
    }
    crate::error_check::input(cx, input);
    for case in &input.cases {
        check_case(cx, input, case);
    }
    check_unique_codes(cx, input);
}

/// Whether `key` was written in `attrs`, however wrongly: a key made missing by a mistake
/// already reported is not reported missing as well.
fn written(attrs: &Attrs, key: &str) -> bool {
    attrs.key_span(key).is_some() || attrs.meant.iter().any(|meant| meant == key)
}

/// Whether `status` is one to answer an error with, reporting it when not. A 2xx is, where
/// `allow_success_status` is on the case or the enum (`opted_in`), for APIs that answer errors
/// with 200; `place` says where it would go.
fn check_status(cx: &Ctxt, status: &crate::attr::Status, opted_in: bool, place: &str) -> bool {
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

fn check_case(cx: &Ctxt, input: &Input, case: &Case) {
    let name = case.ident;
    let where_status = if input.is_enum {
        " here or on the enum"
    } else {
        ""
    };
    if let Some(transparent) = case.attrs.transparent {
        if case.fields.len() != 1 {
            cx.error_at(
                transparent,
                format!(
                    "#[api(transparent)] needs exactly one field, and `{name}` has {}",
                    case.fields.len()
                ),
            );
        }
        for (key, span) in &case.attrs.keys {
            if NOT_WITH_TRANSPARENT.contains(&key.as_str()) {
                cx.error_at(
                    *span,
                    format!(
                        "`{key}` cannot be combined with `transparent`: the inner error supplies it"
                    ),
                );
            }
        }
        for field in &case.fields {
            let marked = field.attrs.fields.or(field.attrs.errors);
            if let Some(span) = marked.or(field.attrs.member_span) {
                cx.error_at(
                    span,
                    "a `transparent` variant's field takes no #[api(...)]: the inner error renders itself",
                );
            }
        }
        return;
    }

    match &case.code {
        // Written, but wrongly or in the wrong place: that mistake is reported already.
        None if written(&case.attrs, "code")
            || written(&case.attrs, "rename_all")
            || written(&input.container, "code")
            || written(&input.container, "rename_all") => {}
        None => {
            let how = if input.is_enum {
                "add #[api(code = \"...\")] here, or #[api(rename_all = \"SCREAMING_SNAKE_CASE\")] on the enum"
            } else {
                "add #[api(code = \"...\")]"
            };
            cx.error_at(name.span(), format!("missing `code` on `{name}`: {how}"));
        }
        Some((code, span)) => {
            if code.is_empty() {
                cx.error_at(*span, "`code` is empty");
            } else if let Some(bad) = code
                .chars()
                .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')))
            {
                cx.error_at(
                    *span,
                    format!(
                        "`code` cannot contain {bad:?}: use ASCII letters, digits, `_`, `-` and `.`"
                    ),
                );
            }
        }
    }

    let status_ok = match &case.status {
        None if written(&case.attrs, "status") || written(&input.container, "status") => false,
        None => {
            cx.error_at(
                name.span(),
                format!("missing `status` on `{name}`: add #[api(status = 400)]{where_status}"),
            );
            false
        }
        // The enum's status is checked once, not once per variant that inherits it.
        Some(status) if case.attrs.status.is_some() => {
            let opted_in = case.attrs.allow_success_status.is_some()
                || input.container.allow_success_status.is_some();
            let place = if input.is_enum {
                "the variant or the enum"
            } else {
                "the struct"
            };
            check_status(cx, status, opted_in, place)
        }
        Some(_) => true,
    };
    if let (Some(span), Some(status), true) =
        (case.attrs.allow_success_status, &case.status, status_ok)
        && !(200..=299).contains(&status.code)
    {
        cx.error_at(
            span,
            format!(
                "`allow_success_status` has no effect: `{name}` answers with {}, not a 2xx status",
                status.code
            ),
        );
    }

    if let (Some(expose), Some(_)) = (case.attrs.expose, case.attrs.redact) {
        cx.error_at(expose, "`expose` and `redact` cannot be combined");
    } else if let Some(expose) = case.attrs.expose {
        if case.attrs.message.is_some() {
            cx.error_at(
                expose,
                "`expose` has no effect with `message`: a declared message is always shown",
            );
        } else if status_ok && case.status.as_ref().is_some_and(|s| s.code < 500) {
            cx.error_at(
                expose,
                "`expose` only applies to a 5xx status: a 4xx message is always shown",
            );
        }
    }

    if let Some(template) = &case.template {
        check_template_fields(cx, case, template, "`message`");
    }

    headers::check(cx, case, status_ok);

    check_errors_fields(cx, case);
    let mut fields_seen = false;
    let mut members: Vec<String> = Vec::new();
    for field in &case.fields {
        if let Some(span) = field.attrs.fields {
            if fields_seen {
                cx.error_at(
                    span,
                    format!("`{name}` has #[api(fields)] on more than one field"),
                );
            }
            fields_seen = true;
            if let Some(member_span) = field.attrs.member_span {
                cx.error_at(member_span, "a field cannot be both `fields` and `member`");
            }
        }
        let Some(member) = &field.attrs.member else {
            continue;
        };
        let span = field.attrs.member_span.unwrap_or(field.span);
        let member_name = match (member, &field.member) {
            (Some(given), _) if given.name.is_empty() => {
                cx.error_at(given.span, "`member` name is empty");
                continue;
            }
            (Some(given), _) => given.name.clone(),
            (None, Member::Named(ident)) => {
                let text = ident.to_string();
                text.strip_prefix("r#").unwrap_or(&text).to_owned()
            }
            (None, Member::Unnamed(_)) => {
                cx.error_at(
                    span,
                    "a tuple field has no name to use: write #[api(member = \"name\")]",
                );
                continue;
            }
        };
        // Any name is allowed, `status` and `code` included: a format leaves out an extension
        // member whose name one of its own members takes, so only the chosen format reserves
        // names, and it does so at run time.
        if members.contains(&member_name) {
            cx.error_at(
                span,
                format!("duplicate member `{member_name}` in `{name}`"),
            );
        }
        members.push(member_name);
    }
}

/// The field marked `#[api(errors)]`: one per case, and only that.
fn check_errors_fields(cx: &Ctxt, case: &Case) {
    let mut seen = false;
    for field in &case.fields {
        let Some(span) = field.attrs.errors else {
            continue;
        };
        if seen {
            cx.error_at(
                span,
                format!("`{}` has #[api(errors)] on more than one field", case.ident),
            );
        }
        seen = true;
        if let Some(member_span) = field.attrs.member_span {
            cx.error_at(member_span, "a field cannot be both `errors` and `member`");
        }
        if field.attrs.fields.is_some() {
            cx.error_at(span, "a field cannot be both `fields` and `errors`");
        }
    }
}

fn check_unique_codes(cx: &Ctxt, input: &Input) {
    // By code, the cases seen so far: a map, as an enum may have thousands of codes.
    let mut seen: HashMap<&str, Vec<&Case>> = HashMap::new();
    for case in &input.cases {
        let Some((code, span)) = &case.code else {
            continue;
        };
        if case.attrs.transparent.is_some() {
            continue;
        }
        let earlier = seen.entry(code.as_str()).or_default();
        // Variants under different `#[cfg]`s may share a code, as alternatives.
        if let Some(other) = earlier.iter().find(|other| !exclusive_cfgs(other, case)) {
            cx.error_at(
                *span,
                format!("duplicate code `{code}`: `{}` already uses it", other.ident),
            );
        }
        earlier.push(case);
    }
}

/// Whether both cases are `#[cfg]`-gated, differently: then they are taken for alternatives.
fn exclusive_cfgs(a: &Case, b: &Case) -> bool {
    let tokens = |case: &Case| -> Vec<String> {
        case.attrs
            .cfgs
            .iter()
            .map(|attr| attr.to_token_stream().to_string())
            .collect()
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
                    let names: Vec<String> = case
                        .fields
                        .iter()
                        .filter_map(|field| match &field.member {
                            Member::Named(ident) => Some(ident.to_string()),
                            Member::Unnamed(_) => None,
                        })
                        .collect();
                    let hint = closest(&ident.to_string(), names.iter().map(String::as_str))
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
