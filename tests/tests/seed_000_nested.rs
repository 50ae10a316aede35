//! Seed 000 (`/work/shared/seeds/000_43fff68439b20397.txt`): 24 standardized error codes across
//! 6 categories, answered as `{"success":false,"error":{"code","message","status"}}`, in
//! [`apierr::format::Nested`].
//!
//! Each category is its own enum (its `category` on the container, each code's description as
//! its `///` comment); the API's error type gathers them with `transparent` variants. They are
//! in `seed_000/mod.rs`, shared with the HTTP rejection tests (`http_rejections.rs`).

mod common;
mod seed_000;

use apierr::{ApiError, Envelope, Spec};
use common::{assert_body, assert_exact};
use seed_000::*;
use serde_json::json;

/// One row of the document: the value, its code, status, category, description (the line under
/// the code) and the message the body carries.
type Row = (
    PlatformError,
    &'static str,
    u16,
    &'static str,
    &'static str,
    &'static str,
);

/// The document's 24 codes, in its order.
fn table() -> Vec<Row> {
    use AuthSessionError as A;
    use AuthorizationError as Z;
    use BusinessLogicError as B;
    use InputValidationError as V;
    let auth = "Auth & Session";
    let authz = "Authorization";
    let input = "Input Validation";
    let business = "Business Logic";
    vec![
        (
            A::Missing.into(),
            "AUTH_MISSING",
            401,
            auth,
            "No authentication token provided",
            "No authentication token provided",
        ),
        (
            A::Invalid.into(),
            "AUTH_INVALID",
            401,
            auth,
            "Token is malformed or signature is invalid",
            "Token is malformed or signature is invalid",
        ),
        (
            A::Expired.into(),
            "AUTH_EXPIRED",
            401,
            auth,
            "Authentication token has expired",
            "Authentication token has expired",
        ),
        (
            A::Failed {
                email: "a@b.c".into(),
            }
            .into(),
            "AUTH_FAILED",
            401,
            auth,
            "Login credentials are incorrect",
            "Invalid email or password",
        ),
        (
            A::TwoFactorRequired.into(),
            "2FA_REQUIRED",
            401,
            auth,
            "Two-factor authentication is required",
            "Two-factor authentication is required",
        ),
        (
            A::SessionExpired.into(),
            "SESSION_EXPIRED",
            401,
            auth,
            "Refresh token or session has expired",
            "Refresh token or session has expired",
        ),
        (
            A::AccountSuspended.into(),
            "ACCOUNT_SUSPENDED",
            403,
            auth,
            "Account has been suspended by an administrator",
            "Account has been suspended by an administrator",
        ),
        (
            A::AccountLocked.into(),
            "ACCOUNT_LOCKED",
            403,
            auth,
            "Account is temporarily locked due to failed login attempts",
            "Account is temporarily locked due to failed login attempts",
        ),
        (
            Z::Forbidden.into(),
            "FORBIDDEN",
            403,
            authz,
            "User does not have access to this resource",
            "User does not have access to this resource",
        ),
        (
            Z::PermissionDenied.into(),
            "PERMISSION_DENIED",
            403,
            authz,
            "User lacks the required permission",
            "User lacks the required permission",
        ),
        (
            Z::KycRequired.into(),
            "KYC_REQUIRED",
            403,
            authz,
            "KYC verification must be completed first",
            "KYC verification must be completed first",
        ),
        (
            Z::AccreditationRequired.into(),
            "ACCREDITATION_REQUIRED",
            403,
            authz,
            "Investor accreditation is required",
            "Investor accreditation is required",
        ),
        (
            V::InvalidBody.into(),
            "INVALID_BODY",
            400,
            input,
            "Request body cannot be parsed",
            "Request body cannot be parsed",
        ),
        (
            V::InvalidParam.into(),
            "INVALID_PARAM",
            400,
            input,
            "URL parameter is invalid",
            "URL parameter is invalid",
        ),
        (
            V::Validation.into(),
            "VALIDATION",
            400,
            input,
            "Business rule validation failed",
            "Business rule validation failed",
        ),
        (
            B::Conflict.into(),
            "CONFLICT",
            409,
            business,
            "Operation conflicts with current state",
            "Operation conflicts with current state",
        ),
        (
            B::DuplicateEntry.into(),
            "DUPLICATE_ENTRY",
            409,
            business,
            "Resource already exists",
            "Resource already exists",
        ),
        (
            B::NotFound.into(),
            "NOT_FOUND",
            404,
            business,
            "Requested resource does not exist",
            "Requested resource does not exist",
        ),
        (
            B::InsufficientBalance.into(),
            "INSUFFICIENT_BALANCE",
            400,
            business,
            "Wallet balance is too low for the operation",
            "Wallet balance is too low for the operation",
        ),
        (
            B::TokenNotTradeable.into(),
            "TOKEN_NOT_TRADEABLE",
            400,
            business,
            "Token is not in a tradeable status",
            "Token is not in a tradeable status",
        ),
        (
            B::InvalidTokenStatus.into(),
            "INVALID_TOKEN_STATUS",
            400,
            business,
            "Token cannot transition to the requested status",
            "Token cannot transition to the requested status",
        ),
        (
            B::OrderNotCancellable.into(),
            "ORDER_NOT_CANCELLABLE",
            400,
            business,
            "Order cannot be cancelled in its current state",
            "Order cannot be cancelled in its current state",
        ),
        (
            RateLimitingError::RateLimited.into(),
            "RATE_LIMITED",
            429,
            "Rate Limiting",
            "Too many requests in a given time window",
            "Too many requests in a given time window",
        ),
        (
            InternalError::Unhandled(std::io::Error::other(
                "connection refused: password=hunter2",
            ))
            .into(),
            "INTERNAL",
            500,
            "Internal",
            "An unexpected server error occurred",
            "An unexpected server error occurred",
        ),
    ]
}

/// The document's "Response Format" example, exactly.
#[test]
fn response_format_example() {
    let err = PlatformError::from(AuthSessionError::Failed {
        email: "investor@example.com".to_owned(),
    });
    assert_eq!(err.status(), http::StatusCode::UNAUTHORIZED);
    assert_body(
        &Envelope::new(&err),
        &json!({
          "success": false,
          "error": {
            "code": "AUTH_FAILED",
            "message": "Invalid email or password",
            "status": 401
          }
        }),
    );
    assert_exact(
        &Envelope::new(&err),
        r#"{"success":false,"error":{"code":"AUTH_FAILED","message":"Invalid email or password","status":401}}"#,
    );
    // The login email is internal: only the documented message reaches the client.
    let bytes = Envelope::new(&err).to_vec().unwrap();
    assert!(
        !String::from_utf8(bytes)
            .unwrap()
            .contains("investor@example.com")
    );
}

/// Every code of every category: code, status, category, description, message and body.
#[test]
fn every_code_matches_the_document() {
    let rows = table();
    assert_eq!(rows.len(), 24);
    for (err, code, status, category, description, message) in &rows {
        assert_eq!(err.code(), *code);
        assert_eq!(err.status().as_u16(), *status, "{code}");
        assert_eq!(err.spec().category(), Some(*category), "{code}");
        assert_eq!(err.spec().doc(), Some(*description), "{code}");
        assert_eq!(err.message(), *message, "{code}");
        assert_body(
            &Envelope::new(err),
            &json!({
                "success": false,
                "error": {"code": code, "message": message, "status": status}
            }),
        );
    }
}

/// The frontend switches on `err.code`; `2FA_REQUIRED` starts with a digit and still is a code.
#[test]
fn frontend_usage_codes() {
    let locked = PlatformError::from(AuthSessionError::AccountLocked);
    let two_factor = PlatformError::from(AuthSessionError::TwoFactorRequired);
    for (err, code) in [(&locked, "ACCOUNT_LOCKED"), (&two_factor, "2FA_REQUIRED")] {
        let body = Envelope::new(err).to_value().unwrap();
        assert_eq!(body["error"]["code"], code);
    }
}

/// The catalogue lists the 24 codes once each, in the document's order, grouped as its 6
/// categories with their counts.
#[test]
fn catalog_has_24_codes_in_6_categories() {
    let mut specs: Vec<&'static Spec> = Vec::new();
    PlatformError::catalog(&mut |spec| specs.push(spec));
    assert_eq!(specs.len(), 24);

    let codes: Vec<&str> = specs.iter().map(|spec| spec.code()).collect();
    let expected: Vec<&str> = table().iter().map(|row| row.1).collect();
    assert_eq!(codes, expected);
    let mut unique = codes.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), 24, "codes are unique");

    let mut categories: Vec<(&str, usize)> = Vec::new();
    for spec in &specs {
        let category = spec.category().expect("every code has a category");
        match categories.last_mut() {
            Some((last, count)) if *last == category => *count += 1,
            _ => categories.push((category, 1)),
        }
    }
    assert_eq!(
        categories,
        [
            ("Auth & Session", 8),
            ("Authorization", 4),
            ("Input Validation", 3),
            ("Business Logic", 7),
            ("Rate Limiting", 1),
            ("Internal", 1),
        ]
    );

    for (spec, (_, code, status, category, description, _)) in specs.iter().zip(table()) {
        assert_eq!(spec.code(), code);
        assert_eq!(spec.status().as_u16(), status, "{code}");
        assert_eq!(spec.category(), Some(category), "{code}");
        assert_eq!(spec.doc(), Some(description), "{code}");
    }
}

/// INTERNAL shows the documented message, never what went wrong inside.
#[test]
fn internal_hides_its_cause() {
    let err = PlatformError::from(InternalError::Unhandled(std::io::Error::other(
        "connection refused: password=hunter2",
    )));
    let bytes = Envelope::new(&err).to_vec().unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(!text.contains("hunter2"), "{text}");
    assert_eq!(
        err.source_error().map(ToString::to_string).as_deref(),
        Some("connection refused: password=hunter2")
    );
}
