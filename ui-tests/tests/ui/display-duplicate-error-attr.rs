use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(display)]
enum AppError {
    #[error("not found")]
    #[error("missing")]
    #[api(code = "NOT_FOUND", status = 404)]
    NotFound,
}

fn main() {}
