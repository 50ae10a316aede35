//! Reading `#[api(...)]`, doc comments, `#[cfg]` and thiserror's `#[source]`/`#[from]`.

use proc_macro2::{Span, TokenTree};
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, Ident, LitInt, LitStr, Path, Token};

use crate::case::{RULES, RenameRule};
use crate::ctxt::Ctxt;
use crate::status;

/// Where an `#[api(...)]` attribute stands; each place takes its own keys.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Location {
    Enum,
    Struct,
    Variant,
    Field,
}

impl Location {
    fn keys(self) -> &'static [&'static str] {
        match self {
            Location::Enum => &[
                "status",
                "category",
                "rename_all",
                "format",
                "www_authenticate",
                "code_enum",
                "display",
                "data",
                "allow_success_status",
                "no_response_impls",
            ],
            Location::Struct => &[
                "code",
                "status",
                "message",
                "transparent",
                "expose",
                "redact",
                "category",
                "title",
                "type",
                "format",
                "www_authenticate",
                "header",
                "code_enum",
                "display",
                "data",
                "allow_success_status",
                "no_response_impls",
            ],
            Location::Variant => &[
                "code",
                "status",
                "message",
                "transparent",
                "expose",
                "redact",
                "category",
                "title",
                "type",
                "www_authenticate",
                "header",
                "data",
                "allow_success_status",
            ],
            Location::Field => &["fields", "errors", "member", "retry_after", "header"],
        }
    }

    fn name(self) -> &'static str {
        match self {
            Location::Enum => "an enum",
            Location::Struct => "a struct",
            Location::Variant => "a variant",
            Location::Field => "a field",
        }
    }

    /// Where a key that does not belong here goes instead.
    fn elsewhere(self, key: &str) -> Option<&'static str> {
        const ALL: [Location; 4] = [
            Location::Variant,
            Location::Enum,
            Location::Field,
            Location::Struct,
        ];
        ALL.iter()
            .find(|other| other.keys().contains(&key))
            .map(|other| match other {
                Location::Variant if self == Location::Enum => "each variant",
                other => other.name(),
            })
    }
}

/// A status as written: the number, and the tokens that said it.
#[derive(Clone)]
pub struct Status {
    pub code: u16,
    pub span: Span,
    pub written: String,
}

/// The name of an extension member.
pub struct MemberName {
    pub name: String,
    pub span: Span,
}

/// The `#[api(...)]` keys of an enum, a struct or a variant, and what else is read with them.
#[derive(Default)]
pub struct Attrs<'a> {
    pub code: Option<LitStr>,
    pub status: Option<Status>,
    pub message: Option<LitStr>,
    pub transparent: Option<Span>,
    pub expose: Option<Span>,
    pub redact: Option<Span>,
    pub category: Option<LitStr>,
    pub title: Option<LitStr>,
    pub problem_type: Option<LitStr>,
    pub rename_all: Option<(RenameRule, LitStr)>,
    pub format: Option<Expr>,
    pub www_authenticate: Option<LitStr>,
    /// `header("name", "value")`, as often as given.
    pub headers: Vec<(LitStr, LitStr)>,
    /// `code_enum`, with the name it was given, if any.
    pub code_enum: Option<Option<Ident>>,
    /// Every key given, with the span of its name, for conflicts between keys.
    pub keys: Vec<(String, Span)>,
    /// Keys evidently meant but already reported: misplaced, or misspelled (then the key
    /// suggested). Their absence is not reported again.
    pub meant: Vec<String>,
    /// The `///` comment, trimmed; `None` when there is none.
    pub doc: Option<String>,
    /// `#[cfg]` attributes, repeated on everything generated for the variant.
    pub cfgs: Vec<&'a Attribute>,
    /// thiserror's attributes, read by `error_attr`.
    pub thiserror: crate::error_attr::Raw<'a>,
    /// `display`: the derive also writes `Display`, `Error` and `From`, as thiserror would.
    pub display: Option<Span>,
    /// `data(name = "value", …)`, in order.
    pub data: Vec<crate::data::Entry>,
    /// `allow_success_status`: a 2xx status is accepted.
    pub allow_success_status: Option<Span>,
    /// `no_response_impls`: no framework impls (`IntoResponse`, `ResponseError`), for a type
    /// that has its own.
    pub no_response_impls: Option<Span>,
}

/// The `#[api(...)]` keys of a field, and whether thiserror marks it as the source.
#[derive(Default)]
pub struct FieldAttrs {
    pub fields: Option<Span>,
    /// `errors`: the field holds the `SubErrors`.
    pub errors: Option<Span>,
    pub retry_after: Option<Span>,
    pub header: Option<LitStr>,
    pub member: Option<Option<MemberName>>,
    pub member_span: Option<Span>,
    /// thiserror's `#[source]`, `#[from]` and `#[backtrace]`, read by `error_attr`.
    pub thiserror: crate::error_attr::FieldMarks,
}

/// The closest of `candidates` to `word`, when it is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = word.len().max(3) / 3;
    candidates
        .into_iter()
        .map(|candidate| (edit_distance(word, candidate), candidate))
        .filter(|(distance, _)| *distance <= limit.max(1))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Edits between `a` and `b`, a swap of two neighbours counting as one (the optimal string
/// alignment distance): `cdoe` is one slip away from `code`.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().map(|c| c.to_ascii_lowercase()).collect();
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            current[j] = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                current[j] = current[j].min(before[j - 2] + 1);
            }
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

fn key_name(path: &Path) -> String {
    path.segments
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

/// Consumes the value of a key that is reported and otherwise ignored, so parsing goes on.
fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
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

/// Refuses a value after a flag such as `transparent`.
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
fn string_value(meta: &ParseNestedMeta, key: &str, example: &str) -> syn::Result<LitStr> {
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
fn status_value(meta: &ParseNestedMeta) -> syn::Result<Status> {
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
        return match status::by_name(&last) {
            // Errors about the status point at its name, `FOUND` in `StatusCode::FOUND`.
            Some(code) => Ok(Status {
                code,
                span: path
                    .segments
                    .last()
                    .map_or_else(|| path.span(), |s| s.ident.span()),
                written: last,
            }),
            None => {
                let hint = closest(&last, status::names())
                    .map(|name| format!("; did you mean `{name}`?"))
                    .unwrap_or_default();
                Err(syn::Error::new(
                    path.segments
                        .last()
                        .map_or_else(|| path.span(), |s| s.ident.span()),
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

impl<'a> Attrs<'a> {
    /// Reads the attributes of an enum, a struct or a variant.
    pub fn parse(cx: &Ctxt, attrs: &'a [Attribute], location: Location) -> Self {
        let mut out = Attrs::default();
        let mut doc = String::new();
        for attr in attrs {
            let path = attr.path();
            if path.is_ident("doc") {
                if let Some(line) = doc_line(attr) {
                    if !doc.is_empty() {
                        doc.push('\n');
                    }
                    doc.push_str(line.strip_prefix(' ').unwrap_or(&line));
                }
            } else if path.is_ident("cfg") {
                out.cfgs.push(attr);
            } else if path.is_ident("api") {
                out.parse_api(cx, attr, location);
            } else {
                out.thiserror.take(attr);
            }
        }
        let doc = doc.trim();
        if !doc.is_empty() {
            out.doc = Some(doc.to_owned());
        }
        out
    }

    fn parse_api(&mut self, cx: &Ctxt, attr: &Attribute, location: Location) {
        if let Err(error) = require_list(attr) {
            cx.syn_error(error);
            return;
        }
        let result = attr.parse_nested_meta(|meta| {
            let key = key_name(&meta.path);
            let span = meta.path.span();
            if !location.keys().contains(&key.as_str()) {
                skip_value(&meta)?;
                let message = match location.elsewhere(&key) {
                    Some(place) => {
                        self.meant.push(key.clone());
                        format!("`{key}` belongs on {place}, not on {}", location.name())
                    }
                    None => {
                        let known = closest(&key, location.keys().iter().copied());
                        self.meant.extend(known.map(str::to_owned));
                        let hint = known
                            .map(|known| format!("; did you mean `{known}`?"))
                            .unwrap_or_default();
                        format!("unknown key `{key}` in #[api(...)]{hint}")
                    }
                };
                cx.error_at(span, message);
                return Ok(());
            }
            if key != "header" && self.keys.iter().any(|(seen, _)| *seen == key) {
                skip_value(&meta)?;
                cx.error_at(span, format!("duplicate `{key}` in #[api(...)]"));
                return Ok(());
            }
            self.keys.push((key.clone(), span));
            // A bad value is reported and the attribute's other keys are still read.
            if let Err(error) = self.parse_value(cx, &meta, &key, span) {
                cx.syn_error(error);
                skip_rest(meta.input)?;
            }
            Ok(())
        });
        if let Err(error) = result {
            cx.syn_error(error);
        }
    }

    /// Reads the value of `key`, one of the keys of this location.
    fn parse_value(
        &mut self,
        cx: &Ctxt,
        meta: &ParseNestedMeta,
        key: &str,
        span: Span,
    ) -> syn::Result<()> {
        match key {
            // display
            "display" => {
                self.display = Some(span);
                no_value(meta, "display")?;
            }
            // code = "AUTH_MISSING" | code = 20003
            "code" => self.code = Some(crate::code::value(meta)?),
            // status = 401 | status = UNAUTHORIZED | status = StatusCode::UNAUTHORIZED
            "status" => self.status = Some(status_value(meta)?),
            // message = "account locked until {until}"
            "message" => {
                self.message = Some(string_value(meta, "message", "\"not found\"")?);
            }
            // transparent
            "transparent" => {
                // Taken as given even with a value, so only the value is reported.
                self.transparent = Some(span);
                no_value(meta, "transparent")?;
            }
            // expose
            "expose" => {
                // Taken as given even with a value, so only the value is reported.
                self.expose = Some(span);
                no_value(meta, "expose")?;
            }
            // redact
            "redact" => {
                // Taken as given even with a value, so only the value is reported.
                self.redact = Some(span);
                no_value(meta, "redact")?;
            }
            // category = "Auth & Session"
            "category" => {
                self.category = Some(string_value(meta, "category", "\"Auth & Session\"")?);
            }
            // title = "You do not have enough credit."
            "title" => self.title = Some(string_value(meta, "title", "\"Not enough credit\"")?),
            // type = "https://example.com/probs/out-of-credit"
            "type" => {
                self.problem_type = Some(string_value(
                    meta,
                    "type",
                    "\"https://example.com/probs/x\"",
                )?);
            }
            // rename_all = "SCREAMING_SNAKE_CASE"
            "rename_all" => {
                let lit = string_value(meta, "rename_all", "\"SCREAMING_SNAKE_CASE\"")?;
                match RenameRule::from_name(&lit.value()) {
                    Some(rule) => self.rename_all = Some((rule, lit)),
                    None => {
                        let known: Vec<String> = RULES
                            .iter()
                            .map(|(name, _)| format!("\"{name}\""))
                            .collect();
                        cx.error_spanned_by(
                            &lit,
                            format!(
                                "unknown rename_all rule {:?}; expected one of {}",
                                lit.value(),
                                known.join(", ")
                            ),
                        );
                    }
                }
            }
            // format = apierr::format::ProblemDetails::new()
            "format" => {
                let example = "apierr::format::ProblemDetails::new()";
                self.format = Some(value_of(meta, "format", example)?.parse()?);
            }
            // www_authenticate = "Bearer realm=\"api\""
            "www_authenticate" => {
                self.www_authenticate = Some(string_value(meta, "www_authenticate", "\"Bearer\"")?);
            }
            // header("cache-control", "no-store")
            "header" => self.headers.push(header_pair(meta)?),
            // data(domain = "googleapis.com", reason = "API_KEY_INVALID")
            "data" => self.data = crate::data::parse(cx, meta)?,
            // allow_success_status
            "allow_success_status" => {
                // Taken as given even with a value, so only the value is reported.
                self.allow_success_status = Some(span);
                no_value(meta, "allow_success_status")?;
            }
            // no_response_impls
            "no_response_impls" => {
                // Taken as given even with a value, so only the value is reported.
                self.no_response_impls = Some(span);
                no_value(meta, "no_response_impls")?;
            }
            // code_enum | code_enum = AuthErrorCode
            "code_enum" => {
                self.code_enum = Some(if meta.input.peek(Token![=]) {
                    let input = meta.value()?;
                    if !input.peek(Ident) {
                        let span = input.span();
                        skip_rest(input)?;
                        return Err(syn::Error::new(
                            span,
                            "`code_enum` expects a type name, like code_enum = AuthErrorCode",
                        ));
                    }
                    Some(input.parse()?)
                } else {
                    None
                });
            }
            _ => unreachable!("every key of Location::keys has a branch"),
        }
        Ok(())
    }
}

impl Attrs<'_> {
    /// Where `key` was written, when it was.
    pub fn key_span(&self, key: &str) -> Option<Span> {
        self.keys
            .iter()
            .find(|(seen, _)| seen == key)
            .map(|(_, span)| *span)
    }
}

impl FieldAttrs {
    /// Reads the attributes of a field.
    pub fn parse(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut out = FieldAttrs::default();
        let mut seen: Vec<String> = Vec::new();
        for attr in attrs {
            let path = attr.path();
            if path.is_ident("api") {
                if let Err(error) = require_list(attr) {
                    cx.syn_error(error);
                    continue;
                }
                let result = attr.parse_nested_meta(|meta| {
                    let key = key_name(&meta.path);
                    let span = meta.path.span();
                    if !Location::Field.keys().contains(&key.as_str()) {
                        skip_value(&meta)?;
                        let message = match Location::Field.elsewhere(&key) {
                            Some(place) => format!("`{key}` belongs on {place}, not on a field"),
                            None => {
                                let hint = closest(&key, Location::Field.keys().iter().copied())
                                    .map(|known| format!("; did you mean `{known}`?"))
                                    .unwrap_or_default();
                                format!("unknown key `{key}` in #[api(...)]{hint}")
                            }
                        };
                        cx.error_at(span, message);
                        return Ok(());
                    }
                    if seen.contains(&key) {
                        skip_value(&meta)?;
                        cx.error_at(span, format!("duplicate `{key}` in #[api(...)]"));
                        return Ok(());
                    }
                    seen.push(key.clone());
                    // A bad value is reported and the attribute's other keys are still read.
                    if let Err(error) = out.parse_value(&meta, &key, span) {
                        cx.syn_error(error);
                        skip_rest(meta.input)?;
                    }
                    Ok(())
                });
                if let Err(error) = result {
                    cx.syn_error(error);
                }
            } else {
                out.thiserror.take(attr);
            }
        }
        out
    }

    /// Reads the value of `key`, one of the keys of a field.
    fn parse_value(&mut self, meta: &ParseNestedMeta, key: &str, span: Span) -> syn::Result<()> {
        match key {
            // fields
            "fields" => {
                // Taken as given even with a value, so only the value is reported.
                self.fields = Some(span);
                no_value(meta, "fields")?;
            }
            // errors
            "errors" => {
                // Taken as given even with a value, so only the value is reported.
                self.errors = Some(span);
                no_value(meta, "errors")?;
            }
            // retry_after
            "retry_after" => {
                self.retry_after = Some(span);
                no_value(meta, "retry_after")?;
            }
            // header = "x-request-cost"
            "header" => {
                self.header = Some(string_value(meta, "header", "\"x-request-cost\"")?);
            }
            // member | member = "name"
            "member" => {
                self.member_span = Some(span);
                self.member = Some(if meta.input.peek(Token![=]) {
                    let lit = string_value(meta, "member", "\"balance\"")?;
                    Some(MemberName {
                        name: lit.value(),
                        span: lit.span(),
                    })
                } else {
                    None
                });
            }
            _ => unreachable!("every key of Location::Field has a branch"),
        }
        Ok(())
    }
}

/// Parses the `("name", "value")` of `header("name", "value")`.
fn header_pair(meta: &ParseNestedMeta) -> syn::Result<(LitStr, LitStr)> {
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

fn require_list(attr: &Attribute) -> syn::Result<()> {
    match &attr.meta {
        syn::Meta::List(_) => Ok(()),
        other => Err(syn::Error::new_spanned(
            other,
            "expected #[api(...)] with keys inside the parentheses",
        )),
    }
}

/// The text of one `///` line.
fn doc_line(attr: &Attribute) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggests_near_keys_only() {
        let keys = ["code", "status", "message", "transparent"];
        assert_eq!(closest("stauts", keys), Some("status"));
        assert_eq!(closest("mesage", keys), Some("message"));
        assert_eq!(closest("cdoe", keys), Some("code"));
        assert_eq!(closest("colour", keys), None);
    }
}
