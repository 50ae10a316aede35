//! A JSON Schema check for the keywords apierr's generated schemas use (`type`, `enum`,
//! `properties`, `required`, `additionalProperties`, `items`, `anyOf`, `minimum`, `maximum`):
//! enough to hold a body against the schema of its format without a validator crate.

use serde_json::Value;

/// Whether `value` is valid against `schema`; the error names where it is not.
///
/// # Errors
/// The first place where `value` breaks `schema`, and why.
pub fn check(schema: &Value, value: &Value) -> Result<(), String> {
    at(schema, value, "")
}

fn at(schema: &Value, value: &Value, path: &str) -> Result<(), String> {
    let fail = |why: String| {
        Err(format!(
            "{}: {why}",
            if path.is_empty() { "/" } else { path }
        ))
    };
    if let Some(types) = schema.get("type") {
        let types: Vec<&str> = match types {
            Value::String(one) => vec![one.as_str()],
            Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
            _ => return fail(format!("bad type keyword {types}")),
        };
        if !types.iter().any(|ty| is(ty, value)) {
            return fail(format!("{value} is not of type {types:?}"));
        }
    }
    if let Some(Value::Array(allowed)) = schema.get("enum")
        && !allowed.contains(value)
    {
        return fail(format!("{value} is not one of {allowed:?}"));
    }
    if let (Some(min), Some(n)) = (
        schema.get("minimum").and_then(Value::as_f64),
        value.as_f64(),
    ) && n < min
    {
        return fail(format!("{n} < {min}"));
    }
    if let (Some(max), Some(n)) = (
        schema.get("maximum").and_then(Value::as_f64),
        value.as_f64(),
    ) && n > max
    {
        return fail(format!("{n} > {max}"));
    }
    if let Some(Value::Array(options)) = schema.get("anyOf")
        && !options.iter().any(|option| at(option, value, path).is_ok())
    {
        return fail(format!("{value} matches none of anyOf"));
    }
    if let Value::Object(object) = value {
        let properties = schema.get("properties").and_then(Value::as_object);
        if let Some(Value::Array(required)) = schema.get("required") {
            for name in required.iter().filter_map(Value::as_str) {
                if !object.contains_key(name) {
                    return fail(format!("required member `{name}` is missing"));
                }
            }
        }
        for (name, member) in object {
            let inner = format!("{path}/{name}");
            match (
                properties.and_then(|p| p.get(name)),
                schema.get("additionalProperties"),
            ) {
                (Some(property), _) => at(property, member, &inner)?,
                (None, Some(Value::Bool(false))) => {
                    return fail(format!("member `{name}` is not allowed"));
                }
                (None, Some(additional @ Value::Object(_))) => at(additional, member, &inner)?,
                (None, _) => {}
            }
        }
    }
    if let (Value::Array(items), Some(schema)) = (value, schema.get("items")) {
        for (i, item) in items.iter().enumerate() {
            at(schema, item, &format!("{path}/{i}"))?;
        }
    }
    Ok(())
}

fn is(ty: &str, value: &Value) -> bool {
    match ty {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::check;

    #[test]
    fn finds_what_breaks_a_schema() {
        let schema = json!({
            "type": "object",
            "required": ["code"],
            "properties": {
                "code": {"type": "string"},
                "items": {"type": "array", "items": {"anyOf": [{"type": "integer", "maximum": 5}]}},
            },
            "additionalProperties": false,
        });
        assert!(check(&schema, &json!({"code": "A", "items": [1, 5]})).is_ok());
        assert!(
            check(&schema, &json!({"items": []}))
                .unwrap_err()
                .contains("`code`")
        );
        assert!(check(&schema, &json!({"code": 1})).is_err());
        assert!(check(&schema, &json!({"code": "A", "items": [6]})).is_err());
        assert!(check(&schema, &json!({"code": "A", "other": 1})).is_err());
    }
}
