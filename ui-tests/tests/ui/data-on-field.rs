use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "KEY_INVALID", status = 400, message = "x")]
    KeyInvalid {
        #[api(data(reason = "KEY_INVALID"))]
        key: String,
    },
}

fn main() {}
