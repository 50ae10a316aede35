//! Sources and the debug stack.

use apierr::format::StatusEnvelope;
use apierr::{ApiError, Context, Envelope};
use serde_json::json;

use crate::AuthError;
use crate::common::assert_body;

#[derive(Debug, thiserror::Error)]
#[error("query failed")]
struct QueryError(#[source] std::io::Error);

#[derive(Debug, thiserror::Error, ApiError)]
enum SourceKinds {
    #[error("from io")]
    #[api(code = "FROM", status = 500)]
    From(#[from] QueryError),
    #[error("named source")]
    #[api(code = "NAMED", status = 502)]
    Named { source: std::io::Error },
    #[error("boxed")]
    #[api(code = "BOXED", status = 500)]
    Boxed(#[source] Box<dyn std::error::Error + Send + Sync>),
    #[error("plain")]
    #[api(code = "PLAIN", status = 400)]
    Plain,
}

#[test]
fn source_error_and_debug_stack() {
    let from = SourceKinds::from(QueryError(std::io::Error::other("ECONNREFUSED")));
    let source = from.source_error().expect("#[from] is the source");
    assert_eq!(source.to_string(), "query failed");
    assert_eq!(source.source().unwrap().to_string(), "ECONNREFUSED");

    let named = SourceKinds::Named {
        source: std::io::Error::other("timeout"),
    };
    assert_eq!(named.source_error().unwrap().to_string(), "timeout");
    let boxed = SourceKinds::Boxed("boom".into());
    assert_eq!(boxed.source_error().unwrap().to_string(), "boom");
    assert!(SourceKinds::Plain.source_error().is_none());

    let debug = Context::new().with_debug_detail(true);
    let stack = |err: &SourceKinds| {
        Envelope::new(err)
            .with_format(&StatusEnvelope)
            .with_context(&debug)
            .to_value()
            .unwrap()["stack"]
            .clone()
    };
    assert_eq!(
        stack(&from),
        "from io\n    caused by: query failed\n    caused by: ECONNREFUSED"
    );
    assert_eq!(stack(&named), "named source\n    caused by: timeout");
    assert_eq!(stack(&SourceKinds::Plain), "plain");

    let db = AuthError::Db(std::io::Error::other("connection refused"));
    assert_body(
        &Envelope::new(&db)
            .with_format(&StatusEnvelope)
            .with_context(&debug),
        &json!({
            "success": false,
            "error": "Auth & Session",
            "statusCode": 500,
            "stack": "database unavailable\n    caused by: connection refused"
        }),
    );
    // Without debug detail, no stack.
    assert_body(
        &Envelope::new(&db).with_format(&StatusEnvelope),
        &json!({"success": false, "error": "Auth & Session", "statusCode": 500}),
    );
}
