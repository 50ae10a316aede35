//! Framework impls emitted for every derived type, through `__private::integrations!`.
//!
//! The derive cannot see the runtime's cargo features, so it calls one macro per framework
//! here; each expands to the framework's impl when its feature is on, and to nothing otherwise.

/// Emits every enabled framework impl for one derived type.
#[doc(hidden)]
#[macro_export]
macro_rules! __apierr_integrations {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        $crate::__apierr_axum! { [$($impl_generics)*] [$($ty)*] [$($where_clause)*] }
        $crate::__apierr_actix! { [$($impl_generics)*] [$($ty)*] [$($where_clause)*] }
    };
}

/// `axum::response::IntoResponse`, when the `axum` feature is on.
#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __apierr_axum {
    ($($tokens:tt)*) => {};
}

/// `actix_web::ResponseError`, when the `actix-web` feature is on.
#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __apierr_actix {
    ($($tokens:tt)*) => {};
}
