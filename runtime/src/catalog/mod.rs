//! The error catalogue: every code of an application's error types, checked and rendered.
//!
//! Error-code documentation pages drift from the code when they are written by hand. A
//! [`Catalog`] gathers the [`Spec`](crate::Spec) of every code of one or more
//! `#[derive(ApiError)]` types, refuses a code declared twice with different statuses or body
//! shapes (see [`CatalogBuilder::build`]), lists a code declared in several categories in each,
//! with its text there, and renders the
//! result as Markdown (the layout of a typical "Error Codes" page), JSON, or TypeScript for
//! clients that switch on codes. With the `utoipa` feature, `apierr::openapi` turns it into
//! OpenAPI responses.
//!
//! A code's documentation is its variant's `///` comment: the first paragraph is the
//! description, and a paragraph starting with `When:` says when the code is returned. A code
//! without a doc comment is described by its public message as written: its `message = "…"`,
//! or else its `#[error("…")]`, `{field}` placeholders kept; a redacted code (a 5xx showing its
//! `Display`) by the generic message its clients get, never by its internal text.
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

use crate::ApiError;

mod build;
mod entry;
mod json;
mod markdown;
mod schema;
mod typescript;

pub use build::{CatalogBuilder, Conflict, Conflicts, UnknownCodes};
pub use entry::{Entry, Listing};
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

/// A checked list of error codes, ready to render; see [the module docs](self).
#[derive(Debug, Clone)]
pub struct Catalog {
    entries: Vec<Entry>,
    title: Cow<'static, str>,
    name: Cow<'static, str>,
}

/// The codes of one category, in the order they were gathered, each with its text there.
#[derive(Debug, Clone)]
pub struct Category<'a> {
    name: Option<&'static str>,
    entries: Vec<&'a Entry>,
    listings: Vec<&'a Listing>,
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

    /// The codes as this category lists them, with its texts: the listing of each of
    /// [`entries`](Self::entries), in the same order.
    #[must_use]
    pub fn listings(&self) -> &[&'a Listing] {
        &self.listings
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

    /// How many distinct codes there are (a code listed in several categories counts once).
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
    /// without one last; in each, its codes in the order they were gathered. A code listed in
    /// several categories is in each, with that category's text.
    #[must_use]
    pub fn categories(&self) -> Vec<Category<'_>> {
        let mut listed: Vec<(&Entry, &Listing)> = self
            .entries
            .iter()
            .flat_map(|entry| entry.listings.iter().map(move |listing| (entry, listing)))
            .collect();
        listed.sort_by_key(|(_, listing)| listing.order);
        let mut categories: Vec<Category<'_>> = Vec::new();
        for (entry, listing) in listed {
            let name = listing.category();
            match categories.iter_mut().find(|category| category.name == name) {
                Some(category) => {
                    category.entries.push(entry);
                    category.listings.push(listing);
                }
                None => categories.push(Category {
                    name,
                    entries: vec![entry],
                    listings: vec![listing],
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
    fn header_names() {
        assert_eq!(header_case("x-request-id"), "X-Request-Id");
        assert_eq!(header_case("www-authenticate"), "WWW-Authenticate");
    }
}
