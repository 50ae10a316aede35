//! The validated-JSON axum extractors, `apierr::extract::{Valid, Garde}`: real routers driven in
//! memory with `tower::ServiceExt::oneshot`, every refusal checked for its exact status,
//! `Content-Type` and body, in the seed formats.

use apierr::axum::ApiErrorLayer;
use apierr::extract::{Garde, Rejection, Valid};
use apierr::format::{FieldLists, FieldStrings, ProblemDetails};
use apierr::response::ResponseOptions;
use apierr::{ApiError, FieldErrors, HttpError, RejectionDetail, ValidationFailed};
use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::DefaultBodyLimit;
use axum::routing::post;
use http::{Request, StatusCode};
use serde::Deserialize;
use tower::ServiceExt as _;
// validator's derive calls `validate()` on nested values by name.
use validator::Validate as _;

/// Seed 002: 422 `VALIDATION_ERROR` with `fields`.
#[derive(Debug, ApiError)]
#[api(format = FieldStrings)]
enum TradeError {
    #[api(
        code = "VALIDATION_ERROR",
        status = 422,
        message = "Input data validation failed"
    )]
    Invalid(#[api(fields)] FieldErrors),
}
apierr::from_field_errors!(TradeError => TradeError::Invalid);

/// Seed 001: 400 `VALIDATION_ERROR` with `errors`.
#[derive(Debug, ApiError)]
#[api(format = FieldLists)]
enum TaskError {
    #[api(
        code = "VALIDATION_ERROR",
        status = 400,
        message = "One or more validation errors occurred"
    )]
    Invalid(#[api(fields)] FieldErrors),
}
apierr::from_field_errors!(TaskError => TaskError::Invalid);

fn known_order_type(value: &str) -> Result<(), validator::ValidationError> {
    match value {
        "limit" | "market" => Ok(()),
        other => Err(validator::ValidationError::new("order_type")
            .with_message(format!("invalid order_type: {other}").into())),
    }
}

#[derive(Debug, Deserialize, validator::Validate)]
struct Leg {
    #[validate(range(min = 1, message = "must be at least 1"))]
    qty: u32,
}

#[derive(Debug, Deserialize, validator::Validate)]
struct NewOrder {
    #[validate(custom(function = "known_order_type"))]
    order_type: String,
    #[validate(length(min = 3, message = "pair not found"))]
    pair: String,
    #[serde(default)]
    #[validate(nested)]
    legs: Vec<Leg>,
}

#[derive(Debug, Deserialize, garde::Validate)]
struct NewTask {
    #[garde(length(min = 1))]
    title: String,
    #[garde(range(min = 1))]
    amount: u32,
}

async fn place(Valid(order): Valid<NewOrder, TradeError>) -> String {
    format!("placed {} {}", order.order_type, order.pair)
}

async fn place_default(order: Valid<NewOrder>) -> String {
    format!("placed {}", order.into_inner().pair)
}

async fn create_task(Garde(task): Garde<NewTask, TaskError>) -> String {
    format!("created {} ({})", task.title, task.amount)
}

fn app() -> Router {
    Router::new()
        .route("/orders", post(place))
        .route("/default/orders", post(place_default))
        .route("/tasks", post(create_task))
        .layer(DefaultBodyLimit::max(256))
}

/// Sends `body` to `path` with `content_type` (none if `None`) and returns status,
/// `Content-Type` and body text.
async fn send(
    router: Router,
    path: &str,
    content_type: Option<&str>,
    body: &str,
) -> (StatusCode, String, String) {
    let mut request = Request::post(path);
    if let Some(content_type) = content_type {
        request = request.header("content-type", content_type);
    }
    let response = router
        .oneshot(request.body(Body::from(body.to_owned())).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|value| value.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    (
        status,
        content_type,
        String::from_utf8(bytes.to_vec()).unwrap(),
    )
}

async fn post_json(path: &str, body: &str) -> (StatusCode, String, String) {
    send(app(), path, Some("application/json"), body).await
}

fn expect(status: u16, content_type: &str, body: &str) -> (StatusCode, String, String) {
    (
        StatusCode::from_u16(status).unwrap(),
        content_type.to_owned(),
        body.to_owned(),
    )
}

const JSON: &str = "application/json";

#[tokio::test]
async fn valid_input_reaches_the_handler() {
    assert_eq!(
        post_json("/orders", r#"{"order_type":"limit","pair":"BTC/USD"}"#).await,
        expect(200, "text/plain; charset=utf-8", "placed limit BTC/USD")
    );
    assert_eq!(
        post_json("/tasks", r#"{"title":"Buy milk","amount":2}"#).await,
        expect(200, "text/plain; charset=utf-8", "created Buy milk (2)")
    );
    // Parameters and `+json` media types are JSON too.
    assert_eq!(
        send(
            app(),
            "/orders",
            Some("application/vnd.api+json; charset=utf-8"),
            r#"{"order_type":"market","pair":"ETH/USD"}"#
        )
        .await,
        expect(200, "text/plain; charset=utf-8", "placed market ETH/USD")
    );
}

#[tokio::test]
async fn seed_002_validator_failures_as_fields() {
    assert_eq!(
        post_json("/orders", r#"{"order_type":"FANTASY","pair":"BTC/USD"}"#).await,
        expect(
            422,
            JSON,
            r#"{"code":"VALIDATION_ERROR","message":"Input data validation failed","fields":{"order_type":"invalid order_type: FANTASY"}}"#
        )
    );
    assert_eq!(
        post_json(
            "/orders",
            r#"{"order_type":"FANTASY","pair":"X","legs":[{"qty":1},{"qty":0}]}"#
        )
        .await,
        expect(
            422,
            JSON,
            r#"{"code":"VALIDATION_ERROR","message":"Input data validation failed","fields":{"legs[1].qty":"must be at least 1","order_type":"invalid order_type: FANTASY","pair":"pair not found"}}"#
        )
    );
}

#[tokio::test]
async fn seed_001_garde_failures_as_errors_lists() {
    assert_eq!(
        post_json("/tasks", r#"{"title":"","amount":0}"#).await,
        expect(
            400,
            JSON,
            r#"{"code":"VALIDATION_ERROR","message":"One or more validation errors occurred","errors":{"amount":["lower than 1"],"title":["length is lower than 1"]}}"#
        )
    );
}

#[tokio::test]
async fn malformed_json_is_an_envelope_in_the_same_format() {
    assert_eq!(
        post_json("/orders", r#"{"order_type":"limit""#).await,
        expect(
            400,
            JSON,
            r#"{"code":"MALFORMED_JSON","message":"The request body is not valid JSON: EOF while parsing an object"}"#
        )
    );
    assert_eq!(
        post_json("/tasks", "{\"title\":\"a\",\"amount\":1} trailing").await,
        expect(
            400,
            JSON,
            r#"{"code":"MALFORMED_JSON","message":"The request body is not valid JSON: trailing characters"}"#
        )
    );
    assert_eq!(
        post_json("/tasks", "").await,
        expect(
            400,
            JSON,
            r#"{"code":"MALFORMED_JSON","message":"The request body is not valid JSON: EOF while parsing a value"}"#
        )
    );
}

#[tokio::test]
async fn well_formed_json_of_the_wrong_shape_is_a_field_error() {
    assert_eq!(
        post_json(
            "/orders",
            r#"{"order_type":"limit","pair":"BTC/USD","legs":[{"qty":1},{"qty":"ten"}]}"#
        )
        .await,
        expect(
            422,
            JSON,
            r#"{"code":"VALIDATION_ERROR","message":"Input data validation failed","fields":{"legs[1].qty":"invalid type: string \"ten\", expected u32"}}"#
        )
    );
    // A missing field is reported at the field, not at the object that lacks it.
    assert_eq!(
        post_json("/tasks", r#"{"amount":3}"#).await,
        expect(
            400,
            JSON,
            r#"{"code":"VALIDATION_ERROR","message":"One or more validation errors occurred","errors":{"title":["missing field `title`"]}}"#
        )
    );
    // Not an object at all: the body as a whole, at the empty path.
    assert_eq!(
        post_json("/tasks", r#""a task""#).await,
        expect(
            400,
            JSON,
            r#"{"code":"VALIDATION_ERROR","message":"One or more validation errors occurred","errors":{"":["invalid type: string \"a task\", expected struct NewTask"]}}"#
        )
    );
}

/// Under `RejectionDetail::Generic`, a body of the wrong shape is reported at its path with a
/// fixed sentence: serde's text, which names the server's types, stays out.
#[tokio::test]
async fn generic_detail_keeps_the_path_and_drops_serde_text() {
    let router = app().layer(ApiErrorLayer::with_options(
        ResponseOptions::new().with_rejection_detail(RejectionDetail::Generic),
    ));
    let wrong_type = r#"{"order_type":"limit","pair":"BTC/USD","legs":[{"qty":1},{"qty":"ten"}]}"#;
    assert_eq!(
        send(router.clone(), "/orders", Some(JSON), wrong_type).await,
        expect(
            422,
            JSON,
            r#"{"code":"VALIDATION_ERROR","message":"Input data validation failed","fields":{"legs[1].qty":"a value is missing or of the wrong type"}}"#
        )
    );
    assert_eq!(
        send(router.clone(), "/orders", Some(JSON), r#""an order""#).await,
        expect(
            422,
            JSON,
            r#"{"code":"VALIDATION_ERROR","message":"Input data validation failed","fields":{"":"a value is missing or of the wrong type"}}"#
        )
    );
    assert_eq!(
        send(router, "/orders", Some(JSON), r#"{"pair":"#).await,
        expect(
            400,
            JSON,
            r#"{"code":"MALFORMED_JSON","message":"The request body is not valid JSON: the body is not well-formed"}"#
        )
    );
}

#[tokio::test]
async fn media_type_and_size_refusals() {
    assert_eq!(
        send(
            app(),
            "/orders",
            None,
            r#"{"order_type":"limit","pair":"BTC"}"#
        )
        .await,
        expect(
            415,
            JSON,
            r#"{"code":"UNSUPPORTED_MEDIA_TYPE","message":"Expected a request body with Content-Type: application/json"}"#
        )
    );
    assert_eq!(
        send(app(), "/tasks", Some("text/plain"), "{}").await,
        expect(
            415,
            JSON,
            r#"{"code":"UNSUPPORTED_MEDIA_TYPE","message":"Expected a request body with Content-Type: application/json"}"#
        )
    );
    let large = format!(r#"{{"order_type":"limit","pair":"{}"}}"#, "X".repeat(1024));
    assert_eq!(
        post_json("/orders", &large).await,
        expect(
            413,
            JSON,
            r#"{"code":"PAYLOAD_TOO_LARGE","message":"The request body is too large"}"#
        )
    );
}

#[tokio::test]
async fn thousands_of_invalid_items_give_a_bounded_answer() {
    let legs = vec![r#"{"qty":0}"#; 5000].join(",");
    let body = format!(r#"{{"order_type":"limit","pair":"BTC/USD","legs":[{legs}]}}"#);
    let router = Router::new().route("/orders", post(place));
    let (status, content_type, text) = send(router, "/orders", Some(JSON), &body).await;
    assert_eq!((status.as_u16(), content_type.as_str()), (422, JSON));
    let body: serde_json::Value = serde_json::from_str(&text).unwrap();
    let fields = body["fields"].as_object().unwrap();
    // The first MAX_FIELD_ERRORS, then one entry that says the rest were left out.
    assert_eq!(fields.len(), apierr::MAX_FIELD_ERRORS + 1);
    assert_eq!(fields["legs[0].qty"], "must be at least 1");
    assert_eq!(fields["legs[255].qty"], "must be at least 1");
    assert!(!fields.contains_key("legs[256].qty"));
    assert_eq!(
        fields[apierr::limits::TRUNCATED],
        apierr::limits::FIELD_ERRORS_OMITTED
    );
}

#[tokio::test]
async fn the_default_rejection_is_a_422_validation_failed() {
    assert_eq!(
        post_json(
            "/default/orders",
            r#"{"order_type":"FANTASY","pair":"BTC/USD"}"#
        )
        .await,
        expect(
            422,
            JSON,
            r#"{"success":false,"error":{"code":"VALIDATION_ERROR","message":"Input data validation failed","status":422,"fields":{"order_type":["invalid order_type: FANTASY"]}}}"#
        )
    );
    assert_eq!(
        post_json(
            "/default/orders",
            r#"{"order_type":"limit","pair":"BTC/USD"}"#
        )
        .await,
        expect(200, "text/plain; charset=utf-8", "placed BTC/USD")
    );
}

#[tokio::test]
async fn the_layer_format_and_context_apply_to_rejections() {
    let router = app().layer(ApiErrorLayer::with_options(
        ResponseOptions::new().with_format(ProblemDetails::new()),
    ));
    let response = router
        .oneshot(
            Request::post("/orders")
                .header("content-type", "application/json")
                .header("x-request-id", "req-42")
                .body(Body::from(
                    r#"{"order_type":"FANTASY","pair":"BTC/USD","legs":[{"qty":0}]}"#,
                ))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(response.headers()["x-request-id"], "req-42");
    let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&body).unwrap(),
        serde_json::json!({
            "type": "about:blank",
            "title": "Unprocessable Entity",
            "status": 422,
            "detail": "Input data validation failed",
            "instance": "/orders",
            "code": "VALIDATION_ERROR",
            "errors": [
                {"detail": "must be at least 1", "pointer": "#/legs/0/qty"},
                {"detail": "invalid order_type: FANTASY", "pointer": "#/order_type"}
            ]
        })
    );
}

#[test]
fn rejections_are_api_errors_with_a_catalogue() {
    let mut codes = Vec::new();
    Rejection::<TaskError>::catalog(&mut |spec| codes.push((spec.code(), spec.status().as_u16())));
    assert_eq!(
        codes,
        [
            ("UNSUPPORTED_MEDIA_TYPE", 415),
            ("PAYLOAD_TOO_LARGE", 413),
            ("MALFORMED_JSON", 400),
            ("BAD_REQUEST", 400),
            ("VALIDATION_ERROR", 400),
        ]
    );
    let body: Rejection<ValidationFailed> = Rejection::Body(Box::new(HttpError::PayloadTooLarge));
    assert_eq!(body.code(), "PAYLOAD_TOO_LARGE");
    assert_eq!(body.to_string(), "The request body is too large");
    let invalid: Rejection<ValidationFailed> =
        Rejection::Invalid(ValidationFailed(FieldErrors::new().with("a", "b")));
    assert_eq!(invalid.status().as_u16(), 422);
    assert_eq!(invalid.field_errors().unwrap().len(), 1);
}
