//! Timestamps, and what a context shows.

use super::*;

#[test]
fn timestamps_are_written_as_humantime_writes_them() {
    let check = |millis: u64| {
        let at = Timestamp::from_unix_millis(i64::try_from(millis).unwrap()).unwrap();
        let expected = humantime::format_rfc3339_millis(at.0).to_string();
        assert_eq!(at.to_string(), expected, "{millis}");
    };
    for millis in [
        0,
        1,
        999,
        951_782_400_000,
        4_107_542_400_000,
        END_OF_9999_MILLIS - 1,
    ] {
        check(millis);
    }
    // Every day from 1970 to 9999, each at another time of day.
    let mut day = 0;
    while day * 86_400_000 < END_OF_9999_MILLIS {
        check(day * 86_400_000 + day * 7_919 % 86_400_000);
        day += 1;
    }
}

#[test]
fn bounded_drops_controls_and_cuts_at_char_boundary() {
    assert_eq!(bounded("/a\r\nb"), "/ab");
    let long = "é".repeat(MAX_PATH_LEN);
    let cut = bounded(&long);
    assert_eq!(cut.len(), MAX_PATH_LEN);
    assert!(cut.chars().all(|c| c == 'é'));
}

#[test]
fn times_outside_1970_to_9999_are_refused() {
    assert_eq!(Timestamp::from_unix_millis(i64::MIN), None);
    assert_eq!(Timestamp::from_unix_millis(i64::MAX), None);
    let last = Timestamp::from_unix_millis(253_402_300_799_999).unwrap();
    assert_eq!(last.to_string(), "9999-12-31T23:59:59.999Z");
    assert_eq!(Timestamp::from_unix_millis(253_402_300_800_000), None);
    let before = UNIX_EPOCH - Duration::from_secs(1);
    assert_eq!(Timestamp::try_from(before), Err(OutOfRange));
    assert_eq!(
        Timestamp::from_unix_millis(0).unwrap().to_string(),
        "1970-01-01T00:00:00.000Z"
    );
}

#[test]
fn shows_anything_follows_every_setter() {
    assert!(!Context::new().shows_anything());
    assert!(!Context::default().shows_anything());
    let id = CorrelationId::new("req-1").unwrap();
    let at = Timestamp::from_unix_millis(0).unwrap();
    let shown = [
        Context::new().with_correlation_id(id),
        Context::new().with_timestamp(at),
        Context::new().with_path("/a"),
        Context::new().with_method(http::Method::GET),
        Context::new().with_instance("/a/1"),
        Context::new().with_debug_detail(true),
    ];
    for context in &shown {
        assert!(context.shows_anything(), "{context:?}");
    }
    // What a body cannot show, or a setter that leaves the value out, does not count.
    let long = http::Method::from_bytes("X".repeat(100).as_bytes()).unwrap();
    let hidden = [
        Context::new()
            .with_debug_detail(true)
            .with_debug_detail(false),
        Context::new().with_method(long),
        Context::new().with_language("fa"),
    ];
    for context in &hidden {
        assert!(!context.shows_anything(), "{context:?}");
    }
}
