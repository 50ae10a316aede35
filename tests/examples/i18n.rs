//! Localised public messages: seed 004's API answers its legacy clients in Persian.
//!
//! ```sh
//! cargo run -p apierr-tests --example i18n
//! ```
//!
//! For a few `Accept-Language` values it prints the language negotiated and the body: Persian
//! where there is a translation, the declared English message where there is none.

use std::sync::Arc;

use apierr::format::StatusEnvelope;
use apierr::{ApiError, Context, Envelope, Translations};

#[derive(Debug, thiserror::Error, ApiError)]
#[api(format = StatusEnvelope)]
enum DeliveryError {
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
        message = "Only the buyer may create a delivery code"
    )]
    NotBuyer,
}

/// Persian, as the seed document quotes it; `NOT_BUYER` is left untranslated on purpose.
static FA: &[(&str, &str)] = &[
    ("USER_EXISTS", "کاربری با این ایمیل قبلاً ثبت‌نام کرده است"),
    ("WRONG_DELIVERY_CODE", "کد تحویل نادرست است"),
];

fn main() {
    // English first: it is the language of the declared messages, and what `*` gets.
    let translations = Arc::new(Translations::new().language("en", &[]).language("fa", FA));
    for accept_language in [
        "fa-IR,fa;q=0.9,en;q=0.8",
        "en-US,en;q=0.9",
        "de, *;q=0.1",
        "ja",
    ] {
        // What the axum layer does for each request.
        let context = Context::new()
            .with_localizer(translations.clone())
            .with_accept_language(accept_language.as_bytes());
        println!(
            "Accept-Language: {accept_language}  ->  {}",
            context.language().unwrap_or("(none: declared messages)")
        );
        for error in [
            DeliveryError::UserExists,
            DeliveryError::WrongCode,
            DeliveryError::NotBuyer,
        ] {
            let body = Envelope::new(&error)
                .with_context(&context)
                .to_vec()
                .expect("the body renders");
            println!(
                "  {} {}",
                error.status().as_u16(),
                String::from_utf8_lossy(&body)
            );
        }
    }
}
