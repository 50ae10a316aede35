//! The document's tables: application error codes, HTTP status mapping, Mongoose mappings.

use apierr::{ApiError, Envelope, FieldErrors, Spec, Timestamp};
use serde_json::json;

use crate::common::assert_body;
use crate::{AmnError, MongooseError, USER_EXISTS_FA, uncaught};

/// "Application error codes": each value of the body's `error` member.
#[test]
fn application_error_codes() {
    let cases = [
        (
            AmnError::Validation(FieldErrors::new()),
            "Validation Error",
            400,
        ),
        (
            AmnError::NotFound("purchase request".into()),
            "Not Found",
            404,
        ),
        (AmnError::TokenRequired, "Unauthorized", 401),
        (AmnError::TokenInvalid, "Unauthorized", 401),
        (
            AmnError::Forbidden("Role check failed".into()),
            "Forbidden",
            403,
        ),
        (uncaught(), "Internal Server Error", 500),
        (AmnError::UserExists, "USER_EXISTS", 409),
    ];
    for (err, error, status) in &cases {
        assert_eq!(err.spec().category(), Some(*error), "{}", err.code());
        let body = Envelope::new(err).to_value().unwrap();
        assert_eq!(body["error"], *error, "{body}");
        assert_eq!(body["statusCode"], *status, "{body}");
    }
}

/// "HTTP status mapping": every error status, with the examples the table gives.
#[test]
fn http_status_mapping() {
    let locked_until = Timestamp::from_unix_millis(1_779_531_300_000).unwrap();
    let cases = [
        (
            AmnError::Validation(FieldErrors::new()),
            400,
            "Validation Error",
            Some("Validation failed"),
        ),
        (
            AmnError::TokenRequired,
            401,
            "Unauthorized",
            Some("Access token required"),
        ),
        (
            AmnError::TokenInvalid,
            401,
            "Unauthorized",
            Some("Invalid or expired token"),
        ),
        (
            AmnError::Forbidden("Email not verified".into()),
            403,
            "Forbidden",
            Some("Email not verified"),
        ),
        (
            AmnError::NotFound("review".into()),
            404,
            "Not Found",
            Some("Resource not found"),
        ),
        (
            AmnError::UserExists,
            409,
            "USER_EXISTS",
            Some(USER_EXISTS_FA),
        ),
        (
            AmnError::Conflict("Dispute already open".into()),
            409,
            "Conflict",
            Some("Dispute already open"),
        ),
        (
            AmnError::AccountLocked {
                until: locked_until,
            },
            423,
            "Locked",
            Some("Account temporarily locked until 2026-05-23T10:15:00.000Z"),
        ),
        (
            AmnError::RateLimited,
            429,
            "Too Many Requests",
            Some("Too many attempts, try again later"),
        ),
        (uncaught(), 500, "Internal Server Error", None),
        (
            AmnError::Upstream { provider: "OpenAI" },
            502,
            "Bad Gateway",
            Some("OpenAI unreachable"),
        ),
    ];
    for (err, status, error, message) in &cases {
        assert_eq!(err.status().as_u16(), *status, "{}", err.code());
        let mut expected = json!({"success": false, "error": error, "statusCode": status});
        if let Some(message) = message {
            expected["message"] = json!(message);
        }
        assert_body(&Envelope::new(err), &expected);
    }

    let mut statuses: Vec<u16> = Vec::new();
    AmnError::catalog(&mut |spec| statuses.push(spec.status().as_u16()));
    statuses.sort_unstable();
    statuses.dedup();
    assert_eq!(statuses, [400, 401, 403, 404, 409, 423, 429, 500, 502]);
}

/// "Mongoose-specific mappings", handled in `errorHandler`: status and body message. The
/// document gives no category for them, so `error` is the status's reason phrase.
#[test]
fn mongoose_mappings() {
    let cases = [
        (
            MongooseError::Validation("Path `title` is required.".into()),
            400,
            "Validation Error",
            "Bad Request",
        ),
        (
            MongooseError::DuplicateKey {
                key: "email".into(),
            },
            409,
            "Duplicate resource",
            "Conflict",
        ),
        (
            MongooseError::JsonWebToken,
            401,
            "Invalid token",
            "Unauthorized",
        ),
        (
            MongooseError::TokenExpired,
            401,
            "Token expired",
            "Unauthorized",
        ),
    ];
    for (inner, status, message, reason) in cases {
        let err = AmnError::from(inner);
        assert_eq!(err.status().as_u16(), status);
        assert_eq!(err.message(), message);
        assert_body(
            &Envelope::new(&err),
            &json!({"success": false, "message": message, "error": reason, "statusCode": status}),
        );
    }

    let mut specs: Vec<&'static Spec> = Vec::new();
    MongooseError::catalog(&mut |spec| specs.push(spec));
    let table: Vec<(&str, u16, &str)> = specs
        .iter()
        .map(|spec| {
            (
                spec.doc().unwrap(),
                spec.status().as_u16(),
                spec.static_message().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        table,
        [
            ("ValidationError", 400, "Validation Error"),
            ("MongoError code 11000", 409, "Duplicate resource"),
            ("JsonWebTokenError", 401, "Invalid token"),
            ("TokenExpiredError", 401, "Token expired"),
        ]
    );
}
