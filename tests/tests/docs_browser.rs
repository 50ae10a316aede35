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

use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use apierr::response::ResponseOptions;
use docs_support::{seed_catalog, seed_pages, serve_axum};
use serde_json::{Value, json};

/// The longest one WebDriver command may take (starting the browser is the slow one).
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);

/// The viewport of the desktop checks and screenshots.
const DESKTOP: (u32, u32) = (1280, 900);

/// A phone's viewport (CSS pixels of a common 6.1" phone).
const PHONE: (u32, u32) = (390, 844);

/// The key WebDriver names element references by.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

fn tool(var: &str) -> String {
    std::env::var(var).unwrap_or_else(|_| {
        panic!(
            "{var} is not set: these tests need Chromium and chromedriver. `.ci/run` installs \
             them; by hand: APIERR_CHROMIUM=/usr/bin/chromium \
             APIERR_CHROMEDRIVER=/usr/bin/chromedriver cargo test -p apierr-tests \
             --test docs_browser -- --ignored"
        )
    })
}

/// A chromedriver process and one browser session in it.
struct Browser {
    driver: Child,
    base: String,
    session: String,
    client: reqwest::Client,
}

impl Browser {
    async fn start() -> Browser {
        let chromium = tool("APIERR_CHROMIUM");
        let chromedriver = tool("APIERR_CHROMEDRIVER");
        // A free port for chromedriver, which cannot report one it picked itself.
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free loopback port")
            .port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let client = reqwest::Client::builder()
            .timeout(COMMAND_TIMEOUT)
            .build()
            .expect("an HTTP client");
        let mut browser = Browser {
            driver,
            base: format!("http://127.0.0.1:{port}"),
            session: String::new(),
            client,
        };
        // Up to 30 s for chromedriver to listen; a bounded wait, not a timed check.
        let mut ready = false;
        for _ in 0..300 {
            if let Ok(response) = browser
                .client
                .get(format!("{}/status", browser.base))
                .send()
                .await
                && response.status().is_success()
            {
                ready = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(ready, "chromedriver did not start listening");
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--hide-scrollbars",
                    "--force-device-scale-factor=1",
                    format!("--window-size={},{}", DESKTOP.0, DESKTOP.1),
                ],
            },
        }}});
        let value = browser
            .command("POST", "/session", Some(capabilities))
            .await;
        browser.session = value["sessionId"]
            .as_str()
            .expect("a session id")
            .to_owned();
        browser.resize(DESKTOP).await;
        browser
    }

    /// Sends one WebDriver command (to the session, unless `path` is `/session`) and returns
    /// its `value`; fails on a WebDriver error.
    async fn command(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = if path == "/session" {
            format!("{}{path}", self.base)
        } else {
            format!("{}/session/{}{path}", self.base, self.session)
        };
        let request = match method {
            "GET" => self.client.get(url),
            "DELETE" => self.client.delete(url),
            _ => self
                .client
                .post(url)
                .header("content-type", "application/json")
                .body(body.unwrap_or_else(|| json!({})).to_string()),
        };
        let response = request.send().await.expect("a WebDriver response");
        let status = response.status();
        let bytes = response.bytes().await.expect("a WebDriver body");
        let reply: Value = serde_json::from_slice(&bytes).expect("a JSON WebDriver body");
        assert!(
            status.is_success(),
            "WebDriver {method} {path}: {status} {reply}"
        );
        reply["value"].clone()
    }

    async fn goto(&self, url: &str) {
        self.command("POST", "/url", Some(json!({"url": url})))
            .await;
    }

    /// The value of `script`, a function body run in the page.
    async fn eval(&self, script: &str) -> Value {
        self.command(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
        .await
    }

    /// Types `text` into the element `css` selects, as a user would (key by key).
    async fn type_into(&self, css: &str, text: &str) {
        let element = self
            .command(
                "POST",
                "/element",
                Some(json!({"using": "css selector", "value": css})),
            )
            .await;
        let Some(id) = element[ELEMENT].as_str().map(str::to_owned) else {
            panic!("no element reference for {css}: {element}");
        };
        self.command(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({"text": text})),
        )
        .await;
    }

    /// Sets the window so that the viewport is `width` × `height` CSS pixels.
    async fn resize(&self, (width, height): (u32, u32)) {
        let inner = self
            .eval("return [window.innerWidth, window.innerHeight];")
            .await;
        let outer = self.command("GET", "/window/rect", None).await;
        let chrome =
            |i: usize, key: &str| outer[key].as_i64().unwrap() - inner[i].as_i64().unwrap();
        let rect = json!({
            "width": i64::from(width) + chrome(0, "width"),
            "height": i64::from(height) + chrome(1, "height"),
        });
        self.command("POST", "/window/rect", Some(rect)).await;
        let inner = self
            .eval("return [window.innerWidth, window.innerHeight];")
            .await;
        assert_eq!(
            inner,
            json!([width, height]),
            "the viewport could not be resized"
        );
    }

    /// Makes the page see `prefers-color-scheme: scheme` (through Chrome's DevTools protocol).
    async fn color_scheme(&self, scheme: &str) {
        let params = json!({"features": [{"name": "prefers-color-scheme", "value": scheme}]});
        self.command(
            "POST",
            "/goog/cdp/execute",
            Some(json!({"cmd": "Emulation.setEmulatedMedia", "params": params})),
        )
        .await;
    }

    /// A PNG of the viewport.
    async fn screenshot(&self) -> Vec<u8> {
        let value = self.command("GET", "/screenshot", None).await;
        decode_base64(value.as_str().expect("a base64 screenshot"))
    }

    async fn quit(mut self) {
        self.command("DELETE", "", None).await;
        self.session.clear();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // After a failure too: end the session (which closes Chromium), then chromedriver.
        if !self.session.is_empty() {
            let url = format!("{}/session/{}", self.base, self.session);
            let _ = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build();
                if let Ok(runtime) = runtime {
                    runtime.block_on(async {
                        let client = reqwest::Client::new();
                        let _ =
                            tokio::time::timeout(COMMAND_TIMEOUT, client.delete(url).send()).await;
                    });
                }
            })
            .join();
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Standard base64, as WebDriver sends screenshots.
fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => u32::from(c - b'A'),
        b'a'..=b'z' => u32::from(c - b'a') + 26,
        b'0'..=b'9' => u32::from(c - b'0') + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c:?}"),
    };
    let digits: Vec<u8> = text
        .bytes()
        .filter(|&c| c != b'=' && !c.is_ascii_whitespace())
        .collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0, |n, (i, &c)| n | value(c) << (18 - 6 * i));
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    out
}

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
