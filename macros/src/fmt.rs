//! Message templates (`message = "…"`, thiserror's `#[error("…")]`): which fields they
//! interpolate, and how each is passed to `format_args!`.

use proc_macro2::Span;
use quote::format_ident;
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

/// How a field is passed to `format_args!`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// The reference the match binds.
    Ref,
    /// The field itself: `{x:p}` shows the field's own pointer as `format!` would, and a width
    /// `{:w$}` must be a `usize`, not a reference to one. Shown any other way it writes what
    /// the reference would.
    Value,
    /// `.display()`: a `Path` or `PathBuf` shown with `{x}`, which has no `Display` itself.
    PathDisplay,
}

/// One field a template interpolates, under one name.
pub struct Arg {
    pub member: Member,
    /// The name it is passed by (see [`arg_name`]), as text: identifiers are made only for
    /// the arms written as tokens, each a call into the compiler.
    pub name: String,
    pub how: How,
    /// The formatting traits it is used with: each needs a bound on a generic field.
    pub traits: Vec<Trait>,
}

/// One part of a template whose placeholders are all plain `{field}`s.
pub enum Piece {
    Text(String),
    /// An index into [`Template::args`].
    Arg(usize),
}

/// What a placeholder refers to, as the reader of the template decides.
pub enum Target {
    /// A field, passed as said.
    Field(Member, How),
    /// Something `format_args!` resolves itself (a constant in scope, an argument of the
    /// user's): the placeholder is left as written.
    Keep,
    /// `self`, passed by the derive as `__self`: captured from the format string, it would
    /// have the string's hygiene, not the method's, in a `macro_rules!` that is given it.
    This,
}

/// Where a name stands in a placeholder.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// `{name}`, `{name:spec}`, or `{}` for an empty name.
    Value(Trait),
    /// `{:name$}` or `{:.name$}`.
    Width,
}

/// Decides what the names in a template refer to.
pub trait Resolve {
    /// `name` as written (`""` for `{}`), in the placeholder `{inner}`; an error is reported
    /// at the template.
    fn resolve(&mut self, name: &str, inner: &str, place: Place) -> Result<Target, String>;
}

/// The rule of `message = "…"`: every placeholder names a field of the case.
struct FieldsOnly<'a>(&'a str);

impl Resolve for FieldsOnly<'_> {
    fn resolve(&mut self, name: &str, inner: &str, place: Place) -> Result<Target, String> {
        let what = self.0;
        if name.is_empty() {
            return Err(format!(
                "{what} cannot use `{{{inner}}}`: name the field, like `{{field}}` or `{{0}}`"
            ));
        }
        let member = parse_member(name, Span::call_site()).ok_or_else(|| {
            // A keyword names a field only as a raw identifier, which `message` takes.
            let hint = if syn::parse_str::<Ident>(&format!("r#{name}")).is_ok() {
                format!("; write `{{r#{name}}}` for the field `r#{name}`")
            } else {
                String::new()
            };
            format!("{what} has `{{{inner}}}`, which does not name a field{hint}")
        })?;
        match place {
            Place::Width if matches!(member, Member::Unnamed(_)) => Err(format!(
                "{what} takes widths and precisions from named fields only"
            )),
            Place::Width => Ok(Target::Field(member, How::Value)),
            Place::Value(_) => Ok(Target::Field(member, How::Ref)),
        }
    }
}

/// A parsed template.
pub struct Template {
    pub lit: LitStr,
    /// The fields interpolated, each under each name it is passed by, in order of first use.
    pub args: Vec<Arg>,
    /// The template with each field's placeholder renamed as its [`Arg::name`], so that every
    /// field can be passed by name (`{0}` as `{__0}`).
    pub rewritten: String,
    /// The message itself when nothing is interpolated (`{{` and `}}` unescaped).
    pub fixed: Option<String>,
    /// Text and fields in order, when every placeholder is a plain `{field}`: then the message
    /// is written piece by piece, without a nested `format_args!`.
    pub pieces: Option<Vec<Piece>>,
    /// Whether `self` is shown, as `{__self}`.
    pub this: bool,
}

/// Where the first `{` or `}` of `text` is: a loop over the bytes, as `str::find` with a set
/// of chars is slow in the unoptimized build of a proc macro.
fn find_brace(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'{' || bytes[i] == b'}' {
            return Some(i);
        }
        i += 1;
    }
    None
}

impl Template {
    /// Parses `lit`, a `message`; errors point at the literal.
    pub fn parse(lit: &LitStr) -> syn::Result<Self> {
        Self::parse_as(lit, "`message`")
    }

    /// Parses `lit`, every placeholder of which names a field; errors point at the literal
    /// and name it `what`, as the user wrote it.
    pub fn parse_as(lit: &LitStr, what: &str) -> syn::Result<Self> {
        Self::parse_with(lit, &mut FieldsOnly(what), what)
    }

    /// Parses `lit`, asking `resolve` what each placeholder refers to.
    pub fn parse_with(lit: &LitStr, resolve: &mut dyn Resolve, what: &str) -> syn::Result<Self> {
        Self::parse_text_with(lit, lit.value(), resolve, what)
    }

    /// [`Template::parse_with`], with the literal's `text` already read.
    pub fn parse_text_with(
        lit: &LitStr,
        text: String,
        resolve: &mut dyn Resolve,
        what: &str,
    ) -> syn::Result<Self> {
        let mut template = Template {
            lit: lit.clone(),
            args: Vec::new(),
            rewritten: String::with_capacity(text.len() + 8),
            fixed: None,
            pieces: Some(Vec::new()),
            this: false,
        };
        // The text since the last placeholder, braces unescaped.
        let mut plain = String::with_capacity(text.len());
        let mut kept = false;
        let mut rest = text.as_str();
        let err = |message: String| syn::Error::new(lit.span(), message);
        while let Some(i) = find_brace(rest) {
            let (before, at) = rest.split_at(i);
            template.rewritten.push_str(before);
            plain.push_str(before);
            if let Some(after) = at.strip_prefix("{{") {
                template.rewritten.push_str("{{");
                plain.push('{');
                rest = after;
                continue;
            }
            if let Some(after) = at.strip_prefix("}}") {
                template.rewritten.push_str("}}");
                plain.push('}');
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
            rest = &at[close + 1..];
            let (name, spec) = inner.split_once(':').unwrap_or((inner, ""));
            let name = name.trim();
            let target = resolve
                .resolve(name, inner, Place::Value(Trait::of_spec(spec)))
                .map_err(err)?;
            // `{:width$}` and `{:.prec$}` take their widths from fields too.
            let mut widths = Vec::new();
            for piece in spec.split('$').rev().skip(1) {
                let start = piece
                    .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .map_or(0, |i| i + 1);
                let width = &piece[start..];
                if !width.is_empty() {
                    widths.push(resolve.resolve(width, inner, Place::Width).map_err(err)?);
                }
            }
            for width in widths {
                if let Target::Field(member, how) = width {
                    template.push_arg(member, how, Trait::Display);
                }
            }
            let (member, how) = match target {
                Target::Field(member, how) => (member, how),
                Target::Keep | Target::This => {
                    kept = true;
                    template.pieces = None;
                    template.rewritten.push('{');
                    if matches!(target, Target::This) {
                        template.this = true;
                        template.rewritten.push_str("__self");
                        template.rewritten.push_str(&inner[name.len()..]);
                    } else {
                        template.rewritten.push_str(inner);
                    }
                    template.rewritten.push('}');
                    continue;
                }
            };
            let index = template.push_arg(member, how, Trait::of_spec(spec));
            let arg = &template.args[index];
            if let Some(list) = template.pieces.as_mut() {
                if spec.is_empty() && arg.how != How::Value {
                    let text = plain.split_off(0);
                    if !text.is_empty() {
                        list.push(Piece::Text(text));
                    }
                    list.push(Piece::Arg(index));
                } else {
                    template.pieces = None;
                }
            }
            template.rewritten.push('{');
            template.rewritten.push_str(&arg.name);
            if !spec.is_empty() {
                template.rewritten.push(':');
                template.rewritten.push_str(spec);
            }
            template.rewritten.push('}');
        }
        template.rewritten.push_str(rest);
        plain.push_str(rest);
        let interpolates = !template.args.is_empty() || kept;
        if let Some(list) = template.pieces.as_mut().filter(|_| !plain.is_empty()) {
            list.push(Piece::Text(plain.clone()));
        }
        if !interpolates {
            template.pieces = None;
            template.fixed = Some(plain);
        }
        Ok(template)
    }

    /// Records a use of `member`, passed as `how`; the index of its [`Arg`].
    fn push_arg(&mut self, member: Member, how: How, used_as: Trait) -> usize {
        // A width is a `usize` by value; a field that is also one is passed so everywhere.
        let name = match how {
            How::PathDisplay => format!("__display_{}", arg_name(&member)),
            How::Ref | How::Value => arg_name(&member),
        };
        let index = match self.args.iter().position(|arg| arg.name == name) {
            Some(index) => index,
            None => {
                self.args.push(Arg {
                    member,
                    name,
                    how,
                    traits: Vec::new(),
                });
                self.args.len() - 1
            }
        };
        let arg = &mut self.args[index];
        if how == How::Value {
            arg.how = How::Value;
        }
        if !arg.traits.contains(&used_as) {
            arg.traits.push(used_as);
        }
        index
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
pub fn arg_name(member: &Member) -> String {
    match member {
        Member::Unnamed(index) => format!("__{}", index.index),
        Member::Named(ident) => {
            let text = ident.to_string();
            match text.strip_prefix("r#") {
                Some(plain) => format!("__r_{plain}"),
                None => text,
            }
        }
    }
}

/// The local a field is bound to: `__f_until`, `__f_0`. The `__f_` prefix keeps fields from
/// shadowing the generated parameters (`__f`, `__visit`) whatever they are called.
pub fn binding(member: &Member) -> Ident {
    match member {
        Member::Named(ident) => {
            let text = ident.to_string();
            format_ident!("__f_{}", text.strip_prefix("r#").unwrap_or(&text))
        }
        Member::Unnamed(index) => format_ident!("__f_{}", index.index),
    }
}

/// Whether two members name the same field: `r#until` and `until` do.
pub fn same_member(a: &Member, b: &Member) -> bool {
    match (a, b) {
        // Compared as text, each name read once: every identifier made or read is a call into
        // the compiler, which adds up over the fields of thousands of variants.
        (Member::Named(a), Member::Named(b)) => {
            let (a, b) = (a.to_string(), b.to_string());
            a.strip_prefix("r#").unwrap_or(&a) == b.strip_prefix("r#").unwrap_or(&b)
        }
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
        // A width is passed as the `usize` it is, not as a reference.
        assert!(t.args[2].how == How::Value && t.args[0].how == How::Ref);
    }

    #[test]
    fn a_field_used_with_two_traits_needs_both() {
        let t = parse("{x} {x:?} {x:x}").unwrap();
        assert_eq!(t.args.len(), 1);
        assert!(t.args[0].traits == [Trait::Display, Trait::Debug, Trait::LowerHex]);
    }

    #[test]
    fn plain_placeholders_become_pieces() {
        let t = parse("locked {{until}} {until} ({0})!").unwrap();
        let pieces: Vec<String> = t
            .pieces
            .as_ref()
            .unwrap()
            .iter()
            .map(|piece| match piece {
                Piece::Text(text) => format!("text:{text}"),
                Piece::Arg(index) => format!("field:{}", t.args[*index].name),
            })
            .collect();
        assert_eq!(
            pieces,
            [
                "text:locked {until} ",
                "field:until",
                "text: (",
                "field:__0",
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
