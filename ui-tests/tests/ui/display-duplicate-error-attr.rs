use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(display)]
enum AppError {
    #[error("not found")]
    #[error("missing")]
    #[api(code = "NOT_FOUND", status = 404)]
    NotFound,
}

// The stand-in impls keep these from adding errors of their own.
fn main() {
    let error: &dyn std::error::Error = &AppError::NotFound;
    let _ = error.to_string();
}
