//! OpenAPI error responses: one per status with every code and an example body each, the
//! envelope schema, and documents that a real OpenAPI 3.1 validator accepts.
//!
//! The validation by a real OpenAPI 3.1 validator is in `openapi_validate.rs`.

mod catalog_seeds;

use apierr::ApiError;
use apierr::catalog::Catalog;
use apierr::format::{
    FieldLists, FieldStrings, FlatDetails, Format, Nested, ProblemDetails, StatusEnvelope,
};
use apierr::openapi::{ErrorResponses, envelope_schema, responses_for};
use apierr_tests::json_api::JsonApi;
use catalog_seeds::{Seed000Error, Seed001Error, Seed002Error, Seed003Error, Seed004Error};
use serde_json::{Value, json};
use utoipa::openapi::path::{OperationBuilder, PathItem};
use utoipa::openapi::{HttpMethod, Info, OpenApiBuilder, PathsBuilder, ResponseBuilder};

fn seed_000_responses() -> Value {
    let catalog = Catalog::of::<Seed000Error>().unwrap();
    serde_json::to_value(
        ErrorResponses::new(&catalog, &Nested)
            .with_schema_ref("ApiErrorBody")
            .responses(),
    )
    .unwrap()
}

#[test]
fn one_response_per_status_listing_every_code() {
    let responses = seed_000_responses();
    let statuses: Vec<&String> = responses.as_object().unwrap().keys().collect();
    assert_eq!(statuses, ["400", "401", "403", "404", "409", "429", "500"]);

    let unauthorized = &responses["401"];
    assert_eq!(
        unauthorized["description"],
        "Unauthorized. Codes:\n\n\
         - `AUTH_MISSING`: No authentication token provided\n\
         - `AUTH_INVALID`: Token is malformed or signature is invalid\n\
         - `AUTH_EXPIRED`: Authentication token has expired\n\
         - `AUTH_FAILED`: Login credentials are incorrect\n\
         - `2FA_REQUIRED`: Two-factor authentication is required\n\
         - `SESSION_EXPIRED`: Refresh token or session has expired"
    );
    let content = &unauthorized["content"]["application/json"];
    // The shared envelope, and the codes this response can hold.
    assert_eq!(
        content["schema"],
        json!({"allOf": [
            {"$ref": "#/components/schemas/ApiErrorBody"},
            {
                "type": "object",
                "properties": {"error": {
                    "type": "object",
                    "properties": {"code": {"type": "string", "enum": [
                        "AUTH_MISSING", "AUTH_INVALID", "AUTH_EXPIRED", "AUTH_FAILED",
                        "2FA_REQUIRED", "SESSION_EXPIRED"
                    ]}},
                    "required": ["code"]
                }},
                "required": ["error"]
            }
        ]})
    );
    let examples: Vec<&String> = content["examples"].as_object().unwrap().keys().collect();
    assert_eq!(
        examples,
        [
            "2FA_REQUIRED",
            "AUTH_EXPIRED",
            "AUTH_FAILED",
            "AUTH_INVALID",
            "AUTH_MISSING",
            "SESSION_EXPIRED"
        ]
    );
    assert_eq!(
        content["examples"]["AUTH_FAILED"],
        json!({
            "summary": "Login credentials are incorrect",
            "value": {"success": false, "error": {
                "code": "AUTH_FAILED", "message": "Invalid email or password", "status": 401
            }}
        })
    );

    // Codes with field errors show one in their example.
    assert_eq!(
        responses["400"]["content"]["application/json"]["examples"]["INVALID_BODY"]["value"],
        json!({"success": false, "error": {
            "code": "INVALID_BODY", "message": "Request body cannot be parsed", "status": 400,
            "fields": {"field": ["is invalid"]}
        }})
    );
    let bad_request = responses["400"]["content"]["application/json"]["examples"]
        .as_object()
        .unwrap();
    assert_eq!(bad_request.len(), 7);

    // Retry-After on the 429, when the error has a delay.
    assert_eq!(
        responses["429"]["headers"],
        json!({"Retry-After": {
            "schema": {"type": "integer"},
            "description": "Seconds to wait before retrying. Sent with `RATE_LIMITED` when there is a delay."
        }})
    );
    // A challenge with every 401, declared or not: required.
    assert_eq!(
        responses["401"]["headers"],
        json!({"WWW-Authenticate": {
            "schema": {"type": "string"},
            "description": "Sent with `AUTH_MISSING`, `AUTH_INVALID`, `AUTH_EXPIRED`, `AUTH_FAILED`, `2FA_REQUIRED`, `SESSION_EXPIRED`.",
            "required": true
        }})
    );
    assert!(responses["403"].get("headers").is_none());
}

#[test]
fn nested_envelope_schema_is_exact() {
    assert_eq!(
        serde_json::to_value(envelope_schema(&Nested)).unwrap(),
        json!({
            "type": "object",
            "properties": {
                "success": {"type": "boolean", "enum": [false], "description": "Always false."},
                "error": {
                    "type": "object",
                    "description": "The error.",
                    // Extension members (`#[api(member)]`) go here.
                    "additionalProperties": true,
                    "properties": {
                        "code": {"type": "string", "description": "Machine-readable error code."},
                        "message": {"type": "string", "description": "Human-readable message, safe to show."},
                        "status": {"type": "integer", "minimum": 100, "maximum": 599, "description": "HTTP status."},
                        "fields": {
                            "type": "object",
                            "additionalProperties": {"type": "array", "items": {"type": "string"}},
                            "description": "Field errors: dotted path to messages."
                        }
                    },
                    "required": ["code", "message", "status"]
                }
            },
            "required": ["success", "error"]
        })
    );
}

#[test]
fn a_handler_documents_only_its_codes() {
    let catalog = Catalog::of::<Seed000Error>().unwrap();
    let login = catalog
        .only(&[
            "AUTH_FAILED",
            "2FA_REQUIRED",
            "ACCOUNT_LOCKED",
            "RATE_LIMITED",
        ])
        .unwrap();
    let responses =
        serde_json::to_value(ErrorResponses::new(&login, &StatusEnvelope).responses()).unwrap();
    let statuses: Vec<&String> = responses.as_object().unwrap().keys().collect();
    assert_eq!(statuses, ["401", "403", "429"]);
    let examples = responses["401"]["content"]["application/json"]["examples"]
        .as_object()
        .unwrap();
    assert_eq!(examples.len(), 2);
    // The schema is inline without a reference name.
    assert_eq!(
        responses["401"]["content"]["application/json"]["schema"]["required"],
        json!(["success", "error", "statusCode"])
    );

    // A whole type in one call gives the same as the catalogue of that type.
    let whole = responses_for::<Seed000Error, _>(&Nested).unwrap();
    assert_eq!(
        serde_json::to_value(whole).unwrap(),
        serde_json::to_value(ErrorResponses::new(&catalog, &Nested).responses()).unwrap()
    );
}

#[test]
fn adding_to_a_document_keeps_the_operations_own_responses() {
    let catalog = Catalog::of::<Seed000Error>().unwrap();
    let operation = OperationBuilder::new()
        .response("200", ResponseBuilder::new().description("The order"))
        .response("404", ResponseBuilder::new().description("No such order"))
        .build();
    let mut openapi = OpenApiBuilder::new()
        .info(Info::new("Orders", "1.0.0"))
        .paths(
            PathsBuilder::new()
                .path("/orders/{id}", PathItem::new(HttpMethod::Get, operation))
                .build(),
        )
        .build();
    ErrorResponses::new(&catalog, &ProblemDetails::new())
        .with_schema_ref("Problem")
        .add_to(&mut openapi);
    let doc = serde_json::to_value(&openapi).unwrap();
    let responses = &doc["paths"]["/orders/{id}"]["get"]["responses"];
    assert_eq!(responses["404"], json!({"description": "No such order"}));
    assert_eq!(responses["200"], json!({"description": "The order"}));
    assert_eq!(
        responses["409"]["content"]["application/problem+json"]["examples"]["CONFLICT"]["value"],
        json!({
            "type": "about:blank",
            "title": "Conflict",
            "status": 409,
            "detail": "Operation conflicts with current state",
            "code": "CONFLICT"
        })
    );
    assert_eq!(
        doc["components"]["schemas"]["Problem"]["required"],
        json!(["type", "title", "status", "code"])
    );
}

/// Checks `value` against the subset of JSON Schema the envelope schemas use; the errors say
/// where it departs.
fn check(schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    if let Some(allowed) = schema.get("enum")
        && !allowed.as_array().unwrap().contains(value)
    {
        errors.push(format!("{at}: {value} not in {allowed}"));
    }
    let type_ok = match schema.get("type").and_then(Value::as_str) {
        Some("object") => value.is_object(),
        Some("string") => value.is_string(),
        Some("integer") => value.is_u64() || value.is_i64(),
        Some("boolean") => value.is_boolean(),
        Some("array") => value.is_array(),
        Some(other) => panic!("unexpected schema type {other}"),
        None => true,
    };
    if !type_ok {
        errors.push(format!("{at}: {value} is not {}", schema["type"]));
        return;
    }
    if let (Some(min), Some(n)) = (schema.get("minimum"), value.as_u64())
        && (n < min.as_u64().unwrap() || n > schema["maximum"].as_u64().unwrap())
    {
        errors.push(format!("{at}: {n} out of range"));
    }
    if let Some(object) = value.as_object() {
        for name in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !object.contains_key(name.as_str().unwrap()) {
                errors.push(format!("{at}: missing {name}"));
            }
        }
        for (name, member) in object {
            let path = format!("{at}.{name}");
            match schema.get("properties").and_then(|p| p.get(name)) {
                Some(property) => check(property, member, &path, errors),
                None => match schema.get("additionalProperties") {
                    Some(Value::Bool(false)) => errors.push(format!("{path}: not allowed")),
                    Some(extra @ Value::Object(_)) => check(extra, member, &path, errors),
                    _ => {}
                },
            }
        }
    }
    if let (Some(items), Some(list)) = (schema.get("items"), value.as_array()) {
        for (i, item) in list.iter().enumerate() {
            check(items, item, &format!("{at}[{i}]"), errors);
        }
    }
}

#[test]
fn every_example_and_real_body_matches_the_envelope_schema() {
    fn for_format<F: Format>(format: &F, errors: &mut Vec<String>) -> usize {
        let schema = serde_json::to_value(envelope_schema(format)).unwrap();
        let mut checked = 0;
        let mut bodies: Vec<Value> = Vec::new();
        macro_rules! seed {
            ($ty:ty) => {
                let catalog = Catalog::of::<$ty>().unwrap();
                for entry in catalog.entries() {
                    bodies.push(entry.example(format).unwrap());
                }
                let context = apierr::Context::new()
                    .with_correlation_id(apierr::CorrelationId::new("abc").unwrap())
                    .with_timestamp(apierr::Timestamp::from_unix_millis(0).unwrap())
                    .with_path("/p")
                    .with_method(http::Method::PUT)
                    .with_instance("/i")
                    .with_debug_detail(true);
                for error in <$ty>::samples() {
                    bodies.push(
                        apierr::Envelope::new(&error)
                            .with_context(&context)
                            .with_format(format)
                            .to_value()
                            .unwrap(),
                    );
                }
            };
        }
        seed!(Seed000Error);
        seed!(Seed001Error);
        seed!(Seed002Error);
        seed!(Seed003Error);
        seed!(Seed004Error);
        for body in &bodies {
            check(&schema, body, "$", errors);
            checked += 1;
        }
        checked
    }
    let mut errors = Vec::new();
    let mut checked = 0;
    checked += for_format(&Nested, &mut errors);
    checked += for_format(&FieldLists, &mut errors);
    checked += for_format(&FieldStrings, &mut errors);
    checked += for_format(&FlatDetails, &mut errors);
    checked += for_format(&StatusEnvelope, &mut errors);
    checked += for_format(&ProblemDetails::new(), &mut errors);
    checked += for_format(
        &ProblemDetails::new()
            .with_code_member(Some("errorCode"))
            .without_status(),
        &mut errors,
    );
    checked += for_format(&JsonApi, &mut errors);
    // (24 + 8 + 6 + 6 + 7) codes, each as an example and as a real body, in 8 formats.
    assert_eq!(checked, 2 * 51 * 8);
    assert!(errors.is_empty(), "{errors:#?}");

    // The checker is not vacuous: a body with a wrong member fails it.
    let mut wrong = Vec::new();
    check(
        &serde_json::to_value(envelope_schema(&Nested)).unwrap(),
        &json!({"success": true, "error": {"code": 1, "message": "m"}}),
        "$",
        &mut wrong,
    );
    assert_eq!(
        wrong,
        [
            "$.error: missing \"status\"",
            "$.error.code: 1 is not \"string\"",
            "$.success: true not in [false]"
        ]
    );
}

#[test]
fn every_real_body_matches_the_schema_of_its_response() {
    // Each response's inline schema names the codes it holds: a real body of a code must
    // match the schema of its status's response and, in a format that writes the code outside
    // lists (`has_code`), not that of another status.
    fn for_format(
        format: &dyn apierr::format::AnyFormat,
        has_code: bool,
        errors: &mut Vec<String>,
    ) -> usize {
        let mut checked = 0;
        macro_rules! seed {
            ($ty:ty) => {
                let catalog = Catalog::of::<$ty>().unwrap();
                let responses =
                    serde_json::to_value(ErrorResponses::new(&catalog, format).responses())
                        .unwrap();
                let schema = |status: u16| {
                    responses[status.to_string()]["content"][format.content_type()]["schema"]
                        .clone()
                };
                for error in <$ty>::samples() {
                    let body = apierr::Envelope::new(&error)
                        .with_format(format)
                        .to_value()
                        .unwrap();
                    let status = error.status().as_u16();
                    check(&schema(status), &body, &format!("{status} $"), errors);
                    checked += 1;
                    // Another status's response does not take this code.
                    if !has_code {
                        continue;
                    }
                    if let Some(other) = catalog
                        .entries()
                        .iter()
                        .map(|entry| entry.status().as_u16())
                        .find(|other| *other != status)
                    {
                        let mut refused = Vec::new();
                        check(&schema(other), &body, "$", &mut refused);
                        if refused.is_empty() {
                            errors.push(format!(
                                "{} {} passed the {other} schema",
                                format.content_type(),
                                error.code()
                            ));
                        }
                    }
                }
            };
        }
        seed!(Seed000Error);
        seed!(Seed001Error);
        seed!(Seed002Error);
        seed!(Seed003Error);
        seed!(Seed004Error);
        checked
    }
    let mut errors = Vec::new();
    let mut checked = 0;
    checked += for_format(&Nested, true, &mut errors);
    checked += for_format(&FieldLists, true, &mut errors);
    checked += for_format(&FieldStrings, true, &mut errors);
    checked += for_format(&FlatDetails, true, &mut errors);
    checked += for_format(&ProblemDetails::new(), true, &mut errors);
    // No code in the body; in JSON:API's, only in the list of errors, where sub-errors' codes
    // may be any.
    checked += for_format(&StatusEnvelope, false, &mut errors);
    checked += for_format(&JsonApi, false, &mut errors);
    assert_eq!(checked, 51 * 7);
    assert!(errors.is_empty(), "{errors:#?}");
}
