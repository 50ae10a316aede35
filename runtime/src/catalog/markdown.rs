//! The catalogue as a Markdown page, the layout of a typical "Error Codes" page.

use std::fmt::Write as _;

use super::{Catalog, header_case};
use crate::Spec;

impl Catalog {
    /// The catalogue as a Markdown page: the title, the count of distinct codes, then per
    /// category a `##` heading with its count and per code a `###` heading with code and
    /// status, the description, further paragraphs, `When: …` (a code listed in several
    /// categories with each one's text), and the headers and field errors it carries.
    #[must_use]
    pub fn to_markdown(&self) -> String {
        let categories = self.categories();
        let mut out = String::new();
        let _ = writeln!(out, "# {}\n", self.title);
        let _ = writeln!(
            out,
            "There {} {} error code{} across {} categor{}.",
            if self.len() == 1 { "is" } else { "are" },
            self.len(),
            if self.len() == 1 { "" } else { "s" },
            categories.len(),
            if categories.len() == 1 { "y" } else { "ies" },
        );
        for category in &categories {
            let _ = write!(
                out,
                "\n## {} ({})\n",
                category.heading(),
                category.listings().len()
            );
            for listing in category.listings() {
                let spec = listing.spec();
                let _ = write!(out, "\n### `{}` {}\n", spec.code(), spec.status().as_u16());
                for paragraph in listing
                    .description()
                    .into_iter()
                    .chain(listing.details().iter().map(String::as_str))
                {
                    let _ = write!(out, "\n{paragraph}\n");
                }
                if let Some(when) = listing.when() {
                    let _ = write!(out, "\nWhen: {when}\n");
                }
                let headers = header_list(spec);
                if !headers.is_empty() {
                    let _ = write!(out, "\nHeaders: {}\n", headers.join(", "));
                }
                if spec.has_field_errors() {
                    out.push_str("\nCarries field errors.\n");
                }
            }
        }
        out
    }
}

/// `Retry-After`, `WWW-Authenticate: Bearer` and fixed headers, for Markdown.
fn header_list(spec: &Spec) -> Vec<String> {
    let mut headers = Vec::new();
    if let Some(challenge) = spec.www_authenticate() {
        headers.push(format!("`WWW-Authenticate: {challenge}`"));
    }
    for (name, value) in spec.headers() {
        headers.push(format!("`{}: {value}`", header_case(name)));
    }
    if spec.has_retry_after() {
        headers.push("`Retry-After`".to_owned());
    }
    headers
}
