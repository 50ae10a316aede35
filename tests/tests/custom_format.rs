//! A format of the user's own: a JSON:API error document, a shape none of the built-in formats
//! produce (status as a string, errors as an array with one item per field message, members
//! nested in `meta` with the request id, and a top-level `jsonapi` member). And `transparent`
//! inner errors, which render in the outer type's format.

mod common;

use apierr::format::{Format, Nested};
use apierr::{ApiError, Context, CorrelationId, Envelope, FieldErrors, Problem};
use common::{assert_body, assert_exact};
use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde_json::json;

/// `{"jsonapi":{"version":"1.1"},"errors":[{"status":"422","code","title","detail","source":
/// {"pointer":"/data/attributes/…"}}],"meta":{…members,"requestId"}}`.
struct JsonApi;

impl Format for JsonApi {
    fn content_type(&self) -> &'static str {
        "application/vnd.api+json"
    }

    fn serialize<S: Serializer>(&self, p: &Problem<'_>, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("jsonapi", &json!({"version": "1.1"}))?;
        map.serialize_entry("errors", &Errors(p))?;
        if p.has_members() || p.context().correlation_id().is_some() {
            map.serialize_entry("meta", &Meta(p))?;
        }
        map.end()
    }
}

struct Errors<'a>(&'a Problem<'a>);

impl Serialize for Errors<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let p = self.0;
        let mut seq = serializer.serialize_seq(None)?;
        match p.field_errors() {
            None => seq.serialize_element(&Item { p, field: None })?,
            Some(fields) => {
                for field in fields {
                    let pointer = field.path().pointer().to_string();
                    let pointer = format!("/data/attributes{}", &pointer[1..]);
                    for message in field.messages() {
                        seq.serialize_element(&Item {
                            p,
                            field: Some((message, &pointer)),
                        })?;
                    }
                }
            }
        }
        seq.end()
    }
}

/// One JSON:API error object; with a field message, its `detail` and `source`.
struct Item<'a> {
    p: &'a Problem<'a>,
    field: Option<(&'a str, &'a str)>,
}

impl Serialize for Item<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        // The status as a string, as JSON:API has it.
        map.serialize_entry("status", self.p.status().as_str())?;
        map.serialize_entry("code", self.p.code())?;
        map.serialize_entry("title", &self.p.message())?;
        if let Some((detail, pointer)) = self.field {
            map.serialize_entry("detail", detail)?;
            map.serialize_entry("source", &Source(pointer))?;
        }
        map.end()
    }
}

struct Source<'a>(&'a str);

impl Serialize for Source<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("pointer", self.0)?;
        map.end()
    }
}

struct Meta<'a>(&'a Problem<'a>);

impl Serialize for Meta<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        self.0.serialize_members(&mut map, &["requestId"])?;
        if let Some(id) = self.0.context().correlation_id() {
            map.serialize_entry("requestId", id)?;
        }
        map.end()
    }
}

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
            {"status": "422", "code": "INVALID_ARTICLE", "title": "Article is invalid", "detail": "is too short", "source": {"pointer": "/data/attributes/title"}},
            {"status": "422", "code": "INVALID_ARTICLE", "title": "Article is invalid", "detail": "is too long", "source": {"pointer": "/data/attributes/tags/1"}}
        ],
        "meta": {"requestId": "req-7"}
    });
    assert_body(&Envelope::new(&err).with_context(&context), &expected);
    assert_exact(
        &Envelope::new(&err).with_context(&context),
        concat!(
            r#"{"jsonapi":{"version":"1.1"},"errors":["#,
            r#"{"status":"422","code":"INVALID_ARTICLE","title":"Article is invalid","detail":"can't be blank","source":{"pointer":"/data/attributes/title"}},"#,
            r#"{"status":"422","code":"INVALID_ARTICLE","title":"Article is invalid","detail":"is too short","source":{"pointer":"/data/attributes/title"}},"#,
            r#"{"status":"422","code":"INVALID_ARTICLE","title":"Article is invalid","detail":"is too long","source":{"pointer":"/data/attributes/tags/1"}}"#,
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
