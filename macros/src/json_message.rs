//! The arms of `write_message_json`: an interpolated message written straight into the JSON
//! body, piece by piece, instead of through `core::fmt` (the runtime's `message_json` module
//! says why and how).
//!
//! A case gets an arm when its public message is a template of plain `{field}`s that the
//! derive reads exactly as its `fmt_message` writes it: its declared `message`, or else the
//! `#[error("…")]` that writes its `Display` (the derive's own with `#[api(display)]`, or
//! thiserror's, which reads the same string the same way). Whether each field can be written
//! so is left to its type, at compile time: the arm answers `false` before writing anything
//! when one cannot, and every other case answers `false` through the shared fallback arm, so
//! the message goes through `Display` as before.
//!
//! Arms are written as source text, as `message`'s plain arms are (see `message::Arms`): no
//! error is ever reported in them, and text is far cheaper to build than tokens.

use std::fmt::Write as _;

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::{Case, Field, Input};
use crate::emit::{fill, fixed, push_pattern, push_str_literal, source};
use crate::error_attr::DisplayAttr;
use crate::fmt::{Piece, Template, binding};
use crate::message::plain_fields;
use crate::spec::static_message;

/// The arms of the cases whose message can be written so.
#[derive(Default)]
pub struct JsonArms {
    text: String,
    /// How many arms `text` holds.
    text_arms: usize,
    tokens: Vec<TokenStream>,
}

impl JsonArms {
    /// The arm of a case that is not `transparent`, if it gets one.
    pub fn plain(&mut self, input: &Input, case: &Case) {
        // A static message never comes here; a `#[cfg]` on the case would need the arm
        // written as tokens, which is not worth it: `Display` writes it.
        if static_message(case).is_some() || !case.attrs.cfgs.is_empty() {
            return;
        }
        if let Some(template) = &case.template {
            self.template_arm(case, template);
            return;
        }
        match &case.display {
            Some(DisplayAttr::Template(fmt)) if fmt.args.is_empty() => {
                self.template_arm(case, &fmt.template);
            }
            Some(_) => {}
            None if input.container.display.is_none() => {
                if let Some(template) = thiserror_template(input, case) {
                    self.template_arm(case, &template);
                }
            }
            None => {}
        }
    }

    /// The arm of a `transparent` case: the inner error's answer.
    pub fn transparent(&mut self, pattern: &TokenStream, inner: &syn::Type) {
        let call = quote_spanned! {inner.span()=>
            <#inner as ::apierr::__private::ApiError>::write_message_json(__inner, __w)
        };
        self.tokens.push(quote!(#pattern => #call,));
    }

    /// The method, or nothing when no case has an arm (the trait's default answers `false`).
    pub fn method(self, scrutinee: &TokenStream, cases: usize) -> Option<TokenStream> {
        if self.text.is_empty() && self.tokens.is_empty() {
            return None;
        }
        let fallback = (self.tokens.len() + self.text_arms < cases).then(|| fixed("_ => false,"));
        let tokens: TokenStream = self.tokens.into_iter().collect();
        // Every text arm calls a method of one of the two traits, so the glob is always used;
        // naming each trait would leave one unused whenever all fields are of one kind.
        let text = (!self.text.is_empty()).then(|| source(&self.text));
        let traits = text
            .is_some()
            .then(|| fixed("use ::apierr::__private::json_pieces::*;"));
        Some(fill(
            "fn write_message_json(
                &self,
                __w: &mut ::apierr::__private::MessageJson<'_>,
            ) -> bool {
                $traits
                match $scrutinee {
                    $tokens
                    $text
                    $fallback
                }
            }",
            &[
                ("traits", &traits),
                ("scrutinee", scrutinee),
                ("tokens", &tokens),
                ("text", &text),
                ("fallback", &fallback),
            ],
        ))
    }

    /// Appends the arm writing `template`, when its placeholders are all plain `{field}`s
    /// that `Display` shows as they are: a `Path` shown with `.display()` is left to
    /// `Display`, as is a template that shows `self`.
    fn template_arm(&mut self, case: &Case, template: &Template) {
        let Some(pieces) = &template.pieces else {
            return;
        };
        if template.this {
            return;
        }
        let Some(fields) = plain_fields(case, template, |_| true) else {
            return;
        };
        let out = &mut self.text;
        push_pattern(out, case, &fields);
        // `__w.pieces(&[texts…], &[fields…])`: the texts around and between the fields, one
        // more than the fields. Few tokens per arm: the compiler reads each one.
        out.push_str(" .. } => __w.pieces(&[");
        let mut text_due = true;
        for piece in pieces {
            match piece {
                Piece::Text(part) => {
                    push_str_literal(out, part);
                    out.push(',');
                    text_due = false;
                }
                Piece::Arg(_) => {
                    if text_due {
                        out.push_str("\"\",");
                    }
                    text_due = true;
                }
            }
        }
        out.push_str("], &[");
        for piece in pieces {
            if let Piece::Arg(index) = piece
                && let Some(field) = fields.get(*index)
            {
                let _ = write!(out, "{}.__apierr_piece(),", value(field));
            }
        }
        out.push_str("]),\n");
        self.text_arms += 1;
    }
}

/// The field's binding as the piece traits take it: a field written as a reference
/// (`&'a str`) is seen through, so that its type, not the reference's, decides.
fn value(field: &Field) -> String {
    let mut ty = field.ty;
    let mut derefs = String::new();
    while let syn::Type::Reference(reference) = ty {
        derefs.push('*');
        ty = &reference.elem;
    }
    let name = binding(&field.member);
    if derefs.is_empty() {
        name.to_string()
    } else {
        format!("({derefs}{name})")
    }
}

/// The template of thiserror's `#[error("…")]` on the case, read as thiserror reads it: only a
/// string alone, and only the case's own (an enum-wide `#[error]` is left to `Display`). A
/// string thiserror refuses gets no arm; thiserror reports it.
fn thiserror_template(input: &Input, case: &Case) -> Option<Template> {
    if !input.container.thiserror.error.is_empty() || !case.uses_display() {
        return None;
    }
    let text = case.error_literal.clone()?;
    let views = crate::ast::field_views(&case.fields);
    let mut resolver = crate::error_attr::ErrorFields {
        case: case.ident,
        fields: &views,
        is_tuple: matches!(case.fields.first(), Some(field) if matches!(field.member, syn::Member::Unnamed(_))),
        named: &[],
        first_unnamed: None::<Span>,
    };
    // Errors are thiserror's to report: the literal's span is never used.
    let lit = syn::LitStr::new(&text, Span::call_site());
    Template::parse_text_with(&lit, text, &mut resolver, "#[error]").ok()
}
