//! What the placeholders of an `#[error("…")]` refer to: as in thiserror, a field when one is
//! named so, else whatever `format_args!` finds (an argument after the string, a constant
//! in scope, `self`).

use proc_macro2::Span;
use syn::{Member, Type};

use super::{FieldView, plain_name};
use crate::fmt::{How, Place, Resolve, Target, Trait};

/// The fields of one case and the arguments after the string.
pub struct ErrorFields<'a> {
    /// The variant or struct, as errors name it.
    pub case: &'a syn::Ident,
    pub fields: &'a [FieldView<'a>],
    pub is_tuple: bool,
    /// The names of the arguments written `name = value`.
    pub named: &'a [String],
    /// Where the first argument without a name is, if there is one.
    pub first_unnamed: Option<Span>,
}

impl Resolve for ErrorFields<'_> {
    fn resolve(&mut self, name: &str, inner: &str, place: Place) -> Result<Target, String> {
        if name.is_empty() {
            return match self.first_unnamed {
                Some(_) => Ok(Target::Keep),
                None => Err(format!(
                    "#[error] cannot use `{{{inner}}}`: name the field, like `{{field}}` or `{{0}}`, or pass an argument after the string"
                )),
            };
        }
        // `{fn}` names the field `r#fn`, as in thiserror; `{r#fn}` is read so too.
        let name = name.strip_prefix("r#").unwrap_or(name);
        if name.bytes().all(|b| b.is_ascii_digit()) {
            let index: u32 = name
                .parse()
                .map_err(|_| format!("#[error] has `{{{inner}}}`, which is too large an index"))?;
            let member = Member::Unnamed(syn::Index {
                index,
                span: Span::call_site(),
            });
            let field = self.fields.iter().find(|field| *field.member == member);
            let is_field = field.is_some();
            if self.is_tuple && self.first_unnamed.is_some() {
                return Err(
                    "#[error] refers to arguments by number in a tuple variant, where `{0}` is a field: name the argument instead, like `{intro}` with `intro = …`".to_owned()
                );
            }
            if !is_field && self.first_unnamed.is_some() {
                return Ok(Target::Keep);
            }
            if !is_field {
                let hint = match self.fields.len() {
                    _ if !self.is_tuple => String::new(),
                    1 => "; its only field is `{0}`".to_owned(),
                    n => format!("; its fields are `{{0}}` to `{{{}}}`", n - 1),
                };
                return Err(format!(
                    "#[error] refers to `{{{index}}}`, but `{}` has no such field{hint}",
                    self.case
                ));
            }
            return Ok(Target::Field(
                member,
                how(field.map(|field| field.ty), place),
            ));
        }
        for named in self.named {
            if named == name {
                return Ok(Target::Keep);
            }
        }
        if name == "self" {
            return Ok(Target::This);
        }
        for field in self.fields {
            if matches!(field.member, Member::Named(ident) if plain_name(ident) == name) {
                return Ok(Target::Field(
                    field.member.clone(),
                    how(Some(field.ty), place),
                ));
            }
        }
        Ok(Target::Keep)
    }
}

/// How a field of type `ty` is passed where it stands.
fn how(ty: Option<&Type>, place: Place) -> How {
    match place {
        Place::Width | Place::Value(Trait::Pointer) => How::Value,
        Place::Value(Trait::Display) if ty.is_some_and(is_path) => How::PathDisplay,
        Place::Value(_) => How::Ref,
    }
}

/// Whether `ty` is written as a `Path` or `PathBuf` (behind references, or in a `Box`, `Cow`,
/// `Rc` or `Arc`), which `{x}` shows with `.display()`, having no `Display` itself.
fn is_path(ty: &Type) -> bool {
    match ty {
        Type::Reference(reference) => is_path(&reference.elem),
        Type::Paren(inner) => is_path(&inner.elem),
        Type::Path(path) if path.qself.is_none() => {
            let Some(last) = path.path.segments.last() else {
                return false;
            };
            // The name read once: each comparison of an identifier is a call into the compiler.
            let name = last.ident.to_string();
            if name == "Path" || name == "PathBuf" {
                return last.arguments.is_none();
            }
            let wrapper = ["Box", "Cow", "Rc", "Arc"].contains(&name.as_str());
            let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
                return false;
            };
            if wrapper {
                for arg in &args.args {
                    if matches!(arg, syn::GenericArgument::Type(inner) if is_path(inner)) {
                        return true;
                    }
                }
            }
            false
        }
        _ => false,
    }
}
