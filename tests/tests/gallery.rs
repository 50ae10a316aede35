//! The gallery: real public APIs' published error bodies, reproduced exactly through formats
//! and error enums written as a user writes them (`apierr_tests::gallery`). Each test names its
//! source and asserts the response's status, Content-Type, documented headers and body; the
//! body is also decoded back by the same format definition, and checked against the JSON
//! Schema that definition gives.

use apierr::Context;
use apierr::decode::Decode;
use apierr::response::{ResponseOptions, to_response};
use apierr_tests::gallery::{self, Example};
use serde_json::Value;

/// The response for the example's error is the published one.
#[track_caller]
fn check(example: &Example) -> apierr::decode::Decoded {
    let response = to_response(&*example.error, &Context::new(), &ResponseOptions::new());
    assert_eq!(
        response.status(),
        example.status,
        "{}: status",
        example.name
    );
    assert_eq!(
        response.headers()[http::header::CONTENT_TYPE],
        example.content_type,
        "{}: Content-Type",
        example.name
    );
    for (name, value) in example.headers {
        assert_eq!(
            response.headers()[*name],
            *value,
            "{}: {name}",
            example.name
        );
    }
    let body = response.body();
    assert_eq!(
        std::str::from_utf8(body).unwrap(),
        example.compact,
        "{}: bytes",
        example.name
    );
    let published: Value = serde_json::from_str(example.published).unwrap();
    let sent: Value = serde_json::from_slice(body).unwrap();
    assert_eq!(sent, published, "{}: the published body", example.name);
    let format = example.error.format().expect("the type names its format");
    // The serde path writes the same body.
    let context = Context::new();
    let problem = apierr::Problem::new(&*example.error, &context);
    assert_eq!(format.to_value(&problem).unwrap(), published);
    // The same definition reads it back.
    format.decode(body).expect("the body decodes")
}

/// GitHub REST API, 422 "Validation Failed": one entry per field, with a code and no message.
/// <https://docs.github.com/en/rest/overview/resources-in-the-rest-api#client-errors>
#[test]
fn github_validation_failed() {
    let decoded = check(&gallery::github::example());
    assert_eq!(decoded.message, "Validation Failed");
    let (path, entry) = decoded.fields.entries().next().unwrap();
    assert_eq!(path.to_string(), "title");
    assert_eq!(
        (entry.code(), entry.message()),
        (Some("missing_field"), None)
    );
}

/// JSON:API "Error Codes": three errors in one document, each with its own code.
/// <https://jsonapi.org/examples/#error-objects-error-codes>
#[test]
fn json_api_several_errors() {
    let decoded = check(&gallery::json_api::example());
    let codes: Vec<_> = decoded.errors.iter().map(|e| e.code()).collect();
    assert_eq!(codes, ["123", "225", "226"]);
    let third = decoded.errors.iter().nth(2).unwrap();
    assert_eq!(third.message(), None);
    assert_eq!(third.field().unwrap().to_string(), "password");
}

/// Slack Web API: `200 OK` with `{"ok": false, "error": "<code>"}`.
/// <https://docs.slack.dev/apis/web-api/#responses>
#[test]
fn slack_answers_errors_with_200() {
    let decoded = check(&gallery::slack::example());
    assert_eq!(decoded.code, "something_bad");
}

/// Twilio: a numeric code, and a documentation link made from it.
/// <https://www.twilio.com/docs/usage/twilios-response>
#[test]
fn twilio_numeric_code() {
    let decoded = check(&gallery::twilio::example());
    assert_eq!(decoded.code, "21201");
    assert_eq!(decoded.status, Some(http::StatusCode::BAD_REQUEST));
}

/// Google Cloud APIs: the status as `code`, the canonical code as `status`, an `ErrorInfo`
/// whose domain comes from configuration read at run time.
/// <https://cloud.google.com/apis/design/errors#http_mapping>
#[test]
fn google_error_info_from_configuration() {
    let decoded = check(&gallery::google::example());
    assert_eq!(decoded.code, "INVALID_ARGUMENT");
}

/// Microsoft REST API guidelines: details as sub-errors, and the code in `x-ms-error-code`.
/// <https://github.com/microsoft/api-guidelines/blob/vNext/graph/Guidelines-deprecated.md#7102-error-condition-responses>
#[test]
fn microsoft_details_and_error_code_header() {
    let decoded = check(&gallery::azure::example());
    assert_eq!(decoded.code, "BadArgument");
    let targets: Vec<_> = decoded
        .errors
        .iter()
        .map(|e| e.field().unwrap().to_string())
        .collect();
    assert_eq!(targets, ["PhoneNumber", "LastName", "Address"]);
}

/// GraphQL: `200 OK` with `errors`, members in the places the specification gives them.
/// <https://spec.graphql.org/October2021/#sec-Errors>
#[test]
fn graphql_errors_with_extensions() {
    let decoded = check(&gallery::graphql::example());
    assert_eq!(decoded.code, "CAN_NOT_FETCH_BY_ID");
    assert_eq!(
        decoded.members["path"],
        serde_json::json!(["hero", "heroFriends", 1, "name"])
    );
}

/// Every gallery body is valid against the JSON Schema its format's layout gives.
#[test]
fn bodies_match_their_schemas() {
    for example in gallery::all() {
        let format = example.error.format().unwrap();
        let schema = apierr::catalog::json_schema(format.layout());
        let body: Value = serde_json::from_str(example.published).unwrap();
        if let Err(why) = apierr_tests::schema::check(&schema, &body) {
            panic!("{}: {why}\nschema: {schema:#}", example.name);
        }
    }
}

mod beyond_the_published {
    //! What the published examples do not show, in the same kinds of format: items without a
    //! message read back, a header joined from parts, and a `200` error read by a client.

    use apierr::decode::Decode;
    use apierr::format::{Format, Layout, Literal, Slot, Value};
    use apierr::response::{ResponseOptions, to_response};
    use apierr::{ApiError, Context, SubError, SubErrors};

    struct Errors;

    const ERRORS: Layout<'static> = Layout::new(&[Slot::new(
        "errors",
        Value::ErrorItems(&[
            Slot::new("message", Value::Message),
            Slot::new(
                "extensions",
                Value::Object(&[Slot::new("code", Value::Code)]),
            ),
        ]),
    )])
    .with_status(200)
    .with_headers(&[Slot::new(
        "link",
        Value::Join(&[
            Value::Literal(Literal::Str("<https://docs.example.com/errors/")),
            Value::KebabCode,
            Value::Literal(Literal::Str(">; rel=\"help\"")),
        ]),
    )]);

    impl Format for Errors {
        fn layout(&self) -> &Layout<'_> {
            &ERRORS
        }
    }

    #[derive(Debug, ApiError)]
    #[api(format = Errors)]
    enum QueryError {
        #[api(code = "BAD_QUERY", status = 400, message = "The query is invalid")]
        Invalid(#[api(errors)] SubErrors),
    }

    #[test]
    fn items_without_messages_read_back_and_headers_join_parts() {
        let error = QueryError::Invalid(
            SubErrors::new()
                .with(SubError::new("UNKNOWN_FIELD").with_status(400))
                .with(SubError::new("TOO_DEEP").with_message("Nested too deep")),
        );
        let response = to_response(&error, &Context::new(), &ResponseOptions::new());
        assert_eq!(response.status(), 200);
        assert_eq!(
            response.headers()["link"],
            "<https://docs.example.com/errors/bad-query>; rel=\"help\""
        );
        assert_eq!(
            std::str::from_utf8(response.body()).unwrap(),
            r#"{"errors":[{"extensions":{"code":"UNKNOWN_FIELD"}},{"message":"Nested too deep","extensions":{"code":"TOO_DEEP"}}]}"#
        );
        // A client reads it although its status is 200; the error's own status is not in the
        // body, so it is not made up from the status line.
        let decoded = Errors
            .decode_response(http::StatusCode::OK, response.body())
            .unwrap();
        assert_eq!(decoded.status, None);
        let codes: Vec<_> = decoded.errors.iter().map(SubError::code).collect();
        assert_eq!(codes, ["UNKNOWN_FIELD", "TOO_DEEP"]);
        assert_eq!(decoded.errors.iter().next().unwrap().message(), None);
    }
}
