//! The published page read back: its three tables are one catalogue, in every rendering.

use serde_json::json;

use crate::TradingError;

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
