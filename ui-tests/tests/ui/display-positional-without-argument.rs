use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(display)]
enum AppError {
    #[error("not found: {}")]
    #[api(code = "NOT_FOUND", status = 404)]
    NotFound { id: u64 },
}

fn main() {}
