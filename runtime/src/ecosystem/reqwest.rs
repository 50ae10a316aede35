//! Typed errors from [reqwest](https://docs.rs/reqwest) responses (feature `reqwest`).
//!
//! A client that shares the server's error types turns an error response into a
//! [`TypedError`] whose code is the type's code enum, and `match`es on it:
//!
//! ```no_run
//! use apierr::ApiError;
//! use apierr::format::Nested;
//! use apierr::reqwest::{ClientError, check};
//!
//! #[derive(Debug, ApiError)]
//! #[api(code_enum)]
//! enum AuthError {
//!     #[api(code = "ACCOUNT_LOCKED", status = 403, message = "Account locked")]
//!     Locked,
//! }
//!
//! # async fn login(client: reqwest::Client) -> Result<(), ClientError<AuthErrorCode>> {
//! let response = client.post("http://127.0.0.1:8080/login").send().await.map_err(ClientError::request)?;
//! match check::<AuthError>(response, &Nested).await {
//!     Ok(_response) => println!("logged in"),
//!     Err(ClientError::Api(error)) => match error.code {
//!         AuthErrorCode::Locked => println!("Account locked. Try again later."),
//!         AuthErrorCode::Unknown(ref code) => println!("{code}: {}", error.message()),
//!     },
//!     Err(other) => return Err(other),
//! }
//! # Ok(())
//! # }
//! ```

use std::fmt;

use ::reqwest::{Response, StatusCode};

use crate::HasCodeEnum;
use crate::decode::{Decode, DecodeError, Decoded, TypedError};

/// The largest error body that is read; an error body has no reason to be bigger.
pub const MAX_BODY_LEN: usize = 1 << 20;

/// Why an error response could not be turned into a decoded error.
#[derive(Debug)]
#[non_exhaustive]
pub enum ResponseError {
    /// The response is not an error (its status is below 400).
    NotAnError(StatusCode),
    /// Sending the request or reading the body failed.
    Http(::reqwest::Error),
    /// The body is larger than [`MAX_BODY_LEN`].
    TooLarge,
    /// The body is not in the expected format.
    Decode {
        /// The response's status.
        status: StatusCode,
        /// What was wrong with the body.
        error: DecodeError,
    },
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResponseError::NotAnError(status) => {
                write!(f, "response is not an error: {}", status.as_u16())
            }
            ResponseError::Http(error) => write!(f, "cannot read error response: {error}"),
            ResponseError::TooLarge => {
                write!(f, "error response body is larger than {MAX_BODY_LEN} bytes")
            }
            ResponseError::Decode { status, error } => {
                write!(
                    f,
                    "cannot decode {} error response: {error}",
                    status.as_u16()
                )
            }
        }
    }
}

impl std::error::Error for ResponseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ResponseError::Http(error) => Some(error),
            ResponseError::Decode { error, .. } => Some(error),
            ResponseError::NotAnError(_) | ResponseError::TooLarge => None,
        }
    }
}

/// What [`check`] fails with: the API's error, or a response that could not be read as one.
#[derive(Debug)]
#[non_exhaustive]
pub enum ClientError<C> {
    /// The API answered with this error (boxed: it is large, and the error path is cold).
    Api(Box<TypedError<C>>),
    /// The request failed, or the error response could not be read.
    Response(ResponseError),
}

impl<C> ClientError<C> {
    /// A failed request, for `send().await.map_err(ClientError::request)?`.
    #[must_use]
    pub fn request(error: ::reqwest::Error) -> Self {
        ClientError::Response(ResponseError::Http(error))
    }
}

impl<C: crate::ErrorCode> fmt::Display for ClientError<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientError::Api(error) => fmt::Display::fmt(error, f),
            ClientError::Response(error) => fmt::Display::fmt(error, f),
        }
    }
}

impl<C: crate::ErrorCode> std::error::Error for ClientError<C> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ClientError::Api(error) => Some(&**error),
            ClientError::Response(error) => Some(error),
        }
    }
}

/// Reads at most [`MAX_BODY_LEN`] bytes of body.
async fn read_bounded(response: &mut Response) -> Result<Vec<u8>, ResponseError> {
    if response
        .content_length()
        .is_some_and(|len| len > MAX_BODY_LEN as u64)
    {
        return Err(ResponseError::TooLarge);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(ResponseError::Http)? {
        if body.len() + chunk.len() > MAX_BODY_LEN {
            return Err(ResponseError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// Reads an error response's body in `format`; the decoded status is the response's.
///
/// # Errors
/// [`ResponseError`]: not an error status, a failed read, a body over [`MAX_BODY_LEN`], or
/// one not in `format`.
pub async fn decode_response(
    mut response: Response,
    format: &dyn Decode,
) -> Result<Decoded, ResponseError> {
    let status = response.status();
    let error_status = status.is_client_error()
        || status.is_server_error()
        || format.error_status() == Some(status);
    if !error_status {
        return Err(ResponseError::NotAnError(status));
    }
    let body = read_bounded(&mut response).await?;
    format
        .decode_response(status, &body)
        .map_err(|error| ResponseError::Decode { status, error })
}

/// [`decode_response`], the code as `E`'s code enum ([`Decoded::typed_for`]).
///
/// # Errors
/// As [`decode_response`].
pub async fn typed_error<E: HasCodeEnum>(
    response: Response,
    format: &dyn Decode,
) -> Result<TypedError<E::Code>, ResponseError> {
    Ok(decode_response(response, format).await?.typed_for::<E>())
}

/// Passes a successful response through, and turns an error response into
/// [`ClientError::Api`].
///
/// A format that answers errors with a success status ([`Decode::error_status`], Slack's
/// `200` with `"ok": false`) cannot be told apart by the status line: read such responses'
/// bodies with [`decode_response`], which accepts that status.
///
/// # Errors
/// [`ClientError::Api`] for an error response in `format`, [`ClientError::Response`] when
/// its body could not be read or decoded.
pub async fn check<E: HasCodeEnum>(
    response: Response,
    format: &dyn Decode,
) -> Result<Response, ClientError<E::Code>> {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return Ok(response);
    }
    match typed_error::<E>(response, format).await {
        Ok(error) => Err(ClientError::Api(Box::new(error))),
        Err(error) => Err(ClientError::Response(error)),
    }
}
