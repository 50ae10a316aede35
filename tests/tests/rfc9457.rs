//! RFC 9457 problem details, in [`apierr::format::ProblemDetails`]: the RFC's own examples,
//! exactly, and the format's documented options.

mod common;

use apierr::format::{APPLICATION_PROBLEM_JSON, ProblemDetails};
use apierr::{ApiError, Context, Envelope, FieldErrors, FieldPath};
use common::{assert_body, assert_exact};
use serde_json::json;

/// The RFC's examples carry neither `status` nor a code member; types are under one base.
const RFC_EXAMPLE: ProblemDetails = ProblemDetails::new()
    .with_type_base("https://example.com/probs/")
    .without_status()
    .with_code_member(None);

#[derive(Debug, ApiError)]
#[api(format = RFC_EXAMPLE)]
enum CreditError {
    #[api(
        code = "OUT_OF_CREDIT",
        status = 403,
        title = "You do not have enough credit.",
        message = "Your current balance is {balance}, but that costs {cost}."
    )]
    OutOfCredit {
        #[api(member)]
        balance: u32,
        cost: u32,
        #[api(member)]
        accounts: Vec<&'static str>,
    },
}

#[derive(Debug, ApiError)]
#[api(format = apierr::format::ProblemDetails::new().without_status().with_code_member(None))]
enum RequestError {
    #[api(
        code = "VALIDATION_ERROR",
        status = 422,
        type = "https://example.net/validation-error",
        title = "Your request is not valid.",
        message = "Your request is not valid."
    )]
    Invalid(#[api(fields)] FieldErrors),
}

/// RFC 9457, section 3: the out-of-credit problem, with two extension members.
#[test]
fn out_of_credit_example() {
    let err = CreditError::OutOfCredit {
        balance: 30,
        cost: 50,
        accounts: vec!["/account/12345", "/account/67890"],
    };
    let context = Context::new().with_instance("/account/12345/msgs/abc");
    let envelope = Envelope::new(&err).with_context(&context);
    assert_eq!(err.status(), http::StatusCode::FORBIDDEN);
    assert_eq!(envelope.content_type(), APPLICATION_PROBLEM_JSON);
    assert_eq!(envelope.content_type(), "application/problem+json");
    assert_body(
        &envelope,
        &json!({
         "type": "https://example.com/probs/out-of-credit",
         "title": "You do not have enough credit.",
         "detail": "Your current balance is 30, but that costs 50.",
         "instance": "/account/12345/msgs/abc",
         "balance": 30,
         "accounts": ["/account/12345",
                      "/account/67890"]
        }),
    );
    assert_exact(
        &envelope,
        r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}"#,
    );
}

/// RFC 9457, section 3: the validation problem with an `errors` extension of JSON pointers; its
/// message only repeats the title, so there is no `detail`.
#[test]
fn validation_error_example() {
    let err = RequestError::Invalid(
        FieldErrors::new()
            .with("age", "must be a positive integer")
            .with(
                FieldPath::root().key("profile").key("color"),
                "must be 'green', 'red' or 'blue'",
            ),
    );
    let envelope = Envelope::new(&err);
    assert_eq!(err.status().as_u16(), 422);
    assert_eq!(envelope.content_type(), "application/problem+json");
    assert_body(
        &envelope,
        &json!({
        "type": "https://example.net/validation-error",
        "title": "Your request is not valid.",
        "errors": [
                    {
                      "detail": "must be a positive integer",
                      "pointer": "#/age"
                    },
                    {
                      "detail": "must be 'green', 'red' or 'blue'",
                      "pointer": "#/profile/color"
                    }
                 ]
        }),
    );
    assert_exact(
        &envelope,
        r##"{"type":"https://example.net/validation-error","title":"Your request is not valid.","errors":[{"detail":"must be a positive integer","pointer":"#/age"},{"detail":"must be 'green', 'red' or 'blue'","pointer":"#/profile/color"}]}"##,
    );
}

#[derive(Debug, thiserror::Error, ApiError)]
enum ItemError {
    #[error("no item {0}")]
    #[api(code = "ITEM_NOT_FOUND", status = 404)]
    Missing(u32),
    #[error("{0}")]
    #[api(code = "GONE", status = 410)]
    Gone(String),
    #[error("disk full on /var/lib/db")]
    #[api(code = "STORAGE", status = 500)]
    Storage,
}

/// `new()`: `about:blank`, the reason phrase as title, `status`, and the code in `code`.
#[test]
fn defaults() {
    let format = ProblemDetails::new();
    let err = ItemError::Missing(7);
    let envelope = Envelope::new(&err).with_format(&format);
    assert_eq!(envelope.content_type(), "application/problem+json");
    assert_body(
        &envelope,
        &json!({
            "type": "about:blank",
            "title": "Not Found",
            "status": 404,
            "detail": "no item 7",
            "code": "ITEM_NOT_FOUND"
        }),
    );
    // A redacted 5xx: the generic message is the title, so no `detail` at all.
    assert_body(
        &Envelope::new(&ItemError::Storage).with_format(&format),
        &json!({
            "type": "about:blank",
            "title": "Internal Server Error",
            "status": 500,
            "code": "STORAGE"
        }),
    );
}

/// The code member can be renamed; a type base turns the code into a kebab-case path segment.
#[test]
fn code_member_and_type_base() {
    let format = ProblemDetails::new()
        .with_type_base("https://errors.example.org/")
        .with_code_member(Some("errorCode"));
    assert_body(
        &Envelope::new(&ItemError::Missing(1)).with_format(&format),
        &json!({
            "type": "https://errors.example.org/item-not-found",
            "title": "Not Found",
            "status": 404,
            "detail": "no item 1",
            "errorCode": "ITEM_NOT_FOUND"
        }),
    );
}

/// `detail` is left out only for a fixed message that repeats the title: a message built at
/// run time is always sent, even when it happens to read like the title, so that it is never
/// formatted twice just to compare it.
#[test]
fn interpolated_detail_is_always_sent() {
    let format = ProblemDetails::new().with_code_member(None);
    assert_body(
        &Envelope::new(&ItemError::Gone("Gone".to_owned())).with_format(&format),
        &json!({"type": "about:blank", "title": "Gone", "status": 410, "detail": "Gone"}),
    );
    assert_body(
        &Envelope::new(&ItemError::Gone("Gone for good".to_owned())).with_format(&format),
        &json!({"type": "about:blank", "title": "Gone", "status": 410, "detail": "Gone for good"}),
    );
}

/// Pointers follow RFC 6901: array indices, and `~`, `/` escaped in member names.
#[test]
fn pointers_escape_member_names() {
    let err = RequestError::Invalid(
        FieldErrors::new()
            .with("items[2].qty", "must be at least 1")
            .with(FieldPath::root().key("a/b~c"), "is unknown"),
    );
    let body = Envelope::new(&err).to_value().unwrap();
    assert_eq!(
        body["errors"],
        json!([
            {"detail": "must be at least 1", "pointer": "#/items/2/qty"},
            {"detail": "is unknown", "pointer": "#/a~1b~0c"}
        ])
    );
}
