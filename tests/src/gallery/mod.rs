//! The gallery: real public APIs' published error bodies, each reproduced through the public
//! API as a user of apierr would write it — a format of their own (one [`Layout`]) and an
//! error enum — not through a built-in format. `tests/gallery.rs` asserts each body, status,
//! Content-Type and header; the TypeScript and OpenAPI checks take the same formats.
//!
//! [`Layout`]: apierr::format::Layout

use apierr::ApiError;

pub mod azure;
pub mod github;
pub mod google;
pub mod graphql;
pub mod json_api;
pub mod slack;
pub mod twilio;

/// One API's published example: the error that reproduces it, in the API's format.
pub struct Example {
    /// The API, as a file or type name: `github`.
    pub name: &'static str,
    /// Where the example is published.
    pub source: &'static str,
    pub error: Box<dyn ApiError>,
    /// The response's status.
    pub status: u16,
    /// The response's Content-Type.
    pub content_type: &'static str,
    /// Headers the API documents on this response.
    pub headers: &'static [(&'static str, &'static str)],
    /// The body as published, verbatim (pretty-printed, as the page shows it).
    pub published: &'static str,
    /// The same body as apierr writes it: compact, members in the published order.
    pub compact: &'static str,
}

/// Every example of the gallery.
#[must_use]
pub fn all() -> Vec<Example> {
    vec![
        github::example(),
        json_api::example(),
        slack::example(),
        twilio::example(),
        google::example(),
        azure::example(),
        graphql::example(),
    ]
}
