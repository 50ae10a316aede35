use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "NOT_FOUND", stauts = 404, message = "x")]
    NotFound,
    #[api(code = "GONE", status = 410, mesage = "x")]
    Gone,
}

fn main() {}
