//! A received `tonic::Status` read back into a typed error, on the client.

use std::fmt;
use std::time::Duration;

use ::tonic::{Code, Status};
use serde_json::Value;
use tonic_types::{ErrorDetails, StatusExt};

use super::code::{code_name, http_for_code};
use super::details::MAX_METADATA_ENTRIES;
use crate::decode::{Decoded, TypedError};
use crate::{FieldPath, HasCodeEnum, Violation};

/// An error received over gRPC, its code the code enum `C`: what [`typed_error`] gives.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GrpcError<C> {
    /// The error, as a client of the HTTP API would have decoded it.
    pub error: TypedError<C>,
    /// The gRPC status code.
    pub grpc_code: Code,
    /// The `ErrorInfo` domain, if the status had one.
    pub domain: Option<String>,
    /// The `RetryInfo` delay, if the status had one.
    pub retry_after: Option<Duration>,
}

impl<C: crate::ErrorCode> fmt::Display for GrpcError<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.error, f)
    }
}

impl<C: crate::ErrorCode> std::error::Error for GrpcError<C> {}

/// Reads a status as an error body would be read ([`crate::decode`]).
///
/// The code is the `ErrorInfo` reason, which [`status`](super::status) sets to the error's
/// code; a status without one (from another server, or tonic's own, such as a failed
/// connection's `UNAVAILABLE`) has the gRPC code's name instead (`"UNAVAILABLE"`), and the
/// HTTP status that code stands for ([`http_for_code`]). With an `ErrorInfo`, the status is
/// left out: the code's declared status is the one [`TypedError::status`] gives. The message is
/// the status's; `BadRequest` violations are the field errors, `ErrorInfo` metadata the
/// members (as JSON strings, ordered by name). Details that are not valid protobuf are
/// ignored: the code and message are still there.
///
/// Everything is bounded as field errors from a request are: a status comes from the network.
#[must_use]
pub fn decode(status: &Status) -> Decoded {
    read(status, &status.check_error_details().unwrap_or_default())
}

/// [`decode`], the details already parsed.
fn read(status: &Status, details: &ErrorDetails) -> Decoded {
    let (code, http_status) = match details.error_info() {
        Some(info) if !info.reason.is_empty() => (info.reason.clone(), None),
        _ => (
            code_name(status.code()).to_owned(),
            Some(http_for_code(status.code())),
        ),
    };
    let mut decoded = Decoded::new(code, status.message());
    decoded.status = http_status;
    if let Some(request) = details.bad_request() {
        for violation in &request.field_violations {
            let mut entry = Violation::from_message(violation.description.clone());
            if !violation.reason.is_empty() {
                entry = entry.with_code(violation.reason.clone());
            }
            decoded
                .fields
                .push_bounded(FieldPath::from(violation.field.as_str()), entry);
        }
    }
    if let Some(info) = details.error_info() {
        let mut metadata: Vec<_> = info.metadata.iter().collect();
        metadata.sort_unstable();
        for (name, value) in metadata.into_iter().take(MAX_METADATA_ENTRIES) {
            decoded
                .members
                .insert(name.clone(), Value::String(value.clone()));
        }
    }
    decoded
}

/// [`decode`], the code as `E`'s code enum ([`Decoded::typed_for`]), with what only gRPC
/// carries: its code, the `ErrorInfo` domain and the `RetryInfo` delay.
#[must_use]
pub fn typed_error<E: HasCodeEnum>(status: &Status) -> GrpcError<E::Code> {
    let details = status.check_error_details().unwrap_or_default();
    GrpcError {
        error: read(status, &details).typed_for::<E>(),
        grpc_code: status.code(),
        domain: details
            .error_info()
            .map(|info| info.domain.clone())
            .filter(|domain| !domain.is_empty()),
        retry_after: details.retry_info().and_then(|info| info.retry_delay),
    }
}
