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

use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::{self, SendRequest};
use hyper_util::rt::TokioIo;
use serde_json::{Value, json};

/// No single exchange may take longer; one that does counts as failed.
const EXCHANGE_TIMEOUT: Duration = Duration::from_secs(5);

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

/// One request of the mix and everything its response must say.
struct Exchange {
    method: &'static str,
    target: String,
    body: &'static str,
    status: u16,
    outcome: Outcome,
}

enum Outcome {
    /// A success: this exact JSON body.
    Body(Value),
    /// An error envelope.
    Error(Want),
}

/// What an error body must carry, whatever the format.
struct Want {
    code: &'static str,
    /// The public message; `None` when it is redacted (a 5xx).
    message: Option<String>,
    /// The catalogue category, shown by `StatusEnvelope` instead of the reason phrase.
    category: Option<&'static str>,
    field: Option<(&'static str, &'static str)>,
    /// Headers the error adds, with their exact values.
    headers: &'static [(&'static str, &'static str)],
}

const ORDER: &str = r#"{"item":"book","quantity":2}"#;
const EMPTY_ORDER: &str = r#"{"item":"book","quantity":0}"#;

/// The `n`th request of a block of `class`.
fn exchange(class: Class, n: usize) -> Exchange {
    let get = |target: String, status, outcome| Exchange {
        method: "GET",
        target,
        body: "",
        status,
        outcome,
    };
    match (class, n % 5) {
        (Class::Success, 0 | 3) => get(
            "/orders/1".to_owned(),
            200,
            Outcome::Body(json!({"id": 1, "item": "book", "quantity": 2})),
        ),
        (Class::Success, 1 | 4) => Exchange {
            method: "POST",
            target: "/orders".to_owned(),
            body: ORDER,
            status: 201,
            outcome: Outcome::Body(json!({"id": 2, "item": "book", "quantity": 2})),
        },
        (Class::Success, _) => get(
            format!("/search?q=q{n}"),
            200,
            Outcome::Body(json!({"q": format!("q{n}"), "results": []})),
        ),
        (Class::Error, 0) => {
            // Ids from 2 up: 1 is the one order that exists.
            let id = 2 + n % 100_000;
            get(
                format!("/orders/{id}"),
                404,
                Outcome::Error(Want {
                    code: "ORDER_NOT_FOUND",
                    message: Some(format!("order {id} not found")),
                    category: Some("Orders"),
                    field: None,
                    headers: &[],
                }),
            )
        }
        (Class::Error, 1) => get(
            "/limited".to_owned(),
            429,
            Outcome::Error(Want {
                code: "RATE_LIMITED",
                message: Some("Too many requests".to_owned()),
                category: Some("Orders"),
                field: None,
                headers: &[("retry-after", "30"), ("cache-control", "no-store")],
            }),
        ),
        (Class::Error, 2) => Exchange {
            method: "POST",
            target: "/orders".to_owned(),
            body: EMPTY_ORDER,
            status: 422,
            outcome: Outcome::Error(Want {
                code: "VALIDATION_FAILED",
                message: Some("Validation failed".to_owned()),
                category: Some("Orders"),
                field: Some(("quantity", "must be at least 1")),
                headers: &[],
            }),
        },
        (Class::Error, 3) => get(
            "/db".to_owned(),
            503,
            Outcome::Error(Want {
                code: "DB_UNAVAILABLE",
                message: None,
                category: Some("Orders"),
                field: None,
                headers: &[],
            }),
        ),
        (Class::Error, _) => get(
            format!("/nowhere/{n}"),
            404,
            Outcome::Error(Want {
                code: "NOT_FOUND",
                message: Some("The requested resource does not exist".to_owned()),
                category: None,
                field: None,
                headers: &[],
            }),
        ),
    }
}

fn reason(status: u16) -> &'static str {
    http::StatusCode::from_u16(status)
        .ok()
        .and_then(|status| status.canonical_reason())
        .unwrap_or("")
}

/// The exact error body of `want` in `format`, for a request with `method`, `path` and
/// correlation id `id`; `timestamp` is the one the body carries (its shape is checked).
fn error_body(
    format: Format,
    status: u16,
    want: &Want,
    (method, path, id): (&str, &str, &str),
    timestamp: &str,
) -> Value {
    let message = want.message.as_deref().unwrap_or(reason(status));
    match format {
        Format::Nested => {
            let mut error = json!({"code": want.code, "message": message, "status": status});
            if let Some((name, text)) = want.field {
                error["fields"] = json!({ name: [text] });
            }
            json!({"success": false, "error": error})
        }
        Format::FieldLists => {
            let mut body = json!({"code": want.code, "message": message, "correlationId": id});
            if let Some((name, text)) = want.field {
                body["errors"] = json!({ name: [text] });
            }
            body
        }
        Format::FieldStrings => {
            let mut body = json!({"code": want.code, "message": message});
            if let Some((name, text)) = want.field {
                body["fields"] = json!({ name: text });
            }
            body
        }
        Format::FlatDetails => {
            let mut body = json!({"success": false, "error": message, "code": want.code});
            if let Some((name, text)) = want.field {
                body["details"] = json!({ name: text });
            }
            body
        }
        Format::StatusEnvelope => {
            // This format has no code member: the status and the category stand for it.
            let mut body = json!({
                "success": false,
                "error": want.category.unwrap_or(reason(status)),
                "statusCode": status,
                "timestamp": timestamp,
                "path": path,
                "method": method,
            });
            if want.message.is_some() {
                body["message"] = json!(message);
            }
            if let Some((name, text)) = want.field {
                body["data"] = json!([{"type": "field", "path": name, "msg": text}]);
            }
            body
        }
        Format::ProblemDetails => {
            let mut body = json!({
                "type": "about:blank",
                "title": reason(status),
                "status": status,
                "instance": path,
                "code": want.code,
            });
            if message != reason(status) {
                body["detail"] = json!(message);
            }
            if let Some((name, text)) = want.field {
                body["errors"] = json!([{"detail": text, "pointer": format!("#/{name}")}]);
            }
            body
        }
    }
}

/// Whether `at` has the shape of RFC 3339 UTC with milliseconds.
fn is_timestamp(at: &str) -> bool {
    let shape = "dddd-dd-ddTdd:dd:dd.dddZ";
    at.len() == shape.len()
        && shape.bytes().zip(at.bytes()).all(|(want, got)| match want {
            b'd' => got.is_ascii_digit(),
            other => other == got,
        })
}

fn expect_eq(got: &Value, want: &Value) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("body {got} is not {want}"))
    }
}

/// Sends `exchange` on `sender` and validates the response; `Err` says what was wrong.
async fn run_one(
    sender: &mut SendRequest<Full<Bytes>>,
    format: Format,
    exchange: &Exchange,
    id: &str,
) -> Result<(), Failure> {
    let mut request = http::Request::builder()
        .method(exchange.method)
        .uri(exchange.target.as_str())
        .header("host", "127.0.0.1")
        .header("x-request-id", id);
    if !exchange.body.is_empty() {
        request = request.header("content-type", "application/json");
    }
    let request = request
        .body(Full::new(Bytes::from_static(exchange.body.as_bytes())))
        .map_err(|error| Failure::Transport(error.to_string()))?;
    let round_trip = async {
        sender
            .ready()
            .await
            .map_err(|error| Failure::Transport(error.to_string()))?;
        let response = sender
            .send_request(request)
            .await
            .map_err(|error| Failure::Transport(error.to_string()))?;
        let (parts, body) = response.into_parts();
        let body = body
            .collect()
            .await
            .map_err(|error| Failure::Transport(error.to_string()))?
            .to_bytes();
        Ok((parts, body))
    };
    let (parts, body) = tokio::time::timeout(EXCHANGE_TIMEOUT, round_trip)
        .await
        .map_err(|_| Failure::Transport("timed out".to_owned()))??;

    let what = |why: String| {
        Failure::Malformed(format!(
            "{} {} -> {}: {why}: {}",
            exchange.method,
            exchange.target,
            parts.status.as_u16(),
            String::from_utf8_lossy(&body)
        ))
    };
    if parts.status.as_u16() != exchange.status {
        return Err(what(format!("status is not {}", exchange.status)));
    }
    let header = |name: &str| parts.headers.get(name).and_then(|v| v.to_str().ok());
    if header("x-request-id") != Some(id) {
        return Err(what(format!(
            "correlation id {:?} is not {id}",
            header("x-request-id")
        )));
    }
    let value: Value =
        serde_json::from_slice(&body).map_err(|error| what(format!("not JSON: {error}")))?;
    match &exchange.outcome {
        Outcome::Body(want) => {
            if header("content-type") != Some("application/json") {
                return Err(what(format!("content-type {:?}", header("content-type"))));
            }
            expect_eq(&value, want).map_err(what)
        }
        Outcome::Error(want) => {
            if header("content-type") != Some(format.error_content_type()) {
                return Err(what(format!("content-type {:?}", header("content-type"))));
            }
            for (name, expected) in want.headers {
                if header(name) != Some(*expected) {
                    return Err(what(format!("header {name}: {:?}", header(name))));
                }
            }
            // The redacted 503's source holds a password; it must never be in a body.
            if body.windows(7).any(|w| w == b"hunter2") {
                return Err(what("the secret leaked".to_owned()));
            }
            let path = exchange.target.split('?').next().unwrap_or_default();
            let timestamp = value["timestamp"].as_str().unwrap_or_default();
            if format == Format::StatusEnvelope && !is_timestamp(timestamp) {
                return Err(what(format!("timestamp {timestamp:?}")));
            }
            let request = (exchange.method, path, id);
            let want = error_body(format, exchange.status, want, request, timestamp);
            expect_eq(&value, &want).map_err(what)
        }
    }
}

enum Failure {
    /// A response that is not what the server must send.
    Malformed(String),
    /// No response: the connection failed or the exchange timed out.
    Transport(String),
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

async fn connect(addr: SocketAddr) -> Result<SendRequest<Full<Bytes>>, String> {
    let stream = tokio::net::TcpStream::connect(addr)
        .await
        .map_err(|error| format!("connect {addr}: {error}"))?;
    stream
        .set_nodelay(true)
        .map_err(|error| error.to_string())?;
    let (sender, connection) = http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|error| format!("handshake: {error}"))?;
    tokio::spawn(connection);
    Ok(sender)
}

/// Worker `worker` of `workers` sends its share of a block: requests `first + worker`,
/// `first + worker + workers`, … below `first + count`.
async fn worker_block(
    mut sender: Option<SendRequest<Full<Bytes>>>,
    addr: SocketAddr,
    format: Format,
    class: Class,
    (first, count, worker, workers): (usize, usize, usize, usize),
) -> (Option<SendRequest<Full<Bytes>>>, Tally) {
    let mut tally = Tally::default();
    let mut n = worker;
    while n < count {
        let index = first + n;
        n += workers;
        let exchange = exchange(class, index);
        let id = format!("load-{index}");
        let started = Instant::now();
        let outcome = match sender.as_mut() {
            Some(sender) => run_one(sender, format, &exchange, &id).await,
            None => Err(Failure::Transport("not connected".to_owned())),
        };
        let micros = u32::try_from(started.elapsed().as_micros()).unwrap_or(u32::MAX);
        tally.done += 1;
        match outcome {
            Ok(()) => tally.latencies.push(micros),
            Err(Failure::Malformed(why)) => {
                tally.latencies.push(micros);
                tally.malformed += 1;
                if tally.examples.len() < 5 {
                    tally.examples.push(format!("malformed: {why}"));
                }
            }
            Err(Failure::Transport(why)) => {
                tally.transport += 1;
                if tally.examples.len() < 5 {
                    tally.examples.push(format!("transport: {why}"));
                }
                // The connection is in an unknown state: start a new one.
                sender = connect(addr).await.ok();
            }
        }
    }
    (sender, tally)
}

/// Sends `count` requests of `class` over all connections and returns the tally and the time
/// the block took.
async fn block(
    senders: &mut [Option<SendRequest<Full<Bytes>>>],
    addr: SocketAddr,
    format: Format,
    class: Class,
    (first, count): (usize, usize),
) -> (Tally, Duration) {
    let workers = senders.len();
    let started = Instant::now();
    let handles: Vec<_> = senders
        .iter_mut()
        .enumerate()
        .map(|(worker, sender)| {
            tokio::spawn(worker_block(
                sender.take(),
                addr,
                format,
                class,
                (first, count, worker, workers),
            ))
        })
        .collect();
    let mut tally = Tally::default();
    for (slot, handle) in senders.iter_mut().zip(handles) {
        match handle.await {
            Ok((sender, part)) => {
                *slot = sender;
                tally.add(part);
            }
            Err(error) => {
                tally.transport += 1;
                tally.examples.push(format!("worker failed: {error}"));
            }
        }
    }
    (tally, started.elapsed())
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

fn parse_args() -> Result<Args, String> {
    let mut addr = None;
    let mut pid = None;
    let mut format = None;
    let mut args = Args {
        addr: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
        pid: 0,
        format: Format::Nested,
        format_name: String::new(),
        requests: 20_000,
        concurrency: 32,
        time_limit: Duration::from_secs(30),
        block: 1_000,
        warmup: 2_000,
        max_growth: 20.0,
    };
    let mut items = std::env::args().skip(1);
    while let Some(flag) = items.next() {
        let value = items
            .next()
            .ok_or_else(|| format!("{flag} needs a value"))?;
        let number = || {
            value
                .parse::<usize>()
                .map_err(|_| format!("{flag}: {value:?} is not a number"))
        };
        match flag.as_str() {
            "--addr" => {
                addr = Some(
                    value
                        .parse::<SocketAddr>()
                        .map_err(|error| format!("--addr {value}: {error}"))?,
                );
            }
            "--pid" => pid = Some(u32::try_from(number()?).map_err(|error| error.to_string())?),
            "--format" => {
                format = Some(Format::parse(&value).ok_or_else(|| format!("format {value:?}"))?);
                args.format_name = value.clone();
            }
            "--requests" => args.requests = number()?,
            "--concurrency" => args.concurrency = number()?.max(1),
            "--time-limit" => args.time_limit = Duration::from_secs(number()? as u64),
            "--block" => args.block = number()?.max(1),
            "--warmup" => args.warmup = number()?,
            "--max-growth" => args.max_growth = number()? as f64,
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    args.addr = addr.ok_or("--addr is required")?;
    // The server under test runs on this machine; never send load anywhere else.
    if args.addr.ip() != Ipv4Addr::LOCALHOST {
        return Err(format!("{} is not 127.0.0.1", args.addr));
    }
    args.pid = pid.ok_or("--pid is required")?;
    args.format = format.ok_or("--format is required")?;
    Ok(args)
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
