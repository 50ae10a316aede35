//! A variant's `#[api(...)]` read straight from its tokens, when it is written the common way
//! (`code = "E0", status = 400`). Every variant has one, and syn's `parse_nested_meta` builds a
//! token buffer for each, which for an enum of thousands of variants is most of what the derive
//! costs. Anything else (a value that is not a plain literal, a key written twice, an unknown
//! key, `header(...)`, `data(...)`…) is left to the one loop in `parse`, which reports
//! mistakes: this path reads only what it would read the same way, and reports nothing.

use proc_macro2::{Literal, Spacing, Span, TokenStream, TokenTree};

use super::case::CaseAttrs;
use super::keys::{CaseKey, Key};
use super::parse::Written;
use super::value::Status;
use crate::status;

/// One key and its value, read but not yet taken.
enum Value {
    Flag,
    Code(String, Span),
    Status(Status),
    Text(syn::LitStr),
}

/// Reads `tokens`, the inside of a variant's `#[api(...)]`, into `attrs` and `written`, when
/// every key is written the common way; otherwise changes nothing and returns `false`.
pub(super) fn case(tokens: &TokenStream, attrs: &mut CaseAttrs, written: &mut Written) -> bool {
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let mut entries: Vec<(CaseKey, Span, Value)> = Vec::new();
    let mut rest = trees.as_slice();
    while let [first, after @ ..] = rest {
        let TokenTree::Ident(ident) = first else {
            return false;
        };
        let Some(key) = CaseKey::from_name(&ident.to_string()) else {
            return false;
        };
        let mut repeated = written.span_of(key.name()).is_some();
        for (seen, _, _) in &entries {
            repeated |= *seen == key;
        }
        if repeated && !key.repeats() {
            return false;
        }
        let (value, after) = match after {
            [] => (None, after),
            [TokenTree::Punct(comma), ..] if comma.as_char() == ',' => (None, after),
            [TokenTree::Punct(eq), value, after @ ..]
                if eq.as_char() == '=' && eq.spacing() == Spacing::Alone =>
            {
                (Some(value), after)
            }
            _ => return false,
        };
        rest = match after {
            [] => after,
            [TokenTree::Punct(comma), after @ ..] if comma.as_char() == ',' => after,
            _ => return false,
        };
        let Some(value) = read_value(key, value) else {
            return false;
        };
        entries.push((key, ident.span(), value));
    }
    for (key, span, value) in entries {
        written.keys.push((key.name(), span));
        match value {
            Value::Flag => {
                let slot = match key {
                    CaseKey::Transparent => &mut attrs.transparent,
                    CaseKey::Expose => &mut attrs.expose,
                    CaseKey::Redact => &mut attrs.redact,
                    _ => &mut attrs.allow_success_status,
                };
                *slot = Some(span);
            }
            Value::Code(code, at) => attrs.code = Some((code, at)),
            Value::Status(status) => attrs.status = Some(status),
            Value::Text(lit) => {
                let slot = match key {
                    CaseKey::Message => &mut attrs.message,
                    CaseKey::Category => &mut attrs.category,
                    CaseKey::Title => &mut attrs.title,
                    CaseKey::Type => &mut attrs.problem_type,
                    _ => &mut attrs.www_authenticate,
                };
                *slot = Some(lit);
            }
        }
    }
    true
}

/// The value of `key` when written as this path reads it: nothing for a flag, a plain
/// literal (or a status name) for the others.
fn read_value(key: CaseKey, value: Option<&TokenTree>) -> Option<Value> {
    match (key, value) {
        (
            CaseKey::Transparent | CaseKey::Expose | CaseKey::Redact | CaseKey::AllowSuccessStatus,
            None,
        ) => Some(Value::Flag),
        (CaseKey::Code, Some(TokenTree::Literal(lit))) => {
            plain_str(lit).map(|code| Value::Code(code, lit.span()))
        }
        (CaseKey::Status, Some(TokenTree::Literal(lit))) => {
            let written = lit.to_string();
            if !written.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let code = written.parse::<u16>().ok()?;
            Some(Value::Status(Status {
                code,
                span: lit.span(),
                written,
            }))
        }
        (CaseKey::Status, Some(TokenTree::Ident(ident))) => {
            let written = ident.to_string();
            let code = status::by_name(&written)?;
            Some(Value::Status(Status {
                code,
                span: ident.span(),
                written,
            }))
        }
        (
            CaseKey::Message
            | CaseKey::Category
            | CaseKey::Title
            | CaseKey::Type
            | CaseKey::WwwAuthenticate,
            Some(TokenTree::Literal(lit)),
        ) => match syn::Lit::new(lit.clone()) {
            syn::Lit::Str(lit) => Some(Value::Text(lit)),
            _ => None,
        },
        _ => None,
    }
}

/// The value of a string literal written without escapes, prefix or suffix: its text between
/// the quotes. `None` for any other literal, which syn then reads.
pub fn plain_str(lit: &Literal) -> Option<String> {
    let text = lit.to_string();
    let inner = text.strip_prefix('"')?.strip_suffix('"')?;
    // A loop over the bytes: `str::contains` with a set of chars, and iterator adapters, are
    // slow in the unoptimized build.
    let bytes = inner.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if matches!(bytes[i], b'\\' | b'"' | b'\r') {
            return None;
        }
        i += 1;
    }
    Some(inner.to_owned())
}
