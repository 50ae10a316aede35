//! Generic types whose parameters declare the very bounds the derive infers: the impls must not
//! repeat them (clippy's pedantic `trait_duplication_in_bounds`, which this crate turns on).

use std::fmt;

use apierr::ApiError;

/// Bounds on the parameters that the messages, members and source need anyway.
#[derive(Debug, ApiError)]
#[api(status = 400)]
pub enum Declared<
    'a,
    T: fmt::Display + fmt::Debug + serde::Serialize,
    S: std::error::Error + 'static,
> where
    T: Clone,
{
    /// `T` shown with `Display` and `Debug`, and sent as a member.
    #[api(code = "DECLARED_VALUE", message = "{value} ({value:?})")]
    Value {
        /// The value.
        #[api(member)]
        value: T,
    },
    /// A borrowed `T` shown piece by piece.
    #[api(code = "DECLARED_BORROWED", message = "borrowed {0}")]
    Borrowed(&'a T),
    /// A generic source.
    #[api(code = "DECLARED_SOURCE", status = 500)]
    Source(#[source] S),
}

impl<T: fmt::Display + fmt::Debug + serde::Serialize + Clone, S: std::error::Error + 'static>
    fmt::Display for Declared<'_, T, S>
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("declared")
    }
}

/// The same with `Display` and `Error` written by the derive, from `#[error]`.
#[derive(Debug, ApiError)]
#[api(display, status = 400)]
pub enum Written<T: fmt::Display, const N: usize> {
    /// `T` in `#[error]` and in the message.
    #[error("written {0}")]
    #[api(code = "WRITTEN", message = "written {0}!")]
    Value(T),
    /// A source by `#[from]`.
    #[error("io")]
    #[api(code = "WRITTEN_IO", status = 503)]
    Io(#[from] std::io::Error),
}

#[test]
fn declared_bounds_are_not_repeated_but_still_hold() {
    let value: Declared<'_, u8, std::io::Error> = Declared::Value { value: 7 };
    assert_eq!(value.message(), "7 (7)");
    let seven = 7;
    let borrowed: Declared<'_, u8, std::io::Error> = Declared::Borrowed(&seven);
    assert_eq!(borrowed.message(), "borrowed 7");
    let source: Declared<'_, u8, std::io::Error> = Declared::Source(std::io::Error::other("io"));
    assert!(source.source_error().is_some());

    let written: Written<u8, 3> = Written::Value(2);
    assert_eq!(written.to_string(), "written 2");
    assert_eq!(written.message(), "written 2!");
    let io: Written<u8, 3> = std::io::Error::other("disk").into();
    assert!(std::error::Error::source(&io).is_some());
}
