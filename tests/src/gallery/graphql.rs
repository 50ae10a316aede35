//! GraphQL: `200 OK` with an `errors` list, each error with its message, the locations and path
//! in the query, and `extensions` holding the code.
//!
//! Source: <https://spec.graphql.org/October2021/#sec-Errors> (the example with `extensions`);
//! the 200 is the GraphQL-over-HTTP rule for `application/json` responses.

use apierr::ApiError;
use apierr::format::{Format, Layout, Slot, Value};
use serde::Serialize;

use super::Example;

/// `{"errors": [{"message", "locations", "path", "extensions": {"code", …}}]}`, status 200.
pub struct GraphQl;

const GRAPHQL: Layout<'static> = Layout::new(&[Slot::new(
    "errors",
    Value::ErrorItems(&[
        Slot::new("message", Value::Message),
        // Extension members, each in the place the specification gives it.
        Slot::new("locations", Value::Member("locations")),
        Slot::new("path", Value::Member("path")),
        Slot::new(
            "extensions",
            Value::Object(&[
                Slot::new("code", Value::Code),
                Slot::new("timestamp", Value::Member("timestamp")),
            ]),
        ),
    ]),
)])
.with_status(200);

impl Format for GraphQl {
    fn layout(&self) -> &Layout<'_> {
        &GRAPHQL
    }
}

/// Where in the query document an error is.
#[derive(Debug, Serialize)]
pub struct Location {
    pub line: u32,
    pub column: u32,
}

/// A resolver's errors.
#[derive(Debug, ApiError)]
#[api(format = GraphQl)]
pub enum ResolverError {
    #[api(
        code = "CAN_NOT_FETCH_BY_ID",
        status = 502,
        message = "Name for character with ID {id} could not be fetched."
    )]
    CanNotFetchById {
        id: u32,
        #[api(member)]
        locations: Vec<Location>,
        #[api(member)]
        path: serde_json::Value,
        #[api(member)]
        timestamp: String,
    },
}

/// The published body.
pub const PUBLISHED: &str = r#"{
  "errors": [
    {
      "message": "Name for character with ID 1002 could not be fetched.",
      "locations": [{ "line": 6, "column": 7 }],
      "path": ["hero", "heroFriends", 1, "name"],
      "extensions": {
        "code": "CAN_NOT_FETCH_BY_ID",
        "timestamp": "Fri Feb 9 14:33:09 UTC 2018"
      }
    }
  ]
}"#;

#[must_use]
pub fn example() -> Example {
    Example {
        name: "graphql",
        source: "https://spec.graphql.org/October2021/#sec-Errors",
        error: Box::new(ResolverError::CanNotFetchById {
            id: 1002,
            locations: vec![Location { line: 6, column: 7 }],
            path: serde_json::json!(["hero", "heroFriends", 1, "name"]),
            timestamp: "Fri Feb 9 14:33:09 UTC 2018".to_owned(),
        }),
        status: 200,
        content_type: "application/json",
        headers: &[],
        published: PUBLISHED,
        compact: concat!(
            r#"{"errors":[{"message":"Name for character with ID 1002 could not be fetched.","#,
            r#""locations":[{"line":6,"column":7}],"path":["hero","heroFriends",1,"name"],"#,
            r#""extensions":{"code":"CAN_NOT_FETCH_BY_ID","timestamp":"Fri Feb 9 14:33:09 UTC 2018"}}]}"#
        ),
    }
}
