//! `#[api(display)]` as a drop-in for thiserror: `#[error(...)]` on the enum as the default of
//! its variants, `#[error(fmt = path)]`, and a type that writes its own `Display`.

#![deny(warnings, unused_qualifications)]

use std::error::Error as _;
use std::fmt;

use apierr::ApiError;

mod render {
    use std::fmt;

    /// Writes a quota error from its fields, in order, as thiserror's `fmt =` calls it.
    pub fn quota(used: &u64, limit: &u64, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "quota: {used}/{limit}")
    }

    /// A variant without fields gets the formatter alone.
    pub fn bare(f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("bare")
    }

    /// The enum-wide default of `Formatted`.
    pub fn any(code: &&'static str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{code}]")
    }
}

/// The enum's `#[error]` is written with each variant's own fields.
#[derive(Debug, ApiError)]
#[api(display, status = 422, rename_all = "SCREAMING_SNAKE_CASE")]
#[error("invalid {0}")]
enum Invalid {
    Name(String),
    Age(u8),
    #[error("invalid email {0:?}, did you mean {1}?")]
    Email(String, &'static str),
}

#[test]
fn the_enum_error_is_the_default_of_each_variant() {
    assert_eq!(Invalid::Name("x".to_owned()).to_string(), "invalid x");
    assert_eq!(Invalid::Age(3).to_string(), "invalid 3");
    assert_eq!(
        Invalid::Email("a@".to_owned(), "a@b.c").to_string(),
        "invalid email \"a@\", did you mean a@b.c?"
    );
    assert_eq!(Invalid::Age(3).code(), "AGE");
}

#[derive(Debug, ApiError)]
#[api(display, status = 429, rename_all = "SCREAMING_SNAKE_CASE")]
enum Quota {
    #[error(fmt = render::quota)]
    Exceeded { used: u64, limit: u64 },
    #[error(fmt = render::bare)]
    Bare,
    #[error("plain {0}")]
    Plain(u8),
}

#[test]
fn fmt_calls_the_function_with_the_fields() {
    let exceeded = Quota::Exceeded {
        used: 12,
        limit: 10,
    };
    assert_eq!(exceeded.to_string(), "quota: 12/10");
    assert_eq!(Quota::Bare.to_string(), "bare");
    assert_eq!(Quota::Plain(1).to_string(), "plain 1");
}

/// `fmt = …` on the enum is the default of its variants, each one's fields passed.
#[derive(Debug, ApiError)]
#[api(display, status = 400, rename_all = "SCREAMING_SNAKE_CASE")]
#[error(fmt = render::any)]
enum Formatted {
    First(&'static str),
    #[error("second")]
    Second,
}

#[test]
fn fmt_on_the_enum_is_the_default() {
    assert_eq!(Formatted::First("a").to_string(), "[a]");
    assert_eq!(Formatted::Second.to_string(), "second");
}

/// `#[error(transparent)]` on the enum makes every variant transparent.
#[derive(Debug, ApiError)]
#[api(display, status = 502, rename_all = "SCREAMING_SNAKE_CASE")]
#[error(transparent)]
enum Wrapped {
    Io(std::io::Error),
    Fmt(fmt::Error),
}

#[test]
fn transparent_on_the_enum_covers_every_variant() {
    let io = Wrapped::Io(std::io::Error::other("disk"));
    assert_eq!(io.to_string(), "disk");
    assert_eq!(
        Wrapped::Fmt(fmt::Error).to_string(),
        "an error occurred when formatting an argument"
    );
    assert!(io.source().is_none());
}

/// Without any `#[error]`, the type writes its own `Display` and still gets `Error`, its
/// sources included, as with thiserror.
#[derive(Debug, ApiError)]
#[api(display, status = 500, rename_all = "SCREAMING_SNAKE_CASE")]
enum HandWritten {
    Disk { source: std::io::Error },
    Other,
}

impl fmt::Display for HandWritten {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HandWritten::Disk { .. } => f.write_str("disk failed"),
            HandWritten::Other => f.write_str("other"),
        }
    }
}

#[test]
fn without_error_attributes_only_error_is_written() {
    let disk = HandWritten::Disk {
        source: std::io::Error::other("full"),
    };
    let error: &dyn std::error::Error = &disk;
    assert_eq!(error.to_string(), "disk failed");
    assert_eq!(error.source().unwrap().to_string(), "full");
    assert!(HandWritten::Other.source().is_none());
    assert_eq!(HandWritten::Other.code(), "OTHER");
}

/// An enum without variants gets both impls, as with thiserror.
#[derive(Debug, ApiError)]
#[api(display)]
enum Never {}

#[test]
fn an_empty_enum_is_an_error() {
    fn is_error<E: std::error::Error>() {}
    is_error::<Never>();
}
