//! `utoipa::IntoResponses` for every derived type, and for the codes of one handler
//! ([`responses!`](crate::openapi::responses)): what `#[utoipa::path(responses(…))]` takes.
//!
//! Both document the codes in the type's own format (`#[api(format = …)]`, else the
//! application's default, [`format::default`]), the schema inline: a path's responses cannot
//! add components to the document.

use std::collections::BTreeMap;

use utoipa::openapi::{RefOr, Response};

use crate::catalog::Catalog;
use crate::format;
use crate::{ApiError, ErrorCode, HasCodeEnum};

/// The responses of every code of `E`, as its derived `utoipa::IntoResponses` gives them: one
/// per status, listing its codes, with an example body of each in `E`'s format. Call it
/// directly for a type without the derive.
///
/// A code declared twice with different statuses is documented as it was first declared;
/// [`Catalog::of`] reports such conflicts, in a test.
///
/// ```
/// use apierr::ApiError;
/// use utoipa::IntoResponses;
///
/// #[derive(Debug, ApiError)]
/// enum OrderError {
///     /// Requested order does not exist
///     #[api(code = "ORDER_NOT_FOUND", status = 404, message = "order not found")]
///     NotFound,
/// }
///
/// let responses = OrderError::responses();
/// assert_eq!(responses.keys().collect::<Vec<_>>(), ["404"]);
/// assert_eq!(
///     serde_json::to_value(&responses).unwrap(),
///     serde_json::to_value(apierr::openapi::type_responses::<OrderError>()).unwrap()
/// );
/// ```
#[must_use]
pub fn type_responses<E: ApiError>() -> BTreeMap<String, RefOr<Response>> {
    let catalog = Catalog::builder().with::<E>().build_first_declared();
    responses_in::<E>(&catalog, &[])
}

/// The responses of `codes` only, in `E`'s format, in the order listed: what a type defined
/// by [`responses!`](crate::openapi::responses) gives. The bodies of `examples` are the
/// examples of their codes (see [`ErrorResponses::with_examples`](super::ErrorResponses::with_examples));
/// one that cannot be rendered leaves its code the example built from its declaration. An
/// `Unknown` code (which names no declaration) documents nothing; `responses!` cannot be
/// given one but an empty string.
#[must_use]
pub fn subset_responses<E: HasCodeEnum>(
    codes: &[E::Code],
    examples: &[&dyn ApiError],
) -> BTreeMap<String, RefOr<Response>> {
    let mut builder = Catalog::builder();
    for spec in codes.iter().filter_map(ErrorCode::spec) {
        builder = builder.with_spec(spec);
    }
    responses_in::<E>(&builder.build_first_declared(), examples)
}

fn responses_in<E: ApiError>(
    catalog: &Catalog,
    examples: &[&dyn ApiError],
) -> BTreeMap<String, RefOr<Response>> {
    let format = E::declared_format().unwrap_or_else(format::default);
    let mut responses = super::ErrorResponses::new(catalog, format);
    for example in examples {
        // One at a time: a body that fails to render costs only its own example.
        if let Ok(with) = super::ErrorResponses::new(catalog, format).with_examples([*example]) {
            responses = responses.with_examples_of(with);
        }
    }
    responses.responses().responses.into_iter().collect()
}

/// Names for the code the derive and `responses!` generate, gathered in `crate::__private`.
#[doc(hidden)]
pub mod private {
    pub use ::utoipa;
}

/// `utoipa::IntoResponses`, when the `utoipa` feature is on: [`type_responses`].
#[doc(hidden)]
#[macro_export]
macro_rules! __apierr_utoipa {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::utoipa::IntoResponses for $($ty)*
            $($where_clause)*
        {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::__private::utoipa::openapi::RefOr<
                    $crate::__private::utoipa::openapi::response::Response,
                >,
            > {
                $crate::openapi::type_responses::<Self>()
            }
        }
    };
}

/// Defines types that document the codes one handler answers with, each a unit struct
/// implementing `utoipa::IntoResponses` for `#[utoipa::path(responses(…))]`.
///
/// The codes are named as variants of the error type's code enum (`#[api(code_enum)]`), so a
/// misspelt code is a compile error at the name written, and rustc suggests the nearest
/// variant. A code of a `transparent` variant is its variant holding the inner type's code:
/// `Auth(AuthErrorCode::Missing)`.
///
/// `examples [error, …]` after the codes gives real values whose bodies are the examples of
/// their codes: with their extension members and messages written from fields, which a
/// declaration alone cannot show.
///
/// ```
/// use apierr::ApiError;
/// use utoipa::IntoResponses;
///
/// #[derive(Debug, ApiError)]
/// #[api(code_enum)]
/// enum AuthError {
///     /// No authentication token provided
///     #[api(code = "AUTH_MISSING", status = 401, message = "missing token")]
///     Missing,
///     /// User lacks the required permission
///     #[api(code = "PERMISSION_DENIED", status = 403, message = "permission denied")]
///     Denied,
/// }
///
/// #[derive(Debug, ApiError)]
/// #[api(code_enum)]
/// enum AppError {
///     #[api(transparent)]
///     Auth(AuthError),
///     /// Requested order does not exist
///     #[api(code = "ORDER_NOT_FOUND", status = 404, message = "order not found")]
///     OrderNotFound,
///     /// Too many requests
///     #[api(code = "RATE_LIMITED", status = 429, message = "retry in {retry_after} s")]
///     RateLimited {
///         #[api(retry_after)]
///         retry_after: u64,
///     },
/// }
///
/// apierr::openapi::responses! {
///     /// The errors of `GET /orders/{id}`.
///     pub GetOrderErrors = AppError[Auth(AuthErrorCode::Missing), OrderNotFound];
///     /// The errors of `POST /orders`.
///     pub CreateOrderErrors = AppError[Auth(AuthErrorCode::Denied), RateLimited]
///         examples [AppError::RateLimited { retry_after: 30 }];
/// }
///
/// // In a handler: #[utoipa::path(get, path = "/orders/{id}", responses(GetOrderErrors))]
/// let responses = GetOrderErrors::responses();
/// assert_eq!(responses.keys().collect::<Vec<_>>(), ["401", "404"]);
/// let create = serde_json::to_value(CreateOrderErrors::responses()).unwrap();
/// assert_eq!(
///     create["429"]["content"]["application/json"]["examples"]["RATE_LIMITED"]["value"]["error"]["message"],
///     "retry in 30 s"
/// );
/// ```
///
/// A code the type does not have does not compile:
///
/// ```compile_fail,E0599
/// # use apierr::ApiError;
/// # #[derive(Debug, ApiError)]
/// # #[api(code_enum)]
/// # enum AppError {
/// #     #[api(code = "ORDER_NOT_FOUND", status = 404, message = "order not found")]
/// #     OrderNotFound,
/// # }
/// apierr::openapi::responses! {
///     pub GetOrderErrors = AppError[OrderNotFund];
/// }
/// ```
#[doc(hidden)]
#[macro_export]
macro_rules! __apierr_openapi_responses {
    () => {};
    (
        $(#[$attr:meta])*
        $vis:vis $name:ident = $ty:ty [$($code:ident $(($($inner:tt)*))?),* $(,)?]
            $(examples [$($example:expr),* $(,)?])?;
        $($rest:tt)*
    ) => {
        $(#[$attr])*
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::marker::Copy)]
        $vis struct $name;

        impl $crate::__private::utoipa::IntoResponses for $name {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::__private::utoipa::openapi::RefOr<
                    $crate::__private::utoipa::openapi::response::Response,
                >,
            > {
                // A constant: the codes are variants, built when the program is compiled.
                const __CODES: &[<$ty as $crate::HasCodeEnum>::Code] =
                    &[$(<$ty as $crate::HasCodeEnum>::Code::$code $(($($inner)*))?),*];
                let __examples: &[&dyn $crate::ApiError] = &[$($(&$example),*)?];
                $crate::openapi::subset_responses::<$ty>(__CODES, __examples)
            }
        }

        $crate::__apierr_openapi_responses! { $($rest)* }
    };
}
