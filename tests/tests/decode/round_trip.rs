//! Every seed's samples rendered in every format and read back to what they were rendered from.

use apierr::decode::{Decode, Detect};
use apierr::{ApiError, Context, Envelope, ErrorCode, FieldErrors, HasCodeEnum, Problem};
use http::Method;
use serde_json::{Map, Value};

use crate::catalog_seeds::{Seed000Error, Seed001Error, Seed002Error, Seed003Error, Seed004Error};
use crate::{Carries, cases, context};

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
