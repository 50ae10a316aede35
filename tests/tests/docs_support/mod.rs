//! What the error-page tests share: seed 000's catalogue as pages, a real axum server
//! serving them on loopback, and a WebDriver client for the browser tests.

#![allow(dead_code)] // Each test binary uses its own part of this module.

use std::net::SocketAddr;

use apierr::catalog::Catalog;
use apierr::docs::ErrorPages;
use apierr::response::ResponseOptions;
use tokio::sync::oneshot;

use crate::catalog_seeds::Seed000Error;

pub mod webdriver;

/// Seed 000's categories in the page's order, with their number of codes.
pub const SEED_000_GROUPS: [(&str, usize); 6] = [
    ("Auth &amp; Session", 8),
    ("Authorization", 4),
    ("Input Validation", 3),
    ("Business Logic", 7),
    ("Rate Limiting", 1),
    ("Internal", 1),
];

/// Seed 000's catalogue: the fixture every page test renders.
pub fn seed_catalog() -> Catalog {
    Catalog::of::<Seed000Error>().expect("seed 000 has no conflicts")
}

pub fn seed_pages(options: &ResponseOptions) -> ErrorPages {
    ErrorPages::new(&seed_catalog(), options)
}

/// An axum server on a loopback port serving `pages` (and nothing else) until the sender is
/// dropped or sent to.
pub async fn serve_axum(pages: ErrorPages) -> (SocketAddr, oneshot::Sender<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind a loopback port");
    let addr = listener.local_addr().expect("local address");
    let app: axum::Router = apierr::docs::axum::router(pages);
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async move {
                let _ = stopped.await;
            })
            .await
            .expect("serve");
    });
    (addr, stop)
}
