use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(display)]
enum AppError {
    #[error("not found: {}" .0)]
    #[api(code = "NOT_FOUND", status = 404)]
    NotFound(String),
}

fn main() {}
