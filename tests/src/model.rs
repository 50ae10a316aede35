//! What each built-in format's body should be, written from the formats' documentation rather
//! than from their code, and the check that renders a [`Fixture`] every way there is and holds
//! each result against it.

use apierr::decode::{Decode, Decoded};
use apierr::format::{
    AnyFormat, FieldLists, FieldStrings, FlatDetails, Format, Nested, ProblemDetails,
    StatusEnvelope,
};
use apierr::response::ResponseOptions;
use apierr::{ApiError, Context, Envelope, FieldPath, MAX_BODY_LEN, Problem};
use serde_json::{Map, Number, Value};

use crate::fixture::{Fixture, Json};

/// How a [`ProblemDetails`] is configured, readable by the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProblemConfig {
    pub type_base: Option<&'static str>,
    pub status: bool,
    pub code_member: Option<&'static str>,
}

impl ProblemConfig {
    /// The configuration of `ProblemDetails::new()`.
    pub const DEFAULT: ProblemConfig = ProblemConfig {
        type_base: None,
        status: true,
        code_member: Some("code"),
    };

    pub fn format(&self) -> ProblemDetails {
        let mut format = ProblemDetails::new().with_code_member(self.code_member);
        if let Some(base) = self.type_base {
            format = format.with_type_base(base);
        }
        if !self.status {
            format = format.without_status();
        }
        format
    }
}

/// A built-in format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Nested,
    FieldLists,
    FieldStrings,
    FlatDetails,
    StatusEnvelope,
    ProblemDetails(ProblemConfig),
}

impl Shape {
    /// Every built-in format, RFC 9457 both plain and with a type base, no status and a renamed
    /// code member.
    pub const ALL: [Shape; 7] = [
        Shape::Nested,
        Shape::FieldLists,
        Shape::FieldStrings,
        Shape::FlatDetails,
        Shape::StatusEnvelope,
        Shape::ProblemDetails(ProblemConfig::DEFAULT),
        Shape::ProblemDetails(ProblemConfig {
            type_base: Some("https://example.com/probs/"),
            status: false,
            code_member: Some("errorCode"),
        }),
    ];

    /// The format, behind `dyn` as the HTTP integrations hold it.
    pub fn any(&self) -> Box<dyn AnyFormat> {
        match self {
            Shape::Nested => Box::new(Nested),
            Shape::FieldLists => Box::new(FieldLists),
            Shape::FieldStrings => Box::new(FieldStrings),
            Shape::FlatDetails => Box::new(FlatDetails),
            Shape::StatusEnvelope => Box::new(StatusEnvelope),
            Shape::ProblemDetails(config) => Box::new(config.format()),
        }
    }

    /// Response options that render every error in this format, as the HTTP layers take them.
    pub fn options(&self) -> ResponseOptions {
        let options = ResponseOptions::new();
        match self {
            Shape::Nested => options.with_format(Nested),
            Shape::FieldLists => options.with_format(FieldLists),
            Shape::FieldStrings => options.with_format(FieldStrings),
            Shape::FlatDetails => options.with_format(FlatDetails),
            Shape::StatusEnvelope => options.with_format(StatusEnvelope),
            Shape::ProblemDetails(config) => options.with_format(config.format()),
        }
    }

    /// Reads a body of this format back.
    pub fn decode(&self, body: &[u8]) -> Result<Decoded, apierr::decode::DecodeError> {
        match self {
            Shape::Nested => Nested.decode(body),
            Shape::FieldLists => FieldLists.decode(body),
            Shape::FieldStrings => FieldStrings.decode(body),
            Shape::FlatDetails => FlatDetails.decode(body),
            Shape::StatusEnvelope => StatusEnvelope.decode(body),
            Shape::ProblemDetails(config) => config.format().decode(body),
        }
    }

    /// The body through the format's serde implementation into serde_json's compact writer.
    pub fn serde_bytes(&self, problem: &Problem<'_>) -> Result<Vec<u8>, serde_json::Error> {
        fn run<F: Format>(format: &F, problem: &Problem<'_>) -> Result<Vec<u8>, serde_json::Error> {
            let mut out = Vec::new();
            format.serialize(problem, &mut serde_json::Serializer::new(&mut out))?;
            Ok(out)
        }
        match self {
            Shape::Nested => run(&Nested, problem),
            Shape::FieldLists => run(&FieldLists, problem),
            Shape::FieldStrings => run(&FieldStrings, problem),
            Shape::FlatDetails => run(&FlatDetails, problem),
            Shape::StatusEnvelope => run(&StatusEnvelope, problem),
            Shape::ProblemDetails(config) => run(&config.format(), problem),
        }
    }

    /// The members the format writes itself, which extension members may not take.
    pub fn taken(&self) -> Vec<&'static str> {
        match self {
            Shape::Nested => vec!["code", "message", "status", "fields"],
            Shape::FieldLists => vec!["code", "message", "errors", "correlationId"],
            Shape::FieldStrings => vec!["code", "message", "fields"],
            Shape::FlatDetails => vec!["success", "error", "code", "details"],
            Shape::StatusEnvelope => vec![
                "success",
                "message",
                "error",
                "statusCode",
                "timestamp",
                "path",
                "method",
                "data",
                "stack",
            ],
            Shape::ProblemDetails(config) => {
                // `code` stays reserved even without a code member, so that no extension member
                // can pose as the code.
                let mut taken = vec!["type", "title", "status", "detail", "instance", "errors"];
                taken.push(config.code_member.unwrap_or("code"));
                taken
            }
        }
    }

    /// The path (as [`Json::repeated_names`] writes it) of the extension member `name`.
    pub fn member_at(&self, name: &str) -> String {
        match self {
            Shape::Nested => format!("/error/{name}"),
            _ => format!("/{name}"),
        }
    }

    /// The path (as [`Json::repeated_names`] writes it) of the object holding field errors
    /// by path, for the formats that key them by path.
    pub fn field_map_at(&self) -> Option<&'static str> {
        match self {
            Shape::Nested => Some("/error/fields"),
            Shape::FieldLists => Some("/errors"),
            Shape::FieldStrings => Some("/fields"),
            Shape::FlatDetails => Some("/details"),
            Shape::StatusEnvelope | Shape::ProblemDetails(_) => None,
        }
    }
}

fn str(text: &str) -> Json {
    Json::Str(text.to_owned())
}

fn num(value: u16) -> Json {
    Json::Num(Number::from(value))
}

/// `OUT_OF_CREDIT` → `out-of-credit`.
fn kebab(code: &str) -> String {
    code.chars()
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// The body `shape` should render for `fixture` in `context`.
pub fn expected(shape: &Shape, fixture: &Fixture, context: &Context) -> Json {
    let spec = fixture.spec;
    let status = spec.status();
    let reason = status.canonical_reason().unwrap_or("Error");
    let message = spec.static_message().unwrap_or(&fixture.message);
    let fields: Vec<_> = fixture
        .fields
        .iter()
        .flatten()
        .map(|entry| {
            let messages: Vec<String> = entry.messages().map(|m| m.to_string()).collect();
            (entry.path(), messages)
        })
        .collect();
    // Formats that list entries one by one keep the order they were reported in.
    let entries: Vec<(&FieldPath, String)> = fixture
        .fields
        .iter()
        .flat_map(|fields| fields.entries())
        .map(|(path, violation)| (path, violation.text().to_owned()))
        .collect();
    let lists = || {
        Json::Obj(
            fields
                .iter()
                .map(|(path, messages)| {
                    (
                        path.to_string(),
                        Json::Arr(messages.iter().map(|m| str(m)).collect()),
                    )
                })
                .collect(),
        )
    };
    let strings = || {
        Json::Obj(
            fields
                .iter()
                .map(|(path, messages)| (path.to_string(), str(&messages.join("; "))))
                .collect(),
        )
    };
    let taken = shape.taken();
    let members = fixture
        .members
        .iter()
        .filter(|(name, _)| !taken.contains(name))
        .map(|(name, value)| (name.to_string(), value.to_json()));

    let mut body: Vec<(String, Json)> = Vec::new();
    fn put(body: &mut Vec<(String, Json)>, name: &str, value: Json) {
        body.push((name.to_owned(), value));
    }
    match shape {
        Shape::Nested => {
            let mut inner = Vec::new();
            put(&mut inner, "code", str(spec.code()));
            put(&mut inner, "message", str(message));
            put(&mut inner, "status", num(status.as_u16()));
            if !fields.is_empty() {
                put(&mut inner, "fields", lists());
            }
            inner.extend(members);
            put(&mut body, "success", Json::Bool(false));
            put(&mut body, "error", Json::Obj(inner));
        }
        Shape::FieldLists => {
            put(&mut body, "code", str(spec.code()));
            put(&mut body, "message", str(message));
            if !fields.is_empty() {
                put(&mut body, "errors", lists());
            }
            if let Some(id) = context.correlation_id() {
                put(&mut body, "correlationId", str(id.as_str()));
            }
            body.extend(members);
        }
        Shape::FieldStrings => {
            put(&mut body, "code", str(spec.code()));
            put(&mut body, "message", str(message));
            if !fields.is_empty() {
                put(&mut body, "fields", strings());
            }
            body.extend(members);
        }
        Shape::FlatDetails => {
            put(&mut body, "success", Json::Bool(false));
            put(&mut body, "error", str(message));
            put(&mut body, "code", str(spec.code()));
            if !fields.is_empty() {
                put(&mut body, "details", strings());
            }
            body.extend(members);
        }
        Shape::StatusEnvelope => {
            put(&mut body, "success", Json::Bool(false));
            if !spec.is_redacted() {
                put(&mut body, "message", str(message));
            }
            put(&mut body, "error", str(spec.category().unwrap_or(reason)));
            put(&mut body, "statusCode", num(status.as_u16()));
            if let Some(at) = context.timestamp() {
                put(&mut body, "timestamp", str(&at.to_string()));
            }
            if let Some(path) = context.path() {
                put(&mut body, "path", str(path));
            }
            if let Some(method) = context.method() {
                put(&mut body, "method", str(method.as_str()));
            }
            if !fields.is_empty() {
                let items = entries
                    .iter()
                    .map(|(path, m)| {
                        Json::Obj(vec![
                            ("type".to_owned(), str("field")),
                            ("path".to_owned(), str(&path.to_string())),
                            ("msg".to_owned(), str(m)),
                        ])
                    })
                    .collect();
                put(&mut body, "data", Json::Arr(items));
            }
            if context.debug_detail() {
                let mut stack = fixture.internal.clone();
                let mut link = fixture.source.as_ref();
                while let Some(error) = link {
                    stack.push_str("\n    caused by: ");
                    stack.push_str(&error.text);
                    link = error.next.as_deref();
                }
                put(&mut body, "stack", Json::Str(stack));
            }
            body.extend(members);
        }
        Shape::ProblemDetails(config) => {
            let problem_type = match (spec.problem_type(), config.type_base) {
                (Some(uri), _) => uri.to_owned(),
                (None, Some(base)) => format!("{base}{}", kebab(spec.code())),
                (None, None) => "about:blank".to_owned(),
            };
            put(&mut body, "type", Json::Str(problem_type));
            let title = spec.title().unwrap_or(reason);
            put(&mut body, "title", str(title));
            if config.status {
                put(&mut body, "status", num(status.as_u16()));
            }
            // Left out when a fixed message repeats the title; a message built from the value
            // is not compared, even when it reads the same.
            if spec.static_message() != Some(title) {
                put(&mut body, "detail", str(message));
            }
            if let Some(instance) = context.instance() {
                put(&mut body, "instance", str(instance));
            }
            if let Some(name) = config.code_member {
                put(&mut body, name, str(spec.code()));
            }
            if !fields.is_empty() {
                let items = entries
                    .iter()
                    .map(|(path, m)| {
                        Json::Obj(vec![
                            ("detail".to_owned(), str(m)),
                            ("pointer".to_owned(), str(&path.pointer().to_string())),
                        ])
                    })
                    .collect();
                put(&mut body, "errors", Json::Arr(items));
            }
            body.extend(members);
        }
    }
    Json::Obj(body)
}

/// Field paths that print the same although they differ, which a format keyed by path writes
/// as one name twice.
pub fn colliding_paths(fixture: &Fixture) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut colliding = Vec::new();
    for entry in fixture.fields.iter().flatten() {
        let shown = entry.path().to_string();
        if !seen.insert(shown.clone()) {
            colliding.push(shown);
        }
    }
    colliding
}

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
