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
fn the_id_byte_table_is_the_documented_set() {
    for byte in 0..=u8::MAX {
        let documented = byte.is_ascii_alphanumeric() || b"-_.:~+/=@".contains(&byte);
        assert_eq!(is_safe_id_byte(byte), documented, "{byte:#04x}");
    }
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

#[test]
fn no_correlation_id_byte_needs_json_escaping() {
    // Bodies copy correlation ids without the escaper: this is why that is right.
    for byte in 0..=u8::MAX {
        if is_safe_id_byte(byte) {
            assert_eq!(crate::json_text::ESCAPE[usize::from(byte)], 0, "{byte}");
        }
    }
}

#[test]
fn request_text_knows_whether_it_needs_escaping() {
    let plain = |context: &Context| {
        (
            context.path_text().map(|(_, plain)| plain),
            context.method_text().map(|(_, plain)| plain),
            context.instance_text().map(|(_, plain)| plain),
        )
    };
    assert_eq!(plain(&Context::new()), (None, None, None));
    let context = Context::new()
        .with_path("/a/b")
        .with_method(http::Method::GET)
        .with_instance("/a/1");
    assert_eq!(plain(&context), (Some(true), Some(true), Some(true)));
    let context = context.with_path("/a/\"b\"").with_instance("/a\\1");
    assert_eq!(plain(&context), (Some(false), Some(true), Some(false)));
    // Set again, plain: the flag follows the value.
    let context = context.with_path("/c").with_instance("/c/1");
    assert_eq!(plain(&context), (Some(true), Some(true), Some(true)));
    // A method too long to keep is absent, whatever was set before.
    let long = http::Method::from_bytes("X".repeat(100).as_bytes()).unwrap();
    assert_eq!(plain(&context.with_method(long)).1, None);
    // Control characters are dropped from paths before the check.
    assert_eq!(
        Context::new().with_path("/a\n").path_text(),
        Some(("/a", true))
    );
}

#[test]
fn holds_has_a_bit_exactly_for_each_value_set() {
    let id = CorrelationId::new("req-1").unwrap();
    let at = Timestamp::from_unix_millis(0).unwrap();
    let translations = crate::i18n::Translations::new().language("en", &[]);
    let cases = [
        (Context::new(), 0),
        (
            Context::new().with_correlation_id(id),
            holds::CORRELATION_ID,
        ),
        (Context::new().with_timestamp(at), holds::TIMESTAMP),
        (Context::new().with_path("/a"), holds::PATH),
        (Context::new().with_method(http::Method::GET), holds::METHOD),
        (Context::new().with_instance("/a/1"), holds::INSTANCE),
        (Context::new().with_debug_detail(true), holds::DEBUG_DETAIL),
        (
            Context::new().with_localizer(Arc::new(translations)),
            holds::LOCALIZER,
        ),
        (Context::new().with_language("fa"), 0),
        (
            Context::new()
                .with_path("/a")
                .with_debug_detail(true)
                .with_debug_detail(false),
            holds::PATH,
        ),
    ];
    for (context, bits) in &cases {
        assert_eq!(context.holds(), *bits, "{context:?}");
    }
}

#[cfg(any(feature = "axum", feature = "actix-web"))]
#[test]
fn the_layers_path_is_the_path_and_the_instance() {
    // Plain, needing escapes, with control characters, and over the bound.
    let long = "/a".repeat(MAX_PATH_LEN);
    for path in [
        "/v1/accounts/42",
        "/a\"b\\c",
        "/tab\there\u{7f}",
        long.as_str(),
    ] {
        let context = Context::new().with_method(http::Method::GET);
        let mut in_place = context.clone();
        in_place.set_path_as_instance(path);
        assert_eq!(
            in_place,
            context.with_path(path).with_instance(path),
            "{path:?}"
        );
    }
}
