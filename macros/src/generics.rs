//! Where-clause bounds inferred from how generic fields are used.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{GenericParam, Generics, Ident, Type};

use crate::fmt::Trait;

/// The type parameters of the input, and the bounds its fields need.
pub struct InferredBounds {
    params: Vec<Ident>,
    bounds: Vec<TokenStream>,
}

impl InferredBounds {
    pub fn new(generics: &Generics) -> Self {
        let mut params = Vec::new();
        for param in generics.type_params() {
            params.push(param.ident.clone());
        }
        InferredBounds {
            params,
            bounds: Vec::new(),
        }
    }

    /// Whether `ty` mentions a type parameter, so that its bounds cannot be checked before use.
    pub fn is_generic(&self, ty: &Type) -> bool {
        fn walk(tokens: TokenStream, params: &[Ident]) -> bool {
            for token in tokens {
                let found = match token {
                    TokenTree::Ident(ident) => params.contains(&ident),
                    TokenTree::Group(group) => walk(group.stream(), params),
                    _ => false,
                };
                if found {
                    return true;
                }
            }
            false
        }
        !self.params.is_empty() && walk(ty.to_token_stream(), &self.params)
    }

    /// Requires `ty: bound` when `ty` is generic, for a `bound` that a shared reference meets
    /// whenever its referent does (the formatting traits, `Serialize`, `AsRef`, `RetryAfter`):
    /// a field `&'a T` gets `T: bound`. A where clause `&'a T: Display` would be preferred to the
    /// standard impl for every `&T` of the impl, so that a `T` shown elsewhere, as `&'1 T`, would
    /// need `'1` to be `'a`. The bound is spanned at the field's type so that an unsatisfied one
    /// is reported there.
    pub fn insert(&mut self, mut ty: &Type, bound: TokenStream) {
        while let Type::Reference(reference) = ty
            && reference.mutability.is_none()
        {
            ty = &reference.elem;
        }
        self.insert_exact(ty, bound);
    }

    /// Requires the formatting trait a placeholder uses of the field's type `ty`.
    pub fn insert_fmt(&mut self, ty: &Type, used_as: Trait) {
        let name = Ident::new(used_as.name(), Span::call_site());
        let bound = quote!(::core::fmt::#name);
        if used_as == Trait::Pointer {
            // Every `&T` is a `Pointer`, whatever `T`.
            self.insert_exact(ty, bound);
        } else {
            self.insert(ty, bound);
        }
    }

    /// Requires `ty: bound` when `ty` is generic, `ty` as it is written (`ApiError` and `Error +
    /// 'static` do not carry over from a referent to its reference).
    pub fn insert_exact(&mut self, ty: &Type, bound: TokenStream) {
        if self.is_generic(ty) {
            let predicate = quote_spanned!(ty.span()=> #ty: #bound);
            let text = predicate.to_string();
            for known in &self.bounds {
                if known.to_string() == text {
                    return;
                }
            }
            self.bounds.push(predicate);
        }
    }

    /// Requires `Self: bound` (for the `Display` fallback of a generic type).
    pub fn insert_self(&mut self, bound: TokenStream) {
        if !self.params.is_empty() {
            self.bounds.push(quote!(Self: #bound));
        }
    }

    /// The input's where clause with the bounds of its parameters (see [`impl_generics`]) and
    /// the inferred bounds added.
    pub fn augment_where_clause(&self, generics: &Generics) -> TokenStream {
        let mut all = param_predicates(generics);
        if let Some(clause) = &generics.where_clause {
            for predicate in &clause.predicates {
                all.push(predicate.to_token_stream());
            }
        }
        for bound in &self.bounds {
            all.push(bound.clone());
        }
        if all.is_empty() {
            TokenStream::new()
        } else {
            quote!(where #(#all,)*)
        }
    }
}

/// The impl's parameters, `<'a, T, const N: usize>`, without their bounds: those go to the where
/// clause with the inferred ones ([`InferredBounds::augment_where_clause`]). With a bound on a
/// parameter and the same one inferred in the where clause (`enum E<T: Display>` whose message
/// shows a `T`), clippy's `trait_duplication_in_bounds` would fire on the user's type.
pub fn impl_generics(generics: &Generics) -> TokenStream {
    if generics.params.is_empty() {
        return TokenStream::new();
    }
    let mut params = Vec::new();
    for param in &generics.params {
        params.push(match param {
            GenericParam::Lifetime(param) => param.lifetime.to_token_stream(),
            GenericParam::Type(param) => param.ident.to_token_stream(),
            GenericParam::Const(param) => {
                let (ident, ty) = (&param.ident, &param.ty);
                quote!(const #ident: #ty)
            }
        });
    }
    quote!(<#(#params),*>)
}

/// The bounds written on the parameters, as where-clause predicates.
fn param_predicates(generics: &Generics) -> Vec<TokenStream> {
    let mut predicates = Vec::new();
    for param in &generics.params {
        match param {
            GenericParam::Lifetime(param) if !param.bounds.is_empty() => {
                let (lifetime, bounds) = (&param.lifetime, &param.bounds);
                predicates.push(quote!(#lifetime: #bounds));
            }
            GenericParam::Type(param) if !param.bounds.is_empty() => {
                let (ident, bounds) = (&param.ident, &param.bounds);
                predicates.push(quote!(#ident: #bounds));
            }
            _ => {}
        }
    }
    predicates
}
