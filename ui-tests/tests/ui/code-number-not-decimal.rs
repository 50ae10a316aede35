use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = 0x4E23, status = 400, message = "x")]
    Legacy,
}

fn main() {}
