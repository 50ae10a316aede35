//! `#[api(no_response_impls)]`: the derive writes no framework impls, so that a type can have
//! its own `IntoResponse` (axum) and `ResponseError` (actix-web); without the key, these impls
//! would conflict with the derived ones (E0119).

use actix_web::ResponseError;
use apierr::{ApiError, Envelope};
use axum::response::IntoResponse;
use http_body_util::BodyExt as _;

#[derive(Debug, thiserror::Error, ApiError)]
#[api(no_response_impls)]
enum AppError {
    #[error("order {0} not found")]
    #[api(code = "ORDER_NOT_FOUND", status = 404)]
    OrderNotFound(u32),
}

/// A struct takes the key too.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("slow down")]
#[api(code = "RATE_LIMITED", status = 429, no_response_impls)]
struct Limited;

impl IntoResponse for AppError {
    fn into_response(self) -> axum::response::Response {
        let body = Envelope::new(&self).to_vec().unwrap();
        (self.status(), [("x-handled-by", "own-axum")], body).into_response()
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> actix_web::http::StatusCode {
        actix_web::http::StatusCode::from_u16(self.status().as_u16()).unwrap()
    }

    fn error_response(&self) -> actix_web::HttpResponse {
        actix_web::HttpResponse::build(self.status_code())
            .insert_header(("x-handled-by", "own-actix"))
            .body(Envelope::new(self).to_vec().unwrap())
    }
}

impl IntoResponse for Limited {
    fn into_response(self) -> axum::response::Response {
        (axum::http::StatusCode::IM_A_TEAPOT, "own limited").into_response()
    }
}

const BODY: &[u8] =
    br#"{"success":false,"error":{"code":"ORDER_NOT_FOUND","message":"order 7 not found","status":404}}"#;

#[tokio::test]
async fn the_hand_written_into_response_is_used() {
    let response = AppError::OrderNotFound(7).into_response();
    assert_eq!(response.status().as_u16(), 404);
    assert_eq!(response.headers()["x-handled-by"], "own-axum");
    let body = response.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(&body[..], BODY);

    let response = Limited.into_response();
    assert_eq!(response.status().as_u16(), 418);
    let body = response.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(&body[..], b"own limited");
}

#[tokio::test]
async fn the_hand_written_response_error_is_used() {
    let error = AppError::OrderNotFound(7);
    assert_eq!(error.status_code().as_u16(), 404);
    let response = error.error_response();
    assert_eq!(response.status().as_u16(), 404);
    assert_eq!(response.headers().get("x-handled-by").unwrap(), "own-actix");
    let body = actix_web::body::to_bytes(response.into_body())
        .await
        .unwrap();
    assert_eq!(&body[..], BODY);
}
