//! [`ErrorResponses`]: the responses of a catalogue's codes in one format.

use std::fmt::Write as _;

use http::StatusCode;
use serde_json::Value;
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::path::{OperationBuilder, PathItem};
use utoipa::openapi::schema::AllOfBuilder;
use utoipa::openapi::{
    Components, ContentBuilder, HttpMethod, Info, ObjectBuilder, OpenApi, OpenApiBuilder,
    PathsBuilder, Ref, RefOr, Response, ResponseBuilder, Responses, Schema,
};

use super::headers::headers;
use crate::catalog::{Catalog, Entry, code_constraint, json_schema_of};
use crate::format::{AnyFormat, RenderError};
use crate::{ApiError, Envelope, Spec};

/// The error responses of a catalogue in one format; see [the module docs](super).
pub struct ErrorResponses<'a> {
    catalog: &'a Catalog,
    format: &'a dyn AnyFormat,
    schema_ref: Option<String>,
    /// Bodies of real errors, by code, used as the examples of their codes.
    examples: Vec<(&'static str, Value)>,
}

impl<'a> ErrorResponses<'a> {
    /// The responses of `catalog`'s codes, bodies in `format`, the schema inline.
    #[must_use]
    pub fn new(catalog: &'a Catalog, format: &'a dyn AnyFormat) -> Self {
        ErrorResponses {
            catalog,
            format,
            schema_ref: None,
            examples: Vec::new(),
        }
    }

    /// Refers to the envelope schema as `#/components/schemas/{name}` instead of repeating it
    /// in every response; [`components`](Self::components) or [`add_to`](Self::add_to) then
    /// supply it. Each response still says which codes it holds, with an `allOf` of the
    /// reference and an `enum` of its codes.
    #[must_use]
    pub fn with_schema_ref(mut self, name: impl Into<String>) -> Self {
        self.schema_ref = Some(name.into());
        self
    }

    /// Uses the bodies of these errors as the examples of their codes, instead of the bodies
    /// built from the codes' declarations: a real value has its extension members
    /// (`#[api(member)]`) and its own message, which a declaration alone cannot give (a message
    /// written by `Display` from fields, say). The first error of a code is its example;
    /// errors of codes outside the catalogue are ignored, so one list can serve every handler.
    ///
    /// # Errors
    /// When an error's body cannot be rendered (an extension member whose `Serialize` fails).
    ///
    /// ```
    /// use apierr::ApiError;
    /// use apierr::catalog::Catalog;
    /// use apierr::format::Nested;
    /// use apierr::openapi::ErrorResponses;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum LoginError {
    ///     /// Too many failed logins
    ///     #[api(code = "ACCOUNT_LOCKED", status = 403, message = "account locked")]
    ///     Locked {
    ///         #[api(member = "lockedUntil")]
    ///         until: String,
    ///     },
    /// }
    ///
    /// let catalog = Catalog::of::<LoginError>().unwrap();
    /// let locked = LoginError::Locked { until: "2026-12-01T10:00:00Z".to_owned() };
    /// let docs = ErrorResponses::new(&catalog, &Nested).with_examples([&locked as _]).unwrap();
    /// let responses = serde_json::to_value(docs.responses()).unwrap();
    /// assert_eq!(
    ///     responses["403"]["content"]["application/json"]["examples"]["ACCOUNT_LOCKED"]["value"],
    ///     serde_json::json!({"success": false, "error": {
    ///         "code": "ACCOUNT_LOCKED", "message": "account locked", "status": 403,
    ///         "lockedUntil": "2026-12-01T10:00:00Z"
    ///     }})
    /// );
    /// ```
    pub fn with_examples<'e>(
        mut self,
        errors: impl IntoIterator<Item = &'e dyn ApiError>,
    ) -> Result<Self, RenderError> {
        for error in errors {
            let code = error.code();
            if self.catalog.get(code).is_none() || self.examples.iter().any(|(c, _)| *c == code) {
                continue;
            }
            let body = Envelope::from_dyn(error)
                .with_format(self.format)
                .to_value()?;
            self.examples.push((code, body));
        }
        Ok(self)
    }

    /// Takes the examples gathered by `other` that this one does not have yet.
    pub(super) fn with_examples_of(mut self, other: ErrorResponses<'_>) -> Self {
        for (code, body) in other.examples {
            if !self.examples.iter().any(|(c, _)| *c == code) {
                self.examples.push((code, body));
            }
        }
        self
    }

    /// The envelope schema of the format, with any code.
    #[must_use]
    pub fn schema(&self) -> Schema {
        super::envelope_schema(self.format)
    }

    /// The status `entry` is answered with in this format: the format's when it sets one
    /// ([`Layout::with_status`](crate::format::Layout::with_status)), else the code's.
    fn sent(&self, entry: &Entry) -> StatusCode {
        self.format
            .layout()
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

    /// The schema of a response holding `codes`: the envelope's with the code an `enum` of
    /// them, inline or as an `allOf` of the shared component and that `enum`.
    fn response_schema(&self, codes: &[&Spec]) -> RefOr<Schema> {
        let layout = self.format.layout();
        match &self.schema_ref {
            Some(name) => {
                let reference = Ref::from_schema_name(name.as_str());
                match code_constraint(layout, codes).and_then(to_schema) {
                    Some(constraint) => RefOr::T(Schema::AllOf(
                        AllOfBuilder::new().item(reference).item(constraint).build(),
                    )),
                    None => reference.into(),
                }
            }
            None => to_schema(json_schema_of(layout, codes))
                .unwrap_or_else(|| self.schema())
                .into(),
        }
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
            let value = match self.examples.iter().find(|(code, _)| *code == entry.code()) {
                Some((_, body)) => body.clone(),
                None => entry.example(self.format).ok()?,
            };
            let mut example = ExampleBuilder::new().value(Some(value));
            if let Some(text) = entry.description() {
                example = example.summary(text);
            }
            Some((entry.code().to_owned(), example.build()))
        });
        let codes: Vec<&Spec> = entries.iter().map(|entry| entry.spec()).collect();
        let content = ContentBuilder::new()
            .schema(Some(self.response_schema(&codes)))
            .examples_from_iter(examples)
            .build();
        let mut response = ResponseBuilder::new()
            .description(description)
            .content(self.format.content_type(), content);
        for (name, header) in headers(&entries, self.format.layout()) {
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

/// A JSON schema as a utoipa object. The schemas are built from plain JSON objects of the
/// kinds utoipa models, so reading one cannot fail; `None` if it ever did.
pub(super) fn to_schema(json: Value) -> Option<Schema> {
    serde_json::from_value(json).ok()
}

/// An empty object schema: anything.
pub(super) fn any_schema() -> Schema {
    Schema::Object(ObjectBuilder::new().build())
}
