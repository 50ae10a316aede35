//! What the end-to-end HTTP tests share: a real client, a raw TCP client for what real clients
//! refuse to send, the expected body of each case in each built-in format, and a `tracing`
//! subscriber that records what apierr logs.

#![allow(dead_code)] // Each test binary uses its own part of this module.

pub mod app;
mod cases;
mod client;
mod expect;
mod logs;

use std::time::Duration;

// Each test binary uses its own part of these, as of the items themselves (`dead_code` above).
#[allow(unused_imports)]
pub use self::{
    cases::{Case, Words, cases, check},
    client::{HttpClient, Reply, raw_exchange, response_header, response_json},
    expect::{Expect, FORMATS, Fmt, SOME_TIME, Seen, expected, is_fresh_id, normalize},
    logs::{Logged, capture_logs, logged},
};

/// The longest any single exchange may take; no test waits forever on a server.
pub const TIMEOUT: Duration = Duration::from_secs(10);
