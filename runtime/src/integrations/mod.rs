//! The web frameworks: axum and actix-web, their shared request scope, the axum extractors,
//! gRPC statuses for tonic, and the framework impls emitted for every derived type through
//! `__private::integrations!` (not tonic's: see `tonic::grpc_status!`).
//! Responses themselves are built without a framework, in `crate::plain_http`.
//!
//! The derive cannot see the runtime's cargo features, so it calls one macro per framework
//! here; each expands to the framework's impl when its feature is on, and to nothing otherwise.

#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;
// axum `FromRequest` impls: framework code that uses the validation bridges, not a bridge.
#[cfg(all(feature = "axum", any(feature = "validator", feature = "garde")))]
pub mod extract;
#[cfg(any(feature = "axum", feature = "actix-web"))]
mod scope;
#[cfg(feature = "tonic")]
pub mod tonic;

/// What the generated framework impls name, gathered for `crate::__private`.
#[doc(hidden)]
pub mod private {
    #[cfg(feature = "actix-web")]
    pub use super::actix::__private::*;
    #[cfg(feature = "axum")]
    pub use super::axum::__private::*;
    #[cfg(feature = "tonic")]
    pub use super::tonic::__private::*;
}

/// Emits every enabled framework impl for one derived type.
#[doc(hidden)]
#[macro_export]
macro_rules! __apierr_integrations {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        $crate::__apierr_axum! { [$($impl_generics)*] [$($ty)*] [$($where_clause)*] }
        $crate::__apierr_actix! { [$($impl_generics)*] [$($ty)*] [$($where_clause)*] }
        $crate::__apierr_utoipa! { [$($impl_generics)*] [$($ty)*] [$($where_clause)*] }
    };
}

/// `utoipa::IntoResponses` (in `crate::openapi`), when the `utoipa` feature is on.
#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __apierr_utoipa {
    ($($tokens:tt)*) => {};
}

/// `axum::response::IntoResponse`, when the `axum` feature is on.
#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __apierr_axum {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::axum::response::IntoResponse
            for $($ty)* $($where_clause)*
        {
            fn into_response(self) -> $crate::__private::axum::response::Response {
                $crate::__private::axum_into_response(&self)
            }
        }
    };
}

/// `axum::response::IntoResponse`, when the `axum` feature is on.
#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __apierr_axum {
    ($($tokens:tt)*) => {};
}

/// `actix_web::ResponseError`, when the `actix-web` feature is on, for types that are also
/// `Debug + Display` (its supertraits).
///
/// The `for<'__apierr>` bound is what makes "also": a bound on a concrete type that does not hold
/// is an error, but one under a binder is only checked where the impl is used. A derived type
/// without `Display` thus compiles, and simply has no `ResponseError`.
#[cfg(feature = "actix-web")]
#[doc(hidden)]
#[macro_export]
macro_rules! __apierr_actix {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$(where $($predicates:tt)*)?]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::actix_web::ResponseError for $($ty)*
        where
            for<'__apierr> $($ty)*: ::core::fmt::Debug + ::core::fmt::Display,
            $($($predicates)*)?
        {
            fn status_code(&self) -> $crate::__private::actix_web::http::StatusCode {
                $crate::__private::actix_status_code(self)
            }

            fn error_response(&self) -> $crate::__private::actix_web::HttpResponse {
                $crate::__private::actix_error_response(self)
            }
        }
    };
}

/// `actix_web::ResponseError`, when the `actix-web` feature is on.
#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __apierr_actix {
    ($($tokens:tt)*) => {};
}
