//! The error catalogue: every code of an application's error types, checked and rendered.
//!
//! Error-code documentation pages drift from the code when they are written by hand. A
//! [`Catalog`] gathers the [`Spec`] of every code of one or more `#[derive(ApiError)]` types,
//! refuses a code declared twice with different statuses or descriptions, and renders the
//! result as Markdown (the layout of a typical "Error Codes" page), JSON, or TypeScript for
//! clients that switch on codes. With the `utoipa` feature, `apierr::openapi` turns it into
//! OpenAPI responses.
//!
//! A code's documentation is its variant's `///` comment: the first paragraph is the
//! description, and a paragraph starting with `When:` says when the code is returned.
//!
//! Available with the `catalog` cargo feature (also turned on by `utoipa`).
//!
//! ```
//! use apierr::ApiError;
//! use apierr::catalog::Catalog;
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
//! #[derive(Debug, ApiError)]
//! #[api(category = "Business Logic")]
//! enum OrderError {
//!     /// Requested resource does not exist
//!     #[api(code = "NOT_FOUND", status = 404, message = "not found")]
//!     NotFound,
//! }
//!
//! let catalog = Catalog::builder().with::<AuthError>().with::<OrderError>().build().unwrap();
//! assert_eq!(catalog.len(), 2);
//! // Each line of the page, as it is rendered:
//! let expected = [
//!     "# Error Codes",
//!     "",
//!     "There are 2 error codes across 2 categories.",
//!     "",
//!     "## Auth & Session (1)",
//!     "",
//!     "### `AUTH_MISSING` 401",
//!     "",
//!     "No authentication token provided",
//!     "",
//!     "When: Request has no Authorization header",
//!     "",
//!     "## Business Logic (1)",
//!     "",
//!     "### `NOT_FOUND` 404",
//!     "",
//!     "Requested resource does not exist",
//!     "",
//! ];
//! assert_eq!(catalog.to_markdown(), expected.join("\n"));
//! ```

use std::borrow::Cow;

use serde_json::Value;

use crate::example::Example;
use crate::format::{AnyFormat, RenderError};
use crate::{ApiError, Envelope, Spec};

mod build;
mod json;
mod markdown;
mod schema;
mod typescript;

pub use build::{CatalogBuilder, Conflict, Conflicts, UnknownCodes};
pub use schema::json_schema;
#[cfg(feature = "utoipa")]
pub(crate) use schema::{code_constraint, json_schema_of};
pub use typescript::interface;

/// The heading of the Markdown page unless [`CatalogBuilder::title`] says otherwise.
pub const DEFAULT_TITLE: &str = "Error Codes";

/// The base of the TypeScript names unless [`CatalogBuilder::name`] says otherwise.
pub const DEFAULT_NAME: &str = "ApiError";

/// The heading of the codes that declare no category.
pub const UNCATEGORIZED: &str = "Other";

/// One code of a [`Catalog`], with its documentation split into description and "when".
#[derive(Debug, Clone)]
pub struct Entry {
    spec: &'static Spec,
    also: Vec<&'static Spec>,
    description: Option<String>,
    when: Option<String>,
    details: Vec<String>,
}

impl Entry {
    fn new(spec: &'static Spec) -> Self {
        let mut description = None;
        let mut when = None;
        let mut details = Vec::new();
        for (i, paragraph) in paragraphs(spec.description().unwrap_or("")).enumerate() {
            if let Some(rest) = paragraph.strip_prefix("When:") {
                when = Some(rest.trim().to_owned());
            } else if i == 0 {
                description = Some(paragraph);
            } else {
                details.push(paragraph);
            }
        }
        Entry {
            spec,
            also: Vec::new(),
            description,
            when,
            details,
        }
    }

    /// The spec of the declaration that was gathered first.
    #[must_use]
    pub fn spec(&self) -> &'static Spec {
        self.spec
    }

    /// The code, such as `"AUTH_MISSING"`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.spec.code()
    }

    /// The HTTP status.
    #[must_use]
    pub fn status(&self) -> http::StatusCode {
        self.spec.status()
    }

    /// The declared category, if any.
    #[must_use]
    pub fn category(&self) -> Option<&'static str> {
        self.spec.category()
    }

    /// The first paragraph of the doc comment, its lines joined with spaces; `None` when the
    /// variant has no doc comment (or it starts with `When:`).
    #[must_use]
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// The paragraph of the doc comment that starts with `When:`, without that prefix.
    #[must_use]
    pub fn when(&self) -> Option<&str> {
        self.when.as_deref()
    }

    /// The other paragraphs of the doc comment, in order.
    #[must_use]
    pub fn details(&self) -> &[String] {
        &self.details
    }

    /// Other declarations of the same code that agree with the first one (another type, or a
    /// second variant), in the order they were gathered.
    #[must_use]
    pub fn also_declared_by(&self) -> &[&'static Spec] {
        &self.also
    }

    /// An example body of this code in `format`: its fixed message (or message template, or
    /// description), and one example field error when the code carries field errors.
    ///
    /// # Errors
    /// Only if `format` itself fails; the example has no extension members.
    ///
    /// ```
    /// use apierr::ApiError;
    /// use apierr::catalog::Catalog;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum AuthError {
    ///     #[api(code = "AUTH_MISSING", status = 401, message = "No authentication token provided")]
    ///     Missing,
    /// }
    ///
    /// let catalog = Catalog::of::<AuthError>().unwrap();
    /// let body = catalog.entries()[0].example(&apierr::format::Nested).unwrap();
    /// assert_eq!(
    ///     body,
    ///     serde_json::json!({"success": false, "error": {
    ///         "code": "AUTH_MISSING", "message": "No authentication token provided", "status": 401
    ///     }})
    /// );
    /// ```
    pub fn example(&self, format: &dyn AnyFormat) -> Result<Value, RenderError> {
        let example = Example::of(self.spec, self.description.as_deref());
        Envelope::from_dyn(&example).with_format(format).to_value()
    }
}

/// The paragraphs of a doc comment, each with its lines trimmed and joined with spaces.
fn paragraphs(doc: &str) -> impl Iterator<Item = String> + '_ {
    doc.split("\n\n")
        .flat_map(|block| block.split("\n \n"))
        .map(|block| {
            block
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|paragraph| !paragraph.is_empty())
}

/// A checked list of error codes, ready to render; see [the module docs](self).
#[derive(Debug, Clone)]
pub struct Catalog {
    entries: Vec<Entry>,
    title: Cow<'static, str>,
    name: Cow<'static, str>,
}

/// The codes of one category, in the order they were gathered.
#[derive(Debug, Clone)]
pub struct Category<'a> {
    name: Option<&'static str>,
    entries: Vec<&'a Entry>,
}

impl<'a> Category<'a> {
    /// The category, or `None` for the codes that declare none.
    #[must_use]
    pub fn name(&self) -> Option<&'static str> {
        self.name
    }

    /// The heading: the name, or [`UNCATEGORIZED`].
    #[must_use]
    pub fn heading(&self) -> &'static str {
        self.name.unwrap_or(UNCATEGORIZED)
    }

    /// The codes.
    #[must_use]
    pub fn entries(&self) -> &[&'a Entry] {
        &self.entries
    }
}

impl Catalog {
    /// An empty builder.
    #[must_use]
    pub fn builder() -> CatalogBuilder {
        CatalogBuilder::default()
    }

    /// The catalogue of one type: `Catalog::builder().with::<E>().build()`.
    ///
    /// # Errors
    /// As [`CatalogBuilder::build`].
    pub fn of<E: ApiError>() -> Result<Self, Conflicts> {
        Self::builder().with::<E>().build()
    }

    /// The codes, in the order they were gathered.
    #[must_use]
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// How many distinct codes there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no codes.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry of `code`.
    #[must_use]
    pub fn get(&self, code: &str) -> Option<&Entry> {
        self.entries.iter().find(|entry| entry.code() == code)
    }

    /// The Markdown heading.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The base of the TypeScript names.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The same catalogue restricted to the codes `keep` accepts: the codes of one handler,
    /// say.
    #[must_use]
    pub fn filter(&self, mut keep: impl FnMut(&Entry) -> bool) -> Catalog {
        Catalog {
            entries: self
                .entries
                .iter()
                .filter(|entry| keep(entry))
                .cloned()
                .collect(),
            title: self.title.clone(),
            name: self.name.clone(),
        }
    }

    /// The same catalogue restricted to `codes` (in the catalogue's order): the codes of one
    /// handler. For a list checked when the program is compiled, see
    /// `apierr::openapi::responses!` (feature `utoipa`).
    ///
    /// # Errors
    /// [`UnknownCodes`] when a code is not in the catalogue.
    ///
    /// ```
    /// use apierr::ApiError;
    /// use apierr::catalog::Catalog;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum AuthError {
    ///     #[api(code = "AUTH_MISSING", status = 401, message = "missing")]
    ///     Missing,
    ///     #[api(code = "AUTH_EXPIRED", status = 401, message = "expired")]
    ///     Expired,
    /// }
    ///
    /// let catalog = Catalog::of::<AuthError>().unwrap();
    /// assert_eq!(catalog.only(&["AUTH_EXPIRED"]).unwrap().len(), 1);
    /// let typo = catalog.only(&["AUTH_EXPIRED", "AUTH_MISING"]).unwrap_err();
    /// assert_eq!(typo.to_string(), "not in the catalogue: `AUTH_MISING`");
    /// ```
    pub fn only(&self, codes: &[&str]) -> Result<Catalog, UnknownCodes> {
        let unknown: Vec<String> = codes
            .iter()
            .filter(|code| self.get(code).is_none())
            .map(|code| (*code).to_owned())
            .collect();
        if !unknown.is_empty() {
            return Err(UnknownCodes(unknown));
        }
        Ok(self.filter(|entry| codes.contains(&entry.code())))
    }

    /// The codes grouped by category, categories in order of first appearance and the codes
    /// without one last.
    #[must_use]
    pub fn categories(&self) -> Vec<Category<'_>> {
        let mut categories: Vec<Category<'_>> = Vec::new();
        for entry in &self.entries {
            match categories
                .iter_mut()
                .find(|category| category.name == entry.category())
            {
                Some(category) => category.entries.push(entry),
                None => categories.push(Category {
                    name: entry.category(),
                    entries: vec![entry],
                }),
            }
        }
        // A stable sort keeps the order of appearance among the named ones.
        categories.sort_by_key(|category| category.name.is_none());
        categories
    }
}

/// `www-authenticate` → `Www-Authenticate`, except the usual spellings of well-known names.
pub(crate) fn header_case(name: &str) -> String {
    match name {
        "www-authenticate" => return "WWW-Authenticate".to_owned(),
        "etag" => return "ETag".to_owned(),
        _ => {}
    }
    name.split('-')
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_doc_paragraphs() {
        let spec: &'static Spec = Box::leak(Box::new(
            Spec::new("X", 400, "T")
                .with_description("First line\nsecond line\n\nMore here.\n\nWhen: it rains\n"),
        ));
        let entry = Entry::new(spec);
        assert_eq!(entry.description(), Some("First line second line"));
        assert_eq!(entry.details(), ["More here."]);
        assert_eq!(entry.when(), Some("it rains"));
    }

    #[test]
    fn header_names() {
        assert_eq!(header_case("x-request-id"), "X-Request-Id");
        assert_eq!(header_case("www-authenticate"), "WWW-Authenticate");
    }
}
