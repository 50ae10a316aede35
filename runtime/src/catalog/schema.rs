//! The JSON Schema (2020-12, the dialect of OpenAPI 3.1) of a format's bodies, from its layout.
//!
//! An object that takes the error's extension members (a [`Slot::extensions`]) says
//! `additionalProperties: true`, so that code generators (openapi-typescript) give it an index
//! signature rather than dropping the members real bodies have.

use serde_json::{Map, Value as Json, json};

use crate::Spec;
use crate::format::{Layout, Literal, Place, Slot, Value};
use crate::problem::Kebab;

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
    object(layout.slots(), true, Place::Body, None)
}

/// [`json_schema`] with the error's code an `enum` of `codes` (the codes of one response):
/// clients then see which codes a response can hold, as the catalogue's TypeScript union does.
#[cfg(feature = "utoipa")]
pub(crate) fn json_schema_of(layout: &Layout<'_>, codes: &[&Spec]) -> Json {
    object(layout.slots(), true, Place::Body, Some(codes))
}

/// Only what leads to the error's code in `layout`, the code an `enum` of `codes`: what one
/// response adds, with `allOf`, to an envelope schema shared as a component. `None` when the
/// body has no code outside lists.
#[cfg(feature = "utoipa")]
pub(crate) fn code_constraint(layout: &Layout<'_>, codes: &[&Spec]) -> Option<Json> {
    fn walk(slots: &[Slot<'_>], codes: &[&Spec]) -> Option<Json> {
        let mut properties = Map::new();
        let mut required = Vec::new();
        for slot in slots {
            let schema = match slot.value() {
                Value::Object(inner) | Value::ObjectUnlessEmpty(inner) => walk(inner, codes),
                value => code_enum(value, codes),
            };
            if let Some(schema) = schema {
                properties.insert(slot.name().to_owned(), schema);
                if slot.value().is_required(Place::Body) {
                    required.push(Json::from(slot.name()));
                }
            }
        }
        if properties.is_empty() {
            return None;
        }
        let mut schema = json!({"type": "object", "properties": properties});
        if !required.is_empty() {
            schema["required"] = required.into();
        }
        Some(schema)
    }
    walk(layout.slots(), codes)
}

/// The schema of a code value as the `enum` of `codes`; `None` for other values.
fn code_enum(value: &Value<'_>, codes: &[&Spec]) -> Option<Json> {
    let (ty, values): (Json, Vec<Json>) = match value {
        Value::Code => (
            "string".into(),
            codes.iter().map(|spec| spec.code().into()).collect(),
        ),
        Value::KebabCode => (
            "string".into(),
            codes
                .iter()
                .map(|spec| Kebab(spec.code()).to_string().into())
                .collect(),
        ),
        Value::NumericCode => {
            let values: Vec<Json> = codes
                .iter()
                .map(|spec| match spec.code().parse::<u64>() {
                    Ok(number) if spec.is_code_numeric() => number.into(),
                    _ => spec.code().into(),
                })
                .collect();
            let ty = match (
                values.iter().any(Json::is_number),
                values.iter().any(Json::is_string),
            ) {
                (true, true) => json!(["integer", "string"]),
                (true, false) => "integer".into(),
                _ => "string".into(),
            };
            (ty, values)
        }
        _ => return None,
    };
    let mut unique: Vec<Json> = Vec::with_capacity(values.len());
    for value in values {
        if !unique.contains(&value) {
            unique.push(value);
        }
    }
    Some(json!({"type": ty, "enum": unique}))
}

/// An object of `slots`; `documented` for the members of bodies and nested objects (items
/// carry no descriptions), at `place`; with `codes`, the code is an `enum` of them.
fn object(slots: &[Slot<'_>], documented: bool, place: Place, codes: Option<&[&Spec]>) -> Json {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for slot in slots {
        let schema = match codes {
            // A list's items may hold sub-errors' codes, which need not be the catalogue's.
            Some(codes) if place == Place::Body => code_enum(slot.value(), codes),
            _ => None,
        };
        let Some(mut schema) =
            schema.or_else(|| value_schema(slot.value(), documented, place, codes))
        else {
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
    if slots.iter().any(Slot::is_extensions) {
        schema["additionalProperties"] = true.into();
    }
    schema
}

fn string() -> Json {
    json!({"type": "string"})
}

/// The schema of a value; `None` for what is never written.
fn value_schema(
    value: &Value<'_>,
    documented: bool,
    place: Place,
    codes: Option<&[&Spec]>,
) -> Option<Json> {
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
            json!({"type": "array", "items": object(item, false, Place::FieldItem, None)})
        }
        Value::ErrorItems(item) | Value::SubErrorItems(item) => {
            json!({"type": "array", "items": object(item, false, Place::ErrorItem, None)})
        }
        Value::Object(inner) | Value::ObjectUnlessEmpty(inner) => {
            object(inner, documented, place, codes)
        }
        // A declared code of digits is a number; any other stays a string.
        Value::NumericCode => json!({"type": ["integer", "string"]}),
        Value::FieldParams => json!({"type": "object"}),
        // Whatever the member's or parameter's `Serialize` writes.
        Value::FieldParam(_) | Value::Member(_) => json!({}),
        Value::Array(values) => {
            let items: Vec<Json> = values
                .iter()
                .filter_map(|value| value_schema(value, documented, place, None))
                .collect();
            json!({"type": "array", "items": {"anyOf": items}})
        }
        Value::Reserved | Value::Extensions => return None,
        _ => string(),
    })
}
