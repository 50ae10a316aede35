//! One hand-written serde envelope per built-in shape: what users write today.

use super::*;

#[derive(Serialize)]
struct NestedBody<'a> {
    success: bool,
    error: NestedInner<'a>,
}
#[derive(Serialize)]
struct NestedInner<'a> {
    code: &'a str,
    message: String,
    status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    fields: Option<BTreeMap<String, Vec<String>>>,
}
pub fn nested(e: &AuthError, out: &mut Vec<u8>) {
    serde_json::to_writer(
        out,
        &NestedBody {
            success: false,
            error: NestedInner {
                code: e.hand_code(),
                message: e.to_string(),
                status: e.hand_status(),
                fields: e.hand_fields(),
            },
        },
    )
    .unwrap()
}

#[derive(Serialize)]
struct Lists<'a> {
    code: &'a str,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<BTreeMap<String, Vec<String>>>,
}
pub fn field_lists(e: &AuthError, out: &mut Vec<u8>) {
    serde_json::to_writer(
        out,
        &Lists {
            code: e.hand_code(),
            message: e.to_string(),
            errors: e.hand_fields(),
        },
    )
    .unwrap()
}

#[derive(Serialize)]
struct Strings<'a> {
    code: &'a str,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    fields: Option<BTreeMap<String, String>>,
}
fn joined(e: &AuthError) -> Option<BTreeMap<String, String>> {
    e.hand_fields()
        .map(|m| m.into_iter().map(|(k, v)| (k, v.join("; "))).collect())
}
pub fn field_strings(e: &AuthError, out: &mut Vec<u8>) {
    serde_json::to_writer(
        out,
        &Strings {
            code: e.hand_code(),
            message: e.to_string(),
            fields: joined(e),
        },
    )
    .unwrap()
}

#[derive(Serialize)]
struct Flat<'a> {
    success: bool,
    error: String,
    code: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    details: Option<BTreeMap<String, String>>,
}
pub fn flat_details(e: &AuthError, out: &mut Vec<u8>) {
    serde_json::to_writer(
        out,
        &Flat {
            success: false,
            error: e.to_string(),
            code: e.hand_code(),
            details: joined(e),
        },
    )
    .unwrap()
}

#[derive(Serialize)]
struct Item {
    r#type: &'static str,
    path: String,
    msg: String,
}
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Status<'a> {
    success: bool,
    message: String,
    error: &'a str,
    status_code: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<Vec<Item>>,
}
pub fn status_envelope(e: &AuthError, out: &mut Vec<u8>) {
    let status = e.hand_status();
    serde_json::to_writer(
        out,
        &Status {
            success: false,
            message: e.to_string(),
            error: http::StatusCode::from_u16(status)
                .ok()
                .and_then(|s| s.canonical_reason())
                .unwrap_or("Error"),
            status_code: status,
            data: e.hand_fields().map(|m| {
                m.into_iter()
                    .flat_map(|(path, msgs)| {
                        msgs.into_iter().map(move |msg| Item {
                            r#type: "field",
                            path: path.clone(),
                            msg,
                        })
                    })
                    .collect()
            }),
        },
    )
    .unwrap()
}

#[derive(Serialize)]
struct Pointer {
    detail: String,
    pointer: String,
}
#[derive(Serialize)]
struct Problem<'a> {
    r#type: &'a str,
    title: &'a str,
    status: u16,
    detail: String,
    code: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<Vec<Pointer>>,
}
pub fn problem_details(e: &AuthError, out: &mut Vec<u8>) {
    let status = e.hand_status();
    serde_json::to_writer(
        out,
        &Problem {
            r#type: "about:blank",
            title: http::StatusCode::from_u16(status)
                .ok()
                .and_then(|s| s.canonical_reason())
                .unwrap_or("Error"),
            status,
            detail: e.to_string(),
            code: e.hand_code(),
            errors: e.hand_fields().map(|m| {
                m.into_iter()
                    .flat_map(|(path, msgs)| {
                        msgs.into_iter().map(move |detail| Pointer {
                            detail,
                            pointer: format!("#/{}", path.replace('.', "/")),
                        })
                    })
                    .collect()
            }),
        },
    )
    .unwrap()
}
