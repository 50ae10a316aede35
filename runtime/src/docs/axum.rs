//! The error-code pages as axum 0.8 routes (features `docs` and `axum`).

use std::sync::Arc;

use ::axum::Router;
use ::axum::body::Body;
use ::axum::extract::Path;
use ::axum::response::Response;
use ::axum::routing::get;

use super::{ErrorPages, Page};

/// `GET /errors`, `GET /errors/{code}` and `GET /errors.json`, answered by `pages`; merge it
/// into the application's router, or nest it under a prefix. With
/// [`ApiErrorLayer`](crate::axum::ApiErrorLayer) on the application, a path segment that is
/// not UTF-8 gets the usual `INVALID_PATH` envelope.
///
/// ```
/// use apierr::ApiError;
/// use apierr::catalog::Catalog;
/// use apierr::docs::ErrorPages;
/// use apierr::response::ResponseOptions;
/// use axum::Router;
///
/// #[derive(Debug, ApiError)]
/// enum AuthError {
///     /// No authentication token provided
///     #[api(code = "AUTH_MISSING", status = 401, message = "No authentication token provided")]
///     Missing,
/// }
///
/// let options = ResponseOptions::new();
/// let pages = ErrorPages::new(&Catalog::of::<AuthError>().unwrap(), &options);
/// let app: Router = Router::new().merge(apierr::docs::axum::router(pages));
/// # drop(app);
/// ```
pub fn router<S>(pages: impl Into<Arc<ErrorPages>>) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    let pages: Arc<ErrorPages> = pages.into();
    let index = Arc::clone(&pages);
    let json = Arc::clone(&pages);
    Router::new()
        .route(
            "/errors",
            get(move || async move { respond(&index, Page::Index) }),
        )
        .route(
            "/errors.json",
            get(move || async move { respond(&json, Page::Json) }),
        )
        .route(
            "/errors/{code}",
            get(move |Path(code): Path<String>| async move { respond(&pages, Page::Code(&code)) }),
        )
}

fn respond(pages: &ErrorPages, page: Page<'_>) -> Response {
    pages.response(page).map(Body::from)
}
