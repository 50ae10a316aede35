//! Every `#[api(...)]` key, derived in the 2024 edition: the generated code must compile with
//! warnings denied and raise none of clippy's pedantic lints, and need no `#[allow]` of a lint
//! the crate forbids.
#![forbid(unused_imports)]
#![deny(warnings)]
#![warn(clippy::pedantic, clippy::trait_duplication_in_bounds)]

include!("../../every_key.rs");
