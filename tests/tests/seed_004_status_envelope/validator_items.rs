//! express-validator's items with the rejected value and its location.

use apierr::{Envelope, FieldErrors};

use crate::AmnError;
use crate::common::assert_exact;

/// express-validator's items also carry the rejected `value` and its `location`: rendered
/// when the entry has them, in express-validator's order, the echoed value bounded.
#[test]
fn express_validator_items_with_value_and_location() {
    use apierr::Violation;

    let mut fields = FieldErrors::new();
    fields.push(
        "email",
        Violation::from_message("Please provide a valid email")
            .with_value("not-an-email")
            .with_location("body"),
    );
    fields.push(
        "page",
        Violation::from_message("Invalid value")
            .with_value(-1)
            .with_location("query"),
    );
    fields.push(
        "password",
        Violation::from_message("Password must be at least 8 characters long"),
    );
    // A hostile value: cut, whichever way the entry is added.
    fields.push(
        "name",
        Violation::from_message("Name is too long").with_value("n".repeat(100_000)),
    );
    let err = AmnError::Validation(fields.clone());
    let cut = format!(
        "{}…",
        "n".repeat(apierr::limits::MAX_FIELD_VALUE_LEN - '…'.len_utf8())
    );
    let envelope = Envelope::new(&err).with_format(&apierr::format::StatusEnvelope);
    // `FieldErrors::as_items` writes the same items, and a client reads them back.
    assert_eq!(
        serde_json::to_value(fields.as_items()).unwrap(),
        envelope.to_value().unwrap()["data"]
    );
    let decoded = apierr::decode::Decode::decode(
        &apierr::format::StatusEnvelope,
        &envelope.to_vec().unwrap(),
    )
    .unwrap();
    let sent: Vec<_> = fields.entries().collect();
    let read: Vec<_> = decoded.fields.entries().collect();
    assert_eq!(read, sent);
    assert_exact(
        &envelope,
        &format!(
            r#"{{"success":false,"message":"Validation failed","error":"Validation Error","statusCode":400,"data":[{{"type":"field","value":"not-an-email","path":"email","msg":"Please provide a valid email","location":"body"}},{{"type":"field","value":-1,"path":"page","msg":"Invalid value","location":"query"}},{{"type":"field","path":"password","msg":"Password must be at least 8 characters long"}},{{"type":"field","value":"{cut}","path":"name","msg":"Name is too long"}}]}}"#
        ),
    );
}
