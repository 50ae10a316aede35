use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "KEY_INVALID", status = 400, message = "x", data(reason, domain = "example.com"))]
    KeyInvalid,
}

fn main() {}
