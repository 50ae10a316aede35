//! The catalogue: gathering, conflicts, and the Markdown and JSON renderings, checked against
//! seed 000's published page.

// Most enums here exist for their catalogues: their values are never built.
#![allow(dead_code)]

mod catalog_seeds;

use apierr::catalog::Catalog;
use apierr::{ApiError, FieldErrors};
use catalog_seeds::{AuthSessionError, InternalError, Seed000Error};
use serde_json::json;

/// Seed 000's codes and statuses, in the page's order, by category.
const SEED_000: &[(&str, &[(&str, u16)])] = &[
    (
        "Auth & Session",
        &[
            ("AUTH_MISSING", 401),
            ("AUTH_INVALID", 401),
            ("AUTH_EXPIRED", 401),
            ("AUTH_FAILED", 401),
            ("2FA_REQUIRED", 401),
            ("SESSION_EXPIRED", 401),
            ("ACCOUNT_SUSPENDED", 403),
            ("ACCOUNT_LOCKED", 403),
        ],
    ),
    (
        "Authorization",
        &[
            ("FORBIDDEN", 403),
            ("PERMISSION_DENIED", 403),
            ("KYC_REQUIRED", 403),
            ("ACCREDITATION_REQUIRED", 403),
        ],
    ),
    (
        "Input Validation",
        &[
            ("INVALID_BODY", 400),
            ("INVALID_PARAM", 400),
            ("VALIDATION", 400),
        ],
    ),
    (
        "Business Logic",
        &[
            ("CONFLICT", 409),
            ("DUPLICATE_ENTRY", 409),
            ("NOT_FOUND", 404),
            ("INSUFFICIENT_BALANCE", 400),
            ("TOKEN_NOT_TRADEABLE", 400),
            ("INVALID_TOKEN_STATUS", 400),
            ("ORDER_NOT_CANCELLABLE", 400),
        ],
    ),
    ("Rate Limiting", &[("RATE_LIMITED", 429)]),
    ("Internal", &[("INTERNAL", 500)]),
];

/// One code as a page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Listed {
    code: String,
    status: u16,
    description: String,
    when: String,
}

/// A page: categories with their announced count and their codes.
type Page = Vec<(String, usize, Vec<Listed>)>;

/// A page's outline: categories, counts, codes and statuses.
type Outline<'a> = Vec<(&'a str, usize, Vec<(&'a str, u16)>)>;

/// Reads seed 000 as published: headings run into their counts (`Auth & Session8`), codes
/// into their statuses (`AUTH_MISSING401`).
fn parse_seed_page(text: &str) -> Page {
    let start = text.find("\n}\n").expect("the response format example") + 3;
    let end = text.find("Frontend Usage").expect("the frontend section");
    let mut page: Page = Vec::new();
    for line in text[start..end]
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        let digits = line.len() - line.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let head = &line[..line.len() - digits];
        let is_code = digits == 3
            && !head.is_empty()
            && head
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
        if let Some(when) = line.strip_prefix("When: ") {
            page.last_mut().unwrap().2.last_mut().unwrap().when = when.to_owned();
        } else if is_code {
            page.last_mut().unwrap().2.push(Listed {
                code: head.to_owned(),
                status: line[head.len()..].parse().unwrap(),
                description: String::new(),
                when: String::new(),
            });
        } else if digits > 0
            && page
                .last()
                .is_none_or(|c| c.2.last().is_none_or(|l| !l.description.is_empty()))
        {
            page.push((
                head.to_owned(),
                line[head.len()..].parse().unwrap(),
                Vec::new(),
            ));
        } else {
            let listed = page.last_mut().unwrap().2.last_mut().unwrap();
            assert!(listed.description.is_empty(), "two descriptions: {line}");
            listed.description = line.to_owned();
        }
    }
    page
}

/// Reads the Markdown apierr renders: `## Category (n)`, `### \`CODE\` status`, paragraphs.
fn parse_markdown(text: &str) -> Page {
    let mut page: Page = Vec::new();
    for line in text.lines().filter(|l| !l.is_empty()) {
        if let Some(code_line) = line.strip_prefix("### `") {
            let (code, status) = code_line.split_once("` ").unwrap();
            page.last_mut().unwrap().2.push(Listed {
                code: code.to_owned(),
                status: status.parse().unwrap(),
                description: String::new(),
                when: String::new(),
            });
        } else if let Some(heading) = line.strip_prefix("## ") {
            let (name, count) = heading.rsplit_once(" (").unwrap();
            let count = count.strip_suffix(')').unwrap().parse().unwrap();
            page.push((name.to_owned(), count, Vec::new()));
        } else if let Some(when) = line.strip_prefix("When: ") {
            page.last_mut().unwrap().2.last_mut().unwrap().when = when.to_owned();
        } else if line.starts_with("Headers: ") || line == "Carries field errors." {
            // What the code carries besides its documentation; the published page omits it.
        } else if let Some(category) = page.last_mut() {
            let listed = category.2.last_mut().unwrap();
            assert!(listed.description.is_empty(), "two descriptions: {line}");
            listed.description = line.to_owned();
        }
    }
    page
}

fn seed_000_text() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/seeds/000_43fff68439b20397.txt"
    );
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("seed 000 must be beside the repository at {path}: {e}"))
}

#[test]
fn seed_000_markdown_lists_exactly_the_documents_codes() {
    let markdown = Catalog::of::<Seed000Error>().unwrap().to_markdown();
    assert!(markdown.starts_with(
        "# Error Codes\n\nThere are 24 error codes across 6 categories.\n\n## Auth & Session (8)\n"
    ));

    let rendered = parse_markdown(&markdown);
    let shape: Outline<'_> = rendered
        .iter()
        .map(|(name, count, codes)| {
            (
                name.as_str(),
                *count,
                codes.iter().map(|l| (l.code.as_str(), l.status)).collect(),
            )
        })
        .collect();
    let expected: Outline<'_> = SEED_000
        .iter()
        .map(|(name, codes)| (*name, codes.len(), codes.to_vec()))
        .collect();
    assert_eq!(shape, expected);
    assert_eq!(rendered.iter().map(|c| c.2.len()).sum::<usize>(), 24);
    for (_, count, codes) in &rendered {
        assert_eq!(*count, codes.len());
    }

    // The published page, parsed the same way: codes, statuses, descriptions and "When" all
    // agree, in order.
    let published = parse_seed_page(&seed_000_text());
    assert_eq!(published.len(), 6);
    assert_eq!(rendered, published);
}

#[test]
fn seed_000_markdown_excerpt_is_exact() {
    let markdown = Catalog::of::<Seed000Error>().unwrap().to_markdown();
    let excerpt = "\
### `2FA_REQUIRED` 401

Two-factor authentication is required

When: User has TOTP enabled and must verify before receiving tokens

### `SESSION_EXPIRED` 401

Refresh token or session has expired

When: Refresh token is no longer valid or session was revoked
";
    assert!(markdown.contains(excerpt), "{markdown}");
    let tail = "\
## Rate Limiting (1)

### `RATE_LIMITED` 429

Too many requests in a given time window

When: Client exceeds the configured rate limit (default: 100 req/min)

Headers: `Retry-After`

## Internal (1)

### `INTERNAL` 500

An unexpected server error occurred

When: Unhandled exception, database connection failure, or downstream service error
";
    assert!(markdown.ends_with(tail), "{markdown}");
    // Field errors are announced where a code carries them.
    assert!(markdown.contains(
        "### `INVALID_BODY` 400\n\nRequest body cannot be parsed\n\n\
         When: Malformed JSON or missing required fields in POST/PUT/PATCH\n\n\
         Carries field errors.\n"
    ));
}

#[test]
fn specs_reached_twice_count_once() {
    // AuthSessionError's specs are reached directly and again through Seed000Error.
    let catalog = Catalog::builder()
        .with::<AuthSessionError>()
        .with::<Seed000Error>()
        .with::<InternalError>()
        .build()
        .unwrap();
    assert_eq!(catalog.len(), 24);
    assert!(
        catalog
            .entries()
            .iter()
            .all(|e| e.also_declared_by().is_empty())
    );
    assert_eq!(catalog.entries()[0].code(), "AUTH_MISSING");
    let internal = catalog.get("INTERNAL").unwrap();
    assert_eq!(internal.spec().type_name(), "InternalError");
    assert_eq!(internal.spec().variant(), Some("Unhandled"));
}

/// Seed 002 lists `UNAUTHORIZED`, `FORBIDDEN` and `NOT_FOUND` twice, with different
/// descriptions: once as response tiers, once as authentication errors. Declared here without
/// categories, the two texts would be one category's: a conflict.
#[derive(Debug, ApiError)]
enum TierError {
    /// Missing or invalid auth
    #[api(code = "UNAUTHORIZED", status = 401, message = "unauthorized")]
    Unauthorized,
    /// Missing signature, insufficient permissions, pair not permitted for API key
    #[api(code = "FORBIDDEN", status = 403, message = "forbidden")]
    Forbidden,
    /// Resource not found
    #[api(code = "NOT_FOUND", status = 404, message = "not found")]
    NotFound,
    /// Struct/field validation failed
    #[api(
        code = "VALIDATION_ERROR",
        status = 422,
        message = "Input data validation failed"
    )]
    Validation(#[api(fields)] FieldErrors),
}

#[derive(Debug, ApiError)]
enum ApiKeyError {
    /// General authentication failure (deleted key, inactive account, department mismatch)
    #[api(code = "UNAUTHORIZED", status = 401, message = "unauthorized")]
    Unauthorized,
    /// Missing signature or insufficient permissions
    #[api(code = "FORBIDDEN", status = 403, message = "forbidden")]
    Forbidden,
    /// API key does not exist
    #[api(code = "NOT_FOUND", status = 404, message = "not found")]
    NotFound,
    /// Request IP is not in the API key whitelist
    #[api(code = "IP_NOT_ALLOWED", status = 403, message = "ip not allowed")]
    IpNotAllowed,
}

/// Seed 003 answers `VALIDATION_ERROR` with 422, seed 001 with 400.
#[derive(Debug, ApiError)]
enum LegacyValidation {
    /// Struct/field validation failed
    #[api(
        code = "VALIDATION_ERROR",
        status = 400,
        message = "Input data validation failed"
    )]
    Validation,
}

/// The same code with the same status, but one without field errors: another body shape.
#[derive(Debug, ApiError)]
#[api(category = "Authentication Errors")]
enum ShapeError {
    /// Missing api_key or api_secret in request body
    #[api(
        code = "VALIDATION_ERROR",
        status = 422,
        message = "Input data validation failed"
    )]
    Validation,
}

#[test]
fn conflicts_are_listed_with_both_declarations() {
    let error = Catalog::builder()
        .with::<TierError>()
        .with::<ApiKeyError>()
        .with::<LegacyValidation>()
        .with::<ShapeError>()
        .build()
        .unwrap_err();
    assert_eq!(error.conflicts().len(), 5);
    assert_eq!(
        error.to_string(),
        "5 conflicting error code declarations:\n  \
         - code `UNAUTHORIZED` is documented as \"Missing or invalid auth\" in `TierError::Unauthorized` \
         but as \"General authentication failure (deleted key, inactive account, department mismatch)\" \
         in `ApiKeyError::Unauthorized`, in the same category\n  \
         - code `FORBIDDEN` is documented as \"Missing signature, insufficient permissions, pair not \
         permitted for API key\" in `TierError::Forbidden` but as \"Missing signature or insufficient \
         permissions\" in `ApiKeyError::Forbidden`, in the same category\n  \
         - code `NOT_FOUND` is documented as \"Resource not found\" in `TierError::NotFound` but as \
         \"API key does not exist\" in `ApiKeyError::NotFound`, in the same category\n  \
         - code `VALIDATION_ERROR` has status 422 in `TierError::Validation` but 400 in \
         `LegacyValidation::Validation`\n  \
         - code `VALIDATION_ERROR` carries field errors in `TierError::Validation` but not in \
         `ShapeError::Validation`"
    );
    let first = &error.conflicts()[3];
    assert_eq!(first.code(), "VALIDATION_ERROR");
    assert_eq!(first.first().status().as_u16(), 422);
    assert_eq!(first.second().status().as_u16(), 400);
}

#[derive(Debug, ApiError)]
enum ShopError {
    /// Resource not found
    #[api(code = "NOT_FOUND", status = 404, message = "not found")]
    NotFound,
}

#[derive(Debug, ApiError)]
enum UndocumentedError {
    #[api(code = "NOT_FOUND", status = 404, message = "not found")]
    NotFound,
}

#[test]
fn agreeing_declarations_merge_and_the_documented_one_is_kept() {
    let catalog = Catalog::builder()
        .with::<UndocumentedError>()
        .with::<ShopError>()
        .build()
        .unwrap();
    assert_eq!(catalog.len(), 1);
    let entry = &catalog.entries()[0];
    assert_eq!(entry.spec().type_name(), "ShopError");
    assert_eq!(entry.description(), Some("Resource not found"));
    assert_eq!(entry.also_declared_by().len(), 1);
    assert_eq!(entry.also_declared_by()[0].type_name(), "UndocumentedError");
}

#[test]
fn json_has_every_code_with_its_metadata() {
    let json = Catalog::of::<Seed000Error>().unwrap().to_json();
    assert_eq!(json["title"], "Error Codes");
    let counts: Vec<(String, u64)> = json["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_owned(),
                c["count"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected: Vec<(String, u64)> = SEED_000
        .iter()
        .map(|(name, codes)| ((*name).to_owned(), codes.len() as u64))
        .collect();
    assert_eq!(counts, expected);
    let codes = json["codes"].as_array().unwrap();
    assert_eq!(codes.len(), 24);
    assert_eq!(
        codes[3],
        json!({
            "code": "AUTH_FAILED",
            "status": 401,
            "category": "Auth & Session",
            "description": "Login credentials are incorrect",
            "when": "Email/password mismatch or user not found during login",
            "details": [],
            "message": "Invalid email or password",
            "messageTemplate": "Invalid email or password",
            "title": null,
            "problemType": null,
            "fieldErrors": false,
            "headers": {},
            "type": "AuthSessionError",
            "variant": "Failed",
            "listings": [{
                "category": "Auth & Session",
                "description": "Login credentials are incorrect",
                "when": "Email/password mismatch or user not found during login",
                "details": [],
                "type": "AuthSessionError",
                "variant": "Failed",
            }],
        })
    );
    let invalid_body = codes.iter().find(|c| c["code"] == "INVALID_BODY").unwrap();
    assert_eq!(invalid_body["fieldErrors"], true);
    let limited = codes.iter().find(|c| c["code"] == "RATE_LIMITED").unwrap();
    assert_eq!(limited["headers"], json!({"retry-after": null}));
    // A 5xx with a declared message shows it: only `Display` output is hidden.
    let internal = codes.iter().find(|c| c["code"] == "INTERNAL").unwrap();
    assert_eq!(internal["message"], "An unexpected server error occurred");
}

#[test]
fn a_handlers_codes_are_a_filtered_catalogue() {
    let catalog = Catalog::of::<Seed000Error>().unwrap();
    // A code the catalogue does not have is an error, not a code silently left out.
    let typo = catalog
        .only(&["AUTH_FAILED", "NO_SUCH_CODE", "2FA_REQUIRD"])
        .unwrap_err();
    assert_eq!(typo.codes(), ["NO_SUCH_CODE", "2FA_REQUIRD"]);
    assert_eq!(
        typo.to_string(),
        "not in the catalogue: `NO_SUCH_CODE`, `2FA_REQUIRD`"
    );
    let login = catalog
        .only(&["AUTH_FAILED", "2FA_REQUIRED", "ACCOUNT_LOCKED"])
        .unwrap();
    let codes: Vec<&str> = login.entries().iter().map(|e| e.code()).collect();
    assert_eq!(codes, ["AUTH_FAILED", "2FA_REQUIRED", "ACCOUNT_LOCKED"]);
    assert_eq!(
        login.to_markdown().lines().nth(2),
        Some("There are 3 error codes across 1 category.")
    );
    let server_errors = catalog.filter(|e| e.status().is_server_error());
    assert_eq!(server_errors.len(), 1);
}

#[derive(Debug, ApiError)]
enum LooseError {
    /// Something odd happened
    ///
    /// It can be retried.
    #[api(code = "ODD", status = 400, message = "odd")]
    Odd,
}

#[test]
fn codes_without_a_category_come_last_under_other() {
    let catalog = Catalog::builder()
        .title("Shop errors")
        .with::<LooseError>()
        .with::<InternalError>()
        .build()
        .unwrap();
    assert_eq!(
        catalog.to_markdown(),
        "# Shop errors\n\n\
         There are 2 error codes across 2 categories.\n\n\
         ## Internal (1)\n\n\
         ### `INTERNAL` 500\n\n\
         An unexpected server error occurred\n\n\
         When: Unhandled exception, database connection failure, or downstream service error\n\n\
         ## Other (1)\n\n\
         ### `ODD` 400\n\n\
         Something odd happened\n\n\
         It can be retried.\n"
    );
}
