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
use std::fmt::{self, Write as _};

use serde_json::{Map, Value, json};

use crate::example::{Example, problem_details_layout};
use crate::format::{
    AnyFormat, FieldLists, FieldStrings, FlatDetails, Nested, ProblemDetails, RenderError,
    StatusEnvelope,
};
use crate::{ApiError, Envelope, Spec};

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

/// The same code declared twice with a different status or description.
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
            )?;
            if a.description() != b.description() {
                f.write_str(", and different descriptions")?;
            }
            Ok(())
        } else {
            write!(
                f,
                "code `{}` is described as {:?} in `{}` but as {:?} in `{}`",
                a.code(),
                a.description().unwrap_or(""),
                Declared(a),
                b.description().unwrap_or(""),
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
    /// A spec reached twice (a type gathered twice, or through a `transparent` variant) counts
    /// once, as does a code declared again with the same status and description. A code
    /// declared again with a different status, or a different description where both have one,
    /// is a [`Conflict`].
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
    ///      - code `NOT_FOUND` has status 404 in `OrderError::Missing` but 410 in `KeyError::Gone`, \
    ///      and different descriptions"
    /// );
    /// ```
    pub fn build(self) -> Result<Catalog, Conflicts> {
        let mut entries: Vec<Entry> = Vec::new();
        let mut conflicts = Vec::new();
        for spec in self.specs {
            match entries.iter_mut().find(|entry| entry.code() == spec.code()) {
                None => entries.push(Entry::new(spec)),
                Some(entry) => {
                    let first = entry.spec;
                    if first == spec || entry.also.contains(&spec) {
                        continue;
                    }
                    let status_differs = first.status() != spec.status();
                    let description_differs = matches!(
                        (first.description(), spec.description()),
                        (Some(a), Some(b)) if a.trim() != b.trim()
                    );
                    if status_differs || description_differs {
                        conflicts.push(Conflict {
                            first,
                            second: spec,
                        });
                    } else if first.description().is_none() && spec.description().is_some() {
                        // The documented declaration is the one worth rendering.
                        let also = std::mem::take(&mut entry.also);
                        *entry = Entry::new(spec);
                        entry.also = also;
                        entry.also.push(first);
                    } else {
                        entry.also.push(spec);
                    }
                }
            }
        }
        if !conflicts.is_empty() {
            return Err(Conflicts(conflicts));
        }
        Ok(Catalog {
            entries,
            title: self.title.unwrap_or(Cow::Borrowed(DEFAULT_TITLE)),
            name: self.name.unwrap_or(Cow::Borrowed(DEFAULT_NAME)),
        })
    }
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

    /// The same catalogue restricted to `codes`; unknown ones are ignored.
    #[must_use]
    pub fn only(&self, codes: &[&str]) -> Catalog {
        self.filter(|entry| codes.contains(&entry.code()))
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

    /// The catalogue as a Markdown page: the title, a count, then per category a `##` heading
    /// with its count and per code a `###` heading with code and status, the description,
    /// further paragraphs, `When: …`, and the headers and field errors it carries.
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
                category.entries.len()
            );
            for entry in &category.entries {
                let _ = write!(
                    out,
                    "\n### `{}` {}\n",
                    entry.code(),
                    entry.status().as_u16()
                );
                for paragraph in entry
                    .description()
                    .into_iter()
                    .chain(entry.details().iter().map(String::as_str))
                {
                    let _ = write!(out, "\n{paragraph}\n");
                }
                if let Some(when) = entry.when() {
                    let _ = write!(out, "\nWhen: {when}\n");
                }
                let headers = header_list(entry.spec());
                if !headers.is_empty() {
                    let _ = write!(out, "\nHeaders: {}\n", headers.join(", "));
                }
                if entry.spec().has_field_errors() {
                    out.push_str("\nCarries field errors.\n");
                }
            }
        }
        out
    }

    /// The catalogue as JSON:
    /// `{"title","categories":[{"name","count","codes"}],"codes":[{…}]}`, each code with
    /// `code`, `status`, `category`, `description`, `when`, `details`, `message` (the fixed
    /// public message), `messageTemplate`, `title`, `problemType`, `fieldErrors`, `headers`
    /// (name → value; `null` for `Retry-After`, whose value varies), `type` and `variant`.
    /// Absent values are `null`.
    ///
    /// ```
    /// use apierr::ApiError;
    /// use apierr::catalog::Catalog;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(category = "Auth")]
    /// enum AuthError {
    ///     /// No token
    ///     #[api(code = "AUTH_MISSING", status = 401, message = "missing", www_authenticate = "Bearer")]
    ///     Missing,
    /// }
    ///
    /// let json = Catalog::of::<AuthError>().unwrap().to_json();
    /// assert_eq!(json["categories"], serde_json::json!([{"name": "Auth", "count": 1, "codes": ["AUTH_MISSING"]}]));
    /// assert_eq!(json["codes"][0]["status"], 401);
    /// assert_eq!(json["codes"][0]["headers"], serde_json::json!({"www-authenticate": "Bearer"}));
    /// ```
    #[must_use]
    pub fn to_json(&self) -> Value {
        let categories: Vec<Value> = self
            .categories()
            .iter()
            .map(|category| {
                json!({
                    "name": category.name(),
                    "count": category.entries().len(),
                    "codes": category.entries().iter().map(|e| e.code()).collect::<Vec<_>>(),
                })
            })
            .collect();
        let codes: Vec<Value> = self
            .entries
            .iter()
            .map(|entry| {
                let spec = entry.spec();
                let mut headers = Map::new();
                if let Some(challenge) = spec.www_authenticate() {
                    headers.insert("www-authenticate".into(), challenge.into());
                }
                for (name, value) in spec.headers() {
                    headers.insert((*name).into(), (*value).into());
                }
                if spec.has_retry_after() {
                    headers.insert("retry-after".into(), Value::Null);
                }
                json!({
                    "code": spec.code(),
                    "status": spec.status().as_u16(),
                    "category": spec.category(),
                    "description": entry.description(),
                    "when": entry.when(),
                    "details": entry.details(),
                    "message": spec.static_message(),
                    "messageTemplate": spec.message_template(),
                    "title": spec.title(),
                    "problemType": spec.problem_type(),
                    "fieldErrors": spec.has_field_errors(),
                    "headers": headers,
                    "type": spec.type_name(),
                    "variant": spec.variant(),
                })
            })
            .collect();
        json!({"title": self.title, "categories": categories, "codes": codes})
    }

    /// TypeScript for clients: a union of the codes (`{name}Code`), a code → status map
    /// (`{NAME}_STATUS`), a type guard (`is{name}Code`) and the interface of bodies in
    /// `format` (`{name}Body`, generic over the code type). It type-checks with
    /// `tsc --strict`.
    ///
    /// ```
    /// use apierr::ApiError;
    /// use apierr::catalog::Catalog;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum AuthError {
    ///     /// No token
    ///     #[api(code = "AUTH_MISSING", status = 401, message = "missing")]
    ///     Missing,
    /// }
    ///
    /// let ts = Catalog::of::<AuthError>().unwrap().to_typescript(&apierr::format::FieldStrings);
    /// assert!(ts.contains("export type ApiErrorCode =\n  | \"AUTH_MISSING\";\n"));
    /// assert!(ts.contains(
    ///     "export const API_ERROR_STATUS: Record<ApiErrorCode, number> = {\n  \
    ///        /** No token */\n  \
    ///        \"AUTH_MISSING\": 401,\n\
    ///      };\n"
    /// ));
    /// assert!(ts.contains(
    ///     "export interface ApiErrorBody<C extends string = ApiErrorCode> {\n  \
    ///        /** Machine-readable error code. */\n  \
    ///        code: C;\n"
    /// ));
    /// ```
    #[must_use]
    pub fn to_typescript(&self, format: &dyn Describe) -> String {
        let mut out = self.typescript_codes();
        out.push('\n');
        out.push_str(
            &format
                .shape()
                .to_typescript(&format!("{}Body", self.name), &format!("{}Code", self.name)),
        );
        out
    }

    /// [`to_typescript`](Self::to_typescript) for a format that does not implement
    /// [`Describe`]: `interface` is appended as written.
    #[must_use]
    pub fn to_typescript_with(&self, interface: &str) -> String {
        let mut out = self.typescript_codes();
        out.push('\n');
        out.push_str(interface);
        if !interface.ends_with('\n') {
            out.push('\n');
        }
        out
    }

    fn typescript_codes(&self) -> String {
        let name = &self.name;
        let constant = screaming(name);
        let mut out = String::new();
        out.push_str("// Generated by apierr from the server's error types. Do not edit.\n\n");
        let _ = writeln!(out, "/** Every error code the API answers with. */");
        if self.entries.is_empty() {
            let _ = writeln!(out, "export type {name}Code = never;");
        } else {
            let _ = writeln!(out, "export type {name}Code =");
            for (i, entry) in self.entries.iter().enumerate() {
                let _ = write!(out, "  | {}", ts_string(entry.code()));
                out.push_str(if i + 1 == self.entries.len() {
                    ";\n"
                } else {
                    "\n"
                });
            }
        }
        let _ = writeln!(
            out,
            "\n/** The HTTP status each code is answered with. */\n\
             export const {constant}_STATUS: Record<{name}Code, number> = {{"
        );
        for entry in &self.entries {
            if let Some(description) = entry.description() {
                let _ = writeln!(out, "  /** {} */", ts_comment(description));
            }
            let _ = writeln!(
                out,
                "  {}: {},",
                ts_string(entry.code()),
                entry.status().as_u16()
            );
        }
        out.push_str("};\n");
        let _ = writeln!(
            out,
            "\n/** Whether `code` is one this version of the client knows. */\n\
             export function is{name}Code(code: string): code is {name}Code {{\n  \
             return Object.prototype.hasOwnProperty.call({constant}_STATUS, code);\n}}"
        );
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

/// `ApiError` → `API_ERROR`.
fn screaming(name: &str) -> String {
    let mut out = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if c.is_ascii_uppercase() && previous_lower {
            out.push('_');
        }
        previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        out.push(c.to_ascii_uppercase());
    }
    out
}

/// A TypeScript string literal: JSON's escaping is valid there.
fn ts_string(text: &str) -> String {
    Value::from(text).to_string()
}

/// Text that cannot close the comment it is put in.
fn ts_comment(text: &str) -> String {
    text.replace("*/", "*\\/")
}

/// What a member of a body holds; see [`Shape`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Kind {
    /// The error code (typed as the code union in TypeScript).
    Code,
    /// Any string.
    String,
    /// An RFC 3339 timestamp, as a string.
    Timestamp,
    /// An HTTP status, as an integer.
    Status,
    /// The literal `false`.
    False,
    /// Field errors as `{"path": ["message", …]}`.
    FieldLists,
    /// Field errors as `{"path": "message"}`.
    FieldStrings,
    /// Field errors as `[{"type": "field", "path", "msg"}]`.
    FieldItems,
    /// Field errors as `[{"detail", "pointer"}]`.
    FieldPointers,
    /// A nested object.
    Object(Shape),
}

/// One member of a [`Shape`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapeMember {
    name: String,
    kind: Kind,
    required: bool,
    doc: String,
}

impl ShapeMember {
    /// The member's name in the body.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// What it holds.
    #[must_use]
    pub fn kind(&self) -> &Kind {
        &self.kind
    }

    /// Whether every body has it.
    #[must_use]
    pub fn is_required(&self) -> bool {
        self.required
    }

    /// What it means, for documentation.
    #[must_use]
    pub fn doc(&self) -> &str {
        &self.doc
    }
}

/// The JSON shape of an error body (or of an object in it), from which TypeScript interfaces
/// and OpenAPI schemas are generated.
///
/// ```
/// use apierr::catalog::{Kind, Shape};
///
/// let shape = Shape::new()
///     .required("code", Kind::Code, "The error code.")
///     .optional("hint", Kind::String, "What to try next.");
/// assert_eq!(
///     shape.to_typescript("LegacyBody", "ApiErrorCode"),
///     "/** An error body. */\n\
///      export interface LegacyBody<C extends string = ApiErrorCode> {\n  \
///        /** The error code. */\n  \
///        code: C;\n  \
///        /** What to try next. */\n  \
///        hint?: string;\n\
///      }\n"
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shape {
    members: Vec<ShapeMember>,
    extensible: bool,
}

impl Shape {
    /// An object with no members yet.
    #[must_use]
    pub fn new() -> Self {
        Shape::default()
    }

    /// Adds a member every body has.
    #[must_use]
    pub fn required(mut self, name: impl Into<String>, kind: Kind, doc: impl Into<String>) -> Self {
        self.members.push(ShapeMember {
            name: name.into(),
            kind,
            required: true,
            doc: doc.into(),
        });
        self
    }

    /// Adds a member some bodies have.
    #[must_use]
    pub fn optional(mut self, name: impl Into<String>, kind: Kind, doc: impl Into<String>) -> Self {
        self.members.push(ShapeMember {
            name: name.into(),
            kind,
            required: false,
            doc: doc.into(),
        });
        self
    }

    /// Marks an object where extension members (`#[api(member)]`) may appear.
    #[must_use]
    pub fn extensible(mut self) -> Self {
        self.extensible = true;
        self
    }

    /// The members, in order.
    #[must_use]
    pub fn members(&self) -> &[ShapeMember] {
        &self.members
    }

    /// Whether extension members may appear.
    #[must_use]
    pub fn is_extensible(&self) -> bool {
        self.extensible
    }

    /// An exported TypeScript interface `name<C extends string = code_type>`, where `C` is the
    /// type of [`Kind::Code`] members.
    #[must_use]
    pub fn to_typescript(&self, name: &str, code_type: &str) -> String {
        let mut out = format!(
            "/** An error body. */\nexport interface {name}<C extends string = {code_type}> "
        );
        self.write_ts_object(&mut out, 0);
        out.push('\n');
        out
    }

    fn write_ts_object(&self, out: &mut String, depth: usize) {
        let indent = "  ".repeat(depth + 1);
        out.push_str("{\n");
        for member in &self.members {
            if !member.doc.is_empty() {
                let _ = writeln!(out, "{indent}/** {} */", ts_comment(&member.doc));
            }
            let name = if is_ts_identifier(&member.name) {
                member.name.clone()
            } else {
                ts_string(&member.name)
            };
            let _ = write!(
                out,
                "{indent}{name}{}: ",
                if member.required { "" } else { "?" }
            );
            match &member.kind {
                Kind::Code => out.push('C'),
                Kind::String | Kind::Timestamp => out.push_str("string"),
                Kind::Status => out.push_str("number"),
                Kind::False => out.push_str("false"),
                Kind::FieldLists => out.push_str("Record<string, string[]>"),
                Kind::FieldStrings => out.push_str("Record<string, string>"),
                Kind::FieldItems => {
                    out.push_str("Array<{ type: \"field\"; path: string; msg: string }>");
                }
                Kind::FieldPointers => out.push_str("Array<{ detail: string; pointer: string }>"),
                Kind::Object(shape) => shape.write_ts_object(out, depth + 1),
            }
            out.push_str(";\n");
        }
        if self.extensible {
            let _ = writeln!(out, "{indent}/** Extension members. */");
            let _ = writeln!(out, "{indent}[member: string]: unknown;");
        }
        out.push_str(&"  ".repeat(depth));
        out.push('}');
    }
}

fn is_ts_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// A format that can describe the shape of its bodies, for generated TypeScript and OpenAPI.
///
/// Every built-in format implements it; implement it for a format of your own to use
/// [`Catalog::to_typescript`] and the OpenAPI helpers with it.
///
/// ```
/// use apierr::catalog::{Describe, Kind};
///
/// let shape = apierr::format::Nested.shape();
/// assert_eq!(shape.members()[0].name(), "success");
/// assert_eq!(shape.members()[0].kind(), &Kind::False);
/// ```
pub trait Describe {
    /// The shape of every body in this format.
    fn shape(&self) -> Shape;
}

impl<T: Describe + ?Sized> Describe for &T {
    fn shape(&self) -> Shape {
        (**self).shape()
    }
}

const CODE_DOC: &str = "Machine-readable error code.";
const MESSAGE_DOC: &str = "Human-readable message, safe to show.";

impl Describe for Nested {
    fn shape(&self) -> Shape {
        let inner = Shape::new()
            .required("code", Kind::Code, CODE_DOC)
            .required("message", Kind::String, MESSAGE_DOC)
            .required("status", Kind::Status, "HTTP status.")
            .optional(
                "fields",
                Kind::FieldLists,
                "Field errors: dotted path to messages.",
            )
            .extensible();
        Shape::new()
            .required("success", Kind::False, "Always false.")
            .required("error", Kind::Object(inner), "The error.")
    }
}

impl Describe for FieldLists {
    fn shape(&self) -> Shape {
        Shape::new()
            .required("code", Kind::Code, CODE_DOC)
            .required("message", Kind::String, MESSAGE_DOC)
            .optional(
                "errors",
                Kind::FieldLists,
                "Field errors: dotted path to messages.",
            )
            .optional(
                "correlationId",
                Kind::String,
                "Request tracking id for debugging.",
            )
            .extensible()
    }
}

impl Describe for FieldStrings {
    fn shape(&self) -> Shape {
        Shape::new()
            .required("code", Kind::Code, CODE_DOC)
            .required("message", Kind::String, MESSAGE_DOC)
            .optional(
                "fields",
                Kind::FieldStrings,
                "Field errors: dotted path to message (several joined with \"; \").",
            )
            .extensible()
    }
}

impl Describe for FlatDetails {
    fn shape(&self) -> Shape {
        Shape::new()
            .required("success", Kind::False, "Always false.")
            .required("error", Kind::String, MESSAGE_DOC)
            .required("code", Kind::Code, CODE_DOC)
            .optional(
                "details",
                Kind::FieldStrings,
                "Field errors: dotted path to message (several joined with \"; \").",
            )
            .extensible()
    }
}

impl Describe for StatusEnvelope {
    fn shape(&self) -> Shape {
        Shape::new()
            .required("success", Kind::False, "Always false.")
            .optional(
                "message",
                Kind::String,
                "Human-readable message; absent when it would only repeat `error`.",
            )
            .required(
                "error",
                Kind::String,
                "The code's category, or the status's reason phrase.",
            )
            .required("statusCode", Kind::Status, "HTTP status.")
            .optional("timestamp", Kind::Timestamp, "When the error happened.")
            .optional("path", Kind::String, "The request path.")
            .optional("method", Kind::String, "The request method.")
            .optional("data", Kind::FieldItems, "Field errors.")
            .optional("stack", Kind::String, "Debug detail, never in production.")
            .extensible()
    }
}

impl Describe for ProblemDetails {
    fn shape(&self) -> Shape {
        let (code_member, status) = problem_details_layout(self);
        let mut shape = Shape::new()
            .required(
                "type",
                Kind::String,
                "URI reference identifying the problem type.",
            )
            .required("title", Kind::String, "Short summary of the problem type.");
        shape = if status {
            shape.required("status", Kind::Status, "HTTP status.")
        } else {
            shape.optional("status", Kind::Status, "HTTP status.")
        };
        shape = shape
            .optional(
                "detail",
                Kind::String,
                "Explanation of this occurrence; absent when it repeats `title`.",
            )
            .optional(
                "instance",
                Kind::String,
                "URI reference of this occurrence.",
            );
        if let Some(member) = code_member {
            shape = shape.required(member, Kind::Code, CODE_DOC);
        }
        shape
            .optional(
                "errors",
                Kind::FieldPointers,
                "Field errors, located by JSON Pointer.",
            )
            .extensible()
    }
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
    fn names_and_headers() {
        assert_eq!(screaming("ApiError"), "API_ERROR");
        assert_eq!(screaming("Auth2Fa"), "AUTH2_FA");
        assert_eq!(header_case("x-request-id"), "X-Request-Id");
        assert_eq!(header_case("www-authenticate"), "WWW-Authenticate");
        assert!(is_ts_identifier("correlationId"));
        assert!(!is_ts_identifier("a-b"));
        assert_eq!(ts_comment("a */ b"), "a *\\/ b");
    }

    #[test]
    fn problem_details_layout_follows_settings() {
        assert_eq!(
            problem_details_layout(&ProblemDetails::new()),
            (Some("code".to_owned()), true)
        );
        assert_eq!(
            problem_details_layout(
                &ProblemDetails::new()
                    .with_code_member(Some("errorCode"))
                    .without_status()
            ),
            (Some("errorCode".to_owned()), false)
        );
        assert_eq!(
            problem_details_layout(&ProblemDetails::new().with_code_member(None)),
            (None, true)
        );
    }
}
