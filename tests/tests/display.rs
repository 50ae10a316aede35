//! `#[api(display)]`: the derive writes `Display`, `std::error::Error` and `From` itself, from
//! thiserror's attributes, so a type needs one derive instead of two.

use std::error::Error as _;

use apierr::{ApiError, Envelope};
use serde_json::json;

#[derive(Debug, PartialEq)]
struct Inner(&'static str);

impl std::fmt::Display for Inner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "inner {}", self.0)
    }
}

impl std::error::Error for Inner {}

#[derive(Debug, ApiError)]
#[api(display)]
enum OrderError {
    /// The order does not exist
    #[error("order {id} not found")]
    #[api(code = "ORDER_NOT_FOUND", status = 404)]
    NotFound { id: u64 },
    #[error("quantity {0} exceeds the limit of {1:>4}")]
    #[api(code = "TOO_MANY", status = 422)]
    TooMany(u32, u32),
    #[error("literal {{braces}}")]
    #[api(code = "BRACES", status = 400)]
    Braces,
    #[error("storage failed")]
    #[api(code = "STORAGE", status = 500)]
    Storage(#[from] Inner),
    #[error("lookup failed: {source}")]
    #[api(code = "LOOKUP", status = 502)]
    Lookup { source: Inner },
    #[error(transparent)]
    #[api(code = "WRAPPED", status = 503)]
    Wrapped(Box<dyn std::error::Error + Send + Sync>),
}

#[test]
fn display_is_written_from_the_error_attributes() {
    assert_eq!(
        OrderError::NotFound { id: 7 }.to_string(),
        "order 7 not found"
    );
    assert_eq!(
        OrderError::TooMany(12, 10).to_string(),
        "quantity 12 exceeds the limit of   10"
    );
    assert_eq!(OrderError::Braces.to_string(), "literal {braces}");
    assert_eq!(
        OrderError::Storage(Inner("disk")).to_string(),
        "storage failed"
    );
    assert_eq!(
        OrderError::Lookup {
            source: Inner("dns")
        }
        .to_string(),
        "lookup failed: inner dns"
    );
    assert_eq!(
        OrderError::Wrapped(Box::new(Inner("x"))).to_string(),
        "inner x"
    );
}

#[test]
fn source_comes_from_source_and_from_fields_and_transparent_ones() {
    let source = |error: &OrderError| error.source().map(ToString::to_string);
    assert_eq!(source(&OrderError::NotFound { id: 1 }), None);
    assert_eq!(
        source(&OrderError::Storage(Inner("disk"))),
        Some("inner disk".to_owned())
    );
    assert_eq!(
        source(&OrderError::Lookup {
            source: Inner("dns")
        }),
        Some("inner dns".to_owned())
    );
    // Transparent: the inner error's own source, which `Inner` does not have.
    assert_eq!(source(&OrderError::Wrapped(Box::new(Inner("x")))), None);
}

#[test]
fn from_builds_the_variant_of_the_from_field() {
    let error: OrderError = Inner("disk").into();
    assert!(matches!(error, OrderError::Storage(Inner("disk"))));
    fn fails() -> Result<(), OrderError> {
        Err(Inner("io"))?;
        Ok(())
    }
    assert_eq!(fails().unwrap_err().code(), "STORAGE");
}

#[test]
fn the_envelope_shows_the_written_display_and_redacts_5xx() {
    let body = |error: &OrderError| Envelope::new(error).to_value().unwrap();
    assert_eq!(
        body(&OrderError::NotFound { id: 7 }),
        json!({"success": false, "error": {"code": "ORDER_NOT_FOUND", "message": "order 7 not found", "status": 404}})
    );
    assert_eq!(
        body(&OrderError::Braces),
        json!({"success": false, "error": {"code": "BRACES", "message": "literal {braces}", "status": 400}})
    );
    assert_eq!(
        body(&OrderError::Lookup {
            source: Inner("dns")
        }),
        json!({"success": false, "error": {"code": "LOOKUP", "message": "Bad Gateway", "status": 502}})
    );
    assert_eq!(
        OrderError::Braces.spec().static_message(),
        Some("literal {braces}")
    );
}

/// A struct takes `display` beside its own keys.
#[derive(Debug, ApiError)]
#[api(display, code = "RATE_LIMITED", status = 429)]
#[error("slow down for {seconds}s")]
struct RateLimited {
    #[api(retry_after)]
    seconds: u64,
}

#[test]
fn a_struct_gets_display_too() {
    let error = RateLimited { seconds: 30 };
    assert_eq!(error.to_string(), "slow down for 30s");
    assert!(error.source().is_none());
    assert_eq!(
        String::from_utf8(Envelope::new(&error).to_vec().unwrap()).unwrap(),
        r#"{"success":false,"error":{"code":"RATE_LIMITED","message":"slow down for 30s","status":429}}"#
    );
}

/// Generic fields get the bounds their use needs.
#[derive(Debug, ApiError)]
#[api(display)]
enum Generic<T> {
    #[error("bad value {0}")]
    #[api(code = "BAD", status = 400)]
    Bad(T),
}

#[test]
fn generic_types_are_bounded_by_use() {
    assert_eq!(Generic::Bad(3.5).to_string(), "bad value 3.5");
    let error: &dyn std::error::Error = &Generic::Bad("x");
    assert!(error.source().is_none());
}
