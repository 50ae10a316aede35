//! The derive macro of [apierr](https://docs.rs/apierr). Depend on `apierr`, which re-exports
//! it, rather than on this crate.

mod ast;
mod attr;
mod case;
mod code_enum;
mod ctxt;
mod display;
mod expand;
mod fallback;
mod fmt;
mod generics;
mod headers;
mod source;
mod status;
mod valid;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Derives `apierr::ApiError` from `#[api(...)]` attributes; see the `apierr` crate docs.
#[proc_macro_derive(ApiError, attributes(api, error, source, from))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input).into()
}
