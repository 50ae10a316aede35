use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = 1234567890123456, status = 400, message = "x")]
    Legacy,
}

fn main() {}
