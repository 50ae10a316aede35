//! One code of a catalogue, and the way each of its categories lists it.

use serde_json::Value;

use crate::example::Example;
use crate::format::{AnyFormat, RenderError};
use crate::{Envelope, Spec};

/// One code of a [`Catalog`](super::Catalog): the same status and body shape wherever it is
/// declared, listed in one or more categories, each with its own text ([`Listing`]).
///
/// The methods that read a text (description, "when", details, the spec) answer for the first
/// category the code was gathered in; [`listings`](Self::listings) has every category's.
#[derive(Debug, Clone)]
pub struct Entry {
    /// At least one; in the order their categories were first gathered.
    pub(super) listings: Vec<Listing>,
    /// Every declaration but [`Entry::spec`], in the order gathered (while the catalogue is
    /// built, every declaration).
    pub(super) also: Vec<&'static Spec>,
}

/// One code as one category lists it: the declaration shown there, with its doc comment split
/// into description, details and "when".
#[derive(Debug, Clone)]
pub struct Listing {
    pub(super) spec: &'static Spec,
    /// Other declarations of the code in this category that agree with `spec`.
    pub(super) also: Vec<&'static Spec>,
    /// When it was gathered, among every listing of the catalogue: the order of the page.
    pub(super) order: usize,
    description: Option<String>,
    when: Option<String>,
    details: Vec<String>,
}

impl Listing {
    pub(super) fn new(spec: &'static Spec, order: usize) -> Self {
        let mut description = None;
        let mut when = None;
        let mut details = Vec::new();
        for (i, paragraph) in paragraphs(spec.doc().unwrap_or("")).enumerate() {
            if let Some(rest) = paragraph.strip_prefix("When:") {
                when = Some(rest.trim().to_owned());
            } else if i == 0 {
                description = Some(paragraph);
            } else {
                details.push(paragraph);
            }
        }
        Listing {
            spec,
            also: Vec::new(),
            order,
            description: description.or_else(|| undocumented(spec)),
            when,
            details,
        }
    }

    /// The declaration shown in this category: the first gathered, or the first with a doc
    /// comment.
    #[must_use]
    pub fn spec(&self) -> &'static Spec {
        self.spec
    }

    /// The category, or `None` for the codes that declare none.
    #[must_use]
    pub fn category(&self) -> Option<&'static str> {
        self.spec.category()
    }

    /// The first paragraph of the doc comment, its lines joined with spaces. Without one (no
    /// doc comment, or one that starts with `When:`), the text of the public message: the
    /// generic message of a redacted code, else the `message = "…"` template, else thiserror's
    /// `#[error("…")]`, as written (`{field}` placeholders are kept, so that the text says
    /// what varies); `None` when there is none of these.
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

    /// Other declarations of the code in this category that agree with this one (another
    /// type, or a second variant), in the order they were gathered.
    #[must_use]
    pub fn also_declared_by(&self) -> &[&'static Spec] {
        &self.also
    }
}

impl Entry {
    pub(super) fn new(spec: &'static Spec, order: usize) -> Self {
        Entry {
            listings: vec![Listing::new(spec, order)],
            also: vec![spec],
        }
    }

    fn first(&self) -> &Listing {
        &self.listings[0]
    }

    /// Every category the code is listed in, with its text there, in the order gathered.
    ///
    /// ```
    /// use apierr::ApiError;
    /// use apierr::catalog::Catalog;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(category = "Response Tiers")]
    /// enum TierError {
    ///     /// Missing or invalid auth
    ///     #[api(code = "UNAUTHORIZED", status = 401, message = "unauthorized")]
    ///     Unauthorized,
    /// }
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(category = "Authentication Errors")]
    /// enum KeyError {
    ///     /// General authentication failure
    ///     #[api(code = "UNAUTHORIZED", status = 401, message = "unauthorized")]
    ///     Unauthorized,
    /// }
    ///
    /// let catalog = Catalog::builder().with::<TierError>().with::<KeyError>().build().unwrap();
    /// assert_eq!(catalog.len(), 1);
    /// let texts: Vec<_> = catalog.entries()[0]
    ///     .listings()
    ///     .iter()
    ///     .map(|listing| (listing.category(), listing.description()))
    ///     .collect();
    /// assert_eq!(
    ///     texts,
    ///     [
    ///         (Some("Response Tiers"), Some("Missing or invalid auth")),
    ///         (Some("Authentication Errors"), Some("General authentication failure")),
    ///     ]
    /// );
    /// ```
    #[must_use]
    pub fn listings(&self) -> &[Listing] {
        &self.listings
    }

    /// How the category `category` (`None`: the codes without one) lists the code, if it does.
    #[must_use]
    pub fn listing(&self, category: Option<&str>) -> Option<&Listing> {
        self.listings
            .iter()
            .find(|listing| listing.category() == category)
    }

    /// The spec of the declaration shown in the first category.
    #[must_use]
    pub fn spec(&self) -> &'static Spec {
        self.first().spec
    }

    /// The code, such as `"AUTH_MISSING"`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.spec().code()
    }

    /// The HTTP status, the same in every category.
    #[must_use]
    pub fn status(&self) -> http::StatusCode {
        self.spec().status()
    }

    /// The first category, if it has a name.
    #[must_use]
    pub fn category(&self) -> Option<&'static str> {
        self.first().category()
    }

    /// The description in the first category; see [`Listing::description`].
    #[must_use]
    pub fn description(&self) -> Option<&str> {
        self.first().description()
    }

    /// The "when" in the first category; see [`Listing::when`].
    #[must_use]
    pub fn when(&self) -> Option<&str> {
        self.first().when()
    }

    /// The other paragraphs of the doc comment in the first category.
    #[must_use]
    pub fn details(&self) -> &[String] {
        self.first().details()
    }

    /// Every other declaration of the code, in any category (another type, or a second
    /// variant), in the order they were gathered.
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
        let example = Example::of(self.spec(), self.description());
        Envelope::from_dyn(&example).with_format(format).to_value()
    }
}

/// The description of a code without one in its doc comment: the public message's text. A
/// redacted code's public message is the generic one, whatever its `Display` or declared
/// message says; any other's is its `message = "…"` template, or else its `#[error("…")]`, as
/// written, `{field}` placeholders included.
fn undocumented(spec: &Spec) -> Option<String> {
    if spec.is_redacted() {
        let reason = spec.status().canonical_reason().unwrap_or("Error");
        return Some(spec.static_message().unwrap_or(reason).to_owned());
    }
    spec.message_template()
        .or(spec.display_template())
        .map(str::to_owned)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_doc_paragraphs() {
        let spec: &'static Spec = Box::leak(Box::new(
            Spec::new("X", 400, "T")
                .with_doc("First line\nsecond line\n\nMore here.\n\nWhen: it rains\n"),
        ));
        let entry = Entry::new(spec, 0);
        assert_eq!(entry.description(), Some("First line second line"));
        assert_eq!(entry.details(), ["More here."]);
        assert_eq!(entry.when(), Some("it rains"));
    }
}
