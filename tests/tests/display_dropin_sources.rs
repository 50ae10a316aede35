//! `#[api(display)]` as a drop-in for thiserror: sources (`#[source]`, a field named `source`,
//! `Option` sources), `#[from]` (also with `transparent` and on an `Option`) and `#[backtrace]`.

#![deny(warnings, unused_qualifications)]

use std::backtrace::Backtrace;
use std::error::Error as _;
use std::io;

use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(display, status = 500, rename_all = "SCREAMING_SNAKE_CASE")]
enum Upload {
    /// An explicit `#[source]` wins over a field named `source`, which is then plain data.
    #[error("upload from {source} failed")]
    Failed {
        source: String,
        #[source]
        cause: io::Error,
    },
    /// An optional source is one when it is `Some`.
    #[error("retry failed")]
    Retry {
        #[source]
        last: Option<io::Error>,
    },
    /// A field named `source` may be optional too.
    #[error("maybe")]
    Maybe { source: Option<io::Error> },
    /// `#[from]` on an `Option` builds `Some` from the error.
    #[error("parse")]
    Parse(#[from] Option<std::num::ParseIntError>),
    /// `#[error(transparent)]` with `#[from]`: `From` and the inner error's own source.
    #[error(transparent)]
    Other(#[from] Wrapper),
    /// `#[from]` beside a backtrace: `From` captures it.
    #[error("utf8")]
    Utf8 {
        #[from]
        source: std::str::Utf8Error,
        backtrace: Option<Backtrace>,
    },
    /// `#[backtrace]` is accepted on a field of its own, and `From` fills that one.
    #[error("fmt")]
    Fmt {
        #[from]
        inner: std::fmt::Error,
        #[backtrace]
        trace: Backtrace,
    },
    /// `#[backtrace]` on the source itself is accepted too.
    #[error("deep")]
    Deep {
        #[source]
        #[backtrace]
        inner: io::Error,
    },
}

/// An error with a source of its own, to see that `transparent` forwards it.
#[derive(Debug)]
struct Wrapper(io::Error);

impl std::fmt::Display for Wrapper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("wrapper")
    }
}

impl std::error::Error for Wrapper {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

fn source_text(error: &Upload) -> Option<String> {
    error.source().map(ToString::to_string)
}

#[test]
fn an_explicit_source_wins_over_a_field_named_source() {
    let failed = Upload::Failed {
        source: "s3".to_owned(),
        cause: io::Error::other("timeout"),
    };
    assert_eq!(failed.to_string(), "upload from s3 failed");
    assert_eq!(source_text(&failed).as_deref(), Some("timeout"));
    // The same source reaches the envelope's side of the derive.
    assert_eq!(
        failed.source_error().map(ToString::to_string).as_deref(),
        Some("timeout")
    );
}

#[test]
fn backtrace_on_the_source_is_accepted() {
    let deep = Upload::Deep {
        inner: io::Error::other("down"),
    };
    assert_eq!(source_text(&deep).as_deref(), Some("down"));
}

#[test]
fn optional_sources() {
    let with = Upload::Retry {
        last: Some(io::Error::other("reset")),
    };
    assert_eq!(source_text(&with).as_deref(), Some("reset"));
    assert_eq!(source_text(&Upload::Retry { last: None }), None);
    let maybe = Upload::Maybe {
        source: Some(io::Error::other("x")),
    };
    assert_eq!(source_text(&maybe).as_deref(), Some("x"));
    assert_eq!(source_text(&Upload::Maybe { source: None }), None);
}

#[test]
fn from_on_an_option_builds_some() {
    let parse_error = "x".parse::<u8>().unwrap_err();
    let error = Upload::from(parse_error.clone());
    assert!(matches!(&error, Upload::Parse(Some(inner)) if *inner == parse_error));
    assert_eq!(source_text(&error), Some(parse_error.to_string()));
}

#[test]
fn transparent_with_from() {
    let error: Upload = Wrapper(io::Error::other("inner")).into();
    assert_eq!(error.to_string(), "wrapper");
    // Transparent: the source is the wrapper's own source.
    assert_eq!(source_text(&error).as_deref(), Some("inner"));
    assert_eq!(error.code(), "OTHER");
}

#[test]
fn from_fills_a_backtrace_beside_the_source() {
    let bytes = vec![0xff_u8];
    let utf8 = std::str::from_utf8(&bytes).unwrap_err();
    let error = Upload::from(utf8);
    assert!(matches!(&error, Upload::Utf8 { source, backtrace: Some(_) } if *source == utf8));
    assert_eq!(source_text(&error), Some(utf8.to_string()));
    let error = Upload::from(std::fmt::Error);
    let Upload::Fmt { trace, .. } = &error else {
        panic!("not Fmt: {error:?}");
    };
    // Captured or not as `RUST_BACKTRACE` says; its status is all there is to see.
    let _ = trace.status();
    assert_eq!(error.to_string(), "fmt");
    assert_eq!(
        source_text(&error).as_deref(),
        Some("an error occurred when formatting an argument")
    );
}

/// A struct: `#[from]` and `#[source]` work there as on a variant.
#[derive(Debug, ApiError)]
#[api(display, code = "CONFIG", status = 500)]
#[error("config unreadable")]
struct Config {
    #[from]
    source: io::Error,
}

#[test]
fn a_struct_with_from() {
    let config: Config = io::Error::other("missing").into();
    assert_eq!(config.to_string(), "config unreadable");
    assert_eq!(config.source().unwrap().to_string(), "missing");
}
