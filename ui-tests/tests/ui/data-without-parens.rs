use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "KEY_INVALID", status = 400, message = "x", data = "KEY_INVALID")]
    KeyInvalid,
    #[api(code = "KEY_EXPIRED", status = 400, message = "x", data)]
    KeyExpired,
}

fn main() {}
