//! Raw identifiers: a field `r#type` interpolated as `{r#type}`, in a declared message and in
//! `#[error]`, and types and variants named with `r#`, whose specs name them without it.

use apierr::ApiError;

/// A type whose name, variants and fields are raw identifiers.
#[derive(Debug, ApiError)]
#[api(display, status = 400, rename_all = "SCREAMING_SNAKE_CASE")]
#[allow(non_camel_case_types)]
pub enum r#Raw {
    /// A keyword field, in a message written piece by piece.
    #[error("type {r#type}")]
    #[api(message = "bad type {r#type}")]
    r#type {
        /// Named with a keyword.
        r#type: u8,
    },
    /// A keyword field with a format spec, which goes through `format_args!`.
    #[error("match {r#match:?}")]
    #[api(code = "RAW_MATCH", message = "bad match {r#match:>4}")]
    r#match {
        /// Named with a keyword.
        r#match: u8,
    },
    /// A field written raw without need, named either way in the templates.
    #[error("{r#until}/{until}")]
    #[api(code = "RAW_UNTIL", message = "{until:?} {r#until}")]
    Until {
        /// Written raw, though `until` is no keyword.
        r#until: u8,
    },
}

#[test]
fn keyword_fields_are_interpolated() {
    let typed = Raw::r#type { r#type: 7 };
    assert_eq!(typed.message(), "bad type 7");
    assert_eq!(typed.to_string(), "type 7");

    let matched = Raw::r#match { r#match: 3 };
    assert_eq!(matched.message(), "bad match    3");
    assert_eq!(matched.to_string(), "match 3");

    let until = Raw::Until { r#until: 9 };
    assert_eq!(until.message(), "9 9");
    assert_eq!(until.to_string(), "9/9");
}

#[test]
fn specs_name_raw_identifiers_without_their_prefix() {
    let spec = Raw::r#type { r#type: 7 }.spec();
    assert_eq!(spec.type_name(), "Raw");
    assert_eq!(spec.variant(), Some("type"));
    // `rename_all` reads the name as Rust does, too.
    assert_eq!(spec.code(), "TYPE");
    assert_eq!(Raw::r#match { r#match: 3 }.spec().variant(), Some("match"));
}
