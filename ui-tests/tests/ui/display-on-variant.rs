use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[error("not found")]
    #[api(code = "NOT_FOUND", status = 404, display)]
    NotFound,
}

fn main() {}
