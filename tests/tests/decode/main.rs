//! Client decoding: every built-in format's body, for every seed-style enum, reads back to the
//! code, message, status, field errors, context and members it was rendered from.

#[path = "../catalog_seeds/mod.rs"]
mod catalog_seeds;

mod bad_input;
mod reading;
mod round_trip;
mod user_format;

use apierr::decode::Decode;
use apierr::format::{
    AnyFormat, FieldLists, FieldStrings, FlatDetails, Nested, ProblemDetails, StatusEnvelope,
};
use apierr::{Context, CorrelationId, Timestamp};
use http::Method;

static PROBLEM_TYPED: ProblemDetails =
    ProblemDetails::new().with_type_base("https://example.com/probs/");
static PROBLEM_RENAMED: ProblemDetails = ProblemDetails::new()
    .with_code_member(Some("errorCode"))
    .without_status();
static PROBLEM_CODELESS: ProblemDetails = ProblemDetails::new().with_code_member(None);

/// How a format carries what the tests compare.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Carries {
    Nested,
    FieldLists,
    FieldStrings,
    FlatDetails,
    StatusEnvelope,
    /// RFC 9457: with or without `status`, and the code in a member or only in `type`.
    Problem {
        status: bool,
        code: bool,
    },
}

struct Case {
    name: &'static str,
    render: &'static dyn AnyFormat,
    decode: &'static dyn Decode,
    carries: Carries,
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "nested",
            render: &Nested,
            decode: &Nested,
            carries: Carries::Nested,
        },
        Case {
            name: "field-lists",
            render: &FieldLists,
            decode: &FieldLists,
            carries: Carries::FieldLists,
        },
        Case {
            name: "field-strings",
            render: &FieldStrings,
            decode: &FieldStrings,
            carries: Carries::FieldStrings,
        },
        Case {
            name: "flat-details",
            render: &FlatDetails,
            decode: &FlatDetails,
            carries: Carries::FlatDetails,
        },
        Case {
            name: "status-envelope",
            render: &StatusEnvelope,
            decode: &StatusEnvelope,
            carries: Carries::StatusEnvelope,
        },
        Case {
            name: "problem-details",
            render: &PROBLEM_TYPED,
            decode: &PROBLEM_TYPED,
            carries: Carries::Problem {
                status: true,
                code: true,
            },
        },
        Case {
            name: "problem-details renamed code",
            render: &PROBLEM_RENAMED,
            decode: &PROBLEM_RENAMED,
            carries: Carries::Problem {
                status: false,
                code: true,
            },
        },
        Case {
            name: "problem-details without code",
            render: &PROBLEM_CODELESS,
            decode: &PROBLEM_CODELESS,
            carries: Carries::Problem {
                status: true,
                code: false,
            },
        },
    ]
}

fn context() -> Context {
    Context::new()
        .with_correlation_id(CorrelationId::new("abc-123-def").unwrap())
        .with_timestamp(Timestamp::from_unix_millis(1_779_530_400_000).unwrap())
        .with_path("/api/auth/register")
        .with_method(Method::POST)
        .with_instance("/account/12345/msgs/abc")
}
