//! Seed 002 (`/work/shared/seeds/002_c17949da95eb01d3.txt`): `{"code","message","fields":
//! {field:"…"}}`, in [`apierr::format::FieldStrings`].
//!
//! The document has three tables, each its own enum (its title as the category): the response
//! tiers, the 16 business slugs returned with 400, and the authentication errors. Four codes
//! (UNAUTHORIZED, FORBIDDEN, NOT_FOUND, VALIDATION_ERROR) are in both the tier and the
//! authentication table, each with its own description there; the API's error type gathers the
//! three enums with `transparent` variants.

mod common;

use std::collections::BTreeMap;

use apierr::{ApiError, Envelope, FieldErrors, Spec};
use common::{assert_body, assert_exact};
use serde_json::json;

/// Error Response Tiers: every row with a fixed code (the business slugs are below).
#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Error Response Tiers")]
pub enum TierError {
    /// Invalid input caught by handler (pair not found, invalid format, negative amounts, disabled order type)
    #[error("{0}")]
    #[api(code = "BAD_REQUEST", status = 400)]
    BadRequest(String),
    /// Request body is not valid JSON
    #[error("malformed JSON: {0}")]
    #[api(
        code = "MALFORMED_JSON",
        status = 400,
        message = "The request body is not a valid JSON"
    )]
    MalformedJson(#[source] serde_json::Error),
    /// Missing or invalid auth
    #[error("Missing or invalid auth")]
    #[api(code = "UNAUTHORIZED", status = 401)]
    Unauthorized,
    /// Missing signature, insufficient permissions, pair not permitted for API key
    #[error("Missing signature, insufficient permissions, pair not permitted for API key")]
    #[api(code = "FORBIDDEN", status = 403)]
    Forbidden,
    /// Resource not found
    #[error("Resource not found")]
    #[api(code = "NOT_FOUND", status = 404)]
    NotFound,
    /// Struct/field validation failed (includes fields map with per-field errors)
    #[error("struct validation failed")]
    #[api(
        code = "VALIDATION_ERROR",
        status = 422,
        message = "Input data validation failed"
    )]
    Validation(#[api(fields)] FieldErrors),
    /// Rate limit exceeded
    #[error("Rate limit exceeded")]
    #[api(code = "TOO_MANY_REQUESTS", status = 429)]
    TooManyRequests,
    /// Unexpected server error
    #[error("unexpected: {0}")]
    #[api(code = "INTERNAL_SERVER_ERROR", status = 500)]
    Internal(String),
    /// Service temporarily unavailable
    #[error("upstream down: {0}")]
    #[api(code = "SERVICE_UNAVAILABLE", status = 503)]
    Unavailable(String),
}

/// Business Error Slugs: returned with HTTP 400 when the trading core rejects a request.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(
    category = "Business Error Slugs",
    status = 400,
    rename_all = "SCREAMING_SNAKE_CASE"
)]
pub enum BusinessError {
    /// Missing required field
    #[error("Missing required field")]
    RequiredField,
    /// Invalid field format or value
    #[error("Invalid field format or value")]
    InvalidFormat,
    /// Amount is zero or violates constraints
    #[error("Amount is zero or violates constraints")]
    InvalidQuantity,
    /// Price is zero or negative
    #[error("Price is zero or negative")]
    InvalidPrice,
    /// Unknown order type
    #[error("Unknown order type")]
    InvalidOrderType,
    /// Unknown order side
    #[error("Unknown order side")]
    InvalidSide,
    /// Missing or invalid stop price for stop orders
    #[error("Missing or invalid stop price for stop orders")]
    InvalidStopPrice,
    /// Pair not found, disabled, or doesn't support this order type
    #[error("Pair not found, disabled, or doesn't support this order type")]
    InvalidPair,
    /// Order doesn't exist or already completed
    #[error("Order doesn't exist or already completed")]
    OrderNotFound,
    /// Invalid currency
    #[error("Invalid currency")]
    InvalidCurrency,
    /// Invalid decimal precision
    #[error("Invalid decimal precision")]
    InvalidPrecision,
    /// Amount below minimum_order_size or above maximum_order_size
    #[error("Amount below minimum_order_size or above maximum_order_size")]
    InvalidOrderSize,
    /// Order value (amount × price) below minimum_order_value
    #[error("Order value (amount × price) below minimum_order_value")]
    InvalidOrderValue,
    /// Not enough available balance
    #[error("insufficient funds")]
    #[api(message = "Out of balance: {amount} {currency}")]
    InsufficientFunds { amount: f64, currency: String },
    /// Service temporarily overloaded, retry later
    #[error("Service temporarily overloaded, retry later")]
    ServiceOverloaded,
    /// Internal service error
    #[error("Internal service error")]
    InternalError,
}

/// Authentication Errors.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Authentication Errors")]
pub enum AuthError {
    /// API secret is incorrect
    #[error("API secret is incorrect")]
    #[api(code = "INVALID_SECRET", status = 401)]
    InvalidSecret,
    /// General authentication failure (deleted key, inactive account, department mismatch)
    #[error("General authentication failure")]
    #[api(code = "UNAUTHORIZED", status = 401)]
    Unauthorized,
    /// Request IP is not in the API key whitelist
    #[error("Request IP is not in the API key whitelist")]
    #[api(code = "IP_NOT_ALLOWED", status = 403)]
    IpNotAllowed,
    /// Missing signature or insufficient permissions
    #[error("Missing signature or insufficient permissions")]
    #[api(code = "FORBIDDEN", status = 403)]
    Forbidden,
    /// X-SIGN header required but not provided
    #[error("X-SIGN header required but not provided")]
    #[api(code = "MISSING_SIGNATURE", status = 403)]
    MissingSignature,
    /// X-SIGN signature verification failed
    #[error("X-SIGN signature verification failed")]
    #[api(code = "INVALID_SIGNATURE", status = 403)]
    InvalidSignature,
    /// API key does not exist
    #[error("API key does not exist")]
    #[api(code = "NOT_FOUND", status = 404)]
    NotFound,
    /// Missing api_key or api_secret in request body
    #[error("Missing api_key or api_secret in request body")]
    #[api(code = "VALIDATION_ERROR", status = 422)]
    Validation(#[api(fields)] FieldErrors),
}

/// The API's error type, in the documented format.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(format = apierr::format::FieldStrings)]
pub enum TradingError {
    #[error(transparent)]
    #[api(transparent)]
    Tier(#[from] TierError),
    #[error(transparent)]
    #[api(transparent)]
    Business(#[from] BusinessError),
    #[error(transparent)]
    #[api(transparent)]
    Auth(#[from] AuthError),
}

/// The "Error Format" block uses placeholders (`ERROR_SLUG`, `field_name`); this type declares
/// exactly them, to show the complete shape.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(format = apierr::format::FieldStrings)]
enum PlaceholderShape {
    #[error("placeholder")]
    #[api(
        code = "ERROR_SLUG",
        status = 422,
        message = "Human-readable description"
    )]
    Example(#[api(fields)] FieldErrors),
}

/// "Error Format" (less its `// only for validation errors` comment, which is not JSON).
#[test]
fn error_format_block() {
    let err = PlaceholderShape::Example(FieldErrors::new().with("field_name", "error detail"));
    assert_body(
        &Envelope::new(&err),
        &json!({
            "code": "ERROR_SLUG",
            "message": "Human-readable description",
            "fields": {"field_name": "error detail"}
        }),
    );
    assert_exact(
        &Envelope::new(&err),
        r#"{"code":"ERROR_SLUG","message":"Human-readable description","fields":{"field_name":"error detail"}}"#,
    );
}

/// "Handler error (BAD_REQUEST)", HTTP 400.
#[test]
fn handler_error_example() {
    let err = TradingError::from(TierError::BadRequest("pair not found".to_owned()));
    assert_eq!(err.status().as_u16(), 400);
    assert_body(
        &Envelope::new(&err),
        &json!({
        "code": "BAD_REQUEST",
        "message": "pair not found"
        }),
    );
    assert_exact(
        &Envelope::new(&err),
        r#"{"code":"BAD_REQUEST","message":"pair not found"}"#,
    );
}

/// "Business error from trading core", HTTP 400.
#[test]
fn business_error_example() {
    let err = TradingError::from(BusinessError::InsufficientFunds {
        amount: 0.5,
        currency: "BTC".to_owned(),
    });
    assert_eq!(err.status().as_u16(), 400);
    assert_body(
        &Envelope::new(&err),
        &json!({
        "code": "INSUFFICIENT_FUNDS",
        "message": "Out of balance: 0.5 BTC"
        }),
    );
    assert_exact(
        &Envelope::new(&err),
        r#"{"code":"INSUFFICIENT_FUNDS","message":"Out of balance: 0.5 BTC"}"#,
    );
}

/// "Validation error", HTTP 422.
#[test]
fn validation_error_example() {
    let err = TradingError::from(TierError::Validation(
        FieldErrors::new().with("order_type", "invalid order_type: FANTASY"),
    ));
    assert_eq!(err.status().as_u16(), 422);
    assert_body(
        &Envelope::new(&err),
        &json!({
        "code": "VALIDATION_ERROR",
        "message": "Input data validation failed",
        "fields": {
        "order_type": "invalid order_type: FANTASY"
        }
        }),
    );
    assert_exact(
        &Envelope::new(&err),
        r#"{"code":"VALIDATION_ERROR","message":"Input data validation failed","fields":{"order_type":"invalid order_type: FANTASY"}}"#,
    );
}

/// "Malformed JSON", HTTP 400: the parser's own error stays internal.
#[test]
fn malformed_json_example() {
    let parse_error = serde_json::from_str::<serde_json::Value>("{\"amount\":").unwrap_err();
    let err = TradingError::from(TierError::MalformedJson(parse_error));
    assert_eq!(err.status().as_u16(), 400);
    assert_body(
        &Envelope::new(&err),
        &json!({
        "code": "MALFORMED_JSON",
        "message": "The request body is not a valid JSON"
        }),
    );
    assert_exact(
        &Envelope::new(&err),
        r#"{"code":"MALFORMED_JSON","message":"The request body is not a valid JSON"}"#,
    );
    assert!(err.source_error().is_some());
}

/// One row of a table: value, code, status, category, description, message.
type Row = (
    TradingError,
    &'static str,
    u16,
    &'static str,
    &'static str,
    &'static str,
);

fn fields() -> FieldErrors {
    FieldErrors::new().with("api_key", "is required")
}

/// The three tables, in the document's order.
fn table() -> Vec<Row> {
    use AuthError as A;
    use BusinessError as B;
    use TierError as T;
    let tier = "Error Response Tiers";
    let slug = "Business Error Slugs";
    let auth = "Authentication Errors";
    vec![
        (
            T::BadRequest("negative amount".into()).into(),
            "BAD_REQUEST",
            400,
            tier,
            "Invalid input caught by handler (pair not found, invalid format, negative amounts, disabled order type)",
            "negative amount",
        ),
        (
            T::MalformedJson(serde_json::from_str::<u8>("x").unwrap_err()).into(),
            "MALFORMED_JSON",
            400,
            tier,
            "Request body is not valid JSON",
            "The request body is not a valid JSON",
        ),
        (
            T::Unauthorized.into(),
            "UNAUTHORIZED",
            401,
            tier,
            "Missing or invalid auth",
            "Missing or invalid auth",
        ),
        (
            T::Forbidden.into(),
            "FORBIDDEN",
            403,
            tier,
            "Missing signature, insufficient permissions, pair not permitted for API key",
            "Missing signature, insufficient permissions, pair not permitted for API key",
        ),
        (
            T::NotFound.into(),
            "NOT_FOUND",
            404,
            tier,
            "Resource not found",
            "Resource not found",
        ),
        (
            T::Validation(fields()).into(),
            "VALIDATION_ERROR",
            422,
            tier,
            "Struct/field validation failed (includes fields map with per-field errors)",
            "Input data validation failed",
        ),
        (
            T::TooManyRequests.into(),
            "TOO_MANY_REQUESTS",
            429,
            tier,
            "Rate limit exceeded",
            "Rate limit exceeded",
        ),
        (
            T::Internal("nil pointer in matcher".into()).into(),
            "INTERNAL_SERVER_ERROR",
            500,
            tier,
            "Unexpected server error",
            "Internal Server Error",
        ),
        (
            T::Unavailable("core: connection reset".into()).into(),
            "SERVICE_UNAVAILABLE",
            503,
            tier,
            "Service temporarily unavailable",
            "Service Unavailable",
        ),
        (
            B::RequiredField.into(),
            "REQUIRED_FIELD",
            400,
            slug,
            "Missing required field",
            "Missing required field",
        ),
        (
            B::InvalidFormat.into(),
            "INVALID_FORMAT",
            400,
            slug,
            "Invalid field format or value",
            "Invalid field format or value",
        ),
        (
            B::InvalidQuantity.into(),
            "INVALID_QUANTITY",
            400,
            slug,
            "Amount is zero or violates constraints",
            "Amount is zero or violates constraints",
        ),
        (
            B::InvalidPrice.into(),
            "INVALID_PRICE",
            400,
            slug,
            "Price is zero or negative",
            "Price is zero or negative",
        ),
        (
            B::InvalidOrderType.into(),
            "INVALID_ORDER_TYPE",
            400,
            slug,
            "Unknown order type",
            "Unknown order type",
        ),
        (
            B::InvalidSide.into(),
            "INVALID_SIDE",
            400,
            slug,
            "Unknown order side",
            "Unknown order side",
        ),
        (
            B::InvalidStopPrice.into(),
            "INVALID_STOP_PRICE",
            400,
            slug,
            "Missing or invalid stop price for stop orders",
            "Missing or invalid stop price for stop orders",
        ),
        (
            B::InvalidPair.into(),
            "INVALID_PAIR",
            400,
            slug,
            "Pair not found, disabled, or doesn't support this order type",
            "Pair not found, disabled, or doesn't support this order type",
        ),
        (
            B::OrderNotFound.into(),
            "ORDER_NOT_FOUND",
            400,
            slug,
            "Order doesn't exist or already completed",
            "Order doesn't exist or already completed",
        ),
        (
            B::InvalidCurrency.into(),
            "INVALID_CURRENCY",
            400,
            slug,
            "Invalid currency",
            "Invalid currency",
        ),
        (
            B::InvalidPrecision.into(),
            "INVALID_PRECISION",
            400,
            slug,
            "Invalid decimal precision",
            "Invalid decimal precision",
        ),
        (
            B::InvalidOrderSize.into(),
            "INVALID_ORDER_SIZE",
            400,
            slug,
            "Amount below minimum_order_size or above maximum_order_size",
            "Amount below minimum_order_size or above maximum_order_size",
        ),
        (
            B::InvalidOrderValue.into(),
            "INVALID_ORDER_VALUE",
            400,
            slug,
            "Order value (amount × price) below minimum_order_value",
            "Order value (amount × price) below minimum_order_value",
        ),
        (
            B::InsufficientFunds {
                amount: 12.25,
                currency: "USDT".into(),
            }
            .into(),
            "INSUFFICIENT_FUNDS",
            400,
            slug,
            "Not enough available balance",
            "Out of balance: 12.25 USDT",
        ),
        (
            B::ServiceOverloaded.into(),
            "SERVICE_OVERLOADED",
            400,
            slug,
            "Service temporarily overloaded, retry later",
            "Service temporarily overloaded, retry later",
        ),
        (
            B::InternalError.into(),
            "INTERNAL_ERROR",
            400,
            slug,
            "Internal service error",
            "Internal service error",
        ),
        (
            A::InvalidSecret.into(),
            "INVALID_SECRET",
            401,
            auth,
            "API secret is incorrect",
            "API secret is incorrect",
        ),
        (
            A::Unauthorized.into(),
            "UNAUTHORIZED",
            401,
            auth,
            "General authentication failure (deleted key, inactive account, department mismatch)",
            "General authentication failure",
        ),
        (
            A::IpNotAllowed.into(),
            "IP_NOT_ALLOWED",
            403,
            auth,
            "Request IP is not in the API key whitelist",
            "Request IP is not in the API key whitelist",
        ),
        (
            A::Forbidden.into(),
            "FORBIDDEN",
            403,
            auth,
            "Missing signature or insufficient permissions",
            "Missing signature or insufficient permissions",
        ),
        (
            A::MissingSignature.into(),
            "MISSING_SIGNATURE",
            403,
            auth,
            "X-SIGN header required but not provided",
            "X-SIGN header required but not provided",
        ),
        (
            A::InvalidSignature.into(),
            "INVALID_SIGNATURE",
            403,
            auth,
            "X-SIGN signature verification failed",
            "X-SIGN signature verification failed",
        ),
        (
            A::NotFound.into(),
            "NOT_FOUND",
            404,
            auth,
            "API key does not exist",
            "API key does not exist",
        ),
        (
            A::Validation(fields()).into(),
            "VALIDATION_ERROR",
            422,
            auth,
            "Missing api_key or api_secret in request body",
            "Missing api_key or api_secret in request body",
        ),
    ]
}

/// Every row of the three tables: code, status, category, description, message and body;
/// `fields` is in the body exactly when the code is VALIDATION_ERROR.
#[test]
fn every_code_matches_the_document() {
    let rows = table();
    assert_eq!(rows.len(), 9 + 16 + 8);
    for (err, code, status, category, description, message) in &rows {
        assert_eq!(err.code(), *code);
        assert_eq!(err.status().as_u16(), *status, "{code}");
        assert_eq!(err.spec().category(), Some(*category), "{code}");
        assert_eq!(err.spec().doc(), Some(*description), "{code}");
        assert_eq!(err.message(), *message, "{code}");
        let expected = if *code == "VALIDATION_ERROR" {
            json!({"code": code, "message": message, "fields": {"api_key": "is required"}})
        } else {
            json!({"code": code, "message": message})
        };
        assert_body(&Envelope::new(err), &expected);
    }
}

/// The catalogue: the three tables in order; all 16 slugs on 400; only VALIDATION_ERROR carries
/// fields; a code listed in two tables has the same status in both.
#[test]
fn catalog_matches_the_tables() {
    let mut specs: Vec<&'static Spec> = Vec::new();
    TradingError::catalog(&mut |spec| specs.push(spec));
    let rows = table();
    assert_eq!(specs.len(), rows.len());
    for (spec, (_, code, status, category, description, _)) in specs.iter().zip(&rows) {
        assert_eq!(spec.code(), *code);
        assert_eq!(spec.status().as_u16(), *status, "{code}");
        assert_eq!(spec.category(), Some(*category), "{code}");
        assert_eq!(spec.doc(), Some(*description), "{code}");
        assert_eq!(
            spec.has_field_errors(),
            *code == "VALIDATION_ERROR",
            "{code}"
        );
    }

    let slugs: Vec<&Spec> = specs
        .iter()
        .copied()
        .filter(|spec| spec.category() == Some("Business Error Slugs"))
        .collect();
    assert_eq!(slugs.len(), 16);
    assert!(slugs.iter().all(|spec| spec.status().as_u16() == 400));

    let mut by_code: BTreeMap<&str, Vec<u16>> = BTreeMap::new();
    for spec in &specs {
        by_code
            .entry(spec.code())
            .or_default()
            .push(spec.status().as_u16());
    }
    let twice: BTreeMap<&str, Vec<u16>> = by_code
        .into_iter()
        .filter(|(_, statuses)| statuses.len() > 1)
        .collect();
    assert_eq!(
        twice,
        BTreeMap::from([
            ("FORBIDDEN", vec![403, 403]),
            ("NOT_FOUND", vec![404, 404]),
            ("UNAUTHORIZED", vec![401, 401]),
            ("VALIDATION_ERROR", vec![422, 422]),
        ])
    );
}

/// A server error's own text never reaches the client.
#[test]
fn server_errors_are_redacted() {
    let err = TradingError::from(TierError::Internal("secret=abc".to_owned()));
    let body = String::from_utf8(Envelope::new(&err).to_vec().unwrap()).unwrap();
    assert!(!body.contains("secret=abc"), "{body}");
}

/// A table: its heading, and per row code, status and text.
type Table<'a> = (&'a str, Vec<(String, u16, String)>);

/// The seed's three tables, as published: per table its heading, then each row's code, status
/// and text ("When" in the tier table, "Description" in the others). The tier table's row for
/// the business slugs (`Business slug (see table below)`) is not a code.
fn published_tables() -> Vec<Table<'static>> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/seeds/002_c17949da95eb01d3.txt"
    );
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("seed 002 must be beside the repository at {path}: {e}"));
    let rows_after = |header: &str| -> Vec<Vec<String>> {
        let start = text.find(header).expect(header) + header.len();
        text[start..]
            .lines()
            .skip(1)
            .filter(|line| !line.starts_with("|---"))
            .take_while(|line| line.contains('|'))
            .map(|line| {
                line.trim_matches('|')
                    .split('|')
                    .map(|cell| cell.trim().to_owned())
                    .collect()
            })
            .collect()
    };
    let is_code = |code: &str| code.chars().all(|c| c.is_ascii_uppercase() || c == '_');
    let tier = rows_after("| HTTP Status | Code | When |")
        .into_iter()
        .filter(|row| is_code(&row[1]))
        .map(|row| (row[1].clone(), row[0].parse().unwrap(), row[2].clone()))
        .collect();
    let slugs = rows_after("| Slug | Description |")
        .into_iter()
        .map(|row| (row[0].clone(), 400, row[1].clone()))
        .collect();
    let auth = rows_after("| HTTP Status | Code | Description |")
        .into_iter()
        .map(|row| (row[1].clone(), row[0].parse().unwrap(), row[2].clone()))
        .collect();
    vec![
        ("Error Response Tiers", tier),
        ("Business Error Slugs", slugs),
        ("Authentication Errors", auth),
    ]
}

/// The whole page is one catalogue: four codes are in two tables, each time with the same
/// status and that table's text; every table has its codes, statuses, texts and count, in
/// the page's order, in every rendering.
#[test]
fn the_whole_page_is_one_catalogue() {
    let catalog = apierr::catalog::Catalog::of::<TradingError>().unwrap();
    let published = published_tables();
    let counts: Vec<usize> = published.iter().map(|(_, rows)| rows.len()).collect();
    assert_eq!(counts, [9, 16, 8]);
    assert_eq!(catalog.len(), 9 + 16 + 4);

    let rendered: Vec<Table<'_>> = catalog
        .categories()
        .iter()
        .map(|category| {
            let rows = category
                .listings()
                .iter()
                .map(|listing| {
                    let spec = listing.spec();
                    let text = listing.description().unwrap_or_default().to_owned();
                    (spec.code().to_owned(), spec.status().as_u16(), text)
                })
                .collect();
            (category.heading(), rows)
        })
        .collect();
    assert_eq!(rendered, published);

    let twice: Vec<(&str, usize)> = catalog
        .entries()
        .iter()
        .filter(|entry| entry.listings().len() > 1)
        .map(|entry| (entry.code(), entry.listings().len()))
        .collect();
    assert_eq!(
        twice,
        [
            ("UNAUTHORIZED", 2),
            ("FORBIDDEN", 2),
            ("NOT_FOUND", 2),
            ("VALIDATION_ERROR", 2)
        ]
    );

    // Markdown: the count of distinct codes, each table with its count and its rows.
    let markdown = catalog.to_markdown();
    assert!(markdown.starts_with(
        "# Error Codes\n\nThere are 29 error codes across 3 categories.\n\n## Error Response Tiers (9)\n"
    ));
    let mut table = 0;
    let mut row = 0;
    let mut lines = markdown.lines().filter(|line| !line.is_empty()).skip(2);
    while let Some(line) = lines.next() {
        if let Some(heading) = line.strip_prefix("## ") {
            let (name, rows) = &published[table];
            assert_eq!(heading, format!("{name} ({})", rows.len()));
            table += 1;
            row = 0;
        } else if let Some(code_line) = line.strip_prefix("### `") {
            let (code, status, text) = &published[table - 1].1[row];
            assert_eq!(code_line, format!("{code}` {status}"));
            assert_eq!(lines.next(), Some(text.as_str()), "{code}");
            row += 1;
        } else {
            assert_eq!(line, "Carries field errors.");
        }
    }
    assert_eq!(table, 3);

    // JSON: each table's count and codes; each code's text in each table.
    let json = catalog.to_json();
    for (i, (name, rows)) in published.iter().enumerate() {
        let category = &json["categories"][i];
        assert_eq!(category["name"], *name);
        assert_eq!(category["count"], rows.len());
        let codes: Vec<&str> = rows.iter().map(|(code, _, _)| code.as_str()).collect();
        assert_eq!(category["codes"], json!(codes));
    }
    let forbidden = json["codes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|code| code["code"] == "FORBIDDEN")
        .unwrap();
    assert_eq!(
        forbidden["listings"],
        json!([
            {"category": "Error Response Tiers",
             "description": "Missing signature, insufficient permissions, pair not permitted for API key",
             "when": null, "details": [], "type": "TierError", "variant": "Forbidden"},
            {"category": "Authentication Errors",
             "description": "Missing signature or insufficient permissions",
             "when": null, "details": [], "type": "AuthError", "variant": "Forbidden"},
        ])
    );

    // TypeScript: the code once in the union and the status map, with both texts.
    let typescript = catalog.to_typescript(&apierr::format::FieldStrings);
    assert_eq!(typescript.matches("| \"NOT_FOUND\"").count(), 1);
    assert!(
        typescript.contains(
            "  /**\n   \
             * Error Response Tiers: Resource not found\n   \
             * Authentication Errors: API key does not exist\n   \
             */\n  \"NOT_FOUND\": 404,\n"
        ),
        "{typescript}"
    );

    // OpenAPI: the 401 response lists each table's text.
    let docs = apierr::openapi::ErrorResponses::new(&catalog, &apierr::format::FieldStrings);
    let responses = serde_json::to_value(docs.responses()).unwrap();
    assert_eq!(
        responses["401"]["description"],
        "Unauthorized. Codes:\n\n\
         - `UNAUTHORIZED` (Error Response Tiers): Missing or invalid auth\n\
         - `UNAUTHORIZED` (Authentication Errors): General authentication failure (deleted key, \
         inactive account, department mismatch)\n\
         - `INVALID_SECRET`: API secret is incorrect"
    );
}
