//! The derive input, read into what the later stages need.

use proc_macro2::Span;
use syn::ext::IdentExt as _;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, Ident, Member, Type};

use crate::attr::{CaseAttrs, ContainerAttrs, FieldAttrs, Status};
use crate::ctxt::Ctxt;
use crate::error_attr::DisplayAttr;
use crate::fmt::Template;

pub struct Input<'a> {
    pub original: &'a DeriveInput,
    pub is_enum: bool,
    /// The enum's own keys; for a struct, the few it takes as a type (its other keys are its
    /// case's).
    pub container: ContainerAttrs<'a>,
    pub cases: Vec<Case<'a>>,
}

/// A variant, or the struct itself: one code.
pub struct Case<'a> {
    pub ident: &'a Ident,
    pub is_variant: bool,
    pub attrs: CaseAttrs<'a>,
    pub fields: Vec<Field<'a>>,
    pub template: Option<Template>,
    /// The code as written, or as `rename_all` derives it, and where to point errors about it.
    pub code: Option<(String, Span)>,
    /// The variant's status, or else the enum's.
    pub status: Option<Status>,
    /// The text of thiserror's `#[error("…")]` when it has no placeholder: what `Display`
    /// always writes, kept in the spec so that the message is copied instead of formatted.
    pub display_fixed: Option<String>,
    /// Its own `#[error("…")]`'s string, when it is a string literal alone.
    pub error_literal: Option<String>,
    /// Its `#[error(...)]`, read when the type asks for `#[api(display)]`.
    pub display: Option<DisplayAttr>,
    /// Its fixed data: the enum's `data`, with the case's own entries over it.
    pub data: Vec<(String, String)>,
}

pub struct Field<'a> {
    pub member: Member,
    pub ty: &'a Type,
    pub span: Span,
    pub attrs: FieldAttrs,
}

/// The fields as thiserror's attributes see them.
pub fn field_views<'f>(fields: &'f [Field]) -> Vec<crate::error_attr::FieldView<'f>> {
    let mut views = Vec::with_capacity(fields.len());
    for field in fields {
        views.push(crate::error_attr::FieldView {
            member: &field.member,
            ty: field.ty,
        });
    }
    views
}

/// Why a field marked `#[api(member)]` has no name to use, and where to say so.
pub enum NoMemberName {
    /// `member = ""`.
    Empty(Span),
    /// A tuple field without `member = "name"`.
    Unnamed(Span),
}

impl Field<'_> {
    /// The name of the extension member this field is: the one given, or the field's own
    /// without `r#` (`r#type` is `type`). `None` when the field is not a member. The one rule
    /// for members' names: `valid` reports the errors, the generated code uses the names.
    pub fn member_name(&self) -> Option<Result<String, NoMemberName>> {
        Some(match (self.attrs.member.as_ref()?, &self.member) {
            (Some(given), _) if given.name.is_empty() => Err(NoMemberName::Empty(given.span)),
            (Some(given), _) => Ok(given.name.clone()),
            (None, Member::Named(ident)) => Ok(ident.unraw().to_string()),
            (None, Member::Unnamed(_)) => Err(NoMemberName::Unnamed(
                self.attrs.member_span.unwrap_or(self.span),
            )),
        })
    }
}

impl<'a> Input<'a> {
    /// Reads `input`; `None` (with the error recorded) for a union.
    pub fn from_syn(cx: &Ctxt, input: &'a DeriveInput) -> Option<Self> {
        match &input.data {
            Data::Enum(data) => {
                let container = ContainerAttrs::parse_enum(cx, &input.attrs);
                let cases = data
                    .variants
                    .iter()
                    .map(|variant| {
                        let attrs = CaseAttrs::parse_variant(cx, &variant.attrs);
                        Case::new(cx, &variant.ident, true, attrs, &variant.fields, &container)
                    })
                    .collect();
                Some(Input {
                    original: input,
                    is_enum: true,
                    container,
                    cases,
                })
            }
            Data::Struct(data) => {
                // A struct's `#[error]` is its own, not an enum-wide one: it stays in `attrs`.
                let (container, attrs) = crate::attr::parse_struct(cx, &input.attrs);
                let case = Case::new(cx, &input.ident, false, attrs, &data.fields, &container);
                Some(Input {
                    original: input,
                    is_enum: false,
                    container,
                    cases: vec![case],
                })
            }
            Data::Union(data) => {
                cx.error_spanned_by(
                    data.union_token,
                    "`ApiError` cannot be derived for a union: use an enum or a struct",
                );
                None
            }
        }
    }
}

/// The one identifier a type is written as (`u32`, `String`), if it is one.
fn type_ident(ty: &Type) -> Option<&Ident> {
    match ty {
        Type::Path(path) if path.qself.is_none() => path.path.get_ident(),
        _ => None,
    }
}

/// `ty.span()`, without building the type's tokens when it is one identifier: `span()` joins the
/// spans of the first and the last token, and here there is one.
fn type_span(ty: &Type) -> Span {
    type_ident(ty).map_or_else(|| ty.span(), Ident::span)
}

/// `field.span()`, without building the field's tokens in the common case of a field that is
/// its name (if any) and a type of one identifier: the same join of its first and last tokens'
/// spans as `span()` makes.
fn field_span(field: &syn::Field) -> Span {
    let plain = field.attrs.is_empty()
        && matches!(field.vis, syn::Visibility::Inherited)
        && field.default.is_none();
    match (plain, type_ident(&field.ty), &field.ident) {
        (true, Some(ty), None) => ty.span(),
        (true, Some(ty), Some(name)) => name.span().join(ty.span()).unwrap_or(name.span()),
        _ => field.span(),
    }
}

impl<'a> Case<'a> {
    fn new(
        cx: &Ctxt,
        ident: &'a Ident,
        is_variant: bool,
        attrs: CaseAttrs<'a>,
        fields: &'a Fields,
        container: &ContainerAttrs,
    ) -> Self {
        let fields: Vec<Field<'a>> = fields
            .iter()
            .enumerate()
            .map(|(i, field)| {
                let member = match &field.ident {
                    Some(ident) => Member::Named(ident.clone()),
                    None => Member::Unnamed(syn::Index {
                        index: u32::try_from(i).unwrap_or(u32::MAX),
                        span: type_span(&field.ty),
                    }),
                };
                Field {
                    member,
                    ty: &field.ty,
                    span: field_span(field),
                    attrs: FieldAttrs::parse(cx, &field.attrs),
                }
            })
            .collect();
        let template = attrs.message.as_ref().and_then(|lit| {
            Template::parse(lit)
                .map_err(|error| cx.syn_error(error))
                .ok()
        });
        let code = match (&attrs.code, &container.rename_all) {
            (Some((code, span)), _) => Some((code.clone(), *span)),
            // From the name as Rust sees it: `r#Type` is `Type`.
            (None, Some((rule, _))) => Some((rule.apply(&ident.unraw().to_string()), ident.span())),
            (None, None) => None,
        };
        let status = attrs.status.clone().or_else(|| container.status.clone());
        let thiserror = (&attrs.thiserror, &container.thiserror);
        let display = container.display.and_then(|_| {
            crate::error_attr::read_case(cx, ident, thiserror, &field_views(&fields))
        });
        // Read with the case's own `#[error]` when there is one, else read here.
        let error_literal = match (attrs.thiserror.error.first(), &display) {
            (None, _) => None,
            (Some(_), Some(crate::error_attr::DisplayAttr::Template(fmt))) => fmt.alone.clone(),
            (Some(attr), _) => crate::error_attr::literal_alone(attr),
        };
        let display_fixed = crate::error_attr::fixed_text(
            display.as_ref(),
            error_literal.as_deref(),
            &container.thiserror,
        );
        let data = crate::attr::data::merged(&container.data, &attrs.data);
        Case {
            data,
            error_literal,
            display,
            ident,
            is_variant,
            attrs,
            fields,
            template,
            code,
            status,
            display_fixed,
        }
    }

    /// The single field of a `transparent` case.
    pub fn transparent_field(&self) -> Option<&Field<'a>> {
        match (self.attrs.transparent, self.fields.as_slice()) {
            (Some(_), [field]) => Some(field),
            _ => None,
        }
    }

    pub fn source_field(&self) -> Option<&Field<'a>> {
        crate::error_attr::source_of(&self.fields, |field| {
            (&field.attrs.thiserror, &field.member)
        })
    }

    /// The first field `marked` accepts. (A function, not a closure: one loop compiled for
    /// every caller.)
    pub fn first_field(&self, marked: fn(&Field) -> bool) -> Option<&Field<'a>> {
        for field in &self.fields {
            if marked(field) {
                return Some(field);
            }
        }
        None
    }

    pub fn fields_field(&self) -> Option<&Field<'a>> {
        self.first_field(|field| field.attrs.fields.is_some())
    }

    /// The field marked `#[api(errors)]`, holding the `SubErrors`.
    pub fn errors_field(&self) -> Option<&Field<'a>> {
        self.first_field(|field| field.attrs.errors.is_some())
    }

    /// The fields marked `#[api(member)]` that have a name, with it, in order. A tuple field
    /// without `member = "name"` has none: that mistake is reported by `valid`.
    pub fn member_fields(&self) -> Vec<(&Field<'a>, String)> {
        let mut members = Vec::new();
        for field in &self.fields {
            if let Some(Ok(name)) = field.member_name() {
                members.push((field, name));
            }
        }
        members
    }

    /// Whether any field is marked `#[api(member)]`.
    pub fn has_members(&self) -> bool {
        self.first_field(|field| field.attrs.member.is_some())
            .is_some()
    }

    pub fn retry_after_field(&self) -> Option<&Field<'a>> {
        self.first_field(|field| field.attrs.retry_after.is_some())
    }

    /// The case's `WWW-Authenticate` challenge: its own, or on a 401 the enum's.
    pub fn www_authenticate<'b>(
        &'b self,
        container: &'b ContainerAttrs,
    ) -> Option<&'b syn::LitStr> {
        let unauthorized = self
            .status
            .as_ref()
            .is_some_and(|status| status.code == 401);
        self.attrs
            .www_authenticate
            .as_ref()
            .or(container.www_authenticate.as_ref().filter(|_| unauthorized))
    }

    /// The field `member` names, however raw either is written (`r#until` is `until`).
    pub fn field(&self, member: &Member) -> Option<&Field<'a>> {
        for field in &self.fields {
            if crate::fmt::same_member(&field.member, member) {
                return Some(field);
            }
        }
        None
    }

    /// The public message when no value changes it: a declared `message` without
    /// interpolation, or else thiserror's `#[error("…")]` without placeholders.
    pub fn fixed_message(&self) -> Option<&str> {
        match &self.template {
            Some(template) => template.fixed.as_deref(),
            None if self.uses_display() => self.display_fixed.as_deref(),
            None => None,
        }
    }

    /// Whether clients see the type's `Display` output instead of a declared message.
    pub fn uses_display(&self) -> bool {
        self.attrs.transparent.is_none() && self.attrs.message.is_none()
    }

    /// Whether the public message is replaced by the status's reason phrase: a 5xx showing its
    /// `Display` without `expose`, or any case marked `redact`.
    pub fn is_redacted(&self) -> bool {
        if self.attrs.transparent.is_some() {
            return false;
        }
        let server = self
            .status
            .as_ref()
            .is_some_and(|status| status.code >= 500);
        self.attrs.redact.is_some()
            || (server && self.uses_display() && self.attrs.expose.is_none())
    }
}
