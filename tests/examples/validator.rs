//! validator → apierr: a `#[derive(Validate)]` struct's errors as an API's validation error,
//! through `?` and through the `Valid<T>` axum extractor.
//!
//! ```sh
//! cargo run -p apierr-tests --example validator
//! ```
//!
//! It prints the bodies seed 001 (400 `VALIDATION_ERROR` with `errors`) and seed 002 (422 with
//! `fields`) would answer with; no server is started.

use apierr::extract::Valid;
use apierr::format::{FieldLists, FieldStrings};
use apierr::{ApiError, Envelope, FieldErrors};
use axum::Router;
use axum::body::{Body, to_bytes};
use axum::routing::post;
use serde::Deserialize;
use tower::ServiceExt as _;
use validator::Validate;

/// The errors of a task API (seed 001's shape).
#[derive(Debug, thiserror::Error, ApiError)]
#[api(format = FieldLists)]
enum TaskError {
    #[error("validation failed")]
    #[api(
        code = "VALIDATION_ERROR",
        status = 400,
        message = "One or more validation errors occurred"
    )]
    Invalid(#[api(fields)] FieldErrors),
}
// `?` on `validate()`, and the extractor's rejection.
apierr::from_field_errors!(TaskError => TaskError::Invalid);

/// The errors of a trading API (seed 002's shape).
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
struct Address {
    #[validate(length(min = 2, message = "City is too short"))]
    city: String,
}

#[derive(Debug, Deserialize, Validate)]
struct Item {
    #[validate(range(min = 1, message = "Quantity must be at least 1"))]
    qty: u32,
}

#[derive(Debug, Deserialize, Validate)]
struct NewTask {
    #[validate(length(min = 1, message = "Title is required"))]
    title: String,
    #[validate(range(exclusive_min = 0.0, message = "Amount must be greater than 0"))]
    amount: f64,
    #[validate(nested)]
    address: Address,
    #[validate(nested)]
    items: Vec<Item>,
}

fn create(task: &NewTask) -> Result<(), TaskError> {
    task.validate()?;
    Ok(())
}

async fn place(Valid(task): Valid<NewTask, TradeError>) -> String {
    format!("created {}", task.title)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let task = NewTask {
        title: String::new(),
        amount: 0.0,
        address: Address { city: "X".into() },
        items: vec![Item { qty: 2 }, Item { qty: 0 }],
    };
    let error = create(&task).expect_err("the task is invalid");
    let body = Envelope::new(&error).to_vec().expect("the body renders");
    println!("seed 001, `?` on validate(): {}", error.status());
    println!("{}\n", String::from_utf8_lossy(&body));

    let app = Router::new().route("/tasks", post(place));
    for json in [
        r#"{"title":"","amount":0,"address":{"city":"X"},"items":[{"qty":2},{"qty":0}]}"#,
        r#"{"title":"Buy milk","amount":"two","address":{"city":"Tehran"},"items":[]}"#,
        r#"{"title":"Buy milk","#,
        r#"{"title":"Buy milk","amount":2,"address":{"city":"Tehran"},"items":[{"qty":1}]}"#,
    ] {
        let request = http::Request::post("/tasks")
            .header("content-type", "application/json")
            .body(Body::from(json))
            .expect("a valid request");
        let response = app.clone().oneshot(request).await.expect("infallible");
        let status = response.status();
        let body = to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("an in-memory body");
        println!("seed 002, Valid<NewTask, TradeError> <- {json}");
        println!("{status} {}\n", String::from_utf8_lossy(&body));
    }
}
