//! Where-clause bounds inferred from how generic fields are used.

use proc_macro2::{TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Generics, Ident, Type};

/// The type parameters of the input, and the bounds its fields need.
pub struct InferredBounds {
    params: Vec<Ident>,
    bounds: Vec<TokenStream>,
}

impl InferredBounds {
    pub fn new(generics: &Generics) -> Self {
        InferredBounds {
            params: generics
                .type_params()
                .map(|param| param.ident.clone())
                .collect(),
            bounds: Vec::new(),
        }
    }

    /// Whether `ty` mentions a type parameter, so that its bounds cannot be checked before use.
    pub fn is_generic(&self, ty: &Type) -> bool {
        fn walk(tokens: TokenStream, params: &[Ident]) -> bool {
            tokens.into_iter().any(|token| match token {
                TokenTree::Ident(ident) => params.contains(&ident),
                TokenTree::Group(group) => walk(group.stream(), params),
                _ => false,
            })
        }
        !self.params.is_empty() && walk(ty.to_token_stream(), &self.params)
    }

    /// Requires `ty: bound` when `ty` is generic; the bound is spanned at the field's type so
    /// that an unsatisfied one is reported there.
    pub fn insert(&mut self, ty: &Type, bound: TokenStream) {
        if self.is_generic(ty) {
            let predicate = quote_spanned!(ty.span()=> #ty: #bound);
            let text = predicate.to_string();
            if !self.bounds.iter().any(|known| known.to_string() == text) {
                self.bounds.push(predicate);
            }
        }
    }

    /// Requires `Self: bound` (for the `Display` fallback of a generic type).
    pub fn insert_self(&mut self, bound: TokenStream) {
        if !self.params.is_empty() {
            self.bounds.push(quote!(Self: #bound));
        }
    }

    /// The input's where clause with the inferred bounds added.
    pub fn augment_where_clause(&self, generics: &Generics) -> TokenStream {
        let existing = generics
            .where_clause
            .as_ref()
            .map(|clause| clause.predicates.iter().map(ToTokens::to_token_stream))
            .into_iter()
            .flatten();
        let all: Vec<TokenStream> = existing.chain(self.bounds.iter().cloned()).collect();
        if all.is_empty() {
            TokenStream::new()
        } else {
            quote!(where #(#all,)*)
        }
    }
}
