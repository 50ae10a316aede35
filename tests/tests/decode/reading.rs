//! Reading bodies back: exhaustive matching, the seed pages' bodies, debug detail, pointers.

use apierr::decode::{Decode, Detect, parse_pointer};
use apierr::format::{FieldLists, FlatDetails, Nested, ProblemDetails, StatusEnvelope};
use apierr::{Context, Envelope, FieldErrors, FieldPath, HasCodeEnum};
use http::StatusCode;
use serde_json::{Value, json};

use crate::catalog_seeds::{
    self, AuthSessionError, AuthSessionErrorCode, Seed000ErrorCode, Seed004Error,
};

#[test]
fn a_client_matches_exhaustively_and_unknown_codes_are_values() {
    let body = br#"{"success":false,"error":{"code":"2FA_REQUIRED","message":"Two-factor authentication is required","status":401}}"#;
    let error = Nested.decode(body).unwrap().typed::<Seed000ErrorCode>();
    let next = match &error.code {
        Seed000ErrorCode::Auth(AuthSessionErrorCode::AccountLocked) => "Account locked.",
        Seed000ErrorCode::Auth(AuthSessionErrorCode::TwoFactorRequired) => "/2fa",
        Seed000ErrorCode::Auth(_)
        | Seed000ErrorCode::Authorization(_)
        | Seed000ErrorCode::Input(_)
        | Seed000ErrorCode::Business(_)
        | Seed000ErrorCode::RateLimiting(_)
        | Seed000ErrorCode::Internal(_) => "other",
        Seed000ErrorCode::Unknown(_) => "unknown",
    };
    assert_eq!(next, "/2fa");
    assert_eq!(
        error.to_string(),
        "2FA_REQUIRED (401): Two-factor authentication is required"
    );

    let newer = br#"{"success":false,"error":{"code":"PASSKEY_REQUIRED","message":"Use your passkey","status":401}}"#;
    let error = Nested.decode(newer).unwrap().typed::<Seed000ErrorCode>();
    assert_eq!(
        error.code,
        Seed000ErrorCode::Unknown("PASSKEY_REQUIRED".to_owned())
    );
    assert_eq!(error.status(), Some(StatusCode::UNAUTHORIZED));
    assert_eq!(error.message(), "Use your passkey");

    // No status in the body or the response: the known code's declared status.
    let flat = br#"{"success":false,"error":"Account is temporarily locked due to failed login attempts","code":"ACCOUNT_LOCKED"}"#;
    let error = FlatDetails
        .decode(flat)
        .unwrap()
        .typed::<AuthSessionErrorCode>();
    assert_eq!(error.code, AuthSessionErrorCode::AccountLocked);
    assert_eq!(error.body.status, None);
    assert_eq!(error.status(), Some(StatusCode::FORBIDDEN));
    assert_eq!(
        AuthSessionError::AccountLocked.code_enum(),
        AuthSessionErrorCode::AccountLocked
    );
}

#[test]
fn bodies_from_the_seed_pages_decode() {
    // Seed 001's validation example, as published.
    let body = br#"{"code":"VALIDATION_ERROR","message":"One or more validation errors occurred","errors":{"title":["Title is required"],"amount":["Amount must be greater than 0"]}}"#;
    let decoded = FieldLists
        .decode_response(StatusCode::BAD_REQUEST, body)
        .unwrap();
    assert_eq!(decoded.code, "VALIDATION_ERROR");
    // A JSON object's members come back by name.
    assert_eq!(
        decoded.fields,
        FieldErrors::new()
            .with("amount", "Amount must be greater than 0")
            .with("title", "Title is required")
    );
    assert_eq!(decoded.status, Some(StatusCode::BAD_REQUEST));

    // Seed 004's canonical shape (its `data` as express-validator items).
    let body = br#"{"success":false,"message":"Validation failed","error":"Validation Error","statusCode":400,"timestamp":"2026-05-23T10:00:00.000Z","path":"/api/auth/register","method":"POST","data":[{"type":"field","path":"email","msg":"Invalid value"}]}"#;
    let error = StatusEnvelope
        .decode(body)
        .unwrap()
        .typed_for::<Seed004Error>();
    assert_eq!(error.code, catalog_seeds::Seed004ErrorCode::Validation);
    assert_eq!(error.body.category.as_deref(), Some("Validation Error"));
    assert_eq!(
        error.fields(),
        &FieldErrors::new().with("email", "Invalid value")
    );

    // Seed 004's uncaught-error shape, with the development stack.
    let body = br#"{"success":false,"error":"Internal Server Error","statusCode":500,"stack":"TypeError: x is undefined"}"#;
    let decoded = StatusEnvelope.decode(body).unwrap();
    assert_eq!(decoded.message, "Internal Server Error");
    assert_eq!(
        decoded.debug_detail.as_deref(),
        Some("TypeError: x is undefined")
    );
    assert_eq!(
        decoded.typed_for::<Seed004Error>().code,
        catalog_seeds::Seed004ErrorCode::Internal
    );

    // RFC 9457's own example, whose extension members are kept.
    let body = br#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}"#;
    let decoded = Detect.decode(body).unwrap();
    assert_eq!(decoded.code, "https://example.com/probs/out-of-credit");
    assert_eq!(
        decoded.title.as_deref(),
        Some("You do not have enough credit.")
    );
    assert_eq!(
        Value::Object(decoded.members),
        json!({"balance": 30, "accounts": ["/account/12345", "/account/67890"]})
    );
}

#[test]
fn debug_detail_reads_back() {
    let error = Seed004Error::Internal;
    let context = Context::new().with_debug_detail(true);
    let body = Envelope::new(&error)
        .with_context(&context)
        .with_format(&StatusEnvelope)
        .to_vec()
        .unwrap();
    let decoded = StatusEnvelope.decode(&body).unwrap();
    assert_eq!(
        decoded.debug_detail.as_deref(),
        Some("TypeError: x is undefined")
    );
    assert_eq!(decoded.message, "Internal Server Error");
}

#[test]
fn pointer_paths_read_back_into_field_paths() {
    let path = FieldPath::root()
        .key("items")
        .index(2)
        .key("a/b~c")
        .key("d e");
    assert_eq!(parse_pointer(&path.pointer().to_string()).unwrap(), path);
    assert_eq!(
        parse_pointer("#/settings/max_sessions").unwrap(),
        FieldPath::from("settings.max_sessions")
    );
}

/// Each distinct pointer of an RFC 9457 body is one field, even where the readings
/// `parse_pointer` gives print the same in dotted notation: `#//5` (an empty key, then `5`)
/// and `#/5` both read as `[5]`, and `#/a/7` reads as `a[7]` like the key `#/a%5B7%5D`. Such
/// fields used to be merged, so one field's messages were reported under another's pointer.
#[test]
fn distinct_pointers_stay_distinct_fields() {
    let body = json!({
        "type": "about:blank",
        "title": "Bad Request",
        "status": 400,
        "errors": [
            {"detail": "empty key, then 5", "pointer": "#//5"},
            {"detail": "five", "pointer": "#/5"},
            {"detail": "a, then 7", "pointer": "#/a/7"},
            {"detail": "the key a[7]", "pointer": "#/a%5B7%5D"},
            {"detail": "five again", "pointer": "#/5"},
        ],
    });
    let decoded = ProblemDetails::new().decode_value(&body).unwrap();
    let read: Vec<(String, Vec<String>)> = decoded
        .fields
        .iter()
        .map(|entry| {
            let messages = entry.messages().map(|m| m.to_string()).collect();
            (entry.path().pointer().to_string(), messages)
        })
        .collect();
    let expected = [
        ("#//5", vec!["empty key, then 5"]),
        ("#/5", vec!["five", "five again"]),
        ("#/a/7", vec!["a, then 7"]),
        ("#/a%5B7%5D", vec!["the key a[7]"]),
    ];
    let expected: Vec<(String, Vec<String>)> = expected
        .iter()
        .map(|(pointer, messages)| {
            let messages = messages.iter().map(|m| (*m).to_owned()).collect();
            ((*pointer).to_owned(), messages)
        })
        .collect();
    assert_eq!(read, expected);
    // The readings are still what `parse_pointer` gives wherever that leaves the fields apart.
    let first = decoded.fields.iter().next().unwrap().path();
    assert_eq!(first, &parse_pointer("#//5").unwrap());
}
