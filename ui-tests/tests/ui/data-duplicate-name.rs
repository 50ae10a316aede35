use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "KEY_INVALID", status = 400, message = "x")]
    #[api(data(reason = "KEY_INVALID", domain = "example.com", reason = "EXPIRED"))]
    KeyInvalid,
}

fn main() {}
