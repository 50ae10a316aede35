//! OpenAPI 3.1 error responses from a [`Catalog`], as [utoipa](https://docs.rs/utoipa) objects
//! (feature `utoipa`).
//!
//! [`ErrorResponses`] turns the codes of a type (or of one handler) into one response per
//! status: codes that share a status are merged into a response whose description lists every
//! code and whose content has one example body per code, rendered by the chosen format. The
//! content's schema is the format's envelope ([`envelope_schema`]), inline or as a reference to a
//! component.
//!
//! ```
//! use apierr::ApiError;
//! use apierr::catalog::Catalog;
//! use apierr::format::Nested;
//! use apierr::openapi::ErrorResponses;
//!
//! #[derive(Debug, ApiError)]
//! enum AuthError {
//!     /// No authentication token provided
//!     #[api(code = "AUTH_MISSING", status = 401, message = "No authentication token provided")]
//!     Missing,
//!     /// Authentication token has expired
//!     #[api(code = "AUTH_EXPIRED", status = 401, message = "Authentication token has expired")]
//!     Expired,
//!     /// User lacks the required permission
//!     #[api(code = "PERMISSION_DENIED", status = 403, message = "User lacks the required permission")]
//!     Denied,
//! }
//!
//! let catalog = Catalog::of::<AuthError>().unwrap();
//! let docs = ErrorResponses::new(&catalog, &Nested).with_schema_ref("ApiErrorBody");
//! let responses = serde_json::to_value(docs.responses()).unwrap();
//! let unauthorized = &responses["401"]["content"]["application/json"];
//! assert_eq!(unauthorized["schema"], serde_json::json!({"$ref": "#/components/schemas/ApiErrorBody"}));
//! assert_eq!(
//!     unauthorized["examples"]["AUTH_EXPIRED"]["value"],
//!     serde_json::json!({"success": false, "error": {
//!         "code": "AUTH_EXPIRED", "message": "Authentication token has expired", "status": 401
//!     }})
//! );
//! assert_eq!(
//!     responses["401"]["description"],
//!     "Unauthorized. Codes:\n\n\
//!      - `AUTH_MISSING`: No authentication token provided\n\
//!      - `AUTH_EXPIRED`: Authentication token has expired"
//! );
//! assert!(responses["403"]["content"]["application/json"]["examples"]["PERMISSION_DENIED"].is_object());
//! ```

use std::fmt::Write as _;

use http::StatusCode;
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::path::{OperationBuilder, PathItem};
use utoipa::openapi::{
    Components, ContentBuilder, HeaderBuilder, HttpMethod, Info, ObjectBuilder, OpenApi,
    OpenApiBuilder, PathsBuilder, Ref, RefOr, Response, ResponseBuilder, Responses, Schema, Type,
};

use crate::ApiError;
use crate::catalog::{Catalog, Conflicts, Entry, header_case, json_schema};
use crate::format::{AnyFormat, Format, Layout};

/// The error responses of a catalogue in one format; see [the module docs](self).
pub struct ErrorResponses<'a, F> {
    catalog: &'a Catalog,
    format: &'a F,
    schema_ref: Option<String>,
}

impl<'a, F: Format> ErrorResponses<'a, F> {
    /// The responses of `catalog`'s codes, bodies in `format`, the schema inline.
    #[must_use]
    pub fn new(catalog: &'a Catalog, format: &'a F) -> Self {
        ErrorResponses {
            catalog,
            format,
            schema_ref: None,
        }
    }

    /// Refers to the envelope schema as `#/components/schemas/{name}` instead of repeating it
    /// in every response; [`components`](Self::components) or [`add_to`](Self::add_to) then
    /// supply it.
    #[must_use]
    pub fn with_schema_ref(mut self, name: impl Into<String>) -> Self {
        self.schema_ref = Some(name.into());
        self
    }

    /// The envelope schema of the format.
    #[must_use]
    pub fn schema(&self) -> Schema {
        envelope_schema(self.format)
    }

    /// The status `entry` is answered with in this format: the format's when it sets one
    /// ([`Layout::with_status`](crate::format::Layout::with_status)), else the code's.
    fn sent(&self, entry: &Entry) -> StatusCode {
        Format::layout(self.format)
            .status()
            .and_then(|status| StatusCode::from_u16(status).ok())
            .unwrap_or_else(|| entry.status())
    }

    /// The statuses that have a response, ascending.
    #[must_use]
    pub fn statuses(&self) -> Vec<StatusCode> {
        let mut statuses: Vec<StatusCode> = self
            .catalog
            .entries()
            .iter()
            .map(|entry| self.sent(entry))
            .collect();
        statuses.sort_unstable();
        statuses.dedup();
        statuses
    }

    /// The response for `status`: every code answered with it, an example body for each, and
    /// the headers any of them sends. `None` when no code has that status.
    #[must_use]
    pub fn response(&self, status: StatusCode) -> Option<Response> {
        let entries: Vec<&Entry> = self
            .catalog
            .entries()
            .iter()
            .filter(|entry| self.sent(entry) == status)
            .collect();
        if entries.is_empty() {
            return None;
        }
        let mut description = format!("{}. Codes:\n", status.canonical_reason().unwrap_or("Error"));
        for entry in &entries {
            // A code listed in several categories: a line for each, with its text there.
            let several = entry.listings().len() > 1;
            for listing in entry.listings() {
                let _ = write!(description, "\n- `{}`", entry.code());
                if several {
                    let heading = listing.category().unwrap_or(crate::catalog::UNCATEGORIZED);
                    let _ = write!(description, " ({heading})");
                }
                if let Some(text) = listing.description() {
                    let _ = write!(description, ": {text}");
                }
            }
        }
        let examples = entries.iter().filter_map(|entry| {
            let value = entry.example(self.format).ok()?;
            let mut example = ExampleBuilder::new().value(Some(value));
            if let Some(text) = entry.description() {
                example = example.summary(text);
            }
            Some((entry.code().to_owned(), example.build()))
        });
        let schema: RefOr<Schema> = match &self.schema_ref {
            Some(name) => Ref::from_schema_name(name.as_str()).into(),
            None => self.schema().into(),
        };
        let content = ContentBuilder::new()
            .schema(Some(schema))
            .examples_from_iter(examples)
            .build();
        let mut response = ResponseBuilder::new()
            .description(description)
            .content(self.format.content_type(), content);
        for (name, header) in headers(&entries, Format::layout(self.format)) {
            response = response.header(name, header);
        }
        Some(response.build())
    }

    /// One response per status, keyed by the status number.
    #[must_use]
    pub fn responses(&self) -> Responses {
        let mut responses = Responses::new();
        for status in self.statuses() {
            if let Some(response) = self.response(status) {
                responses
                    .responses
                    .insert(status.as_u16().to_string(), RefOr::T(response));
            }
        }
        responses
    }

    /// Components holding the envelope schema under the name given to
    /// [`with_schema_ref`](Self::with_schema_ref) (none without one).
    #[must_use]
    pub fn components(&self) -> Components {
        let mut components = Components::new();
        if let Some(name) = &self.schema_ref {
            components
                .schemas
                .insert(name.clone(), RefOr::T(self.schema()));
        }
        components
    }

    /// Adds the envelope schema to `openapi`'s components (with a schema reference), and these
    /// responses to every operation of `openapi` for the statuses it does not describe itself.
    pub fn add_to(&self, openapi: &mut OpenApi) {
        if let Some(name) = &self.schema_ref {
            openapi
                .components
                .get_or_insert_with(Components::new)
                .schemas
                .insert(name.clone(), RefOr::T(self.schema()));
        }
        let responses = self.responses();
        for item in openapi.paths.paths.values_mut() {
            for operation in [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.options,
                &mut item.head,
                &mut item.patch,
                &mut item.trace,
            ]
            .into_iter()
            .flatten()
            {
                for (status, response) in &responses.responses {
                    operation
                        .responses
                        .responses
                        .entry(status.clone())
                        .or_insert_with(|| response.clone());
                }
            }
        }
    }

    /// A whole OpenAPI 3.1 document with one operation, `GET {path}`, answering with these
    /// errors: to publish or validate the error catalogue on its own.
    #[must_use]
    pub fn document(&self, title: &str, version: &str, path: &str) -> OpenApi {
        let operation = OperationBuilder::new()
            .operation_id(Some("errors"))
            .responses(Responses::new())
            .build();
        let mut openapi = OpenApiBuilder::new()
            .info(Info::new(title, version))
            .paths(
                PathsBuilder::new()
                    .path(path, PathItem::new(HttpMethod::Get, operation))
                    .build(),
            )
            .build();
        self.add_to(&mut openapi);
        openapi
    }
}

/// The error responses of every code of `E`, bodies in `format`, schema inline.
///
/// # Errors
/// As [`Catalog::of`].
pub fn responses_for<E: ApiError, F: Format>(format: &F) -> Result<Responses, Conflicts> {
    let catalog = Catalog::of::<E>()?;
    Ok(ErrorResponses::new(&catalog, format).responses())
}

/// The headers the codes of one response send, with a schema and an example each.
fn headers(entries: &[&Entry], layout: &Layout<'_>) -> Vec<(String, utoipa::openapi::Header)> {
    let mut out: Vec<(String, Vec<&'static str>, Option<String>, Type)> = Vec::new();
    let mut add = |name: String, code: &'static str, example: Option<String>, ty: Type| match out
        .iter_mut()
        .find(|(n, ..)| n.eq_ignore_ascii_case(&name))
    {
        Some((_, codes, ..)) => codes.push(code),
        None => out.push((name, vec![code], example, ty)),
    };
    for entry in entries {
        let spec = entry.spec();
        if let Some(challenge) = spec.www_authenticate() {
            add(
                "WWW-Authenticate".to_owned(),
                spec.code(),
                Some(challenge.to_owned()),
                Type::String,
            );
        }
        for (name, value) in spec.headers() {
            add(
                header_case(name),
                spec.code(),
                Some((*value).to_owned()),
                Type::String,
            );
        }
        if spec.has_retry_after() {
            add("Retry-After".to_owned(), spec.code(), None, Type::Integer);
        }
        // The format's own headers, on every code.
        for header in layout.headers() {
            add(header_case(header.name()), spec.code(), None, Type::String);
        }
    }
    out.into_iter()
        .map(|(name, codes, example, ty)| {
            let codes = codes
                .iter()
                .map(|code| format!("`{code}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let description = if name == "Retry-After" {
                format!("Seconds to wait before retrying. Sent with {codes}.")
            } else {
                format!("Sent with {codes}.")
            };
            let header = HeaderBuilder::new()
                .schema(Some(ObjectBuilder::new().schema_type(ty)))
                .description(Some(description))
                .example(example.map(serde_json::Value::from))
                .build();
            (name, header)
        })
        .collect()
}

/// The JSON Schema (OpenAPI 3.1 dialect) of bodies in `format`: [`json_schema`] of its
/// layout, as a utoipa object.
///
/// ```
/// use apierr::openapi::envelope_schema;
///
/// let schema = serde_json::to_value(envelope_schema(&apierr::format::FieldStrings)).unwrap();
/// assert_eq!(schema["required"], serde_json::json!(["code", "message"]));
/// assert_eq!(schema["properties"]["fields"]["additionalProperties"], serde_json::json!({"type": "string"}));
/// ```
#[must_use]
pub fn envelope_schema(format: &dyn AnyFormat) -> Schema {
    // The schema is built from plain JSON objects of the kinds utoipa models, so reading it
    // cannot fail; an empty object schema (anything) stands in if it ever did.
    serde_json::from_value(json_schema(format.layout()))
        .unwrap_or_else(|_| Schema::Object(ObjectBuilder::new().build()))
}
