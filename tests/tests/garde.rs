//! `garde` (feature `garde`): real `#[derive(garde::Validate)]` structs, their reports as
//! `FieldErrors`, rendered in the seed formats, and `?` into an application's variant.

mod common;

use std::collections::BTreeMap;

use apierr::format::{FieldLists, FieldStrings, FlatDetails, ProblemDetails};
use apierr::{ApiError, Envelope, FieldErrors, FieldPath};
use common::{assert_body, assert_exact};
use garde::Validate;
use serde_json::json;

/// Seed 002: 422 `VALIDATION_ERROR` with `fields` strings.
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

/// Seed 003: 422 `VALIDATION_ERROR` with dot-notation `details`.
#[derive(Debug, ApiError)]
#[api(format = FlatDetails)]
enum PlatformError {
    #[api(
        code = "VALIDATION_ERROR",
        status = 422,
        message = "Request validation failed"
    )]
    Validation(#[api(fields)] FieldErrors),
}
apierr::from_field_errors!(PlatformError => PlatformError::Validation);

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
}
apierr::from_field_errors!(TaskError => TaskError::Invalid);

fn known_order_type(value: &str, _: &()) -> garde::Result {
    match value {
        "limit" | "market" => Ok(()),
        other => Err(garde::Error::new(format!("invalid order_type: {other}"))),
    }
}

#[derive(Validate)]
struct NewOrder {
    #[garde(custom(known_order_type))]
    order_type: String,
    #[garde(range(min = 1))]
    qty: u32,
}

#[derive(Validate)]
struct Settings {
    #[garde(range(min = 1, max = 10))]
    max_sessions: u32,
}

#[derive(Validate)]
struct Profile {
    #[garde(email)]
    email: String,
    #[garde(dive)]
    settings: Settings,
}

#[derive(Validate)]
struct Line {
    #[garde(range(min = 1))]
    qty: u32,
}

#[derive(Validate)]
struct Address {
    #[garde(length(min = 2))]
    city: String,
}

#[derive(Validate)]
struct Checkout {
    #[garde(dive)]
    address: Address,
    #[garde(dive)]
    items: Vec<Line>,
    #[garde(dive)]
    by_sku: BTreeMap<String, Line>,
}

fn place(order: &NewOrder) -> Result<(), TradeError> {
    order.validate()?;
    Ok(())
}

fn update_profile(profile: &Profile) -> Result<(), PlatformError> {
    profile.validate()?;
    Ok(())
}

#[test]
fn seed_002_fields_from_a_custom_rule() {
    let error = place(&NewOrder {
        order_type: "FANTASY".into(),
        qty: 5,
    })
    .unwrap_err();
    assert_eq!(error.status().as_u16(), 422);
    assert_exact(
        &Envelope::new(&error),
        r#"{"code":"VALIDATION_ERROR","message":"Input data validation failed","fields":{"order_type":"invalid order_type: FANTASY"}}"#,
    );
    // garde reports fields in name order, which is kept.
    let error = place(&NewOrder {
        order_type: "FANTASY".into(),
        qty: 0,
    })
    .unwrap_err();
    assert_exact(
        &Envelope::new(&error),
        r#"{"code":"VALIDATION_ERROR","message":"Input data validation failed","fields":{"order_type":"invalid order_type: FANTASY","qty":"lower than 1"}}"#,
    );
    assert!(
        place(&NewOrder {
            order_type: "limit".into(),
            qty: 1
        })
        .is_ok()
    );
}

#[test]
fn seed_003_dot_notation_details() {
    let error = update_profile(&Profile {
        email: "not-an-email".into(),
        settings: Settings { max_sessions: 0 },
    })
    .unwrap_err();
    assert_eq!(error.status().as_u16(), 422);
    assert_body(
        &Envelope::new(&error),
        &json!({
            "success": false,
            "error": "Request validation failed",
            "code": "VALIDATION_ERROR",
            "details": {
                "email": "not a valid email: value is missing `@`",
                "settings.max_sessions": "lower than 1"
            }
        }),
    );
}

fn bad_checkout() -> Checkout {
    Checkout {
        address: Address { city: "X".into() },
        items: vec![Line { qty: 1 }, Line { qty: 1 }, Line { qty: 0 }],
        by_sku: BTreeMap::from([
            ("ok".to_owned(), Line { qty: 3 }),
            ("sku.v2[1]".to_owned(), Line { qty: 0 }),
        ]),
    }
}

#[test]
fn nested_lists_and_maps_in_two_seed_formats() {
    let error = TaskError::from(bad_checkout().validate().unwrap_err());
    assert_eq!(error.status().as_u16(), 400);
    assert_body(
        &Envelope::new(&error),
        &json!({
            "code": "VALIDATION_ERROR",
            "message": "One or more validation errors occurred",
            "errors": {
                "address.city": ["length is lower than 2"],
                "items[2].qty": ["lower than 1"],
                "by_sku.sku.v2[1].qty": ["lower than 1"]
            }
        }),
    );
    let error = TradeError::from(bad_checkout().validate().unwrap_err());
    assert_body(
        &Envelope::new(&error),
        &json!({
            "code": "VALIDATION_ERROR",
            "message": "Input data validation failed",
            "fields": {
                "address.city": "length is lower than 2",
                "items[2].qty": "lower than 1",
                "by_sku.sku.v2[1].qty": "lower than 1"
            }
        }),
    );
}

#[test]
fn map_keys_stay_whole_in_json_pointers() {
    let errors = FieldErrors::from(bad_checkout().validate().unwrap_err());
    assert_eq!(
        errors.iter().nth(1).unwrap().path(),
        &FieldPath::root().key("by_sku").key("sku.v2[1]").key("qty")
    );
    let error = TradeError::Invalid(errors);
    let body = Envelope::new(&error)
        .with_format(&ProblemDetails::new())
        .to_value()
        .unwrap();
    assert_eq!(
        body["errors"],
        json!([
            {"detail": "length is lower than 2", "pointer": "#/address/city"},
            {"detail": "lower than 1", "pointer": "#/by_sku/sku.v2%5B1%5D/qty"},
            {"detail": "lower than 1", "pointer": "#/items/2/qty"}
        ])
    );
}

#[test]
fn a_valid_value_has_no_report() {
    let ok = Checkout {
        address: Address {
            city: "Tehran".into(),
        },
        items: vec![Line { qty: 1 }],
        by_sku: BTreeMap::new(),
    };
    assert!(ok.validate().is_ok());
    assert!(FieldErrors::from(garde::Report::new()).is_empty());
}

#[test]
fn huge_reports_are_cut_to_max_field_errors() {
    let order = Checkout {
        address: Address { city: "X".into() },
        items: (0..5000).map(|_| Line { qty: 0 }).collect(),
        by_sku: BTreeMap::new(),
    };
    let errors = FieldErrors::from(order.validate().unwrap_err());
    // The first MAX_FIELD_ERRORS messages, then the entry that says the rest were left out.
    assert_eq!(errors.len(), apierr::MAX_FIELD_ERRORS + 1);
    assert_eq!(errors.omitted(), 5001 - apierr::MAX_FIELD_ERRORS);
    assert_eq!(
        errors.iter().next().unwrap().path().to_string(),
        "address.city"
    );
    let mut last = errors.iter().rev();
    assert_eq!(
        last.next().unwrap().path().to_string(),
        apierr::limits::TRUNCATED
    );
    assert_eq!(
        last.next().unwrap().path().to_string(),
        format!("items[{}].qty", apierr::MAX_FIELD_ERRORS - 2)
    );
}
