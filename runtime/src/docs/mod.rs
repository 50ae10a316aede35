//! Error-code pages on the web: the catalogue as a served, searchable HTML page, so that each
//! problem's `type` URI leads a person to the documentation of that problem (RFC 9457, 3.1.1).
//!
//! [`ErrorPages`] renders a [`Catalog`] once, at start-up, into:
//! - `GET /errors`: one self-contained HTML page (style and script inline, nothing loaded from
//!   elsewhere, works offline). Codes are grouped by category, each with its status,
//!   description, when it is returned, the headers and example body the service sends for it
//!   (in the service's format, field errors included where the code carries them) and a
//!   permalink (`#CODE`). A search box filters by code, status (`401`, `4xx`) and text; light
//!   and dark themes follow the browser; it reads on a phone.
//! - `GET /errors/{code}`: the same page, opened at that code. `{code}` is the code
//!   (`AUTH_MISSING`) or its kebab case (`auth-missing`), which is what
//!   [`ProblemDetails::with_type_base`](crate::format::ProblemDetails::with_type_base) appends
//!   to its base: with the base `https://api.example.com/errors/`, every problem's `type`
//!   resolves to its code's documentation. An unknown code is a 404 page.
//! - `GET /errors.json`: [`Catalog::to_json`].
//!
//! Every text of the catalogue is escaped, so a description holding `<script>` shows as text.
//! The HTML responses carry a `Content-Security-Policy` that allows the page's own inline style
//! and script, by their SHA-256, and nothing else. The page's size is linear in the
//! catalogue's.
//!
//! The routes: [`axum::router`] (features `docs` and `axum`), [`actix::configure`] (features
//! `docs` and `actix-web`), or [`ErrorPages::response`] for any other server.
//!
//! Available with the `docs` cargo feature (which turns on `catalog`).
//!
//! ```
//! use apierr::ApiError;
//! use apierr::catalog::Catalog;
//! use apierr::docs::{ErrorPages, Page};
//! use apierr::format::ProblemDetails;
//! use apierr::response::ResponseOptions;
//!
//! #[derive(Debug, ApiError)]
//! #[api(category = "Auth & Session")]
//! enum AuthError {
//!     /// No authentication token provided
//!     ///
//!     /// When: Request has no Authorization header
//!     #[api(code = "AUTH_MISSING", status = 401, message = "No authentication token provided")]
//!     Missing,
//! }
//!
//! let format = ProblemDetails::new().with_type_base("https://api.example.com/errors/");
//! let options = ResponseOptions::new().with_format(format);
//! let pages = ErrorPages::new(&Catalog::of::<AuthError>().unwrap(), &options);
//!
//! // The problem's `type` is `https://api.example.com/errors/auth-missing`, which is served:
//! let page = pages.response(Page::Code("auth-missing"));
//! assert_eq!(page.status(), 200);
//! assert_eq!(page.headers()["content-type"], "text/html; charset=utf-8");
//! assert!(page.body().contains(r#"<article class="code" id="AUTH_MISSING""#));
//! assert!(page.body().contains(r#"<body data-focus="AUTH_MISSING">"#));
//! assert!(page.headers()["content-security-policy"].to_str().unwrap().starts_with("default-src 'none'"));
//! // The example body is the one the service sends, in its format.
//! assert!(page.body().contains("&quot;type&quot;: &quot;https://api.example.com/errors/auth-missing&quot;"));
//!
//! assert_eq!(pages.response(Page::Code("NOPE")).status(), 404);
//! assert_eq!(pages.response(Page::Json).headers()["content-type"], "application/json");
//! ```

use http::header::{self, HeaderValue};
use http::{Response, StatusCode};

use crate::catalog::Catalog;
use crate::response::ResponseOptions;

#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;
mod escape;
mod hash;
mod html;
mod view;

use view::View;

/// The media type of the HTML pages.
pub const TEXT_HTML: &str = "text/html; charset=utf-8";

/// One of the three things [`ErrorPages`] serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page<'a> {
    /// `GET /errors`: every code.
    Index,
    /// `GET /errors/{code}`: every code, opened at this one (the code or its kebab case).
    Code(&'a str),
    /// `GET /errors.json`: the catalogue as JSON.
    Json,
}

/// A catalogue rendered for the web, once; see [the module docs](self).
#[derive(Debug, Clone)]
pub struct ErrorPages {
    view: View,
    index: String,
    csp: HeaderValue,
}

impl ErrorPages {
    /// Renders `catalog`: each code's example response is built with `options`, as the
    /// service builds its error responses (its format, its default `WWW-Authenticate`
    /// challenge), so pass the options the service uses.
    #[must_use]
    pub fn new(catalog: &Catalog, options: &ResponseOptions) -> Self {
        let view = View::new(catalog, options);
        let csp = format!(
            "default-src 'none'; script-src {}; style-src {}; base-uri 'none'; \
             form-action 'none'; frame-ancestors 'none'",
            hash::csp_source(html::SCRIPT),
            hash::csp_source(html::STYLE),
        );
        ErrorPages {
            index: html::page(&view, None),
            // Quotes, letters, digits and `+/=;-:`: always a valid header value.
            csp: HeaderValue::from_str(&csp)
                .unwrap_or(HeaderValue::from_static("default-src 'none'")),
            view,
        }
    }

    /// The page of every code (`GET /errors`).
    #[must_use]
    pub fn html(&self) -> &str {
        &self.index
    }

    /// The page opened at `code` (`GET /errors/{code}`), which is the code or its kebab case;
    /// `None` for an unknown code.
    #[must_use]
    pub fn html_for(&self, code: &str) -> Option<String> {
        self.code(code)
            .map(|code| html::page(&self.view, Some(code)))
    }

    /// The catalogue as JSON (`GET /errors.json`).
    #[must_use]
    pub fn json(&self) -> &str {
        &self.view.json
    }

    /// The code `segment` names: the code itself, or else its kebab case (`auth-missing`
    /// names `AUTH_MISSING`), as `ProblemDetails::with_type_base` writes it.
    #[must_use]
    pub fn code(&self, segment: &str) -> Option<&'static str> {
        let codes = &self.view.codes;
        codes
            .iter()
            .find(|name| name.code == segment)
            .or_else(|| codes.iter().find(|name| name.kebab == segment))
            .map(|name| name.code)
    }

    /// The `Content-Security-Policy` of the HTML pages: the page's inline style and script by
    /// their SHA-256, nothing else.
    #[must_use]
    pub fn content_security_policy(&self) -> &HeaderValue {
        &self.csp
    }

    /// The complete response for `page`: status, `Content-Type`, the policy on HTML, and the
    /// body. An unknown code is a 404 HTML page that names no code: nothing of the request is
    /// echoed.
    #[must_use]
    pub fn response(&self, page: Page<'_>) -> Response<String> {
        let (status, is_html, body) = match page {
            Page::Index => (StatusCode::OK, true, self.index.clone()),
            Page::Json => (StatusCode::OK, false, self.view.json.clone()),
            Page::Code(code) => match self.html_for(code) {
                Some(html) => (StatusCode::OK, true, html),
                None => (StatusCode::NOT_FOUND, true, html::not_found(&self.view)),
            },
        };
        let mut response = Response::new(body);
        *response.status_mut() = status;
        let headers = response.headers_mut();
        let content_type = if is_html {
            TEXT_HTML
        } else {
            "application/json"
        };
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        if is_html {
            headers.insert(header::CONTENT_SECURITY_POLICY, self.csp.clone());
        }
        headers.insert(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        );
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_exactly_the_inline_script_and_style_of_the_page() {
        let catalog = Catalog::builder().build().unwrap();
        let pages = ErrorPages::new(&catalog, &ResponseOptions::new());
        let html = pages.html();
        let inner = |open: &str, close: &str| {
            let start = html.find(open).unwrap() + open.len();
            let end = start + html[start..].find(close).unwrap();
            html[start..end].to_owned()
        };
        let policy = pages.content_security_policy().to_str().unwrap();
        let script = hash::csp_source(&inner("<script>", "</script>"));
        let style = hash::csp_source(&inner("<style>", "</style>"));
        assert_eq!(
            policy,
            format!(
                "default-src 'none'; script-src {script}; style-src {style}; base-uri 'none'; \
                 form-action 'none'; frame-ancestors 'none'"
            )
        );
    }
}
