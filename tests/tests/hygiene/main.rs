//! Hygiene: the derive's output compiles without the prelude, next to items that shadow the
//! names it could use, on generic, lifetime-parameterised and `#[cfg]`-gated types, with raw
//! identifiers and variants named like the items it uses, and passes the strictest lints the
//! crate root asks for: generated code needs no `#[allow]` a user could forbid. (Not
//! `forbid(unused)`: thiserror's output allows `unused_variables`; that one is checked in
//! `ui-tests/tests/pass/forbid-unused.rs`, without thiserror.)

#![forbid(unused_imports)]
#![deny(warnings, unused_qualifications, missing_docs)]
// `trait_duplication_in_bounds` was pedantic and is in the nursery now: named on its own, so
// that generated where clauses stay checked (see `generic_bounds`).
#![warn(clippy::pedantic, clippy::trait_duplication_in_bounds)]

mod code_enum_names;
mod envelope_data;
mod generic_bounds;
mod raw;
mod shadowed;

use apierr::{ApiError, Envelope, FieldErrors};
use serde_json::json;

/// Every key, with neither the prelude nor any `use`: only `::`-rooted paths.
mod bare {
    #![no_implicit_prelude]

    /// The inner error of a `transparent` variant.
    #[derive(::core::fmt::Debug, ::apierr::ApiError)]
    #[api(
        code = "LEAF_CONFLICT",
        status = 409,
        message = "leaf conflict",
        code_enum
    )]
    pub struct Leaf;

    // `From<_> for tonic::Status` (feature `tonic`), without the prelude too.
    ::apierr::grpc_status!(Leaf, Bare);

    /// An enum that uses every key.
    #[derive(::core::fmt::Debug, ::apierr::ApiError)]
    #[api(
        status = 400,
        category = "Bare",
        rename_all = "SCREAMING_SNAKE_CASE",
        format = ::apierr::format::ProblemDetails::new(),
        www_authenticate = "Bearer realm=\"bare\"",
        code_enum
    )]
    pub enum Bare {
        /// Nothing is at this path
        #[api(
            code = "BARE_MISSING",
            status = NOT_FOUND,
            message = "nothing at {path}",
            category = "Lookup",
            title = "Missing",
            type = "https://example.com/probs/missing",
            header("cache-control", "no-store")
        )]
        Missing {
            /// The path looked up.
            #[api(member)]
            path: ::std::string::String,
        },
        /// A code from `rename_all`, the enum's status and the `Display` message.
        Malformed(u32),
        /// A 5xx with a source: its message is hidden.
        #[api(status = 503)]
        Unavailable {
            /// Why.
            source: ::std::io::Error,
            /// When to come back.
            #[api(retry_after)]
            wait: u64,
        },
        /// A 5xx whose message is shown.
        #[api(status = 502, expose)]
        Upstream {
            /// What the upstream answered.
            #[api(member = "upstreamStatus", header = "x-upstream-status")]
            upstream_status: u16,
        },
        /// A 4xx whose message is hidden.
        #[api(status = UNAUTHORIZED, redact)]
        Unauthenticated,
        /// Field errors.
        #[api(code = "BARE_INVALID", status = 422, message = "invalid {{body}}")]
        Invalid(#[api(fields)] ::apierr::FieldErrors),
        /// Another `ApiError`, as it is.
        #[api(transparent)]
        Leaf(Leaf),
    }

    impl ::core::fmt::Display for Bare {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            match self {
                Self::Missing { path } => ::core::write!(f, "missing {path}"),
                Self::Malformed(at) => ::core::write!(f, "malformed input at byte {at}"),
                Self::Unavailable { .. } => f.write_str("backend down: password=hunter2"),
                Self::Upstream { upstream_status } => {
                    ::core::write!(f, "upstream answered {upstream_status}")
                }
                Self::Unauthenticated => f.write_str("token of user 42 expired"),
                Self::Invalid(_) => f.write_str("invalid"),
                Self::Leaf(_) => f.write_str("leaf"),
            }
        }
    }
}

/// A generic enum: a where clause, a `transparent` generic variant, inferred bounds.
#[derive(Debug, ApiError)]
#[api(category = "Generic")]
enum Generic<E, T>
where
    T: Clone,
{
    /// Another `ApiError`, whatever it is.
    #[api(transparent)]
    Inner(E),
    /// A value shown with `Debug`.
    #[api(code = "GENERIC_VALUE", status = 400, message = "bad value {0:?}")]
    Value(T),
    /// A value shown with `Display` and sent as a member.
    #[api(
        code = "GENERIC_LIMIT",
        status = 413,
        message = "over the limit of {limit}"
    )]
    Limit {
        /// The limit.
        #[api(member)]
        limit: T,
    },
}

/// An enum that borrows.
#[derive(Debug, thiserror::Error, ApiError)]
enum Borrowed<'a> {
    /// A name that is taken.
    #[error("{name} is taken")]
    #[api(code = "NAME_TAKEN", status = 409)]
    Taken {
        /// The name.
        #[api(member)]
        name: &'a str,
    },
    /// Field errors, borrowed.
    #[error("invalid")]
    #[api(code = "BORROWED_INVALID", status = 422, message = "check the fields")]
    Invalid(#[api(fields)] &'a FieldErrors),
}

/// An enum whose variants depend on the build.
#[derive(Debug, ApiError)]
#[api(status = 400, rename_all = "kebab-case")]
enum Gated {
    /// Always there.
    #[api(message = "always")]
    Always,
    /// Only in tests, which this is.
    #[cfg(test)]
    #[api(code = "PLATFORM", message = "in tests")]
    InTests,
    /// Never compiled: its field type does not exist.
    #[cfg(not(test))]
    #[api(code = "PLATFORM", message = "outside tests")]
    OutsideTests(NoSuchType),
    /// Never compiled either.
    #[cfg(any())]
    #[api(status = 700)]
    Never,
}

/// An enum whose every variant is under `#[cfg]`: no variant's spec is in the shared array.
#[derive(Debug, ApiError)]
enum AllGated {
    /// Only in tests.
    #[cfg(test)]
    #[api(code = "ONLY_IN_TESTS", status = 409, message = "only in tests")]
    OnlyInTests,
    /// Never compiled.
    #[cfg(any())]
    #[api(code = "NEVER", status = 409, message = "never")]
    Never,
}

/// A struct.
#[derive(Debug, ApiError)]
#[api(code = "RATE_LIMITED", status = TOO_MANY_REQUESTS, message = "retry in {retry_after}s")]
struct RateLimited {
    /// Seconds to wait.
    #[api(member = "retryAfter", retry_after)]
    retry_after: u32,
}

/// A unit struct with the `Display` fallback.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("maintenance")]
#[api(code = "MAINTENANCE", status = 503, expose)]
struct Maintenance;

fn body(error: &impl ApiError) -> serde_json::Value {
    Envelope::new(error).to_value().unwrap()
}

#[test]
fn bare_enum_renders_declared_and_display_messages() {
    use bare::Bare;

    let missing = Bare::Missing {
        path: "/a/b".to_owned(),
    };
    assert_eq!(missing.code(), "BARE_MISSING");
    assert_eq!(missing.status().as_u16(), 404);
    assert_eq!(missing.message(), "nothing at /a/b");
    assert_eq!(missing.spec().category(), Some("Lookup"));
    assert_eq!(missing.spec().doc(), Some("Nothing is at this path"));
    assert_eq!(missing.spec().headers(), &[("cache-control", "no-store")]);
    assert_eq!(
        body(&missing),
        json!({
            "type": "https://example.com/probs/missing",
            "title": "Missing",
            "status": 404,
            "detail": "nothing at /a/b",
            "code": "BARE_MISSING",
            "path": "/a/b",
        })
    );

    let malformed = Bare::Malformed(7);
    assert_eq!(malformed.code(), "MALFORMED");
    assert_eq!(malformed.status().as_u16(), 400);
    assert_eq!(malformed.message(), "malformed input at byte 7");
    assert_eq!(malformed.spec().category(), Some("Bare"));
    assert_eq!(
        body(&malformed),
        json!({
            "type": "about:blank",
            "title": "Bad Request",
            "status": 400,
            "detail": "malformed input at byte 7",
            "code": "MALFORMED",
        })
    );
}

#[test]
fn bare_enum_hides_and_shows_messages() {
    use bare::Bare;

    let unavailable = Bare::Unavailable {
        source: std::io::Error::other("connection refused"),
        wait: 30,
    };
    assert_eq!(unavailable.code(), "UNAVAILABLE");
    assert_eq!(unavailable.status().as_u16(), 503);
    assert_eq!(unavailable.message(), "Service Unavailable");
    assert_eq!(unavailable.retry_after(), Some(30));
    assert_eq!(
        unavailable.source_error().map(ToString::to_string),
        Some("connection refused".to_owned())
    );
    assert_eq!(
        body(&unavailable),
        json!({
            "type": "about:blank",
            "title": "Service Unavailable",
            "status": 503,
            "code": "UNAVAILABLE",
        })
    );

    let upstream = Bare::Upstream {
        upstream_status: 418,
    };
    assert_eq!(upstream.message(), "upstream answered 418");
    let mut headers = Vec::new();
    upstream.visit_headers(&mut |name, value| headers.push((name, value.to_string())));
    assert_eq!(headers, [("x-upstream-status", "418".to_owned())]);
    assert_eq!(
        body(&upstream),
        json!({
            "type": "about:blank",
            "title": "Bad Gateway",
            "status": 502,
            "detail": "upstream answered 418",
            "code": "UPSTREAM",
            "upstreamStatus": 418,
        })
    );

    let unauthenticated = Bare::Unauthenticated;
    assert_eq!(unauthenticated.code(), "UNAUTHENTICATED");
    assert_eq!(unauthenticated.message(), "Unauthorized");
    assert_eq!(
        unauthenticated.spec().www_authenticate(),
        Some("Bearer realm=\"bare\"")
    );
}

#[test]
fn bare_enum_renders_fields_and_inner_errors() {
    use bare::{Bare, BareCode, Leaf};

    let invalid = Bare::Invalid(FieldErrors::new().with("email", "required"));
    assert_eq!(invalid.message(), "invalid {body}");
    assert_eq!(
        body(&invalid),
        json!({
            "type": "about:blank",
            "title": "Unprocessable Entity",
            "status": 422,
            "detail": "invalid {body}",
            "code": "BARE_INVALID",
            "errors": [{"detail": "required", "pointer": "#/email"}],
        })
    );

    let leaf = Bare::Leaf(Leaf);
    assert_eq!(leaf.code(), "LEAF_CONFLICT");
    assert_eq!(leaf.status().as_u16(), 409);
    assert_eq!(leaf.message(), "leaf conflict");
    // A transparent variant renders in the outer type's format.
    assert_eq!(
        body(&leaf),
        json!({
            "type": "about:blank",
            "title": "Conflict",
            "status": 409,
            "detail": "leaf conflict",
            "code": "LEAF_CONFLICT",
        })
    );

    let mut codes = Vec::new();
    Bare::catalog(&mut |spec| codes.push(spec.code()));
    assert_eq!(
        codes,
        [
            "BARE_MISSING",
            "MALFORMED",
            "UNAVAILABLE",
            "UPSTREAM",
            "UNAUTHENTICATED",
            "BARE_INVALID",
            "LEAF_CONFLICT",
        ]
    );
    assert_eq!(
        "BARE_MISSING".parse::<BareCode>().unwrap(),
        BareCode::Missing
    );
}

#[test]
fn generic_enum_uses_its_bounds() {
    type Concrete = Generic<RateLimited, u32>;

    let inner: Concrete = Generic::Inner(RateLimited { retry_after: 9 });
    assert_eq!(inner.code(), "RATE_LIMITED");
    assert_eq!(inner.status().as_u16(), 429);
    assert_eq!(inner.message(), "retry in 9s");
    assert_eq!(inner.retry_after(), Some(9));

    let value: Concrete = Generic::Value(12);
    assert_eq!(value.code(), "GENERIC_VALUE");
    assert_eq!(value.message(), "bad value 12");
    assert_eq!(value.spec().category(), Some("Generic"));

    let limit: Concrete = Generic::Limit { limit: 10 };
    assert_eq!(
        body(&limit),
        json!({
            "success": false,
            "error": {
                "code": "GENERIC_LIMIT",
                "message": "over the limit of 10",
                "status": 413,
                "limit": 10,
            }
        })
    );

    let mut codes = Vec::new();
    Concrete::catalog(&mut |spec| codes.push(spec.code()));
    assert_eq!(codes, ["RATE_LIMITED", "GENERIC_VALUE", "GENERIC_LIMIT"]);
}

#[test]
fn borrowing_enum_renders_its_borrows() {
    let name = String::from("ada");
    let taken = Borrowed::Taken { name: &name };
    assert_eq!(taken.code(), "NAME_TAKEN");
    assert_eq!(taken.message(), "ada is taken");
    assert_eq!(
        body(&taken),
        json!({
            "success": false,
            "error": {"code": "NAME_TAKEN", "message": "ada is taken", "status": 409, "name": "ada"}
        })
    );

    let errors = FieldErrors::new().with("email", "required");
    let invalid = Borrowed::Invalid(&errors);
    assert_eq!(
        body(&invalid),
        json!({
            "success": false,
            "error": {
                "code": "BORROWED_INVALID",
                "message": "check the fields",
                "status": 422,
                "fields": {"email": ["required"]},
            }
        })
    );
}

#[test]
fn cfg_gated_variants_follow_the_build() {
    assert_eq!(Gated::Always.code(), "always");
    assert_eq!(Gated::InTests.code(), "PLATFORM");
    assert_eq!(Gated::InTests.message(), "in tests");
    assert_eq!(
        body(&Gated::InTests),
        json!({
            "success": false,
            "error": {"code": "PLATFORM", "message": "in tests", "status": 400}
        })
    );
    let mut codes = Vec::new();
    Gated::catalog(&mut |spec| codes.push(spec.code()));
    assert_eq!(codes, ["always", "PLATFORM"]);
    assert_eq!(AllGated::OnlyInTests.code(), "ONLY_IN_TESTS");
    assert_eq!(AllGated::OnlyInTests.spec().headers(), &[]);
    let mut codes = Vec::new();
    AllGated::catalog(&mut |spec| codes.push(spec.code()));
    assert_eq!(codes, ["ONLY_IN_TESTS"]);
}

#[test]
fn structs_derive_too() {
    let limited = RateLimited { retry_after: 30 };
    assert_eq!(limited.code(), "RATE_LIMITED");
    assert_eq!(limited.status().as_u16(), 429);
    assert_eq!(limited.message(), "retry in 30s");
    assert_eq!(limited.retry_after(), Some(30));
    assert_eq!(
        body(&limited),
        json!({
            "success": false,
            "error": {
                "code": "RATE_LIMITED",
                "message": "retry in 30s",
                "status": 429,
                "retryAfter": 30,
            }
        })
    );

    assert_eq!(Maintenance.code(), "MAINTENANCE");
    assert_eq!(Maintenance.message(), "maintenance");
    assert_eq!(
        body(&Maintenance),
        json!({
            "success": false,
            "error": {"code": "MAINTENANCE", "message": "maintenance", "status": 503}
        })
    );
}
