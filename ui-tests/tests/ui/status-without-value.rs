use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "NOT_FOUND", status, message = "x")]
    NotFound,
}

fn main() {}
