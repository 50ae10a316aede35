use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(code = "APP_ERROR", status = 400)]
enum AppError {
    #[api(message = "x")]
    NotFound,
}

fn main() {}
