//! Every body is bounded whatever the request: a megabyte of hostile input through each
//! validated-JSON extractor, and through errors that carry request data themselves, gets a body
//! of at most the limit in every format, still valid JSON with the same code and status.

use std::collections::HashMap;

use apierr::axum::ApiErrorLayer;
use apierr::extract::{Garde, Valid};
use apierr::limits::{
    FIELD_ERRORS_OMITTED, MAX_FIELD_MESSAGE_LEN, MAX_FIELD_PATH_LEN, MAX_MESSAGE_LEN, TRUNCATED,
};
use apierr::response::to_response;
use apierr::{ApiError, Context, Envelope, FieldErrors, MAX_BODY_LEN, MAX_FIELD_ERRORS};
use apierr_tests::model::{Shape, check_within};
use axum::Router;
use axum::body::{Body, to_bytes};
use axum::routing::post;
use http::{Method, Request, StatusCode};
use serde::Deserialize;
use tower::ServiceExt as _;
use validator::Validate as _;

/// A megabyte: the size of each hostile request.
const MEGABYTE: usize = 1 << 20;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(
        code = "VALIDATION_ERROR",
        status = 422,
        message = "Input data validation failed"
    )]
    Invalid(#[api(fields)] FieldErrors),
    #[api(code = "BAD_NAME", status = 400, message = "no item named {name}")]
    BadName {
        name: String,
        #[api(member)]
        input: Vec<String>,
        #[api(member)]
        count: usize,
    },
}
apierr::from_field_errors!(AppError => AppError::Invalid);

#[derive(Debug, Deserialize, garde::Validate)]
struct GardeItem {
    #[garde(range(min = 1))]
    qty: u32,
}

/// The shape of the attack the hostile review found: client-chosen map keys, copied into the
/// path of every invalid item under them.
#[derive(Debug, Deserialize, garde::Validate)]
struct GardeGroups {
    #[garde(dive)]
    groups: HashMap<String, Vec<GardeItem>>,
}

fn echo_order_type(value: &str) -> Result<(), validator::ValidationError> {
    Err(validator::ValidationError::new("order_type")
        .with_message(format!("invalid order_type: {value}").into()))
}

#[derive(Debug, Deserialize, validator::Validate)]
struct ValidItem {
    #[validate(range(min = 1, message = "must be at least 1"))]
    qty: u32,
}

/// A message that quotes the request, and a list of a hundred thousand invalid items.
#[derive(Debug, Deserialize, validator::Validate)]
struct ValidOrder {
    #[validate(custom(function = "echo_order_type"))]
    order_type: String,
    #[validate(nested)]
    items: Vec<ValidItem>,
}

/// Map keys of the client's, deep: a type error under them has serde's path through them.
#[derive(Debug, Deserialize, validator::Validate, garde::Validate)]
#[garde(allow_unvalidated)]
struct DeepMaps {
    // Read by serde only: the request never gets as far as a handler.
    #[allow(dead_code)]
    maps: HashMap<String, HashMap<String, HashMap<String, u32>>>,
}

async fn garde_groups(Garde(_): Garde<GardeGroups, AppError>) -> &'static str {
    "ok"
}

async fn valid_order(Valid(_): Valid<ValidOrder, AppError>) -> &'static str {
    "ok"
}

async fn garde_deep(Garde(_): Garde<DeepMaps, AppError>) -> &'static str {
    "ok"
}

async fn valid_deep(Valid(_): Valid<DeepMaps, AppError>) -> &'static str {
    "ok"
}

fn app(shape: Shape) -> Router {
    Router::new()
        .route("/garde/groups", post(garde_groups))
        .route("/valid/order", post(valid_order))
        .route("/garde/deep", post(garde_deep))
        .route("/valid/deep", post(valid_deep))
        .layer(ApiErrorLayer::with_options(shape.options()))
}

async fn send(shape: Shape, path: &str, body: String) -> (StatusCode, Vec<u8>) {
    let request = Request::post(path)
        .header("content-type", "application/json")
        .body(Body::from(body))
        .unwrap();
    let response = app(shape).oneshot(request).await.unwrap();
    let status = response.status();
    let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    (status, body.to_vec())
}

fn hostile_groups(key: &str) -> String {
    let items = vec![r#"{"qty":0}"#; MAX_FIELD_ERRORS * 4].join(",");
    let mut body = String::from(r#"{"groups":{"#);
    let keys = MEGABYTE / (key.len() + items.len());
    for i in 0..keys.max(1) {
        if i > 0 {
            body.push(',');
        }
        body.push_str(&format!(r#""{key}{i}":[{items}]"#));
    }
    body.push_str("}}");
    body
}

#[tokio::test]
async fn garde_map_keys_cannot_amplify_a_body() {
    // ASCII keys, and keys that RFC 9457's pointers percent-encode at three bytes a byte.
    for key in ["k".repeat(MEGABYTE / 2), "é".repeat(MEGABYTE / 4)] {
        let request = hostile_groups(&key);
        assert!(request.len() <= MEGABYTE + 1024);
        for shape in Shape::ALL {
            let (status, body) = send(shape, "/garde/groups", request.clone()).await;
            assert_eq!(status, 422, "{shape:?}");
            check_within(shape, &body, MAX_BODY_LEN, "VALIDATION_ERROR", 422);
            let text = String::from_utf8(body).unwrap();
            // Cut pieces and dropped entries are marked (percent-encoded in a JSON Pointer).
            assert!(
                text.contains(TRUNCATED) || text.contains("%E2%80%A6"),
                "{shape:?}"
            );
        }
    }
}

#[tokio::test]
async fn validator_lists_and_echoed_values_stay_bounded() {
    let items = vec![r#"{"qty":0}"#; 100_000].join(",");
    let many = format!(r#"{{"order_type":"x","items":[{items}]}}"#);
    let echoed = format!(r#"{{"order_type":"{}","items":[]}}"#, "x".repeat(MEGABYTE));
    for request in [&many, &echoed] {
        for shape in Shape::ALL {
            let (status, body) = send(shape, "/valid/order", request.clone()).await;
            assert_eq!(status, 422, "{shape:?}");
            check_within(shape, &body, MAX_BODY_LEN, "VALIDATION_ERROR", 422);
        }
    }
    // The conversion itself keeps the first messages, fields by name, and marks the rest…
    let order: ValidOrder = serde_json::from_str(&many).unwrap();
    let errors = FieldErrors::from(order.validate().unwrap_err());
    assert_eq!(errors.message_count(), MAX_FIELD_ERRORS + 1);
    assert_eq!(errors.omitted(), 100_001 - MAX_FIELD_ERRORS);
    assert_eq!(
        errors.iter().next().unwrap().path().to_string(),
        "items[0].qty"
    );
    let last = errors.iter().last().unwrap();
    assert_eq!(last.path().to_string(), TRUNCATED);
    assert_eq!(last.messages().collect::<Vec<_>>(), [FIELD_ERRORS_OMITTED]);
    // …and cuts a message that quotes the request.
    let order: ValidOrder = serde_json::from_str(&echoed).unwrap();
    let errors = FieldErrors::from(order.validate().unwrap_err());
    let message = errors.iter().next().unwrap().messages().next().unwrap();
    assert!(message.len() <= MAX_FIELD_MESSAGE_LEN);
    assert!(message.ends_with(&format!("xx{TRUNCATED}")));
}

#[tokio::test]
async fn serde_paths_through_client_keys_stay_bounded() {
    let key = "k".repeat(MEGABYTE / 3);
    let request = format!(r#"{{"maps":{{"{key}":{{"{key}":{{"{key}":"not a number"}}}}}}}}"#);
    for route in ["/garde/deep", "/valid/deep"] {
        for shape in Shape::ALL {
            let (status, body) = send(shape, route, request.clone()).await;
            assert_eq!(status, 422, "{shape:?} {route}");
            let body = check_within(shape, &body, MAX_BODY_LEN, "VALIDATION_ERROR", 422);
            // Far under the limit: the path is cut to its own bound, not the body's.
            let text = body.to_string();
            assert!(
                text.len() < 3 * MAX_FIELD_PATH_LEN + 1024,
                "{shape:?}: {text}"
            );
        }
    }
}

#[tokio::test]
async fn malformed_megabytes_stay_bounded() {
    let request = format!(r#"{{"order_type":"{}"#, "\u{1}".repeat(MEGABYTE));
    for route in ["/garde/deep", "/valid/order"] {
        for shape in Shape::ALL {
            let (status, body) = send(shape, route, request.clone()).await;
            assert_eq!(status, 400, "{shape:?} {route}");
            check_within(shape, &body, MAX_BODY_LEN, "MALFORMED_JSON", 400);
        }
    }
}

/// An error holding request data of its own: an interpolated message, a member, and field
/// errors added without bounds. Whatever the limit, the body keeps to it.
#[test]
fn errors_carrying_request_data_are_cut_to_any_limit() {
    // A quarter of a megabyte each, which JSON escaping makes six times as long: the bound
    // holds whatever the size, and debug builds render this many times over.
    let bad_name = AppError::BadName {
        name: "\u{0}".repeat(MEGABYTE / 4),
        input: vec!["y".repeat(1000); MEGABYTE / 4000],
        count: 3,
    };
    let mut fields = FieldErrors::new();
    for i in 0..1000 {
        fields.add(
            format!("items[{i}].{}", "\"".repeat(100)),
            "é\n".repeat(100),
        );
    }
    let invalid = AppError::Invalid(fields);
    let context = Context::new()
        .with_path(&"/p".repeat(MEGABYTE))
        .with_method(Method::from_bytes("X".repeat(300_000).as_bytes()).unwrap());
    for limit in [MAX_BODY_LEN, 4096, 1024] {
        for shape in Shape::ALL {
            for error in [&bad_name, &invalid] {
                let response =
                    to_response(error, &context, &shape.options().with_max_body_len(limit));
                let status = error.status().as_u16();
                let body = check_within(shape, response.body(), limit, error.code(), status);
                assert!(!body.to_string().contains("XXXX"), "the method is left out");
            }
        }
    }
    // With room, the message is kept cut to its own bound and the short member whole; the
    // member of a megabyte is left out.
    let body = Envelope::new(&bad_name).to_value().unwrap();
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.len() <= MAX_MESSAGE_LEN && message.ends_with(TRUNCATED));
    let body = Envelope::new(&bad_name)
        .with_format(&apierr::format::ProblemDetails::new())
        .to_value()
        .unwrap();
    assert_eq!(body["count"], 3);
    assert_eq!(body.get("input"), None);
}

#[test]
fn bodies_under_the_limit_are_whole() {
    let error = AppError::BadName {
        name: "x".repeat(MAX_MESSAGE_LEN * 2),
        input: vec!["y".repeat(100); 10],
        count: 1,
    };
    let body = Envelope::new(&error)
        .with_format(&apierr::format::ProblemDetails::new())
        .to_value()
        .unwrap();
    assert_eq!(
        body["detail"].as_str().unwrap().len(),
        "no item named ".len() + MAX_MESSAGE_LEN * 2
    );
    assert_eq!(body["input"].as_array().unwrap().len(), 10);
}

#[test]
fn adding_a_hundred_thousand_field_errors_is_linear() {
    // Quadratic adding took minutes here; linear takes milliseconds. The figure itself is
    // measured in `tests/benches/field_errors.rs` (`field_errors_100k`), never timed here.
    let mut errors = FieldErrors::new();
    for i in 0..100_000 {
        errors.add(format!("f{i}"), "bad");
    }
    errors.add("f99999", "worse");
    assert_eq!(errors.len(), 100_000);
    assert_eq!(
        errors.iter().last().unwrap().messages().collect::<Vec<_>>(),
        ["bad", "worse"]
    );
    assert_eq!(errors.iter().next().unwrap().path().to_string(), "f0");
}

/// Sub-errors and field entries with codes and parameters are bounded like field messages: a
/// megabyte of them still gives a body within the limit, in the formats that list them.
#[test]
fn sub_errors_and_entry_parts_are_bounded() {
    use apierr::{FieldPath, SubError, SubErrors, Violation};

    // Added as they are (`push`): the body bound cuts them.
    let mut errors = SubErrors::new();
    for i in 0..1000 {
        errors.push(
            SubError::new(format!("E{i}"))
                .with_message("m".repeat(1000))
                .with_field(FieldPath::root().key("k".repeat(1000))),
        );
    }
    let example = apierr_tests::gallery::json_api::SignupError::Invalid(errors);
    let body = Envelope::new(&example).to_vec().unwrap();
    assert!(body.len() <= MAX_BODY_LEN, "{}", body.len());
    let decoded = apierr::decode::Decode::decode(example.format().unwrap(), &body).unwrap();
    assert!(decoded.errors.len() > 10 && decoded.errors.len() < 100);
    assert_eq!(decoded.errors.iter().next().unwrap().code(), "E0");
    // The last item says that the rest were left out.
    assert_eq!(decoded.errors.iter().last().unwrap().code(), TRUNCATED);

    // Added from a request (`push_bounded`): at most `MAX_SUB_ERRORS`, then one that says so.
    let mut bounded = SubErrors::new();
    for i in 0..1000 {
        bounded.push_bounded(SubError::new(format!("E{i}")).with_message("m".repeat(10_000)));
    }
    assert_eq!(bounded.len(), apierr::MAX_SUB_ERRORS + 1);
    assert_eq!(bounded.omitted(), 1000 - apierr::MAX_SUB_ERRORS);
    assert_eq!(bounded.iter().last().unwrap().code(), TRUNCATED);
    assert!(
        bounded
            .iter()
            .all(|e| e.message().map_or(0, str::len) <= MAX_FIELD_MESSAGE_LEN)
    );

    // An entry's code and parameters from a request are cut and counted too.
    let mut fields = FieldErrors::new();
    let mut hostile = Violation::from_code("c".repeat(10_000));
    for i in 0..100 {
        hostile = hostile.with_param(
            format!("p{i}"),
            "v".repeat(if i % 2 == 0 { 10 } else { 10_000 }),
        );
    }
    fields.push_bounded("a", hostile);
    let (_, entry) = fields.entries().next().unwrap();
    assert!(entry.code().unwrap().len() <= apierr::limits::MAX_FIELD_CODE_LEN);
    assert!(entry.params().len() <= apierr::limits::MAX_FIELD_PARAMS);
    assert!(
        entry
            .params()
            .iter()
            .all(|(_, value)| value.as_str().unwrap().len() == 10)
    );
}
