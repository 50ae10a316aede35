//! Secrets never cross the wire. Errors whose source `Display` (and, for a 5xx without `expose`
//! or a `redact`ed 4xx, whose own `Display`) holds a password and a connection string are
//! returned from real handlers and answered through `to_response` (a plain hyper server), axum
//! (with and without `ApiErrorLayer`) and actix-web (with and without `ApiErrors`), in every
//! built-in format, with no request context, with one, and with debug detail on.
//!
//! Every response is checked twice: its exact status, header set and body, and a byte search for
//! the secrets in a dump of every header and the body. Debug detail may show them only in
//! `StatusEnvelope`'s `stack`; `expose` shows them as the message, since it asks for that.

#[path = "../http_support/mod.rs"]
mod http_support;

mod checks;
mod errors;
mod panics;
mod query;
mod servers;

use apierr::ApiError;
use apierr::response::ResponseOptions;
use http_support::{Expect, Fmt};

/// What must never reach a client: a password and the credentials of a connection string.
const SECRETS: [&str; 2] = ["hunter2", "s3cret"];

/// The message `expose` shows, secrets and all.
const EXPOSED: &str = "replica postgres://admin:s3cret@db:5432 lagging, password=hunter2 rotated";

/// The message of the panicking handler.
const PANIC: &str = "pool postgres://admin:s3cret@db:5432 exhausted, password=hunter2";

/// A driver error that names its connection, as drivers do.
#[derive(Debug)]
struct DriverError;

impl std::fmt::Display for DriverError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connect to postgres://admin:s3cret@db:5432/prod refused (password=hunter2)")
    }
}

impl std::error::Error for DriverError {}

/// Another type's 5xx, reached through a `transparent` variant.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("cache at postgres://admin:s3cret@db:6379 unreachable (password=hunter2)")]
#[api(code = "CACHE_DOWN", status = 502)]
struct CacheError;

/// One way an error can hold a secret; each is one route, `/leak/<slug>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A 5xx whose own `Display` and source both hold secrets.
    Database,
    /// A 5xx whose secret comes in through `#[from]` and is repeated in its `Display`.
    Io,
    /// A `redact`ed 401 whose `Display` holds a secret.
    Login,
    /// A 4xx whose public message is harmless, with a secret source.
    BadInput,
    /// A 429 with a declared message, a `Retry-After` and a secret source and `Display`.
    Limited,
    /// A 5xx marked `expose`: its message is shown, secret and all.
    Exposed,
    /// A `transparent` 502 of another type.
    Cache,
}

const KINDS: [Kind; 7] = [
    Kind::Database,
    Kind::Io,
    Kind::Login,
    Kind::BadInput,
    Kind::Limited,
    Kind::Exposed,
    Kind::Cache,
];

const DRIVER: &str = "connect to postgres://admin:s3cret@db:5432/prod refused (password=hunter2)";
const IO: &str = "read /etc/app.env: password=hunter2";

impl Kind {
    fn path(self) -> &'static str {
        match self {
            Kind::Database => "/leak/database",
            Kind::Io => "/leak/io",
            Kind::Login => "/leak/login",
            Kind::BadInput => "/leak/bad-input",
            Kind::Limited => "/leak/limited",
            Kind::Exposed => "/leak/exposed",
            Kind::Cache => "/leak/cache",
        }
    }

    /// What the response must say, whatever the format.
    fn expect(self) -> Expect {
        match self {
            Kind::Database => Expect::new("DB_DOWN", 503, "Service Unavailable")
                .category("Storage")
                .redacted(),
            Kind::Io => Expect::new("IO", 500, "Internal Server Error")
                .category("Storage")
                .redacted(),
            Kind::Login => Expect::new("LOGIN_FAILED", 401, "Unauthorized")
                .category("Storage")
                .redacted(),
            Kind::BadInput => Expect::new("BAD_INPUT", 400, "bad input").category("Storage"),
            Kind::Limited => {
                Expect::new("RATE_LIMITED", 429, "Too many requests").category("Storage")
            }
            Kind::Exposed => Expect::new("EXPOSED", 503, EXPOSED).category("Storage"),
            // The inner type has no category, and a transparent variant takes everything from it.
            Kind::Cache => Expect::new("CACHE_DOWN", 502, "Bad Gateway").redacted(),
        }
    }

    /// The headers the error itself adds, with their exact values.
    fn headers(self) -> &'static [(&'static str, &'static str)] {
        match self {
            // RFC 9110: every 401 carries a challenge; this one is the default.
            Kind::Login => &[("www-authenticate", "Bearer")],
            Kind::Limited => &[("retry-after", "30")],
            _ => &[],
        }
    }

    /// `StatusEnvelope`'s `stack` with debug detail on: the internal message and its sources.
    fn stack(self) -> String {
        match self {
            Kind::Database => format!(
                "query on postgres://admin:s3cret@db:5432/prod failed\n    caused by: {DRIVER}"
            ),
            Kind::Io => format!("io: {IO}\n    caused by: {IO}"),
            Kind::Login => "login as admin with password=hunter2 rejected".to_owned(),
            Kind::BadInput => format!("bad input\n    caused by: {DRIVER}"),
            // A declared message is also the internal one: only the source holds the secret.
            Kind::Limited => format!("Too many requests\n    caused by: {DRIVER}"),
            Kind::Exposed => EXPOSED.to_owned(),
            Kind::Cache => {
                "cache at postgres://admin:s3cret@db:6379 unreachable (password=hunter2)".to_owned()
            }
        }
    }
}

/// The error type of the handlers, one per format (`#[api(format = …)]`), so that the paths
/// without a layer, which render each type in its own format, cover every format too.
trait Leaky:
    ApiError + axum::response::IntoResponse + actix_web::ResponseError + Send + Sync + 'static
{
    fn make(kind: Kind) -> Self;
}

macro_rules! leaky {
    ($module:ident, $($format:tt)+) => {
        mod $module {
            use super::{CacheError, DriverError, IO, Kind, Leaky};
            use apierr::ApiError;

            #[derive(Debug, thiserror::Error, ApiError)]
            #[api(category = "Storage", format = $($format)+)]
            pub enum Leak {
                #[error("query on postgres://admin:s3cret@db:5432/prod failed")]
                #[api(code = "DB_DOWN", status = 503)]
                Database(#[source] DriverError),
                #[error("io: {0}")]
                #[api(code = "IO", status = 500)]
                Io(#[from] std::io::Error),
                #[error("login as admin with password=hunter2 rejected")]
                #[api(code = "LOGIN_FAILED", status = 401, redact)]
                Login,
                #[error("bad input")]
                #[api(code = "BAD_INPUT", status = 400)]
                BadInput {
                    #[source]
                    source: DriverError,
                },
                #[error("rate limited by postgres://admin:s3cret@db:5432")]
                #[api(code = "RATE_LIMITED", status = 429, message = "Too many requests")]
                Limited {
                    #[api(retry_after)]
                    wait: u64,
                    #[source]
                    source: DriverError,
                },
                #[error("replica postgres://admin:s3cret@db:5432 lagging, password=hunter2 rotated")]
                #[api(code = "EXPOSED", status = 503, expose)]
                Exposed,
                #[error(transparent)]
                #[api(transparent)]
                Cache(#[from] CacheError),
            }

            impl Leaky for Leak {
                fn make(kind: Kind) -> Self {
                    match kind {
                        Kind::Database => Leak::Database(DriverError),
                        Kind::Io => Leak::Io(std::io::Error::other(IO)),
                        Kind::Login => Leak::Login,
                        Kind::BadInput => Leak::BadInput {
                            source: DriverError,
                        },
                        Kind::Limited => Leak::Limited {
                            wait: 30,
                            source: DriverError,
                        },
                        Kind::Exposed => Leak::Exposed,
                        Kind::Cache => Leak::Cache(CacheError),
                    }
                }
            }
        }
    };
}

leaky!(nested, apierr::format::Nested);
leaky!(field_lists, apierr::format::FieldLists);
leaky!(field_strings, apierr::format::FieldStrings);
leaky!(flat_details, apierr::format::FlatDetails);
leaky!(status_envelope, apierr::format::StatusEnvelope);
leaky!(problem_details, apierr::format::ProblemDetails::new());

/// How much request context the response is rendered with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// None: no layer (or, for `to_response`, an empty `Context`).
    Bare,
    /// Correlation id, time, method, path and instance.
    Context,
    /// The same, with debug detail switched on.
    Debug,
}

const MODES: [Mode; 3] = [Mode::Bare, Mode::Context, Mode::Debug];

impl Mode {
    fn options(self, format: Fmt) -> ResponseOptions {
        format.options().with_debug_detail(self == Mode::Debug)
    }
}

/// Runs `run` with the handlers' error type of `format`.
macro_rules! with_leak_type {
    ($format:expr, $($run:ident)::+ ( $($arg:expr),* )) => {
        match $format {
            Fmt::Nested => $($run)::+::<nested::Leak>($($arg),*),
            Fmt::FieldLists => $($run)::+::<field_lists::Leak>($($arg),*),
            Fmt::FieldStrings => $($run)::+::<field_strings::Leak>($($arg),*),
            Fmt::FlatDetails => $($run)::+::<flat_details::Leak>($($arg),*),
            Fmt::StatusEnvelope => $($run)::+::<status_envelope::Leak>($($arg),*),
            Fmt::ProblemDetails => $($run)::+::<problem_details::Leak>($($arg),*),
        }
    };
}

pub(crate) use with_leak_type;
