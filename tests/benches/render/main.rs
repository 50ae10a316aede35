//! Time to produce finished body bytes, apierr beside what users write today.
//!
//! For each case (a unit variant without and with request context, an interpolated message,
//! a validation error with 10 field errors) and each built-in format, one group measures side
//! by side:
//! - `apierr`: `Envelope::write_to` into a reused buffer;
//! - `copy`: copying the finished bytes into a reused buffer — the limit of `apierr`;
//! - `hand_written`: a `#[derive(Serialize)]` envelope filled from `to_string()` and written
//!   with `serde_json::to_writer` into a reused buffer, code and status from a `match` — the
//!   baseline (not for the case with context, whose goal is against `copy`);
//! - `apierr_vec`: `Envelope::to_vec`, the allocating path of an HTTP response;
//! - `clone`: cloning the finished bytes into a new `Vec` — the limit of `apierr_vec`;
//! - `pieces` (the case with context only): the finished bytes copied piece by piece, cut
//!   where the request's values are — the floor of any writer of known bytes and values;
//! - peers where they produce an equivalent body (`http-api-problem` for RFC 9457,
//!   `error-envelope` for the `{"code","message",fields}` shapes), each a new `Vec`.
//!
//! `scripts/bench-ratios` runs this and prints the ratios. Three modes:
//! - no variable: criterion;
//! - `APIERR_BENCH_ROUNDS=5`: every contender of a group timed in turn, five rounds, and the
//!   fastest round of each printed (`case/format/contender ns`): interleaved, so that a burst
//!   of load on a shared machine hits every contender alike;
//! - `APIERR_BENCH_COUNT=unit/nested/apierr:N`: that one body N times, then exit, so that
//!   callgrind can count the instructions of exactly what is timed.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

use apierr::format::{
    AnyFormat, FieldLists, FieldStrings, FlatDetails, Nested, ProblemDetails, StatusEnvelope,
};
use apierr::{ApiError, Context, CorrelationId, Envelope, FieldErrors, Timestamp};
use criterion::Criterion;
use serde::Serialize;

#[derive(Debug, thiserror::Error, ApiError)]
enum AuthError {
    #[error("No authentication token provided")]
    #[api(code = "AUTH_MISSING", status = 401)]
    Missing,
    #[error("account locked until {until}")]
    #[api(code = "ACCOUNT_LOCKED", status = 403)]
    Locked { until: String },
    #[error("Input data validation failed")]
    #[api(code = "VALIDATION_ERROR", status = 422)]
    Invalid(#[api(fields)] FieldErrors),
}

/// What users write today: the code and status by hand, fields as a plain map.
impl AuthError {
    fn hand_code(&self) -> &'static str {
        match self {
            AuthError::Missing => "AUTH_MISSING",
            AuthError::Locked { .. } => "ACCOUNT_LOCKED",
            AuthError::Invalid(_) => "VALIDATION_ERROR",
        }
    }

    fn hand_status(&self) -> u16 {
        match self {
            AuthError::Missing => 401,
            AuthError::Locked { .. } => 403,
            AuthError::Invalid(_) => 422,
        }
    }

    fn hand_fields(&self) -> Option<BTreeMap<String, Vec<String>>> {
        match self {
            AuthError::Invalid(fields) => Some(
                fields
                    .iter()
                    .map(|f| {
                        (
                            f.path().to_string(),
                            f.messages().map(|m| m.to_string()).collect(),
                        )
                    })
                    .collect(),
            ),
            _ => None,
        }
    }
}

mod hand;

mod peers {
    use super::*;

    /// `http-api-problem`, filled as a user of it would: an RFC 9457 body.
    pub fn http_api_problem(e: &AuthError) -> Vec<u8> {
        let status = http_api_problem::StatusCode::from_u16(e.hand_status())
            .unwrap_or(http_api_problem::StatusCode::INTERNAL_SERVER_ERROR);
        let mut problem = http_api_problem::HttpApiProblem::with_title(status)
            .detail(e.to_string())
            .value("code", &e.hand_code());
        if let Some(fields) = e.hand_fields() {
            problem = problem.value("errors", &fields);
        }
        problem.json_bytes()
    }

    /// `error-envelope`: `{"code","message","details":{"fields":…},…}`.
    pub fn error_envelope(e: &AuthError) -> Vec<u8> {
        let code = match e.hand_status() {
            401 => error_envelope::Code::Unauthorized,
            403 => error_envelope::Code::Forbidden,
            _ => error_envelope::Code::ValidationFailed,
        };
        let mut error = error_envelope::Error::new(code, e.hand_status(), e.to_string());
        if let Some(fields) = e.hand_fields() {
            error = error.with_details(serde_json::json!({ "fields": fields }));
        }
        serde_json::to_vec(&error).unwrap()
    }
}

fn cases() -> Vec<(&'static str, AuthError)> {
    let mut fields = FieldErrors::new();
    for i in 0..10 {
        fields.add(format!("items[{i}].quantity"), "must be greater than 0");
    }
    vec![
        ("unit", AuthError::Missing),
        ("unit_context", AuthError::Missing),
        (
            "interpolated",
            AuthError::Locked {
                until: "2026-11-22T10:00:00Z".to_owned(),
            },
        ),
        ("fields10", AuthError::Invalid(fields)),
    ]
}

/// The request context of a case: a correlation id, a timestamp and a path for
/// `unit_context`, as the HTTP integrations fill them; else none.
fn context(case: &str) -> Context {
    if case != "unit_context" {
        return Context::new();
    }
    Context::new()
        .with_correlation_id(CorrelationId::new("4f1c2a9e-77b1-4c0e-9d2a-0b6f1e3c5a7d").unwrap())
        .with_timestamp(Timestamp::from_unix_millis(1_779_530_400_000).unwrap())
        .with_path("/v1/accounts/42/sessions")
}

/// The finished body cut where the request's values are, each value apart (as a context
/// holds it): the least a body with request values written into known bytes copies, one
/// copy per piece. `unit_context`'s `pieces` copies them, the floor of any such writer.
fn pieces(finished: &[u8], context: &Context) -> Vec<Vec<u8>> {
    let values = [
        context.correlation_id().map(|id| id.as_str().to_owned()),
        context.timestamp().map(|at| at.to_string()),
        context.path().map(str::to_owned),
    ];
    let mut found: Vec<(usize, Vec<u8>)> = values
        .into_iter()
        .flatten()
        .filter_map(|value| {
            let value = value.into_bytes();
            let at = finished
                .windows(value.len())
                .position(|window| window == value.as_slice())?;
            Some((at, value))
        })
        .collect();
    found.sort();
    let mut pieces = Vec::new();
    let mut at = 0;
    for (start, value) in found {
        pieces.push(finished[at..start].to_vec());
        at = start + value.len();
        pieces.push(value);
    }
    pieces.push(finished[at..].to_vec());
    pieces.retain(|piece| !piece.is_empty());
    assert_eq!(pieces.concat(), finished);
    pieces
}

type Hand = fn(&AuthError, &mut Vec<u8>);

const PROBLEM_DETAILS: ProblemDetails = ProblemDetails::new();

fn formats() -> Vec<(&'static str, &'static dyn AnyFormat, Hand)> {
    vec![
        ("nested", &Nested, hand::nested as Hand),
        ("field_lists", &FieldLists, hand::field_lists),
        ("field_strings", &FieldStrings, hand::field_strings),
        ("flat_details", &FlatDetails, hand::flat_details),
        ("status_envelope", &StatusEnvelope, hand::status_envelope),
        ("problem_details", &PROBLEM_DETAILS, hand::problem_details),
    ]
}

/// One measured way of producing a body; returns its length.
type Contender<'a> = (&'static str, Box<dyn FnMut() -> usize + 'a>);

/// Every measured function of one case and format, by name.
fn contenders<'a>(
    case: &str,
    error: &'a AuthError,
    context: &'a Context,
    format: &'static dyn AnyFormat,
    format_name: &str,
    hand_written: Hand,
    finished: &'a [u8],
) -> Vec<Contender<'a>> {
    let reused = || Vec::with_capacity(4096);
    let mut out = reused();
    let mut all: Vec<Contender<'a>> = vec![
        (
            "apierr",
            Box::new(move || {
                out.clear();
                Envelope::new(black_box(error))
                    .with_context(black_box(context))
                    .with_format(format)
                    .write_to(&mut out)
                    .unwrap();
                out.len()
            }),
        ),
        ("copy", {
            let mut out = reused();
            Box::new(move || {
                out.clear();
                out.extend_from_slice(black_box(finished));
                out.len()
            })
        }),
        (
            "apierr_vec",
            Box::new(move || {
                // `black_box` on the `Vec`, or the compiler drops the allocation.
                let body = Envelope::new(black_box(error))
                    .with_context(black_box(context))
                    .with_format(format)
                    .to_vec()
                    .unwrap();
                black_box(body).len()
            }),
        ),
        (
            "clone",
            Box::new(move || black_box(black_box(finished).to_vec()).len()),
        ),
    ];
    if case == "unit_context" {
        let pieces = pieces(finished, context);
        let mut out = reused();
        all.push((
            "pieces",
            Box::new(move || {
                out.clear();
                for piece in black_box(&pieces) {
                    out.extend_from_slice(piece);
                }
                out.len()
            }),
        ));
        return all;
    }
    all.push(("hand_written", {
        let mut out = reused();
        Box::new(move || {
            out.clear();
            hand_written(black_box(error), &mut out);
            out.len()
        })
    }));
    if format_name == "problem_details" {
        all.push((
            "http_api_problem",
            Box::new(move || black_box(peers::http_api_problem(black_box(error))).len()),
        ));
    }
    if format_name == "field_strings" {
        all.push((
            "error_envelope",
            Box::new(move || black_box(peers::error_envelope(black_box(error))).len()),
        ));
    }
    all
}

/// Calls `each` with every group: its name and its contenders.
fn groups(mut each: impl FnMut(&str, Vec<Contender<'_>>)) {
    for (case, error) in cases() {
        let context = context(case);
        for (name, format, hand_written) in formats() {
            let finished = Envelope::new(&error)
                .with_context(&context)
                .with_format(format)
                .to_vec()
                .unwrap();
            let all = contenders(
                case,
                &error,
                &context,
                format,
                name,
                hand_written,
                &finished,
            );
            each(&format!("{case}/{name}"), all);
        }
    }
}

fn render(c: &mut Criterion) {
    groups(|name, all| {
        let mut group = c.benchmark_group(name);
        for (contender, mut run) in all {
            group.bench_function(contender, |b| b.iter(&mut run));
        }
        group.finish();
    });
}

/// Each group's contenders timed in turn, `rounds` times; prints the fastest round of each.
fn interleaved(rounds: usize) {
    const BATCH: u32 = 20_000;
    groups(|name, mut all| {
        let mut best = vec![f64::INFINITY; all.len()];
        for _ in 0..rounds {
            for ((_, run), best) in all.iter_mut().zip(&mut best) {
                // A short warm-up, then the batch.
                for _ in 0..BATCH / 10 {
                    black_box(run());
                }
                let start = Instant::now();
                for _ in 0..BATCH {
                    black_box(run());
                }
                *best = best.min(start.elapsed().as_secs_f64() * 1e9 / f64::from(BATCH));
            }
        }
        for ((contender, _), best) in all.iter().zip(best) {
            println!("{name}/{contender} {best:.2}");
        }
    });
}

/// Renders one `case/format/contender` body `n` times, for instruction counting.
fn count(spec: &str) -> Result<(), String> {
    let (wanted, n) = spec
        .rsplit_once(':')
        .ok_or("expected case/format/contender:N")?;
    let n: usize = n.parse().map_err(|_| format!("bad count in {spec}"))?;
    let mut found = false;
    groups(|name, all| {
        for (contender, mut run) in all {
            if wanted == format!("{name}/{contender}") {
                let mut bytes = 0;
                for _ in 0..n {
                    bytes += run();
                }
                println!("{bytes}");
                found = true;
            }
        }
    });
    if found {
        Ok(())
    } else {
        Err(format!("no benchmark called {wanted}"))
    }
}

fn main() {
    if let Ok(spec) = std::env::var("APIERR_BENCH_COUNT") {
        if let Err(message) = count(&spec) {
            eprintln!("{message}");
            std::process::exit(2);
        }
        return;
    }
    if let Ok(rounds) = std::env::var("APIERR_BENCH_ROUNDS") {
        interleaved(rounds.parse().unwrap_or(5));
        return;
    }
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .without_plots()
        .configure_from_args();
    render(&mut criterion);
    criterion.final_summary();
}
