//! The axum layer negotiates each request's language from `Accept-Language` and renders the
//! localizer's translation, falling back to the declared message.

use apierr::ApiError;
use apierr::axum::ApiErrorLayer;
use apierr::format::FieldStrings;
use apierr::i18n::Translations;
use apierr::response::ResponseOptions;
use axum::Router;
use axum::body::{Body, to_bytes};
use axum::routing::get;
use http::Request;
use tower::ServiceExt as _;

#[derive(Debug, ApiError)]
#[api(format = FieldStrings)]
enum AccountError {
    #[api(
        code = "USER_EXISTS",
        status = 409,
        message = "Email already registered"
    )]
    Exists,
    #[api(code = "WRONG_CODE", status = 400, message = "Wrong delivery code")]
    WrongCode,
}

const FA: &[(&str, &str)] = &[("USER_EXISTS", "کاربری با این ایمیل قبلاً ثبت‌نام کرده است")];
const DE: &[(&str, &str)] = &[("USER_EXISTS", "E-Mail bereits registriert")];

async fn body_for(path: &str, accept_language: Option<&str>) -> String {
    let options = ResponseOptions::new()
        .with_localizer(Translations::new().language("fa", FA).language("de", DE));
    let app = Router::new()
        .route(
            "/exists",
            get(|| async { Err::<(), _>(AccountError::Exists) }),
        )
        .route(
            "/code",
            get(|| async { Err::<(), _>(AccountError::WrongCode) }),
        )
        .layer(ApiErrorLayer::with_options(options));
    let mut request = Request::get(path);
    if let Some(value) = accept_language {
        request = request.header("accept-language", value);
    }
    let response = app
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let bytes = to_bytes(response.into_body(), 1 << 16).await.unwrap();
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[tokio::test]
async fn accept_language_picks_the_translation() {
    assert_eq!(
        body_for("/exists", Some("fa-IR, en;q=0.5")).await,
        r#"{"code":"USER_EXISTS","message":"کاربری با این ایمیل قبلاً ثبت‌نام کرده است"}"#
    );
    assert_eq!(
        body_for("/exists", Some("en;q=0.9, de;q=0.8")).await,
        r#"{"code":"USER_EXISTS","message":"E-Mail bereits registriert"}"#
    );
}

#[tokio::test]
async fn missing_translation_or_language_falls_back() {
    // No Persian text for this code.
    assert_eq!(
        body_for("/code", Some("fa")).await,
        r#"{"code":"WRONG_CODE","message":"Wrong delivery code"}"#
    );
    assert_eq!(
        body_for("/exists", Some("ja")).await,
        r#"{"code":"USER_EXISTS","message":"Email already registered"}"#
    );
    assert_eq!(
        body_for("/exists", None).await,
        r#"{"code":"USER_EXISTS","message":"Email already registered"}"#
    );
}
