use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "KEY_INVALID", status = 400, message = "x", data(reason = KEY_INVALID, retries = 3))]
    KeyInvalid,
}

fn main() {}
