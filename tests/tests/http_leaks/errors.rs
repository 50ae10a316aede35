//! Every kind of error through every server, in every format and mode, shows no secret.

use crate::checks::check_kinds;
use crate::http_support::{FORMATS, Fmt, HttpClient};
use crate::servers::{Actix, on_actix, serve_axum, serve_to_response};
use crate::{
    MODES, field_lists, field_strings, flat_details, nested, problem_details, status_envelope,
    with_leak_type,
};

#[tokio::test]
async fn to_response_shows_no_secret() {
    let mut checked = 0;
    for format in FORMATS {
        for mode in MODES {
            let server = with_leak_type!(format, serve_to_response(mode));
            let client = HttpClient::new(server.addr);
            checked += check_kinds(&client, format, mode, "to_response").await;
        }
    }
    assert_eq!(checked, 6 * 3 * 7);
}

#[tokio::test]
async fn axum_shows_no_secret_with_or_without_the_layer() {
    let mut checked = 0;
    for format in FORMATS {
        for mode in MODES {
            let server = with_leak_type!(format, serve_axum(format, mode));
            let client = HttpClient::new(server.addr);
            checked += check_kinds(&client, format, mode, "axum").await;
        }
    }
    assert_eq!(checked, 6 * 3 * 7);
}

#[test]
fn actix_shows_no_secret_with_or_without_the_middleware() {
    on_actix(async {
        let mut checked = 0;
        for format in FORMATS {
            for mode in MODES {
                let server = with_leak_type!(format, Actix::start(format, mode));
                let client = HttpClient::new(server.addr);
                checked += check_kinds(&client, format, mode, "actix").await;
                server.stop().await;
            }
        }
        assert_eq!(checked, 6 * 3 * 7);
    });
}
