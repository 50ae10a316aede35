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
/// use apierr::axum::ApiErrorLayer;
/// use apierr::catalog::Catalog;
/// use apierr::docs::ErrorPages;
/// use apierr::format::ProblemDetails;
/// use apierr::response::ResponseOptions;
/// use axum::Router;
///
/// #[derive(Debug, ApiError)]
/// #[api(category = "Auth & Session")]
/// enum AuthError {
///     /// No authentication token provided
///     #[api(code = "AUTH_MISSING", status = 401, message = "No authentication token provided")]
///     Missing,
/// }
///
/// #[derive(Debug, ApiError)]
/// #[api(category = "Orders")]
/// enum OrderError {
///     /// No order has this id
///     #[api(code = "ORDER_NOT_FOUND", status = 404, message = "No such order")]
///     NotFound,
/// }
///
/// # fn main() -> Result<(), apierr::catalog::Conflicts> {
/// let options = ResponseOptions::new()
///     .with_format(ProblemDetails::new().with_type_base("https://api.example.com/errors/"));
/// let catalog = Catalog::builder().with::<AuthError>().with::<OrderError>().build()?;
/// let app: Router = Router::new()
///     .merge(apierr::docs::axum::router(ErrorPages::new(&catalog, &options)))
///     .layer(ApiErrorLayer::with_options(options));
/// # drop(app);
/// # Ok(())
/// # }
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
