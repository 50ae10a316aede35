//! `member(name)`, and member names a format reserves.

use apierr::format::{FieldStrings, Nested};
use apierr::{ApiError, Envelope, Member};
use serde_json::json;

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
