//! Gathering the codes of several types, and the check that each code means one thing.

use std::borrow::Cow;
use std::fmt;

use super::{Catalog, DEFAULT_NAME, DEFAULT_TITLE, Entry, Listing};
use crate::{ApiError, Spec};

/// The same code declared twice in ways one code cannot be: with different statuses, one
/// carrying field errors and the other not, or two different doc comments in one category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    first: &'static Spec,
    second: &'static Spec,
}

impl Conflict {
    /// The code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.first.code()
    }

    /// The declaration gathered first.
    #[must_use]
    pub fn first(&self) -> &'static Spec {
        self.first
    }

    /// The declaration that disagrees with it.
    #[must_use]
    pub fn second(&self) -> &'static Spec {
        self.second
    }
}

/// `Type::Variant`, or `Type` for a struct.
struct Declared<'a>(&'a Spec);

impl fmt::Display for Declared<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.type_name())?;
        if let Some(variant) = self.0.variant() {
            write!(f, "::{variant}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b) = (self.first, self.second);
        if a.status() != b.status() {
            write!(
                f,
                "code `{}` has status {} in `{}` but {} in `{}`",
                a.code(),
                a.status().as_u16(),
                Declared(a),
                b.status().as_u16(),
                Declared(b),
            )
        } else if a.has_field_errors() != b.has_field_errors() {
            let (with, without) = if a.has_field_errors() { (a, b) } else { (b, a) };
            write!(
                f,
                "code `{}` carries field errors in `{}` but not in `{}`",
                a.code(),
                Declared(with),
                Declared(without),
            )
        } else {
            write!(
                f,
                "code `{}` is documented as {:?} in `{}` but as {:?} in `{}`, in the same category",
                a.code(),
                a.doc().unwrap_or(""),
                Declared(a),
                b.doc().unwrap_or(""),
                Declared(b),
            )
        }
    }
}

/// Every [`Conflict`] found by [`CatalogBuilder::build`]; its message lists them all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflicts(Vec<Conflict>);

impl Conflicts {
    /// The conflicts, in the order the second declarations were gathered.
    #[must_use]
    pub fn conflicts(&self) -> &[Conflict] {
        &self.0
    }
}

impl fmt::Display for Conflicts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        write!(
            f,
            "{n} conflicting error code declaration{}:",
            if n == 1 { "" } else { "s" }
        )?;
        for conflict in &self.0 {
            write!(f, "\n  - {conflict}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Conflicts {}

/// The codes given to [`Catalog::only`](super::Catalog::only) that the catalogue does not
/// have: a misspelt code would otherwise drop out of the documentation unnoticed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCodes(pub(super) Vec<String>);

impl UnknownCodes {
    /// The unknown codes, in the order they were given.
    #[must_use]
    pub fn codes(&self) -> &[String] {
        &self.0
    }
}

impl fmt::Display for UnknownCodes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not in the catalogue: ")?;
        for (i, code) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "`{code}`")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownCodes {}

/// Gathers the specs of several error types; [`build`](Self::build) checks them.
#[derive(Debug, Clone, Default)]
pub struct CatalogBuilder {
    specs: Vec<&'static Spec>,
    title: Option<Cow<'static, str>>,
    name: Option<Cow<'static, str>>,
}

impl CatalogBuilder {
    /// Adds every code of `E`, `transparent` variants' inner codes included.
    #[must_use]
    pub fn with<E: ApiError>(mut self) -> Self {
        self.add::<E>();
        self
    }

    /// [`with`](Self::with) without moving the builder.
    pub fn add<E: ApiError>(&mut self) -> &mut Self {
        E::catalog(&mut |spec| self.specs.push(spec));
        self
    }

    /// Adds one code, such as `MyError::NotFound.spec()`: for a handler's own list of codes.
    #[must_use]
    pub fn with_spec(mut self, spec: &'static Spec) -> Self {
        self.specs.push(spec);
        self
    }

    /// The Markdown heading; [`DEFAULT_TITLE`] if not set.
    #[must_use]
    pub fn title(mut self, title: impl Into<Cow<'static, str>>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// The base of the TypeScript names (`{name}Code`, `{NAME}_STATUS`, `{name}Body`), an
    /// identifier in `PascalCase`; [`DEFAULT_NAME`] if not set.
    #[must_use]
    pub fn name(mut self, name: impl Into<Cow<'static, str>>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Checks the gathered codes and builds the catalogue.
    ///
    /// A code is one status and one body shape: declared again with a different status, or
    /// with field errors where the first has none (or the reverse), it is a [`Conflict`]. Its
    /// text may differ from one category to another (`#[api(category = "…")]`): a code listed
    /// in several categories, as in a page with a table of response tiers and one of
    /// authentication errors, is one entry with a [`Listing`] per category, each with its own
    /// doc comment. In one category it has one text: two declarations there whose doc comments
    /// differ (compared whole, trimmed) are a conflict; one without a doc comment agrees with
    /// any, and the documented one is shown. A spec reached twice (a type gathered twice, or
    /// through a `transparent` variant) counts once.
    ///
    /// # Errors
    /// [`Conflicts`], listing every conflict.
    ///
    /// ```
    /// use apierr::ApiError;
    /// use apierr::catalog::Catalog;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum OrderError {
    ///     /// Resource not found
    ///     #[api(code = "NOT_FOUND", status = 404, message = "not found")]
    ///     Missing,
    /// }
    ///
    /// #[derive(Debug, ApiError)]
    /// enum KeyError {
    ///     /// API key does not exist
    ///     #[api(code = "NOT_FOUND", status = 410, message = "gone")]
    ///     Gone,
    /// }
    ///
    /// let error = Catalog::builder().with::<OrderError>().with::<KeyError>().build().unwrap_err();
    /// assert_eq!(
    ///     error.to_string(),
    ///     "1 conflicting error code declaration:\n  \
    ///      - code `NOT_FOUND` has status 404 in `OrderError::Missing` but 410 in `KeyError::Gone`"
    /// );
    /// ```
    pub fn build(self) -> Result<Catalog, Conflicts> {
        let (catalog, conflicts) = self.gather();
        if conflicts.is_empty() {
            Ok(catalog)
        } else {
            Err(Conflicts(conflicts))
        }
    }

    /// The catalogue with each conflicting code as it was first declared: for documentation
    /// that cannot report an error (a derived `utoipa::IntoResponses`). A test that calls
    /// [`build`](Self::build) is where conflicts are caught.
    #[cfg(feature = "utoipa")]
    pub(crate) fn build_first_declared(self) -> Catalog {
        self.gather().0
    }

    fn gather(self) -> (Catalog, Vec<Conflict>) {
        let mut entries: Vec<Entry> = Vec::new();
        let mut conflicts = Vec::new();
        let mut order = 0;
        // Until the end, each entry's `also` holds every declaration accepted, in order.
        for spec in self.specs {
            let Some(entry) = entries.iter_mut().find(|entry| entry.code() == spec.code()) else {
                entries.push(Entry::new(spec, order));
                order += 1;
                continue;
            };
            let seen = entry
                .listings
                .iter()
                .any(|listing| listing.spec == spec || listing.also.contains(&spec));
            if seen {
                continue;
            }
            let first = entry.spec();
            if first.status() != spec.status()
                || first.has_field_errors() != spec.has_field_errors()
            {
                conflicts.push(Conflict {
                    first,
                    second: spec,
                });
                continue;
            }
            let Some(listing) = entry
                .listings
                .iter_mut()
                .find(|listing| listing.category() == spec.category())
            else {
                entry.listings.push(Listing::new(spec, order));
                entry.also.push(spec);
                order += 1;
                continue;
            };
            let shown = listing.spec;
            match (shown.doc(), spec.doc()) {
                (Some(a), Some(b)) if a.trim() != b.trim() => conflicts.push(Conflict {
                    first: shown,
                    second: spec,
                }),
                (None, Some(_)) => {
                    // The documented declaration is the one worth rendering, in the place of
                    // the first.
                    let mut also = std::mem::take(&mut listing.also);
                    also.insert(0, shown);
                    *listing = Listing::new(spec, listing.order);
                    listing.also = also;
                    entry.also.push(spec);
                }
                _ => {
                    listing.also.push(spec);
                    entry.also.push(spec);
                }
            }
        }
        for entry in &mut entries {
            let shown = entry.spec();
            entry.also.retain(|spec| *spec != shown);
        }
        let catalog = Catalog {
            entries,
            title: self.title.unwrap_or(Cow::Borrowed(DEFAULT_TITLE)),
            name: self.name.unwrap_or(Cow::Borrowed(DEFAULT_NAME)),
        };
        (catalog, conflicts)
    }
}
