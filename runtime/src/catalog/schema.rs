//! The JSON Schema (2020-12, the dialect of OpenAPI 3.1) of a format's bodies, from its layout.

use serde_json::{Map, Value as Json, json};

use crate::format::{Layout, Literal, Place, Slot, Value};

/// The JSON Schema of the bodies `layout` describes: each member's type, documentation and
/// whether every body has it.
///
/// ```
/// use apierr::format::{FieldStrings, Format};
///
/// let schema = apierr::catalog::json_schema(FieldStrings.layout());
/// assert_eq!(schema["required"], serde_json::json!(["code", "message"]));
/// assert_eq!(schema["properties"]["fields"]["additionalProperties"], serde_json::json!({"type": "string"}));
/// ```
#[must_use]
pub fn json_schema(layout: &Layout<'_>) -> Json {
    object(layout.slots(), true, Place::Body)
}

/// An object of `slots`; `documented` for the members of bodies and nested objects (items
/// carry no descriptions), at `place`.
fn object(slots: &[Slot<'_>], documented: bool, place: Place) -> Json {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for slot in slots {
        let Some(mut schema) = value_schema(slot.value(), documented, place) else {
            continue;
        };
        let doc = if documented {
            slot.documentation()
        } else {
            slot.explicit_doc().unwrap_or("")
        };
        if !doc.is_empty() {
            schema["description"] = doc.into();
        }
        properties.insert(slot.name().to_owned(), schema);
        if slot.value().is_required(place) {
            required.push(Json::from(slot.name()));
        }
    }
    let mut schema = json!({"type": "object", "properties": properties});
    if !required.is_empty() {
        schema["required"] = required.into();
    }
    schema
}

fn string() -> Json {
    json!({"type": "string"})
}

/// The schema of a value; `None` for what is never written.
fn value_schema(value: &Value<'_>, documented: bool, place: Place) -> Option<Json> {
    Some(match value {
        Value::Literal(Literal::Bool(value)) => json!({"type": "boolean", "enum": [value]}),
        Value::Literal(Literal::Str(text)) => json!({"type": "string", "enum": [text]}),
        Value::Status => json!({"type": "integer", "minimum": 100, "maximum": 599}),
        Value::Timestamp => json!({"type": "string", "format": "date-time"}),
        Value::FieldMapOfLists => json!({
            "type": "object",
            "additionalProperties": {"type": "array", "items": string()},
        }),
        Value::FieldMapOfStrings => json!({"type": "object", "additionalProperties": string()}),
        Value::FieldItems(item) => {
            json!({"type": "array", "items": object(item, false, Place::FieldItem)})
        }
        Value::ErrorItems(item) | Value::SubErrorItems(item) => {
            json!({"type": "array", "items": object(item, false, Place::ErrorItem)})
        }
        Value::Object(inner) | Value::ObjectUnlessEmpty(inner) => object(inner, documented, place),
        // A declared code of digits is a number; any other stays a string.
        Value::NumericCode => json!({"type": ["integer", "string"]}),
        Value::FieldParams => json!({"type": "object"}),
        // Whatever the member's or parameter's `Serialize` writes.
        Value::FieldParam(_) | Value::Member(_) => json!({}),
        Value::Array(values) => {
            let items: Vec<Json> = values
                .iter()
                .filter_map(|value| value_schema(value, documented, place))
                .collect();
            json!({"type": "array", "items": {"anyOf": items}})
        }
        Value::Reserved | Value::Extensions => return None,
        _ => string(),
    })
}
