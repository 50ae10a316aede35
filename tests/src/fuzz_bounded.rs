//! Fuzz targets for the way request data enters field errors: a validator report, a garde
//! report, and any bytes as the body of the validated-JSON extractors. Each checks the body
//! bound of [`apierr::limits`]: whatever the input, every body in every format is at most its
//! limit, valid JSON, and in its format with its code.
//!
//! # Inputs
//! `validator_report` and `garde_report`: one header byte, `scale` (each text is repeated
//! `scale + 1` times, so that a short input can stand for a long request), then entries
//! separated by `0xFF`, each a path and a message separated by `0xFE`; a path is components
//! separated by `0xFD`, each a decimal index or a key. `extractor_body`: the bytes are the
//! request body, sent to both extractors.

use std::borrow::Cow;
use std::collections::HashMap;
use std::future::Future;
use std::pin::pin;
use std::task::{Context as TaskContext, Poll, Waker};

use apierr::extract::{ExtractRejection, Garde, Valid};
use apierr::limits::{MAX_FIELD_MESSAGE_LEN, MAX_FIELD_PATH_LEN};
use apierr::response::to_response;
use apierr::{ApiError, Context, FieldErrors, MAX_BODY_LEN, MAX_FIELD_ERRORS};
use axum::body::Body;
use axum::extract::FromRequest;
use serde::Deserialize;
use validator::{ValidationError, ValidationErrors, ValidationErrorsKind};
// validator's derive calls `validate()` on nested values by name.
use validator::Validate as _;

use crate::model::{Shape, check_within};

/// The limits every body is checked against: the default, and one that forces reductions.
const LIMITS: [usize; 2] = [MAX_BODY_LEN, 1024];

/// The error the extractors and conversions produce.
#[derive(Debug, ApiError)]
enum FuzzError {
    #[api(
        code = "VALIDATION_ERROR",
        status = 422,
        message = "Input data validation failed"
    )]
    Invalid(#[api(fields)] FieldErrors),
}
apierr::from_field_errors!(FuzzError => FuzzError::Invalid);

/// One step of a fuzzed path.
enum Step {
    Key(String),
    Index(usize),
}

/// Reads a report input: the entries, each a path and a message.
fn entries(data: &[u8]) -> Vec<(Vec<Step>, String)> {
    let scale = usize::from(data.first().copied().unwrap_or(0)) + 1;
    let text = |raw: &[u8]| String::from_utf8_lossy(raw).repeat(scale);
    data.get(1..)
        .unwrap_or_default()
        .split(|&byte| byte == 0xFF)
        .map(|entry| {
            let mut parts = entry.splitn(2, |&byte| byte == 0xFE);
            let path = parts.next().unwrap_or_default();
            let message = text(parts.next().unwrap_or_default());
            let steps = path
                .split(|&byte| byte == 0xFD)
                .filter(|raw| !raw.is_empty())
                .map(
                    |raw| match std::str::from_utf8(raw).ok().and_then(|s| s.parse().ok()) {
                        Some(index) => Step::Index(index),
                        None => Step::Key(text(raw)),
                    },
                )
                .collect();
            (steps, message)
        })
        .collect()
}

/// The conversion kept its bounds: each path and message, and the number of messages.
fn check_field_errors(errors: &FieldErrors, reported: usize) {
    assert!(errors.message_count() <= MAX_FIELD_ERRORS + 1);
    assert_eq!(
        errors.message_count() - usize::from(errors.omitted() > 0) + errors.omitted(),
        reported,
        "every message is kept or counted as left out"
    );
    for entry in errors {
        assert!(entry.path().to_string().len() <= MAX_FIELD_PATH_LEN);
        for message in entry.messages() {
            assert!(message.len() <= MAX_FIELD_MESSAGE_LEN);
        }
    }
}

/// `error`'s body in every format and under every limit: bounded, JSON, its code and status.
fn check_bodies(error: &dyn ApiError) {
    for limit in LIMITS {
        for shape in Shape::ALL {
            let options = shape.options().with_max_body_len(limit);
            let response = to_response(error, &Context::new(), &options);
            let status = error.status().as_u16();
            check_within(shape, response.body(), limit, error.code(), status);
        }
    }
}

/// Any garde report: converted within the bounds, rendered within the limit.
pub fn garde_report(data: &[u8]) {
    let mut report = garde::Report::new();
    let entries = entries(data);
    for (steps, message) in &entries {
        let mut path = garde::error::Path::empty();
        for step in steps {
            path = match step {
                Step::Key(key) => path.join(key.as_str()),
                Step::Index(index) => path.join(*index),
            };
        }
        report.append(path, garde::Error::new(message.as_str()));
    }
    let errors = FieldErrors::from(&report);
    check_field_errors(&errors, entries.len());
    check_bodies(&FuzzError::Invalid(errors));
}

/// Adds `error` at `steps` under `errors`, making the structs and lists on the way.
fn insert(errors: &mut ValidationErrors, steps: &[Step], error: ValidationError) -> bool {
    // validator's paths are fields, then list indices under a field: a leading index, or two
    // indices in a row, have no place in its report and are skipped.
    let [Step::Key(name), rest @ ..] = steps else {
        return false;
    };
    let slot = errors.errors_mut().entry(Cow::Owned(name.clone()));
    match rest {
        [] => match slot.or_insert_with(|| ValidationErrorsKind::Field(Vec::new())) {
            ValidationErrorsKind::Field(list) => {
                list.push(error);
                true
            }
            _ => false,
        },
        [Step::Index(index), rest @ ..] => {
            match slot.or_insert_with(|| ValidationErrorsKind::List(Default::default())) {
                ValidationErrorsKind::List(items) => {
                    insert(items.entry(*index).or_default(), rest, error)
                }
                _ => false,
            }
        }
        rest => match slot.or_insert_with(|| ValidationErrorsKind::Struct(Default::default())) {
            ValidationErrorsKind::Struct(inner) => insert(inner, rest, error),
            _ => false,
        },
    }
}

/// Any validator report: converted within the bounds, rendered within the limit.
pub fn validator_report(data: &[u8]) {
    let mut report = ValidationErrors::new();
    let mut reported = 0;
    for (steps, message) in entries(data) {
        let error = ValidationError {
            code: Cow::Borrowed("fuzz"),
            message: Some(Cow::Owned(message)),
            params: HashMap::new(),
        };
        reported += usize::from(insert(&mut report, &steps, error));
    }
    let errors = FieldErrors::from(&report);
    check_field_errors(&errors, reported);
    check_bodies(&FuzzError::Invalid(errors));
}

#[derive(Debug, Deserialize, validator::Validate, garde::Validate)]
struct Item {
    #[validate(range(min = 1))]
    #[garde(range(min = 1))]
    qty: u32,
    #[validate(length(max = 4))]
    #[garde(length(max = 4))]
    name: String,
}

/// Client-chosen keys above invalid items: the shape that once amplified a body.
#[derive(Debug, Deserialize, validator::Validate, garde::Validate)]
struct Order {
    #[validate(nested)]
    #[garde(dive)]
    items: Vec<Item>,
    #[garde(dive)]
    groups: HashMap<String, Vec<Item>>,
    #[validate(length(max = 8))]
    #[garde(length(max = 8))]
    note: String,
}

/// Runs a future that never waits: an in-memory body is ready at once.
fn ready<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut context = TaskContext::from_waker(Waker::noop());
    match future.as_mut().poll(&mut context) {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("an in-memory request body is always ready"),
    }
}

fn request(data: &[u8]) -> http::Request<Body> {
    http::Request::post("/")
        .header("content-type", "application/json")
        .body(Body::from(data.to_vec()))
        .expect("a valid request")
}

/// Any bytes as the body of both extractors: a refusal's body is bounded in every format.
pub fn extractor_body(data: &[u8]) {
    if let Err(rejection) = ready(Valid::<Order, FuzzError>::from_request(request(data), &())) {
        check_rejection(&rejection);
    }
    if let Err(rejection) = ready(Garde::<Order, FuzzError>::from_request(request(data), &())) {
        check_rejection(&rejection);
    }
}

fn check_rejection(rejection: &ExtractRejection<FuzzError>) {
    let status = rejection.status().as_u16();
    assert!(matches!(status, 400 | 413 | 415 | 422), "{status}");
    if let Some(fields) = rejection.field_errors() {
        for entry in fields {
            assert!(entry.path().to_string().len() <= MAX_FIELD_PATH_LEN);
        }
    }
    check_bodies(rejection);
}
