//! The clients: a real HTTP/1.1 one, and raw bytes over TCP for what real clients refuse to send.

use std::net::SocketAddr;

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::TIMEOUT;

/// One response, as the tests look at it.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: http::HeaderMap,
    pub body: Bytes,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The header names, less those the transport adds whatever the handler does (actix says
    /// `connection: close` when it left a request body unread).
    pub fn header_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .headers
            .keys()
            .map(|name| name.as_str().to_owned())
            .filter(|name| !matches!(name.as_str(), "date" | "content-length" | "connection"))
            .collect();
        names.sort();
        names.dedup();
        names
    }

    #[track_caller]
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|error| {
            panic!(
                "body is not JSON ({error}): {:?}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }
}

/// A real HTTP/1.1 client (hyper's).
#[derive(Clone)]
pub struct HttpClient {
    client: Client<HttpConnector, Full<Bytes>>,
    addr: SocketAddr,
}

impl HttpClient {
    pub fn new(addr: SocketAddr) -> Self {
        HttpClient {
            client: Client::builder(TokioExecutor::new()).build_http(),
            addr,
        }
    }

    /// Sends one request and reads the whole response, within [`TIMEOUT`].
    pub async fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Reply {
        let mut request = http::Request::builder()
            .method(method)
            .uri(format!("http://{}{path}", self.addr));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let request = request
            .body(Full::new(Bytes::copy_from_slice(body)))
            .expect("a valid request");
        let exchange = async {
            let response = self.client.request(request).await.expect("a response");
            let (parts, body) = response.into_parts();
            let body = body.collect().await.expect("a whole body").to_bytes();
            Reply {
                status: parts.status.as_u16(),
                headers: parts.headers,
                body,
            }
        };
        tokio::time::timeout(TIMEOUT, exchange)
            .await
            .unwrap_or_else(|_| panic!("{method} {path} timed out"))
    }
}

/// Sends `request` as raw bytes (it should say `Connection: close`) and parses the response:
/// for what no real client will send, such as CR or non-ASCII bytes in a header.
pub async fn raw_exchange(addr: SocketAddr, request: &[u8]) -> Reply {
    let exchange = async {
        let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
        stream.write_all(request).await.expect("write");
        let mut bytes = Vec::new();
        // Bounded: the timeout below ends a server that never closes.
        stream.read_to_end(&mut bytes).await.expect("read");
        bytes
    };
    let bytes = tokio::time::timeout(TIMEOUT, exchange)
        .await
        .expect("raw exchange timed out");
    parse_response(&bytes)
}

fn parse_response(bytes: &[u8]) -> Reply {
    let split = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(bytes)));
    let head = std::str::from_utf8(&bytes[..split]).expect("an ASCII head");
    let mut lines = head.split("\r\n");
    let status_line = lines.next().expect("a status line");
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
    let mut headers = http::HeaderMap::new();
    for line in lines {
        let (name, value) = line.split_once(':').expect("a header line");
        headers.append(
            http::HeaderName::from_bytes(name.trim().as_bytes()).expect("a header name"),
            http::HeaderValue::from_str(value.trim()).expect("a header value"),
        );
    }
    let mut body = bytes[split + 4..].to_vec();
    if headers
        .get("transfer-encoding")
        .is_some_and(|v| v == "chunked")
    {
        body = dechunk(&body);
    }
    Reply {
        status,
        headers,
        body: Bytes::from(body),
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let line_end = data
            .windows(2)
            .position(|w| w == b"\r\n")
            .expect("chunk size");
        let size = std::str::from_utf8(&data[..line_end])
            .ok()
            .and_then(|s| usize::from_str_radix(s.trim(), 16).ok())
            .expect("hex chunk size");
        data = &data[line_end + 2..];
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&data[..size]);
        data = &data[size + 2..];
    }
}

/// The JSON body of a framework-free response.
pub fn response_json(response: &http::Response<Vec<u8>>) -> serde_json::Value {
    serde_json::from_slice(response.body()).expect("a JSON body")
}

/// A header of a framework-free response, as text.
pub fn response_header<'a>(response: &'a http::Response<Vec<u8>>, name: &str) -> Option<&'a str> {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().expect("visible ASCII"))
}
