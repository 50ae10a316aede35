use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "SWITCHING", status = 101, message = "x")]
    Switching,
    #[api(code = "MOVED", status = FOUND, message = "x")]
    Moved,
    #[api(code = "GONE_FOR_GOOD", status = http::StatusCode::PERMANENT_REDIRECT, message = "x")]
    GoneForGood,
}

fn main() {}
