use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(display)]
enum AppError {
    #[error(404)]
    #[api(code = "NOT_FOUND", status = 404)]
    NotFound,
}

fn main() {}
