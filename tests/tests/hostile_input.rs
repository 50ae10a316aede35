//! Request data is attacker input: a correlation id from a header is accepted only when it is
//! safe to echo in a body, a header and a log line; a path or instance keeps no control
//! characters and a bounded length; and no input at all makes anything panic.

mod proptest_config;

use apierr::{
    Context, CorrelationId, FieldPath, InvalidCorrelationId, MAX_CORRELATION_ID_LEN, MAX_PATH_LEN,
    Timestamp,
};
use apierr_tests::fuzz_targets::{
    TIMESTAMP_MILLIS, check_bounded, correlation_id, field_path, is_safe_id,
};
use proptest::prelude::*;

#[test]
fn correlation_ids_that_could_inject_anything_are_refused() {
    use InvalidCorrelationId::{BadCharacter, Empty, TooLong};
    let cases: &[(&[u8], InvalidCorrelationId)] = &[
        (b"", Empty),
        (b"abc\r\nSet-Cookie: session=1", BadCharacter),
        (b"abc\n", BadCharacter),
        (b"\rabc", BadCharacter),
        (b"a b", BadCharacter),
        (b"a\tb", BadCharacter),
        (b"a\0b", BadCharacter),
        (b"\"quoted\"", BadCharacter),
        (b"it's", BadCharacter),
        (b"<script>alert(1)</script>", BadCharacter),
        (b"a\\b", BadCharacter),
        (b"a,b", BadCharacter),
        (b"a;b", BadCharacter),
        (b"%0d%0a", BadCharacter),
        (b"\x1b[31mred", BadCharacter),
        ("caf\u{e9}".as_bytes(), BadCharacter),
        ("\u{2028}".as_bytes(), BadCharacter),
        ("id\u{200b}".as_bytes(), BadCharacter),
        (b"\xff\xfe", BadCharacter),
        (b"abc\xc3", BadCharacter),
        (&[b'a'; MAX_CORRELATION_ID_LEN + 1], TooLong),
        (&[b'a'; 10_000], TooLong),
    ];
    for &(raw, expected) in cases {
        let shown = String::from_utf8_lossy(raw);
        assert_eq!(CorrelationId::from_bytes(raw), Err(expected), "{shown:?}");
        if let Ok(text) = std::str::from_utf8(raw) {
            assert_eq!(CorrelationId::new(text), Err(expected), "{shown:?}");
        }
    }
    // Too long is reported as such only for UTF-8: other bytes are a bad character first.
    let mut long_binary = vec![b'a'; 200];
    long_binary.push(0xff);
    assert_eq!(CorrelationId::from_bytes(&long_binary), Err(BadCharacter));
}

#[test]
fn the_safe_set_is_accepted_whole() {
    let safe = "ABCXYZabcxyz0189-_.:~+/=@";
    for c in safe.chars() {
        assert_eq!(
            CorrelationId::new(&c.to_string()).unwrap().as_str(),
            c.to_string()
        );
    }
    for id in [
        safe,
        "0b9c3c1e-5f0a-4d2b-9a57-3e8f1c2d4b6a",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "dGVzdA==",
        "user@example.com",
        "urn:req:1",
    ] {
        let accepted = CorrelationId::from_bytes(id.as_bytes()).unwrap();
        assert_eq!(accepted.as_str(), id);
        assert_eq!(accepted.to_string(), id);
    }
    let longest = "a".repeat(MAX_CORRELATION_ID_LEN);
    assert_eq!(CorrelationId::new(&longest).unwrap().as_str(), longest);
    assert!(CorrelationId::from_static("static-id").is_ok());
    assert_eq!(
        CorrelationId::from_static("bad id"),
        Err(InvalidCorrelationId::BadCharacter)
    );
}

#[test]
fn paths_lose_control_characters() {
    let cases = [
        ("/a\r\nb", "/ab"),
        ("/login\r\nX-Injected: 1", "/loginX-Injected: 1"),
        ("\u{1b}[2J/clear", "[2J/clear"),
        ("/nul\0byte", "/nulbyte"),
        ("/tab\there", "/tabhere"),
        // C1 controls too: NEL is a line break in some terminals and log viewers.
        ("/next\u{85}line\u{9f}", "/nextline"),
        ("/del\u{7f}", "/del"),
        ("/caf\u{e9}/😀", "/caf\u{e9}/😀"),
        ("", ""),
    ];
    for (input, kept) in cases {
        let context = Context::new().with_path(input).with_instance(input);
        assert_eq!(context.path(), Some(kept), "{input:?}");
        assert_eq!(context.instance(), Some(kept), "{input:?}");
    }
}

#[test]
fn paths_are_cut_at_a_character_boundary() {
    let cases = [
        ("a".repeat(5000), MAX_PATH_LEN),
        // 2-byte characters fill the limit exactly.
        ("é".repeat(2000), MAX_PATH_LEN),
        // One byte in front: the 1024th `é` would end past the limit.
        (format!("a{}", "é".repeat(2000)), MAX_PATH_LEN - 1),
        (format!("ab{}", "😀".repeat(600)), MAX_PATH_LEN - 2),
        (format!("abc{}", "€".repeat(1000)), MAX_PATH_LEN - 2),
        // Dropped control characters do not count.
        (format!("{}/x", "\r\n".repeat(5000)), 2),
    ];
    for (input, length) in cases {
        let context = Context::new().with_path(&input).with_instance(&input);
        for kept in [context.path().unwrap(), context.instance().unwrap()] {
            assert_eq!(kept.len(), length, "{:?}…", &input[..8]);
            check_bounded(&input, Some(kept));
        }
    }
}

#[test]
fn field_paths_and_pointers_of_odd_text() {
    let cases = [
        ("", "", "#/"),
        ("a..b", "a..b", "#/a//b"),
        ("[0]", "[0]", "#/0"),
        ("a[x]", "a[x]", "#/a%5Bx%5D"),
        ("a[1][2]", "a[1][2]", "#/a/1/2"),
        (
            "a[99999999999999999999999]",
            "a[99999999999999999999999]",
            "#/a%5B99999999999999999999999%5D",
        ),
        ("a/b~c.d e", "a/b~c.d e", "#/a~1b~0c/d%20e"),
        ("\"x\"\n", "\"x\"\n", "#/%22x%22%0A"),
    ];
    for (input, shown, pointer) in cases {
        let path = FieldPath::from(input);
        assert_eq!(path.to_string(), shown, "{input:?}");
        assert_eq!(path.pointer().to_string(), pointer, "{input:?}");
        field_path(input.as_bytes());
    }
}

#[test]
fn timestamps_outside_rfc3339_are_refused_not_panicked_on() {
    for millis in [i64::MIN, i64::MAX, -1, 253_402_300_800_000] {
        assert_eq!(Timestamp::from_unix_millis(millis), None, "{millis}");
    }
    assert_eq!(
        Timestamp::from_unix_millis(0).unwrap().to_string(),
        "1970-01-01T00:00:00.000Z"
    );
    assert_eq!(
        Timestamp::from_unix_millis(253_402_300_799_999)
            .unwrap()
            .to_string(),
        "9999-12-31T23:59:59.999Z"
    );
}

proptest! {
    #![proptest_config(proptest_config::cases(512))]

    #[test]
    fn any_bytes_as_a_correlation_id(raw in prop_oneof![
        prop::collection::vec(any::<u8>(), 0..200),
        "[A-Za-z0-9._~+/=@:-]{0,140}".prop_map(String::into_bytes),
    ]) {
        prop_assert_eq!(CorrelationId::from_bytes(&raw).is_ok(), is_safe_id(&raw));
        correlation_id(&raw);
    }

    #[test]
    fn any_text_as_a_path_or_instance(text in prop_oneof![
        any::<String>(),
        (any::<String>(), 1usize..600).prop_map(|(unit, times)| unit.repeat(times)),
    ]) {
        let context = Context::new().with_path(&text).with_instance(&text);
        check_bounded(&text, context.path());
        check_bounded(&text, context.instance());
    }

    #[test]
    fn any_text_as_a_field_path(text in any::<String>()) {
        field_path(text.as_bytes());
    }

    #[test]
    fn any_bytes_as_a_field_path(raw in prop::collection::vec(any::<u8>(), 0..64)) {
        field_path(&raw);
    }

    #[test]
    fn any_time(millis in prop_oneof![any::<i64>(), TIMESTAMP_MILLIS]) {
        let in_range = TIMESTAMP_MILLIS.contains(&millis);
        let at = Timestamp::from_unix_millis(millis);
        prop_assert_eq!(at.is_some(), in_range);
        if let Some(at) = at {
            prop_assert_eq!(at.to_string().len(), 24);
        }
    }
}
