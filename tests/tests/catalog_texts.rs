//! What the catalogue says of each code: the description of a code without a doc comment,
//! and a code listed in several categories with each one's text.

// The enums here exist for their catalogues: their values are never built.
#![allow(dead_code)]

use apierr::ApiError;
use apierr::catalog::Catalog;
use serde_json::json;

/// Variants without a doc comment: the catalogue describes each by its public message as
/// written, never by a redacted variant's internal text.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(category = "Cart")]
enum UndescribedError {
    #[error("cart {cart} is empty")]
    #[api(code = "CART_EMPTY", status = 409)]
    CartEmpty { cart: String },
    #[error("stock check failed for {sku}")]
    #[api(
        code = "OUT_OF_STOCK",
        status = 409,
        message = "only {left} left of {sku}"
    )]
    OutOfStock { sku: String, left: u32 },
    #[error("store db password=hunter2 rejected: {0}")]
    #[api(code = "STORE_DOWN", status = 503)]
    StoreDown(String),
    #[error("coupon {0} matched rule fraud-7")]
    #[api(code = "COUPON_REJECTED", status = 400, redact)]
    CouponRejected(String),
    #[error("quota {0}")]
    #[api(
        code = "QUOTA",
        status = 429,
        redact,
        message = "quota of tenant {0} from shard-3"
    )]
    Quota(String),
    /// When: the page was cached before a price change
    #[error("prices changed")]
    #[api(code = "STALE_PRICES", status = 409)]
    StalePrices,
}

#[test]
fn undocumented_codes_are_described_by_their_public_message() {
    let catalog = Catalog::of::<UndescribedError>().unwrap();
    let descriptions: Vec<(&str, Option<&str>)> = catalog
        .entries()
        .iter()
        .map(|e| (e.code(), e.description()))
        .collect();
    assert_eq!(
        descriptions,
        [
            ("CART_EMPTY", Some("cart {cart} is empty")),
            ("OUT_OF_STOCK", Some("only {left} left of {sku}")),
            ("STORE_DOWN", Some("Service Unavailable")),
            ("COUPON_REJECTED", Some("Bad Request")),
            ("QUOTA", Some("Too Many Requests")),
            ("STALE_PRICES", Some("prices changed")),
        ]
    );
    assert_eq!(
        catalog.to_markdown(),
        "# Error Codes\n\n\
         There are 6 error codes across 1 category.\n\n\
         ## Cart (6)\n\n\
         ### `CART_EMPTY` 409\n\n\
         cart {cart} is empty\n\n\
         ### `OUT_OF_STOCK` 409\n\n\
         only {left} left of {sku}\n\n\
         ### `STORE_DOWN` 503\n\n\
         Service Unavailable\n\n\
         ### `COUPON_REJECTED` 400\n\n\
         Bad Request\n\n\
         ### `QUOTA` 429\n\n\
         Too Many Requests\n\n\
         ### `STALE_PRICES` 409\n\n\
         prices changed\n\n\
         When: the page was cached before a price change\n"
    );
    let json = catalog.to_json();
    assert_eq!(
        json["codes"][0],
        json!({
            "code": "CART_EMPTY",
            "status": 409,
            "category": "Cart",
            "description": "cart {cart} is empty",
            "when": null,
            "details": [],
            "message": null,
            "messageTemplate": null,
            "title": null,
            "problemType": null,
            "fieldErrors": false,
            "headers": {},
            "type": "UndescribedError",
            "variant": "CartEmpty",
            "listings": [{
                "category": "Cart",
                "description": "cart {cart} is empty",
                "when": null,
                "details": [],
                "type": "UndescribedError",
                "variant": "CartEmpty",
            }],
        })
    );
    // A redacted code's declared message is internal: neither described nor listed.
    assert_eq!(json["codes"][4]["description"], "Too Many Requests");
    assert_eq!(json["codes"][4]["message"], "Too Many Requests");
    assert_eq!(json["codes"][4]["messageTemplate"], json!(null));
    let typescript = catalog.to_typescript(&apierr::format::Nested);
    assert!(
        typescript.contains(
            "export const API_ERROR_STATUS: Record<ApiErrorCode, number> = {\n  \
             /** cart {cart} is empty */\n  \"CART_EMPTY\": 409,\n  \
             /** only {left} left of {sku} */\n  \"OUT_OF_STOCK\": 409,\n  \
             /** Service Unavailable */\n  \"STORE_DOWN\": 503,\n  \
             /** Bad Request */\n  \"COUPON_REJECTED\": 400,\n  \
             /** Too Many Requests */\n  \"QUOTA\": 429,\n  \
             /** prices changed */\n  \"STALE_PRICES\": 409,\n};\n"
        ),
        "{typescript}"
    );
    // The example bodies, too, show only public text.
    let examples: Vec<String> = catalog
        .entries()
        .iter()
        .map(|e| e.example(&apierr::format::Nested).unwrap()["error"]["message"].to_string())
        .collect();
    assert_eq!(
        examples,
        [
            "\"cart {cart} is empty\"",
            "\"only {left} left of {sku}\"",
            "\"Service Unavailable\"",
            "\"Bad Request\"",
            "\"Too Many Requests\"",
            "\"prices changed\"",
        ]
    );
    let everything = format!("{}{json}{typescript}{examples:?}", catalog.to_markdown());
    for secret in ["hunter2", "fraud-7", "shard-3", "store db", "quota {0}"] {
        assert!(!everything.contains(secret), "{secret} in {everything}");
    }
}

/// A doc comment wins over the message, and an enum-wide `#[error]` is not a variant's text.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("shop error")]
enum EnumWideDisplay {
    #[api(code = "SHOP", status = 400)]
    Shop,
    /// Documented
    #[api(code = "DOCUMENTED", status = 400, message = "documented {{here}}")]
    Documented,
}

#[test]
fn doc_comments_win_and_enum_wide_error_texts_are_not_descriptions() {
    let catalog = Catalog::of::<EnumWideDisplay>().unwrap();
    assert_eq!(catalog.entries()[0].description(), None);
    assert_eq!(catalog.entries()[1].description(), Some("Documented"));
    assert_eq!(EnumWideDisplay::Shop.spec().display_template(), None);
}

/// The two tables of seed 002 as categories: each code once in the catalogue, listed in both,
/// with each table's text.
#[derive(Debug, ApiError)]
#[api(category = "Error Response Tiers")]
enum TierTable {
    /// Missing or invalid auth
    #[api(code = "UNAUTHORIZED", status = 401, message = "unauthorized")]
    Unauthorized,
    /// Resource not found
    #[api(code = "NOT_FOUND", status = 404, message = "not found")]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api(category = "Authentication Errors")]
enum AuthTable {
    /// API key does not exist
    #[api(code = "NOT_FOUND", status = 404, message = "not found")]
    NotFound,
    #[api(code = "UNAUTHORIZED", status = 401, message = "unauthorized")]
    Unauthorized,
}

#[test]
fn a_code_in_two_categories_has_each_ones_text() {
    let catalog = Catalog::builder()
        .with::<TierTable>()
        .with::<AuthTable>()
        .build()
        .unwrap();
    assert_eq!(catalog.len(), 2);
    let unauthorized = catalog.get("UNAUTHORIZED").unwrap();
    assert_eq!(unauthorized.listings().len(), 2);
    assert_eq!(unauthorized.description(), Some("Missing or invalid auth"));
    assert_eq!(
        unauthorized
            .listing(Some("Authentication Errors"))
            .unwrap()
            .description(),
        // Undocumented there: its message.
        Some("unauthorized")
    );
    assert_eq!(unauthorized.also_declared_by().len(), 1);
    assert_eq!(unauthorized.also_declared_by()[0].type_name(), "AuthTable");
    // Each category in its own order.
    assert_eq!(
        catalog.to_markdown(),
        "# Error Codes\n\n\
         There are 2 error codes across 2 categories.\n\n\
         ## Error Response Tiers (2)\n\n\
         ### `UNAUTHORIZED` 401\n\nMissing or invalid auth\n\n\
         ### `NOT_FOUND` 404\n\nResource not found\n\n\
         ## Authentication Errors (2)\n\n\
         ### `NOT_FOUND` 404\n\nAPI key does not exist\n\n\
         ### `UNAUTHORIZED` 401\n\nunauthorized\n"
    );
    let json = catalog.to_json();
    assert_eq!(
        json["categories"],
        json!([
            {"name": "Error Response Tiers", "count": 2, "codes": ["UNAUTHORIZED", "NOT_FOUND"]},
            {"name": "Authentication Errors", "count": 2, "codes": ["NOT_FOUND", "UNAUTHORIZED"]},
        ])
    );
    assert_eq!(
        json["codes"][1]["listings"],
        json!([
            {"category": "Error Response Tiers", "description": "Resource not found", "when": null,
             "details": [], "type": "TierTable", "variant": "NotFound"},
            {"category": "Authentication Errors", "description": "API key does not exist",
             "when": null, "details": [], "type": "AuthTable", "variant": "NotFound"},
        ])
    );
    let typescript = catalog.to_typescript(&apierr::format::Nested);
    assert!(
        typescript.contains(
            "= {\n  /**\n   \
             * Error Response Tiers: Missing or invalid auth\n   \
             * Authentication Errors: unauthorized\n   \
             */\n  \"UNAUTHORIZED\": 401,\n  /**\n   \
             * Error Response Tiers: Resource not found\n   \
             * Authentication Errors: API key does not exist\n   \
             */\n  \"NOT_FOUND\": 404,\n};\n"
        ),
        "{typescript}"
    );
}
