//! The expansion of issue 15's keys (a format from a call, a numeric code, a success status,
//! `data`, `errors`, `member(name)`) without the prelude, and among shadows of the names it
//! uses: `LazyLock` and `Box` for the format, `SubErrors` and `Member` for the new methods.

/// Without the prelude: only `::`-rooted paths.
mod bare {
    #![no_implicit_prelude]

    /// Not a `const fn`: the format is built by a call, on first use.
    pub fn format() -> ::apierr::format::FieldStrings {
        ::apierr::format::FieldStrings
    }

    /// Every new key.
    #[derive(::core::fmt::Debug, ::apierr::ApiError)]
    #[api(format = format(), allow_success_status, data(domain = "bare.example"))]
    pub enum Bare {
        /// A numeric code, answered with 200, with sub-errors.
        #[api(code = 20003, status = 200, message = "batch", data(reason = "BATCH"))]
        Batch {
            /// Named like the parameter of `member`.
            #[api(member)]
            name: u8,
            /// Named like the sub-errors binding.
            #[api(errors)]
            errors: ::apierr::SubErrors,
        },
    }
}

/// Among shadows.
mod shadowed {
    use ::apierr::ApiError as Derive;

    /// Shadows `std::sync::LazyLock`.
    pub struct LazyLock;
    /// Shadows `Box`.
    pub struct Box;
    /// Shadows `apierr::SubErrors`.
    pub struct SubErrors;
    /// Shadows `apierr::Member`.
    pub struct Member;
    /// Shadows the `std` crate.
    pub mod std {}

    /// The same keys, derived among the shadows.
    #[derive(Debug, Derive)]
    #[api(format = super::bare::format())]
    pub enum Shadowed {
        /// A member and sub-errors.
        #[api(code = 20004, status = 409, message = "shadowed")]
        Batch(
            #[api(member = "name")] u8,
            #[api(errors)] ::apierr::SubErrors,
        ),
    }
}

use apierr::{ApiError, Envelope, SubError, SubErrors};
use serde_json::json;

#[test]
fn new_keys_expand_without_the_prelude_and_among_shadows() {
    let _ = (
        shadowed::LazyLock,
        shadowed::Box,
        shadowed::SubErrors,
        shadowed::Member,
    );
    let bare = bare::Bare::Batch {
        name: 1,
        errors: SubErrors::new().with(SubError::new("E1")),
    };
    assert_eq!(bare.code(), "20003");
    assert!(bare.spec().is_code_numeric());
    assert_eq!(bare.status().as_u16(), 200);
    assert_eq!(
        bare.spec().data_entries(),
        [("domain", "bare.example"), ("reason", "BATCH")]
    );
    assert_eq!(
        bare.member("name").map(|member| member.name()),
        Some("name")
    );
    assert_eq!(bare.sub_errors().map(SubErrors::len), Some(1));
    assert_eq!(
        Envelope::new(&bare).to_value().unwrap(),
        json!({"code": "20003", "message": "batch", "name": 1})
    );

    let shadowed = shadowed::Shadowed::Batch(2, SubErrors::new());
    assert_eq!(
        shadowed.member("name").map(|member| member.name()),
        Some("name")
    );
    assert_eq!(shadowed.sub_errors().map(SubErrors::len), Some(0));
    assert_eq!(
        Envelope::new(&shadowed).to_value().unwrap(),
        json!({"code": "20004", "message": "shadowed", "name": 2})
    );
}
