// Generated code needs no `#[allow]` that a user's `forbid` would refuse (E0453): sources, a
// transparent variant, a source under a false `#[cfg]`, and `Display` and `Error` written by
// the derive.
#![forbid(unused_imports)]

use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(code = "INNER", status = 409, message = "inner")]
struct Inner;

#[derive(Debug, thiserror::Error, ApiError)]
enum AppError {
    #[error("io")]
    #[api(code = "IO", status = 500)]
    Io(#[source] std::io::Error),
    #[error("boxed")]
    #[api(code = "BOXED", status = 500)]
    Boxed(#[source] Box<dyn std::error::Error + Send + Sync>),
    #[error("inner")]
    #[api(transparent)]
    Inner(Inner),
    #[cfg(any())]
    #[error("never")]
    #[api(code = "NEVER", status = 500)]
    Never(#[source] std::fmt::Error),
}

#[derive(Debug, ApiError)]
#[api(display)]
enum Written {
    #[error("io")]
    #[api(code = "WRITTEN_IO", status = 500)]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    #[api(code = "WRITTEN_BOXED", status = 500)]
    Boxed(Box<dyn std::error::Error + Send + Sync>),
    #[cfg(any())]
    #[error("never")]
    #[api(code = "WRITTEN_NEVER", status = 500)]
    Never(#[source] std::fmt::Error),
}

/// Only transparent variants: no arm uses a source of its own.
#[derive(Debug, thiserror::Error, ApiError)]
enum OnlyTransparent {
    #[error("inner")]
    #[api(transparent)]
    Inner(Inner),
}

fn main() {
    assert!(AppError::Io(std::io::Error::other("disk")).source_error().is_some());
    assert!(AppError::Boxed("disk".into()).source_error().is_some());
    assert!(AppError::Inner(Inner).source_error().is_none());
    assert!(std::error::Error::source(&Written::from(std::io::Error::other("disk"))).is_some());
    assert!(std::error::Error::source(&Written::Boxed("disk".into())).is_none());
    assert!(OnlyTransparent::Inner(Inner).source_error().is_none());
}
