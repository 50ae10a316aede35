//! A WebDriver client for the browser tests: chromedriver started on a free loopback port,
//! one headless Chromium session in it, and the few commands the tests use.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

/// The longest one WebDriver command may take (starting the browser is the slow one).
pub const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);

/// The viewport of the desktop checks and screenshots.
pub const DESKTOP: (u32, u32) = (1280, 900);

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
pub struct Browser {
    driver: Child,
    base: String,
    session: String,
    client: reqwest::Client,
}

impl Browser {
    pub async fn start() -> Browser {
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
    pub async fn command(&self, method: &str, path: &str, body: Option<Value>) -> Value {
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

    pub async fn goto(&self, url: &str) {
        self.command("POST", "/url", Some(json!({"url": url})))
            .await;
    }

    /// The value of `script`, a function body run in the page.
    pub async fn eval(&self, script: &str) -> Value {
        self.command(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
        .await
    }

    /// Types `text` into the element `css` selects, as a user would (key by key).
    pub async fn type_into(&self, css: &str, text: &str) {
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
    pub async fn resize(&self, (width, height): (u32, u32)) {
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
    pub async fn color_scheme(&self, scheme: &str) {
        let params = json!({"features": [{"name": "prefers-color-scheme", "value": scheme}]});
        self.command(
            "POST",
            "/goog/cdp/execute",
            Some(json!({"cmd": "Emulation.setEmulatedMedia", "params": params})),
        )
        .await;
    }

    /// A PNG of the viewport.
    pub async fn screenshot(&self) -> Vec<u8> {
        let value = self.command("GET", "/screenshot", None).await;
        decode_base64(value.as_str().expect("a base64 screenshot"))
    }

    pub async fn quit(mut self) {
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
