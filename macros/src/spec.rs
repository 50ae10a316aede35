//! The static `Spec` of each case, and the `spec` and `catalog` methods that find them.
//!
//! Each case costs a number and a few strings in the type's spec table, which the runtime's
//! `checked_table` reads at compile time (see `runtime/src/spec/table.rs` for its shape), and
//! one arm in `spec`. What the compiler pays for on every build is the size of what the derive
//! writes, so the table is two flat arrays, and the arms are written as source text and
//! tokenized once, which for an enum of thousands of cases is much cheaper than building each
//! token, and holds nothing a user error could be reported at.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use std::borrow::Cow;

use syn::LitStr;
use syn::spanned::Spanned;

use crate::ast::{Case, Field, Input};
use crate::emit::{Attrs, case_path, fill_spanned, fixed, push_str_literal, source};
use crate::status;

/// How `spec` finds one case's `Spec`; one per case, in order.
enum Slot {
    /// An element of the shared `__SPECS` array: every case, but those below.
    Indexed(usize),
    /// A case under `#[cfg]` (an array element cannot be), with a static of its own, or a
    /// transparent case, which has its inner error's.
    Other {
        pattern: TokenStream,
        /// The `&'static Spec`.
        value: TokenStream,
        /// Its statement in `catalog`.
        catalog: TokenStream,
    },
}

/// The specs of the cases, in order.
#[derive(Default)]
pub struct Specs {
    /// The cases of `__SPECS`.
    table: Table,
    len: usize,
    cfg_statics: Vec<TokenStream>,
    slots: Vec<Slot>,
}

impl Specs {
    /// Adds the spec of a case that has its own.
    pub fn plain(&mut self, input: &Input, case: &Case) {
        let cfgs = &case.attrs.cfgs;
        if cfgs.is_empty() {
            self.slots.push(Slot::Indexed(self.len));
            self.len += 1;
            self.table.push(input, case);
            return;
        }
        let path = case_path(case);
        let name = format_ident!("__SPEC_{}", self.cfg_statics.len());
        let mut table = Table::default();
        table.push(input, case);
        let spec = source(&(table.call(input, 1) + "[0]"));
        self.cfg_statics.push(quote! {
            #(#cfgs)* static #name: ::apierr::__private::Spec = #spec;
        });
        self.slots.push(Slot::Other {
            pattern: quote!(#(#cfgs)* #path { .. }),
            value: quote!(&#name),
            catalog: quote!(#(#cfgs)* __visit(&#name);),
        });
    }

    /// Adds a transparent case, which has the spec of its inner error, bound as `__inner` by
    /// `pattern`.
    pub fn transparent(&mut self, case: &Case, field: &Field, pattern: TokenStream) {
        let inner = field.ty;
        // The locals are the derive's own, whatever the span of the call around them.
        let holes: &[(&str, &dyn quote::ToTokens)] = &[
            ("cfgs", &Attrs(&case.attrs.cfgs)),
            ("inner", inner),
            ("local", &fixed("__inner")),
            ("visit", &fixed("__visit")),
        ];
        self.slots.push(Slot::Other {
            pattern,
            value: fill_spanned(
                inner.span(),
                "<$inner as ::apierr::__private::ApiError>::spec($local)",
                holes,
            ),
            catalog: fill_spanned(
                inner.span(),
                "$cfgs <$inner as ::apierr::__private::ApiError>::catalog($visit);",
                holes,
            ),
        });
    }

    /// The statics: `__SPECS`, and those of the cases under `#[cfg]`.
    pub fn statics(&self, input: &Input) -> TokenStream {
        let specs = (self.len > 0).then(|| {
            let mut text = String::from("static __SPECS: [::apierr::__private::Spec; ");
            push_number(&mut text, self.len as u64, ']');
            text.push_str(" = ");
            text.push_str(&self.table.call(input, self.len));
            text.push(';');
            source(&text)
        });
        let cfg_statics = &self.cfg_statics;
        quote!(#specs #(#cfg_statics)*)
    }

    /// The body of `spec`: a `match` whose arms for the cases in `__SPECS` are source text.
    /// When every case is there, the arms give the index alone, the smallest arm to compile.
    pub fn spec_body(&self, input: &Input) -> TokenStream {
        let only_indexed = self
            .slots
            .iter()
            .all(|slot| matches!(slot, Slot::Indexed(_)));
        if input.cases.is_empty() {
            return quote!(match *self {});
        }
        if only_indexed && !input.is_enum {
            return quote!(&__SPECS[0]);
        }
        let mut text = String::new();
        let mut others = Vec::new();
        for (case, slot) in input.cases.iter().zip(&self.slots) {
            match slot {
                // Without the formatting machinery, slow in the unoptimized build.
                Slot::Indexed(index) => {
                    text.push_str("Self");
                    if case.is_variant {
                        text.push_str("::");
                        text.push_str(&case.ident.to_string());
                    }
                    if only_indexed {
                        text.push_str(" { .. } => ");
                        push_number(&mut text, *index as u64, ',');
                    } else {
                        text.push_str(" { .. } => &__SPECS[");
                        push_number(&mut text, *index as u64, ']');
                        text.push(',');
                    }
                }
                Slot::Other { pattern, value, .. } => others.push(quote!(#pattern => #value,)),
            }
        }
        let arms = source(&text);
        if only_indexed {
            quote!(&__SPECS[match self { #arms }])
        } else {
            quote!(match self { #(#others)* #arms })
        }
    }

    /// The parameter and body of `catalog`, which visits every spec.
    pub fn catalog(&self, input: &Input) -> (TokenStream, TokenStream) {
        if input.cases.is_empty() {
            return (quote!(_), TokenStream::new());
        }
        if self
            .slots
            .iter()
            .all(|slot| matches!(slot, Slot::Indexed(_)))
        {
            return (
                quote!(__visit),
                quote!(for __spec in &__SPECS {
                    __visit(__spec);
                }),
            );
        }
        let calls = self.slots.iter().map(|slot| match slot {
            Slot::Indexed(index) => {
                let index = proc_macro2::Literal::usize_unsuffixed(*index);
                quote!(__visit(&__SPECS[#index]);)
            }
            Slot::Other { catalog, .. } => catalog.clone(),
        });
        (quote!(__visit), quote!(#(#calls)*))
    }

    /// Each case's `&'static Spec`, in order.
    pub fn refs(&self) -> Vec<TokenStream> {
        let mut refs = Vec::with_capacity(self.slots.len());
        for slot in &self.slots {
            refs.push(match slot {
                Slot::Indexed(index) => {
                    let index = proc_macro2::Literal::usize_unsuffixed(*index);
                    quote!(&__SPECS[#index])
                }
                Slot::Other { value, .. } => value.clone(),
            });
        }
        refs
    }
}

/// The public message when it never depends on the value: the reason phrase of a redacted
/// case, or a template without interpolation.
pub fn static_message<'a>(case: &'a Case<'_>) -> Option<&'a str> {
    if case.is_redacted() {
        return Some(status::generic_message(
            case.status.as_ref().map_or(500, |status| status.code),
        ));
    }
    case.fixed_message()
}

/// thiserror's `#[error("…")]` as written, when clients see the `Display` it writes (no
/// `message`, not redacted) and it is a string literal alone; the catalogue describes an
/// undocumented case with it. An enum-wide `#[error]` is not the case's own text.
fn display_template<'a>(input: &Input, case: &'a Case) -> Option<&'a str> {
    if !case.uses_display() || case.is_redacted() || !input.container.thiserror.error.is_empty() {
        return None;
    }
    case.error_literal.as_deref()
}

/// The type's name as specs give it, without the `r#` of a raw identifier.
fn type_name(input: &Input) -> String {
    crate::error_attr::plain_name(&input.original.ident)
}

/// Cases as the runtime's `checked_table` reads them (see `runtime/src/spec/table.rs`): a
/// number per case and the cases' strings, each as the source text of an array's elements, and
/// the list of headers and data beside them.
#[derive(Default)]
struct Table {
    cases: String,
    strings: String,
    strings_len: usize,
    pairs: Vec<String>,
}

impl Table {
    /// `checked_table::<len, strings>("Type", [cases], [strings], &[pairs])`, as source text.
    fn call(&self, input: &Input, len: usize) -> String {
        let mut out = String::with_capacity(self.cases.len() + self.strings.len() + 100);
        out.push_str("::apierr::__private::checked_table::<");
        push_number(&mut out, len as u64, ',');
        push_number(&mut out, self.strings_len as u64, '>');
        out.push('(');
        push_str_literal(&mut out, &type_name(input));
        out.push_str(", [");
        out.push_str(&self.cases);
        out.push_str("], [");
        out.push_str(&self.strings);
        out.push_str("], &[");
        for pairs in &self.pairs {
            out.push_str(pairs);
            out.push_str(", ");
        }
        out.push_str("])");
        out
    }

    /// Appends the case: its number (status, flags, how many texts, the place of its headers
    /// and data), and its strings: code, variant and texts (in the order of the runtime's
    /// `TABLE_TEXTS`, the empty ones at the end left out: most cases have one or two). Whether
    /// a text needs JSON escaping is not written: the runtime's `checked_table` decides it at
    /// compile time with the table its writer escapes by, so the derive keeps no copy of that
    /// rule that could drift from it and write invalid JSON (a `Spec`'s fields are private: no
    /// spec skips the check).
    fn push(&mut self, input: &Input, case: &Case) {
        let code = case.code.as_ref().map_or("", |(code, _)| code.as_str());
        let status = case.status.as_ref().map_or(500, |status| status.code);
        let attrs = &case.attrs;
        let value = |lit: Option<&LitStr>| lit.map(|lit| Cow::Owned(lit.value()));
        let message = static_message(case);
        let display = display_template(input, case);
        // The runtime's `MESSAGE_IS_DISPLAY`: the static message is written once, as the
        // display template.
        let message_is_display = message.is_some() && message == display;
        let texts: [Option<Cow<str>>; 8] = [
            display.map(Cow::Borrowed),
            message.filter(|_| !message_is_display).map(Cow::Borrowed),
            // A redacted case's declared message is its internal one: not kept.
            value(attrs.message.as_ref().filter(|_| !case.is_redacted())),
            attrs.doc.as_deref().map(Cow::Borrowed),
            value(
                attrs
                    .category
                    .as_ref()
                    .or(input.container.category.as_ref()),
            ),
            value(attrs.title.as_ref()),
            value(attrs.problem_type.as_ref()),
            value(case.www_authenticate(&input.container)),
        ];
        let fields = case.fields_field().is_some();
        let mut flags: u64 = 0;
        for (set, bit) in [
            (attrs.expose.is_some(), 1),
            (case.is_redacted(), 2),
            (fields, 4),
            (case.retry_after_field().is_some(), 8),
            (message.is_some(), 16),
            (!case.has_members(), 256),
            (!fields, 512),
            (message_is_display, 1 << 15),
        ] {
            if set {
                flags |= bit;
            }
        }
        let written = texts
            .iter()
            .rposition(|text| text.as_deref().is_some_and(|text| !text.is_empty()))
            .map_or(0, |last| last + 1);
        let pair = if attrs.headers.is_empty() && case.data.is_empty() {
            0
        } else {
            let mut pairs = String::from("(");
            let headers = attrs
                .headers
                .iter()
                .map(|(name, value)| (name.value().to_ascii_lowercase(), value.value()));
            push_pairs(&mut pairs, headers);
            pairs.push_str(", ");
            push_pairs(&mut pairs, case.data.iter().cloned());
            pairs.push(')');
            self.pairs.push(pairs);
            self.pairs.len() as u64
        };
        let number = u64::from(status) | flags << 16 | (written as u64) << 32 | pair << 36;
        push_number(&mut self.cases, number, ',');

        let strings = &mut self.strings;
        push_str_literal(strings, code);
        strings.push_str(", ");
        if case.is_variant {
            push_str_literal(strings, &crate::error_attr::plain_name(case.ident));
        } else {
            strings.push_str("\"\"");
        }
        strings.push_str(", ");
        for text in &texts[..written] {
            push_str_literal(strings, text.as_deref().unwrap_or_default());
            strings.push_str(", ");
        }
        self.strings_len += 2 + written;
    }
}

/// Appends `n` in decimal digits, then `end`: without the formatting machinery, slow in the
/// unoptimized build of a proc macro, as this runs for every case.
fn push_number(out: &mut String, n: u64, end: char) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        // A digit, below 10.
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &digit in &digits[at..] {
        out.push(char::from(digit));
    }
    out.push(end);
}

/// Appends a `&[(name, value)]` of string literals.
fn push_pairs(out: &mut String, pairs: impl Iterator<Item = (String, String)>) {
    out.push_str("&[");
    for (name, value) in pairs {
        out.push('(');
        push_str_literal(out, &name);
        out.push_str(", ");
        push_str_literal(out, &value);
        out.push_str("), ");
    }
    out.push(']');
}
