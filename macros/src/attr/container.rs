//! The attributes of the type as a whole: the enum's, or a struct's own few.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, Expr, Ident, LitStr};

use super::keys::{ContainerKey, Key, Place};
use super::parse::{self, Outer, Target, Written};
use super::value::{self, Status};
use crate::case::{RULES, RenameRule};
use crate::ctxt::Ctxt;

/// The `#[api(...)]` keys of the enum, or of a struct as a type (its other keys are its
/// case's), and thiserror's `#[error]` on it.
#[derive(Default)]
pub struct ContainerAttrs<'a> {
    /// The status of every variant that has none of its own.
    pub status: Option<Status>,
    pub category: Option<LitStr>,
    pub rename_all: Option<(RenameRule, LitStr)>,
    pub format: Option<Expr>,
    /// The challenge of every 401 variant that has none of its own.
    pub www_authenticate: Option<LitStr>,
    /// `code_enum`, with the name it was given, if any.
    pub code_enum: Option<Option<Ident>>,
    /// `display`: the derive also writes `Display`, `Error` and `From`, as thiserror would.
    pub display: Option<Span>,
    /// `data(name = "value", …)`, in order: every variant's defaults.
    pub data: Vec<super::data::Entry>,
    /// `allow_success_status`: a 2xx status is accepted on every variant.
    pub allow_success_status: Option<Span>,
    /// `no_response_impls`: no framework impls (`IntoResponse`, `ResponseError`), for a type
    /// that has its own.
    pub no_response_impls: Option<Span>,
    /// thiserror's attributes on the enum itself (its `#[error]` is the variants' default).
    pub thiserror: crate::error_attr::Raw<'a>,
    /// The keys written, for the checks between keys.
    pub written: Written,
}

impl<'a> ContainerAttrs<'a> {
    /// Reads the attributes of an enum.
    pub fn parse_enum(cx: &Ctxt, attrs: &'a [Attribute]) -> Self {
        let mut out = ContainerAttrs::default();
        let mut outer = Outer::default();
        out.written = parse::read(cx, attrs, Place::Enum, &mut out, |attr| outer.read(attr));
        out.thiserror = outer.thiserror;
        out
    }
}

impl Target for ContainerAttrs<'_> {
    type Key = ContainerKey;

    fn set(
        &mut self,
        cx: &Ctxt,
        key: ContainerKey,
        meta: &ParseNestedMeta,
        span: Span,
    ) -> syn::Result<()> {
        let name = key.name();
        match key {
            // status = 401 | status = UNAUTHORIZED | status = StatusCode::UNAUTHORIZED
            ContainerKey::Status => self.status = Some(value::status(meta)?),
            // category = "Auth & Session"
            ContainerKey::Category => {
                self.category = Some(value::string(meta, name, "\"Auth & Session\"")?);
            }
            // rename_all = "SCREAMING_SNAKE_CASE"
            ContainerKey::RenameAll => {
                let lit = value::string(meta, name, "\"SCREAMING_SNAKE_CASE\"")?;
                self.rename_all = rename_rule(cx, lit);
            }
            // format = apierr::format::ProblemDetails::new()
            ContainerKey::Format => {
                let example = "apierr::format::ProblemDetails::new()";
                self.format = Some(value::value_of(meta, name, example)?.parse()?);
            }
            // www_authenticate = "Bearer realm=\"api\""
            ContainerKey::WwwAuthenticate => {
                self.www_authenticate = Some(value::string(meta, name, "\"Bearer\"")?);
            }
            // code_enum | code_enum = AuthErrorCode
            ContainerKey::CodeEnum => self.code_enum = Some(value::code_enum(meta)?),
            // display
            ContainerKey::Display => value::flag(&mut self.display, meta, name, span)?,
            // data(domain = "googleapis.com", reason = "API_KEY_INVALID")
            ContainerKey::Data => self.data = super::data::parse(cx, meta)?,
            // allow_success_status
            ContainerKey::AllowSuccessStatus => {
                value::flag(&mut self.allow_success_status, meta, name, span)?
            }
            // no_response_impls
            ContainerKey::NoResponseImpls => {
                value::flag(&mut self.no_response_impls, meta, name, span)?
            }
        }
        Ok(())
    }
}

/// The rule `lit` names, reporting an unknown one with the known ones.
fn rename_rule(cx: &Ctxt, lit: LitStr) -> Option<(RenameRule, LitStr)> {
    if let Some(rule) = RenameRule::from_name(&lit.value()) {
        return Some((rule, lit));
    }
    let mut message = format!(
        "unknown rename_all rule {:?}; expected one of ",
        lit.value()
    );
    for (i, (name, _)) in RULES.iter().enumerate() {
        if i > 0 {
            message.push_str(", ");
        }
        message.push('"');
        message.push_str(name);
        message.push('"');
    }
    cx.error_spanned_by(&lit, message);
    None
}
