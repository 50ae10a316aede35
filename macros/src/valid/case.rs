//! The rules of one case, a variant or the struct: each one function, named after the rule,
//! run in the order their errors are reported.

use proc_macro2::Span;

use crate::ast::{Case, Field, Input, NoMemberName};
use crate::attr::FieldAttrs;
use crate::attr::keys::{CaseKey, ContainerKey, FieldKey, Key};
use crate::ctxt::Ctxt;
use crate::headers;

/// Checks `case`, a case of `input`.
pub(super) fn check(cx: &Ctxt, input: &Input, case: &Case) {
    if case.attrs.transparent.is_some() {
        transparent_has_one_field(cx, case);
        transparent_takes_no_keys(cx, case);
        transparent_fields_take_no_keys(cx, case);
        return;
    }
    code_is_declared(cx, input, case);
    code_uses_safe_characters(cx, case);
    let status_ok = status_is_declared_and_valid(cx, input, case);
    allow_success_status_has_effect(cx, case, status_ok);
    if expose_excludes_redact(cx, case) {
        expose_has_effect(cx, case, status_ok);
    }
    if let Some(template) = &case.template {
        super::check_template_fields(cx, case, template, "`message`");
    }
    headers::check(cx, case, status_ok);
    one_errors_field(cx, case);
    one_fields_field(cx, case);
    members_are_named_once(cx, case);
}

/// Whether `key` was written on the case or on the type, however wrongly: a key made missing
/// by a mistake already reported is not reported missing as well.
fn written(input: &Input, case: &Case, key: impl Key) -> bool {
    case.attrs.written.any(key) || input.container.written.any(key)
}

/// `transparent` forwards to exactly one field.
fn transparent_has_one_field(cx: &Ctxt, case: &Case) {
    if let (Some(transparent), false) = (case.attrs.transparent, case.fields.len() == 1) {
        cx.error_at(
            transparent,
            format!(
                "#[api(transparent)] needs exactly one field, and `{}` has {}",
                case.ident,
                case.fields.len()
            ),
        );
    }
}

/// A `transparent` case takes what its inner error supplies from it, not from keys.
fn transparent_takes_no_keys(cx: &Ctxt, case: &Case) {
    for (key, span) in case.attrs.keys_supplied_by_inner_error() {
        cx.error_at(
            span,
            format!("`{key}` cannot be combined with `transparent`: the inner error supplies it"),
        );
    }
}

/// A `transparent` case's field is rendered by the inner error, so it takes no field keys.
fn transparent_fields_take_no_keys(cx: &Ctxt, case: &Case) {
    for field in &case.fields {
        let marked = field.attrs.fields.or(field.attrs.errors);
        if let Some(span) = marked.or(field.attrs.member_span) {
            cx.error_at(
                span,
                "a `transparent` variant's field takes no #[api(...)]: the inner error renders itself",
            );
        }
    }
}

/// Every case has a code: its own, or one `rename_all` derives.
fn code_is_declared(cx: &Ctxt, input: &Input, case: &Case) {
    // Written, but wrongly or in the wrong place: that mistake is reported already.
    if case.code.is_some()
        || written(input, case, CaseKey::Code)
        || written(input, case, ContainerKey::RenameAll)
    {
        return;
    }
    let name = case.ident;
    let how = if input.is_enum {
        "add #[api(code = \"...\")] here, or #[api(rename_all = \"SCREAMING_SNAKE_CASE\")] on the enum"
    } else {
        "add #[api(code = \"...\")]"
    };
    cx.error_at(name.span(), format!("missing `code` on `{name}`: {how}"));
}

/// A code is ASCII letters, digits, `_`, `-` and `.`, and not empty.
fn code_uses_safe_characters(cx: &Ctxt, case: &Case) {
    let Some((code, span)) = &case.code else {
        return;
    };
    let mut bad = None;
    for c in code.chars() {
        if !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')) {
            bad = Some(c);
            break;
        }
    }
    if code.is_empty() {
        cx.error_at(*span, "`code` is empty");
    } else if let Some(bad) = bad {
        cx.error_at(
            *span,
            format!("`code` cannot contain {bad:?}: use ASCII letters, digits, `_`, `-` and `.`"),
        );
    }
}

/// Every case has an error status: its own or the enum's. Returns whether it has a good one.
fn status_is_declared_and_valid(cx: &Ctxt, input: &Input, case: &Case) -> bool {
    let name = case.ident;
    match &case.status {
        None if written(input, case, CaseKey::Status) => false,
        None => {
            let where_status = if input.is_enum {
                " here or on the enum"
            } else {
                ""
            };
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
            super::is_error_status(cx, status, opted_in, place)
        }
        Some(_) => true,
    }
}

/// `allow_success_status` on a case is only for a 2xx status.
fn allow_success_status_has_effect(cx: &Ctxt, case: &Case, status_ok: bool) {
    if let (Some(span), Some(status), true) =
        (case.attrs.allow_success_status, &case.status, status_ok)
        && !(200..=299).contains(&status.code)
    {
        cx.error_at(
            span,
            format!(
                "`allow_success_status` has no effect: `{}` answers with {}, not a 2xx status",
                case.ident, status.code
            ),
        );
    }
}

/// `expose` and `redact` say opposite things. Returns whether they are not both given.
fn expose_excludes_redact(cx: &Ctxt, case: &Case) -> bool {
    if let (Some(expose), Some(_)) = (case.attrs.expose, case.attrs.redact) {
        cx.error_at(expose, "`expose` and `redact` cannot be combined");
        return false;
    }
    true
}

/// `expose` shows a 5xx case's `Display`: it does nothing with a declared message or a 4xx.
fn expose_has_effect(cx: &Ctxt, case: &Case, status_ok: bool) {
    let Some(expose) = case.attrs.expose else {
        return;
    };
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

/// The field marked `#[api(errors)]`: one per case, and only that.
fn one_errors_field(cx: &Ctxt, case: &Case) {
    one_field_marked(
        cx,
        case,
        FieldKey::Errors,
        |attrs| attrs.errors,
        |field, span| {
            if let Some(member_span) = field.attrs.member_span {
                cx.error_at(member_span, "a field cannot be both `errors` and `member`");
            }
            if field.attrs.fields.is_some() {
                cx.error_at(span, "a field cannot be both `fields` and `errors`");
            }
        },
    );
}

/// The field marked `#[api(fields)]`: one per case, and only that.
fn one_fields_field(cx: &Ctxt, case: &Case) {
    one_field_marked(
        cx,
        case,
        FieldKey::Fields,
        |attrs| attrs.fields,
        |field, _| {
            if let Some(member_span) = field.attrs.member_span {
                cx.error_at(member_span, "a field cannot be both `fields` and `member`");
            }
        },
    );
}

/// Reports each field `marked` with the flag `key` after the first, and checks each marked
/// field further with `also`, given the span of the mark.
fn one_field_marked(
    cx: &Ctxt,
    case: &Case,
    key: FieldKey,
    marked: impl Fn(&FieldAttrs) -> Option<Span>,
    also: impl Fn(&Field, Span),
) {
    let mut seen = false;
    for field in &case.fields {
        let mark = marked(&field.attrs);
        let Some(span) = mark else {
            continue;
        };
        if seen {
            cx.error_at(
                span,
                format!(
                    "`{}` has #[api({})] on more than one field",
                    case.ident,
                    key.name()
                ),
            );
        }
        seen = true;
        also(field, span);
    }
}

/// Every member has a name ([`Field::member_name`](crate::ast::Field::member_name) says which),
/// and each name is used once in a case.
fn members_are_named_once(cx: &Ctxt, case: &Case) {
    let mut members: Vec<String> = Vec::new();
    for field in &case.fields {
        let name = match field.member_name() {
            None => continue,
            Some(Ok(name)) => name,
            Some(Err(NoMemberName::Empty(span))) => {
                cx.error_at(span, "`member` name is empty");
                continue;
            }
            Some(Err(NoMemberName::Unnamed(span))) => {
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
        if members.contains(&name) {
            let span = field.attrs.member_span.unwrap_or(field.span);
            cx.error_at(
                span,
                format!("duplicate member `{name}` in `{}`", case.ident),
            );
        }
        members.push(name);
    }
}
