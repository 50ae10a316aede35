//! Client decoding: every built-in format's body, for every seed-style enum, reads back to the
//! code, message, status, field errors, context and members it was rendered from.

mod catalog_seeds;

use apierr::decode::{Decode, DecodeError, Decoded, Detect, parse_pointer};
use apierr::format::{
    AnyFormat, FieldLists, FieldStrings, FlatDetails, Format, Layout, Literal, Nested,
    ProblemDetails, Slot, StatusEnvelope, Value as Slotted,
};
use apierr::{
    ApiError, Context, CorrelationId, Envelope, ErrorCode, FieldErrors, FieldPath, HasCodeEnum,
    Problem, Timestamp,
};
use catalog_seeds::{
    AuthSessionError, AuthSessionErrorCode, Seed000Error, Seed000ErrorCode, Seed001Error,
    Seed002Error, Seed003Error, Seed004Error,
};
use http::{Method, StatusCode};
use serde_json::{Map, Value, json};

static PROBLEM_TYPED: ProblemDetails =
    ProblemDetails::new().with_type_base("https://example.com/probs/");
static PROBLEM_RENAMED: ProblemDetails = ProblemDetails::new()
    .with_code_member(Some("errorCode"))
    .without_status();
static PROBLEM_CODELESS: ProblemDetails = ProblemDetails::new().with_code_member(None);

/// How a format carries what the tests compare.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Carries {
    Nested,
    FieldLists,
    FieldStrings,
    FlatDetails,
    StatusEnvelope,
    /// RFC 9457: with or without `status`, and the code in a member or only in `type`.
    Problem {
        status: bool,
        code: bool,
    },
}

struct Case {
    name: &'static str,
    render: &'static dyn AnyFormat,
    decode: &'static dyn Decode,
    carries: Carries,
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "nested",
            render: &Nested,
            decode: &Nested,
            carries: Carries::Nested,
        },
        Case {
            name: "field-lists",
            render: &FieldLists,
            decode: &FieldLists,
            carries: Carries::FieldLists,
        },
        Case {
            name: "field-strings",
            render: &FieldStrings,
            decode: &FieldStrings,
            carries: Carries::FieldStrings,
        },
        Case {
            name: "flat-details",
            render: &FlatDetails,
            decode: &FlatDetails,
            carries: Carries::FlatDetails,
        },
        Case {
            name: "status-envelope",
            render: &StatusEnvelope,
            decode: &StatusEnvelope,
            carries: Carries::StatusEnvelope,
        },
        Case {
            name: "problem-details",
            render: &PROBLEM_TYPED,
            decode: &PROBLEM_TYPED,
            carries: Carries::Problem {
                status: true,
                code: true,
            },
        },
        Case {
            name: "problem-details renamed code",
            render: &PROBLEM_RENAMED,
            decode: &PROBLEM_RENAMED,
            carries: Carries::Problem {
                status: false,
                code: true,
            },
        },
        Case {
            name: "problem-details without code",
            render: &PROBLEM_CODELESS,
            decode: &PROBLEM_CODELESS,
            carries: Carries::Problem {
                status: true,
                code: false,
            },
        },
    ]
}

fn context() -> Context {
    Context::new()
        .with_correlation_id(CorrelationId::new("abc-123-def").unwrap())
        .with_timestamp(Timestamp::from_unix_millis(1_779_530_400_000).unwrap())
        .with_path("/api/auth/register")
        .with_method(Method::POST)
        .with_instance("/account/12345/msgs/abc")
}

/// The field errors as a format that joins several messages into one string gives them back.
fn joined(fields: &FieldErrors) -> FieldErrors {
    fields
        .iter()
        .map(|field| {
            (
                field.path().clone(),
                field.messages().collect::<Vec<_>>().join("; "),
            )
        })
        .collect()
}

/// The field errors in the order a JSON object gives them back: by dotted path. (Lists of
/// items keep the rendered order.)
fn sorted(fields: &FieldErrors) -> FieldErrors {
    let mut entries: Vec<_> = fields.iter().collect();
    entries.sort_by_key(|field| field.path().to_string());
    let mut out = FieldErrors::new();
    for field in entries {
        for message in field.messages() {
            out.add(field.path().clone(), message.to_owned());
        }
    }
    out
}

fn members(error: &dyn ApiError, context: &Context) -> Map<String, Value> {
    match serde_json::to_value(Problem::new(error, context).members()).unwrap() {
        Value::Object(map) => map,
        other => panic!("members are a map, not {other}"),
    }
}

/// Renders every sample in every format, decodes it, and compares everything.
///
/// `StatusEnvelope` bodies carry a category instead of a code; `ambiguous` lists the codes
/// whose category (or reason phrase), status and message do not single them out among their
/// type's codes, and which therefore decode to `Unknown`.
fn round_trip<E: HasCodeEnum>(samples: &[E], ambiguous: &[&str]) -> usize {
    let context = context();
    let mut checked = 0;
    for error in samples {
        let spec = error.spec();
        let status = error.status();
        let stand_in = spec
            .category()
            .unwrap_or_else(|| status.canonical_reason().unwrap());
        for case in cases() {
            let what = format!("{} in {}", error.code(), case.name);
            let body = Envelope::new(error)
                .with_context(&context)
                .with_format(case.render)
                .to_vec()
                .unwrap();
            let decoded = case
                .decode
                .decode(&body)
                .unwrap_or_else(|e| panic!("{what}: {e}: {}", String::from_utf8_lossy(&body)));

            // A problem without a code member has only its type, `about:blank` without a base.
            let code = match case.carries {
                Carries::StatusEnvelope => stand_in.to_owned(),
                Carries::Problem { code: false, .. } => "about:blank".to_owned(),
                _ => error.code().to_owned(),
            };
            assert_eq!(decoded.code, code, "{what}");
            assert_eq!(decoded.message, error.message(), "{what}");

            let body_status = match case.carries {
                Carries::Nested | Carries::StatusEnvelope => true,
                Carries::Problem { status, .. } => status,
                _ => false,
            };
            assert_eq!(decoded.status, body_status.then_some(status), "{what}");

            let fields = error.field_errors().cloned().unwrap_or_default();
            let fields = match case.carries {
                Carries::FieldStrings | Carries::FlatDetails => sorted(&joined(&fields)),
                Carries::Nested | Carries::FieldLists => sorted(&fields),
                Carries::StatusEnvelope | Carries::Problem { .. } => fields,
            };
            assert_eq!(decoded.fields, fields, "{what}");

            let has = |c: Carries| case.carries == c;
            assert_eq!(
                decoded.correlation_id.as_deref(),
                has(Carries::FieldLists).then_some("abc-123-def"),
                "{what}"
            );
            let status_envelope = has(Carries::StatusEnvelope);
            assert_eq!(
                decoded.timestamp.as_deref(),
                status_envelope.then_some("2026-05-23T10:00:00.000Z"),
                "{what}"
            );
            assert_eq!(
                decoded.path.as_deref(),
                status_envelope.then_some("/api/auth/register")
            );
            assert_eq!(decoded.method, status_envelope.then_some(Method::POST));
            assert_eq!(
                decoded.category.as_deref(),
                status_envelope.then_some(stand_in)
            );
            let problem = matches!(case.carries, Carries::Problem { .. });
            assert_eq!(
                decoded.instance.as_deref(),
                problem.then_some("/account/12345/msgs/abc"),
                "{what}"
            );
            assert_eq!(decoded.members, members(error, &context), "{what}");
            assert_eq!(decoded.debug_detail, None);

            // With the response's status, every format gives the status.
            let answered = case.decode.decode_response(status, &body).unwrap();
            assert_eq!(answered.status, Some(status), "{what}");

            // The typed code: exact, except where the body cannot single it out.
            let typed = decoded.clone().typed_for::<E>();
            let no_code = matches!(case.carries, Carries::Problem { code: false, .. });
            if (status_envelope && ambiguous.contains(&error.code())) || no_code {
                assert_eq!(typed.code, E::Code::from_code(&code), "{what}");
                assert!(typed.code.is_unknown(), "{what}");
            } else {
                assert_eq!(typed.code, error.code_enum(), "{what}");
                assert_eq!(typed.status(), Some(status), "{what}");
            }

            // Told apart by its members alone, the body reads the same (except a renamed code
            // member, which only its format knows).
            if case.name != "problem-details renamed code" {
                assert_eq!(Detect.decode(&body).unwrap(), decoded, "{what} detected");
            }
            checked += 1;
        }
    }
    checked
}

#[test]
fn seed_000_round_trips_in_every_format() {
    let samples = Seed000Error::samples();
    assert_eq!(samples.len(), 24);
    // Every category has a single code per status and message: none is ambiguous.
    assert_eq!(round_trip(&samples, &[]), 24 * 8);
}

#[test]
fn seed_001_round_trips_in_every_format() {
    // Without categories a StatusEnvelope body says only "Unauthorized" for both 401s, whose
    // messages are fixed and tell them apart; only the interpolated 409 message is not fixed,
    // but it is the only 409.
    assert_eq!(round_trip(&Seed001Error::samples(), &[]), 8 * 8);
}

#[test]
fn seed_002_round_trips_in_every_format() {
    // Three 400s named "Bad Request"; two have interpolated messages that no spec can match.
    assert_eq!(
        round_trip(
            &Seed002Error::samples(),
            &["BAD_REQUEST", "INSUFFICIENT_FUNDS"]
        ),
        6 * 8
    );
}

#[test]
fn seed_003_round_trips_in_every_format() {
    assert_eq!(round_trip(&Seed003Error::samples(), &[]), 6 * 8);
}

#[test]
fn seed_004_round_trips_in_every_format() {
    assert_eq!(round_trip(&Seed004Error::samples(), &[]), 7 * 8);
}

#[test]
fn a_client_matches_exhaustively_and_unknown_codes_are_values() {
    let body = br#"{"success":false,"error":{"code":"2FA_REQUIRED","message":"Two-factor authentication is required","status":401}}"#;
    let error = Nested.decode(body).unwrap().typed::<Seed000ErrorCode>();
    let next = match &error.code {
        Seed000ErrorCode::Auth(AuthSessionErrorCode::AccountLocked) => "Account locked.",
        Seed000ErrorCode::Auth(AuthSessionErrorCode::TwoFactorRequired) => "/2fa",
        Seed000ErrorCode::Auth(_)
        | Seed000ErrorCode::Authorization(_)
        | Seed000ErrorCode::Input(_)
        | Seed000ErrorCode::Business(_)
        | Seed000ErrorCode::RateLimiting(_)
        | Seed000ErrorCode::Internal(_) => "other",
        Seed000ErrorCode::Unknown(_) => "unknown",
    };
    assert_eq!(next, "/2fa");
    assert_eq!(
        error.to_string(),
        "2FA_REQUIRED (401): Two-factor authentication is required"
    );

    let newer = br#"{"success":false,"error":{"code":"PASSKEY_REQUIRED","message":"Use your passkey","status":401}}"#;
    let error = Nested.decode(newer).unwrap().typed::<Seed000ErrorCode>();
    assert_eq!(
        error.code,
        Seed000ErrorCode::Unknown("PASSKEY_REQUIRED".to_owned())
    );
    assert_eq!(error.status(), Some(StatusCode::UNAUTHORIZED));
    assert_eq!(error.message(), "Use your passkey");

    // No status in the body or the response: the known code's declared status.
    let flat = br#"{"success":false,"error":"Account is temporarily locked due to failed login attempts","code":"ACCOUNT_LOCKED"}"#;
    let error = FlatDetails
        .decode(flat)
        .unwrap()
        .typed::<AuthSessionErrorCode>();
    assert_eq!(error.code, AuthSessionErrorCode::AccountLocked);
    assert_eq!(error.body.status, None);
    assert_eq!(error.status(), Some(StatusCode::FORBIDDEN));
    assert_eq!(
        AuthSessionError::AccountLocked.code_enum(),
        AuthSessionErrorCode::AccountLocked
    );
}

#[test]
fn bodies_from_the_seed_pages_decode() {
    // Seed 001's validation example, as published.
    let body = br#"{"code":"VALIDATION_ERROR","message":"One or more validation errors occurred","errors":{"title":["Title is required"],"amount":["Amount must be greater than 0"]}}"#;
    let decoded = FieldLists
        .decode_response(StatusCode::BAD_REQUEST, body)
        .unwrap();
    assert_eq!(decoded.code, "VALIDATION_ERROR");
    // A JSON object's members come back by name.
    assert_eq!(
        decoded.fields,
        FieldErrors::new()
            .with("amount", "Amount must be greater than 0")
            .with("title", "Title is required")
    );
    assert_eq!(decoded.status, Some(StatusCode::BAD_REQUEST));

    // Seed 004's canonical shape (its `data` as express-validator items).
    let body = br#"{"success":false,"message":"Validation failed","error":"Validation Error","statusCode":400,"timestamp":"2026-05-23T10:00:00.000Z","path":"/api/auth/register","method":"POST","data":[{"type":"field","path":"email","msg":"Invalid value"}]}"#;
    let error = StatusEnvelope
        .decode(body)
        .unwrap()
        .typed_for::<Seed004Error>();
    assert_eq!(error.code, catalog_seeds::Seed004ErrorCode::Validation);
    assert_eq!(error.body.category.as_deref(), Some("Validation Error"));
    assert_eq!(
        error.fields(),
        &FieldErrors::new().with("email", "Invalid value")
    );

    // Seed 004's uncaught-error shape, with the development stack.
    let body = br#"{"success":false,"error":"Internal Server Error","statusCode":500,"stack":"TypeError: x is undefined"}"#;
    let decoded = StatusEnvelope.decode(body).unwrap();
    assert_eq!(decoded.message, "Internal Server Error");
    assert_eq!(
        decoded.debug_detail.as_deref(),
        Some("TypeError: x is undefined")
    );
    assert_eq!(
        decoded.typed_for::<Seed004Error>().code,
        catalog_seeds::Seed004ErrorCode::Internal
    );

    // RFC 9457's own example, whose extension members are kept.
    let body = br#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}"#;
    let decoded = Detect.decode(body).unwrap();
    assert_eq!(decoded.code, "https://example.com/probs/out-of-credit");
    assert_eq!(
        decoded.title.as_deref(),
        Some("You do not have enough credit.")
    );
    assert_eq!(
        Value::Object(decoded.members),
        json!({"balance": 30, "accounts": ["/account/12345", "/account/67890"]})
    );
}

#[test]
fn debug_detail_reads_back() {
    let error = Seed004Error::Internal;
    let context = Context::new().with_debug_detail(true);
    let body = Envelope::new(&error)
        .with_context(&context)
        .with_format(&StatusEnvelope)
        .to_vec()
        .unwrap();
    let decoded = StatusEnvelope.decode(&body).unwrap();
    assert_eq!(
        decoded.debug_detail.as_deref(),
        Some("TypeError: x is undefined")
    );
    assert_eq!(decoded.message, "Internal Server Error");
}

#[test]
fn pointer_paths_read_back_into_field_paths() {
    let path = FieldPath::root()
        .key("items")
        .index(2)
        .key("a/b~c")
        .key("d e");
    assert_eq!(parse_pointer(&path.pointer().to_string()).unwrap(), path);
    assert_eq!(
        parse_pointer("#/settings/max_sessions").unwrap(),
        FieldPath::from("settings.max_sessions")
    );
}

/// Each distinct pointer of an RFC 9457 body is one field, even where the readings
/// `parse_pointer` gives print the same in dotted notation: `#//5` (an empty key, then `5`)
/// and `#/5` both read as `[5]`, and `#/a/7` reads as `a[7]` like the key `#/a%5B7%5D`. Such
/// fields used to be merged, so one field's messages were reported under another's pointer.
#[test]
fn distinct_pointers_stay_distinct_fields() {
    let body = json!({
        "type": "about:blank",
        "title": "Bad Request",
        "status": 400,
        "errors": [
            {"detail": "empty key, then 5", "pointer": "#//5"},
            {"detail": "five", "pointer": "#/5"},
            {"detail": "a, then 7", "pointer": "#/a/7"},
            {"detail": "the key a[7]", "pointer": "#/a%5B7%5D"},
            {"detail": "five again", "pointer": "#/5"},
        ],
    });
    let decoded = ProblemDetails::new().decode_value(&body).unwrap();
    let read: Vec<(String, Vec<String>)> = decoded
        .fields
        .iter()
        .map(|entry| {
            let messages = entry.messages().map(|m| m.to_string()).collect();
            (entry.path().pointer().to_string(), messages)
        })
        .collect();
    let expected = [
        ("#//5", vec!["empty key, then 5"]),
        ("#/5", vec!["five", "five again"]),
        ("#/a/7", vec!["a, then 7"]),
        ("#/a%5B7%5D", vec!["the key a[7]"]),
    ];
    let expected: Vec<(String, Vec<String>)> = expected
        .iter()
        .map(|(pointer, messages)| {
            let messages = messages.iter().map(|m| (*m).to_owned()).collect();
            ((*pointer).to_owned(), messages)
        })
        .collect();
    assert_eq!(read, expected);
    // The readings are still what `parse_pointer` gives wherever that leaves the fields apart.
    let first = decoded.fields.iter().next().unwrap().path();
    assert_eq!(first, &parse_pointer("#//5").unwrap());
}

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
