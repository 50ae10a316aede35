//! `format = EXPR`: any expression, evaluated once, on first use.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use apierr::format::ProblemDetails;
use apierr::{ApiError, Envelope};
use serde_json::json;

/// What the application reads from its configuration at start-up.
static TYPE_BASE: OnceLock<String> = OnceLock::new();
/// How often the format expression ran.
static FORMATS_BUILT: AtomicUsize = AtomicUsize::new(0);

/// Not a `const fn`: it counts its calls and reads the configuration.
fn configured_format() -> ProblemDetails {
    FORMATS_BUILT.fetch_add(1, Ordering::SeqCst);
    let base = TYPE_BASE.get_or_init(|| format!("https://{}/problems/", "errors.example.com"));
    ProblemDetails::new()
        .with_type_base(base)
        .with_code_member(Some("errorCode"))
}

#[derive(Debug, ApiError)]
#[api(format = configured_format())]
enum CreditError {
    #[api(
        code = "OUT_OF_CREDIT",
        status = 403,
        message = "Your balance is too low"
    )]
    OutOfCredit,
}

#[test]
fn a_format_from_a_non_const_expression_is_built_once() {
    let error = CreditError::OutOfCredit;
    let first = error.format().expect("the type names a format");
    let again = error.format().expect("the type names a format");
    assert!(std::ptr::addr_eq(first, again), "the same format each time");
    for _ in 0..3 {
        let envelope = Envelope::new(&error);
        assert_eq!(envelope.content_type(), "application/problem+json");
        assert_eq!(
            envelope.to_value().unwrap(),
            json!({
                "type": "https://errors.example.com/problems/out-of-credit",
                "title": "Forbidden",
                "status": 403,
                "detail": "Your balance is too low",
                "errorCode": "OUT_OF_CREDIT",
            })
        );
    }
    assert_eq!(FORMATS_BUILT.load(Ordering::SeqCst), 1);
}
