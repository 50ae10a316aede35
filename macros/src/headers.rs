//! Checks of the headers a case declares: `header("name", "value")`, a field's
//! `#[api(header = "name")]`, `www_authenticate` and `retry_after`.

use syn::LitStr;

use crate::ast::Case;
use crate::ctxt::Ctxt;

const HOP_BY_HOP: &str = "it is a hop-by-hop header, which the HTTP server manages";

/// Headers that cannot be declared, and why: the format and the HTTP server set them, or they
/// have no place in a response. The runtime drops exactly these names from every error
/// response, so that a hand-written `Spec` cannot send them either; a test in
/// `runtime/src/plain_http/response.rs` reads this list to check that both agree. Keep one
/// entry a line, in lowercase.
pub const DROPPED: &[(&str, &str)] = &[
    ("content-type", "the format sets it"),
    ("content-length", "the body sets it"),
    ("transfer-encoding", "the HTTP server frames the body"),
    ("connection", HOP_BY_HOP),
    ("keep-alive", HOP_BY_HOP),
    ("proxy-connection", HOP_BY_HOP),
    ("te", HOP_BY_HOP),
    ("upgrade", HOP_BY_HOP),
    ("trailer", "an error body is sent without trailers"),
    ("host", "it is a request header"),
];

/// Headers that apierr sets from a key of their own, and that key.
const SET_BY_KEY: &[(&str, &str)] = &[
    ("retry-after", "mark a field #[api(retry_after)] instead"),
    (
        "www-authenticate",
        "use #[api(www_authenticate = \"...\")] instead",
    ),
];

/// Checks every header `case` declares; `status_ok` says whether its status was valid, so that
/// a status already reported is not reported again through a header that depends on it.
pub fn check(cx: &Ctxt, case: &Case, status_ok: bool) {
    let status = case
        .status
        .as_ref()
        .map(|status| status.code)
        .filter(|_| status_ok);
    if let Some(challenge) = &case.attrs.www_authenticate {
        check_value(cx, challenge, "www_authenticate");
        if status.is_some_and(|code| code != 401) {
            cx.error_spanned_by(challenge, "`www_authenticate` only applies to a 401 status");
        }
    }
    let mut names: Vec<String> = Vec::new();
    for (name, value) in &case.attrs.headers {
        check_value(cx, value, "header");
        if let Some(lower) = check_name(cx, name) {
            if names.contains(&lower) {
                cx.error_spanned_by(name, format!("duplicate header `{}`", name.value()));
            }
            names.push(lower);
        }
    }
    let mut retry_seen = false;
    for field in &case.fields {
        if let Some(name) = &field.attrs.header
            && let Some(lower) = check_name(cx, name)
        {
            if names.contains(&lower) {
                cx.error_spanned_by(name, format!("duplicate header `{}`", name.value()));
            }
            names.push(lower);
        }
        if let Some(span) = field.attrs.retry_after {
            if retry_seen {
                cx.error_at(span, "`retry_after` is on more than one field");
            }
            retry_seen = true;
            if status.is_some_and(|code| code != 429 && code != 503) {
                cx.error_at(span, "`retry_after` only applies to a 429 or 503 status");
            }
        }
    }
}

/// RFC 9110 `tchar`: what a header name may be made of.
fn is_token(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// The name in lowercase, unless it is invalid or one that cannot be declared.
fn check_name(cx: &Ctxt, lit: &LitStr) -> Option<String> {
    let name = lit.value();
    if !is_token(&name) {
        cx.error_spanned_by(lit, format!("{name:?} is not a valid HTTP header name"));
        return None;
    }
    let lower = name.to_ascii_lowercase();
    let mut why = None;
    for (refused, reason) in DROPPED.iter().chain(SET_BY_KEY) {
        if *refused == lower {
            why = Some(reason);
            break;
        }
    }
    if let Some(why) = why {
        cx.error_spanned_by(lit, format!("`{name}` cannot be set with `header`: {why}"));
        return None;
    }
    Some(lower)
}

/// A header value the runtime would send as it is: visible ASCII with inner spaces and tabs.
pub fn check_value(cx: &Ctxt, lit: &LitStr, key: &str) {
    let value = lit.value();
    let mut bad = None;
    for c in value.chars() {
        if !(c == '\t' || (' '..='~').contains(&c)) {
            bad = Some(c);
            break;
        }
    }
    if let Some(bad) = bad {
        cx.error_spanned_by(
            lit,
            format!("`{key}` value cannot contain {bad:?}: use visible ASCII, spaces and tabs"),
        );
    } else if value.trim() != value || value.is_empty() {
        cx.error_spanned_by(
            lit,
            format!("`{key}` value cannot be empty or start or end with whitespace"),
        );
    }
}
