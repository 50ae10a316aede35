//! The header rules, and the render fallback's view of an error.

use super::headers::{DROPPED_HEADERS, Value, check_value, insert_checked};
use super::*;
use http::HeaderMap;

#[test]
fn header_values_are_checked_strictly() {
    assert!(check_value("no-store").is_ok());
    assert!(check_value("a b\tc").is_ok());
    assert!(check_value("").is_ok());
    for bad in ["a\r\nb", "a\nb", "a\0b", "é", " a", "a ", "\u{7f}"] {
        assert!(check_value(bad).is_err(), "{bad:?}");
    }
    assert!(check_value(&"a".repeat(MAX_HEADER_VALUE_LEN + 1)).is_err());
}

/// The derive refuses at compile time exactly the headers dropped here at run time: its
/// list is read from its source, since the runtime cannot depend on the proc-macro crate.
#[test]
fn drops_exactly_the_headers_the_derive_refuses() {
    let source = include_str!("../../../../macros/src/headers.rs");
    let list = &source[source.find("pub const DROPPED").unwrap()..];
    let list = &list[..list.find("];").unwrap()];
    let mut refused: Vec<&str> = list
        .split("(\"")
        .skip(1)
        .map(|entry| &entry[..entry.find('"').unwrap()])
        .collect();
    let names = DROPPED_HEADERS;
    let mut dropped: Vec<&str> = names.iter().map(HeaderName::as_str).collect();
    refused.sort_unstable();
    dropped.sort_unstable();
    assert_eq!(refused, dropped);
    assert!(refused.contains(&"transfer-encoding"));

    for name in refused {
        let upper = name.to_ascii_uppercase();
        let mut headers = HeaderMap::new();
        insert_checked(&mut headers, "CODE", name, Value::Static("x"));
        insert_checked(&mut headers, "CODE", &upper, Value::Static("x"));
        assert!(headers.is_empty(), "{name} was sent");
    }
    let mut headers = HeaderMap::new();
    insert_checked(
        &mut headers,
        "CODE",
        "cache-control",
        Value::Static("no-store"),
    );
    assert_eq!(headers["cache-control"], "no-store");
}

static LIMITED: Spec = Spec::new("RATE_LIMITED", 429, "Limited").with_retry_after();

/// An error with a delay, a header from a field and a member.
struct Limited;

impl ApiError for Limited {
    fn spec(&self) -> &'static Spec {
        &LIMITED
    }

    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Slow down")
    }

    fn visit_members(&self, visit: &mut dyn FnMut(Member<'_>)) {
        visit(Member::new("limit", &100));
    }

    fn member(&self, name: &str) -> Option<Member<'_>> {
        (name == "limit").then(|| Member::new("limit", &100))
    }

    fn retry_after(&self) -> Option<u64> {
        Some(30)
    }

    fn visit_headers(&self, visit: &mut dyn FnMut(&'static str, &dyn fmt::Display)) {
        visit("x-ratelimit-limit", &100);
        visit("x-ratelimit-scope", &"account");
    }

    fn catalog(visit: &mut dyn FnMut(&'static Spec)) {
        visit(&LIMITED);
    }
}

/// The second rendering attempt leaves out the members and nothing else: its delay and its
/// headers are the error's, so a format that shows them still does.
#[test]
fn without_members_keeps_the_delay_and_the_headers() {
    let bare: &dyn ApiError = &WithoutMembers(&Limited);
    assert_eq!(bare.retry_after(), Some(30));
    let mut headers = Vec::new();
    bare.visit_headers(&mut |name, value| headers.push((name, value.to_string())));
    assert_eq!(
        headers,
        [
            ("x-ratelimit-limit", "100".to_owned()),
            ("x-ratelimit-scope", "account".to_owned())
        ]
    );
    let mut members = 0;
    bare.visit_members(&mut |_| members += 1);
    assert_eq!(members, 0);
    assert!(bare.member("limit").is_none());
    assert_eq!(bare.code(), "RATE_LIMITED");
    assert_eq!(bare.message(), "Slow down");
}
