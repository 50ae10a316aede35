//! Fixed data per code.

use apierr::ApiError;
use apierr::catalog::Catalog;

#[derive(Debug, ApiError)]
#[api(code = "QUOTA", status = 429, message = "quota exceeded")]
#[api(data(reason = "RATE_LIMIT_EXCEEDED", note = "say \"please\"\n"))]
struct QuotaError;

#[derive(Debug, ApiError)]
#[api(data(domain = "googleapis.com", service = "apikeys"))]
enum KeyError {
    #[api(code = "API_KEY_INVALID", status = 400, message = "API key not valid")]
    #[api(data(reason = "API_KEY_INVALID", domain = "apikeys.googleapis.com"))]
    Invalid,
    #[api(code = "API_KEY_EXPIRED", status = 400, message = "API key expired")]
    Expired,
    #[cfg(not(any()))]
    #[api(code = "API_KEY_GATED", status = 400, message = "gated")]
    #[api(data(r#type = "gated"))]
    Gated,
    #[api(transparent)]
    Quota(QuotaError),
}

#[test]
fn data_merges_the_enum_defaults_under_the_variant() {
    let invalid = KeyError::Invalid.spec();
    assert_eq!(invalid.data("domain"), Some("apikeys.googleapis.com"));
    assert_eq!(invalid.data("reason"), Some("API_KEY_INVALID"));
    assert_eq!(invalid.data("service"), Some("apikeys"));
    assert_eq!(invalid.data("metadata"), None);
    // The enum's entries first, in order, each overridden in place; then the variant's own.
    assert_eq!(
        invalid.data_entries(),
        [
            ("domain", "apikeys.googleapis.com"),
            ("service", "apikeys"),
            ("reason", "API_KEY_INVALID"),
        ]
    );
    assert_eq!(
        KeyError::Expired.spec().data_entries(),
        [("domain", "googleapis.com"), ("service", "apikeys")]
    );
    // A variant under `#[cfg]` has a static of its own; `r#type` is `type`.
    assert_eq!(KeyError::Gated.spec().data("type"), Some("gated"));
    // A transparent variant answers with its inner error's data, not the enum's.
    assert_eq!(
        KeyError::Quota(QuotaError).spec().data_entries(),
        [
            ("reason", "RATE_LIMIT_EXCEEDED"),
            ("note", "say \"please\"\n")
        ]
    );
    assert_eq!(QuotaError.spec().data("domain"), None);
}

#[test]
fn data_is_in_the_catalog() {
    let catalog = Catalog::of::<KeyError>().unwrap();
    let reasons: Vec<Option<&str>> = catalog
        .entries()
        .iter()
        .map(|entry| entry.spec().data("reason"))
        .collect();
    assert_eq!(
        reasons,
        [
            Some("API_KEY_INVALID"),
            None,
            None,
            Some("RATE_LIMIT_EXCEEDED")
        ]
    );
}
