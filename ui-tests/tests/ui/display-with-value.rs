use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(display = true)]
enum AppError {
    #[error("not found")]
    #[api(code = "NOT_FOUND", status = 404)]
    NotFound,
}

fn main() {}
