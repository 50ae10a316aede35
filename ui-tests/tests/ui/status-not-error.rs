use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "FINE", status = 200, message = "x")]
    Fine,
    #[api(code = "MOVED", status = FOUND, message = "x")]
    Moved,
    #[api(code = "GONE_FOR_GOOD", status = http::StatusCode::PERMANENT_REDIRECT, message = "x")]
    GoneForGood,
}

fn main() {}
