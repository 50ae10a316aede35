//! gRPC status codes: from an HTTP status, from a code's `grpc_code` data, and back.
//!
//! The mapping is Google's, as `google/rpc/code.proto` gives it on each code ("HTTP Mapping:")
//! and as the HTTP ⇄ RPC table that goes with it completes it for the statuses the proto does
//! not name (other 4xx `FAILED_PRECONDITION`, other 5xx `INTERNAL`, anything else `UNKNOWN`):
//! <https://github.com/googleapis/googleapis/blob/master/google/rpc/code.proto>.

use ::tonic::Code;
use http::StatusCode;

use crate::Spec;

/// The name of the [`Spec::data`] entry that gives a code its own gRPC code, such as
/// `#[api(data(grpc_code = "ALREADY_EXISTS"))]`: the `google.rpc.Code` name, in capitals.
pub const GRPC_CODE: &str = "grpc_code";

/// Every `google.rpc.Code` by its name in the proto, in the proto's order.
const NAMES: [(&str, Code); 17] = [
    ("OK", Code::Ok),
    ("CANCELLED", Code::Cancelled),
    ("UNKNOWN", Code::Unknown),
    ("INVALID_ARGUMENT", Code::InvalidArgument),
    ("DEADLINE_EXCEEDED", Code::DeadlineExceeded),
    ("NOT_FOUND", Code::NotFound),
    ("ALREADY_EXISTS", Code::AlreadyExists),
    ("PERMISSION_DENIED", Code::PermissionDenied),
    ("RESOURCE_EXHAUSTED", Code::ResourceExhausted),
    ("FAILED_PRECONDITION", Code::FailedPrecondition),
    ("ABORTED", Code::Aborted),
    ("OUT_OF_RANGE", Code::OutOfRange),
    ("UNIMPLEMENTED", Code::Unimplemented),
    ("INTERNAL", Code::Internal),
    ("UNAVAILABLE", Code::Unavailable),
    ("DATA_LOSS", Code::DataLoss),
    ("UNAUTHENTICATED", Code::Unauthenticated),
];

/// The gRPC code of an error answered over HTTP with `status`, by Google's table.
///
/// An error is never `OK`: a 2xx status, which an error only has when it is declared with
/// `allow_success_status`, is `UNKNOWN`, as are 1xx and 3xx.
///
/// ```
/// use apierr::tonic::code_for_http;
/// use http::StatusCode;
/// use tonic::Code;
///
/// assert_eq!(code_for_http(StatusCode::CONFLICT), Code::Aborted);
/// assert_eq!(code_for_http(StatusCode::UNPROCESSABLE_ENTITY), Code::FailedPrecondition);
/// assert_eq!(code_for_http(StatusCode::BAD_GATEWAY), Code::Internal);
/// ```
#[must_use]
pub fn code_for_http(status: StatusCode) -> Code {
    match status.as_u16() {
        400 => Code::InvalidArgument,
        401 => Code::Unauthenticated,
        403 => Code::PermissionDenied,
        404 => Code::NotFound,
        409 => Code::Aborted,
        416 => Code::OutOfRange,
        429 => Code::ResourceExhausted,
        499 => Code::Cancelled,
        501 => Code::Unimplemented,
        503 => Code::Unavailable,
        504 => Code::DeadlineExceeded,
        // Every other 4xx and 5xx. (Not `400..=499`: the exact statuses above are in it.)
        status if status / 100 == 4 => Code::FailedPrecondition,
        status if status / 100 == 5 => Code::Internal,
        _ => Code::Unknown,
    }
}

/// The HTTP status a gRPC code stands for, by the same table read the other way: what a client
/// knows of the status of an error that carries no code of its own.
///
/// ```
/// use apierr::tonic::http_for_code;
/// use http::StatusCode;
/// use tonic::Code;
///
/// assert_eq!(http_for_code(Code::AlreadyExists), StatusCode::CONFLICT);
/// assert_eq!(http_for_code(Code::DataLoss), StatusCode::INTERNAL_SERVER_ERROR);
/// ```
#[must_use]
pub fn http_for_code(code: Code) -> StatusCode {
    let status = match code {
        Code::Ok => 200,
        Code::Cancelled => 499,
        Code::InvalidArgument | Code::FailedPrecondition | Code::OutOfRange => 400,
        Code::DeadlineExceeded => 504,
        Code::NotFound => 404,
        Code::AlreadyExists | Code::Aborted => 409,
        Code::PermissionDenied => 403,
        Code::ResourceExhausted => 429,
        Code::Unimplemented => 501,
        Code::Unknown | Code::Internal | Code::DataLoss => 500,
        Code::Unavailable => 503,
        Code::Unauthenticated => 401,
    };
    StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The gRPC code named `name` (`"ALREADY_EXISTS"`), if there is one; `OK` is no error's code.
///
/// ```
/// use apierr::tonic::parse_code;
/// use tonic::Code;
///
/// assert_eq!(parse_code("ALREADY_EXISTS"), Some(Code::AlreadyExists));
/// assert_eq!(parse_code("already_exists"), None);
/// assert_eq!(parse_code("OK"), None);
/// ```
#[must_use]
pub fn parse_code(name: &str) -> Option<Code> {
    NAMES
        .iter()
        .find(|(known, code)| *known == name && *code != Code::Ok)
        .map(|&(_, code)| code)
}

/// The proto name of `code`, such as `"NOT_FOUND"`.
#[must_use]
pub fn code_name(code: Code) -> &'static str {
    NAMES
        .iter()
        .find(|(_, known)| *known == code)
        .map_or("UNKNOWN", |&(name, _)| name)
}

/// The gRPC code of errors of `spec`: its [`GRPC_CODE`] data when that names a code, else the
/// code of its HTTP status ([`code_for_http`]).
///
/// A name that is no gRPC code (or `OK`) is ignored here, never a panic; [`check_codes`] finds
/// such names in a test.
#[must_use]
pub fn code_for(spec: &Spec) -> Code {
    spec.data(GRPC_CODE)
        .and_then(parse_code)
        .unwrap_or_else(|| code_for_http(spec.status()))
}

/// A `grpc_code` data entry that names no gRPC code, found by [`check_codes`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidGrpcCode {
    /// The error code whose data it is.
    pub code: &'static str,
    /// The name as written.
    pub name: &'static str,
}

impl std::fmt::Display for InvalidGrpcCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "`{}` declares grpc_code = {:?}, which is not a google.rpc.Code name other than OK",
            self.code, self.name
        )
    }
}

impl std::error::Error for InvalidGrpcCode {}

/// Checks every `grpc_code` of `E`'s catalogue, for a test: the derive cannot, as the data
/// entries are free-form, and at run time a wrong name falls back to the HTTP mapping.
///
/// # Errors
/// Every entry that names no gRPC code.
///
/// ```
/// use apierr::ApiError;
///
/// #[derive(Debug, ApiError)]
/// enum UserError {
///     #[api(code = "USER_EXISTS", status = 409, message = "User exists", data(grpc_code = "ALREADY_EXIST"))]
///     Exists,
/// }
///
/// let problems = apierr::tonic::check_codes::<UserError>().unwrap_err();
/// assert_eq!(problems[0].name, "ALREADY_EXIST");
/// ```
pub fn check_codes<E: crate::ApiError>() -> Result<(), Vec<InvalidGrpcCode>> {
    let mut problems = Vec::new();
    E::catalog(&mut |spec| {
        if let Some(name) = spec.data(GRPC_CODE)
            && parse_code(name).is_none()
        {
            problems.push(InvalidGrpcCode {
                code: spec.code(),
                name,
            });
        }
    });
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_of_code_proto() {
        let table = [
            (400, Code::InvalidArgument),
            (401, Code::Unauthenticated),
            (403, Code::PermissionDenied),
            (404, Code::NotFound),
            (409, Code::Aborted),
            (416, Code::OutOfRange),
            (429, Code::ResourceExhausted),
            (499, Code::Cancelled),
            (501, Code::Unimplemented),
            (503, Code::Unavailable),
            (504, Code::DeadlineExceeded),
            // The catch-alls.
            (405, Code::FailedPrecondition),
            (422, Code::FailedPrecondition),
            (500, Code::Internal),
            (502, Code::Internal),
            (599, Code::Internal),
            // An error is never OK.
            (200, Code::Unknown),
            (204, Code::Unknown),
            (302, Code::Unknown),
            (100, Code::Unknown),
        ];
        for (status, code) in table {
            let status = StatusCode::from_u16(status).unwrap();
            assert_eq!(code_for_http(status), code, "{status}");
        }
    }

    #[test]
    fn every_code_maps_back_to_a_status_that_maps_to_a_code_of_the_same_class() {
        for (name, code) in NAMES {
            assert_eq!(code_name(code), name);
            let status = http_for_code(code);
            if code == Code::Ok {
                assert_eq!(status, StatusCode::OK);
                assert_eq!(parse_code(name), None);
                continue;
            }
            assert_eq!(parse_code(name), Some(code));
            // The codes the proto maps to a status of their own come back unchanged.
            let back = code_for_http(status);
            match code {
                Code::AlreadyExists => assert_eq!(back, Code::Aborted),
                Code::FailedPrecondition | Code::OutOfRange => {
                    assert_eq!(back, Code::InvalidArgument);
                }
                Code::Unknown | Code::DataLoss => assert_eq!(back, Code::Internal),
                _ => assert_eq!(back, code, "{name}"),
            }
        }
    }

    #[test]
    fn the_override_wins_and_a_bad_name_falls_back() {
        static EXISTS: &[(&str, &str)] = &[(GRPC_CODE, "ALREADY_EXISTS")];
        static TYPO: &[(&str, &str)] = &[(GRPC_CODE, "ALREADY_EXIST")];
        static OK: &[(&str, &str)] = &[(GRPC_CODE, "OK")];
        let spec = Spec::new("USER_EXISTS", 409, "T");
        assert_eq!(code_for(&spec), Code::Aborted);
        assert_eq!(code_for(&spec.with_data(EXISTS)), Code::AlreadyExists);
        assert_eq!(code_for(&spec.with_data(TYPO)), Code::Aborted);
        assert_eq!(code_for(&spec.with_data(OK)), Code::Aborted);
    }
}
