//! The attributes of one code: a variant's, or a struct's (which are its own case's, besides
//! the few a struct takes as a type).

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, LitStr};

use super::container::ContainerAttrs;
use super::keys::{CaseKey, ContainerKey, Key, Place};
use super::parse::{self, Outer, Target, Written};
use super::value::{self, Status};
use crate::ctxt::Ctxt;

/// The `#[api(...)]` keys of a variant, or of a struct as its one case, and what else is read
/// with them.
#[derive(Default)]
pub struct CaseAttrs<'a> {
    /// The code as written, and the span of its literal.
    pub code: Option<(String, Span)>,
    pub status: Option<Status>,
    pub message: Option<LitStr>,
    pub transparent: Option<Span>,
    pub expose: Option<Span>,
    pub redact: Option<Span>,
    pub category: Option<LitStr>,
    pub title: Option<LitStr>,
    pub problem_type: Option<LitStr>,
    pub www_authenticate: Option<LitStr>,
    /// `header("name", "value")`, as often as given.
    pub headers: Vec<(LitStr, LitStr)>,
    /// `data(name = "value", …)`, in order.
    pub data: Vec<super::data::Entry>,
    /// `allow_success_status`: a 2xx status is accepted.
    pub allow_success_status: Option<Span>,
    /// The `///` comment, trimmed; `None` when there is none.
    pub doc: Option<String>,
    /// `#[cfg]` attributes, repeated on everything generated for the variant.
    pub cfgs: Vec<&'a Attribute>,
    /// thiserror's attributes, read by `error_attr`.
    pub thiserror: crate::error_attr::Raw<'a>,
    /// The keys written, for the checks between keys.
    pub written: Written,
}

impl<'a> CaseAttrs<'a> {
    /// Reads the attributes of a variant.
    pub fn parse_variant(cx: &Ctxt, attrs: &'a [Attribute]) -> Self {
        let mut out = CaseAttrs::default();
        let mut outer = Outer::default();
        out.written = parse::read(cx, attrs, Place::Variant, &mut out, |attr| outer.read(attr));
        out.finish(outer);
        out
    }

    fn finish(&mut self, outer: Outer<'a>) {
        self.doc = outer.doc();
        self.cfgs = outer.cfgs;
        self.thiserror = outer.thiserror;
    }

    /// The keys written that a `transparent` case takes from its inner error, with the span
    /// of each.
    pub fn keys_supplied_by_inner_error(&self) -> impl Iterator<Item = (&'static str, Span)> + '_ {
        self.written.keys().filter(|(name, _)| {
            CaseKey::from_name(name).is_some_and(CaseKey::supplied_by_inner_error)
        })
    }
}

/// Reads the attributes of a struct: the type's own keys, and its one case's. A struct's
/// `#[error]` is its case's, not a type-wide one as on an enum.
pub fn parse_struct<'a>(cx: &Ctxt, attrs: &'a [Attribute]) -> (ContainerAttrs<'a>, CaseAttrs<'a>) {
    let mut target = StructTarget::default();
    let mut outer = Outer::default();
    let written = parse::read(cx, attrs, Place::Struct, &mut target, |attr| {
        outer.read(attr)
    });
    let StructTarget {
        container,
        mut case,
    } = target;
    case.written = written;
    case.finish(outer);
    (container, case)
}

/// A struct's attributes, each key going to the type or to its case.
#[derive(Default)]
struct StructTarget<'a> {
    container: ContainerAttrs<'a>,
    case: CaseAttrs<'a>,
}

/// A key of a struct's `#[api(...)]`.
#[derive(Clone, Copy)]
enum StructKey {
    Case(CaseKey),
    Container(ContainerKey),
}

impl Key for StructKey {
    fn name(self) -> &'static str {
        match self {
            StructKey::Case(key) => key.name(),
            StructKey::Container(key) => key.name(),
        }
    }

    fn from_name(name: &str) -> Option<StructKey> {
        CaseKey::from_name(name).map(StructKey::Case).or_else(|| {
            ContainerKey::from_name(name)
                .filter(|key| key.on_struct())
                .map(StructKey::Container)
        })
    }

    fn repeats(self) -> bool {
        matches!(self, StructKey::Case(key) if key.repeats())
    }
}

impl Target for StructTarget<'_> {
    type Key = StructKey;

    fn set(
        &mut self,
        cx: &Ctxt,
        key: StructKey,
        meta: &ParseNestedMeta,
        span: Span,
    ) -> syn::Result<()> {
        match key {
            StructKey::Case(key) => self.case.set(cx, key, meta, span),
            StructKey::Container(key) => self.container.set(cx, key, meta, span),
        }
    }
}

impl Target for CaseAttrs<'_> {
    type Key = CaseKey;

    fn read_fast(&mut self, list: &syn::MetaList, written: &mut Written) -> bool {
        let parens = matches!(list.delimiter, syn::MacroDelimiter::Paren(_));
        parens && super::fast::case(&list.tokens, self, written)
    }

    fn set(
        &mut self,
        cx: &Ctxt,
        key: CaseKey,
        meta: &ParseNestedMeta,
        span: Span,
    ) -> syn::Result<()> {
        let name = key.name();
        match key {
            // code = "AUTH_MISSING" | code = 20003
            CaseKey::Code => {
                let lit = super::code::value(meta)?;
                self.code = Some((lit.value(), lit.span()));
            }
            // status = 401 | status = UNAUTHORIZED | status = StatusCode::UNAUTHORIZED
            CaseKey::Status => self.status = Some(value::status(meta)?),
            // message = "account locked until {until}"
            CaseKey::Message => self.message = Some(value::string(meta, name, "\"not found\"")?),
            // transparent | expose | redact | allow_success_status: flags
            CaseKey::Transparent => value::flag(&mut self.transparent, meta, name, span)?,
            CaseKey::Expose => value::flag(&mut self.expose, meta, name, span)?,
            CaseKey::Redact => value::flag(&mut self.redact, meta, name, span)?,
            CaseKey::AllowSuccessStatus => {
                value::flag(&mut self.allow_success_status, meta, name, span)?
            }
            // category = "Auth & Session"
            CaseKey::Category => {
                self.category = Some(value::string(meta, name, "\"Auth & Session\"")?);
            }
            // title = "You do not have enough credit."
            CaseKey::Title => {
                self.title = Some(value::string(meta, name, "\"Not enough credit\"")?)
            }
            // type = "https://example.com/probs/out-of-credit"
            CaseKey::Type => {
                let example = "\"https://example.com/probs/x\"";
                self.problem_type = Some(value::string(meta, name, example)?);
            }
            // www_authenticate = "Bearer realm=\"api\""
            CaseKey::WwwAuthenticate => {
                self.www_authenticate = Some(value::string(meta, name, "\"Bearer\"")?);
            }
            // header("cache-control", "no-store")
            CaseKey::Header => self.headers.push(value::header_pair(meta)?),
            // data(domain = "googleapis.com", reason = "API_KEY_INVALID")
            CaseKey::Data => self.data = super::data::parse(cx, meta)?,
        }
        Ok(())
    }
}
