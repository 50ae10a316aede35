//! `apierr::response::to_response` when part of a response cannot be made as declared: an
//! extension member that fails to serialize, a message whose `Display` fails, a format's media
//! type that is not a header value. The response falls back, keeps every other header, and
//! nothing panics.

mod http_support;

use std::fmt;

use apierr::format::FieldLists;
use apierr::response::{ResponseOptions, to_response};
use apierr::{ApiError, Context, CorrelationId, Spec};
use http_support::app::BadMediaError;
use http_support::{
    Expect, FORMATS, Seen, expected, response_header as header, response_json as body,
};
use serde::ser::{Error as _, Serialize, Serializer};
use serde_json::{Value, json};

/// A member whose `Serialize` always fails.
#[derive(Debug)]
struct Broken;

impl Serialize for Broken {
    fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(S::Error::custom("broken member"))
    }
}

#[derive(Debug, ApiError)]
enum WithMembers {
    #[api(code = "WITH_MEMBERS", status = 409, message = "Conflict here")]
    Conflict {
        #[api(member)]
        ok: u32,
        #[api(member)]
        broken: Broken,
    },
}

/// An error whose message can never be written: its `Display` fails, against `fmt`'s
/// contract.
struct AlwaysFails;

static ALWAYS_FAILS: Spec =
    Spec::new("LOGIN_REQUIRED", 401, "AlwaysFails").with_www_authenticate("Bearer");

impl ApiError for AlwaysFails {
    fn spec(&self) -> &'static Spec {
        &ALWAYS_FAILS
    }

    fn fmt_message(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Err(fmt::Error)
    }

    fn catalog(visit: &mut dyn FnMut(&'static Spec)) {
        visit(&ALWAYS_FAILS);
    }
}

#[test]
fn bodies_that_fail_to_render_fall_back_instead_of_panicking() {
    let error = WithMembers::Conflict {
        ok: 1,
        broken: Broken,
    };
    for format in FORMATS {
        let response = to_response(&error, &Context::new(), &format.options());
        assert_eq!(response.status(), 409, "{format:?}");
        let seen = Seen {
            method: "GET",
            path: "/",
            id: "",
        };
        let mut expect = expected(
            format,
            &Expect::new("WITH_MEMBERS", 409, "Conflict here"),
            &seen,
        );
        // No context was given: what the expectation added from it is not there.
        if let Value::Object(map) = &mut expect {
            for key in ["correlationId", "timestamp", "path", "method", "instance"] {
                map.remove(key);
            }
        }
        assert_eq!(body(&response), expect, "{format:?}: members left out");
    }

    let response = to_response(
        &AlwaysFails,
        &Context::new(),
        &ResponseOptions::new().with_format(FieldLists),
    );
    assert_eq!(response.status(), 401);
    assert_eq!(header(&response, "content-type"), Some("application/json"));
    assert_eq!(header(&response, "www-authenticate"), Some("Bearer"));
    assert_eq!(
        body(&response),
        json!({"success": false, "error": {"code": "LOGIN_REQUIRED", "message": "Unauthorized", "status": 401}})
    );
}

#[derive(Debug, ApiError)]
enum LimitedWithMembers {
    #[api(code = "RATE_LIMITED", status = 429, message = "Slow down")]
    #[api(header("cache-control", "no-store"))]
    Limited {
        #[api(retry_after)]
        wait_secs: u64,
        #[api(header = "x-ratelimit-scope")]
        scope: &'static str,
        #[api(member)]
        broken: Broken,
    },
}

/// The second rendering attempt leaves out the members, and only them: the response still has
/// every header of the error, exactly.
#[test]
fn a_body_without_its_members_keeps_every_header() {
    let error = LimitedWithMembers::Limited {
        wait_secs: 30,
        scope: "account",
        broken: Broken,
    };
    let context = Context::new().with_correlation_id(CorrelationId::new("req-9").unwrap());
    let response = to_response(&error, &context, &ResponseOptions::new());
    assert_eq!(response.status(), 429);
    let headers: Vec<(&str, &str)> = response
        .headers()
        .iter()
        .map(|(name, value)| (name.as_str(), value.to_str().unwrap()))
        .collect();
    assert_eq!(
        headers,
        [
            ("cache-control", "no-store"),
            ("x-ratelimit-scope", "account"),
            ("retry-after", "30"),
            ("x-request-id", "req-9"),
            ("content-type", "application/json"),
        ]
    );
    assert_eq!(
        body(&response),
        json!({"success": false, "error": {"code": "RATE_LIMITED", "message": "Slow down", "status": 429}})
    );
}

/// A format's media type that is not a valid header value is left out; nothing panics and no
/// injected header reaches the response.
#[test]
fn an_invalid_media_type_is_left_out() {
    let response = to_response(
        &BadMediaError::Gone,
        &Context::new(),
        &ResponseOptions::new(),
    );
    assert_eq!(response.status(), 410);
    assert!(response.headers().is_empty(), "{:?}", response.headers());
    assert_eq!(body(&response), json!({"code": "GONE"}));
}
