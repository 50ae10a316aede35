#![doc = include_str!("guide.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub use apierr_macros::ApiError;
pub use http;
pub use http::StatusCode;
/// Re-exported so that generated code, and users without their own dependency, can name it.
pub use serde;

mod api_error;
#[cfg(feature = "catalog")]
pub mod catalog;
mod codes;
mod context;
#[cfg(feature = "decode")]
pub mod decode;
#[cfg(feature = "docs")]
pub mod docs;
mod ecosystem;
#[cfg(feature = "catalog")]
mod example;
mod fields;
pub mod format;
mod forward;
pub mod i18n;
mod integrations;
mod json_text;
pub mod limits;
mod message_json;
#[cfg(feature = "utoipa")]
pub mod openapi;
// Framework-free HTTP; not `http`, which is the re-exported crate above.
mod plain_http;
// The derive names `::apierr`; this lets the crate derive `ApiError` for its own `HttpError`.
extern crate self as apierr;
mod problem;
mod spec;
mod sub_errors;
mod validation;

pub use api_error::{ApiError, AsSource, RetryAfter};
pub use codes::{ErrorCode, HasCodeEnum};
pub use context::{
    Context, CorrelationId, InvalidCorrelationId, MAX_CORRELATION_ID_LEN, MAX_PATH_LEN, OutOfRange,
    Timestamp,
};
#[cfg(feature = "anyhow")]
pub use ecosystem::anyhow::{self, Internal};
#[cfg(feature = "garde")]
pub use ecosystem::garde;
#[cfg(feature = "reqwest")]
pub use ecosystem::reqwest;
#[cfg(feature = "validator")]
pub use ecosystem::validator;
pub use fields::{
    AsItems, AsLists, AsPointers, AsStrings, FieldError, FieldErrors, FieldPath, Pointer, Segment,
    Violation,
};
pub use format::Envelope;
// Inline, as they were when `i18n` sat in a private module: each keeps its page at the root.
#[doc(inline)]
pub use i18n::{Localize, MAX_ACCEPT_LANGUAGE_LEN, Translations, negotiate};
#[cfg(feature = "actix-web")]
pub use integrations::actix;
#[cfg(feature = "axum")]
pub use integrations::axum;
#[cfg(all(feature = "axum", any(feature = "validator", feature = "garde")))]
pub use integrations::extract;
#[cfg(feature = "tonic")]
pub use integrations::tonic;
pub use limits::{MAX_BODY_LEN, MAX_FIELD_ERRORS};
pub use plain_http::error::{HttpError, MAX_DETAIL_LEN};
pub use plain_http::rejection::{
    BodyFault, FromRejection, Rejection, RejectionDetail, RejectionKind,
};
pub use plain_http::response;
pub use problem::{DebugDetail, Member, Members, Message, Problem};
pub use spec::Spec;
pub use sub_errors::{MAX_SUB_ERRORS, SubError, SubErrors};
pub use validation::{FromFieldErrors, ValidationFailed};

// What the derive's generated code calls, in `private.rs`: hidden, and not public API.
#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;
