//! garde → apierr: a `#[derive(garde::Validate)]` struct's report as an API's validation
//! error, through `?` and through the `Garde<T>` axum extractor.
//!
//! ```sh
//! cargo run -p apierr-tests --example garde
//! ```
//!
//! It prints the bodies seed 003 (dot-notation `details`) and seed 002 (422 with `fields`)
//! would answer with; no server is started.

use apierr::extract::Garde;
use apierr::format::{FieldStrings, FlatDetails};
use apierr::{ApiError, Envelope, FieldErrors};
use axum::Router;
use axum::body::{Body, to_bytes};
use axum::routing::post;
use garde::Validate;
use serde::Deserialize;
use tower::ServiceExt as _;

/// Seed 003's validation error.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(format = FlatDetails)]
enum PlatformError {
    #[error("validation failed")]
    #[api(
        code = "VALIDATION_ERROR",
        status = 422,
        message = "Request validation failed"
    )]
    Validation(#[api(fields)] FieldErrors),
}
apierr::from_field_errors!(PlatformError => PlatformError::Validation);

/// Seed 002's validation error.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(format = FieldStrings)]
enum TradeError {
    #[error("validation failed")]
    #[api(
        code = "VALIDATION_ERROR",
        status = 422,
        message = "Input data validation failed"
    )]
    Invalid(#[api(fields)] FieldErrors),
}
apierr::from_field_errors!(TradeError => TradeError::Invalid);

#[derive(Debug, Deserialize, Validate)]
struct Settings {
    #[garde(range(min = 1, max = 10))]
    max_sessions: u32,
}

#[derive(Debug, Deserialize, Validate)]
struct Profile {
    #[garde(email)]
    email: String,
    #[garde(dive)]
    settings: Settings,
}

fn known_order_type(value: &str, _: &()) -> garde::Result {
    match value {
        "limit" | "market" => Ok(()),
        other => Err(garde::Error::new(format!("invalid order_type: {other}"))),
    }
}

#[derive(Debug, Deserialize, Validate)]
struct NewOrder {
    #[garde(custom(known_order_type))]
    order_type: String,
    #[garde(range(min = 1))]
    qty: u32,
}

fn update(profile: &Profile) -> Result<(), PlatformError> {
    profile.validate()?;
    Ok(())
}

async fn place(Garde(order): Garde<NewOrder, TradeError>) -> String {
    format!("placed {} x{}", order.order_type, order.qty)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let profile = Profile {
        email: "not-an-email".into(),
        settings: Settings { max_sessions: 0 },
    };
    let error = update(&profile).expect_err("the profile is invalid");
    let body = Envelope::new(&error).to_vec().expect("the body renders");
    println!("seed 003, `?` on validate(): {}", error.status());
    println!("{}\n", String::from_utf8_lossy(&body));

    let app = Router::new().route("/orders", post(place));
    for json in [
        r#"{"order_type":"FANTASY","qty":0}"#,
        r#"{"order_type":"limit"}"#,
        r#"{"order_type":"limit","qty":3}"#,
    ] {
        let request = http::Request::post("/orders")
            .header("content-type", "application/json")
            .body(Body::from(json))
            .expect("a valid request");
        let response = app.clone().oneshot(request).await.expect("infallible");
        let status = response.status();
        let body = to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("an in-memory body");
        println!("seed 002, Garde<NewOrder, TradeError> <- {json}");
        println!("{status} {}\n", String::from_utf8_lossy(&body));
    }
}
