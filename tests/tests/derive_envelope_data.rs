//! What the derive puts in and around the envelope (issue 15): a format from any expression,
//! numeric codes, fixed data per code, sub-errors, one member by name, member names that only
//! the chosen format reserves, and 2xx statuses for APIs that answer errors with 200.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use apierr::catalog::Catalog;
use apierr::format::{FieldStrings, Nested, ProblemDetails};
use apierr::{ApiError, Envelope, ErrorCode, HasCodeEnum, Member, SubError, SubErrors};
use serde_json::json;

// ---------------------------------------------------------------------------------------------
// `format = EXPR`: any expression, evaluated once, on first use.

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

// ---------------------------------------------------------------------------------------------
// Numeric codes.

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

// ---------------------------------------------------------------------------------------------
// Fixed data per code.

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

// ---------------------------------------------------------------------------------------------
// `#[api(errors)]`: several errors in one body.

#[derive(Debug, ApiError)]
#[api(code = "INNER_BATCH", status = 422, message = "inner batch failed")]
struct InnerBatch {
    #[api(errors)]
    errors: SubErrors,
}

#[derive(Debug, ApiError)]
enum BatchError {
    #[api(
        code = "BATCH_FAILED",
        status = 422,
        message = "{count} operations failed"
    )]
    Failed {
        count: usize,
        #[api(errors)]
        errors: SubErrors,
    },
    #[api(code = "BATCH_BOXED", status = 422, message = "boxed")]
    Boxed(#[api(errors)] Box<SubErrors>),
    #[api(code = "BATCH_EMPTY", status = 400, message = "empty batch")]
    Empty,
    #[api(transparent)]
    Inner(InnerBatch),
}

fn two_errors() -> SubErrors {
    SubErrors::new()
        .with(SubError::new("123").with_status(422))
        .with(SubError::new("456").with_title("Too short"))
}

fn codes(errors: Option<&SubErrors>) -> Option<Vec<&str>> {
    errors.map(|errors| errors.iter().map(SubError::code).collect())
}

#[test]
fn sub_errors_come_from_the_errors_field() {
    let failed = BatchError::Failed {
        count: 2,
        errors: two_errors(),
    };
    assert_eq!(codes(failed.sub_errors()), Some(vec!["123", "456"]));
    let boxed = BatchError::Boxed(Box::new(two_errors()));
    assert_eq!(codes(boxed.sub_errors()), Some(vec!["123", "456"]));
    assert_eq!(codes(BatchError::Empty.sub_errors()), None);
    let inner = BatchError::Inner(InnerBatch {
        errors: SubErrors::new().with(SubError::new("789")),
    });
    assert_eq!(codes(inner.sub_errors()), Some(vec!["789"]));
    // Through `dyn`, as the renderer sees it.
    let error: &dyn ApiError = &failed;
    assert_eq!(error.sub_errors().map(SubErrors::len), Some(2));
    // Not an extension member.
    assert_eq!(failed.member("errors").map(|m| m.name()), None);
}

// ---------------------------------------------------------------------------------------------
// `member(name)`, and member names a format reserves.

#[derive(Debug, ApiError)]
#[api(code = "WRAPPED", status = 409, message = "wrapped")]
struct Wrapped {
    #[api(member)]
    version: u32,
}

#[derive(Debug, ApiError)]
enum JobError {
    #[api(code = "JOB_FAILED", status = 409, message = "job failed")]
    Failed {
        #[api(member)]
        id: u64,
        #[api(member)]
        status: &'static str,
        #[api(member = "retryable")]
        can_retry: bool,
        #[api(member)]
        r#type: Vec<&'static str>,
        not_a_member: u8,
    },
    #[api(code = "JOB_LIMIT", status = 429, message = "job limit")]
    Limit(
        #[api(member = "limit")] u32,
        #[api(member = "code")] &'static str,
    ),
    #[cfg(not(any()))]
    #[api(code = "JOB_GATED", status = 400, message = "gated")]
    Gated {
        #[api(member)]
        gate: &'static str,
    },
    #[api(code = "JOB_PLAIN", status = 400, message = "plain")]
    Plain,
    #[api(transparent)]
    Wrapped(Wrapped),
}

fn failed() -> JobError {
    JobError::Failed {
        id: 42,
        status: "failed",
        can_retry: true,
        r#type: vec!["batch", "nightly"],
        not_a_member: 7,
    }
}

/// Every member `visit_members` gives, as JSON.
fn visited(error: &dyn ApiError) -> Vec<(&'static str, serde_json::Value)> {
    let mut members = Vec::new();
    error.visit_members(&mut |member| {
        members.push((member.name(), serde_json::to_value(&member).unwrap()));
    });
    members
}

fn found(error: &dyn ApiError, name: &str) -> Option<(&'static str, serde_json::Value)> {
    error
        .member(name)
        .map(|member: Member<'_>| (member.name(), serde_json::to_value(&member).unwrap()))
}

#[test]
fn member_finds_one_member_by_name() {
    let error = failed();
    assert_eq!(found(&error, "id"), Some(("id", json!(42))));
    assert_eq!(found(&error, "status"), Some(("status", json!("failed"))));
    assert_eq!(found(&error, "retryable"), Some(("retryable", json!(true))));
    assert_eq!(
        found(&error, "type"),
        Some(("type", json!(["batch", "nightly"])))
    );
    // By the member's name, not the field's; and only members.
    if let JobError::Failed { not_a_member, .. } = &error {
        assert_eq!(*not_a_member, 7);
    }
    assert_eq!(found(&error, "can_retry"), None);
    assert_eq!(found(&error, "not_a_member"), None);
    assert_eq!(found(&error, "r#type"), None);
    assert_eq!(found(&error, ""), None);
    assert_eq!(found(&error, "ID"), None);

    let limit = JobError::Limit(5, "JOBS");
    assert_eq!(found(&limit, "limit"), Some(("limit", json!(5))));
    assert_eq!(found(&limit, "code"), Some(("code", json!("JOBS"))));
    let gated = JobError::Gated { gate: "beta" };
    assert_eq!(found(&gated, "gate"), Some(("gate", json!("beta"))));
    assert_eq!(found(&JobError::Plain, "id"), None);
    let wrapped = JobError::Wrapped(Wrapped { version: 3 });
    assert_eq!(found(&wrapped, "version"), Some(("version", json!(3))));
    assert_eq!(found(&wrapped, "id"), None);
}

/// Every member name of `JobError`'s variants, with spaces between.
const MEMBER_NAMES: &str = "id status retryable type limit code gate version";

#[test]
fn member_agrees_with_visit_members() {
    for error in [
        failed(),
        JobError::Limit(5, "JOBS"),
        JobError::Gated { gate: "beta" },
        JobError::Plain,
        JobError::Wrapped(Wrapped { version: 3 }),
    ] {
        let all = visited(&error);
        for (name, value) in &all {
            assert_eq!(
                found(&error, name),
                Some((*name, value.clone())),
                "{error:?}"
            );
        }
        let names: Vec<&str> = all.iter().map(|(name, _)| *name).collect();
        for name in MEMBER_NAMES.split(' ') {
            assert_eq!(
                found(&error, name).is_some(),
                names.contains(&name),
                "{error:?} {name}"
            );
        }
    }
}

#[test]
fn a_member_is_left_out_only_where_the_format_takes_its_name() {
    let error = JobError::Limit(5, "JOBS");
    // `FieldStrings` has `code` (taken) but no `status`; `Nested` has both.
    let job = failed();
    assert_eq!(
        Envelope::new(&job)
            .with_format(&FieldStrings)
            .to_value()
            .unwrap(),
        json!({
            "code": "JOB_FAILED",
            "message": "job failed",
            "id": 42,
            "status": "failed",
            "retryable": true,
            "type": ["batch", "nightly"],
        })
    );
    assert_eq!(
        Envelope::new(&job).with_format(&Nested).to_value().unwrap(),
        json!({
            "success": false,
            "error": {
                "code": "JOB_FAILED",
                "message": "job failed",
                "status": 409,
                "id": 42,
                "retryable": true,
                "type": ["batch", "nightly"],
            },
        })
    );
    assert_eq!(
        Envelope::new(&error)
            .with_format(&FieldStrings)
            .to_value()
            .unwrap(),
        json!({"code": "JOB_LIMIT", "message": "job limit", "limit": 5})
    );
}

// ---------------------------------------------------------------------------------------------
// 2xx statuses, for APIs that answer errors with 200.

#[derive(Debug, ApiError)]
#[api(allow_success_status, status = 200)]
enum SlackError {
    #[api(code = "invalid_auth", message = "Invalid token")]
    InvalidAuth,
    #[api(code = "channel_not_found", status = 202, message = "Unknown channel")]
    ChannelNotFound,
    #[api(code = "ratelimited", status = 429, message = "Slow down")]
    RateLimited,
}

#[derive(Debug, ApiError)]
enum MixedError {
    #[api(code = "soft_fail", status = OK, allow_success_status, message = "Soft failure")]
    SoftFail,
    #[api(code = "hard_fail", status = 500, message = "Hard failure")]
    HardFail,
}

#[test]
fn a_success_status_is_kept_where_it_is_allowed() {
    assert_eq!(SlackError::InvalidAuth.status().as_u16(), 200);
    assert_eq!(SlackError::ChannelNotFound.status().as_u16(), 202);
    assert_eq!(SlackError::RateLimited.status().as_u16(), 429);
    assert_eq!(MixedError::SoftFail.status().as_u16(), 200);
    assert_eq!(MixedError::SoftFail.spec().status().as_u16(), 200);
    assert_eq!(MixedError::HardFail.status().as_u16(), 500);
    // Not redacted, as a 5xx would be: the message is shown.
    assert_eq!(SlackError::InvalidAuth.message(), "Invalid token");
    assert_eq!(
        Envelope::new(&SlackError::InvalidAuth)
            .with_format(&Nested)
            .to_value()
            .unwrap(),
        json!({
            "success": false,
            "error": {"code": "invalid_auth", "message": "Invalid token", "status": 200},
        })
    );
}
