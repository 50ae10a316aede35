use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "NOT_FOUND", status = 404)]
    NotFound,
    #[api(code = "GONE", status = 410, message = "gone")]
    Gone,
}

fn main() {}
