use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "NOT_FOUND", message = "x")]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api(code = "MISSING", message = "x")]
struct Missing;

fn main() {}
