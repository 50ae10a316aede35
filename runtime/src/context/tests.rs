//! What a context keeps and whether it shows anything (timestamps: `timestamp.rs`).

use super::*;

#[test]
fn bounded_drops_controls_and_cuts_at_char_boundary() {
    assert_eq!(bounded("/a\r\nb"), "/ab");
    let long = "é".repeat(MAX_PATH_LEN);
    let cut = bounded(&long);
    assert_eq!(cut.len(), MAX_PATH_LEN);
    assert!(cut.chars().all(|c| c == 'é'));
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
