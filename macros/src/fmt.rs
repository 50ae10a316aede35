//! `message = "…"` templates: which fields they interpolate, and how they are written out.

use proc_macro2::Span;
use syn::ext::IdentExt as _;
use syn::{Ident, LitStr, Member};

/// The formatting trait a placeholder uses; a generic field needs a bound on it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Trait {
    Display,
    Debug,
    LowerHex,
    UpperHex,
    Octal,
    Binary,
    LowerExp,
    UpperExp,
    Pointer,
}

impl Trait {
    fn of_spec(spec: &str) -> Self {
        match spec.chars().last() {
            Some('?') => Trait::Debug,
            Some('x') => Trait::LowerHex,
            Some('X') => Trait::UpperHex,
            Some('o') => Trait::Octal,
            Some('b') => Trait::Binary,
            Some('e') => Trait::LowerExp,
            Some('E') => Trait::UpperExp,
            Some('p') => Trait::Pointer,
            _ => Trait::Display,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Trait::Display => "Display",
            Trait::Debug => "Debug",
            Trait::LowerHex => "LowerHex",
            Trait::UpperHex => "UpperHex",
            Trait::Octal => "Octal",
            Trait::Binary => "Binary",
            Trait::LowerExp => "LowerExp",
            Trait::UpperExp => "UpperExp",
            Trait::Pointer => "Pointer",
        }
    }
}

/// One field a template interpolates.
pub struct Arg {
    pub member: Member,
    pub used_as: Trait,
}

/// One part of a template whose placeholders are all plain `{field}`s.
pub enum Piece {
    Text(String),
    Field(Member),
}

/// A parsed `message` template.
pub struct Template {
    pub lit: LitStr,
    /// The fields interpolated, each once, in order of first use.
    pub args: Vec<Arg>,
    /// The template with `{0}` renamed `{__0}` (see [`arg_name`]), so every argument can be
    /// passed by name.
    pub rewritten: String,
    /// The message itself when nothing is interpolated (`{{` and `}}` unescaped).
    pub fixed: Option<String>,
    /// Text and fields in order, when no placeholder has a format spec: then the message is
    /// written piece by piece, without a nested `format_args!`.
    pub pieces: Option<Vec<Piece>>,
}

impl Template {
    /// Parses `lit`, a `message`; errors point at the literal.
    pub fn parse(lit: &LitStr) -> syn::Result<Self> {
        Self::parse_as(lit, "`message`")
    }

    /// Parses `lit`; errors point at the literal and name it `what`, as the user wrote it.
    pub fn parse_as(lit: &LitStr, what: &str) -> syn::Result<Self> {
        let text = lit.value();
        let mut args: Vec<Arg> = Vec::new();
        let mut rewritten = String::with_capacity(text.len() + 8);
        let mut fixed = String::with_capacity(text.len());
        let mut rest = text.as_str();
        let mut pieces: Option<Vec<Piece>> = Some(Vec::new());
        let err = |message: String| syn::Error::new(lit.span(), message);
        while let Some(i) = rest.find(['{', '}']) {
            let (before, at) = rest.split_at(i);
            rewritten.push_str(before);
            fixed.push_str(before);
            if let Some(after) = at.strip_prefix("{{") {
                rewritten.push_str("{{");
                fixed.push('{');
                rest = after;
                continue;
            }
            if let Some(after) = at.strip_prefix("}}") {
                rewritten.push_str("}}");
                fixed.push('}');
                rest = after;
                continue;
            }
            if at.starts_with('}') {
                return Err(err(format!(
                    "{what} has an unmatched `}}`; write `}}}}` for a literal brace"
                )));
            }
            let Some(close) = at.find('}') else {
                return Err(err(format!(
                    "{what} has an unclosed `{{`; write `{{{{` for a literal brace"
                )));
            };
            let inner = &at[1..close];
            let (name, spec) = inner.split_once(':').unwrap_or((inner, ""));
            let name = name.trim();
            if name.is_empty() {
                return Err(err(format!(
                    "{what} cannot use `{{{inner}}}`: name the field, like `{{field}}` or `{{0}}`"
                )));
            }
            let member = parse_member(name, lit.span()).ok_or_else(|| {
                // A keyword names a field only as a raw identifier.
                let hint = if syn::parse_str::<Ident>(&format!("r#{name}")).is_ok() {
                    format!("; write `{{r#{name}}}` for the field `r#{name}`")
                } else {
                    String::new()
                };
                err(format!(
                    "{what} has `{{{inner}}}`, which does not name a field{hint}"
                ))
            })?;
            let renamed = arg_name(&member).to_string();
            if let Some(list) = pieces.as_mut() {
                if spec.is_empty() {
                    // The text since the last placeholder, braces already unescaped.
                    let text = fixed.split_off(0);
                    if !text.is_empty() {
                        list.push(Piece::Text(text));
                    }
                    list.push(Piece::Field(member.clone()));
                } else {
                    pieces = None;
                }
            }
            rewritten.push('{');
            rewritten.push_str(&renamed);
            if !spec.is_empty() {
                rewritten.push(':');
                rewritten.push_str(spec);
            }
            rewritten.push('}');
            push_arg(&mut args, member, Trait::of_spec(spec));
            // `{:width$}` and `{:.prec$}` take their widths from fields too.
            for piece in spec.split('$').rev().skip(1) {
                let start = piece
                    .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .map_or(0, |i| i + 1);
                if let Some(member) = parse_member(&piece[start..], lit.span()) {
                    if matches!(member, Member::Unnamed(_)) {
                        return Err(err(format!(
                            "{what} takes widths and precisions from named fields only"
                        )));
                    }
                    push_arg(&mut args, member, Trait::Display);
                }
            }
            rest = &at[close + 1..];
        }
        rewritten.push_str(rest);
        fixed.push_str(rest);
        if let Some(list) = pieces
            .as_mut()
            .filter(|_| !fixed.is_empty() && !args.is_empty())
        {
            list.push(Piece::Text(fixed.clone()));
        }
        let pieces = pieces.filter(|_| !args.is_empty());
        let fixed = args.is_empty().then_some(fixed);
        Ok(Template {
            lit: lit.clone(),
            args,
            rewritten,
            fixed,
            pieces,
        })
    }
}

fn push_arg(args: &mut Vec<Arg>, member: Member, used_as: Trait) {
    match args
        .iter_mut()
        .find(|arg| same_member(&arg.member, &member))
    {
        // A field used both ways needs both bounds; Display is the one that matters most.
        Some(existing) if used_as != Trait::Display => existing.used_as = used_as,
        Some(_) => {}
        None => args.push(Arg { member, used_as }),
    }
}

/// The field `name` refers to: an index, or an identifier, raw (`r#type`) where it has to be.
/// Anything else (`r#r#x`, `a b`, a bare keyword) names no field.
fn parse_member(name: &str, span: Span) -> Option<Member> {
    if name.bytes().all(|b| b.is_ascii_digit()) {
        let index: u32 = name.parse().ok()?;
        return Some(Member::Unnamed(syn::Index { index, span }));
    }
    let mut ident = syn::parse_str::<Ident>(name).ok()?;
    // `{r#until}` is `{until}`: only a keyword stays raw, so that each field has one spelling.
    let unraw = ident.unraw();
    if syn::parse_str::<Ident>(&unraw.to_string()).is_ok() {
        ident = unraw;
    }
    ident.set_span(span);
    Some(Member::Named(ident))
}

/// The name a field is passed to `format_args!` by: `{0}` as `__0`, and a raw `{r#type}` as
/// `__r_type`, since format strings take neither indices as names nor raw identifiers.
pub fn arg_name(member: &Member) -> Ident {
    match member {
        Member::Unnamed(index) => quote::format_ident!("__{}", index.index),
        Member::Named(ident) if ident.to_string().starts_with("r#") => {
            quote::format_ident!("__r_{}", ident.unraw())
        }
        Member::Named(ident) => ident.clone(),
    }
}

/// Whether two members name the same field: `r#until` and `until` do.
pub fn same_member(a: &Member, b: &Member) -> bool {
    match (a, b) {
        (Member::Named(a), Member::Named(b)) => a.unraw() == b.unraw(),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> syn::Result<Template> {
        Template::parse(&LitStr::new(text, Span::call_site()))
    }

    #[test]
    fn finds_fields_and_renames_indices() {
        let t = parse("locked until {until} ({0:?}, {until:>w$})").unwrap();
        let names: Vec<String> = t
            .args
            .iter()
            .map(|a| match &a.member {
                Member::Named(i) => i.to_string(),
                Member::Unnamed(i) => i.index.to_string(),
            })
            .collect();
        assert_eq!(names, ["until", "0", "w"]);
        assert_eq!(t.rewritten, "locked until {until} ({__0:?}, {until:>w$})");
        assert!(t.fixed.is_none());
    }

    #[test]
    fn plain_placeholders_become_pieces() {
        let t = parse("locked {{until}} {until} ({0})!").unwrap();
        let pieces: Vec<String> = t
            .pieces
            .unwrap()
            .iter()
            .map(|piece| match piece {
                Piece::Text(text) => format!("text:{text}"),
                Piece::Field(Member::Named(i)) => format!("field:{i}"),
                Piece::Field(Member::Unnamed(i)) => format!("field:{}", i.index),
            })
            .collect();
        assert_eq!(
            pieces,
            [
                "text:locked {until} ",
                "field:until",
                "text: (",
                "field:0",
                "text:)!"
            ]
        );
        assert!(parse("a {b:?}").unwrap().pieces.is_none());
        assert!(parse("plain").unwrap().pieces.is_none());
    }

    #[test]
    fn literal_braces_make_a_fixed_message() {
        let t = parse("use {{json}}").unwrap();
        assert_eq!(t.fixed.as_deref(), Some("use {json}"));
    }

    #[test]
    fn rejects_malformed_templates() {
        assert!(parse("a {").is_err());
        assert!(parse("a }").is_err());
        assert!(parse("a {}").is_err());
        assert!(parse("a {:?}").is_err());
        assert!(parse("a {1x}").is_err());
    }
}
