//! The arguments after the string of `#[error("…", args)]`, where `.field` and `.0` stand for
//! the case's fields, as in thiserror.

use proc_macro2::{Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use syn::Member;

use super::{FieldView, plain_name};
use crate::ctxt::Ctxt;
use crate::fmt::binding;

/// The arguments, read.
#[derive(Default)]
pub struct Args {
    /// As written, the shorthands replaced (see [`super::ErrorFmt::args`]).
    pub tokens: TokenStream,
    /// The fields the shorthands use.
    pub fields: Vec<Member>,
    /// The names of the arguments written `name = value`.
    pub named: Vec<String>,
    /// Where the first argument without a name is, if there is one.
    pub first_unnamed: Option<Span>,
}

/// Keywords after which a `.` starts an expression (`if .ready`), not a field access.
const BEFORE_EXPR: &[&str] = &[
    "break", "continue", "else", "if", "in", "match", "mut", "return", "while",
];

impl Args {
    /// Reads what follows the string; `None` when it is wrong (reported).
    pub fn read(cx: &Ctxt, rest: TokenStream, case: (&syn::Ident, &[FieldView])) -> Option<Self> {
        let mut trees: Vec<TokenTree> = rest.into_iter().collect();
        let mut args = Args {
            tokens: TokenStream::new(),
            fields: Vec::new(),
            named: Vec::new(),
            first_unnamed: None,
        };
        match trees.first() {
            None => return Some(args),
            Some(TokenTree::Punct(comma)) if comma.as_char() == ',' => {}
            Some(other) => {
                cx.error_at(
                    other.span(),
                    "#[error(...)] expects a `,` between the format string and its arguments",
                );
                return None;
            }
        }
        if matches!(trees.last(), Some(TokenTree::Punct(comma)) if comma.as_char() == ',') {
            trees.pop();
        }
        // Each argument: the trees after a top-level comma.
        for (i, tree) in trees.iter().enumerate() {
            if !matches!(tree, TokenTree::Punct(comma) if comma.as_char() == ',') {
                continue;
            }
            match (trees.get(i + 1), trees.get(i + 2), trees.get(i + 3)) {
                (Some(TokenTree::Ident(name)), Some(TokenTree::Punct(eq)), next)
                    if eq.as_char() == '='
                        && !matches!(next, Some(TokenTree::Punct(p)) if p.as_char() == '=' && eq.spacing() == Spacing::Joint) =>
                {
                    args.named.push(plain_name(name));
                }
                (Some(first), _, _) => {
                    args.first_unnamed.get_or_insert(first.span());
                }
                (None, _, _) => {}
            }
        }
        let mut ok = true;
        args.tokens = rewrite(trees, case, &mut args.fields, &mut |span, message| {
            ok = false;
            cx.error_at(span, message);
        });
        ok.then_some(args)
    }
}

/// `trees` with each `.field` that starts an expression written as the field's binding.
fn rewrite(
    trees: Vec<TokenTree>,
    case: (&syn::Ident, &[FieldView]),
    used: &mut Vec<Member>,
    error: &mut dyn FnMut(Span, String),
) -> TokenStream {
    let mut out = Vec::with_capacity(trees.len());
    let mut trees = trees.into_iter().peekable();
    // Whether an expression may start here: at the start of a group, or after an operator
    // or one of `BEFORE_EXPR`.
    let mut starts = true;
    while let Some(tree) = trees.next() {
        let shorthand = match &tree {
            TokenTree::Punct(dot) if starts && dot.as_char() == '.' => match trees.peek() {
                Some(TokenTree::Ident(_) | TokenTree::Literal(_)) => trees.next(),
                _ => None,
            },
            _ => None,
        };
        if let Some(after) = shorthand {
            shorthand_tokens(&after, case, used, error, &mut out);
            starts = false;
            continue;
        }
        starts = match &tree {
            TokenTree::Punct(punct) => punct.as_char() != '?',
            TokenTree::Ident(ident) => {
                let text = ident.to_string();
                BEFORE_EXPR.contains(&text.as_str())
            }
            _ => false,
        };
        match tree {
            TokenTree::Group(group) if group.delimiter() != proc_macro2::Delimiter::None => {
                let inner = rewrite(group.stream().into_iter().collect(), case, used, error);
                let mut new = Group::new(group.delimiter(), inner);
                new.set_span(group.span());
                out.push(TokenTree::Group(new));
            }
            other => out.push(other),
        }
    }
    out.into_iter().collect()
}

/// The binding of the field after a `.`: `.name`, `.0`, or `.0.1` (lexed as one number).
fn shorthand_tokens(
    after: &TokenTree,
    (case, fields): (&syn::Ident, &[FieldView]),
    used: &mut Vec<Member>,
    error: &mut dyn FnMut(Span, String),
    out: &mut Vec<TokenTree>,
) {
    let span = after.span();
    let (name, rest) = match after {
        TokenTree::Ident(ident) => (plain_name(ident), None),
        TokenTree::Literal(literal) => {
            let text = literal.to_string();
            match text.split_once('.') {
                Some((first, second)) => (first.to_owned(), Some(second.to_owned())),
                None => (text, None),
            }
        }
        _ => return,
    };
    let mut found = None;
    for field in fields {
        let named = match field.member {
            Member::Named(ident) => plain_name(ident) == name,
            Member::Unnamed(index) => index.index.to_string() == name,
        };
        if named {
            found = Some(field);
            break;
        }
    }
    let Some(field) = found else {
        error(
            span,
            format!("#[error] uses `.{name}`, but `{case}` has no such field"),
        );
        return;
    };
    if !used.contains(field.member) {
        used.push(field.member.clone());
    }
    // Resolved as the binding, which is made at the field's type, and placed at the `.field`.
    let mut local = binding(field.member);
    local.set_span(syn::spanned::Spanned::span(field.ty).located_at(span));
    out.push(TokenTree::Ident(local));
    if let Some(second) = rest {
        let mut dot = Punct::new('.', Spacing::Alone);
        dot.set_span(span);
        out.push(TokenTree::Punct(dot));
        match second.parse::<u32>() {
            Ok(index) => {
                let mut index = Literal::u32_unsuffixed(index);
                index.set_span(span);
                out.push(TokenTree::Literal(index));
            }
            Err(_) => out.push(TokenTree::Ident(Ident::new(&second, span))),
        }
    }
}
