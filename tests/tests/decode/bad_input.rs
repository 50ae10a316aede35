//! Bodies of the wrong shape are named errors, and arbitrary bytes never panic.

use apierr::Envelope;
use apierr::decode::{Decode, DecodeError, Detect};
use apierr::format::{FieldLists, FieldStrings, FlatDetails, Nested, StatusEnvelope};

use crate::catalog_seeds::Seed000Error;
use crate::{PROBLEM_RENAMED, PROBLEM_TYPED, cases, context};

#[test]
fn wrong_shapes_are_named_errors() {
    assert!(matches!(
        Nested.decode(b"not json"),
        Err(DecodeError::Syntax(_))
    ));
    assert_eq!(Nested.decode(b"[1,2]"), Err(DecodeError::NotAnObject));
    assert_eq!(
        FieldLists.decode(br#"{"message":"m"}"#),
        Err(DecodeError::Missing("code"))
    );
    assert_eq!(
        Nested.decode(br#"{"success":false,"error":{"code":"C","message":"m","status":99999999999999999999999}}"#),
        Err(DecodeError::Invalid {
            member: "error.status".into(),
            expected: "an HTTP status"
        })
    );
    assert_eq!(
        StatusEnvelope.decode(br#"{"error":"E","statusCode":400.5}"#),
        Err(DecodeError::Invalid {
            member: "statusCode".into(),
            expected: "an HTTP status"
        })
    );
    assert_eq!(
        StatusEnvelope.decode(br#"{"error":"E","statusCode":400,"method":"GE T"}"#),
        Err(DecodeError::Invalid {
            member: "method".into(),
            expected: "an HTTP method"
        })
    );
    assert_eq!(
        FieldStrings.decode(br#"{"code":"C","message":"m","fields":["a"]}"#),
        Err(DecodeError::Invalid {
            member: "fields".into(),
            expected: "an object of field errors"
        })
    );
    assert_eq!(
        PROBLEM_TYPED.decode(
            br#"{"type":"about:blank","title":"T","errors":[{"detail":"d","pointer":"x"}]}"#
        ),
        Err(DecodeError::Invalid {
            member: "pointer".into(),
            expected: "a JSON Pointer"
        })
    );
    assert_eq!(
        Detect.decode(br#"{"ok":true}"#),
        Err(DecodeError::Unrecognized)
    );
    assert_eq!(
        Nested
            .decode(b"1e999")
            .map_err(|e| matches!(e, DecodeError::Syntax(_))),
        Err(true)
    );
}

#[test]
fn arbitrary_bytes_never_panic() {
    let decoders: [&dyn Decode; 7] = [
        &Nested,
        &FieldLists,
        &FieldStrings,
        &FlatDetails,
        &StatusEnvelope,
        &PROBLEM_RENAMED,
        &Detect,
    ];
    // Every prefix and single-byte change of real bodies, and a deterministic byte stream.
    let context = context();
    let mut inputs: Vec<Vec<u8>> = Vec::new();
    for error in Seed000Error::samples().iter().take(15) {
        for case in cases() {
            let body = Envelope::new(error)
                .with_context(&context)
                .with_format(case.render)
                .to_vec()
                .unwrap();
            for cut in (0..body.len()).step_by(7) {
                inputs.push(body[..cut].to_vec());
                let mut flipped = body.clone();
                flipped[cut] = flipped[cut].wrapping_add(0x25);
                inputs.push(flipped);
            }
        }
    }
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..2_000 {
        let len = (state % 64) as usize;
        let bytes = (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let alphabet = b"{}[]\":,0123456789e-+.truefalsnl \\uABCDxyz";
                alphabet[(state % alphabet.len() as u64) as usize]
            })
            .collect();
        inputs.push(bytes);
    }
    let mut decoded = 0;
    for input in &inputs {
        for decoder in decoders {
            if decoder.decode(input).is_ok() {
                decoded += 1;
            }
        }
    }
    // Mangled bodies mostly fail to decode, but some byte changes only alter a message.
    assert!(decoded > 0 && decoded < inputs.len() * decoders.len());
}
