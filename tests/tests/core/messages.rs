//! Interpolated messages: fields, positions and format specs.

use apierr::{ApiError, Envelope};
use serde_json::{Value, json};

use crate::common::assert_body;

#[derive(Debug, ApiError)]
enum PaymentError {
    #[api(code = "LIMIT", status = 400, message = "limit for {field} exceeded")]
    Limit { field: String },
    #[api(code = "NO_ITEM", status = 404, message = "no item {0} in cart {1}")]
    NoItem(u32, String),
    #[api(
        code = "LOW_BALANCE",
        status = 402,
        message = "balance {balance:.2} is below {amount:.2} {currency}"
    )]
    LowBalance {
        balance: f64,
        amount: f64,
        currency: &'static str,
    },
    #[api(
        code = "BAD_VALUE",
        status = 400,
        message = "bad {value:?}, mask {mask:#06x}, [{n:>4}]"
    )]
    BadValue { value: String, mask: u16, n: u8 },
    #[api(code = "BRACES", status = 400, message = "use {{braces}} literally")]
    Braces,
}

#[test]
fn message_interpolates_fields_positions_and_format_specs() {
    let err = PaymentError::Limit {
        field: "amount".to_owned(),
    };
    assert_eq!(err.message(), "limit for amount exceeded");
    assert_eq!(
        err.spec().message_template(),
        Some("limit for {field} exceeded")
    );
    assert_eq!(err.spec().static_message(), None);

    let err = PaymentError::NoItem(7, "c-9".to_owned());
    assert_eq!(err.message(), "no item 7 in cart c-9");

    let err = PaymentError::LowBalance {
        balance: 1234.5678,
        amount: 10.0,
        currency: "EUR",
    };
    assert_eq!(err.message(), "balance 1234.57 is below 10.00 EUR");
    assert_body(
        &Envelope::new(&err),
        &json!({"success": false, "error": {
            "code": "LOW_BALANCE", "message": "balance 1234.57 is below 10.00 EUR", "status": 402
        }}),
    );

    let err = PaymentError::BadValue {
        value: "a\"b".to_owned(),
        mask: 0xbeef,
        n: 7,
    };
    assert_eq!(err.message(), r#"bad "a\"b", mask 0xbeef, [   7]"#);
    // Escaped correctly in the body.
    let body: Value = serde_json::from_slice(&Envelope::new(&err).to_vec().unwrap()).unwrap();
    assert_eq!(
        body["error"]["message"],
        r#"bad "a\"b", mask 0xbeef, [   7]"#
    );

    let err = PaymentError::Braces;
    assert_eq!(err.message(), "use {braces} literally");
    assert_eq!(err.spec().static_message(), Some("use {braces} literally"));
    assert_eq!(
        err.spec().message_template(),
        Some("use {{braces}} literally")
    );
}
