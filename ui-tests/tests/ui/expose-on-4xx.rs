use apierr::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum AppError {
    #[error("not found")]
    #[api(code = "NOT_FOUND", status = 404, expose)]
    NotFound,
}

fn main() {}
