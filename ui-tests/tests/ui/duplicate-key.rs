use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "NOT_FOUND", status = 404, code = "MISSING", message = "x")]
    NotFound,
}

fn main() {}
