//! The checks of a render against the model: every path, the bound, and decoding back.

use apierr::{ApiError, Context, Envelope, FieldPath, MAX_BODY_LEN};
use serde_json::{Map, Value};

use super::{Shape, colliding_paths, expected, kebab};
use crate::fixture::{Fixture, Json};

/// At most 1500 characters of `bytes`, for failure messages that random inputs make huge.
fn show(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    match text.char_indices().nth(1500) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.into_owned(),
    }
}

/// The first place where `actual` and `expected` part, for failure messages.
fn first_difference(actual: &Json, expected: &Json, at: &str) -> String {
    match (actual, expected) {
        (Json::Obj(a), Json::Obj(e)) => {
            for (i, pair) in a.iter().zip(e.iter()).enumerate() {
                let ((an, av), (en, ev)) = pair;
                if an != en {
                    return format!("{at}: member {i} is {an:?}, expected {en:?}");
                }
                if av != ev {
                    return first_difference(av, ev, &format!("{at}/{an}"));
                }
            }
            let names = |members: &[(String, Json)]| -> Vec<String> {
                members.iter().map(|(name, _)| name.clone()).collect()
            };
            format!("{at}: members {:?}, expected {:?}", names(a), names(e))
        }
        (Json::Arr(a), Json::Arr(e)) if a.len() == e.len() => a
            .iter()
            .zip(e)
            .enumerate()
            .find(|(_, (av, ev))| av != ev)
            .map(|(i, (av, ev))| first_difference(av, ev, &format!("{at}/{i}")))
            .unwrap_or_default(),
        _ => show(format!("{at}: {actual:?}, expected {expected:?}").as_bytes()),
    }
}

/// Renders `fixture` in `context` in `shape` every way there is and checks each result: the
/// fast writer's bytes are the serde path's bytes, are JSON, parse to exactly the model's body
/// (member order and repeated names included), `to_value` and `Serialize for Envelope` agree,
/// and a member that cannot serialize fails every path with an error.
pub fn check_render(shape: &Shape, fixture: &Fixture, context: &Context) {
    let format = shape.any();
    // The whole body, however long: what the format writes. The bound is checked apart, in
    // `check_bounded`.
    let envelope = Envelope::from_dyn(fixture)
        .with_context(context)
        .with_format(&*format)
        .with_max_len(usize::MAX);
    let fast = envelope.to_vec();
    let serde = shape.serde_bytes(&envelope.problem());
    if fixture.fails() {
        assert!(fast.is_err(), "{shape:?}: to_vec rendered a failing member");
        assert!(
            serde.is_err(),
            "{shape:?}: serialize rendered a failing member"
        );
        assert!(
            envelope.to_value().is_err(),
            "{shape:?}: to_value rendered a failing member"
        );
        assert!(
            serde_json::to_vec(&envelope).is_err(),
            "{shape:?}: Serialize for Envelope"
        );
        return;
    }
    let fast = fast.unwrap_or_else(|error| panic!("{shape:?}: to_vec failed: {error}"));
    let serde = serde.unwrap_or_else(|error| panic!("{shape:?}: serialize failed: {error}"));
    if fast != serde {
        let at = fast.iter().zip(&serde).take_while(|(a, b)| a == b).count();
        panic!(
            "{shape:?}: fast and serde bytes differ from byte {at}\n fast: {}\nserde: {}",
            show(&fast[at.saturating_sub(40)..]),
            show(&serde[at.saturating_sub(40)..])
        );
    }
    let parsed: Json = serde_json::from_slice(&fast)
        .unwrap_or_else(|error| panic!("{shape:?}: not JSON ({error}): {}", show(&fast)));
    let model = expected(shape, fixture, context);
    if parsed != model {
        panic!(
            "{shape:?}: the body is not the model's: {}\nbody: {}",
            first_difference(&parsed, &model, ""),
            show(&fast)
        );
    }

    // A name the format writes twice comes only from field paths that print the same; inside
    // an extension member it is the member's own doing.
    let colliding = colliding_paths(fixture);
    for (at, name) in parsed.repeated_names() {
        let in_member = fixture.members.iter().any(|(member, _)| {
            let prefix = shape.member_at(member);
            at.strip_prefix(&prefix)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        });
        assert!(
            in_member || (shape.field_map_at() == Some(at.as_str()) && colliding.contains(&name)),
            "{shape:?}: {name:?} twice in {at:?}"
        );
    }

    let value = envelope
        .to_value()
        .unwrap_or_else(|error| panic!("{shape:?}: to_value failed: {error}"));
    assert!(
        value == model.to_value(),
        "{shape:?}: to_value is not the model's: {}",
        show(value.to_string().as_bytes())
    );
    let through_serde = serde_json::to_vec(&envelope)
        .unwrap_or_else(|error| panic!("{shape:?}: Serialize for Envelope failed: {error}"));
    if through_serde != fast {
        let at = fast
            .iter()
            .zip(&through_serde)
            .take_while(|(a, b)| a == b)
            .count();
        panic!(
            "{shape:?}: Serialize for Envelope differs from to_vec from byte {at}\n  to_vec: {}\nSerialize: {}",
            show(&fast[at.saturating_sub(40)..]),
            show(&through_serde[at.saturating_sub(40)..])
        );
    }
    let media_type = match shape {
        Shape::ProblemDetails(_) => "application/problem+json",
        _ => "application/json",
    };
    assert_eq!(envelope.content_type(), media_type);
    // The public message as the API reports it is the one in the body.
    let message = fixture.spec.static_message().unwrap_or(&fixture.message);
    assert_eq!(fixture.message(), message);
    assert_eq!(envelope.problem().message().to_string(), message);
    assert!(envelope.problem().message().is(message));
    check_decode(shape, &fast, fixture, context);
    check_bounded(shape, &envelope.with_max_len(MAX_BODY_LEN), &fast);
}

/// A body rendered under `limit`: at most that many bytes, JSON in `shape`'s format, and
/// reading back as `code` and, in the formats that write it, `status`. Returns the body parsed.
pub fn check_within(shape: Shape, body: &[u8], limit: usize, code: &str, status: u16) -> Value {
    assert!(
        body.len() <= limit,
        "{shape:?}: a body of {} bytes, over {limit}",
        body.len()
    );
    let decoded = shape
        .decode(body)
        .unwrap_or_else(|error| panic!("{shape:?}: {error}"));
    // StatusEnvelope writes no code: its `error` is the category or the reason phrase.
    if shape != Shape::StatusEnvelope {
        assert_eq!(decoded.code, code, "{shape:?}");
    }
    if let Some(written) = decoded.status {
        assert_eq!(written.as_u16(), status, "{shape:?}");
    }
    serde_json::from_slice(body).unwrap_or_else(|error| panic!("{shape:?}: {error}"))
}

/// Under the default limit the body is the whole one when that fits, or else at most the
/// limit, JSON, in the same format, and with the same code.
fn check_bounded(shape: &Shape, envelope: &Envelope<'_>, whole: &[u8]) {
    let body = envelope
        .to_vec()
        .unwrap_or_else(|error| panic!("{shape:?}: a bounded render failed: {error}"));
    if whole.len() <= MAX_BODY_LEN {
        assert!(
            body == whole,
            "{shape:?}: a body under the limit was changed"
        );
        return;
    }
    assert!(
        body.len() <= MAX_BODY_LEN,
        "{shape:?}: {} bytes over the limit",
        body.len()
    );
    let decoded = shape.decode(&body).unwrap_or_else(|error| {
        panic!(
            "{shape:?}: cannot decode a reduced body ({error}): {}",
            show(&body)
        )
    });
    let whole = shape.decode(whole).expect("the whole body decodes");
    assert_eq!(decoded.code, whole.code, "{shape:?}");
    assert_eq!(decoded.status, whole.status, "{shape:?}");
}

/// Reads a rendered body back with the format's [`Decode`] and checks that it gives what was
/// rendered: code, message, status, request context, field errors and extension members.
fn check_decode(shape: &Shape, body: &[u8], fixture: &Fixture, context: &Context) {
    let spec = fixture.spec;
    let status = spec.status();
    let reason = status.canonical_reason();
    let message = spec.static_message().unwrap_or(&fixture.message);
    let decoded = shape.decode(body).unwrap_or_else(|error| {
        panic!(
            "{shape:?}: cannot decode its own body ({error}): {}",
            show(body)
        )
    });
    let (code, shown_message, decoded_status): (String, String, Option<http::StatusCode>) =
        match shape {
            Shape::Nested => (spec.code().into(), message.into(), Some(status)),
            Shape::FieldLists | Shape::FieldStrings | Shape::FlatDetails => {
                (spec.code().into(), message.into(), None)
            }
            Shape::StatusEnvelope => {
                let error = spec.category().or(reason).unwrap_or("Error");
                let shown = if spec.is_redacted() {
                    reason.unwrap_or(error)
                } else {
                    message
                };
                (error.into(), shown.into(), Some(status))
            }
            Shape::ProblemDetails(config) => {
                // `detail` is left out only when it is the title, which the decoder reads instead.
                let problem_type = match (spec.problem_type(), config.type_base) {
                    (Some(uri), _) => uri.to_owned(),
                    (None, Some(base)) => format!("{base}{}", kebab(spec.code())),
                    (None, None) => "about:blank".to_owned(),
                };
                let code = match config.code_member {
                    Some(_) => spec.code().to_owned(),
                    None => problem_type,
                };
                (code, message.into(), config.status.then_some(status))
            }
        };
    assert_eq!(decoded.code, code, "{shape:?}: decoded code");
    assert_eq!(decoded.message, shown_message, "{shape:?}: decoded message");
    assert_eq!(decoded.status, decoded_status, "{shape:?}: decoded status");
    let id = context.correlation_id().map(|id| id.as_str().to_owned());
    if *shape == Shape::FieldLists {
        assert_eq!(decoded.correlation_id, id, "{shape:?}: correlation id");
    }
    if *shape == Shape::StatusEnvelope {
        assert_eq!(decoded.path.as_deref(), context.path());
        assert_eq!(decoded.method.as_ref(), context.method());
        assert_eq!(
            decoded.timestamp,
            context.timestamp().map(|at| at.to_string())
        );
    }
    if let Shape::ProblemDetails(_) = shape {
        assert_eq!(decoded.instance.as_deref(), context.instance());
    }

    let taken = shape.taken();
    let members: Map<String, Value> = fixture
        .members
        .iter()
        .filter(|(name, _)| !taken.contains(name))
        .map(|(name, value)| ((*name).to_owned(), value.to_json().to_value()))
        .collect();
    assert!(
        decoded.members == members,
        "{shape:?}: decoded members {:?}",
        decoded.members
    );

    // Field errors come back as they print, unless two print the same.
    if !colliding_paths(fixture).is_empty() {
        return;
    }
    let joined = matches!(shape, Shape::FieldStrings | Shape::FlatDetails);
    let pointer = matches!(shape, Shape::ProblemDetails(_));
    // A dotted path comes back as `FieldPath::from` reads its print, which is what a client sees.
    let sent_print = |path: &FieldPath| {
        if pointer {
            path.pointer().to_string()
        } else {
            FieldPath::from(path.to_string()).to_string()
        }
    };
    let read_print = |path: &FieldPath| {
        if pointer {
            path.pointer().to_string()
        } else {
            path.to_string()
        }
    };
    let sent: Vec<(String, Vec<String>)> = fixture
        .fields
        .iter()
        .flatten()
        .map(|entry| {
            let messages: Vec<String> = entry.messages().map(|m| m.to_string()).collect();
            let messages = if joined {
                vec![messages.join("; ")]
            } else {
                messages
            };
            (sent_print(entry.path()), messages)
        })
        .collect();
    let mut read: Vec<(String, Vec<String>)> = decoded
        .fields
        .iter()
        .map(|entry| {
            let messages = entry.messages().map(|m| m.to_string()).collect();
            (read_print(entry.path()), messages)
        })
        .collect();
    let mut sent_sorted = sent.clone();
    if matches!(
        shape,
        Shape::Nested | Shape::FieldLists | Shape::FieldStrings | Shape::FlatDetails
    ) {
        // `serde_json::Value` keeps object members sorted.
        sent_sorted.sort();
        read.sort();
    }
    // Paths that differ but read back the same (`a[01]`, `a[1]`) are merged by the reader.
    let distinct: std::collections::HashSet<&String> = sent_sorted.iter().map(|(p, _)| p).collect();
    if distinct.len() == sent_sorted.len() {
        assert_eq!(read, sent_sorted, "{shape:?}: decoded field errors");
    }
}
