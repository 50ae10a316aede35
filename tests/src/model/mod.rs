//! What each built-in format's body should be, written from the formats' documentation rather
//! than from their code, and the check that renders a [`Fixture`](crate::fixture::Fixture) every
//! way there is and holds each result against it.

mod bodies;
mod check;

use apierr::Problem;
use apierr::decode::{Decode, Decoded};
use apierr::format::{
    AnyFormat, FieldLists, FieldStrings, FlatDetails, Format, Nested, ProblemDetails,
    StatusEnvelope,
};
use apierr::response::ResponseOptions;

pub use bodies::{colliding_paths, expected};
pub use check::{check_render, check_within};

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

    /// The path (as [`Json::repeated_names`](crate::fixture::Json::repeated_names) writes it) of
    /// the extension member `name`.
    pub fn member_at(&self, name: &str) -> String {
        match self {
            Shape::Nested => format!("/error/{name}"),
            _ => format!("/{name}"),
        }
    }

    /// The path (as [`Json::repeated_names`](crate::fixture::Json::repeated_names) writes it) of
    /// the object holding field errors by path, for the formats that key them by path.
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
