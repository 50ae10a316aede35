//! The attributes of a field: its `#[api(...)]` keys, and thiserror's `#[source]`/`#[from]`.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, LitStr, Token};

use super::keys::{FieldKey, Key, Place};
use super::parse::{self, Target};
use super::value;
use crate::ctxt::Ctxt;

/// The name given to an extension member, `member = "name"`.
pub struct MemberName {
    pub name: String,
    pub span: Span,
}

/// The `#[api(...)]` keys of a field, and whether thiserror marks it as the source.
#[derive(Default)]
pub struct FieldAttrs {
    pub fields: Option<Span>,
    /// `errors`: the field holds the `SubErrors`.
    pub errors: Option<Span>,
    pub retry_after: Option<Span>,
    pub header: Option<LitStr>,
    /// `member`, with the name given, if any.
    pub member: Option<Option<MemberName>>,
    pub member_span: Option<Span>,
    /// thiserror's `#[source]`, `#[from]` and `#[backtrace]`, read by `error_attr`.
    pub thiserror: crate::error_attr::FieldMarks,
}

impl FieldAttrs {
    /// Reads the attributes of a field.
    pub fn parse(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut out = FieldAttrs::default();
        let mut thiserror = crate::error_attr::FieldMarks::default();
        parse::read(cx, attrs, Place::Field, &mut out, |attr| {
            // thiserror's attributes, the one place they are found.
            thiserror.take(attr);
        });
        out.thiserror = thiserror;
        out
    }
}

impl Target for FieldAttrs {
    type Key = FieldKey;

    fn set(
        &mut self,
        _: &Ctxt,
        key: FieldKey,
        meta: &ParseNestedMeta,
        span: Span,
    ) -> syn::Result<()> {
        let name = key.name();
        match key {
            // fields | errors | retry_after: flags
            FieldKey::Fields => value::flag(&mut self.fields, meta, name, span)?,
            FieldKey::Errors => value::flag(&mut self.errors, meta, name, span)?,
            FieldKey::RetryAfter => value::flag(&mut self.retry_after, meta, name, span)?,
            // header = "x-request-cost"
            FieldKey::Header => {
                self.header = Some(value::string(meta, name, "\"x-request-cost\"")?);
            }
            // member | member = "name"
            FieldKey::Member => {
                self.member_span = Some(span);
                self.member = Some(if meta.input.peek(Token![=]) {
                    let lit = value::string(meta, name, "\"balance\"")?;
                    Some(MemberName {
                        name: lit.value(),
                        span: lit.span(),
                    })
                } else {
                    None
                });
            }
        }
        Ok(())
    }
}
