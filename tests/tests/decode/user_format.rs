//! A format of the user's own decodes by its layout, and a decoder written by hand.

use apierr::decode::{Decode, DecodeError, Decoded};
use apierr::format::{Format, Layout, Literal, Slot, Value as Slotted};
use apierr::{ApiError, Envelope, HasCodeEnum};
use serde_json::Value;

use crate::catalog_seeds::{self, Seed003Error};

/// A format of the user's own: it decodes by its layout, as the built-in ones do.
struct Legacy;

impl Format for Legacy {
    fn layout(&self) -> &Layout<'_> {
        const LAYOUT: Layout<'static> = Layout::new(&[
            Slot::new("status", Slotted::Literal(Literal::Str("error"))),
            Slot::new("type", Slotted::Code),
            Slot::new("http", Slotted::StatusString),
            Slot::new("text", Slotted::Message),
        ]);
        &LAYOUT
    }
}

/// Bodies no format writes: read by hand.
struct ByHand;

impl Decode for ByHand {
    fn decode_value(&self, body: &Value) -> Result<Decoded, DecodeError> {
        let text = |name: &'static str| {
            body.get(name)
                .and_then(Value::as_str)
                .ok_or(DecodeError::Missing(name))
        };
        Ok(Decoded::new(text("type")?, text("text")?))
    }
}

#[test]
fn a_user_format_decodes_by_its_layout() {
    for error in Seed003Error::samples() {
        let body = Envelope::new(&error).with_format(&Legacy).to_vec().unwrap();
        let typed = Legacy
            .decode(&body)
            .unwrap()
            .typed::<catalog_seeds::Seed003ErrorCode>();
        assert_eq!(typed.code, error.code_enum());
        assert_eq!(typed.message(), error.message());
        assert_eq!(typed.body.status, Some(error.status()));
    }
    assert_eq!(
        Legacy.decode(br#"{"type":"X","text":"t","http":"99999"}"#),
        Err(DecodeError::Invalid {
            member: "http".into(),
            expected: "an HTTP status"
        })
    );
    let by_hand = ByHand.decode(br#"{"type":"X","text":"t"}"#).unwrap();
    assert_eq!(
        (by_hand.code.as_str(), by_hand.message.as_str()),
        ("X", "t")
    );
    assert_eq!(
        ByHand.decode(br#"{"text":"t"}"#),
        Err(DecodeError::Missing("type"))
    );
}
