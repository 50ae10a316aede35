//! Validated-JSON axum extractors (feature `axum` with `validator` and/or `garde`):
//! `Valid<T>` (feature `validator`) runs validator's checks, `Garde<T>` (feature `garde`) runs
//! garde's. Their docs have examples.
//!
//! A handler that takes `Valid<CreateOrder>` runs only for a JSON body that deserializes into
//! `CreateOrder` and passes its checks. Every other request is answered with an envelope, in
//! the same format as the API's own errors ([`Rejection`]):
//!
//! | request | answer |
//! |---|---|
//! | no `Content-Type: application/json` (or `…+json`) | 415 `UNSUPPORTED_MEDIA_TYPE` ([`HttpError`]) |
//! | body over the size limit | 413 `PAYLOAD_TOO_LARGE` ([`HttpError`]) |
//! | body not well-formed JSON, or with trailing data | 400 `MALFORMED_JSON` ([`HttpError`]) |
//! | well-formed JSON of the wrong shape (missing field, wrong type) | the validation error, one field error at the offending path |
//! | checks fail | the validation error, with every field error |
//!
//! # Choosing the validation error
//! The second type parameter is the error invalid input becomes: any [`ApiError`] that
//! implements [`FromFieldErrors`]. It defaults to [`ValidationFailed`] (422
//! `VALIDATION_ERROR`). An API that documents another code, status or message (such as 400
//! "One or more validation errors occurred") names its own error type, usually through an
//! alias: code and status then come from its `#[api(...)]`, the body shape from its format (or
//! the layer's), and the `MALFORMED_JSON`-style errors render in that same format. This keeps
//! one declaration of each code in the catalogue rather than a second, run-time configured one.

use std::error::Error;
use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;

use ::axum::body::Bytes;
use ::axum::extract::rejection::BytesRejection;
use ::axum::extract::{FromRequest, Request};
use http::StatusCode;
use http::header::{CONTENT_TYPE, HeaderMap};
use serde::de::DeserializeOwned;
use serde_path_to_error::Segment;

use crate::format::AnyFormat;
use crate::limits::{MAX_FIELD_PATH_LEN, truncate};
use crate::plain_http::error::bounded_detail;
use crate::{
    ApiError, FieldErrors, FieldPath, FromFieldErrors, HttpError, Member, Spec, ValidationFailed,
};

/// Why a validated-JSON extractor refused a request: the body could not be read as JSON, or
/// it was invalid. See [the module docs](self).
///
/// Both cases render in `E`'s format (unless the layer sets one for the whole API), so a
/// client sees one envelope shape.
#[derive(Debug)]
pub enum Rejection<E> {
    /// The body is missing, too large, not JSON, or of the wrong media type.
    Body(HttpError),
    /// The body is JSON of the wrong shape, or fails its checks.
    Invalid(E),
}

impl<E: ApiError> Rejection<E> {
    fn inner(&self) -> &dyn ApiError {
        match self {
            Rejection::Body(error) => error,
            Rejection::Invalid(error) => error,
        }
    }
}

impl<E: ApiError> fmt::Display for Rejection<E> {
    /// The internal message, for logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner().fmt_internal(f)
    }
}

impl<E: ApiError + fmt::Debug> Error for Rejection<E> {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.inner().source_error()
    }
}

impl<E: ApiError + FromFieldErrors> ApiError for Rejection<E> {
    fn spec(&self) -> &'static Spec {
        self.inner().spec()
    }

    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner().fmt_message(f)
    }

    fn fmt_internal(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner().fmt_internal(f)
    }

    fn field_errors(&self) -> Option<&FieldErrors> {
        self.inner().field_errors()
    }

    fn visit_members(&self, visit: &mut dyn FnMut(Member<'_>)) {
        self.inner().visit_members(visit);
    }

    fn member(&self, name: &str) -> Option<Member<'_>> {
        self.inner().member(name)
    }

    fn sub_errors(&self) -> Option<&crate::SubErrors> {
        self.inner().sub_errors()
    }

    fn source_error(&self) -> Option<&(dyn Error + 'static)> {
        self.inner().source_error()
    }

    fn retry_after(&self) -> Option<u64> {
        self.inner().retry_after()
    }

    fn visit_headers(&self, visit: &mut dyn FnMut(&'static str, &dyn fmt::Display)) {
        self.inner().visit_headers(visit);
    }

    fn format(&self) -> Option<&'static dyn AnyFormat> {
        match self {
            Rejection::Invalid(error) => error.format(),
            // A format is named on the type, not the value: an empty `E` tells it, and costs no
            // allocation.
            Rejection::Body(_) => E::from_field_errors(FieldErrors::new()).format(),
        }
    }

    fn catalog(visit: &mut dyn FnMut(&'static Spec)) {
        let body_errors = [
            HttpError::unsupported_media_type(""),
            HttpError::PayloadTooLarge,
            HttpError::malformed_json(""),
            HttpError::bad_request(""),
        ];
        for error in &body_errors {
            visit(error.spec());
        }
        E::catalog(visit);
    }
}

crate::__apierr_integrations! { [<E>] [Rejection<E>] [where E: ApiError + FromFieldErrors] }

/// Reads the body as JSON into `T`; checks come after.
async fn read_json<T, E, S>(request: Request, state: &S) -> Result<T, Rejection<E>>
where
    T: DeserializeOwned,
    E: FromFieldErrors,
    S: Send + Sync,
{
    if !is_json(request.headers()) {
        return Err(Rejection::Body(HttpError::unsupported_media_type(
            "application/json",
        )));
    }
    let bytes = Bytes::from_request(request, state)
        .await
        .map_err(|rejection| Rejection::Body(body_error(&rejection)))?;
    parse_json(&bytes)
}

/// Whether the `Content-Type` is `application/json` or `application/…+json`, parameters
/// aside, as axum's own `Json` requires.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(Ok(value)) = headers.get(CONTENT_TYPE).map(|value| value.to_str()) else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or_default().trim();
    let Some((kind, subtype)) = essence.split_once('/') else {
        return false;
    };
    kind.eq_ignore_ascii_case("application")
        && (subtype.eq_ignore_ascii_case("json")
            || subtype
                .rsplit_once('+')
                .is_some_and(|(_, suffix)| suffix.eq_ignore_ascii_case("json")))
}

fn body_error(rejection: &BytesRejection) -> HttpError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return HttpError::PayloadTooLarge;
    }
    let text = rejection.body_text();
    let detail = text
        .strip_prefix("Failed to buffer the request body: ")
        .unwrap_or(&text);
    HttpError::bad_request(detail)
}

fn parse_json<T: DeserializeOwned, E: FromFieldErrors>(bytes: &[u8]) -> Result<T, Rejection<E>> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(json_error)?;
    // Trailing data after the value (`{"a":1} x`) is malformed JSON too.
    deserializer
        .end()
        .map_err(|error| Rejection::Body(HttpError::malformed_json(&without_position(&error))))?;
    Ok(value)
}

/// A syntax error as `MALFORMED_JSON`; a value of the wrong shape as a field error where it is.
fn json_error<E: FromFieldErrors>(
    error: serde_path_to_error::Error<serde_json::Error>,
) -> Rejection<E> {
    let text = without_position(error.inner());
    if error.inner().classify() != serde_json::error::Category::Data {
        return Rejection::Body(HttpError::malformed_json(&text));
    }
    let mut path = FieldPath::root();
    for segment in error.path() {
        path = match segment {
            Segment::Seq { index } => path.index(*index),
            Segment::Map { key } => path.key(cut(key)),
            Segment::Enum { variant } => path.key(cut(variant)),
            Segment::Unknown => path,
        };
    }
    // serde reports a missing field at the struct that lacks it, naming it only in the text.
    if let Some(name) = text
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        path = path.key(cut(name));
    }
    let mut errors = FieldErrors::new();
    errors.add_bounded(path, bounded_detail(&text));
    Rejection::Invalid(E::from_field_errors(errors))
}

/// serde_json's message without its ` at line 1 column 9`, which means nothing to a client
/// that did not send the body by hand.
fn without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    match text.strip_suffix(&position) {
        Some(message) => message.to_owned(),
        None => text,
    }
}

/// A client-chosen key cut to the longest path kept, before it is copied: a path holding it
/// is cut again as a whole.
fn cut(text: &str) -> String {
    truncate(text, MAX_FIELD_PATH_LEN).into_owned()
}

/// A JSON body that passed `validator`'s checks (feature `validator`); see
/// [the module docs](self).
///
/// `E` is the error invalid input becomes; [`ValidationFailed`] unless named. Destructure it
/// as `Valid(value, _)` in a handler's arguments, or call [`into_inner`](Self::into_inner).
///
/// ```
/// use apierr::extract::Valid;
/// use apierr::{ApiError, FieldErrors};
/// use axum::extract::FromRequest;
/// use serde::Deserialize;
/// use validator::Validate;
///
/// #[derive(Debug, ApiError)]
/// #[api(format = apierr::format::FieldLists)]
/// enum AppError {
///     #[api(code = "VALIDATION_ERROR", status = 400, message = "One or more validation errors occurred")]
///     Invalid(#[api(fields)] FieldErrors),
/// }
/// apierr::from_field_errors!(AppError => AppError::Invalid);
///
/// /// `Valid<T>` rejecting with `AppError`.
/// type Checked<T> = Valid<T, AppError>;
///
/// #[derive(Debug, Deserialize, Validate)]
/// struct NewTask {
///     #[validate(length(min = 1, message = "Title is required"))]
///     title: String,
///     #[validate(range(exclusive_min = 0.0, message = "Amount must be greater than 0"))]
///     amount: f64,
/// }
///
/// async fn create(Valid(task, _): Checked<NewTask>) -> String {
///     task.title
/// }
/// let app: axum::Router = axum::Router::new().route("/tasks", axum::routing::post(create));
/// # drop(app);
///
/// // What `create` never sees:
/// let request = http::Request::post("/tasks")
///     .header("content-type", "application/json")
///     .body(axum::body::Body::from(r#"{"title":"","amount":0}"#))
///     .unwrap();
/// let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
/// let rejection = runtime
///     .block_on(Checked::<NewTask>::from_request(request, &()))
///     .unwrap_err();
/// assert_eq!(rejection.status().as_u16(), 400);
/// assert_eq!(
///     apierr::Envelope::new(&rejection).to_value().unwrap(),
///     serde_json::json!({
///         "code": "VALIDATION_ERROR",
///         "message": "One or more validation errors occurred",
///         "errors": {"amount": ["Amount must be greater than 0"], "title": ["Title is required"]}
///     })
/// );
/// ```
#[cfg(feature = "validator")]
pub struct Valid<T, E = ValidationFailed>(pub T, pub PhantomData<fn() -> E>);

/// A JSON body that passed garde's checks (feature `garde`); see [the module docs](self).
///
/// `T::Context` must be `Default`. `E` is the error invalid input becomes; [`ValidationFailed`]
/// unless named. Destructure it as `Garde(value, _)` in a handler's arguments, or call
/// [`into_inner`](Self::into_inner).
///
/// ```
/// use apierr::extract::Garde;
/// use axum::extract::FromRequest;
/// use axum::{Router, routing::post};
/// use serde::Deserialize;
///
/// #[derive(Debug, Deserialize, garde::Validate)]
/// struct Order {
///     #[garde(length(min = 1))]
///     pair: String,
///     #[garde(range(min = 1))]
///     qty: u32,
/// }
///
/// async fn place(Garde(order, _): Garde<Order>) -> String {
///     order.pair
/// }
/// let app: Router = Router::new().route("/orders", post(place));
/// # drop(app);
///
/// // What `place` never sees: the default rejection, 422 `VALIDATION_ERROR`.
/// let request = http::Request::post("/orders")
///     .header("content-type", "application/json")
///     .body(axum::body::Body::from(r#"{"pair":"BTC/USD","qty":0}"#))
///     .unwrap();
/// let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
/// let rejection = runtime
///     .block_on(Garde::<Order>::from_request(request, &()))
///     .unwrap_err();
/// assert_eq!(
///     apierr::Envelope::new(&rejection).to_value().unwrap(),
///     serde_json::json!({"success": false, "error": {
///         "code": "VALIDATION_ERROR",
///         "message": "Input data validation failed",
///         "status": 422,
///         "fields": {"qty": ["lower than 1"]}
///     }})
/// );
/// ```
#[cfg(feature = "garde")]
pub struct Garde<T, E = ValidationFailed>(pub T, pub PhantomData<fn() -> E>);

macro_rules! extractor_common {
    ($name:ident) => {
        impl<T, E> $name<T, E> {
            /// The validated value.
            pub fn into_inner(self) -> T {
                self.0
            }
        }

        impl<T, E> Deref for $name<T, E> {
            type Target = T;

            fn deref(&self) -> &T {
                &self.0
            }
        }

        impl<T: fmt::Debug, E> fmt::Debug for $name<T, E> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_tuple(stringify!($name)).field(&self.0).finish()
            }
        }

        impl<T: Clone, E> Clone for $name<T, E> {
            fn clone(&self) -> Self {
                $name(self.0.clone(), PhantomData)
            }
        }
    };
}

#[cfg(feature = "validator")]
extractor_common!(Valid);
#[cfg(feature = "garde")]
extractor_common!(Garde);

#[cfg(feature = "validator")]
impl<T, E, S> FromRequest<S> for Valid<T, E>
where
    T: DeserializeOwned + ::validator::Validate,
    E: ApiError + FromFieldErrors,
    S: Send + Sync,
{
    type Rejection = Rejection<E>;

    async fn from_request(request: Request, state: &S) -> Result<Self, Rejection<E>> {
        let value: T = read_json(request, state).await?;
        match value.validate() {
            Ok(()) => Ok(Valid(value, PhantomData)),
            Err(errors) => Err(Rejection::Invalid(E::from_field_errors(FieldErrors::from(
                &errors,
            )))),
        }
    }
}

#[cfg(feature = "garde")]
impl<T, E, S> FromRequest<S> for Garde<T, E>
where
    T: DeserializeOwned + ::garde::Validate,
    T::Context: Default,
    E: ApiError + FromFieldErrors,
    S: Send + Sync,
{
    type Rejection = Rejection<E>;

    async fn from_request(request: Request, state: &S) -> Result<Self, Rejection<E>> {
        let value: T = read_json(request, state).await?;
        match value.validate() {
            Ok(()) => Ok(Garde(value, PhantomData)),
            Err(report) => Err(Rejection::Invalid(E::from_field_errors(FieldErrors::from(
                &report,
            )))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::TRUNCATED;

    #[test]
    fn json_media_types_are_recognised() {
        let check = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(CONTENT_TYPE, value.parse().unwrap());
            is_json(&headers)
        };
        assert!(check("application/json"));
        assert!(check("Application/JSON; charset=utf-8"));
        assert!(check("application/problem+json"));
        assert!(!check("text/json"));
        assert!(!check("application/jsonx"));
        assert!(!check("application"));
        assert!(!check("application/x-www-form-urlencoded"));
        assert!(!is_json(&HeaderMap::new()));
    }

    #[test]
    fn positions_are_dropped_and_keys_cut() {
        let error = serde_json::from_str::<Vec<u8>>("[").unwrap_err();
        assert_eq!(without_position(&error), "EOF while parsing a list");
        let long = "é".repeat(MAX_FIELD_PATH_LEN);
        let kept = cut(&long);
        assert!(kept.len() <= MAX_FIELD_PATH_LEN && kept.ends_with(TRUNCATED));
        assert_eq!(cut("abc"), "abc");
    }
}
