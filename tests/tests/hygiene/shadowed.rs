//! Every name the generated code could reach for unqualified, shadowed.

use ::apierr::ApiError as Derive;

/// Shadows `core::option::Option`.
pub struct Option;
/// Shadows `core::result::Result`.
pub struct Result;
/// Shadows `Option::Some`.
pub struct Some;
/// Shadows `Option::None`.
pub struct None;
/// Shadows `Result::Ok`.
pub struct Ok;
/// Shadows `Result::Err`.
pub struct Err;
/// Shadows `String`.
pub struct String;
/// Shadows `Box`.
pub struct Box;
/// Shadows `Vec`.
pub struct Vec;
/// Shadows `std::fmt::Formatter`.
pub struct Formatter;
/// Shadows `std::fmt::Display`.
pub trait Display {}
/// Shadows `std::error::Error`.
pub trait Error {}
/// Shadows `serde::Serialize`.
pub trait Serialize {}
/// Shadows `apierr::ApiError`.
pub trait ApiError {}
/// Shadows `apierr::Spec`.
pub struct Spec;
/// Shadows `apierr::Member`.
pub struct Member;
/// Shadows `apierr::FieldErrors`.
pub struct FieldErrors;
impl Display for Option {}
impl Error for Option {}
impl Serialize for Option {}
impl ApiError for Option {}

/// Uses the shadowing traits, so that none is dead code.
pub fn use_traits<T: Display + Error + Serialize + ApiError>(_: &T) {}

/// Shadows the `core` crate.
pub mod core {}
/// Shadows the `std` crate.
pub mod std {}
/// Shadows the `apierr` crate.
pub mod apierr {}

/// An enum derived among the shadows; field names that collide with the generated locals.
#[derive(Debug, Derive)]
#[api(status = 409, code_enum = ShadowCode)]
pub enum Shadowed {
    /// Names like the generated code's locals.
    #[api(
        code = "SHADOWED_LOCALS",
        message = "{f} {visit} {inner} {fields} {source}"
    )]
    Locals {
        /// Named like the formatter.
        #[api(member)]
        f: u8,
        /// Named like the member visitor.
        #[api(member)]
        visit: u8,
        /// Named like the transparent binding.
        inner: u8,
        /// Named like the field-errors binding.
        fields: u8,
        /// A source named `source`, displayed too.
        source: ::std::io::Error,
    },
    /// A tuple variant whose message uses indices.
    #[api(code = "SHADOWED_TUPLE", message = "{0}/{1:?}")]
    Tuple(u8, ::std::string::String),
    /// Field errors, through the real paths.
    #[api(code = "SHADOWED_FIELDS", status = 422, message = "invalid")]
    Fields(#[api(fields)] ::apierr::FieldErrors),
}

/// Checked from a module of its own, outside the shadows.
mod check {
    use super::{ShadowCode, Shadowed};
    use crate::body;
    use apierr::{ApiError, ErrorCode, FieldErrors};
    use serde_json::json;

    #[test]
    fn shadowed_names_do_not_leak_into_the_expansion() {
        // The shadows are real items; use each so that none is dead code.
        let _ = (
            super::Option,
            super::Result,
            super::Some,
            super::None,
            super::Ok,
            super::Err,
            super::String,
            super::Box,
            super::Vec,
            super::Formatter,
            super::Spec,
            super::Member,
            super::FieldErrors,
        );
        super::use_traits(&super::Option);

        let locals = Shadowed::Locals {
            f: 1,
            visit: 2,
            inner: 3,
            fields: 4,
            source: std::io::Error::other("io"),
        };
        assert_eq!(locals.code(), "SHADOWED_LOCALS");
        assert_eq!(locals.status().as_u16(), 409);
        assert_eq!(locals.message(), "1 2 3 4 io");
        assert!(locals.source_error().is_some());
        assert_eq!(
            body(&locals),
            json!({
                "success": false,
                "error": {
                    "code": "SHADOWED_LOCALS",
                    "message": "1 2 3 4 io",
                    "status": 409,
                    "f": 1,
                    "visit": 2,
                }
            })
        );

        let tuple = Shadowed::Tuple(5, "five".to_owned());
        assert_eq!(tuple.message(), "5/\"five\"");

        let fields = Shadowed::Fields(FieldErrors::new().with("name", "too long"));
        assert_eq!(
            body(&fields),
            json!({
                "success": false,
                "error": {
                    "code": "SHADOWED_FIELDS",
                    "message": "invalid",
                    "status": 422,
                    "fields": {"name": ["too long"]},
                }
            })
        );
        assert_eq!(ShadowCode::from_code("SHADOWED_TUPLE"), ShadowCode::Tuple);
    }
}
