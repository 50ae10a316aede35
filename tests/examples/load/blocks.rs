//! Blocks of requests over all connections, each connection's share sent by one worker.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use http_body_util::Full;
use hyper::body::Bytes;
use hyper::client::conn::http1::{self, SendRequest};
use hyper_util::rt::TokioIo;

use crate::exchange::{Failure, exchange, run_one};
use crate::{Class, Format, Tally};

pub(super) async fn connect(addr: SocketAddr) -> Result<SendRequest<Full<Bytes>>, String> {
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
pub(super) async fn block(
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
