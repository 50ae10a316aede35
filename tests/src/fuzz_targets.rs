//! The fuzz targets, as plain functions: `fuzz/fuzz_targets/*.rs` call them under libFuzzer on
//! nightly, and `tests/tests/fuzz_corpus.rs` runs them over the checked-in corpus on stable.
//!
//! Each takes arbitrary bytes and panics only when the library misbehaves.
//!
//! # The `render` input
//! Four header bytes, then text segments separated by `0xFF` (a byte no UTF-8 text contains,
//! so segments are any text, control characters included; invalid UTF-8 inside one is read
//! lossily):
//! - header: status (big-endian `u16`, any value), `flags`, `more`;
//! - `flags`: 1 debug detail, 2 timestamp, 4 method, 8 static message, 16 redacted, 32 title,
//!   64 problem type, 128 category;
//! - `more`: low three bits the number of extension members, 8 correlation id, 16 path,
//!   32 instance, 64 source chain, 128 field errors present even when empty;
//! - segments, each only when its flag says so: code, message, internal message, static
//!   message, title, problem type, category, timestamp (Unix milliseconds), method,
//!   correlation id, path, instance, source chain (texts separated by `0xFE`), then two per
//!   member (name, and value: `n`, `t`/`f`, `u123`, `i-4`, `d1.5e-7`, `N` (NaN), `I` (-inf),
//!   `s` + text, `l` + `0xFE`-separated texts, `m` + `0xFE`-separated names and texts, `[5`
//!   for a list nested 5 deep, `x` for a value that refuses to serialize), then pairs of field
//!   path (dotted) and message until the end.

use std::borrow::Cow;

use apierr::decode::{Decode, Detect, parse_pointer};
use apierr::format::{FieldLists, FieldStrings, FlatDetails, Nested, StatusEnvelope};
use apierr::{
    Context, CorrelationId, FieldErrors, FieldPath, InvalidCorrelationId, MAX_CORRELATION_ID_LEN,
    Segment, Timestamp,
};

use crate::fixture::{Fixture, Link, MemberValue, SpecParts, intern};
use crate::model::{ProblemConfig, Shape, check_render};

/// The Unix milliseconds a [`Timestamp`] can hold: 1970 to the end of 9999.
pub const TIMESTAMP_MILLIS: std::ops::RangeInclusive<i64> = 0..=253_402_300_799_999;

/// A fuzz target: it panics when the library misbehaves on `data`.
pub type Target = fn(data: &[u8]);

/// Every target, by name, as the corpus directories and `fuzz/fuzz_targets/` name them.
pub const TARGETS: &[(&str, Target)] = &[
    ("render", render),
    ("correlation_id", correlation_id),
    ("field_path", field_path),
    ("decode_nested", decode_nested),
    ("decode_field_lists", decode_field_lists),
    ("decode_field_strings", decode_field_strings),
    ("decode_flat_details", decode_flat_details),
    ("decode_status_envelope", decode_status_envelope),
    ("decode_problem_details", decode_problem_details),
    ("decode_detect", decode_detect),
    ("garde_report", crate::fuzz_bounded::garde_report),
    ("validator_report", crate::fuzz_bounded::validator_report),
    ("extractor_body", crate::fuzz_bounded::extractor_body),
];

struct Reader<'a> {
    segments: std::slice::Split<'a, u8, fn(&u8) -> bool>,
}

impl<'a> Reader<'a> {
    fn new(data: &'a [u8]) -> Self {
        fn is_separator(byte: &u8) -> bool {
            *byte == 0xFF
        }
        Reader {
            segments: data.split(is_separator as fn(&u8) -> bool),
        }
    }

    fn raw(&mut self) -> &'a [u8] {
        self.segments.next().unwrap_or_default()
    }

    fn text(&mut self) -> String {
        String::from_utf8_lossy(self.raw()).into_owned()
    }

    fn text_if(&mut self, present: bool) -> Option<String> {
        present.then(|| self.text())
    }

    fn done(&self) -> bool {
        self.segments.clone().next().is_none()
    }
}

fn texts(raw: &[u8]) -> Vec<String> {
    raw.split(|&byte| byte == 0xFE)
        .map(|piece| String::from_utf8_lossy(piece).into_owned())
        .collect()
}

fn member_value(raw: &[u8]) -> MemberValue {
    let (&kind, rest) = match raw.split_first() {
        Some(split) => split,
        None => return MemberValue::Null,
    };
    let text = || String::from_utf8_lossy(rest).into_owned();
    match kind {
        b't' => MemberValue::Bool(true),
        b'f' => MemberValue::Bool(false),
        b'u' => MemberValue::U64(text().parse().unwrap_or(u64::MAX)),
        b'i' => MemberValue::I64(text().parse().unwrap_or(i64::MIN)),
        b'd' => MemberValue::F64(text().parse().unwrap_or(0.5)),
        b'N' => MemberValue::F64(f64::NAN),
        b'I' => MemberValue::F64(f64::NEG_INFINITY),
        b's' => MemberValue::Str(text()),
        b'l' => MemberValue::List(texts(rest).into_iter().map(MemberValue::Str).collect()),
        b'm' => {
            let texts = texts(rest);
            MemberValue::Map(
                texts
                    .chunks(2)
                    .map(|pair| {
                        let value = pair
                            .get(1)
                            .cloned()
                            .map_or(MemberValue::Null, MemberValue::Str);
                        (pair[0].clone(), value)
                    })
                    .collect(),
            )
        }
        // Kept well inside serde_json's parser depth limit (128), which `Serialize for
        // Envelope` goes through.
        b'[' => {
            let depth = text().parse::<usize>().unwrap_or(1).min(100);
            (0..depth).fold(MemberValue::Null, |inner, _| MemberValue::List(vec![inner]))
        }
        b'x' => MemberValue::Fails,
        _ => MemberValue::Null,
    }
}

/// Reads a `render` input (see the module docs).
pub fn render_input(data: &[u8]) -> (Fixture, Context) {
    let header = |i: usize| data.get(i).copied().unwrap_or(0);
    let status = u16::from_be_bytes([header(0), header(1)]);
    let (flags, more) = (header(2), header(3));
    let mut r = Reader::new(data.get(4..).unwrap_or_default());
    let flag = |bit: u8| flags & bit != 0;
    let has = |bit: u8| more & bit != 0;

    let code = r.text();
    let message = r.text();
    let internal = r.text();
    let parts = SpecParts {
        code,
        status,
        static_message: r.text_if(flag(8)),
        redacted: flag(16),
        title: r.text_if(flag(32)),
        problem_type: r.text_if(flag(64)),
        category: r.text_if(flag(128)),
    };
    let mut context = Context::new().with_debug_detail(flag(1));
    if flag(2) {
        let millis = r.text().trim().parse::<i64>().unwrap_or(i64::MAX);
        match Timestamp::from_unix_millis(millis) {
            Some(at) => context = context.with_timestamp(at),
            None => assert!(!TIMESTAMP_MILLIS.contains(&millis), "{millis} refused"),
        }
    }
    if flag(4)
        && let Ok(method) = http::Method::from_bytes(r.raw())
    {
        context = context.with_method(method);
    }
    if has(8) {
        let raw = r.raw();
        let accepted = check_correlation_id(raw);
        if let Some(id) = accepted {
            context = context.with_correlation_id(id);
        }
    }
    if has(16) {
        let path = r.text();
        context = context.with_path(&path);
        check_bounded(&path, context.path());
    }
    if has(32) {
        let instance = r.text();
        context = context.with_instance(&instance);
        check_bounded(&instance, context.instance());
    }
    let source = if has(64) {
        Link::chain(&texts(r.raw()))
    } else {
        None
    };
    let mut members: Vec<(&'static str, MemberValue)> = Vec::new();
    for _ in 0..(more & 7) {
        let name = intern(&r.text());
        let value = member_value(r.raw());
        // A hand-written impl that repeats a name gets it twice; the derive refuses that.
        if !members.iter().any(|(known, _)| *known == name) {
            members.push((name, value));
        }
    }
    let mut fields = FieldErrors::new();
    while !r.done() {
        let path = r.text();
        fields.add(path.as_str(), r.text());
    }
    let fields = (has(128) || !fields.is_empty()).then_some(fields);
    let fixture = Fixture {
        spec: parts.to_static(),
        message,
        internal,
        fields,
        members,
        source,
    };
    (fixture, context)
}

/// Any input renders in every format, as the model says, identically on both paths.
pub fn render(data: &[u8]) {
    let (fixture, context) = render_input(data);
    for shape in Shape::ALL {
        check_render(&shape, &fixture, &context);
    }
    // A type base that itself needs escaping, and no code member at all.
    let odd = Shape::ProblemDetails(ProblemConfig {
        type_base: Some("urn:\"x\"\\\u{1}/"),
        status: true,
        code_member: None,
    });
    check_render(&odd, &fixture, &context);
}

/// Whether `id` is what [`CorrelationId`] promises to accept: 1 to 128 bytes of
/// `A–Z a–z 0–9 - _ . : ~ + / = @`.
pub fn is_safe_id(id: &[u8]) -> bool {
    !id.is_empty()
        && id.len() <= MAX_CORRELATION_ID_LEN
        && id
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b"-_.:~+/=@".contains(&b))
}

/// Checks `CorrelationId::from_bytes` on `raw` against [`is_safe_id`], and everything an
/// accepted id can be used for; returns the accepted id.
fn check_correlation_id(raw: &[u8]) -> Option<CorrelationId> {
    let result = CorrelationId::from_bytes(raw);
    match std::str::from_utf8(raw) {
        Ok(text) => assert_eq!(CorrelationId::new(text), result),
        Err(_) => assert_eq!(result, Err(InvalidCorrelationId::BadCharacter)),
    }
    match result {
        Ok(id) => {
            assert!(
                is_safe_id(raw),
                "accepted {:?}",
                String::from_utf8_lossy(raw)
            );
            assert_eq!(id.as_str().as_bytes(), raw);
            assert_eq!(id.to_string().as_bytes(), raw);
            // Safe to echo: in a header, and in JSON without a single escape.
            assert!(http::HeaderValue::from_str(id.as_str()).is_ok());
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, format!("\"{}\"", id.as_str()));
            Some(id)
        }
        Err(error) => {
            assert!(
                !is_safe_id(raw),
                "refused {:?}",
                String::from_utf8_lossy(raw)
            );
            let expected = if std::str::from_utf8(raw).is_err() {
                InvalidCorrelationId::BadCharacter
            } else if raw.is_empty() {
                InvalidCorrelationId::Empty
            } else if raw.len() > MAX_CORRELATION_ID_LEN {
                InvalidCorrelationId::TooLong
            } else {
                InvalidCorrelationId::BadCharacter
            };
            assert_eq!(error, expected, "{:?}", String::from_utf8_lossy(raw));
            assert!(!error.to_string().is_empty());
            None
        }
    }
}

/// Checks what `Context::with_path` and `with_instance` kept of `input`: the longest prefix of
/// it, control characters left out, that fits in [`apierr::MAX_PATH_LEN`] bytes.
pub fn check_bounded(input: &str, kept: Option<&str>) {
    let kept = kept.expect("a path or instance that was set is kept");
    let mut expected = String::new();
    for c in input.chars().filter(|c| !c.is_control()) {
        if expected.len() + c.len_utf8() > apierr::MAX_PATH_LEN {
            break;
        }
        expected.push(c);
    }
    assert_eq!(kept, expected);
}

/// Any bytes as a correlation id: accepted exactly when safe, never a panic.
pub fn correlation_id(data: &[u8]) {
    if let Some(id) = check_correlation_id(data) {
        let context = Context::new().with_correlation_id(id);
        let fixture = Fixture::new(SpecParts::default().to_static(), "m");
        check_render(&Shape::FieldLists, &fixture, &context);
    }
}

/// What a JSON Pointer in a URI fragment says, decoded by hand: one string per segment.
fn pointer_segments(pointer: &str) -> Vec<String> {
    let rest = pointer.strip_prefix('#').expect("a fragment");
    if rest.is_empty() {
        return Vec::new();
    }
    let rest = rest.strip_prefix('/').expect("a pointer starts with /");
    rest.split('/')
        .map(|raw| {
            let bytes = raw.as_bytes();
            let mut decoded = Vec::new();
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i] == b'%' {
                    let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).expect("two hex digits");
                    decoded.push(u8::from_str_radix(hex, 16).expect("two hex digits"));
                    i += 3;
                } else {
                    decoded.push(bytes[i]);
                    i += 1;
                }
            }
            String::from_utf8(decoded)
                .expect("percent-encoding of UTF-8")
                .replace("~1", "/")
                .replace("~0", "~")
        })
        .collect()
}

/// Characters RFC 3986 allows in a fragment besides `%` escapes.
fn is_fragment_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@/?".contains(c)
}

fn check_path(path: &FieldPath) {
    let shown = path.to_string();
    let pointer = path.pointer().to_string();
    assert!(
        pointer.starts_with('#')
            && pointer[1..]
                .chars()
                .all(|c| c == '%' || is_fragment_char(c)),
        "{pointer:?} is not a URI fragment"
    );
    let expected: Vec<String> = path
        .segments()
        .iter()
        .map(|segment| match segment {
            Segment::Key(name) => name.to_string(),
            Segment::Index(index) => index.to_string(),
        })
        .collect();
    assert_eq!(pointer_segments(&pointer), expected, "{pointer:?}");
    // The decoder reads every pointer back to one that prints the same.
    let read = parse_pointer(&pointer).expect("a pointer apierr wrote");
    assert_eq!(read.pointer().to_string(), pointer);
    assert_eq!(
        serde_json::to_string(path).unwrap(),
        serde_json::to_string(&shown).unwrap()
    );
    assert_eq!(
        serde_json::to_string(&path.pointer()).unwrap(),
        serde_json::to_string(&pointer).unwrap()
    );
}

/// Whether a parsed path can be printed and parsed back to itself. A key right before an index
/// cannot be empty (`a..[1]` prints as `a.[1]`, which parses without the empty key) nor hold a
/// `[` (`b[x.[1]` prints as `b[x[1]`, which parses as one key).
fn prints_back(path: &FieldPath) -> bool {
    !path.segments().windows(2).any(|pair| {
        matches!(pair, [Segment::Key(key), Segment::Index(_)] if key.is_empty() || key.contains('['))
    })
}

/// Any text as a field path: parsed, printed and made a pointer without a panic; printing
/// then parsing gives the same path back wherever the notation can say it.
pub fn field_path(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let parsed = FieldPath::from(&*text);
    check_path(&parsed);
    let shown = parsed.to_string();
    let again = FieldPath::from(shown.as_str());
    if prints_back(&parsed) {
        assert_eq!(again, parsed, "{text:?} printed as {shown:?}");
    } else {
        // It reads back as another path; printing and reading again settles on one that
        // prints back, each round merging a key with what follows it.
        assert_ne!(again, parsed, "{text:?}");
        let mut path = again;
        let mut rounds = 0;
        while !prints_back(&path) {
            rounds += 1;
            assert!(rounds <= parsed.segments().len(), "{text:?} never settles");
            path = FieldPath::from(path.to_string().as_str());
        }
        assert_eq!(FieldPath::from(path.to_string().as_str()), path, "{text:?}");
    }
    // The same text as one literal key, and as keys around an index, built by hand.
    let literal = FieldPath::root().key(Cow::Owned(text.to_string()));
    check_path(&literal);
    let mut built = FieldPath::root();
    for (i, piece) in text.split('/').enumerate() {
        built = built.key(piece.to_owned()).index(i);
    }
    check_path(&built);
}

fn decode_with(format: &dyn Decode, data: &[u8]) {
    let decoded = match format.decode(data) {
        Ok(decoded) => decoded,
        Err(error) => {
            assert!(!error.to_string().is_empty());
            return;
        }
    };
    let _ = decoded.to_string();
    for field in &decoded.fields {
        assert!(field.messages().len() > 0);
        check_path(field.path());
    }
    let status = http::StatusCode::IM_A_TEAPOT;
    let answered = format
        .decode_response(status, data)
        .expect("a body that decodes also decodes as a response");
    assert_eq!(answered.status, Some(status));
    assert_eq!(answered.code, decoded.code);
}

/// Any bytes as a [`Nested`] body: a value or an error, never a panic.
pub fn decode_nested(data: &[u8]) {
    decode_with(&Nested, data);
}

/// Any bytes as a [`FieldLists`] body.
pub fn decode_field_lists(data: &[u8]) {
    decode_with(&FieldLists, data);
}

/// Any bytes as a [`FieldStrings`] body.
pub fn decode_field_strings(data: &[u8]) {
    decode_with(&FieldStrings, data);
}

/// Any bytes as a [`FlatDetails`] body.
pub fn decode_flat_details(data: &[u8]) {
    decode_with(&FlatDetails, data);
}

/// Any bytes as a [`StatusEnvelope`] body.
pub fn decode_status_envelope(data: &[u8]) {
    decode_with(&StatusEnvelope, data);
}

/// Any bytes as an RFC 9457 body, in both configurations the formats' tests use.
pub fn decode_problem_details(data: &[u8]) {
    for shape in Shape::ALL {
        if let Shape::ProblemDetails(config) = shape {
            decode_with(&config.format(), data);
        }
    }
}

/// Any bytes as a body of an unknown format.
pub fn decode_detect(data: &[u8]) {
    decode_with(&Detect, data);
}
