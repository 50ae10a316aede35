//! The error-code page (feature `docs`): its content for seed 000, escaping, the security
//! policy, and the routes with axum and actix-web, including that every problem's `type`
//! resolves to a page of its code. The browser checks are in `docs_browser.rs`.

mod catalog_seeds;
mod docs_support;
mod http_support;

use apierr::catalog::Catalog;
use apierr::docs::{ErrorPages, Page};
use apierr::format::{Nested, ProblemDetails};
use apierr::response::ResponseOptions;
use apierr::{ApiError, Envelope, Spec};
use axum::body::Body;
use catalog_seeds::Seed000Error;
use docs_support::{SEED_000_GROUPS, seed_catalog, seed_pages};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// Where `needle` is in `haystack`, failing with both when it is not.
#[track_caller]
fn position(haystack: &str, needle: &str) -> usize {
    haystack
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is not on the page"))
}

#[test]
fn every_code_of_seed_000_is_on_the_page_by_category() {
    let catalog = seed_catalog();
    let pages = seed_pages(&ResponseOptions::new());
    let html = pages.html();
    assert!(html.contains(
        "<p class=\"summary\">There are 24 error codes across 6 categories. \
         <a href=\"errors.json\">JSON</a></p>"
    ));
    // Categories in the seed's order, each with its count, and each code after its heading
    // and before the next one, in the catalogue's order.
    let mut at = 0;
    let mut entries = catalog.entries().iter();
    for (i, (heading, count)) in SEED_000_GROUPS.iter().enumerate() {
        let section = format!(
            "<section class=\"group\" id=\"group:{i}\">\n<h2>{heading} <span>{count}</span></h2>"
        );
        let start = position(html, &section);
        assert!(start > at, "{heading} is out of order");
        at = start;
        for entry in entries.by_ref().take(*count) {
            let article = format!("<article class=\"code\" id=\"{}\"", entry.code());
            let found = position(html, &article);
            assert!(found > at, "{} is out of order", entry.code());
            at = found;
            assert_eq!(html.matches(&article).count(), 1, "{}", entry.code());
        }
    }
    assert_eq!(entries.next().map(|entry| entry.code()), None);
}

#[test]
fn a_code_shows_status_texts_headers_and_the_example_body() {
    let html = seed_pages(&ResponseOptions::new()).html().to_owned();
    let start = position(&html, "<article class=\"code\" id=\"AUTH_MISSING\"");
    let end = start + position(&html[start..], "</article>\n") + "</article>\n".len();
    assert_eq!(
        &html[start..end],
        "<article class=\"code\" id=\"AUTH_MISSING\" data-status=\"401\">\n\
         <div class=\"text\">\n\
         <h3><a class=\"anchor\" href=\"#AUTH_MISSING\" aria-label=\"Link to AUTH_MISSING\">#</a>\
         <code>AUTH_MISSING</code> <span class=\"status s4\">401 Unauthorized</span></h3>\n\
         <p>No authentication token provided</p>\n\
         <p class=\"when\"><strong>When:</strong> Request has no Authorization header or \
         access_token cookie</p>\n\
         </div>\n\
         <div class=\"example\">\n\
         <h4>Headers</h4>\n\
         <ul class=\"headers\"><li><code>Content-Type: application/json</code></li>\
         <li><code>WWW-Authenticate: Bearer</code></li></ul>\n\
         <h4>Example body</h4>\n\
         <pre><code>{\n  &quot;success&quot;: false,\n  &quot;error&quot;: {\n    \
         &quot;code&quot;: &quot;AUTH_MISSING&quot;,\n    \
         &quot;message&quot;: &quot;No authentication token provided&quot;,\n    \
         &quot;status&quot;: 401\n  }\n}</code></pre>\n\
         </div>\n\
         </article>\n"
    );
}

#[test]
fn field_errors_retry_after_and_the_service_format_are_shown() {
    let options = ResponseOptions::new().with_format(ProblemDetails::new());
    let html = seed_pages(&options).html().to_owned();
    let section = |code: &str| {
        let start = position(&html, &format!("id=\"{code}\""));
        let end = start + position(&html[start..], "</article>");
        html[start..end].to_owned()
    };
    let invalid_body = section("INVALID_BODY");
    assert!(invalid_body.contains("<p class=\"note\">Carries field errors, shaped as below.</p>"));
    assert!(invalid_body.contains(
        "&quot;errors&quot;: [\n    {\n      &quot;detail&quot;: &quot;is invalid&quot;,\n      \
         &quot;pointer&quot;: &quot;#/field&quot;\n    }\n  ]"
    ));
    assert!(invalid_body.contains("<li><code>Content-Type: application/problem+json</code></li>"));
    let rate_limited = section("RATE_LIMITED");
    assert!(rate_limited.contains("<li><code>Retry-After</code> (set per response)</li>"));
    assert!(!rate_limited.contains("Carries field errors"));
    // A 5xx shows the public message only, as it is sent.
    let internal = section("INTERNAL");
    assert!(internal.contains("<span class=\"status s5\">500 Internal Server Error</span>"));
    assert!(
        internal.contains("&quot;detail&quot;: &quot;An unexpected server error occurred&quot;")
    );
}

#[derive(Debug, ApiError)]
#[api(category = "<b>Bold</b> & co")]
#[allow(dead_code)] // Only its catalogue is used.
enum HostileDocs {
    /// Shows <script>alert("x")</script> & 'quotes'
    ///
    /// When: a </p><img src=x onerror=alert(1)> is "returned"
    #[api(code = "HOSTILE", status = 400, message = "<i>message</i> & \"text\"")]
    Hostile,
}

#[test]
fn catalogue_text_is_escaped() {
    // A hand-written spec is not checked like a derived one: its code can hold anything.
    static ODD: Spec = Spec::new("A\"<b>'&", 409, "Odd").with_doc("<script>odd</script>");
    let catalog = Catalog::builder()
        .with::<HostileDocs>()
        .with_spec(&ODD)
        .build()
        .unwrap();
    let pages = ErrorPages::new(&catalog, &ResponseOptions::new());
    let html = pages.html();
    // The page's own script is the only element the catalogue's text did not write.
    assert_eq!(html.matches("<script").count(), 1);
    assert_eq!(html.matches("<img").count(), 0);
    assert_eq!(html.matches("<b>").count(), 0);
    assert_eq!(html.matches("<i>").count(), 0);
    assert!(html.contains(
        "<p>Shows &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</p>"
    ));
    assert!(html.contains(
        "<strong>When:</strong> a &lt;/p&gt;&lt;img src=x onerror=alert(1)&gt; is &quot;returned&quot;"
    ));
    assert!(html.contains("<h2>&lt;b&gt;Bold&lt;/b&gt; &amp; co <span>1</span></h2>"));
    assert!(html.contains("<article class=\"code\" id=\"A&quot;&lt;b&gt;&#39;&amp;\""));
    assert!(html.contains("href=\"#A&quot;&lt;b&gt;&#39;&amp;\""));
    // The example body: JSON's escapes, then HTML's.
    assert!(html.contains(
        "&quot;message&quot;: &quot;&lt;i&gt;message&lt;/i&gt; &amp; \\&quot;text\\&quot;&quot;"
    ));
    // And the page opened at that code names it escaped too.
    let page = pages.response(Page::Code("A\"<b>'&"));
    assert_eq!(page.status(), 200);
    assert!(
        page.body()
            .contains("<body data-focus=\"A&quot;&lt;b&gt;&#39;&amp;\">")
    );
}

#[test]
fn html_responses_carry_a_policy_that_allows_only_the_inline_style_and_script() {
    let pages = seed_pages(&ResponseOptions::new());
    let response = pages.response(Page::Index);
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/html; charset=utf-8"
    );
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    let policy = response.headers()["content-security-policy"]
        .to_str()
        .unwrap();
    assert_eq!(policy, pages.content_security_policy());
    let directives: Vec<&str> = policy.split("; ").collect();
    assert_eq!(directives.len(), 6, "{policy}");
    assert_eq!(directives[0], "default-src 'none'");
    for (directive, name) in directives[1..3].iter().zip(["script-src", "style-src"]) {
        let hash = directive
            .strip_prefix(name)
            .and_then(|rest| rest.strip_prefix(" 'sha256-"))
            .and_then(|rest| rest.strip_suffix('\''))
            .unwrap_or_else(|| panic!("{directive}"));
        // 32 bytes in padded base64.
        assert_eq!(hash.len(), 44, "{directive}");
        assert!(hash.ends_with('='));
    }
    assert_eq!(
        directives[3..],
        [
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'"
        ]
    );
    // No inline handlers or style attributes, which the hashes would not allow.
    let html = pages.html();
    assert!(!html.contains(" style=\""));
    assert!(!html.contains(" onclick="));
    assert_eq!(html.matches("<style>").count(), 1);
    assert_eq!(html.matches("<script>").count(), 1);
    // Nothing is loaded from elsewhere.
    assert!(!html.contains("src="));
    assert!(!html.contains("<link"));
    assert!(!html.contains("http://"));
    assert!(!html.contains("https://"));
}

#[test]
fn unknown_codes_are_a_404_that_echoes_nothing() {
    let pages = seed_pages(&ResponseOptions::new());
    for segment in ["NOPE", "<script>alert(1)</script>", "auth_missing", ""] {
        let response = pages.response(Page::Code(segment));
        assert_eq!(response.status(), 404, "{segment:?}");
        assert_eq!(
            response.headers()["content-type"],
            "text/html; charset=utf-8"
        );
        assert!(response.headers().contains_key("content-security-policy"));
        let body = response.body();
        assert!(body.contains("<h1>Unknown error code</h1>"));
        assert!(body.contains("<a href=\"../errors\">See every error code</a>"));
        assert!(
            !body.contains("NOPE") && !body.contains("alert") && !body.contains("auth_missing")
        );
    }
}

#[test]
fn codes_resolve_as_written_and_in_kebab_case() {
    let pages = seed_pages(&ResponseOptions::new());
    assert_eq!(pages.code("AUTH_MISSING"), Some("AUTH_MISSING"));
    assert_eq!(pages.code("auth-missing"), Some("AUTH_MISSING"));
    assert_eq!(pages.code("2fa-required"), Some("2FA_REQUIRED"));
    assert_eq!(pages.code("Auth-Missing"), None);
    assert_eq!(pages.code("AUTH-MISSING"), None);
    let page = pages.html_for("2FA_REQUIRED").unwrap();
    assert!(page.contains("<title>2FA_REQUIRED · Error Codes</title>"));
    assert!(page.contains("<body data-focus=\"2FA_REQUIRED\">"));
    // From `errors/{code}`, the JSON is one level up.
    assert!(page.contains("<a href=\"../errors.json\">JSON</a>"));
    // The rest of the page is the page of every code.
    assert_eq!(
        page.replace("2FA_REQUIRED · ", "")
            .replace(" data-focus=\"2FA_REQUIRED\"", "")
            .replace("../errors.json", "errors.json"),
        pages.html()
    );
}

#[test]
fn the_json_route_is_the_catalogue_json() {
    let pages = seed_pages(&ResponseOptions::new());
    let response = pages.response(Page::Json);
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    let body: serde_json::Value = serde_json::from_str(response.body()).unwrap();
    assert_eq!(body, seed_catalog().to_json());
    assert_eq!(response.body(), pages.json());
}

/// The `type` of each of seed 000's problems, with the base a service would set.
fn problem_types(base: &'static str) -> Vec<(&'static str, String)> {
    let format = ProblemDetails::new().with_type_base(base);
    Seed000Error::samples()
        .iter()
        .map(|error| {
            let body = Envelope::new(error)
                .with_format(&format)
                .to_value()
                .unwrap();
            (error.code(), body["type"].as_str().unwrap().to_owned())
        })
        .collect()
}

async fn get_axum(app: &axum::Router, path: &str) -> (u16, String) {
    let request = http::Request::get(path).body(Body::empty()).unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status().as_u16();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(body.to_vec()).unwrap())
}

#[tokio::test]
async fn every_problem_type_resolves_with_axum() {
    let options = ResponseOptions::new().with_format(ProblemDetails::new());
    let app: axum::Router = apierr::docs::axum::router(seed_pages(&options));
    let types = problem_types("https://api.example.com/errors/");
    assert_eq!(types.len(), 24);
    for (code, uri) in types {
        let path = uri.strip_prefix("https://api.example.com").unwrap();
        let (status, body) = get_axum(&app, path).await;
        assert_eq!(status, 200, "{uri}");
        assert!(
            body.contains(&format!("<body data-focus=\"{code}\">")),
            "{uri}"
        );
        assert!(
            body.contains(&format!("<article class=\"code\" id=\"{code}\"")),
            "{uri}"
        );
    }
    let (status, body) = get_axum(&app, "/errors").await;
    assert_eq!((status, body.as_str()), (200, seed_pages(&options).html()));
    let (status, body) = get_axum(&app, "/errors.json").await;
    assert_eq!((status, body.as_str()), (200, seed_pages(&options).json()));
    let (status, _) = get_axum(&app, "/errors/NOPE").await;
    assert_eq!(status, 404);
}

#[test]
fn every_problem_type_resolves_with_actix() {
    use actix_web::{App, HttpServer};
    use http_support::HttpClient;

    actix_web::rt::System::new().block_on(async {
        let options = ResponseOptions::new().with_format(Nested);
        let routes = apierr::docs::actix::configure(seed_pages(&options));
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let server = HttpServer::new(move || App::new().configure(routes.clone()))
            .workers(1)
            .disable_signals()
            .shutdown_timeout(1)
            .listen(listener)
            .unwrap()
            .run();
        let handle = server.handle();
        let task = actix_web::rt::spawn(server);
        let client = HttpClient::new(addr);

        for (code, uri) in problem_types("http://docs.test/errors/") {
            let path = uri.strip_prefix("http://docs.test").unwrap();
            let reply = client.send("GET", path, &[], b"").await;
            assert_eq!(reply.status, 200, "{uri}");
            assert_eq!(reply.headers["content-type"], "text/html; charset=utf-8");
            assert!(reply.headers.contains_key("content-security-policy"));
            let body = std::str::from_utf8(&reply.body).unwrap();
            assert!(
                body.contains(&format!("<body data-focus=\"{code}\">")),
                "{uri}"
            );
        }
        let reply = client.send("GET", "/errors", &[], b"").await;
        assert_eq!(reply.status, 200);
        assert_eq!(&reply.body[..], seed_pages(&options).html().as_bytes());
        let reply = client.send("GET", "/errors.json", &[], b"").await;
        assert_eq!(reply.status, 200);
        assert_eq!(reply.headers["content-type"], "application/json");
        assert_eq!(&reply.body[..], seed_pages(&options).json().as_bytes());
        let reply = client.send("GET", "/errors/%3Cb%3E", &[], b"").await;
        assert_eq!(reply.status, 404);
        assert!(!std::str::from_utf8(&reply.body).unwrap().contains("<b>"));

        handle.stop(true).await;
        let _ = tokio::time::timeout(http_support::TIMEOUT, task).await;
    });
}

#[tokio::test]
async fn the_pages_pass_through_the_error_layer_unchanged() {
    use apierr::axum::ApiErrorLayer;

    let options = ResponseOptions::new().with_format(ProblemDetails::new());
    let pages = seed_pages(&options);
    let app: axum::Router = axum::Router::new()
        .merge(apierr::docs::axum::router(seed_pages(&options)))
        .layer(ApiErrorLayer::with_options(options));
    let (status, body) = get_axum(&app, "/errors/RATE_LIMITED").await;
    assert_eq!(status, 200);
    assert_eq!(body, pages.html_for("RATE_LIMITED").unwrap());
    // The 404 page of an unknown code stays the HTML page (the layer only rewrites axum's own
    // empty 404s and rejections).
    let (status, body) = get_axum(&app, "/errors/NOPE").await;
    assert_eq!(status, 404);
    assert_eq!(body, *pages.response(Page::Code("NOPE")).body());
    // A route the docs do not have is the layer's envelope, as for the rest of the API.
    let (status, body) = get_axum(&app, "/errors/AUTH_MISSING/more").await;
    assert_eq!(status, 404);
    let body: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(body["code"], "NOT_FOUND");
    // A segment that is not UTF-8: axum's rejection, as an envelope.
    let (status, body) = get_axum(&app, "/errors/%FF").await;
    assert_eq!(status, 400);
    let body: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(body["code"], "INVALID_PATH");
}
