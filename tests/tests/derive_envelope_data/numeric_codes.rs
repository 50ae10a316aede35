//! Numeric codes.

use apierr::catalog::Catalog;
use apierr::{ApiError, ErrorCode, HasCodeEnum};

// Most variants are only read through their specs, in `catalog`.
#[allow(dead_code)]
#[derive(Debug, ApiError)]
#[api(code_enum)]
enum LegacyError {
    #[api(code = 20003, status = 401, message = "token expired")]
    TokenExpired,
    #[api(code = "20004", status = 401, message = "token revoked")]
    TokenRevoked,
    #[api(code = 0, status = 500, message = "unknown")]
    Zero,
    #[api(code = 999_999_999_999_999, status = 400, message = "largest")]
    Largest,
    #[api(code = "007", status = 400, message = "leading zero")]
    LeadingZero,
    #[api(code = "AUTH_MISSING", status = 401, message = "no token")]
    AuthMissing,
}

/// Another type declaring the same numeric code, as a string.
#[derive(Debug, ApiError)]
enum OtherLegacyError {
    #[api(code = "20003", status = 401, message = "token expired")]
    TokenExpired,
}

/// And one declaring it with another status.
#[derive(Debug, ApiError)]
enum ConflictingLegacyError {
    #[api(code = 20003, status = 403, message = "token expired")]
    TokenExpired,
}

#[test]
fn an_integer_code_is_its_digits() {
    let mut codes = Vec::new();
    LegacyError::catalog(&mut |spec| codes.push((spec.code(), spec.is_code_numeric())));
    assert_eq!(
        codes,
        [
            ("20003", true),
            // Written as a string, but a number all the same: decided by the text.
            ("20004", true),
            ("0", true),
            ("999999999999999", true),
            // JSON numbers do not keep leading zeros.
            ("007", false),
            ("AUTH_MISSING", false),
        ]
    );
    assert_eq!(LegacyError::TokenExpired.code(), "20003");
    assert_eq!(LegacyError::Zero.code(), "0");
    assert!(!apierr::Spec::new("1234567890123456", 400, "T").is_code_numeric());
    assert!(!apierr::Spec::new("", 400, "T").is_code_numeric());
    assert!(!apierr::Spec::new("-1", 400, "T").is_code_numeric());
}

#[test]
fn a_numeric_code_is_a_code_like_any_other() {
    let code = LegacyError::TokenExpired.code_enum();
    assert_eq!(code, LegacyErrorCode::TokenExpired);
    assert_eq!(code.as_str(), "20003");
    assert_eq!(
        LegacyErrorCode::from_code("20004"),
        LegacyErrorCode::TokenRevoked
    );
    assert_eq!(
        LegacyErrorCode::from_code("20005"),
        LegacyErrorCode::Unknown("20005".to_owned())
    );

    let catalog = Catalog::of::<LegacyError>().unwrap();
    let codes: Vec<&str> = catalog.entries().iter().map(|entry| entry.code()).collect();
    let mut declared = Vec::new();
    LegacyError::catalog(&mut |spec| declared.push(spec.code()));
    assert_eq!(codes, declared);
    assert_eq!(OtherLegacyError::TokenExpired.code(), "20003");
    assert_eq!(ConflictingLegacyError::TokenExpired.code(), "20003");
    // The same code from two types is one entry; with another status, a conflict.
    let shared = Catalog::builder()
        .with::<LegacyError>()
        .with::<OtherLegacyError>()
        .build()
        .unwrap();
    let entry = shared
        .entries()
        .iter()
        .find(|entry| entry.code() == "20003")
        .unwrap();
    assert_eq!(entry.also_declared_by().len(), 1);
    assert!(
        Catalog::builder()
            .with::<LegacyError>()
            .with::<ConflictingLegacyError>()
            .build()
            .is_err()
    );
}
