//! Localised public messages: a [`Localize`] in the context picks each code's message in the
//! negotiated language; a missing translation falls back to the declared message.

mod common;
mod proptest_config;

use std::sync::Arc;

use apierr::format::{FieldStrings, Nested, ProblemDetails, StatusEnvelope};
use apierr::response::{ResponseOptions, to_response};
use apierr::{ApiError, Context, Envelope, FieldErrors, Localize, Translations, negotiate};
use common::{assert_body, assert_exact};
use proptest::prelude::*;
use serde_json::json;

/// Seed 004's auth errors, declared in English; its legacy clients read Persian.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(format = StatusEnvelope)]
enum AuthError {
    #[error("user exists")]
    #[api(
        code = "USER_EXISTS",
        status = 409,
        category = "Conflict",
        message = "Email already in use"
    )]
    UserExists,
    #[error("wrong delivery code")]
    #[api(
        code = "WRONG_DELIVERY_CODE",
        status = 400,
        category = "Validation Error",
        message = "Wrong delivery code"
    )]
    WrongCode,
    #[error("not the buyer")]
    #[api(
        code = "NOT_BUYER",
        status = 403,
        category = "Forbidden",
        message = "You may not create a delivery code for this request"
    )]
    NotBuyer,
    #[error("locked for {minutes} minutes")]
    #[api(
        code = "ACCOUNT_LOCKED",
        status = 423,
        message = "Account locked for {minutes} minutes"
    )]
    Locked { minutes: u32 },
    #[error("redis unreachable")]
    #[api(code = "INTERNAL", status = 500)]
    Internal,
    #[error("validation failed")]
    #[api(code = "VALIDATION_ERROR", status = 400, message = "Validation failed")]
    Invalid(#[api(fields)] FieldErrors),
}

static FA: &[(&str, &str)] = &[
    ("USER_EXISTS", "کاربری با این ایمیل قبلاً ثبت‌نام کرده است"),
    ("WRONG_DELIVERY_CODE", "کد تحویل نادرست است"),
    (
        "NOT_BUYER",
        "شما مجاز به ایجاد کد تحویل برای این درخواست نیستید",
    ),
    ("ACCOUNT_LOCKED", "حساب کاربری موقتاً قفل شده است"),
    ("INTERNAL", "خطای داخلی سرور"),
];

static DE: &[(&str, &str)] = &[
    ("USER_EXISTS", "E-Mail wird bereits verwendet"),
    // Characters that JSON must escape: the fast writer may not copy a translation as it is.
    ("VALIDATION_ERROR", "Ungültige \"Eingabe\"\n\\ bitte prüfen"),
];

fn translations() -> Arc<Translations> {
    Arc::new(
        Translations::new()
            .language("en", &[])
            .language("fa", FA)
            .language("de", DE),
    )
}

fn in_language(accept_language: &str) -> Context {
    Context::new()
        .with_localizer(translations())
        .with_accept_language(accept_language.as_bytes())
}

#[test]
fn persian_for_seed_004_legacy_clients() {
    let context = in_language("fa-IR,fa;q=0.9,en-US;q=0.8,en;q=0.7");
    assert_eq!(context.language(), Some("fa"));
    assert_exact(
        &Envelope::new(&AuthError::UserExists).with_context(&context),
        r#"{"success":false,"message":"کاربری با این ایمیل قبلاً ثبت‌نام کرده است","error":"Conflict","statusCode":409}"#,
    );
    assert_body(
        &Envelope::new(&AuthError::WrongCode).with_context(&context),
        &json!({
            "success": false,
            "message": "کد تحویل نادرست است",
            "error": "Validation Error",
            "statusCode": 400
        }),
    );
    // A message with values: the translation is a whole sentence of its own.
    assert_eq!(
        Envelope::new(&AuthError::Locked { minutes: 15 })
            .with_context(&context)
            .to_value()
            .unwrap()["message"],
        "حساب کاربری موقتاً قفل شده است"
    );
}

#[test]
fn a_second_language_and_the_same_codes_in_another_format() {
    let context = in_language("de-CH, de;q=0.9, *;q=0.1");
    assert_eq!(context.language(), Some("de"));
    assert_exact(
        &Envelope::new(&AuthError::UserExists)
            .with_context(&context)
            .with_format(&Nested),
        r#"{"success":false,"error":{"code":"USER_EXISTS","message":"E-Mail wird bereits verwendet","status":409}}"#,
    );
    let invalid = AuthError::Invalid(FieldErrors::new().with("email", "required"));
    assert_exact(
        &Envelope::new(&invalid)
            .with_context(&context)
            .with_format(&FieldStrings),
        r#"{"code":"VALIDATION_ERROR","message":"Ungültige \"Eingabe\"\n\\ bitte prüfen","fields":{"email":"required"}}"#,
    );
}

#[test]
fn a_missing_translation_falls_back_to_the_declared_message() {
    let german = in_language("de");
    assert_exact(
        &Envelope::new(&AuthError::WrongCode).with_context(&german),
        r#"{"success":false,"message":"Wrong delivery code","error":"Validation Error","statusCode":400}"#,
    );
    // An interpolated message falls back with its values.
    assert_eq!(
        Envelope::new(&AuthError::Locked { minutes: 15 })
            .with_context(&german)
            .to_value()
            .unwrap()["message"],
        "Account locked for 15 minutes"
    );
    // English is listed with no table: the declared messages are English.
    let english = in_language("en-GB, fa;q=0.5");
    assert_eq!(english.language(), Some("en"));
    assert_eq!(
        Envelope::new(&AuthError::UserExists)
            .with_context(&english)
            .to_value()
            .unwrap()["message"],
        "Email already in use"
    );
    // A language nobody translates into: nothing negotiated, declared messages.
    let japanese = in_language("ja");
    assert_eq!(japanese.language(), None);
    assert_eq!(
        Envelope::new(&AuthError::UserExists)
            .with_context(&japanese)
            .to_value()
            .unwrap()["message"],
        "Email already in use"
    );
}

#[test]
fn redacted_codes_use_the_translated_generic_message() {
    let context = in_language("fa");
    let body = Envelope::new(&AuthError::Internal)
        .with_context(&context)
        .with_format(&Nested)
        .to_value()
        .unwrap();
    assert_eq!(body["error"]["message"], "خطای داخلی سرور");
    // StatusEnvelope leaves the message of a redacted code out, translated or not.
    assert_exact(
        &Envelope::new(&AuthError::Internal).with_context(&context),
        r#"{"success":false,"error":"Internal Server Error","statusCode":500}"#,
    );
}

#[test]
fn rfc_9457_detail_is_translated() {
    let context = in_language("fa");
    assert_body(
        &Envelope::new(&AuthError::NotBuyer)
            .with_context(&context)
            .with_format(&ProblemDetails::new()),
        &json!({
            "type": "about:blank",
            "title": "Forbidden",
            "status": 403,
            "detail": "شما مجاز به ایجاد کد تحویل برای این درخواست نیستید",
            "code": "NOT_BUYER"
        }),
    );
}

#[test]
fn a_response_built_from_the_negotiated_context() {
    let context = in_language("fa");
    let response = to_response(&AuthError::WrongCode, &context, &ResponseOptions::new());
    assert_eq!(response.status(), 400);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(
        String::from_utf8(response.into_body()).unwrap(),
        r#"{"success":false,"message":"کد تحویل نادرست است","error":"Validation Error","statusCode":400}"#
    );
}

#[test]
fn language_and_localizer_are_both_needed() {
    let without_localizer = Context::new().with_language("fa");
    assert_eq!(without_localizer.language(), Some("fa"));
    assert_eq!(
        Envelope::new(&AuthError::UserExists)
            .with_context(&without_localizer)
            .to_value()
            .unwrap()["message"],
        "Email already in use"
    );
    let without_language = Context::new().with_localizer(translations());
    assert_eq!(without_language.language(), None);
    assert_eq!(
        without_language.localizer().unwrap().languages(),
        ["en", "fa", "de"]
    );
    assert_eq!(
        Envelope::new(&AuthError::UserExists)
            .with_context(&without_language)
            .to_value()
            .unwrap()["message"],
        "Email already in use"
    );
    // Negotiation needs the localizer's languages: without one the header is ignored.
    assert_eq!(Context::new().with_accept_language(b"fa").language(), None);
}

#[test]
fn odd_languages_and_headers_are_ignored() {
    for odd in ["", "fa\r\nx: y", "<script>", "fa_IR", "a-", &"x".repeat(65)] {
        assert_eq!(
            Context::new().with_language(odd.to_owned()).language(),
            None,
            "{odd:?}"
        );
    }
    // Tags are bounded at 64 bytes.
    let long = format!("en{}", "-abcdefgh".repeat(7));
    assert_eq!(Context::new().with_language(long).language(), None);
    let fits = format!("en{}", "-abcdefgh".repeat(6));
    assert_eq!(
        Context::new().with_language(fits.clone()).language(),
        Some(&*fits)
    );
    let context = Context::new()
        .with_localizer(translations())
        .with_accept_language(b"\xff\xfe fa");
    assert_eq!(context.language(), None);
    // An odd language is ignored: the one set before stays.
    assert_eq!(
        Context::new()
            .with_language("fa")
            .with_language("f a")
            .language(),
        Some("fa")
    );
}

#[test]
fn contexts_compare_localizers_by_identity() {
    let shared = translations();
    let a = Context::new()
        .with_localizer(shared.clone())
        .with_language("fa");
    let b = Context::new().with_localizer(shared).with_language("fa");
    assert_eq!(a, b);
    assert_ne!(
        a,
        Context::new()
            .with_localizer(translations())
            .with_language("fa")
    );
    assert!(format!("{a:?}").contains(r#"languages: ["en", "fa", "de"]"#));
}

/// A hand-written localizer: messages from a generated catalogue, say.
struct Upper;

impl Localize for Upper {
    fn localize(&self, code: &'static str, language: &str) -> Option<&'static str> {
        (language == "x-shout" || language == "qaa").then_some(match code {
            "USER_EXISTS" => "EMAIL ALREADY IN USE",
            _ => return None,
        })
    }

    fn languages(&self) -> &[&'static str] {
        &["qaa"]
    }
}

#[test]
fn any_localize_implementation_works() {
    let context = Context::new()
        .with_localizer(Arc::new(Upper))
        .with_accept_language(b"qaa");
    assert_eq!(
        Envelope::new(&AuthError::UserExists)
            .with_context(&context)
            .to_value()
            .unwrap()["message"],
        "EMAIL ALREADY IN USE"
    );
}

#[test]
fn negotiation_follows_rfc_9110_and_4647() {
    let supported = ["en", "fa", "de", "zh-Hant"];
    // Quality first; equal quality keeps the header's order.
    assert_eq!(
        negotiate("de;q=0.5, fa;q=0.8, en;q=0.1", &supported),
        Some("fa")
    );
    assert_eq!(negotiate("de, fa", &supported), Some("de"));
    assert_eq!(negotiate("fa;q=0.5, de;q=0.500", &supported), Some("fa"));
    // Range prefixes: `zh` matches `zh-Hant`; `fa-IR` falls back to `fa`.
    assert_eq!(negotiate("zh", &supported), Some("zh-Hant"));
    assert_eq!(negotiate("zh-Hant-TW", &supported), Some("zh-Hant"));
    assert_eq!(negotiate("fa-IR", &supported), Some("fa"));
    // Case does not matter; the server's spelling is returned.
    assert_eq!(negotiate("ZH-hant", &supported), Some("zh-Hant"));
    // Wildcards take the first language not excluded.
    assert_eq!(negotiate("*", &supported), Some("en"));
    assert_eq!(negotiate("ja, *;q=0.5, en;q=0", &supported), Some("fa"));
    assert_eq!(negotiate("*;q=0", &supported), None);
    // q=0 refuses a language outright.
    assert_eq!(negotiate("fa;q=0, de;q=0.1", &supported), Some("de"));
    // Whitespace and empty elements are allowed, malformed ranges skipped.
    assert_eq!(negotiate(" , fa ;  q=0.7 ,", &supported), Some("fa"));
    assert_eq!(negotiate("f@, de", &supported), Some("de"));
    assert_eq!(negotiate("fa;q=1.5, de;q=0.2", &supported), Some("de"));
    assert_eq!(negotiate("ja, ko", &supported), None);
}

proptest! {
    #![proptest_config(proptest_config::cases(512))]

    #[test]
    fn negotiation_never_panics_and_returns_a_supported_tag(header in ".{0,200}") {
        let supported = ["en", "fa", "de-CH"];
        if let Some(tag) = negotiate(&header, &supported) {
            prop_assert!(supported.contains(&tag));
        }
    }

    #[test]
    fn header_like_input_never_panics(
        header in "([a-zA-Z*]{0,9}(-[a-zA-Z0-9]{0,9}){0,3}( ?; ?q=[0-9.]{0,6})?, ?){0,12}"
    ) {
        let supported = ["en", "fa", "de-CH"];
        if let Some(tag) = negotiate(&header, &supported) {
            prop_assert!(supported.contains(&tag));
        }
        let context = in_language(&header);
        prop_assert!(context.language().is_none_or(|tag| ["en", "fa", "de"].contains(&tag)));
    }
}
