use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "", status = 404, message = "x")]
    NotFound,
}

fn main() {}
