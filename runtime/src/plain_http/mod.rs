//! HTTP without a web framework: any error as an `http::Response` ([`response`]), the errors a
//! framework raises around a handler ([`HttpError`](error::HttpError)), and what this layer
//! logs. The framework integrations (`crate::integrations`) build on it; it knows none of them.
//!
//! Not named `http`: in the crate root that name is the re-exported `http` crate (`apierr::http`).

pub mod error;
pub(crate) mod log;
pub mod response;
