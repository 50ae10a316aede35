//! The ad-hoc shapes of legacy routes and the webhook, as formats of their own.

use apierr::format::{Format, Layout, Slot, Value};
use apierr::{ApiError, Envelope};
use serde_json::json;

use crate::common::{assert_body, assert_exact};
use crate::{AmnError, NOT_THE_BUYER_FA, WRONG_DELIVERY_CODE_FA};

/// The ad-hoc shapes of legacy routes, which the document names without a sample value.
enum Legacy {
    /// `{ "error": "..." }`
    ErrorOnly,
    /// `{ "success": false, "message": "..." }`
    SuccessMessage,
    /// `{ success: false }`, the webhook's answer to a bad signature.
    SuccessOnly,
}

impl Format for Legacy {
    fn layout(&self) -> &Layout<'_> {
        const ERROR_ONLY: Layout<'static> = Layout::new(&[Slot::new("error", Value::Message)]);
        const SUCCESS_MESSAGE: Layout<'static> = Layout::new(&[
            Slot::new("success", Value::FALSE),
            Slot::new("message", Value::Message),
        ]);
        const SUCCESS_ONLY: Layout<'static> = Layout::new(&[Slot::new("success", Value::FALSE)]);
        match self {
            Legacy::ErrorOnly => &ERROR_ONLY,
            Legacy::SuccessMessage => &SUCCESS_MESSAGE,
            Legacy::SuccessOnly => &SUCCESS_ONLY,
        }
    }
}

/// "Legacy routes … return ad-hoc shapes such as { "error": "..." } or { "success": false,
/// "message": "..." }", with the Persian messages the document quotes.
#[test]
fn legacy_shapes() {
    let not_buyer = AmnError::NotTheBuyer;
    assert_body(
        &Envelope::new(&not_buyer).with_format(&Legacy::ErrorOnly),
        &json!({ "error": NOT_THE_BUYER_FA }),
    );
    let wrong_code = AmnError::WrongDeliveryCode;
    assert_body(
        &Envelope::new(&wrong_code).with_format(&Legacy::SuccessMessage),
        &json!({ "success": false, "message": WRONG_DELIVERY_CODE_FA }),
    );
    assert_exact(
        &Envelope::new(&wrong_code).with_format(&Legacy::SuccessMessage),
        r#"{"success":false,"message":"کد تحویل نادرست است"}"#,
    );
}

/// Webhook: a signature mismatch is answered `401 { success: false }`.
#[test]
fn webhook_signature_mismatch() {
    let err = AmnError::WebhookSignature;
    assert_eq!(err.status().as_u16(), 401);
    assert_body(
        &Envelope::new(&err).with_format(&Legacy::SuccessOnly),
        &json!({ "success": false }),
    );
}
