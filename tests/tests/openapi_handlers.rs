//! `#[utoipa::path(responses(AppError))]`: derived types are `utoipa::IntoResponses`, and
//! `apierr::openapi::responses!` documents one handler's codes. The documents utoipa builds
//! from them are checked member by member and, in the ignored test that `.ci/run` runs with
//! `APIERR_OPENAPI_VALIDATOR` set, validated as OpenAPI 3.1.

#![deny(warnings, unused_qualifications, missing_docs)]

#[path = "openapi_fixture/mod.rs"]
mod fixture;

/// `responses!` needs neither the prelude nor any `use`, and passes pedantic clippy.
mod bare {
    #![no_implicit_prelude]
    #![warn(clippy::pedantic)]

    ::apierr::openapi::responses! {
        /// One code of a `transparent` variant, one of the type's own.
        pub(crate) Bare = super::fixture::AppError[
            Auth(super::fixture::AuthErrorCode::Expired),
            OrderNotFound,
        ];
    }
}

use std::path::Path;
use std::process::Command;

use fixture::{ApiDoc, AppError, BillingError, GetOrderErrors, LoginErrors};
use serde_json::{Value, json};
use utoipa::{IntoResponses, OpenApi};

fn responses<T: IntoResponses>() -> Value {
    serde_json::to_value(T::responses()).unwrap()
}

#[test]
fn a_derived_type_documents_every_code_by_status() {
    let responses = responses::<AppError>();
    let statuses: Vec<&String> = responses.as_object().unwrap().keys().collect();
    assert_eq!(statuses, ["401", "403", "404", "422", "429"]);

    assert_eq!(
        responses["401"],
        json!({
            "description": "Unauthorized. Codes:\n\n\
                - `AUTH_MISSING`: No authentication token provided\n\
                - `AUTH_EXPIRED`: Authentication token has expired",
            "headers": {"WWW-Authenticate": {
                "schema": {"type": "string"},
                "description": "Sent with `AUTH_MISSING`, `AUTH_EXPIRED`.",
                "example": "Bearer realm=\"orders\"",
                "required": true
            }},
            "content": {"application/json": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "success": {"type": "boolean", "enum": [false], "description": "Always false."},
                        "error": {
                            "type": "object",
                            "description": "The error.",
                            "properties": {
                                "code": {
                                    "type": "string",
                                    "enum": ["AUTH_MISSING", "AUTH_EXPIRED"],
                                    "description": "Machine-readable error code."
                                },
                                "message": {"type": "string", "description": "Human-readable message, safe to show."},
                                "status": {"type": "integer", "minimum": 100, "maximum": 599, "description": "HTTP status."},
                                "fields": {
                                    "type": "object",
                                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                                    "description": "Field errors: dotted path to messages."
                                }
                            },
                            "required": ["code", "message", "status"],
                            "additionalProperties": true
                        }
                    },
                    "required": ["success", "error"]
                },
                "examples": {
                    "AUTH_EXPIRED": {
                        "summary": "Authentication token has expired",
                        "value": {"success": false, "error": {
                            "code": "AUTH_EXPIRED", "message": "Authentication token has expired", "status": 401
                        }}
                    },
                    "AUTH_MISSING": {
                        "summary": "No authentication token provided",
                        "value": {"success": false, "error": {
                            "code": "AUTH_MISSING", "message": "No authentication token provided", "status": 401
                        }}
                    }
                }
            }}
        })
    );

    // One code per response elsewhere: each response's code enum is its own.
    for (status, code) in [
        ("403", "ACCOUNT_LOCKED"),
        ("404", "ORDER_NOT_FOUND"),
        ("422", "VALIDATION_ERROR"),
        ("429", "RATE_LIMITED"),
    ] {
        let content = &responses[status]["content"]["application/json"];
        assert_eq!(
            content["schema"]["properties"]["error"]["properties"]["code"]["enum"],
            json!([code]),
            "{status}"
        );
        let examples: Vec<&String> = content["examples"].as_object().unwrap().keys().collect();
        assert_eq!(examples, [code], "{status}");
    }
    assert_eq!(
        responses["422"]["content"]["application/json"]["examples"]["VALIDATION_ERROR"]["value"],
        json!({"success": false, "error": {
            "code": "VALIDATION_ERROR", "message": "Request validation failed", "status": 422,
            "fields": {"field": ["is invalid"]}
        }})
    );
    assert_eq!(
        responses["429"]["headers"],
        json!({"Retry-After": {
            "schema": {"type": "integer"},
            "description": "Seconds to wait before retrying. Sent with `RATE_LIMITED` when there is a delay."
        }})
    );
    assert!(responses["403"].get("headers").is_none());
}

#[test]
fn a_type_with_its_own_format_is_documented_in_it() {
    let responses = responses::<BillingError>();
    assert_eq!(
        responses["402"]["content"]["application/problem+json"]["examples"]["PAYMENT_REQUIRED"]["value"],
        json!({
            "type": "about:blank",
            "title": "Payment Required",
            "status": 402,
            "detail": "Subscription has lapsed",
            "code": "PAYMENT_REQUIRED"
        })
    );
    assert_eq!(
        responses["402"]["content"]["application/problem+json"]["schema"]["properties"]["code"]["enum"],
        json!(["PAYMENT_REQUIRED"])
    );
}

#[test]
fn a_handlers_subset_has_only_its_codes() {
    let login = responses::<LoginErrors>();
    let statuses: Vec<&String> = login.as_object().unwrap().keys().collect();
    assert_eq!(statuses, ["401", "403", "429"]);
    // Only the listed 401, and the challenge is still required.
    assert_eq!(
        login["401"]["content"]["application/json"]["schema"]["properties"]["error"]["properties"]
            ["code"]["enum"],
        json!(["AUTH_EXPIRED"])
    );
    assert_eq!(
        login["401"]["headers"]["WWW-Authenticate"]["required"],
        json!(true)
    );
    assert_eq!(
        login["401"]["description"],
        "Unauthorized. Codes:\n\n- `AUTH_EXPIRED`: Authentication token has expired"
    );
    // The real value given as example: its member, and the message `Display` writes from it.
    assert_eq!(
        login["403"]["content"]["application/json"]["examples"]["ACCOUNT_LOCKED"],
        json!({
            "summary": "Account is temporarily locked due to failed login attempts",
            "value": {"success": false, "error": {
                "code": "ACCOUNT_LOCKED",
                "message": "Account is locked until 2026-12-01T10:00:00Z",
                "status": 403,
                "lockedUntil": "2026-12-01T10:00:00Z"
            }}
        })
    );
    // Without one, the example is built from the declaration: no member, the description.
    assert_eq!(
        responses::<AppError>()["403"]["content"]["application/json"]["examples"]["ACCOUNT_LOCKED"]
            ["value"],
        json!({"success": false, "error": {
            "code": "ACCOUNT_LOCKED",
            "message": "Account is temporarily locked due to failed login attempts",
            "status": 403
        }})
    );

    // The same responses as the whole type's, for the codes listed.
    let whole = responses::<AppError>();
    let get_order = responses::<GetOrderErrors>();
    assert_eq!(get_order["404"], whole["404"]);
    let statuses: Vec<&String> = get_order.as_object().unwrap().keys().collect();
    assert_eq!(statuses, ["401", "404"]);
    let bare = responses::<bare::Bare>();
    assert_eq!(bare["404"], whole["404"]);
    assert_eq!(bare["401"], login["401"]);
}

#[test]
fn utoipa_puts_them_on_the_handlers() {
    let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
    let get_order = &doc["paths"]["/orders/{id}"]["get"]["responses"];
    let mut expected = responses::<GetOrderErrors>();
    expected["200"] = json!({"description": "The order"});
    assert_eq!(*get_order, expected);
    assert_eq!(
        doc["paths"]["/orders"]["post"]["responses"],
        responses::<AppError>()
    );
    assert_eq!(
        doc["paths"]["/login"]["post"]["responses"],
        responses::<LoginErrors>()
    );
}

#[test]
#[ignore = "needs Python's openapi-spec-validator: .ci/run runs it with APIERR_OPENAPI_VALIDATOR set"]
fn the_handlers_document_is_valid_openapi_3_1() {
    let validator = std::env::var_os("APIERR_OPENAPI_VALIDATOR").expect(
        "APIERR_OPENAPI_VALIDATOR must name `openapi-spec-validator`: .ci/run installs it and sets it",
    );
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("apierr-openapi-handlers");
    std::fs::create_dir_all(&dir).unwrap();
    let valid = dir.join("handlers.json");
    std::fs::write(&valid, ApiDoc::openapi().to_pretty_json().unwrap()).unwrap();
    // Not vacuous: a header whose `required` is not a boolean fails.
    let mut broken = serde_json::to_value(ApiDoc::openapi()).unwrap();
    broken["paths"]["/login"]["post"]["responses"]["401"]["headers"]["WWW-Authenticate"]["required"] =
        json!("yes");
    let invalid = dir.join("broken.json");
    std::fs::write(&invalid, broken.to_string()).unwrap();

    let run = |file: &Path| {
        Command::new(&validator)
            .args(["--schema", "3.1", "--errors", "all"])
            .arg(file)
            .output()
            .expect("the validator runs")
    };
    let output = run(&valid);
    assert!(
        output.status.success(),
        "not valid OpenAPI 3.1:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!run(&invalid).status.success(), "a broken document passed");
}
