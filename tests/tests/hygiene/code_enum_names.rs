//! Code enums whose variants are named like the items the generated impls use: `Err` (the
//! associated type of `FromStr`), `Code` (that of `HasCodeEnum`), and both `Unknown` and
//! `UnknownCode`, the names the catch-all variant would take.

use apierr::{ApiError, ErrorCode, HasCodeEnum};

/// Variants named like associated items.
#[derive(Debug, ApiError)]
#[api(status = 400, rename_all = "SCREAMING_SNAKE_CASE", code_enum)]
pub enum Clashing {
    /// Named like `FromStr::Err`.
    #[api(message = "err")]
    Err,
    /// Named like `HasCodeEnum::Code`.
    #[api(message = "code")]
    Code,
    /// Named like the catch-all.
    #[api(message = "unknown")]
    Unknown,
    /// Named like the catch-all's second choice.
    #[api(message = "unknown code")]
    UnknownCode,
}

#[test]
fn variants_named_like_associated_items_are_matched() {
    assert_eq!("ERR".parse::<ClashingCode>(), Ok(ClashingCode::Err));
    assert_eq!(ClashingCode::from_code("CODE"), ClashingCode::Code);
    assert_eq!(Clashing::Err.code_enum(), ClashingCode::Err);
    assert_eq!(Clashing::Code.code_enum(), ClashingCode::Code);
    assert_eq!(ClashingCode::Err.as_str(), "ERR");
}

#[test]
fn the_catch_all_takes_a_name_no_variant_has() {
    assert_eq!(Clashing::Unknown.code_enum(), ClashingCode::Unknown);
    assert_eq!(Clashing::UnknownCode.code_enum(), ClashingCode::UnknownCode);
    let new = ClashingCode::from_code("NEW_CODE");
    assert_eq!(new, ClashingCode::UnknownCode2("NEW_CODE".to_owned()));
    assert!(new.is_unknown());
    assert!(!ClashingCode::Unknown.is_unknown());
    assert_eq!(new.to_string(), "NEW_CODE");
}
