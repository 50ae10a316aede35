//! A panic's message stays in the log, and without a layer a panic sends nothing.

use std::net::SocketAddr;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::checks::check_reply;
use crate::http_support::{Expect, FORMATS, Fmt, HttpClient, TIMEOUT};
use crate::servers::{Actix, on_actix, serve_axum};
use crate::{Mode, PANIC, nested};

/// The redacted 500 a panic becomes, checked like the errors above. With debug detail on, the
/// panic message is the source of the `INTERNAL` error, so it shows in `stack` and nowhere else.
async fn check_panic(client: &HttpClient, format: Fmt, mode: Mode, via: &str) {
    let id = format!("{via}-{format:?}-{mode:?}-panic");
    let reply = client
        .send("GET", "/panic", &[("x-request-id", &id)], b"")
        .await;
    let stack = format!("internal server error\n    caused by: handler panicked: {PANIC}");
    check_reply(
        &format!("{via} {format:?} {mode:?} panic"),
        &reply,
        (format, mode),
        (
            &Expect::new("INTERNAL", 500, "Internal Server Error").redacted(),
            &[],
            &stack,
        ),
        ("/panic", &id),
    );
}

#[tokio::test]
async fn an_axum_panic_message_stays_in_the_log() {
    for format in FORMATS {
        for mode in [Mode::Context, Mode::Debug] {
            let server = serve_axum::<nested::Leak>(format, mode);
            check_panic(&HttpClient::new(server.addr), format, mode, "axum").await;
        }
    }
}

#[test]
fn an_actix_panic_message_stays_in_the_log() {
    on_actix(async {
        for format in FORMATS {
            for mode in [Mode::Context, Mode::Debug] {
                let server = Actix::start::<nested::Leak>(format, mode);
                check_panic(&HttpClient::new(server.addr), format, mode, "actix").await;
                server.stop().await;
            }
        }
    });
}

/// Everything a server writes on one connection for a raw `request`, until it closes.
async fn raw_bytes(addr: SocketAddr, request: &[u8]) -> Vec<u8> {
    let exchange = async {
        let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
        stream.write_all(request).await.expect("write");
        let mut bytes = Vec::new();
        // A reset after a panic is an answer too: whatever came before it is what was sent.
        let _ = stream.read_to_end(&mut bytes).await;
        bytes
    };
    tokio::time::timeout(TIMEOUT, exchange)
        .await
        .expect("the server closes the connection")
}

const RAW_PANIC: &[u8] = b"GET /panic HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\r\n";

/// Without a layer nothing catches the panic: the framework drops the connection, having sent
/// nothing, so nothing can leak either.
#[tokio::test]
async fn without_the_axum_layer_a_panic_sends_nothing() {
    let server = serve_axum::<nested::Leak>(Fmt::Nested, Mode::Bare);
    let bytes = raw_bytes(server.addr, RAW_PANIC).await;
    assert!(bytes.is_empty(), "{:?}", String::from_utf8_lossy(&bytes));
}

#[test]
fn without_the_actix_middleware_a_panic_sends_nothing() {
    on_actix(async {
        let server = Actix::start::<nested::Leak>(Fmt::Nested, Mode::Bare);
        let bytes = raw_bytes(server.addr, RAW_PANIC).await;
        assert!(bytes.is_empty(), "{:?}", String::from_utf8_lossy(&bytes));
        server.stop().await;
    });
}
