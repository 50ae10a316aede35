use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = -3, status = 400, message = "x")]
    Legacy,
}

fn main() {}
