//! The extractors themselves: `Valid` (validator) and `Garde` (garde).

use std::fmt;
use std::ops::{Deref, DerefMut};

use ::axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;

use super::Rejection;
use super::json::read_json;
use crate::{ApiError, FieldErrors, FromFieldErrors, ValidationFailed};

/// Ties an extractor's error type to the type of its value, so that the extractor has a single
/// field: `<T as Tagged<E>>::Value` is `T`, for every `T` and `E`.
///
/// A tuple struct must use each of its type parameters in a field; naming the error type in
/// the field's type, rather than in a second `PhantomData` field, is what lets a handler write
/// `Valid(order): Valid<NewOrder, AppError>`, as it writes `Json(order): Json<NewOrder>`.
/// There is nothing to implement: the blanket impl covers every type.
pub trait Tagged<E> {
    /// Always `Self`.
    type Value;
}

impl<T, E> Tagged<E> for T {
    type Value = T;
}

/// A JSON body that passed `validator`'s checks (feature `validator`); see
/// [the module docs](super).
///
/// `E` is the error invalid input becomes; [`ValidationFailed`] unless named. Destructure it
/// as `Valid(value)` in a handler's arguments, as with axum's `Json`, or call
/// [`into_inner`](Self::into_inner). (The field's type is spelled `<T as Tagged<E>>::Value`,
/// which is `T`; see [`Tagged`].)
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
/// async fn create(Valid(task): Checked<NewTask>) -> String {
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
pub struct Valid<T, E = ValidationFailed>(pub <T as Tagged<E>>::Value);

/// A JSON body that passed garde's checks (feature `garde`); see [the module docs](super).
///
/// `T::Context` must be `Default`. `E` is the error invalid input becomes; [`ValidationFailed`]
/// unless named. Destructure it as `Garde(value)` in a handler's arguments, as with axum's
/// `Json`, or call [`into_inner`](Self::into_inner). (The field's type is spelled
/// `<T as Tagged<E>>::Value`, which is `T`; see [`Tagged`].)
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
/// async fn place(Garde(order): Garde<Order>) -> String {
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
pub struct Garde<T, E = ValidationFailed>(pub <T as Tagged<E>>::Value);

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

        impl<T, E> DerefMut for $name<T, E> {
            fn deref_mut(&mut self) -> &mut T {
                &mut self.0
            }
        }

        impl<T: fmt::Debug, E> fmt::Debug for $name<T, E> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_tuple(stringify!($name)).field(&self.0).finish()
            }
        }

        impl<T: Clone, E> Clone for $name<T, E> {
            fn clone(&self) -> Self {
                $name(self.0.clone())
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
            Ok(()) => Ok(Valid(value)),
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
            Ok(()) => Ok(Garde(value)),
            Err(report) => Err(Rejection::Invalid(E::from_field_errors(FieldErrors::from(
                &report,
            )))),
        }
    }
}
