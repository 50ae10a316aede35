//! The error-code pages as actix-web 4 routes (features `docs` and `actix-web`).

use std::sync::Arc;

use ::actix_web::HttpResponse;
use ::actix_web::http::StatusCode;
use ::actix_web::web::{self, ServiceConfig};

use super::{ErrorPages, Page};

/// Registers `GET /errors`, `GET /errors/{code}` and `GET /errors.json`, answered by `pages`:
/// pass it to `App::configure` (or `Scope::configure`, for a prefix). It can be called once per
/// worker, as `HttpServer::new` builds an `App` per worker; the pages are shared.
///
/// ```
/// use apierr::ApiError;
/// use apierr::catalog::Catalog;
/// use apierr::docs::ErrorPages;
/// use apierr::response::ResponseOptions;
/// use actix_web::App;
///
/// #[derive(Debug, ApiError)]
/// enum AuthError {
///     /// No authentication token provided
///     #[api(code = "AUTH_MISSING", status = 401, message = "No authentication token provided")]
///     Missing,
/// }
///
/// let pages = ErrorPages::new(&Catalog::of::<AuthError>().unwrap(), &ResponseOptions::new());
/// let routes = apierr::docs::actix::configure(pages);
/// let app = App::new().configure(routes.clone());
/// # drop(app);
/// ```
pub fn configure(pages: impl Into<Arc<ErrorPages>>) -> impl Fn(&mut ServiceConfig) + Clone {
    let pages: Arc<ErrorPages> = pages.into();
    move |config: &mut ServiceConfig| {
        let (index, json, code) = (Arc::clone(&pages), Arc::clone(&pages), Arc::clone(&pages));
        config
            .route(
                "/errors",
                web::get().to(move || {
                    let pages = Arc::clone(&index);
                    async move { respond(&pages, Page::Index) }
                }),
            )
            .route(
                "/errors.json",
                web::get().to(move || {
                    let pages = Arc::clone(&json);
                    async move { respond(&pages, Page::Json) }
                }),
            )
            .route(
                "/errors/{code}",
                web::get().to(move |segment: web::Path<String>| {
                    let pages = Arc::clone(&code);
                    async move { respond(&pages, Page::Code(&segment)) }
                }),
            );
    }
}

/// The framework-free response as actix's (which is built on `http` 0.2).
fn respond(pages: &ErrorPages, page: Page<'_>) -> HttpResponse {
    let (parts, body) = pages.response(page).into_parts();
    let status = StatusCode::from_u16(parts.status.as_u16()).unwrap_or(StatusCode::OK);
    let mut response = HttpResponse::build(status);
    for (name, value) in &parts.headers {
        response.insert_header((name.as_str(), value.as_bytes()));
    }
    response.body(body)
}
