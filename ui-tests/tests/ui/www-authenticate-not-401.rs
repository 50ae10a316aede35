use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "FORBIDDEN", status = 403, message = "x", www_authenticate = "Bearer")]
    Forbidden,
}

fn main() {}
