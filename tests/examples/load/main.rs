//! Load generator for the example server (`cargo run -p apierr-tests --example server`):
//! `scripts/load` starts the server once per format and runs this against it.
//!
//! ```sh
//! load --addr 127.0.0.1:PORT --pid SERVER_PID --format nested \
//!      [--requests 20000] [--concurrency 32] [--time-limit 30] [--block 1000] [--warmup 2000]
//! ```
//!
//! It keeps `--concurrency` HTTP/1.1 connections open and sends blocks of `--block` requests,
//! alternating a block of successes (`GET /orders/1`, `POST /orders`, `GET /search`) with a
//! block of errors (an interpolated 404, a 429 with `Retry-After`, a 422 with a field error, a
//! redacted 503 and an unknown route), so that both rates are measured side by side under the
//! same conditions. Every response is validated: status, `Content-Type`, echoed correlation id,
//! a JSON body with the code (and message, field error, category) the format must carry.
//!
//! The server's resident memory (`VmRSS` from `/proc/<pid>/status`) is sampled after a mixed
//! warm-up, half-way and at the end. The exit status is 1 if any response was malformed, any
//! exchange failed, or memory grew more than `--max-growth` percent (default 20) after warm-up.
//! The last line of output, `row: | … |`, is this run's row of the table `scripts/load` prints.
//!
//! It only connects to `127.0.0.1`.

mod args;
mod blocks;
mod exchange;

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use args::parse_args;
use blocks::{block, connect};

/// The built-in formats, by the names the example server takes (`--example server -- <format>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Nested,
    FieldLists,
    FieldStrings,
    FlatDetails,
    StatusEnvelope,
    ProblemDetails,
}

impl Format {
    fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "nested" => Format::Nested,
            "field-lists" => Format::FieldLists,
            "field-strings" => Format::FieldStrings,
            "flat-details" => Format::FlatDetails,
            "status-envelope" => Format::StatusEnvelope,
            "problem-details" => Format::ProblemDetails,
            _ => return None,
        })
    }

    fn error_content_type(self) -> &'static str {
        match self {
            Format::ProblemDetails => "application/problem+json",
            _ => "application/json",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Success,
    Error,
}

/// What a block of requests on one connection came to.
#[derive(Default)]
struct Tally {
    done: usize,
    malformed: usize,
    transport: usize,
    /// Latencies of the responses received, in microseconds.
    latencies: Vec<u32>,
    /// The first few failures, to show.
    examples: Vec<String>,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.done += other.done;
        self.malformed += other.malformed;
        self.transport += other.transport;
        self.latencies.extend(other.latencies);
        for example in other.examples {
            if self.examples.len() < 5 {
                self.examples.push(example);
            }
        }
    }

    /// The median and 99th percentile latency, in microseconds.
    fn percentiles(&mut self) -> (u32, u32) {
        if self.latencies.is_empty() {
            return (0, 0);
        }
        self.latencies.sort_unstable();
        let at = |p: f64| {
            let rank = ((self.latencies.len() - 1) as f64 * p).round() as usize;
            self.latencies[rank]
        };
        (at(0.5), at(0.99))
    }
}

/// The resident set of process `pid`, in KiB.
fn rss_kib(pid: u32) -> Result<u64, String> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .map_err(|error| format!("/proc/{pid}/status: {error}"))?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .ok_or_else(|| format!("no VmRSS for {pid}"))
}

struct Args {
    addr: SocketAddr,
    pid: u32,
    format: Format,
    format_name: String,
    requests: usize,
    concurrency: usize,
    time_limit: Duration,
    block: usize,
    warmup: usize,
    max_growth: f64,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(error) => {
            eprintln!("load: {error}");
            return ExitCode::from(2);
        }
    };
    match run(&args).await {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("load: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The whole run; `Ok(false)` when a check failed.
async fn run(args: &Args) -> Result<bool, String> {
    let started = Instant::now();
    let mut senders = Vec::with_capacity(args.concurrency);
    for _ in 0..args.concurrency {
        senders.push(Some(connect(args.addr).await?));
    }
    let rss_before = rss_kib(args.pid)?;

    // Warm-up, both classes, not measured: connections, buffers and allocator arenas settle.
    let mut warm = Tally::default();
    for (n, class) in [Class::Success, Class::Error].into_iter().enumerate() {
        let first = 1_000_000_000 + n * args.warmup;
        let (part, _) = block(
            &mut senders,
            args.addr,
            args.format,
            class,
            (first, args.warmup / 2),
        )
        .await;
        warm.add(part);
    }
    let rss_start = rss_kib(args.pid)?;

    let blocks = args.requests.div_ceil(args.block);
    let mut tallies = [Tally::default(), Tally::default()];
    let mut elapsed = [Duration::ZERO, Duration::ZERO];
    let mut rss_mid = None;
    let mut stopped_early = false;
    for index in 0..blocks {
        if started.elapsed() >= args.time_limit {
            stopped_early = true;
            break;
        }
        // Half-way through the blocks or through the time limit, whichever comes first.
        if rss_mid.is_none() && (index == blocks / 2 || started.elapsed() >= args.time_limit / 2) {
            rss_mid = Some(rss_kib(args.pid)?);
        }
        let class = if index % 2 == 0 {
            Class::Success
        } else {
            Class::Error
        };
        let first = index * args.block;
        let count = args.block.min(args.requests - first);
        let (part, took) = block(&mut senders, args.addr, args.format, class, (first, count)).await;
        let slot = usize::from(class == Class::Error);
        tallies[slot].add(part);
        elapsed[slot] += took;
    }
    let rss_end = rss_kib(args.pid)?;
    let rss_mid = rss_mid.unwrap_or(rss_end);

    let [mut ok, mut err] = tallies;
    let rate = |tally: &Tally, took: Duration| tally.done as f64 / took.as_secs_f64().max(1e-9);
    let ok_rps = rate(&ok, elapsed[0]);
    let err_rps = rate(&err, elapsed[1]);
    let malformed = warm.malformed + ok.malformed + err.malformed;
    let transport = warm.transport + ok.transport + err.transport;
    let (ok_p50, ok_p99) = ok.percentiles();
    let (err_p50, err_p99) = err.percentiles();
    let ratio = err_rps / ok_rps.max(1e-9);
    let peak = rss_mid.max(rss_end);
    let growth = (peak as f64 - rss_start as f64) / rss_start as f64 * 100.0;

    println!(
        "{}: {} successes in {:.2} s, {} errors in {:.2} s (+{} warm-up), {} connections{}",
        args.format_name,
        ok.done,
        elapsed[0].as_secs_f64(),
        err.done,
        elapsed[1].as_secs_f64(),
        warm.done,
        args.concurrency,
        if stopped_early {
            format!(" (time limit of {} s reached)", args.time_limit.as_secs())
        } else {
            String::new()
        },
    );
    println!(
        "  success {ok_rps:.0}/s (p50 {ok_p50} us, p99 {ok_p99} us); error {err_rps:.0}/s \
         (p50 {err_p50} us, p99 {err_p99} us); error/success {ratio:.2}"
    );
    println!(
        "  malformed {malformed}, failed exchanges {transport}; RSS KiB: before warm-up \
         {rss_before}, start {rss_start}, mid {rss_mid}, end {rss_end} ({growth:+.1} %)"
    );
    for example in warm
        .examples
        .iter()
        .chain(&ok.examples)
        .chain(&err.examples)
        .take(5)
    {
        println!("  {example}");
    }

    let mut passed = true;
    if malformed > 0 || transport > 0 {
        println!("  FAIL: {malformed} malformed responses, {transport} failed exchanges");
        passed = false;
    }
    if growth > args.max_growth {
        println!(
            "  FAIL: RSS grew {growth:.1} % after warm-up (limit {} %)",
            args.max_growth
        );
        passed = false;
    }
    if ok.done == 0 || err.done == 0 {
        println!("  FAIL: a class sent no requests");
        passed = false;
    }
    println!(
        "row: | {} | {} / {} | {ok_rps:.0} | {err_rps:.0} | {ratio:.2} | {ok_p50} / {err_p50} | \
         {ok_p99} / {err_p99} | {malformed} | {transport} | {rss_start} / {rss_mid} / {rss_end} | \
         {growth:+.1} % | {} |",
        args.format_name,
        ok.done,
        err.done,
        if passed { "ok" } else { "FAIL" },
    );
    Ok(passed)
}
