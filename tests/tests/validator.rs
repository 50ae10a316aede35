//! `validator` (feature `validator`): real `#[derive(Validate)]` structs, their errors as
//! `FieldErrors`, rendered in the seed formats, and `?` into an application's variant.

mod common;

use std::borrow::Cow;

use apierr::format::{FieldLists, FieldStrings, FlatDetails, ProblemDetails, StatusEnvelope};
use apierr::{ApiError, Context, CorrelationId, Envelope, FieldErrors, FieldPath};
use common::{assert_body, assert_exact};
use serde_json::json;
use validator::{Validate, ValidationError};

/// Seed 001: 400 `VALIDATION_ERROR` with `errors` lists.
#[derive(Debug, ApiError)]
#[api(format = FieldLists)]
enum TaskError {
    #[api(
        code = "VALIDATION_ERROR",
        status = 400,
        message = "One or more validation errors occurred"
    )]
    Invalid(#[api(fields)] FieldErrors),
    #[api(code = "NOT_FOUND", status = 404, message = "Resource doesn't exist")]
    NotFound,
}
apierr::from_field_errors!(TaskError => TaskError::Invalid);

/// Seed 002: 422 `VALIDATION_ERROR` with `fields` strings.
#[derive(Debug, ApiError)]
#[api(format = FieldStrings)]
enum TradeError {
    #[api(
        code = "VALIDATION_ERROR",
        status = 422,
        message = "Input data validation failed"
    )]
    Invalid {
        #[api(fields)]
        fields: FieldErrors,
    },
}
// A closure builds a struct variant.
apierr::from_field_errors!(TradeError => |fields| TradeError::Invalid { fields });

#[derive(Validate)]
struct NewTask {
    #[validate(length(min = 1, message = "Title is required"))]
    title: String,
    #[validate(range(exclusive_min = 0.0, message = "Amount must be greater than 0"))]
    amount: f64,
}

fn known_order_type(value: &str) -> Result<(), ValidationError> {
    match value {
        "limit" | "market" => Ok(()),
        other => Err(ValidationError::new("order_type")
            .with_message(format!("invalid order_type: {other}").into())),
    }
}

#[derive(Validate)]
struct NewOrder {
    #[validate(custom(function = "known_order_type"))]
    order_type: String,
    #[validate(length(min = 3))]
    pair: String,
}

#[derive(Validate)]
struct Address {
    #[validate(length(min = 2, message = "City is too short"))]
    city: String,
    #[validate(length(equal = 5, code = "zip"))]
    zip: String,
}

#[derive(Validate)]
struct Line {
    #[validate(range(min = 1, message = "must be at least 1"))]
    qty: u32,
    #[validate(length(min = 1), email)]
    contact: String,
}

#[derive(Validate)]
struct Checkout {
    #[validate(nested)]
    address: Address,
    #[validate(nested)]
    items: Vec<Line>,
}

fn dates_in_order(period: &Period) -> Result<(), ValidationError> {
    if period.from <= period.to {
        Ok(())
    } else {
        Err(ValidationError::new("period").with_message("from must not be after to".into()))
    }
}

#[derive(Validate)]
#[validate(schema(function = "dates_in_order"))]
struct Period {
    from: u32,
    #[validate(range(max = 100))]
    to: u32,
}

fn create_task(task: &NewTask) -> Result<(), TaskError> {
    task.validate()?;
    Ok(())
}

fn place_order(order: &NewOrder) -> Result<(), TradeError> {
    order.validate()?;
    Ok(())
}

#[test]
fn seed_001_errors_lists_with_correlation_id() {
    let error = create_task(&NewTask {
        title: String::new(),
        amount: 0.0,
    })
    .unwrap_err();
    assert_eq!(error.status().as_u16(), 400);
    let context = Context::new().with_correlation_id(CorrelationId::new("abc-123-def").unwrap());
    // Fields in name order: validator keeps them in a hash map, so apierr sorts them.
    assert_exact(
        &Envelope::new(&error).with_context(&context),
        r#"{"code":"VALIDATION_ERROR","message":"One or more validation errors occurred","errors":{"amount":["Amount must be greater than 0"],"title":["Title is required"]},"correlationId":"abc-123-def"}"#,
    );
    // The seed document's example, JSON-equal.
    assert_body(
        &Envelope::new(&error),
        &json!({
            "code": "VALIDATION_ERROR",
            "message": "One or more validation errors occurred",
            "errors": {
                "title": ["Title is required"],
                "amount": ["Amount must be greater than 0"]
            }
        }),
    );
    assert!(
        create_task(&NewTask {
            title: "Buy milk".into(),
            amount: 2.0
        })
        .is_ok()
    );
    assert!(matches!(TaskError::NotFound, TaskError::NotFound));
}

#[test]
fn seed_002_fields_strings_from_custom_and_code_messages() {
    let error = place_order(&NewOrder {
        order_type: "FANTASY".into(),
        pair: "BT".into(),
    })
    .unwrap_err();
    assert_eq!(error.status().as_u16(), 422);
    // A custom validator's message; a built-in rule without a message shows its code.
    assert_exact(
        &Envelope::new(&error),
        r#"{"code":"VALIDATION_ERROR","message":"Input data validation failed","fields":{"order_type":"invalid order_type: FANTASY","pair":"length"}}"#,
    );
    let only_type = place_order(&NewOrder {
        order_type: "FANTASY".into(),
        pair: "BTC/USD".into(),
    })
    .unwrap_err();
    assert_body(
        &Envelope::new(&only_type),
        &json!({
            "code": "VALIDATION_ERROR",
            "message": "Input data validation failed",
            "fields": {"order_type": "invalid order_type: FANTASY"}
        }),
    );
}

fn bad_checkout() -> Checkout {
    Checkout {
        address: Address {
            city: "X".into(),
            zip: "123".into(),
        },
        items: vec![
            Line {
                qty: 1,
                contact: "a@example.com".into(),
            },
            Line {
                qty: 1,
                contact: "a@example.com".into(),
            },
            Line {
                qty: 0,
                contact: String::new(),
            },
        ],
    }
}

#[test]
fn nested_structs_and_lists_become_dot_paths_with_indices() {
    let errors = FieldErrors::from(bad_checkout().validate().unwrap_err());
    let paths: Vec<String> = errors.iter().map(|e| e.path().to_string()).collect();
    assert_eq!(
        paths,
        [
            "address.city",
            "address.zip",
            "items[2].contact",
            "items[2].qty"
        ]
    );
    assert_eq!(
        errors.iter().nth(3).unwrap().path(),
        &FieldPath::root().key("items").index(2).key("qty")
    );

    let error = TradeError::Invalid {
        fields: errors.clone(),
    };
    assert_body(
        &Envelope::new(&error),
        &json!({
            "code": "VALIDATION_ERROR",
            "message": "Input data validation failed",
            "fields": {
                "address.city": "City is too short",
                "address.zip": "zip",
                "items[2].contact": "length; email",
                "items[2].qty": "must be at least 1"
            }
        }),
    );
    let error = TaskError::Invalid(errors);
    assert_body(
        &Envelope::new(&error),
        &json!({
            "code": "VALIDATION_ERROR",
            "message": "One or more validation errors occurred",
            "errors": {
                "address.city": ["City is too short"],
                "address.zip": ["zip"],
                "items[2].contact": ["length", "email"],
                "items[2].qty": ["must be at least 1"]
            }
        }),
    );
}

#[test]
fn json_pointers_in_rfc_9457_and_items_in_status_envelope() {
    let error = TradeError::from(bad_checkout().validate().unwrap_err());
    let problem = ProblemDetails::new();
    assert_body(
        &Envelope::new(&error).with_format(&problem),
        &json!({
            "type": "about:blank",
            "title": "Unprocessable Entity",
            "status": 422,
            "detail": "Input data validation failed",
            "code": "VALIDATION_ERROR",
            "errors": [
                {"detail": "City is too short", "pointer": "#/address/city"},
                {"detail": "zip", "pointer": "#/address/zip"},
                {"detail": "length", "pointer": "#/items/2/contact"},
                {"detail": "email", "pointer": "#/items/2/contact"},
                {"detail": "must be at least 1", "pointer": "#/items/2/qty"}
            ]
        }),
    );
    assert_body(
        &Envelope::new(&error).with_format(&StatusEnvelope),
        &json!({
            "success": false,
            "message": "Input data validation failed",
            "error": "Unprocessable Entity",
            "statusCode": 422,
            "data": [
                {"type": "field", "path": "address.city", "msg": "City is too short"},
                {"type": "field", "path": "address.zip", "msg": "zip"},
                {"type": "field", "path": "items[2].contact", "msg": "length"},
                {"type": "field", "path": "items[2].contact", "msg": "email"},
                {"type": "field", "path": "items[2].qty", "msg": "must be at least 1"}
            ]
        }),
    );
}

#[test]
fn struct_level_errors_sit_at_the_struct_path() {
    let top = FieldErrors::from(Period { from: 9, to: 3 }.validate().unwrap_err());
    let entry = top.iter().next().unwrap();
    assert_eq!(entry.path(), &FieldPath::root());
    assert_eq!(
        entry.messages().collect::<Vec<_>>(),
        ["from must not be after to"]
    );
    let error = TaskError::Invalid(top);
    // Dotted formats show the body as a whole as the empty key (as ASP.NET's ModelState does).
    assert_body(
        &Envelope::new(&error).with_format(&FlatDetails),
        &json!({
            "success": false,
            "error": "One or more validation errors occurred",
            "code": "VALIDATION_ERROR",
            "details": {"": "from must not be after to"}
        }),
    );
    // RFC 9457 points at the whole document.
    let body = Envelope::new(&error)
        .with_format(&ProblemDetails::new())
        .to_value()
        .unwrap();
    assert_eq!(
        body["errors"],
        json!([{"detail": "from must not be after to", "pointer": "#"}])
    );
    // A collection validated directly: its items are the top-level indices.
    let lines = vec![
        Line {
            qty: 5,
            contact: "a@example.com".into(),
        },
        Line {
            qty: 0,
            contact: "b@example.com".into(),
        },
    ];
    let errors = FieldErrors::from(lines.validate().unwrap_err());
    assert_eq!(
        errors.iter().next().unwrap().path(),
        &FieldPath::root().index(1).key("qty")
    );
}

#[test]
fn order_is_the_same_however_the_hash_maps_iterate() {
    let first = FieldErrors::from(bad_checkout().validate().unwrap_err());
    for _ in 0..20 {
        assert_eq!(
            FieldErrors::from(bad_checkout().validate().unwrap_err()),
            first
        );
    }
}

#[test]
fn messages_can_be_written_from_code_and_params() {
    let report = NewOrder {
        order_type: "limit".into(),
        pair: "BT".into(),
    }
    .validate()
    .unwrap_err();
    let errors = apierr::validator::field_errors_with(&report, |error| {
        match (error.code.as_ref(), error.params.get("min")) {
            ("length", Some(min)) => Cow::Owned(format!("must be at least {min} characters")),
            _ => apierr::validator::message_or_code(error),
        }
    });
    let error = TradeError::Invalid { fields: errors };
    assert_exact(
        &Envelope::new(&error),
        r#"{"code":"VALIDATION_ERROR","message":"Input data validation failed","fields":{"pair":"must be at least 3 characters"}}"#,
    );
}

#[test]
fn huge_reports_are_cut_to_max_field_errors() {
    let lines: Vec<Line> = (0..5000)
        .map(|_| Line {
            qty: 0,
            contact: String::new(),
        })
        .collect();
    let errors = FieldErrors::from(lines.validate().unwrap_err());
    let messages: usize = errors.iter().map(|entry| entry.messages().len()).sum();
    // The first MAX_FIELD_ERRORS, and one that says the rest were left out.
    assert_eq!(messages, apierr::MAX_FIELD_ERRORS + 1);
    assert_eq!(errors.omitted(), 15_000 - apierr::MAX_FIELD_ERRORS);
    let last = errors.iter().last().unwrap();
    assert_eq!(last.path().to_string(), apierr::limits::TRUNCATED);
    assert_eq!(
        last.messages().collect::<Vec<_>>(),
        [apierr::limits::FIELD_ERRORS_OMITTED]
    );
    // The first ones, in the stable order: item by item, fields by name.
    let first: Vec<String> = errors
        .iter()
        .take(2)
        .map(|entry| entry.path().to_string())
        .collect();
    assert_eq!(first, ["[0].contact", "[0].qty"]);
}
