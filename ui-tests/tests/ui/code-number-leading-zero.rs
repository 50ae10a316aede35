use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = 007, status = 400, message = "x")]
    Legacy,
}

fn main() {}
