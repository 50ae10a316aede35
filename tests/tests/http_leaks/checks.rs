//! The check of one response: exact status, headers and body, and secrets only where allowed.

use serde_json::{Value, json};

use crate::http_support::{Expect, Fmt, HttpClient, Reply, Seen, expected, normalize};
use crate::{KINDS, Mode, SECRETS};

fn holds_secret(bytes: &[u8]) -> bool {
    SECRETS
        .iter()
        .any(|secret| bytes.windows(secret.len()).any(|w| w == secret.as_bytes()))
}

/// Every header, as it came over the wire, and the body: all the client ever sees.
fn dump(reply: &Reply) -> Vec<u8> {
    let mut out = format!("{}\r\n", reply.status).into_bytes();
    for (name, value) in &reply.headers {
        out.extend_from_slice(name.as_str().as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(value.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(&reply.body);
    out
}

/// The exact body of `expect` in `format`: `expected` assumes a full context, so without one the
/// members that come from it are left out; debug detail adds `StatusEnvelope`'s `stack`.
fn exact_body(format: Fmt, mode: Mode, expect: &Expect, seen: &Seen<'_>, stack: &str) -> Value {
    let mut body = expected(format, expect, seen);
    let members = body.as_object_mut().expect("an object body");
    if mode == Mode::Bare {
        for name in ["correlationId", "timestamp", "path", "method", "instance"] {
            members.remove(name);
        }
    }
    if mode == Mode::Debug && format == Fmt::StatusEnvelope {
        members.insert("stack".to_owned(), json!(stack));
    }
    members.sort_keys();
    body
}

/// The members that may show a secret, as JSON pointers: the `stack` of debug detail, and the
/// message of `expose`.
fn allowed_members(format: Fmt, mode: Mode, exposed: bool) -> Vec<&'static str> {
    let mut allowed = Vec::new();
    if mode == Mode::Debug && format == Fmt::StatusEnvelope {
        allowed.push("/stack");
    }
    if exposed {
        allowed.push(match format {
            Fmt::Nested => "/error/message",
            Fmt::FlatDetails => "/error",
            Fmt::ProblemDetails => "/detail",
            _ => "/message",
        });
    }
    allowed
}

/// Asserts the exact response to a request for `expect` sent with correlation id `id`, and that
/// a secret shows, if at all, only in the members allowed to show it.
#[track_caller]
pub(super) fn check_reply(
    what: &str,
    reply: &Reply,
    (format, mode): (Fmt, Mode),
    (expect, headers, stack): (&Expect, &[(&str, &str)], &str),
    (path, id): (&str, &str),
) {
    let text = String::from_utf8_lossy(&reply.body);
    assert_eq!(reply.status, expect.status, "{what}: status ({text})");
    let mut want: Vec<(String, String)> = headers
        .iter()
        .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
        .collect();
    want.push(("content-type".to_owned(), format.content_type().to_owned()));
    if mode != Mode::Bare {
        want.push(("x-request-id".to_owned(), id.to_owned()));
    }
    want.sort();
    let mut got: Vec<(String, String)> = reply
        .header_names()
        .into_iter()
        .map(|name| {
            let values: Vec<&str> = reply
                .headers
                .get_all(name.as_str())
                .iter()
                .map(|v| v.to_str().expect("visible ASCII"))
                .collect();
            let value = values.join(", ");
            (name, value)
        })
        .collect();
    got.sort();
    assert_eq!(got, want, "{what}: headers");

    let seen = Seen {
        method: "GET",
        path,
        id,
    };
    let body = normalize(reply.json());
    assert_eq!(
        body,
        exact_body(format, mode, expect, &seen, stack),
        "{what}: body"
    );

    let exposed = !expect.redacted && holds_secret(expect.message.as_bytes());
    let allowed = allowed_members(format, mode, exposed);
    let dumped = dump(reply);
    let reveals = allowed.iter().any(|member| {
        body.pointer(member)
            .and_then(Value::as_str)
            .is_some_and(|shown| holds_secret(shown.as_bytes()))
    });
    assert_eq!(
        holds_secret(&dumped),
        reveals,
        "{what}: secret in {:?}",
        String::from_utf8_lossy(&dumped)
    );
    let mut rest = reply.json();
    for member in &allowed {
        let (parent, name) = member.rsplit_once('/').expect("a pointer");
        rest.pointer_mut(parent)
            .and_then(Value::as_object_mut)
            .and_then(|members| members.remove(name))
            .expect("the allowed member is there");
    }
    let mut rest = serde_json::to_vec(&rest).expect("JSON");
    for (name, value) in &reply.headers {
        rest.extend_from_slice(name.as_str().as_bytes());
        rest.extend_from_slice(value.as_bytes());
    }
    assert!(
        !holds_secret(&rest),
        "{what}: secret outside {allowed:?}: {:?}",
        String::from_utf8_lossy(&rest)
    );
}

/// Sends one request per kind and checks each response; returns how many were checked.
pub(super) async fn check_kinds(client: &HttpClient, format: Fmt, mode: Mode, via: &str) -> usize {
    for kind in KINDS {
        let id = format!("{via}-{format:?}-{mode:?}-{kind:?}");
        let reply = client
            .send("GET", kind.path(), &[("x-request-id", &id)], b"")
            .await;
        let what = format!("{via} {format:?} {mode:?} {kind:?}");
        check_reply(
            &what,
            &reply,
            (format, mode),
            (&kind.expect(), kind.headers(), &kind.stack()),
            (kind.path(), &id),
        );
    }
    KINDS.len()
}
