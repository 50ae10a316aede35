//! Reading `#[api(...)]`, doc comments, `#[cfg]` and thiserror's `#[error]`, `#[source]` and
//! `#[from]`, into one typed attribute model per place: [`ContainerAttrs`] for the enum (or the
//! struct as a type), [`CaseAttrs`] for each code (a variant, or the struct), [`FieldAttrs`]
//! for a field. Keys are typed ([`keys`]); every place reads its `#[api(...)]` through one
//! loop, in [`parse`], which reports unknown, misplaced and duplicate keys the same way.

mod case;
mod code;
mod container;
pub mod data;
mod fast;
mod field;
pub mod keys;
mod parse;
mod value;

pub use self::case::{CaseAttrs, parse_struct};
pub use self::container::ContainerAttrs;
pub use self::fast::plain_str;
pub use self::field::FieldAttrs;
pub use self::keys::closest;
pub use self::value::Status;
