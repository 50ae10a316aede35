use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = NOT_FOUND, status = 404, message = "x")]
    NotFound,
    #[api(code = 4.04, status = 404, message = "x")]
    Float,
}

fn main() {}
