//! gRPC end to end: a real tonic server on an ephemeral loopback port whose handler fails with
//! a derived error, and a real tonic client that reads the status, its `google.rpc` details
//! (with tonic-types, as any tonic client would) and the typed error back.
//!
//! The service is written by hand, a prost message and a `tower::Service` around
//! `tonic::server::Grpc`, so that no protoc or build script is needed.

mod http_support;

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use apierr::limits::{FIELD_ERRORS_OMITTED, MAX_FIELD_MESSAGE_LEN, MAX_MESSAGE_LEN, TRUNCATED};
use apierr::tonic::{GrpcOptions, MAX_DETAILS_LEN, MAX_METADATA_ENTRIES, typed_error};
use apierr::{ApiError, FieldErrors, Violation};
use http_support::{TIMEOUT, capture_logs, logged};
use tonic::body::Body;
use tonic::transport::server::TcpIncoming;
use tonic::transport::{Endpoint, Server};
use tonic::{Code, Request, Response, Status};
use tonic_prost::ProstCodec;
use tonic_types::{ErrorDetails, StatusExt};

/// `users.Users/GetUser`'s request.
#[derive(Clone, PartialEq, prost::Message)]
struct GetUser {
    #[prost(uint64, tag = "1")]
    id: u64,
}

/// `users.Users/GetUser`'s reply.
#[derive(Clone, PartialEq, prost::Message)]
struct User {
    #[prost(string, tag = "1")]
    name: String,
}

const GET_USER: &str = "/users.Users/GetUser";
const DOMAIN: &str = "users.example.com";

#[derive(Debug, thiserror::Error, ApiError)]
#[api(code_enum)]
enum UserError {
    #[error("no user {id}")]
    #[api(code = "USER_NOT_FOUND", status = 404)]
    NotFound {
        #[api(member)]
        id: u64,
        #[api(member = "lookedIn")]
        looked_in: &'static str,
    },
    #[error("user exists")]
    #[api(code = "USER_EXISTS", status = 409, data(grpc_code = "ALREADY_EXISTS"))]
    Exists,
    #[error("invalid user")]
    #[api(
        code = "VALIDATION_ERROR",
        status = 422,
        data(domain = "validation.example.com")
    )]
    Invalid(#[api(fields)] FieldErrors),
    #[error("slow down")]
    #[api(code = "RATE_LIMITED", status = 429)]
    Limited {
        #[api(retry_after)]
        retry: Duration,
    },
    #[error("database at 10.0.0.7 refused password=hunter2")]
    #[api(code = "INTERNAL", status = 500)]
    Internal,
    #[error("{0}")]
    #[api(code = "HUGE", status = 400)]
    Huge(String, #[api(fields)] FieldErrors),
}

apierr::grpc_status!(UserError);

/// The handler: each id fails in its own way.
fn get_user(id: u64) -> Result<User, UserError> {
    match id {
        1 => Ok(User {
            name: "ada".to_owned(),
        }),
        404 => Err(UserError::NotFound {
            id,
            looked_in: "primary",
        }),
        409 => Err(UserError::Exists),
        422 => {
            let mut fields = FieldErrors::new();
            fields.add("email", "is not an email");
            fields.push(
                "items[2].qty",
                Violation::from_code("RANGE").with_message("must be at least 1"),
            );
            Err(UserError::Invalid(fields))
        }
        429 => Err(UserError::Limited {
            retry: Duration::from_millis(1500),
        }),
        500 => Err(UserError::Internal),
        _ => {
            // Everything too long: a message of 3-byte characters, which tonic percent-encodes
            // to three times its size, and field errors by the thousand.
            let mut fields = FieldErrors::new();
            for i in 0..5000 {
                fields.add(format!("items[{i}].{}", "k".repeat(1000)), "é".repeat(400));
            }
            Err(UserError::Huge("€".repeat(10_000), fields))
        }
    }
}

/// The hand-written service: what tonic-build would generate for one unary method.
#[derive(Clone)]
struct Users;

struct GetUserMethod;

impl tower::Service<Request<GetUser>> for GetUserMethod {
    type Response = Response<User>;
    type Error = Status;
    type Future = std::future::Ready<Result<Response<User>, Status>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Status>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request<GetUser>) -> Self::Future {
        let options = GrpcOptions::new(DOMAIN);
        std::future::ready(
            get_user(request.get_ref().id)
                .map(Response::new)
                .map_err(|error| options.status(&error)),
        )
    }
}

impl tower::Service<http::Request<Body>> for Users {
    type Response = http::Response<Body>;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        Box::pin(async move {
            if request.uri().path() != GET_USER {
                return Ok(Status::unimplemented("no such method").into_http());
            }
            let mut grpc = tonic::server::Grpc::new(ProstCodec::<User, GetUser>::default());
            Ok(grpc.unary(GetUserMethod, request).await)
        })
    }
}

/// Serves [`Users`] on a fresh loopback port and calls `GetUser` once for each id, in order.
async fn call_each(ids: &[u64]) -> Vec<Result<User, Status>> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server =
        tokio::spawn(Server::builder().serve_with_incoming(Users, TcpIncoming::from(listener)));
    let channel = Endpoint::from_shared(format!("http://{addr}"))
        .unwrap()
        .connect()
        .await
        .unwrap();
    let mut client = tonic::client::Grpc::new(channel);
    let mut results = Vec::new();
    for &id in ids {
        client.ready().await.unwrap();
        let call = client.unary(
            Request::new(GetUser { id }),
            http::uri::PathAndQuery::from_static(GET_USER),
            ProstCodec::<GetUser, User>::default(),
        );
        let result = tokio::time::timeout(TIMEOUT, call)
            .await
            .expect("the server answers");
        results.push(result.map(Response::into_inner));
    }
    server.abort();
    results
}

fn details(status: &Status) -> ErrorDetails {
    status
        .check_error_details()
        .expect("the details are a google.rpc.Status")
}

#[tokio::test]
async fn every_error_arrives_with_its_code_message_details_and_typed_error() {
    capture_logs();
    let mut results = call_each(&[1, 404, 409, 422, 429, 500]).await.into_iter();

    assert_eq!(results.next().unwrap().unwrap().name, "ada");

    // 404: NOT_FOUND, the message as in the HTTP body, members as metadata.
    let status = results.next().unwrap().unwrap_err();
    assert_eq!(status.code(), Code::NotFound);
    assert_eq!(status.message(), "no user 404");
    let found = details(&status);
    let info = found.error_info().unwrap();
    assert_eq!(info.reason, "USER_NOT_FOUND");
    assert_eq!(info.domain, DOMAIN);
    let mut metadata: Vec<_> = info.metadata.iter().collect();
    metadata.sort();
    assert_eq!(
        metadata,
        [
            (&"id".to_owned(), &"404".to_owned()),
            (&"lookedIn".to_owned(), &"primary".to_owned())
        ]
    );
    assert!(found.bad_request().is_none());
    assert!(found.retry_info().is_none());
    let error = typed_error::<UserError>(&status);
    assert_eq!(error.error.code, UserErrorCode::NotFound);
    assert_eq!(error.error.message(), "no user 404");
    assert_eq!(error.error.status(), Some(http::StatusCode::NOT_FOUND));
    assert_eq!(
        serde_json::Value::Object(error.error.body.members.clone()),
        serde_json::json!({"id": "404", "lookedIn": "primary"})
    );
    assert_eq!(error.grpc_code, Code::NotFound);
    assert_eq!(error.domain.as_deref(), Some(DOMAIN));
    assert_eq!(error.retry_after, None);

    // 409 with its own gRPC code.
    let status = results.next().unwrap().unwrap_err();
    assert_eq!(status.code(), Code::AlreadyExists);
    assert_eq!(status.message(), "user exists");
    assert_eq!(
        typed_error::<UserError>(&status).error.code,
        UserErrorCode::Exists
    );

    // 422: FAILED_PRECONDITION, the field errors as violations, the code's own domain.
    let status = results.next().unwrap().unwrap_err();
    assert_eq!(status.code(), Code::FailedPrecondition);
    assert_eq!(status.message(), "invalid user");
    let invalid = details(&status);
    assert_eq!(
        invalid.error_info().unwrap().domain,
        "validation.example.com"
    );
    let violations: Vec<_> = invalid
        .bad_request()
        .unwrap()
        .field_violations
        .iter()
        .map(|v| (v.field.as_str(), v.description.as_str(), v.reason.as_str()))
        .collect();
    assert_eq!(
        violations,
        [
            ("email", "is not an email", ""),
            ("items[2].qty", "must be at least 1", "RANGE")
        ]
    );
    let error = typed_error::<UserError>(&status);
    assert_eq!(error.error.code, UserErrorCode::Invalid);
    let mut expected = FieldErrors::new();
    expected.add("email", "is not an email");
    expected.push(
        "items[2].qty",
        Violation::from_code("RANGE").with_message("must be at least 1"),
    );
    assert_eq!(error.error.fields(), &expected);

    // 429: RESOURCE_EXHAUSTED with the delay, rounded up to whole seconds as in Retry-After.
    let status = results.next().unwrap().unwrap_err();
    assert_eq!(status.code(), Code::ResourceExhausted);
    assert_eq!(
        details(&status).retry_info().unwrap().retry_delay,
        Some(Duration::from_secs(2))
    );
    let error = typed_error::<UserError>(&status);
    assert_eq!(error.error.code, UserErrorCode::Limited);
    assert_eq!(error.retry_after, Some(Duration::from_secs(2)));

    // 500: redacted as in the HTTP body, and reported with its internal message.
    let status = results.next().unwrap().unwrap_err();
    assert_eq!(status.code(), Code::Internal);
    assert_eq!(status.message(), "Internal Server Error");
    assert!(!format!("{status:?}").contains("hunter2"));
    assert_eq!(
        typed_error::<UserError>(&status).error.code,
        UserErrorCode::Internal
    );
    let reported = logged(|event| event.field("code") == Some("INTERNAL"));
    assert!(
        reported
            .iter()
            .any(|event| event.field("error").is_some_and(|e| e.contains("hunter2"))),
        "{reported:?}"
    );
}

#[tokio::test]
async fn an_error_of_any_size_arrives_bounded() {
    let status = call_each(&[7]).await.pop().unwrap().unwrap_err();
    // Not a transport error: the trailers fit the client's header-list limit.
    assert_eq!(status.code(), Code::InvalidArgument);
    assert_eq!(status.message(), "€".repeat(681) + TRUNCATED);
    assert!(status.message().len() <= MAX_MESSAGE_LEN);
    assert!(
        status.details().len() <= MAX_DETAILS_LEN,
        "{}",
        status.details().len()
    );
    let violations = details(&status)
        .bad_request()
        .unwrap()
        .field_violations
        .clone();
    assert!(violations.len() > 1);
    let (last, kept) = violations.split_last().unwrap();
    assert_eq!(
        (last.field.as_str(), last.description.as_str()),
        (TRUNCATED, FIELD_ERRORS_OMITTED)
    );
    for (i, violation) in kept.iter().enumerate() {
        assert!(violation.field.starts_with(&format!("items[{i}].kkk")));
        assert!(violation.field.ends_with(TRUNCATED));
        assert!(violation.description.len() <= MAX_FIELD_MESSAGE_LEN);
    }
    let error = typed_error::<UserError>(&status);
    assert_eq!(error.error.code, UserErrorCode::Huge);
    assert_eq!(error.error.fields().len(), violations.len());
}

#[test]
fn the_from_impl_uses_the_default_options() {
    let status = Status::from(UserError::Exists);
    assert_eq!(status.code(), Code::AlreadyExists);
    let info = details(&status).error_info().unwrap().clone();
    assert_eq!(
        (info.reason.as_str(), info.domain.as_str()),
        ("USER_EXISTS", "")
    );
    // A code's declared domain comes first, whatever the options.
    let status = Status::from(UserError::Invalid(FieldErrors::new()));
    assert_eq!(
        details(&status).error_info().unwrap().domain,
        "validation.example.com"
    );
    assert!(details(&status).bad_request().is_none());
    apierr::tonic::check_codes::<UserError>().unwrap();
}

#[test]
fn metadata_is_bounded() {
    #[derive(Debug, ApiError)]
    enum Wide {
        #[api(code = "WIDE", status = 400, message = "wide")]
        Wide {
            #[api(member)]
            long: String,
            #[api(member)]
            list: Vec<u32>,
            #[api(member)]
            a: u8,
            #[api(member)]
            b: u8,
            #[api(member)]
            c: u8,
            #[api(member)]
            d: u8,
            #[api(member)]
            e: u8,
            #[api(member)]
            f: u8,
            #[api(member)]
            g: u8,
            #[api(member)]
            h: u8,
            #[api(member)]
            i: u8,
            #[api(member)]
            j: u8,
            #[api(member)]
            k: u8,
            #[api(member)]
            l: u8,
            #[api(member)]
            m: u8,
            #[api(member)]
            n: u8,
            #[api(member)]
            o: u8,
            #[api(member)]
            p: u8,
            #[api(member)]
            q: u8,
        },
    }
    let status = apierr::tonic::status(&Wide::Wide {
        long: "x".repeat(10_000),
        list: vec![1, 2, 3],
        a: 0,
        b: 1,
        c: 2,
        d: 3,
        e: 4,
        f: 5,
        g: 6,
        h: 7,
        i: 8,
        j: 9,
        k: 10,
        l: 11,
        m: 12,
        n: 13,
        o: 14,
        p: 15,
        q: 16,
    });
    let metadata = details(&status).error_info().unwrap().metadata.clone();
    // The long member is left out; the list is its JSON; the first 16 fit, the rest do not.
    assert_eq!(metadata.len(), MAX_METADATA_ENTRIES);
    assert!(!metadata.contains_key("long"));
    assert_eq!(metadata["list"], "[1,2,3]");
    assert_eq!(metadata["o"], "14");
    assert!(!metadata.contains_key("p"));
}

#[test]
fn field_errors_that_were_already_cut_keep_one_marker_at_the_end() {
    let mut fields = FieldErrors::new();
    for _ in 0..300 {
        fields.add_bounded("a", "x");
    }
    let status = Status::from(UserError::Invalid(fields));
    let violations = details(&status)
        .bad_request()
        .unwrap()
        .field_violations
        .clone();
    let texts: Vec<_> = violations
        .iter()
        .map(|v| (v.field.as_str(), v.description.as_str()))
        .collect();
    let mut expected = vec![("a", "x"); apierr::MAX_FIELD_ERRORS];
    expected.push((TRUNCATED, FIELD_ERRORS_OMITTED));
    assert_eq!(texts, expected);
}

#[test]
fn a_status_from_elsewhere_reads_by_its_grpc_code() {
    // tonic's own statuses carry no ErrorInfo; these details are not even protobuf.
    let status = Status::with_details(
        Code::Unavailable,
        "connection refused",
        prost::bytes::Bytes::from_static(b"\xff\xff\xff"),
    );
    let error = typed_error::<UserError>(&status);
    assert_eq!(
        error.error.code,
        UserErrorCode::Unknown("UNAVAILABLE".to_owned())
    );
    assert_eq!(error.error.message(), "connection refused");
    assert_eq!(
        error.error.status(),
        Some(http::StatusCode::SERVICE_UNAVAILABLE)
    );
    assert!(error.error.fields().is_empty());
    assert_eq!(
        (error.grpc_code, error.domain, error.retry_after),
        (Code::Unavailable, None, None)
    );
}
