//! Container defaults, `rename_all`, structs, generics and `#[cfg]`-gated variants.

use apierr::{ApiError, Envelope};
use serde_json::json;

use crate::common::assert_body;
use crate::{AuthError, SessionError};

#[derive(Debug, thiserror::Error, ApiError)]
#[api(status = 400, rename_all = "SCREAMING_SNAKE_CASE", category = "Orders")]
enum OrderError {
    #[error("unknown order type")]
    InvalidOrderType,
    #[error("order exists")]
    #[api(status = CONFLICT)]
    AlreadyExists,
    #[error("explicit")]
    #[api(code = "ORD-42", category = "Special")]
    Explicit,
}

#[test]
fn container_status_category_and_rename_all() {
    let rows: Vec<(&str, u16, Option<&str>)> = [
        OrderError::InvalidOrderType,
        OrderError::AlreadyExists,
        OrderError::Explicit,
    ]
    .iter()
    .map(|err| (err.code(), err.status().as_u16(), err.spec().category()))
    .collect();
    assert_eq!(
        rows,
        [
            ("INVALID_ORDER_TYPE", 400, Some("Orders")),
            ("ALREADY_EXISTS", 409, Some("Orders")),
            ("ORD-42", 400, Some("Special")),
        ]
    );
}

macro_rules! styled {
    ($name:ident, $rule:tt) => {
        #[derive(Debug, ApiError)]
        #[api(status = 422, rename_all = $rule)]
        enum $name {
            #[api(message = "m")]
            InvalidOrderType,
        }
    };
}

styled!(Lower, "lowercase");
styled!(Upper, "UPPERCASE");
styled!(Pascal, "PascalCase");
styled!(Camel, "camelCase");
styled!(Snake, "snake_case");
styled!(ScreamingSnake, "SCREAMING_SNAKE_CASE");
styled!(Kebab, "kebab-case");
styled!(ScreamingKebab, "SCREAMING-KEBAB-CASE");

#[test]
fn rename_all_case_styles() {
    let codes = [
        Lower::InvalidOrderType.code(),
        Upper::InvalidOrderType.code(),
        Pascal::InvalidOrderType.code(),
        Camel::InvalidOrderType.code(),
        Snake::InvalidOrderType.code(),
        ScreamingSnake::InvalidOrderType.code(),
        Kebab::InvalidOrderType.code(),
        ScreamingKebab::InvalidOrderType.code(),
    ];
    assert_eq!(
        codes,
        [
            "invalidordertype",
            "INVALIDORDERTYPE",
            "InvalidOrderType",
            "invalidOrderType",
            "invalid_order_type",
            "INVALID_ORDER_TYPE",
            "invalid-order-type",
            "INVALID-ORDER-TYPE",
        ]
    );
    assert_eq!(Kebab::InvalidOrderType.status().as_u16(), 422);
}

/// A struct is one code.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("rate limited for {retry_after}s")]
#[api(code = "RATE_LIMITED", status = 429, category = "Limits", format = apierr::format::FlatDetails)]
struct RateLimited {
    #[api(member = "retryAfter")]
    retry_after: u32,
}

#[test]
fn struct_derive() {
    let err = RateLimited { retry_after: 30 };
    assert_eq!(err.code(), "RATE_LIMITED");
    assert_eq!(err.status().as_u16(), 429);
    assert_eq!(err.message(), "rate limited for 30s");
    assert_eq!(err.spec().variant(), None);
    assert_eq!(err.spec().type_name(), "RateLimited");
    assert_eq!(err.spec().category(), Some("Limits"));
    let mut codes = Vec::new();
    RateLimited::catalog(&mut |spec| codes.push(spec.code()));
    assert_eq!(codes, ["RATE_LIMITED"]);
    assert_body(
        &Envelope::new(&err),
        &json!({"success": false, "error": "rate limited for 30s", "code": "RATE_LIMITED", "retryAfter": 30}),
    );
}

/// Bounds are inferred: `K: Display` for the message, `K: Serialize` for the member,
/// `E: ApiError` for the transparent variant.
#[derive(Debug, thiserror::Error, ApiError)]
enum Lookup<K, E> {
    #[error("no entry {0}")]
    #[api(code = "NO_ENTRY", status = 404)]
    Missing(K),
    #[error("bad key")]
    #[api(code = "BAD_KEY", status = 400, message = "bad key {key}")]
    BadKey {
        #[api(member)]
        key: K,
    },
    #[error(transparent)]
    #[api(transparent)]
    Inner(E),
}

#[test]
fn generic_enum() {
    type L = Lookup<u64, SessionError>;
    let err: L = Lookup::Missing(9);
    assert_eq!((err.code(), err.status().as_u16()), ("NO_ENTRY", 404));
    assert_eq!(err.message(), "no entry 9");
    let err: L = Lookup::BadKey { key: 12 };
    assert_body(
        &Envelope::new(&err),
        &json!({"success": false, "error": {"code": "BAD_KEY", "message": "bad key 12", "status": 400, "key": 12}}),
    );
    let err: L = Lookup::Inner(SessionError::Expired { id: "x".into() });
    assert_eq!(
        (err.code(), err.status().as_u16()),
        ("SESSION_EXPIRED", 401)
    );
    let mut codes = Vec::new();
    L::catalog(&mut |spec| codes.push(spec.code()));
    assert_eq!(
        codes,
        [
            "NO_ENTRY",
            "BAD_KEY",
            "SESSION_EXPIRED",
            "SESSION_INVALID",
            "SESSION_STORE"
        ]
    );
    // Another instantiation: the same specs, other types.
    let err: Lookup<&str, AuthError> = Lookup::BadKey { key: "k" };
    assert_eq!(err.message(), "bad key k");
}

/// A type that only exists where the gated-out variant would: nothing generated may name it.
#[cfg(not(test))]
#[derive(Debug)]
struct OnlyOutsideTests;

#[derive(Debug, ApiError)]
enum Gated {
    #[api(code = "ALWAYS", status = 400, message = "always")]
    Always,
    #[cfg(not(test))]
    #[api(code = "NEVER", status = 400, message = "never {0:?}")]
    Never(OnlyOutsideTests),
    #[cfg(test)]
    #[api(code = "ENABLED", status = 409, message = "enabled")]
    Enabled,
    #[cfg(test)]
    #[api(code = "ALTERNATIVE", status = 400, message = "a")]
    AlternativeA,
    // The same code under another `cfg`: an alternative, not a duplicate.
    #[cfg(not(test))]
    #[api(code = "ALTERNATIVE", status = 400, message = "b")]
    AlternativeB,
}

#[test]
fn cfg_gated_variants() {
    let mut codes = Vec::new();
    Gated::catalog(&mut |spec| codes.push(spec.code()));
    assert_eq!(codes, ["ALWAYS", "ENABLED", "ALTERNATIVE"]);
    assert_eq!(Gated::Enabled.code(), "ENABLED");
    assert_eq!(Gated::AlternativeA.message(), "a");
    assert_eq!(Gated::Always.status().as_u16(), 400);
}
