//! What the derive's generated code calls, as `apierr::__private`. Not public API: it changes
//! without notice.
//!
//! The derive's generated code names the runtime only through this module, public items
//! included (re-exported here as they are): one door keeps what the derive depends on in one
//! list, and lets the public paths move without touching the derive. A unit test in
//! `macros/src/lib.rs` keeps the derive to it.

pub use crate::__apierr_integrations as integrations;
pub use crate::api_error::{ApiError, AsSource, RetryAfter};
pub use crate::codes::{ErrorCode, HasCodeEnum};
pub use crate::fields::FieldErrors;
pub use crate::format::AnyFormat;
#[cfg(any(feature = "axum", feature = "actix-web", feature = "tonic"))]
pub use crate::integrations::private::*;
pub use crate::message_json::{MessageJson, Piece};
#[cfg(feature = "utoipa")]
pub use crate::openapi::private::*;
pub use crate::problem::Member;
pub use crate::spec::{RawPairs, RawSpec, Spec, checked_spec, checked_specs, checked_table};
pub use crate::sub_errors::SubErrors;
#[cfg(feature = "garde")]
pub use ::garde;
#[cfg(feature = "validator")]
pub use ::validator;
pub use core::fmt::{Display, Formatter, Result as FmtResult};
pub use core::option::Option::{self, None, Some};
pub use serde::{Deserialize, Deserializer, Serialize, Serializer};
pub use std::backtrace::Backtrace;
pub use std::error::Error;

/// The two traits a `write_message_json` arm resolves each field's methods through, for a glob
/// import: one of them is always used, not always both.
pub mod json_pieces {
    pub use crate::message_json::{JsonPiece, NotJsonPiece};
}

/// Whether `f` was given a width, precision, alignment or flag for a whole message. A derived
/// `Display` then writes itself again through a fresh formatter, so that its fields are written
/// as `{}` writes them inside a format string: `format!("{:>12}", error)` pads neither the
/// message nor its fields, as with thiserror.
#[must_use]
pub fn has_options(f: &Formatter<'_>) -> bool {
    f.width().is_some()
        || f.precision().is_some()
        || f.align().is_some()
        || f.alternate()
        || f.sign_plus()
        || f.sign_minus()
        || f.sign_aware_zero_pad()
}

/// The variant of `C` for `code`, unless `C` does not know it.
pub fn known_code<C: ErrorCode>(code: &str) -> Option<C> {
    Some(C::from_code(code)).filter(|code| !code.is_unknown())
}

/// Reads a code enum from a string, borrowed or not.
///
/// # Errors
/// When the input is not a string.
pub fn deserialize_code<'de, C: ErrorCode, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<C, D::Error> {
    struct Visitor<C>(core::marker::PhantomData<C>);

    impl<C: ErrorCode> serde::de::Visitor<'_> for Visitor<C> {
        type Value = C;

        fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str("an error code string")
        }

        fn visit_str<E: serde::de::Error>(self, code: &str) -> Result<C, E> {
            Ok(C::from_code(code))
        }
    }

    deserializer.deserialize_str(Visitor(core::marker::PhantomData))
}

/// The format of `#[api(format = …)]`: built on first use, from any expression, constant or
/// not (one reading configuration, say), and kept for the life of the program.
pub type LazyFormat = std::sync::LazyLock<Box<dyn AnyFormat>, fn() -> Box<dyn AnyFormat>>;

/// `format`, boxed for a [`LazyFormat`]. Generic over `Format` rather than taking the box, so
/// that a value that is not a format is reported with `Format`'s own message, at the
/// expression the user wrote.
pub fn boxed_format<F: crate::format::Format>(format: F) -> Box<dyn AnyFormat> {
    Box::new(format)
}

/// What the stand-in impl of a derive that failed returns, so no secondary errors follow.
pub static FALLBACK_SPEC: Spec = Spec::new("INTERNAL_ERROR", 500, "<invalid ApiError derive>");
