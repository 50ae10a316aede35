//! The built-in formats write bodies through a direct writer; this proves it writes the very
//! bytes their serde implementation writes, for every format and every kind of content.

use apierr::format::{
    AnyFormat, FieldLists, FieldStrings, FlatDetails, Format, Nested, ProblemDetails,
    StatusEnvelope,
};
use apierr::{
    ApiError, Context, CorrelationId, Envelope, FieldErrors, FieldPath, Problem, Timestamp,
};

#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Everything")]
enum Sample {
    #[error("plain")]
    #[api(code = "PLAIN", status = 400)]
    Plain,
    #[error("quote \" backslash \\ newline \n tab \t bell \u{7} é 😀 </script>")]
    #[api(code = "ESCAPES", status = 409)]
    Escapes,
    #[error("unused")]
    #[api(
        code = "STATIC_ESCAPES",
        status = 400,
        message = "static \"quoted\" \\ {{braces}}"
    )]
    StaticEscapes,
    #[error("unused")]
    #[api(
        code = "INTERPOLATED",
        status = 422,
        message = "{name:?} owes {amount:.2} ({id})"
    )]
    Interpolated {
        id: u8,
        #[api(member)]
        name: String,
        #[api(member = "total")]
        amount: f64,
    },
    #[error("internal \"secret\"")]
    #[api(
        code = "SERVER",
        status = 503,
        title = "Down",
        type = "https://example.com/down"
    )]
    Server,
    #[error("invalid")]
    #[api(code = "INVALID", status = 422, message = "Invalid")]
    Invalid {
        #[api(fields)]
        fields: FieldErrors,
        #[api(member = "weird \"name\"")]
        extra: Vec<Option<bool>>,
    },
}

impl Sample {
    fn interpolated() -> Self {
        Sample::Interpolated {
            id: 7,
            name: "ann \"a\"".to_owned(),
            amount: 12.5,
        }
    }
}

/// Renders one problem through both paths: (direct writer, serde).
type BothPaths = Box<dyn Fn(&Problem<'_>) -> (Vec<u8>, Vec<u8>)>;

fn formats() -> Vec<(&'static str, BothPaths)> {
    fn both<F: Format>(format: F) -> BothPaths {
        Box::new(move |problem| {
            let mut fast = Vec::new();
            AnyFormat::write_json(&format, problem, &mut fast).unwrap();
            let mut serde = Vec::new();
            format
                .serialize(problem, &mut serde_json::Serializer::new(&mut serde))
                .unwrap();
            (fast, serde)
        })
    }
    vec![
        ("Nested", both(Nested)),
        ("FieldLists", both(FieldLists)),
        ("FieldStrings", both(FieldStrings)),
        ("FlatDetails", both(FlatDetails)),
        ("StatusEnvelope", both(StatusEnvelope)),
        ("ProblemDetails", both(ProblemDetails::new())),
        (
            "ProblemDetails+base",
            both(
                ProblemDetails::new()
                    .with_type_base("https://example.com/probs/")
                    .without_status()
                    .with_code_member(Some("errorCode")),
            ),
        ),
    ]
}

/// Renders `problem` in every format through both paths and asserts the bytes are the same;
/// how many formats it compared.
fn assert_both_paths_agree(problem: &Problem<'_>, error: &dyn std::fmt::Debug) -> usize {
    let mut compared = 0;
    for (name, render) in formats() {
        let (fast, serde) = render(problem);
        assert_eq!(
            String::from_utf8(fast).unwrap(),
            String::from_utf8(serde).unwrap(),
            "{name} for {error:?}"
        );
        compared += 1;
    }
    compared
}

#[test]
fn fast_writer_matches_serde_byte_for_byte() {
    let fields = FieldErrors::new()
        .with("title", "Title is required")
        .with("title", "Title \"is\" short")
        .with("items[2].qty", "must be > 0\n")
        .with(FieldPath::root().key("a/b~c").key("d e"), "odd key");
    let errors = [
        Sample::Plain,
        Sample::Escapes,
        Sample::StaticEscapes,
        Sample::interpolated(),
        Sample::Server,
        Sample::Invalid {
            fields,
            extra: vec![Some(true), None],
        },
        Sample::Invalid {
            fields: FieldErrors::new(),
            extra: Vec::new(),
        },
    ];
    let full = Context::new()
        .with_correlation_id(CorrelationId::new("abc-123").unwrap())
        .with_timestamp(Timestamp::from_unix_millis(1_779_530_400_123).unwrap())
        .with_path("/api/\"x\"\u{1}")
        .with_method(http::Method::PATCH)
        .with_instance("/i/\\1")
        .with_debug_detail(true);
    let contexts = [Context::new(), full];
    let mut compared = 0;
    for error in &errors {
        for context in &contexts {
            compared += assert_both_paths_agree(&Problem::new(error, context), error);
        }
    }
    assert_eq!(compared, 7 * 2 * 7);
}

#[test]
fn envelope_bytes_are_the_fast_path() {
    let body = Envelope::new(&Sample::interpolated()).to_vec().unwrap();
    assert_eq!(
        String::from_utf8(body).unwrap(),
        r#"{"success":false,"error":{"code":"INTERPOLATED","message":"\"ann \\\"a\\\"\" owes 12.50 (7)","status":422,"name":"ann \"a\"","total":12.5}}"#
    );
}

#[test]
fn serde_path_of_envelope_keeps_member_order() {
    let error = Sample::interpolated();
    let through_serde = serde_json::to_string(&Envelope::new(&error)).unwrap();
    let direct = String::from_utf8(Envelope::new(&error).to_vec().unwrap()).unwrap();
    assert_eq!(through_serde, direct);
}

#[derive(Debug, ApiError)]
enum Colliding {
    #[api(code = "DATA", status = 400, message = "m")]
    Data {
        #[api(member)]
        data: u8,
        #[api(member)]
        success: bool,
    },
}

#[test]
fn members_named_like_the_envelope_are_left_out() {
    let error = Colliding::Data {
        data: 7,
        success: true,
    };
    let bodies: Vec<String> = formats()
        .iter()
        .map(|(_, render)| {
            let context = Context::new();
            let (fast, serde) = render(&Problem::new(&error, &context));
            assert_eq!(fast, serde);
            String::from_utf8(fast).unwrap()
        })
        .collect();
    // Nested writes neither name itself, so both stay; StatusEnvelope owns both.
    assert_eq!(
        bodies[0],
        r#"{"success":false,"error":{"code":"DATA","message":"m","status":400,"data":7,"success":true}}"#
    );
    assert_eq!(
        bodies[4],
        r#"{"success":false,"message":"m","error":"Bad Request","statusCode":400}"#
    );
    assert_eq!(
        bodies[3],
        r#"{"success":false,"error":"m","code":"DATA","data":7}"#
    );
}

#[test]
fn translated_messages_are_escaped_on_the_fast_path() {
    // `PLAIN` has a static message that needs no escaping, so the fast writer copies it as it
    // is; its translation must not inherit that: it holds every character JSON escapes.
    static XX: &[(&str, &str)] = &[
        (
            "PLAIN",
            "«quote \" backslash \\ newline \n bell \u{7}» </script>",
        ),
        ("STATIC_ESCAPES", "plain translation"),
        ("INTERPOLATED", "sans valeurs"),
        ("SERVER", "hors \"service\""),
        ("INVALID", "ungültig\t!"),
    ];
    let translations = apierr::Translations::new().language("xx", XX);
    let context = Context::new()
        .with_localizer(std::sync::Arc::new(translations))
        .with_language("xx")
        .with_debug_detail(true);
    let errors = [
        Sample::Plain,
        Sample::Escapes,
        Sample::StaticEscapes,
        Sample::interpolated(),
        Sample::Server,
        Sample::Invalid {
            fields: FieldErrors::new().with("title", "Title is required"),
            extra: vec![Some(false)],
        },
    ];
    for error in &errors {
        assert_both_paths_agree(&Problem::new(error, &context), error);
    }
    let body = Envelope::new(&Sample::Plain)
        .with_context(&context)
        .to_vec()
        .unwrap();
    assert_eq!(
        String::from_utf8(body).unwrap(),
        r#"{"success":false,"error":{"code":"PLAIN","message":"«quote \" backslash \\ newline \n bell \u0007» </script>","status":400}}"#
    );
}

/// A field whose `Display` is its own: its message goes through `Display`.
#[derive(Debug)]
struct Shown(&'static str);

impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{}>", self.0)
    }
}

/// Interpolated messages of every kind of field: those the derive writes piece by piece
/// (strings, integers, `bool`, `char`, references) and those left to `Display` (a float, a
/// type of the user's, a generic field, a path).
#[derive(Debug, thiserror::Error, ApiError)]
enum Pieces<T: std::fmt::Display + std::fmt::Debug> {
    #[error("text {text} n {n} neg {neg} yes {yes} c {c} r {r} boxed {boxed} cow {cow}")]
    #[api(code = "TEXTS", status = 400)]
    Texts {
        text: String,
        n: u128,
        neg: i8,
        yes: bool,
        c: char,
        r: &'static str,
        boxed: Box<str>,
        cow: std::borrow::Cow<'static, str>,
    },
    #[error("{0}{1}")]
    #[api(code = "TUPLE", status = 400)]
    Tuple(String, u16),
    #[error("{{literal}} {0} {0}")]
    #[api(code = "TWICE", status = 400)]
    Twice(String),
    #[error("float {0}")]
    #[api(code = "FLOAT", status = 400)]
    Float(f64),
    #[error("shown {0} and {1}")]
    #[api(code = "SHOWN", status = 400)]
    Shown(String, Shown),
    #[error("generic {0}")]
    #[api(code = "GENERIC", status = 400)]
    Generic(T),
    #[error("path {0}")]
    #[api(code = "PATH", status = 400)]
    Path(std::path::PathBuf),
    #[error("ignored")]
    #[api(code = "DECLARED", status = 409, message = "declared {who} \"{n}\"")]
    Declared { who: String, n: u8 },
    #[error("server {0}")]
    #[api(code = "SERVER_PIECES", status = 500)]
    Server(String),
    #[error("exposed {0}")]
    #[api(code = "EXPOSED", status = 502, expose)]
    Exposed(String),
    #[error(transparent)]
    #[api(transparent)]
    Inner(Shouted),
}

/// With `#[api(display)]`: the derive writes `Display` and the JSON message from one string.
#[derive(Debug, ApiError)]
#[api(display)]
enum Shouted {
    #[error("shouted {0}!")]
    #[api(code = "SHOUTED", status = 400)]
    Loud(String),
}

#[test]
fn interpolated_messages_written_piece_by_piece_match_display() {
    let hostile = "quote \" backslash \\ newline \n nul \0 bell \u{7} é 😀 </script>".to_owned();
    let errors: Vec<Pieces<Shown>> = vec![
        Pieces::Texts {
            text: hostile.clone(),
            n: u128::MAX,
            neg: i8::MIN,
            yes: true,
            c: '"',
            r: "a \\ b",
            boxed: "boxed\t".into(),
            cow: "cow\u{1f}".into(),
        },
        Pieces::Tuple(hostile.clone(), 65535),
        Pieces::Twice("\"".to_owned()),
        Pieces::Float(0.1),
        Pieces::Shown(hostile.clone(), Shown("\"x\"")),
        Pieces::Generic(Shown("g\n")),
        Pieces::Path(std::path::PathBuf::from("/tmp/\"p\"")),
        Pieces::Declared {
            who: hostile.clone(),
            n: 3,
        },
        Pieces::Server(hostile.clone()),
        Pieces::Exposed(hostile.clone()),
        Pieces::Inner(Shouted::Loud(hostile)),
    ];
    for error in &errors {
        for context in [Context::new(), Context::new().with_debug_detail(true)] {
            assert_both_paths_agree(&Problem::new(error, &context), error);
        }
    }
    let message = |error: &Pieces<Shown>| {
        let body = Envelope::new(error).to_value().unwrap();
        body["error"]["message"].as_str().unwrap().to_owned()
    };
    assert_eq!(
        message(&errors[0]),
        "text quote \" backslash \\ newline \n nul \0 bell \u{7} é 😀 </script> n \
         340282366920938463463374607431768211455 neg -128 yes true c \" r a \\ b boxed boxed\t \
         cow cow\u{1f}"
    );
    assert_eq!(message(&errors[2]), "{literal} \" \"");
    assert_eq!(
        message(&errors[7]),
        "declared quote \" backslash \\ newline \n nul \0 bell \u{7} é 😀 </script> \"3\""
    );
    // A 5xx shows the generic message, never its `Display`, whichever path writes messages.
    assert_eq!(message(&errors[8]), "Internal Server Error");
    assert!(message(&errors[9]).starts_with("exposed quote"));
    assert!(message(&errors[10]).starts_with("shouted quote"));
    let body = Envelope::new(&errors[1]).to_vec().unwrap();
    assert_eq!(
        String::from_utf8(body).unwrap(),
        r#"{"success":false,"error":{"code":"TUPLE","message":"quote \" backslash \\ newline \n nul \u0000 bell \u0007 é 😀 </script>65535","status":400}}"#
    );
}
