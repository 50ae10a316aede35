//! `anyhow` (feature `anyhow`): `apierr::Internal` as an application's catch-all variant, a
//! redacted 500 whose chain reaches logs and debug detail only.

mod common;

use std::error::Error as _;

use anyhow::Context as _;
use apierr::anyhow::ResultExt as _;
use apierr::format::{FieldStrings, FlatDetails, StatusEnvelope};
use apierr::response::{ResponseOptions, to_response};
use apierr::{ApiError, Context, Envelope, Internal, Timestamp};
use common::{assert_body, assert_exact};
use serde_json::json;

#[derive(Debug, thiserror::Error, ApiError)]
#[api(format = StatusEnvelope)]
enum AppError {
    #[error("user {0} exists")]
    #[api(code = "USER_EXISTS", status = 409, message = "Email already in use")]
    UserExists(String),
    #[error(transparent)]
    #[api(transparent)]
    Other(#[from] Internal),
}

fn read_secret() -> std::io::Result<String> {
    Err(std::io::Error::new(
        std::io::ErrorKind::PermissionDenied,
        "secret.toml: permission denied",
    ))
}

fn load_settings() -> Result<String, AppError> {
    let text = read_secret()
        .context("cannot read settings file")
        .context("cannot load settings")
        .internal()?;
    Ok(text)
}

#[test]
fn seed_004_redacted_without_debug_detail_and_stack_with_it() {
    let error = load_settings().unwrap_err();
    assert_eq!(error.code(), "INTERNAL");
    assert_eq!(error.status().as_u16(), 500);
    assert_eq!(error.message(), "Internal Server Error");

    let context = Context::new()
        .with_timestamp(Timestamp::from_unix_millis(1_779_530_400_000).unwrap())
        .with_path("/api/settings")
        .with_method(http::Method::GET);
    assert_exact(
        &Envelope::new(&error).with_context(&context),
        r#"{"success":false,"error":"Internal Server Error","statusCode":500,"timestamp":"2026-05-23T10:00:00.000Z","path":"/api/settings","method":"GET"}"#,
    );

    let debug = Context::new().with_debug_detail(true);
    assert_body(
        &Envelope::new(&error).with_context(&debug),
        &json!({
            "success": false,
            "error": "Internal Server Error",
            "statusCode": 500,
            "stack": "cannot load settings\n    caused by: cannot read settings file\n    caused by: secret.toml: permission denied"
        }),
    );
}

#[test]
fn other_seed_formats_show_only_the_generic_message() {
    let error = load_settings().unwrap_err();
    assert_exact(
        &Envelope::new(&error).with_format(&FieldStrings),
        r#"{"code":"INTERNAL","message":"Internal Server Error"}"#,
    );
    assert_exact(
        &Envelope::new(&error).with_format(&FlatDetails),
        r#"{"success":false,"error":"Internal Server Error","code":"INTERNAL"}"#,
    );
    // The application's own codes are unaffected.
    assert_exact(
        &Envelope::new(&AppError::UserExists("ann@example.com".into())).with_format(&FieldStrings),
        r#"{"code":"USER_EXISTS","message":"Email already in use"}"#,
    );
}

#[test]
fn the_chain_is_kept_for_logs_each_cause_once() {
    let error = load_settings().unwrap_err();
    // thiserror's `transparent`: Display and source are the anyhow error's.
    assert_eq!(error.to_string(), "cannot load settings");
    let mut chain = Vec::new();
    let mut next = error.source();
    while let Some(cause) = next {
        chain.push(cause.to_string());
        next = cause.source();
    }
    assert_eq!(
        chain,
        [
            "cannot read settings file",
            "secret.toml: permission denied"
        ]
    );
    // The same chain through `ApiError`, which the HTTP layer logs.
    let root = error
        .source_error()
        .and_then(|cause| cause.source())
        .unwrap();
    let io = root.downcast_ref::<std::io::Error>().unwrap();
    assert_eq!(io.kind(), std::io::ErrorKind::PermissionDenied);
    let AppError::Other(internal) = &error else {
        panic!("expected Other");
    };
    assert_eq!(
        format!("{internal:#}"),
        "cannot load settings: cannot read settings file: secret.toml: permission denied"
    );
    assert!(internal.error().downcast_ref::<std::io::Error>().is_some());
}

#[test]
fn the_http_response_is_a_plain_500() {
    let error = AppError::from(Internal::new(anyhow::anyhow!("db-7: password=hunter2")));
    let response = to_response(&error, &Context::new(), &ResponseOptions::new());
    assert_eq!(response.status(), 500);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(
        String::from_utf8(response.into_body()).unwrap(),
        r#"{"success":false,"error":"Internal Server Error","statusCode":500}"#
    );
}

#[test]
fn internal_alone_is_an_api_error_and_in_the_catalogue() {
    let alone = Internal::from(anyhow::anyhow!("boom"));
    assert_exact(
        &Envelope::new(&alone),
        r#"{"success":false,"error":{"code":"INTERNAL","message":"Internal Server Error","status":500}}"#,
    );
    let mut codes = Vec::new();
    AppError::catalog(&mut |spec| codes.push((spec.code(), spec.status().as_u16())));
    assert_eq!(codes, [("USER_EXISTS", 409), ("INTERNAL", 500)]);
    assert!(Internal::from(anyhow::anyhow!("x")).spec().is_redacted());
    let error: anyhow::Error = alone.into_inner();
    assert_eq!(error.to_string(), "boom");
}

#[test]
fn internal_answers_axum_handlers_directly() {
    use axum::response::IntoResponse;
    let response = Internal::new(std::io::Error::other("disk full")).into_response();
    assert_eq!(response.status(), 500);
    assert_eq!(response.headers()["content-type"], "application/json");
}
