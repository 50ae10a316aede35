//! The error-code page in a real browser: headless Chromium, driven through chromedriver's
//! WebDriver API, loads seed 000's page from a real axum server on loopback. It checks that
//! every code is there, that the search filters, that `/errors/{code}` lands on its code, the
//! dark theme and the phone layout, and writes screenshots for a person to look at.
//!
//! Needs Chromium and chromedriver: `.ci/run` installs them (Debian's `chromium` and
//! `chromium-driver`) and runs these tests with `APIERR_CHROMIUM` and `APIERR_CHROMEDRIVER` set.
//! Run them by hand with
//! `APIERR_CHROMIUM=/usr/bin/chromium APIERR_CHROMEDRIVER=/usr/bin/chromedriver
//! cargo test -p apierr-tests --test docs_browser -- --ignored`.

mod catalog_seeds;
mod docs_support;

use std::net::SocketAddr;
use std::path::PathBuf;

use apierr::response::ResponseOptions;
use docs_support::webdriver::{Browser, DESKTOP};
use docs_support::{seed_catalog, seed_pages, serve_axum};
use serde_json::{Value, json};

/// A phone's viewport (CSS pixels of a common 6.1" phone).
const PHONE: (u32, u32) = (390, 844);

/// The page's address on the loopback server.
fn url(addr: SocketAddr, path: &str) -> String {
    format!("http://{addr}{path}")
}

/// The codes whose sections are shown, in order.
const SHOWN: &str = "return Array.from(document.querySelectorAll('article.code'))
    .filter((code) => !code.hidden && code.offsetParent !== null)
    .map((code) => code.id);";

/// The headings of the categories shown.
const GROUPS_SHOWN: &str = "return Array.from(document.querySelectorAll('section.group'))
    .filter((group) => group.offsetParent !== null)
    .map((group) => group.querySelector('h2').firstChild.textContent.trim());";

/// Escape, which empties the search box.
const ESCAPE: &str = "\u{E00C}";

#[tokio::test]
#[ignore = "needs Chromium and chromedriver (APIERR_CHROMIUM, APIERR_CHROMEDRIVER); .ci/run runs it"]
async fn every_code_is_on_the_page_and_search_filters() {
    let (addr, _stop) = serve_axum(seed_pages(&ResponseOptions::new())).await;
    let browser = Browser::start().await;
    browser.goto(&url(addr, "/errors")).await;

    let codes: Vec<&str> = seed_catalog()
        .entries()
        .iter()
        .map(|entry| entry.code())
        .collect();
    assert_eq!(codes.len(), 24);
    assert_eq!(browser.eval(SHOWN).await, json!(codes));
    // The inline style and script ran under the page's policy: the search bar is shown (by
    // the script) and sticks to the top (by the style).
    assert_eq!(
        browser
            .eval(
                "const bar = document.getElementById('search-bar');
                   return [bar.hidden, getComputedStyle(bar).position];"
            )
            .await,
        json!([false, "sticky"])
    );

    let count = "return document.getElementById('count').textContent;";
    // Words of the descriptions and "When", any case.
    browser.type_into("#search", "Expired").await;
    assert_eq!(
        browser.eval(SHOWN).await,
        json!(["AUTH_EXPIRED", "SESSION_EXPIRED", "ORDER_NOT_CANCELLABLE"])
    );
    assert_eq!(
        browser.eval(GROUPS_SHOWN).await,
        json!(["Auth & Session", "Business Logic"])
    );
    assert_eq!(browser.eval(count).await, "3 of 24 codes");
    // Every word must match.
    browser.type_into("#search", " order").await;
    assert_eq!(browser.eval(SHOWN).await, json!(["ORDER_NOT_CANCELLABLE"]));
    // The query is kept in the address, for a link to the search.
    assert_eq!(
        browser.eval("return window.location.search;").await,
        "?q=Expired+order"
    );

    browser.type_into("#search", ESCAPE).await;
    assert_eq!(browser.eval(SHOWN).await, json!(codes));
    assert_eq!(browser.eval(count).await, "");
    assert_eq!(browser.eval("return window.location.search;").await, "");

    // By code, in part.
    browser.type_into("#search", "auth_m").await;
    assert_eq!(browser.eval(SHOWN).await, json!(["AUTH_MISSING"]));
    browser.type_into("#search", ESCAPE).await;
    // By status, and by class of status.
    browser.type_into("#search", "429").await;
    assert_eq!(browser.eval(SHOWN).await, json!(["RATE_LIMITED"]));
    browser.type_into("#search", ESCAPE).await;
    browser.type_into("#search", "5xx").await;
    assert_eq!(browser.eval(SHOWN).await, json!(["INTERNAL"]));
    browser.type_into("#search", ESCAPE).await;
    browser.type_into("#search", "409").await;
    assert_eq!(
        browser.eval(SHOWN).await,
        json!(["CONFLICT", "DUPLICATE_ENTRY"])
    );
    browser.type_into("#search", ESCAPE).await;
    // Nothing matches: every category is hidden and the page says so.
    browser.type_into("#search", "no such error").await;
    assert_eq!(browser.eval(SHOWN).await, json!([]));
    assert_eq!(browser.eval(GROUPS_SHOWN).await, json!([]));
    assert_eq!(
        browser
            .eval("return document.getElementById('none').hidden;")
            .await,
        false
    );

    // A link to a search opens filtered.
    browser.goto(&url(addr, "/errors?q=token+status")).await;
    assert_eq!(
        browser.eval(SHOWN).await,
        json!(["TOKEN_NOT_TRADEABLE", "INVALID_TOKEN_STATUS"])
    );
    assert_eq!(
        browser
            .eval("return document.getElementById('search').value;")
            .await,
        "token status"
    );
    browser.quit().await;
}

/// Where the section of `code` is: `[top of its box in the viewport, its scroll margin, scrolled
/// down, marked as the focus]`.
async fn landing(browser: &Browser, code: &str) -> Value {
    browser
        .eval(&format!(
            "const code = document.getElementById({code:?});
             return [Math.round(code.getBoundingClientRect().top),
                     Math.round(parseFloat(getComputedStyle(code).scrollMarginTop)),
                     window.scrollY > 0,
                     code.classList.contains('focus')];"
        ))
        .await
}

#[tokio::test]
#[ignore = "needs Chromium and chromedriver (APIERR_CHROMIUM, APIERR_CHROMEDRIVER); .ci/run runs it"]
async fn errors_code_lands_on_that_code() {
    let (addr, _stop) = serve_axum(seed_pages(&ResponseOptions::new())).await;
    let browser = Browser::start().await;

    // The code's section is at the top of the viewport, below the search bar (its scroll
    // margin), and marked.
    browser.goto(&url(addr, "/errors/AUTH_MISSING")).await;
    let at = landing(&browser, "AUTH_MISSING").await;
    assert_eq!(at[0], at[1], "AUTH_MISSING is not at the top: {at}");
    assert_eq!((&at[2], &at[3]), (&json!(true), &json!(true)), "{at}");
    assert_eq!(
        browser.eval("return document.title;").await,
        "AUTH_MISSING · Error Codes"
    );
    // The search bar does not cover it.
    let bar = browser
        .eval("return Math.round(document.getElementById('search-bar').getBoundingClientRect().bottom);")
        .await;
    assert!(
        bar.as_i64() <= at[0].as_i64(),
        "the search bar covers the code: {bar} > {at}"
    );

    // Further down, and as a problem `type` writes it (kebab case).
    browser.goto(&url(addr, "/errors/duplicate-entry")).await;
    let at = landing(&browser, "DUPLICATE_ENTRY").await;
    assert_eq!(at[0], at[1], "DUPLICATE_ENTRY is not at the top: {at}");
    assert_eq!((&at[2], &at[3]), (&json!(true), &json!(true)), "{at}");

    // A permalink: the browser scrolls to the fragment itself.
    browser.goto(&url(addr, "/errors#FORBIDDEN")).await;
    let at = landing(&browser, "FORBIDDEN").await;
    assert_eq!(at[0], at[1], "FORBIDDEN is not at the top: {at}");
    assert_eq!(
        browser
            .eval("return document.querySelector('#FORBIDDEN .anchor').getAttribute('href');")
            .await,
        "#FORBIDDEN"
    );
    browser.quit().await;
}

/// Width and height from a PNG's header, after checking its signature.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(png.get(..8), Some(&b"\x89PNG\r\n\x1a\n"[..]), "not a PNG");
    assert_eq!(png.get(12..16), Some(&b"IHDR"[..]), "no IHDR chunk first");
    let word = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

#[tokio::test]
#[ignore = "needs Chromium and chromedriver (APIERR_CHROMIUM, APIERR_CHROMEDRIVER); .ci/run runs it"]
async fn themes_phone_layout_and_screenshots() {
    let (addr, _stop) = serve_axum(seed_pages(&ResponseOptions::new())).await;
    let browser = Browser::start().await;
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("docs");
    std::fs::create_dir_all(&out).unwrap();
    let background = "return getComputedStyle(document.body).backgroundColor;";

    browser.color_scheme("light").await;
    browser.goto(&url(addr, "/errors")).await;
    assert_eq!(browser.eval(background).await, "rgb(255, 255, 255)");
    let light = browser.screenshot().await;
    assert_eq!(png_size(&light), DESKTOP);
    std::fs::write(out.join("error-page.png"), &light).unwrap();

    browser.color_scheme("dark").await;
    browser.goto(&url(addr, "/errors/RATE_LIMITED")).await;
    assert_eq!(browser.eval(background).await, "rgb(13, 17, 23)");
    let dark = browser.screenshot().await;
    assert_eq!(png_size(&dark), DESKTOP);
    std::fs::write(out.join("error-page-dark.png"), &dark).unwrap();

    // On a phone: one column, and nothing wider than the screen (long codes and example
    // bodies wrap or scroll inside their box).
    browser.color_scheme("light").await;
    browser.resize(PHONE).await;
    browser.goto(&url(addr, "/errors/INVALID_BODY")).await;
    assert_eq!(
        browser
            .eval("return [document.documentElement.scrollWidth, window.innerWidth];")
            .await,
        json!([PHONE.0, PHONE.0])
    );
    assert_eq!(
        browser
            .eval(
                "const code = document.getElementById('INVALID_BODY');
                   return getComputedStyle(code).gridTemplateColumns.split(' ').length;"
            )
            .await,
        1
    );
    let phone = browser.screenshot().await;
    assert_eq!(png_size(&phone), PHONE);
    std::fs::write(out.join("error-page-phone.png"), &phone).unwrap();
    eprintln!("screenshots in {}", out.display());
    browser.quit().await;
}
