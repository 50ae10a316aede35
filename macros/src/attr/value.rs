//! Reading the values of `#[api(...)]` keys, each error saying what was expected.

use proc_macro2::{Span, TokenTree};
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, Ident, LitInt, LitStr, Path, Token};

use crate::status;

/// A status as written: the number, and the tokens that said it.
#[derive(Clone)]
pub struct Status {
    pub code: u16,
    pub span: Span,
    pub written: String,
}

/// Consumes the value of a key that is reported and otherwise ignored, so parsing goes on.
pub(super) fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        let value = meta.value()?;
        while !value.is_empty() && !value.peek(Token![,]) {
            value.parse::<TokenTree>()?;
        }
    } else if meta.input.peek(syn::token::Paren) {
        let _ = meta.input.parse::<proc_macro2::Group>()?;
    }
    Ok(())
}

/// Reads a flag such as `transparent` into `slot`: where it was written, refusing a value
/// after it. The flag is taken as given even with a value, so that only the value is reported.
pub(super) fn flag(
    slot: &mut Option<Span>,
    meta: &ParseNestedMeta,
    key: &str,
    span: Span,
) -> syn::Result<()> {
    *slot = Some(span);
    no_value(meta, key)
}

/// Refuses a value after a flag.
fn no_value(meta: &ParseNestedMeta, key: &str) -> syn::Result<()> {
    if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
        // The error spans the whole value, `= true` or `(...)`.
        let value = skip_rest(meta.input)?;
        return Err(syn::Error::new_spanned(
            value,
            format!("`{key}` takes no value: write #[api({key})]"),
        ));
    }
    Ok(())
}

/// The value after `key =`; a missing `=` is reported with the usage, `key = example`.
pub fn value_of<'a>(
    meta: &'a ParseNestedMeta,
    key: &str,
    example: &str,
) -> syn::Result<ParseStream<'a>> {
    if meta.input.peek(Token![=]) {
        return meta.value();
    }
    let message = format!("`{key}` needs a value: write {key} = {example}");
    if meta.input.peek(syn::token::Paren) {
        let group = skip_rest(meta.input)?;
        return Err(syn::Error::new_spanned(group, message));
    }
    Err(syn::Error::new_spanned(&meta.path, message))
}

/// Parses `key = "string"`, with an error that says what was expected.
pub(super) fn string(meta: &ParseNestedMeta, key: &str, example: &str) -> syn::Result<LitStr> {
    let input = value_of(meta, key, example)?;
    if input.peek(LitStr) {
        return input.parse();
    }
    let value = skip_rest(input)?;
    Err(syn::Error::new_spanned(
        value,
        format!("`{key}` expects a string literal, like {key} = {example}"),
    ))
}

/// Consumes the tokens up to the next `,`, and returns them (to span an error over them).
pub fn skip_rest(input: ParseStream) -> syn::Result<proc_macro2::TokenStream> {
    let mut skipped = proc_macro2::TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        skipped.extend([input.parse::<TokenTree>()?]);
    }
    Ok(skipped)
}

/// Parses `status = 401`, `status = UNAUTHORIZED` or `status = StatusCode::UNAUTHORIZED`.
pub(super) fn status(meta: &ParseNestedMeta) -> syn::Result<Status> {
    let input = value_of(meta, "status", "401")?;
    if input.peek(LitInt) {
        let lit: LitInt = input.parse()?;
        let code = lit.base10_parse::<u16>().map_err(|_| {
            syn::Error::new(
                lit.span(),
                format!("`status = {lit}` is not a valid HTTP status"),
            )
        })?;
        return Ok(Status {
            code,
            span: lit.span(),
            written: lit.to_string(),
        });
    }
    if input.peek(Ident) {
        let path: Path = input.parse()?;
        let last = path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        // Errors about the status point at its name, `FOUND` in `StatusCode::FOUND`.
        let span = path
            .segments
            .last()
            .map_or_else(|| path.span(), |s| s.ident.span());
        return match status::by_name(&last) {
            Some(code) => Ok(Status {
                code,
                span,
                written: last,
            }),
            None => {
                let hint = super::keys::closest(&last, &mut status::names())
                    .map(|name| format!("; did you mean `{name}`?"))
                    .unwrap_or_default();
                Err(syn::Error::new(
                    span,
                    format!("unknown status name `{last}`{hint}"),
                ))
            }
        };
    }
    let value = skip_rest(input)?;
    Err(syn::Error::new_spanned(
        value,
        "`status` expects an integer or a status name, like status = 401 or status = UNAUTHORIZED",
    ))
}

/// Parses `code_enum` or `code_enum = AuthErrorCode`: the name given, if any.
pub(super) fn code_enum(meta: &ParseNestedMeta) -> syn::Result<Option<Ident>> {
    if !meta.input.peek(Token![=]) {
        return Ok(None);
    }
    let input = meta.value()?;
    if !input.peek(Ident) {
        let span = input.span();
        skip_rest(input)?;
        return Err(syn::Error::new(
            span,
            "`code_enum` expects a type name, like code_enum = AuthErrorCode",
        ));
    }
    Ok(Some(input.parse()?))
}

/// Parses the `("name", "value")` of `header("name", "value")`.
pub(super) fn header_pair(meta: &ParseNestedMeta) -> syn::Result<(LitStr, LitStr)> {
    let usage = "`header` expects a name and a value, like header(\"cache-control\", \"no-store\")";
    if !meta.input.peek(syn::token::Paren) {
        // `header = "x"` is reported over `= "x"`, a bare `header` at the key.
        let value = skip_rest(meta.input)?;
        if value.is_empty() {
            return Err(syn::Error::new_spanned(&meta.path, usage));
        }
        return Err(syn::Error::new_spanned(value, usage));
    }
    let content;
    let parens = syn::parenthesized!(content in meta.input);
    let pair = (|| {
        let name: LitStr = content.parse()?;
        content.parse::<Token![,]>()?;
        let value: LitStr = content.parse()?;
        if !content.is_empty() {
            content.parse::<Token![,]>()?;
        }
        if content.is_empty() {
            Ok((name, value))
        } else {
            Err(content.error(""))
        }
    })();
    pair.map_err(|_| {
        // Consumed, so that syn does not add an "unexpected token" error of its own.
        let _ = content.parse::<proc_macro2::TokenStream>();
        syn::Error::new(parens.span.join(), usage)
    })
}

pub(super) fn require_list(attr: &Attribute) -> syn::Result<()> {
    match &attr.meta {
        syn::Meta::List(_) => Ok(()),
        other => Err(syn::Error::new_spanned(
            other,
            "expected #[api(...)] with keys inside the parentheses",
        )),
    }
}

/// The text of one `///` line.
pub(super) fn doc_line(attr: &Attribute) -> Option<String> {
    let syn::Meta::NameValue(name_value) = &attr.meta else {
        return None;
    };
    match &name_value.value {
        Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(lit),
            ..
        }) => Some(lit.value()),
        _ => None,
    }
}
