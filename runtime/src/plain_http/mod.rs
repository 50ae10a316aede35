//! HTTP without a web framework: any error as an `http::Response` ([`response`]), what a
//! framework refuses around a handler ([`Rejection`](rejection::Rejection), answered by default
//! as [`HttpError`](error::HttpError)), and what this layer logs. The framework integrations
//! (`crate::integrations`) build on it; it knows none of them.
//!
//! Not named `http`: in the crate root that name is the re-exported `http` crate (`apierr::http`).

pub mod error;
mod log;
pub mod rejection;
pub mod response;
