//! Field errors and members in each format.

use apierr::{ApiError, Envelope, FieldErrors};
use serde_json::json;

use crate::common::assert_body;
use crate::{full_context, six_formats};

#[derive(Debug, ApiError)]
enum FormError {
    #[api(
        code = "INVALID_FORM",
        status = 422,
        title = "Invalid form",
        message = "Form is invalid"
    )]
    Invalid {
        #[api(fields)]
        fields: FieldErrors,
        #[api(member = "formId")]
        form: &'static str,
        #[api(member)]
        attempt: u8,
    },
}

#[test]
fn field_errors_and_members_in_each_format() {
    let err = FormError::Invalid {
        fields: FieldErrors::new()
            .with("email", "is required")
            .with("address.zip", "is too short")
            .with("address.zip", "must be digits"),
        form: "signup",
        attempt: 2,
    };
    let context = full_context();
    let lists =
        json!({"email": ["is required"], "address.zip": ["is too short", "must be digits"]});
    let strings = json!({"email": "is required", "address.zip": "is too short; must be digits"});
    let expected = [
        json!({"success": false, "error": {
            "code": "INVALID_FORM", "message": "Form is invalid", "status": 422,
            "fields": lists, "formId": "signup", "attempt": 2
        }}),
        json!({
            "code": "INVALID_FORM", "message": "Form is invalid", "errors": lists,
            "correlationId": "c-1", "formId": "signup", "attempt": 2
        }),
        json!({
            "code": "INVALID_FORM", "message": "Form is invalid", "fields": strings,
            "formId": "signup", "attempt": 2
        }),
        json!({
            "success": false, "error": "Form is invalid", "code": "INVALID_FORM",
            "details": strings, "formId": "signup", "attempt": 2
        }),
        json!({
            "success": false, "message": "Form is invalid", "error": "Unprocessable Entity",
            "statusCode": 422, "timestamp": "2026-05-23T10:00:00.000Z",
            "path": "/forms/signup", "method": "POST",
            "data": [
                {"type": "field", "path": "email", "msg": "is required"},
                {"type": "field", "path": "address.zip", "msg": "is too short"},
                {"type": "field", "path": "address.zip", "msg": "must be digits"}
            ],
            "formId": "signup", "attempt": 2
        }),
        json!({
            "type": "about:blank", "title": "Invalid form", "status": 422,
            "detail": "Form is invalid", "instance": "/forms/signup/1", "code": "INVALID_FORM",
            "errors": [
                {"detail": "is required", "pointer": "#/email"},
                {"detail": "is too short", "pointer": "#/address/zip"},
                {"detail": "must be digits", "pointer": "#/address/zip"}
            ],
            "formId": "signup", "attempt": 2
        }),
    ];
    for ((name, format), expected) in six_formats().into_iter().zip(expected) {
        let envelope = Envelope::new(&err)
            .with_format(format)
            .with_context(&context);
        let value = envelope.to_value().unwrap();
        assert_eq!(value, expected, "{name}");
        assert_body(&envelope, &expected);
    }

    // Empty field errors are left out everywhere.
    let empty = FormError::Invalid {
        fields: FieldErrors::new(),
        form: "signup",
        attempt: 1,
    };
    for (name, format) in six_formats() {
        let value = Envelope::new(&empty)
            .with_format(format)
            .to_value()
            .unwrap();
        let keys = ["fields", "errors", "details", "data"];
        let nested = value
            .get("error")
            .filter(|inner| inner.is_object())
            .unwrap_or(&value);
        for key in keys {
            assert!(
                value.get(key).is_none() && nested.get(key).is_none(),
                "{name}: {value}"
            );
        }
    }
}
