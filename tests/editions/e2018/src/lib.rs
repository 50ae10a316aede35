//! Every `#[api(...)]` key, derived in the 2018 edition: the generated code must compile with
//! warnings denied and raise none of clippy's pedantic lints.
#![deny(warnings)]
#![warn(clippy::pedantic)]

include!("../../every_key.rs");
