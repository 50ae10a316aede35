//! The command line.

use std::net::{Ipv4Addr, SocketAddr};
use std::time::Duration;

use crate::{Args, Format};

pub(super) fn parse_args() -> Result<Args, String> {
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
