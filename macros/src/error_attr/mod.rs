//! thiserror's attributes (`#[error(...)]`, `#[source]`, `#[from]`, `#[backtrace]`), read
//! for `#[api(display)]`, which writes `Display`, `Error` and `From` from them as thiserror's
//! derive would, and for the source of every derived error.

mod args;
mod resolve;

pub use resolve::ErrorFields;

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::spanned::Spanned;
use syn::{Attribute, Ident, LitStr, Member, Type};

use crate::ctxt::Ctxt;
use crate::fmt::Template;

/// The thiserror attributes of an enum, a struct or a variant, as written.
#[derive(Default)]
pub struct Raw<'a> {
    /// Every `#[error(...)]`, in order: only one is allowed.
    pub error: Vec<&'a Attribute>,
    /// `#[source]`, `#[from]` or `#[backtrace]`, which belong on a field.
    pub misplaced: Vec<&'a Attribute>,
}

impl<'a> Raw<'a> {
    /// Keeps `attr` when it is one of thiserror's; whether it was.
    pub fn take(&mut self, attr: &'a Attribute) -> bool {
        let path = attr.path();
        if path.is_ident("error") {
            self.error.push(attr);
        } else if is_field_mark(attr) {
            self.misplaced.push(attr);
        } else {
            return false;
        }
        true
    }
}

/// Whether `attr` is `#[source]`, `#[from]` or `#[backtrace]`. Only the bare form is
/// thiserror's: a `#[from(...)]` is left to whichever derive wants it (derive_more's).
fn is_field_mark(attr: &Attribute) -> bool {
    let path = attr.path();
    if path.is_ident("from") {
        matches!(attr.meta, syn::Meta::Path(_))
    } else {
        path.is_ident("source") || path.is_ident("backtrace")
    }
}

/// thiserror's marks on a field, each where it was written (more than one is a mistake).
#[derive(Default)]
pub struct FieldMarks {
    pub source: Vec<Span>,
    pub from: Vec<Span>,
    pub backtrace: Vec<Span>,
    /// `#[error(...)]`, which belongs on the variant.
    pub error: Vec<Span>,
}

impl FieldMarks {
    /// Keeps `attr` when it is one of thiserror's; whether it was.
    pub fn take(&mut self, attr: &Attribute) -> bool {
        let path = attr.path();
        let span = path.span();
        let list = if path.is_ident("error") {
            &mut self.error
        } else if !is_field_mark(attr) {
            return false;
        } else if path.is_ident("source") {
            &mut self.source
        } else if path.is_ident("from") {
            &mut self.from
        } else {
            &mut self.backtrace
        };
        list.push(span);
        true
    }

    /// Whether the field is marked as the source: `#[source]` or `#[from]`.
    pub fn is_source(&self) -> bool {
        !self.source.is_empty() || !self.from.is_empty()
    }
}

/// The source among `fields`: the one marked `#[source]` or `#[from]`, or else the one named
/// `source`. `view` gives a field's marks and member.
pub fn source_of<F>(fields: &[F], view: impl Fn(&F) -> (&FieldMarks, &Member)) -> Option<&F> {
    fields.iter().find(|field| view(field).0.is_source()).or_else(|| {
        fields.iter().find(|field| {
            matches!(view(field).1, Member::Named(ident) if syn::ext::IdentExt::unraw(ident) == "source")
        })
    })
}

/// Whether `ty` is written `Option<…>`; its argument then is what is used.
pub fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else {
        return None;
    };
    let last = path.path.segments.last()?;
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match (last.ident == "Option", args.args.first(), args.args.len()) {
        (true, Some(syn::GenericArgument::Type(inner)), 1) => Some(inner),
        _ => None,
    }
}

/// Whether `ty` is written as a `Backtrace` (or `Option<Backtrace>`), which `From` captures.
pub fn is_backtrace(ty: &Type) -> bool {
    let ty = option_inner(ty).unwrap_or(ty);
    matches!(ty, Type::Path(path) if path.path.segments.last().is_some_and(|last| last.ident == "Backtrace" && last.arguments.is_none()))
}

/// What a case's `#[error(...)]` says.
pub enum DisplayAttr {
    /// `#[error("…", args)]`: the template `Display` writes.
    Template(Box<ErrorFmt>),
    /// `#[error(transparent)]`: the single field's own `Display` and source.
    Transparent(Span),
    /// `#[error(fmt = path)]`: a function called with the fields and the formatter.
    Fmt(TokenStream),
}

/// `#[error("…", args)]`, read against the fields of one case.
pub struct ErrorFmt {
    pub template: Template,
    /// The arguments after the string, with `.field` written as the field's binding; empty, or
    /// starting with a comma and without a trailing one.
    pub args: TokenStream,
    /// The fields the arguments use.
    pub arg_fields: Vec<Member>,
    /// The string, when it is written alone (as [`literal_alone`] reads it).
    pub alone: Option<String>,
}

/// One field of a case, as the template's reader needs it.
pub struct FieldView<'a> {
    pub member: &'a Member,
    pub ty: &'a Type,
}

/// The case's `#[error(...)]`: its own, or else the enum's (`default`). `None` when neither
/// has one, or when it is wrong (reported).
pub fn read_case(
    cx: &Ctxt,
    case: &Ident,
    (own, default): (&Raw, &Raw),
    fields: &[FieldView],
) -> Option<DisplayAttr> {
    let attr = own.error.first().or(default.error.first())?;
    let is_tuple = fields
        .first()
        .is_some_and(|field| matches!(field.member, Member::Unnamed(_)));
    read(cx, attr, (case, fields), is_tuple)
}

/// Reads one `#[error(...)]` for a case with `fields`. Read from the tokens directly: trying
/// one parse and then another would build and drop an error for each variant.
fn read(
    cx: &Ctxt,
    attr: &Attribute,
    (case, fields): (&Ident, &[FieldView]),
    is_tuple: bool,
) -> Option<DisplayAttr> {
    let usage = "#[error(...)] takes a format string and its arguments, `transparent`, or `fmt = path::to::function`";
    let syn::Meta::List(list) = &attr.meta else {
        cx.error_spanned_by(attr, usage);
        return None;
    };
    let mut trees = list.tokens.clone().into_iter();
    let first = trees.next();
    let first_span = first.as_ref().map(TokenTree::span);
    match first {
        Some(TokenTree::Ident(word)) if word == "transparent" => {
            if let Some(extra) = trees.next() {
                cx.error_at(
                    extra.span(),
                    "#[error(transparent)] takes nothing after `transparent`",
                );
                return None;
            }
            return Some(DisplayAttr::Transparent(word.span()));
        }
        Some(TokenTree::Ident(word)) if word == "fmt" => {
            let path: TokenStream = match trees.next() {
                Some(TokenTree::Punct(eq)) if eq.as_char() == '=' => trees.collect(),
                _ => TokenStream::new(),
            };
            if path.is_empty() {
                cx.error_at(word.span(), "#[error(fmt = ...)] needs a function: write #[error(fmt = path::to::function)]");
                return None;
            }
            return Some(DisplayAttr::Fmt(path));
        }
        Some(TokenTree::Literal(literal)) => {
            // Most are printable ASCII without escapes: their text is read without syn's
            // parser, and the literal made again from it is the same token, spelled the same.
            let plain =
                crate::attr::plain_str(&literal).filter(|text| crate::emit::is_plain_literal(text));
            let (lit, text) = match plain {
                Some(text) => (Some(LitStr::new(&text, literal.span())), Some(text)),
                None => match syn::Lit::new(literal) {
                    syn::Lit::Str(lit) => (Some(lit), None),
                    _ => (None, None),
                },
            };
            if let Some(lit) = lit {
                // Most have no arguments: no token stream is built for them.
                let rest = trees.next().map(|first| {
                    let mut rest = TokenStream::from(first);
                    rest.extend(trees);
                    rest
                });
                let text = text.unwrap_or_else(|| lit.value());
                return read_fmt(cx, (&lit, text), rest, (case, fields), is_tuple);
            }
        }
        _ => {}
    }
    let span = first_span.unwrap_or_else(|| list.delimiter.span().join());
    cx.error_at(span, usage);
    None
}

/// `#[error("…", args)]`: the template read against the case's fields and the arguments.
fn read_fmt(
    cx: &Ctxt,
    (lit, text): (&LitStr, String),
    rest: Option<TokenStream>,
    (case, fields): (&Ident, &[FieldView]),
    is_tuple: bool,
) -> Option<DisplayAttr> {
    let alone = rest.is_none().then(|| text.clone());
    let args = match rest {
        Some(rest) => args::Args::read(cx, rest, (case, fields))?,
        None => args::Args::default(),
    };
    let mut resolver = resolve::ErrorFields {
        case,
        fields,
        is_tuple,
        named: &args.named,
        first_unnamed: args.first_unnamed,
    };
    let template = Template::parse_text_with(lit, text, &mut resolver, "#[error]")
        .map_err(|error| cx.syn_error(error))
        .ok()?;
    Some(DisplayAttr::Template(Box::new(ErrorFmt {
        template,
        args: args.tokens,
        arg_fields: args.fields,
        alone,
    })))
}

/// The text `Display` always writes for the case, kept in its spec so that the message is
/// copied instead of formatted: a template that interpolates nothing. Without `display`
/// (`display` is `None`), thiserror writes `Display` from the case's own `#[error("…")]`
/// (`own`, its string when it is one alone, see [`literal_alone`]), unless the enum has one
/// too.
pub fn fixed_text(
    display: Option<&DisplayAttr>,
    own: Option<&str>,
    default: &Raw,
) -> Option<String> {
    match display {
        Some(DisplayAttr::Template(fmt)) if fmt.args.is_empty() => fmt.template.fixed.clone(),
        Some(_) => None,
        None if !default.error.is_empty() => None,
        None => unescape(own?),
    }
}

/// The string of an `#[error("…")]` that has nothing else.
pub fn literal_alone(attr: &Attribute) -> Option<String> {
    let syn::Meta::List(list) = &attr.meta else {
        return None;
    };
    let mut tokens = list.tokens.clone().into_iter();
    match (tokens.next(), tokens.next()) {
        (Some(TokenTree::Literal(literal)), None) => {
            // Most are written without escapes: their text is read without syn's parser.
            if let Some(text) = crate::attr::plain_str(&literal) {
                return Some(text);
            }
            match syn::Lit::new(literal) {
                syn::Lit::Str(lit) => Some(lit.value()),
                _ => None,
            }
        }
        _ => None,
    }
}

/// `text` with `{{` and `}}` unescaped, when it has no placeholder. Only this is needed of a
/// template read without `display`, so it is read without parsing the whole format string.
fn unescape(text: &str) -> Option<String> {
    // A byte loop: `str::contains` with a set of chars is slow in the unoptimized build.
    if text.bytes().all(|b| b != b'{' && b != b'}') {
        return Some(text.to_owned());
    }
    let mut fixed = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if matches!(c, '{' | '}') && chars.next() != Some(c) {
            return None;
        }
        fixed.push(c);
    }
    Some(fixed)
}

/// The name of a field as a format string writes it: `fn` for `r#fn`.
pub fn plain_name(ident: &Ident) -> String {
    let text = ident.to_string();
    match text.strip_prefix("r#") {
        Some(plain) => plain.to_owned(),
        None => text,
    }
}
