//! The derive macro of [apierr](https://docs.rs/apierr). Depend on `apierr`, which re-exports
//! it, rather than on this crate.

// Loops where an iterator adapter would read as well: each adapter called with a closure is a
// generic function compiled anew into the derive, which every clean build of a user pays for.
#![allow(clippy::manual_find)]

mod ast;
mod attr;
mod case;
mod code_enum;
mod ctxt;
mod display;
mod emit;
mod error_attr;
mod error_check;
mod expand;
mod fallback;
mod field_arms;
mod fmt;
mod generics;
mod headers;
mod json_message;
mod members;
mod message;
mod source;
mod spec;
mod status;
mod valid;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Derives `apierr::ApiError` from `#[api(...)]` attributes; see the `apierr` crate docs.
#[proc_macro_derive(ApiError, attributes(api, error, source, from, backtrace))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input).into()
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::Path;

    /// Generated code names the runtime only through `::apierr::__private` (see
    /// `runtime/src/private.rs`), so that what the derive depends on is one list there: a path
    /// that skips it would tie the derive to a public path again.
    #[test]
    fn generated_paths_go_through_private() {
        // Built, so that this file's own text does not match.
        let root = concat!("::", "apierr", "::");
        let mut sources = Vec::new();
        collect(
            Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
            &mut sources,
        );
        assert!(sources.len() > 10, "the derive's sources were not found");
        for (path, source) in &sources {
            for (at, _) in source.match_indices(root) {
                let rest = &source[at + root.len()..];
                let through_private = rest.strip_prefix("__private").is_some_and(|after| {
                    !after.starts_with(|c: char| c.is_alphanumeric() || c == '_')
                });
                assert!(
                    through_private,
                    "{}: `{root}{}` skips `__private`",
                    path,
                    rest.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                        .next()
                        .unwrap_or_default()
                );
            }
        }
    }

    fn collect(dir: &Path, sources: &mut Vec<(String, String)>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                collect(&path, sources);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let source = fs::read_to_string(&path).unwrap();
                sources.push((path.display().to_string(), source));
            }
        }
    }
}
