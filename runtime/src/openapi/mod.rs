//! OpenAPI 3.1 error responses from a [`Catalog`], as [utoipa](https://docs.rs/utoipa) objects
//! (feature `utoipa`).
//!
//! For a handler, name the error type in `#[utoipa::path(responses(AppError))]`: every derived
//! type is a `utoipa::IntoResponses` ([`type_responses`]). For a handler that returns only some
//! codes, [`responses!`] defines a type listing them, checked when the program is compiled.
//!
//! Underneath, [`ErrorResponses`] turns the codes of a catalogue into one response per status:
//! codes that share a status are merged into a response whose description lists every code and
//! whose content has one example body per code, rendered by the chosen format. The content's
//! schema is the format's envelope ([`envelope_schema`]) with the code an `enum` of the
//! response's codes, inline or as a reference to a component. An object that takes extension
//! members says `additionalProperties: true`; `WWW-Authenticate`, sent with every 401, is a
//! required header.
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
//! // The shared envelope, and the codes of this response.
//! assert_eq!(unauthorized["schema"]["allOf"][0], serde_json::json!({"$ref": "#/components/schemas/ApiErrorBody"}));
//! assert_eq!(
//!     unauthorized["schema"]["allOf"][1]["properties"]["error"]["properties"]["code"]["enum"],
//!     serde_json::json!(["AUTH_MISSING", "AUTH_EXPIRED"])
//! );
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

mod derived;
mod headers;
mod responses;

use utoipa::openapi::{Responses, Schema};

#[doc(inline)]
pub use crate::__apierr_openapi_responses as responses;
#[doc(hidden)]
pub use derived::private;
pub use derived::{subset_responses, type_responses};
pub use responses::ErrorResponses;

use crate::ApiError;
use crate::catalog::{Catalog, Conflicts, json_schema};
use crate::format::{AnyFormat, Format};

/// The error responses of every code of `E`, bodies in `format`, schema inline.
///
/// # Errors
/// As [`Catalog::of`].
pub fn responses_for<E: ApiError, F: Format>(format: &F) -> Result<Responses, Conflicts> {
    let catalog = Catalog::of::<E>()?;
    Ok(ErrorResponses::new(&catalog, format).responses())
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
    // An empty object schema (anything) stands in if reading it ever failed.
    responses::to_schema(json_schema(format.layout())).unwrap_or_else(responses::any_schema)
}
