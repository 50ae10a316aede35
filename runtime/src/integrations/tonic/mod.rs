//! gRPC from the same derive (feature `tonic`): any error as a [`tonic::Status`](::tonic::Status)
//! with `google.rpc` details, and a received status read back into the typed error.
//!
//! [`status`] and [`GrpcOptions::status`] convert any error; one line of
//! [`grpc_status!`](crate::grpc_status) gives your types `From<YourError> for tonic::Status`,
//! so that a tonic handler returns them with `?`. The status has:
//! - the gRPC code of the HTTP status, by Google's mapping ([`code_for_http`]: 404
//!   `NOT_FOUND`, 409 `ABORTED`, 422 `FAILED_PRECONDITION`…), unless the code declares its own
//!   with `#[api(data(grpc_code = "ALREADY_EXISTS"))]` ([`GRPC_CODE`], checked by
//!   [`check_codes`]);
//! - the public message exactly as in the HTTP body ([`ApiError::message`]: a 5xx is
//!   redacted unless `expose`), cut to [`MAX_MESSAGE_LEN`](crate::limits::MAX_MESSAGE_LEN);
//! - `google.rpc.ErrorInfo` with reason the error's code, domain the code's
//!   `#[api(data(domain = "…"))]` or else the options' ([`GrpcOptions::new`]), and the
//!   extension members as metadata (strings as they are, other values as JSON);
//! - `google.rpc.BadRequest` with one field violation per field-error entry (field the dotted
//!   path, description the message, reason the entry's code);
//! - `google.rpc.RetryInfo` with the `retry_after` delay.
//!
//! Everything is bounded so that the status fits the 16 KiB of trailers that peers accept by
//! default, whatever the request (see [`MAX_DETAILS_LEN`]). The details are those of
//! [tonic-types](https://docs.rs/tonic-types), so any tonic client reads them with
//! `tonic_types::StatusExt`; a client that shares the error types reads them back with
//! [`typed_error`], into the same [`TypedError`](crate::decode::TypedError) an HTTP client
//! decodes ([`crate::decode`]). A 5xx is reported as the HTTP layer reports it (through
//! `tracing` with that feature, else on standard error), its source chain included.
//!
//! ```
//! use apierr::ApiError;
//! use apierr::tonic::{GrpcOptions, typed_error};
//! use tonic::Code;
//!
//! #[derive(Debug, ApiError)]
//! #[api(code_enum)]
//! enum UserError {
//!     #[api(code = "USER_NOT_FOUND", status = 404, message = "No user {id}")]
//!     NotFound { #[api(member)] id: u64 },
//!     #[api(code = "USER_EXISTS", status = 409, message = "User exists", data(grpc_code = "ALREADY_EXISTS"))]
//!     Exists,
//!     #[api(code = "RATE_LIMITED", status = 429, message = "Slow down")]
//!     Limited { #[api(retry_after)] retry: u64 },
//! }
//!
//! apierr::grpc_status!(UserError);
//!
//! // In a tonic handler: `Err(UserError::Exists)?`.
//! let status = tonic::Status::from(UserError::Exists);
//! assert_eq!((status.code(), status.message()), (Code::AlreadyExists, "User exists"));
//!
//! let status = GrpcOptions::new("users.example.com").status(&UserError::NotFound { id: 7 });
//! assert_eq!((status.code(), status.message()), (Code::NotFound, "No user 7"));
//!
//! // On the client, from the status the call failed with:
//! let error = typed_error::<UserError>(&status);
//! assert_eq!(error.error.code, UserErrorCode::NotFound);
//! assert_eq!(error.error.message(), "No user 7");
//! assert_eq!(error.error.body.members["id"], "7");
//! assert_eq!(error.domain.as_deref(), Some("users.example.com"));
//!
//! let status = tonic::Status::from(UserError::Limited { retry: 30 });
//! assert_eq!(status.code(), Code::ResourceExhausted);
//! let error = typed_error::<UserError>(&status);
//! assert_eq!(error.retry_after, Some(std::time::Duration::from_secs(30)));
//! ```

use std::borrow::Cow;

use ::tonic::Status;
use ::tonic::metadata::MetadataMap;
use tonic_types::StatusExt;

use crate::ApiError;
use crate::limits::{MAX_MESSAGE_LEN, truncate};

mod client;
mod code;
mod details;

pub use client::{GrpcError, decode, typed_error};
pub use code::{
    GRPC_CODE, InvalidGrpcCode, check_codes, code_for, code_for_http, code_name, http_for_code,
    parse_code,
};
pub use details::{
    MAX_DETAILS_LEN, MAX_METADATA_ENTRIES, MAX_METADATA_KEY_LEN, MAX_METADATA_VALUE_LEN,
};

/// How errors become statuses: the `ErrorInfo` domain of codes that declare none.
///
/// A domain is the service's name (`"pubsub.googleapis.com"`), which makes reasons unique
/// across services; a code's own `#[api(data(domain = "…"))]`, or its enum's, comes first.
/// The default, used by the `From` impls of [`grpc_status!`](crate::grpc_status), has the
/// empty domain: declare it on the enum to give those statuses one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GrpcOptions {
    domain: Cow<'static, str>,
}

impl GrpcOptions {
    /// Options whose domain is `domain`, which is cut to the 253 bytes of a DNS name.
    #[must_use]
    pub fn new(domain: impl Into<Cow<'static, str>>) -> Self {
        GrpcOptions {
            domain: domain.into(),
        }
    }

    /// The domain of codes that declare none.
    #[must_use]
    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// `error` as a status, with these options.
    #[must_use]
    pub fn status(&self, error: &dyn ApiError) -> Status {
        if error.status().is_server_error() {
            crate::plain_http::log::server_error(error, &crate::Context::default());
        }
        let code = code::code_for(error.spec());
        let message = truncate(&error.message(), MAX_MESSAGE_LEN).into_owned();
        let domain = error.spec().data("domain").unwrap_or(&self.domain);
        let details = details::details(error, &message, domain);
        Status::with_error_details_and_metadata(code, message, details, MetadataMap::new())
    }
}

/// `error` as a status, with the default options: what the `From` impls of
/// [`grpc_status!`](crate::grpc_status) give.
///
/// ```
/// use apierr::ApiError;
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// enum StoreError {
///     #[error("connection to 10.0.0.7 refused")]
///     #[api(code = "STORE_DOWN", status = 503)]
///     Down,
/// }
///
/// // Redacted as in the HTTP body: the address stays in the server's logs.
/// let status = apierr::tonic::status(&StoreError::Down);
/// assert_eq!(status.code(), tonic::Code::Unavailable);
/// assert_eq!(status.message(), "Service Unavailable");
/// ```
#[must_use]
pub fn status(error: &dyn ApiError) -> Status {
    GrpcOptions::default().status(error)
}

/// `From<YourError> for tonic::Status`, for each type named: a tonic handler then returns
/// your errors with `?`, as statuses with the default [`GrpcOptions`] (the domain of a code
/// is its `#[api(data(domain = "…"))]`, or its enum's).
///
/// A macro to call rather than an impl the derive emits: naming a type in an impl of a public
/// trait for a public type makes it reachable, so a `pub` enum in a private module whose fields
/// are private types would get `private_interfaces` warnings it did not ask for. For a generic
/// type, write the impl by hand, its body [`status`]`(&error)`.
///
/// ```
/// # use apierr::ApiError;
/// #[derive(Debug, ApiError)]
/// enum OrderError {
///     #[api(code = "ORDER_NOT_FOUND", status = 404, message = "No such order")]
///     NotFound,
/// }
/// #[derive(Debug, ApiError)]
/// enum PaymentError {
///     #[api(code = "CARD_DECLINED", status = 402, message = "Card declined")]
///     Declined,
/// }
/// apierr::grpc_status!(OrderError, PaymentError);
///
/// fn get_order() -> Result<(), tonic::Status> {
///     Err(OrderError::NotFound)?
/// }
/// assert_eq!(get_order().unwrap_err().code(), tonic::Code::NotFound);
/// assert_eq!(tonic::Status::from(PaymentError::Declined).code(), tonic::Code::FailedPrecondition);
/// ```
#[macro_export]
macro_rules! grpc_status {
    ($($ty:ty),+ $(,)?) => {
        $(
            impl ::core::convert::From<$ty> for $crate::__private::tonic::Status {
                fn from(error: $ty) -> Self {
                    $crate::__private::tonic_status(&error)
                }
            }
        )+
    };
}

/// What [`grpc_status!`](crate::grpc_status) names, for `crate::__private`.
#[doc(hidden)]
pub mod __private {
    pub use ::tonic;

    /// The body of every `From<E> for tonic::Status` of `grpc_status!`.
    pub fn tonic_status<E: crate::ApiError>(error: &E) -> ::tonic::Status {
        super::status(error)
    }
}
