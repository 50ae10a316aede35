//! A secret in the query string is not echoed.

use crate::checks::check_reply;
use crate::http_support::{FORMATS, Fmt, HttpClient};
use crate::servers::{Actix, on_actix, serve_axum};
use crate::{Kind, Mode, nested};

/// The layers put the request path in `StatusEnvelope`'s `path` and RFC 9457's `instance`, but
/// never the query string, where clients put tokens.
#[tokio::test]
async fn a_secret_in_the_query_string_is_not_echoed_by_axum() {
    for format in FORMATS {
        let server = serve_axum::<nested::Leak>(format, Mode::Context);
        let client = HttpClient::new(server.addr);
        check_query(&client, format, "axum").await;
    }
}

#[test]
fn a_secret_in_the_query_string_is_not_echoed_by_actix() {
    on_actix(async {
        for format in FORMATS {
            let server = Actix::start::<nested::Leak>(format, Mode::Context);
            check_query(&HttpClient::new(server.addr), format, "actix").await;
            server.stop().await;
        }
    });
}

async fn check_query(client: &HttpClient, format: Fmt, via: &str) {
    let kind = Kind::BadInput;
    let id = format!("{via}-{format:?}-query");
    let target = format!(
        "{}?password=hunter2&dsn=postgres%3A%2F%2Fadmin%3As3cret%40db",
        kind.path()
    );
    let reply = client
        .send("GET", &target, &[("x-request-id", &id)], b"")
        .await;
    check_reply(
        &format!("{via} {format:?} query"),
        &reply,
        (format, Mode::Context),
        (&kind.expect(), kind.headers(), &kind.stack()),
        (kind.path(), &id),
    );
}
