//! The reqwest helper against a loopback server that answers canned responses, one per
//! connection, and stops after the last.

mod catalog_seeds;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::thread::JoinHandle;
use std::time::Duration;

use apierr::decode::DecodeError;
use apierr::format::{FieldLists, Nested, StatusEnvelope};
use apierr::reqwest::{
    ClientError, MAX_BODY_LEN, ResponseError, check, decode_response, typed_error,
};
use apierr::{Envelope, FieldErrors};
use catalog_seeds::{
    AuthSessionError, AuthSessionErrorCode, Seed000Error, Seed000ErrorCode, Seed004Error,
    Seed004ErrorCode,
};
use http::StatusCode;

/// Serves `responses` in order, one connection each, then returns.
fn serve(responses: Vec<Vec<u8>>) -> (SocketAddr, JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let server = std::thread::spawn(move || {
        for response in responses {
            let (mut stream, _) = listener.accept().unwrap();
            stream
                .set_read_timeout(Some(Duration::from_secs(5)))
                .unwrap();
            // Read the request head; these requests have no body.
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
                head.push(byte[0]);
            }
            let _ = stream.write_all(&response);
        }
    });
    (addr, server)
}

fn response(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(body);
    out
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

#[tokio::test(flavor = "current_thread")]
async fn error_responses_become_typed_errors() {
    let locked = Envelope::new(&Seed000Error::Auth(AuthSessionError::AccountLocked))
        .to_vec()
        .unwrap();
    let invalid = Envelope::new(&catalog_seeds::Seed001Error::Validation(
        FieldErrors::new().with("title", "Title is required"),
    ))
    .with_format(&FieldLists)
    .to_vec()
    .unwrap();
    let exists = Envelope::new(&Seed004Error::UserExists)
        .with_format(&StatusEnvelope)
        .to_vec()
        .unwrap();
    let too_large = format!(
        "HTTP/1.1 500 Internal Server Error\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{{}}",
        MAX_BODY_LEN + 1
    )
    .into_bytes();
    let (addr, server) = serve(vec![
        response("403 Forbidden", "application/json", &locked),
        response("200 OK", "application/json", b"{\"id\":7}"),
        response("400 Bad Request", "application/json", &invalid),
        response("409 Conflict", "application/json", &exists),
        response("502 Bad Gateway", "text/html", b"<html>bad gateway</html>"),
        too_large,
        response("201 Created", "application/json", b"{}"),
    ]);
    let url = format!("http://{addr}/");
    let client = client();

    // 403: the API's error, matched on its code enum.
    let sent = client.post(&url).send().await.unwrap();
    match check::<Seed000Error>(sent, &Nested).await {
        Err(ClientError::Api(error)) => {
            assert_eq!(
                error.code,
                Seed000ErrorCode::Auth(AuthSessionErrorCode::AccountLocked)
            );
            assert_eq!(error.status(), Some(StatusCode::FORBIDDEN));
            assert_eq!(
                error.message(),
                "Account is temporarily locked due to failed login attempts"
            );
        }
        other => panic!("expected the API's error, got {other:?}"),
    }

    // 200: passed through untouched.
    let sent = client.get(&url).send().await.unwrap();
    let ok = check::<Seed000Error>(sent, &Nested).await.unwrap();
    assert_eq!(ok.text().await.unwrap(), "{\"id\":7}");

    // 400 in a format without a status in the body: the response's status is used.
    let sent = client.get(&url).send().await.unwrap();
    let decoded = decode_response(sent, &FieldLists).await.unwrap();
    assert_eq!(decoded.code, "VALIDATION_ERROR");
    assert_eq!(decoded.status, Some(StatusCode::BAD_REQUEST));
    assert_eq!(
        decoded.fields,
        FieldErrors::new().with("title", "Title is required")
    );

    // 409 with a category for a code: the exact code all the same.
    let sent = client.get(&url).send().await.unwrap();
    let error = typed_error::<Seed004Error>(sent, &StatusEnvelope)
        .await
        .unwrap();
    assert_eq!(error.code, Seed004ErrorCode::UserExists);

    // 502 from a proxy, in HTML: a decode error that names the status.
    let sent = client.get(&url).send().await.unwrap();
    match check::<Seed000Error>(sent, &Nested).await {
        Err(ClientError::Response(ResponseError::Decode { status, error })) => {
            assert_eq!(status, StatusCode::BAD_GATEWAY);
            assert!(matches!(error, DecodeError::Syntax(_)));
        }
        other => panic!("expected a decode error, got {other:?}"),
    }

    // A body announced larger than the limit is not read.
    let sent = client.get(&url).send().await.unwrap();
    let refused = decode_response(sent, &Nested).await.unwrap_err();
    assert!(matches!(refused, ResponseError::TooLarge), "{refused:?}");
    assert_eq!(
        refused.to_string(),
        "error response body is larger than 1048576 bytes"
    );

    // Decoding a success is refused.
    let sent = client.get(&url).send().await.unwrap();
    let refused = decode_response(sent, &Nested).await.unwrap_err();
    assert!(matches!(
        refused,
        ResponseError::NotAnError(StatusCode::CREATED)
    ));

    server.join().unwrap();
}
