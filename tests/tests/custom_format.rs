//! A format of the user's own: a JSON:API error document, a shape none of the built-in formats
//! produce (status as a string, errors as an array with one item per field message, members
//! nested in `meta` with the request id, and a top-level `jsonapi` member). And `transparent`
//! inner errors, which render in the outer type's format.

mod common;

use apierr::decode::Decode;
use apierr::format::Nested;
use apierr::{ApiError, Context, CorrelationId, Envelope, FieldErrors};
use apierr_tests::json_api::JsonApi;
use common::{assert_body, assert_exact};
use serde_json::json;

/// A library's error type: it names a format of its own.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(format = apierr::format::FieldStrings)]
pub enum StoreError {
    #[error("version conflict")]
    #[api(
        code = "VERSION_CONFLICT",
        status = 409,
        message = "Article was modified (now at version {current})"
    )]
    Conflict {
        #[api(member = "currentVersion")]
        current: u32,
    },
    #[error("invalid article")]
    #[api(code = "INVALID_ARTICLE", status = 422, message = "Article is invalid")]
    Invalid(#[api(fields)] FieldErrors),
}

/// The service's error type, in JSON:API.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(format = JsonApi)]
pub enum ServiceError {
    #[error("article {0} not found")]
    #[api(code = "ARTICLE_NOT_FOUND", status = 404)]
    NotFound(u64),
    #[error(transparent)]
    #[api(transparent)]
    Store(#[from] StoreError),
}

/// The same library error, wrapped by a service that names no format.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum PlainService {
    #[error(transparent)]
    #[api(transparent)]
    Store(#[from] StoreError),
}

#[test]
fn renders_the_user_shape() {
    let err = ServiceError::NotFound(42);
    let envelope = Envelope::new(&err);
    assert_eq!(envelope.content_type(), "application/vnd.api+json");
    assert_body(
        &envelope,
        &json!({
            "jsonapi": {"version": "1.1"},
            "errors": [{"status": "404", "code": "ARTICLE_NOT_FOUND", "title": "article 42 not found"}]
        }),
    );
    assert_exact(
        &envelope,
        r#"{"jsonapi":{"version":"1.1"},"errors":[{"status":"404","code":"ARTICLE_NOT_FOUND","title":"article 42 not found"}]}"#,
    );
}

/// One item per entry, in the order reported: a list does not group equal paths.
#[test]
fn field_errors_become_one_item_each_and_context_goes_to_meta() {
    let err = ServiceError::from(StoreError::Invalid(
        FieldErrors::new()
            .with("title", "can't be blank")
            .with("tags[1]", "is too long")
            .with("title", "is too short"),
    ));
    let context = Context::new().with_correlation_id(CorrelationId::new("req-7").unwrap());
    let expected = json!({
        "jsonapi": {"version": "1.1"},
        "errors": [
            {"status": "422", "code": "INVALID_ARTICLE", "title": "Article is invalid", "detail": "can't be blank", "source": {"pointer": "/data/attributes/title"}},
            {"status": "422", "code": "INVALID_ARTICLE", "title": "Article is invalid", "detail": "is too long", "source": {"pointer": "/data/attributes/tags/1"}},
            {"status": "422", "code": "INVALID_ARTICLE", "title": "Article is invalid", "detail": "is too short", "source": {"pointer": "/data/attributes/title"}}
        ],
        "meta": {"requestId": "req-7"}
    });
    assert_body(&Envelope::new(&err).with_context(&context), &expected);
    assert_exact(
        &Envelope::new(&err).with_context(&context),
        concat!(
            r#"{"jsonapi":{"version":"1.1"},"errors":["#,
            r#"{"status":"422","code":"INVALID_ARTICLE","title":"Article is invalid","detail":"can't be blank","source":{"pointer":"/data/attributes/title"}},"#,
            r#"{"status":"422","code":"INVALID_ARTICLE","title":"Article is invalid","detail":"is too long","source":{"pointer":"/data/attributes/tags/1"}},"#,
            r#"{"status":"422","code":"INVALID_ARTICLE","title":"Article is invalid","detail":"is too short","source":{"pointer":"/data/attributes/title"}}"#,
            r#"],"meta":{"requestId":"req-7"}}"#
        ),
    );
}

/// The inner error alone renders in its own format; inside the service's error it renders in
/// the service's.
#[test]
fn transparent_inner_renders_in_the_outer_format() {
    let inner = StoreError::Conflict { current: 3 };
    assert_body(
        &Envelope::new(&inner),
        &json!({
            "code": "VERSION_CONFLICT",
            "message": "Article was modified (now at version 3)",
            "currentVersion": 3
        }),
    );

    let outer = ServiceError::from(StoreError::Conflict { current: 3 });
    assert_eq!(outer.code(), "VERSION_CONFLICT");
    assert_eq!(outer.status().as_u16(), 409);
    let context = Context::new().with_correlation_id(CorrelationId::new("req-8").unwrap());
    let expected = json!({
        "jsonapi": {"version": "1.1"},
        "errors": [{"status": "409", "code": "VERSION_CONFLICT", "title": "Article was modified (now at version 3)"}],
        "meta": {"currentVersion": 3, "requestId": "req-8"}
    });
    assert_body(&Envelope::new(&outer).with_context(&context), &expected);
    // Behind `dyn` as well.
    let dyn_outer: &dyn ApiError = &outer;
    assert_body(
        &Envelope::from_dyn(dyn_outer).with_context(&context),
        &expected,
    );
}

/// An outer type that names no format does not take the inner one's: it gets the application
/// default (here never set, so `Nested`).
#[test]
fn outer_without_format_uses_the_default_not_the_inner_one() {
    let outer = PlainService::from(StoreError::Conflict { current: 5 });
    assert_body(
        &Envelope::new(&outer),
        &json!({
            "success": false,
            "error": {
                "code": "VERSION_CONFLICT",
                "message": "Article was modified (now at version 5)",
                "status": 409,
                "currentVersion": 5
            }
        }),
    );
}

/// `Envelope::with_format` wins over the type's format, in both directions.
#[test]
fn with_format_overrides_the_type() {
    let err = ServiceError::NotFound(1);
    assert_body(
        &Envelope::new(&err).with_format(&Nested),
        &json!({
            "success": false,
            "error": {"code": "ARTICLE_NOT_FOUND", "message": "article 1 not found", "status": 404}
        }),
    );
    let inner = StoreError::Conflict { current: 9 };
    let envelope = Envelope::new(&inner).with_format(&JsonApi);
    assert_eq!(envelope.content_type(), "application/vnd.api+json");
    assert_body(
        &envelope,
        &json!({
            "jsonapi": {"version": "1.1"},
            "errors": [{"status": "409", "code": "VERSION_CONFLICT", "title": "Article was modified (now at version 9)"}],
            "meta": {"currentVersion": 9}
        }),
    );
}

/// What the format writes, it reads back: code, status, message, field errors (each pointer
/// back to its path, messages of one field together), the request id and extension members.
#[test]
fn the_user_format_decodes_back() {
    let fields = FieldErrors::new()
        .with("title", "can't be blank")
        .with("tags[1]", "is too long")
        .with("title", "is too short");
    let err = ServiceError::from(StoreError::Invalid(fields.clone()));
    let context = Context::new().with_correlation_id(CorrelationId::new("req-7").unwrap());
    let body = Envelope::new(&err).with_context(&context).to_vec().unwrap();
    let decoded = JsonApi
        .decode_response(http::StatusCode::UNPROCESSABLE_ENTITY, &body)
        .unwrap();
    assert_eq!(decoded.code, "INVALID_ARTICLE");
    assert_eq!(decoded.message, "Article is invalid");
    assert_eq!(decoded.status, Some(http::StatusCode::UNPROCESSABLE_ENTITY));
    assert_eq!(decoded.fields, fields);
    assert_eq!(decoded.correlation_id.as_deref(), Some("req-7"));
    assert!(decoded.members.is_empty());

    // Without field errors: one error object; the status from the body; members from `meta`.
    let err = ServiceError::from(StoreError::Conflict { current: 3 });
    let body = Envelope::new(&err).to_vec().unwrap();
    let decoded = JsonApi.decode(&body).unwrap();
    assert_eq!(decoded.code, "VERSION_CONFLICT");
    assert_eq!(decoded.message, "Article was modified (now at version 3)");
    assert_eq!(decoded.status, Some(http::StatusCode::CONFLICT));
    assert!(decoded.fields.is_empty());
    assert_eq!(
        decoded.members,
        json!({"currentVersion": 3}).as_object().unwrap().clone()
    );

    // Another server's document: no `jsonapi` member, a pointer outside the attributes (read
    // as it is), an error about a query parameter rather than a field.
    let foreign = br#"{"errors":[{"status":"422","code":"C","title":"t","detail":"d","source":{"pointer":"/data/relationships/author"}},{"status":"400","code":"P","title":"p","source":{"parameter":"sort"}}]}"#;
    let decoded = JsonApi.decode(foreign).unwrap();
    assert_eq!(decoded.code, "C");
    assert_eq!(decoded.status, Some(http::StatusCode::UNPROCESSABLE_ENTITY));
    assert_eq!(
        decoded.fields,
        FieldErrors::new().with("data.relationships.author", "d")
    );
}

/// The catalogue's example bodies come out in the user's format too.
#[test]
fn catalogue_examples_are_in_the_user_format() {
    let catalog = apierr::catalog::Catalog::of::<ServiceError>().unwrap();
    let example = catalog
        .get("INVALID_ARTICLE")
        .unwrap()
        .example(&JsonApi)
        .unwrap();
    assert_eq!(
        example,
        json!({
            "jsonapi": {"version": "1.1"},
            "errors": [{
                "status": "422",
                "code": "INVALID_ARTICLE",
                "title": "Article is invalid",
                "detail": "is invalid",
                "source": {"pointer": "/data/attributes/field"}
            }]
        })
    );
}
