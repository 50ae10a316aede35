//! The issue's example: codes, statuses, messages, `transparent`, the catalogue, a redacted 5xx.

use std::borrow::Cow;

use apierr::{ApiError, Envelope, FieldErrors, Spec};
use serde_json::{Value, json};

use crate::common::{assert_body, assert_exact};
use crate::{AuthError, SessionError};

const AUTH_MISSING_BODY: &[u8] =
    br#"{"success":false,"error":{"code":"AUTH_MISSING","message":"No authentication token provided","status":401}}"#;

#[test]
fn issue_example_code_status_message() {
    let err = AuthError::Missing;
    assert_eq!(err.code(), "AUTH_MISSING");
    assert_eq!(err.status(), http::StatusCode::UNAUTHORIZED);
    assert_eq!(err.status().as_u16(), 401);
    assert_eq!(err.message(), "No authentication token provided");
    assert_eq!(err.spec().category(), Some("Auth & Session"));
    assert_eq!(err.spec().doc(), Some("No authentication token provided"));
    assert_eq!(err.spec().variant(), Some("Missing"));
    assert_eq!(err.spec().type_name(), "AuthError");
}

#[test]
fn issue_example_exact_body() {
    let err = AuthError::Missing;
    assert_exact(
        &Envelope::new(&err),
        std::str::from_utf8(AUTH_MISSING_BODY).unwrap(),
    );
    assert_body(
        &Envelope::new(&err),
        &json!({"success":false,"error":{"code":"AUTH_MISSING","message":"No authentication token provided","status":401}}),
    );
    // The same through `envelope()`, `write_to`, `dyn` and serde.
    assert_eq!(err.envelope().to_vec().unwrap(), AUTH_MISSING_BODY);
    let mut out = b"prefix:".to_vec();
    Envelope::new(&err).write_to(&mut out).unwrap();
    assert_eq!(&out[..7], b"prefix:");
    assert_eq!(&out[7..], AUTH_MISSING_BODY);
    let dyn_err: &dyn ApiError = &err;
    assert_eq!(
        Envelope::from_dyn(dyn_err).to_vec().unwrap(),
        AUTH_MISSING_BODY
    );
    // Through serde the body is built as a `serde_json::Value` first, so only its content is
    // the same: without serde_json's `preserve_order` its keys come out sorted.
    let through_serde: Value =
        serde_json::from_slice(&serde_json::to_vec(&Envelope::new(&err)).unwrap()).unwrap();
    assert_eq!(through_serde, Envelope::new(&err).to_value().unwrap());
    assert_eq!(Envelope::new(&err).content_type(), "application/json");
}

#[test]
fn message_key_wins_over_display() {
    let err = AuthError::TwoFactorRequired;
    assert_eq!(err.code(), "2FA_REQUIRED");
    assert_eq!(err.to_string(), "2fa");
    assert_eq!(err.message(), "Two-factor authentication is required");
    assert_eq!(
        err.spec().static_message(),
        Some("Two-factor authentication is required")
    );
    // A message that does not depend on the value is borrowed, not built.
    assert!(matches!(err.message(), Cow::Borrowed(_)));
    assert_eq!(
        Envelope::new(&err).to_vec().unwrap(),
        br#"{"success":false,"error":{"code":"2FA_REQUIRED","message":"Two-factor authentication is required","status":401}}"#
    );
}

#[test]
fn display_is_the_message_of_a_4xx_without_one() {
    let err = AuthError::Locked {
        until: "2026-11-22T10:00:00Z".to_owned(),
    };
    assert_eq!(err.status().as_u16(), 403);
    assert_eq!(err.message(), "account locked until 2026-11-22T10:00:00Z");
    assert!(matches!(err.message(), Cow::Owned(_)));
    assert_eq!(err.spec().static_message(), None);
    assert_body(
        &Envelope::new(&err),
        &json!({"success": false, "error": {
            "code": "ACCOUNT_LOCKED",
            "message": "account locked until 2026-11-22T10:00:00Z",
            "status": 403
        }}),
    );
}

#[test]
fn transparent_delegates_everything_to_the_inner_error() {
    let inner = SessionError::Invalid {
        fields: FieldErrors::new().with("device", "is unknown"),
        session_id: "s-1".to_owned(),
    };
    let expected_fields = FieldErrors::new().with("device", "is unknown");
    let err = AuthError::Session(inner);
    assert_eq!(err.code(), "SESSION_INVALID");
    assert_eq!(err.status().as_u16(), 422);
    assert_eq!(err.message(), "Session data is invalid");
    assert_eq!(err.field_errors(), Some(&expected_fields));
    let mut members = Vec::new();
    err.visit_members(&mut |member| members.push(member.name()));
    assert_eq!(members, ["sessionId"]);
    // The inner spec itself, with the inner category.
    let AuthError::Session(inner) = &err else {
        unreachable!()
    };
    assert!(std::ptr::eq(err.spec(), inner.spec()));
    assert_eq!(err.spec().category(), Some("Session"));
    assert_body(
        &Envelope::new(&err),
        &json!({"success": false, "error": {
            "code": "SESSION_INVALID",
            "message": "Session data is invalid",
            "status": 422,
            "fields": {"device": ["is unknown"]},
            "sessionId": "s-1"
        }}),
    );

    let expired = AuthError::Session(SessionError::Expired {
        id: "s-2".to_owned(),
    });
    assert_eq!(expired.to_string(), "session s-2 expired");
    assert_eq!(expired.message(), "Session expired");
    assert_eq!(expired.field_errors(), None);
    assert!(expired.source_error().is_none());

    let store = AuthError::Session(SessionError::Store(std::io::Error::other("ECONNRESET")));
    assert_eq!(store.code(), "SESSION_STORE");
    assert_eq!(store.message(), "Service Unavailable");
    assert_eq!(store.source_error().unwrap().to_string(), "ECONNRESET");
}

#[test]
fn catalog_lists_transparent_codes_in_declaration_order() {
    let mut specs: Vec<&'static Spec> = Vec::new();
    AuthError::catalog(&mut |spec| specs.push(spec));
    let rows: Vec<(&str, u16, Option<&str>)> = specs
        .iter()
        .map(|spec| (spec.code(), spec.status().as_u16(), spec.category()))
        .collect();
    assert_eq!(
        rows,
        [
            ("AUTH_MISSING", 401, Some("Auth & Session")),
            ("2FA_REQUIRED", 401, Some("Auth & Session")),
            ("ACCOUNT_LOCKED", 403, Some("Auth & Session")),
            ("SESSION_EXPIRED", 401, Some("Session")),
            ("SESSION_INVALID", 422, Some("Session")),
            ("SESSION_STORE", 503, Some("Session")),
            ("INTERNAL", 500, Some("Auth & Session")),
        ]
    );
    assert!(specs[4].has_field_errors());
    assert!(!specs[3].has_field_errors());
}

#[test]
fn server_error_shows_the_generic_message_and_keeps_its_source() {
    let err = AuthError::Db(std::io::Error::other("connection refused"));
    assert_eq!(err.message(), "Internal Server Error");
    assert!(err.spec().is_redacted());
    assert_eq!(err.to_string(), "database unavailable");
    let source = err.source_error().expect("the #[source] field");
    assert_eq!(source.to_string(), "connection refused");
    assert_body(
        &Envelope::new(&err),
        &json!({"success": false, "error": {
            "code": "INTERNAL", "message": "Internal Server Error", "status": 500
        }}),
    );
}
