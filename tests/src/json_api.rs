//! A format of the user's own, written once as a layout: the error documents of JSON:API 1.1
//! (<https://jsonapi.org/format/#error-objects>), a shape none of the built-in formats produce.
//! The status is a string, every field message is an error object of its own with a
//! `source.pointer` into the request document, extension members and the request id go into
//! `meta`, and a top-level `jsonapi` object names the version.
//!
//! The behaviour tests render, decode, type-check (TypeScript) and validate (OpenAPI 3.1)
//! through it exactly as through the built-in formats.

use apierr::format::{Format, Layout, Literal, Slot, Value};

/// `{"jsonapi":{"version":"1.1"},"errors":[{"status":"422","code","title","detail","source":
/// {"pointer":"/data/attributes/…"}}],"meta":{…members,"requestId"}}`.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonApi;

/// The version object every document has.
const JSONAPI: &[Slot<'static>] = &[Slot::new("version", Value::Literal(Literal::Str("1.1")))];

/// Where in the request document the field is.
const SOURCE: &[Slot<'static>] = &[Slot::new(
    "pointer",
    Value::FieldPointer {
        prefix: "/data/attributes",
    },
)
.doc("JSON Pointer to the attribute the error is about.")];

/// One error object: one per field message, or one for the whole request.
const ERROR: &[Slot<'static>] = &[
    Slot::new("status", Value::StatusString),
    Slot::new("code", Value::Code),
    Slot::new("title", Value::Message),
    Slot::new("detail", Value::FieldMessage),
    Slot::new("source", Value::ObjectUnlessEmpty(SOURCE)),
];

/// What is not part of an error object.
const META: &[Slot<'static>] = &[
    Slot::extensions(),
    Slot::new("requestId", Value::CorrelationId),
];

const LAYOUT: Layout<'static> = Layout::new(&[
    Slot::new("jsonapi", Value::Object(JSONAPI)).doc("The JSON:API version."),
    Slot::new("errors", Value::ErrorItems(ERROR)),
    Slot::new("meta", Value::ObjectUnlessEmpty(META)).doc("Extension members and the request id."),
]);

impl Format for JsonApi {
    fn content_type(&self) -> &'static str {
        "application/vnd.api+json"
    }

    fn layout(&self) -> &Layout<'_> {
        &LAYOUT
    }
}
