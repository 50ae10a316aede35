//! An error whose code, status, messages, field errors, extension members and source chain are
//! all data, so that property tests and fuzz targets can render arbitrary ones.

use std::collections::{HashMap, HashSet};
use std::error::Error;
use std::fmt;
use std::sync::{LazyLock, Mutex};

use apierr::{ApiError, FieldErrors, Member, Spec};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Error as _, Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Number, Value};

/// Everything a hand-written [`Spec`] can say that the formats read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct SpecParts {
    pub code: String,
    pub status: u16,
    pub category: Option<String>,
    pub title: Option<String>,
    pub problem_type: Option<String>,
    pub static_message: Option<String>,
    pub redacted: bool,
}

/// What interning may keep alive, in bytes. Fuzzing runs millions of inputs; past this, specs
/// come from a small fixed set, which the model reads back like any other spec.
const INTERN_BUDGET: usize = 256 << 20;

struct Interned {
    specs: HashMap<SpecParts, &'static Spec>,
    strings: HashSet<&'static str>,
    bytes: usize,
}

static INTERNED: LazyLock<Mutex<Interned>> = LazyLock::new(|| {
    Mutex::new(Interned {
        specs: HashMap::new(),
        strings: HashSet::new(),
        bytes: 0,
    })
});

static OVER_BUDGET: Spec = Spec::new("OVER_BUDGET", 500, "Fixture");

fn lock() -> std::sync::MutexGuard<'static, Interned> {
    // A panicking test case must not turn every later one into a poisoned-lock failure.
    INTERNED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// `text` as a `'static` string, made once per distinct value. Interned rather than leaked so
/// that everything stays reachable from a static: LeakSanitizer, on under `cargo fuzz`, would
/// report each leaked string.
pub fn intern(text: &str) -> &'static str {
    lock().intern(text)
}

impl Interned {
    fn intern(&mut self, text: &str) -> &'static str {
        if let Some(&known) = self.strings.get(text) {
            return known;
        }
        if self.bytes + text.len() > INTERN_BUDGET {
            return "over-budget";
        }
        let leaked: &'static str = Box::leak(text.to_owned().into_boxed_str());
        self.bytes += text.len();
        self.strings.insert(leaked);
        leaked
    }
}

impl SpecParts {
    /// The spec these parts describe, as a `'static`, made once per distinct value.
    pub fn to_static(&self) -> &'static Spec {
        let mut interned = lock();
        if let Some(&spec) = interned.specs.get(self) {
            return spec;
        }
        if interned.bytes + std::mem::size_of::<Spec>() > INTERN_BUDGET {
            return &OVER_BUDGET;
        }
        let mut spec = Spec::new(interned.intern(&self.code), self.status, "Fixture");
        if let Some(category) = &self.category {
            spec = spec.with_category(interned.intern(category));
        }
        if let Some(title) = &self.title {
            spec = spec.with_title(interned.intern(title));
        }
        if let Some(uri) = &self.problem_type {
            spec = spec.with_problem_type(interned.intern(uri));
        }
        if let Some(message) = &self.static_message {
            spec = spec.with_static_message(interned.intern(message));
        }
        if self.redacted {
            spec = spec.redacted();
        }
        interned.bytes += std::mem::size_of::<Spec>();
        let spec: &'static Spec = Box::leak(Box::new(spec));
        interned.specs.insert(self.clone(), spec);
        spec
    }
}

/// An extension member's value: every kind of JSON, and one that refuses to serialize.
#[derive(Debug, Clone, PartialEq)]
pub enum MemberValue {
    Null,
    Bool(bool),
    U64(u64),
    I64(i64),
    /// Non-finite values are written as `null`. Bodies compare exactly because the runtime
    /// turns on serde_json's `float_roundtrip`, so that parsing gives back every float.
    F64(f64),
    Str(String),
    List(Vec<MemberValue>),
    Map(Vec<(String, MemberValue)>),
    /// Its `Serialize` fails: rendering must then fail too, on every path, without a panic.
    Fails,
}

impl MemberValue {
    /// Whether serializing this value fails.
    pub fn fails(&self) -> bool {
        match self {
            MemberValue::Fails => true,
            MemberValue::List(items) => items.iter().any(MemberValue::fails),
            MemberValue::Map(entries) => entries.iter().any(|(_, value)| value.fails()),
            _ => false,
        }
    }

    /// The JSON this value should serialize to.
    pub fn to_json(&self) -> Json {
        match self {
            MemberValue::Null | MemberValue::Fails => Json::Null,
            MemberValue::Bool(value) => Json::Bool(*value),
            MemberValue::U64(value) => Json::Num(Number::from(*value)),
            MemberValue::I64(value) => Json::Num(Number::from(*value)),
            MemberValue::F64(value) => Number::from_f64(*value).map_or(Json::Null, Json::Num),
            MemberValue::Str(text) => Json::Str(text.clone()),
            MemberValue::List(items) => Json::Arr(items.iter().map(MemberValue::to_json).collect()),
            MemberValue::Map(entries) => Json::Obj(
                entries
                    .iter()
                    .map(|(name, value)| (name.clone(), value.to_json()))
                    .collect(),
            ),
        }
    }
}

impl Serialize for MemberValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            MemberValue::Null => serializer.serialize_unit(),
            MemberValue::Bool(value) => serializer.serialize_bool(*value),
            MemberValue::U64(value) => serializer.serialize_u64(*value),
            MemberValue::I64(value) => serializer.serialize_i64(*value),
            MemberValue::F64(value) => serializer.serialize_f64(*value),
            MemberValue::Str(text) => serializer.serialize_str(text),
            MemberValue::List(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            MemberValue::Map(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (name, value) in entries {
                    map.serialize_entry(name, value)?;
                }
                map.end()
            }
            MemberValue::Fails => Err(S::Error::custom("this member refuses to serialize")),
        }
    }
}

/// One error in a source chain.
#[derive(Debug, Clone)]
pub struct Link {
    pub text: String,
    pub next: Option<Box<Link>>,
}

impl Link {
    /// A chain with one error per text, outermost first; `None` for no texts.
    pub fn chain(texts: &[String]) -> Option<Link> {
        texts.iter().rev().fold(None, |next, text| {
            Some(Link {
                text: text.clone(),
                next: next.map(Box::new),
            })
        })
    }
}

impl fmt::Display for Link {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Error for Link {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.next.as_deref().map(|next| next as _)
    }
}

/// A hand-written [`ApiError`] made of data.
#[derive(Debug)]
pub struct Fixture {
    pub spec: &'static Spec,
    /// What `fmt_message` writes (the body shows the spec's static message instead, if any).
    pub message: String,
    /// What `fmt_internal` writes: debug detail only.
    pub internal: String,
    pub fields: Option<FieldErrors>,
    /// Names are distinct: a hand-written impl that repeats one gets a repeated key.
    pub members: Vec<(&'static str, MemberValue)>,
    pub source: Option<Link>,
}

impl Fixture {
    /// A fixture with only a spec and a message.
    pub fn new(spec: &'static Spec, message: impl Into<String>) -> Self {
        let message = message.into();
        Fixture {
            spec,
            internal: message.clone(),
            message,
            fields: None,
            members: Vec::new(),
            source: None,
        }
    }

    /// Whether rendering must fail, because a member refuses to serialize.
    pub fn fails(&self) -> bool {
        self.members.iter().any(|(_, value)| value.fails())
    }
}

impl ApiError for Fixture {
    fn spec(&self) -> &'static Spec {
        self.spec
    }

    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }

    fn fmt_internal(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.internal)
    }

    fn field_errors(&self) -> Option<&FieldErrors> {
        self.fields.as_ref()
    }

    fn visit_members(&self, visit: &mut dyn FnMut(Member<'_>)) {
        for (name, value) in &self.members {
            visit(Member::new(name, value));
        }
    }

    fn source_error(&self) -> Option<&(dyn Error + 'static)> {
        self.source.as_ref().map(|link| link as _)
    }

    fn catalog(_visit: &mut dyn FnMut(&'static Spec)) {}
}

/// JSON that keeps every object member in order, repeated names included: what a body says,
/// exactly, where `serde_json::Value` would sort members and keep the last of a repeated name.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(Number),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// The same as a `serde_json::Value`: members sorted, the last of a repeated name kept.
    pub fn to_value(&self) -> Value {
        match self {
            Json::Null => Value::Null,
            Json::Bool(value) => Value::Bool(*value),
            Json::Num(value) => Value::Number(value.clone()),
            Json::Str(text) => Value::String(text.clone()),
            Json::Arr(items) => Value::Array(items.iter().map(Json::to_value).collect()),
            Json::Obj(members) => Value::Object(
                members
                    .iter()
                    .map(|(name, value)| (name.clone(), value.to_value()))
                    .collect(),
            ),
        }
    }

    /// The member `name` of an object (the first, if repeated).
    pub fn get(&self, name: &str) -> Option<&Json> {
        match self {
            Json::Obj(members) => members
                .iter()
                .find(|(member, _)| member == name)
                .map(|(_, value)| value),
            _ => None,
        }
    }

    /// Every object in this value with a member name that occurs twice in it, as
    /// `(object's path, name)`.
    pub fn repeated_names(&self) -> Vec<(String, String)> {
        let mut found = Vec::new();
        self.collect_repeated("", &mut found);
        found
    }

    fn collect_repeated(&self, at: &str, found: &mut Vec<(String, String)>) {
        match self {
            Json::Arr(items) => {
                for (i, item) in items.iter().enumerate() {
                    item.collect_repeated(&format!("{at}/{i}"), found);
                }
            }
            Json::Obj(members) => {
                let mut seen = HashSet::new();
                for (name, value) in members {
                    if !seen.insert(name.as_str()) {
                        found.push((at.to_owned(), name.clone()));
                    }
                    value.collect_repeated(&format!("{at}/{name}"), found);
                }
            }
            _ => {}
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Json, E> {
        Ok(Json::Bool(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Json, E> {
        Ok(Json::Num(value.into()))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Json, E> {
        Ok(Json::Num(value.into()))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Json, E> {
        Number::from_f64(value)
            .map(Json::Num)
            .ok_or_else(|| E::custom("a non-finite number"))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Json, E> {
        Ok(Json::Str(value.to_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Arr(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut members = Vec::new();
        while let Some(member) = map.next_entry()? {
            members.push(member);
        }
        Ok(Json::Obj(members))
    }
}
