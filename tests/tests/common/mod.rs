//! What every acceptance test file shares.

use apierr::Envelope;
use serde_json::Value;

/// Asserts that `envelope` renders as `expected` both ways a body is produced: as a JSON value
/// (`to_value`) and as bytes (`to_vec`) parsed back.
#[track_caller]
pub fn assert_body(envelope: &Envelope<'_>, expected: &Value) {
    let value = envelope.to_value().expect("the body renders as a value");
    assert_eq!(&value, expected, "Envelope::to_value");
    let bytes = envelope.to_vec().expect("the body renders as bytes");
    let parsed: Value = serde_json::from_slice(&bytes).unwrap_or_else(|error| {
        panic!(
            "to_vec is not JSON ({error}): {}",
            String::from_utf8_lossy(&bytes)
        )
    });
    assert_eq!(
        &parsed,
        expected,
        "Envelope::to_vec: {}",
        String::from_utf8_lossy(&bytes)
    );
}

/// Asserts that `envelope` renders as exactly `expected` (compact JSON, keys in the document's
/// order), byte for byte, and as the same JSON value.
#[track_caller]
pub fn assert_exact(envelope: &Envelope<'_>, expected: &str) {
    let bytes = envelope.to_vec().expect("the body renders as bytes");
    assert_eq!(String::from_utf8(bytes).expect("UTF-8"), expected);
    let expected: Value = serde_json::from_str(expected).expect("the expected body is JSON");
    assert_eq!(envelope.to_value().expect("the body renders"), expected);
}
