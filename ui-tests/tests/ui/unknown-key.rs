use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "NOT_FOUND", status = 404, colour = "red", message = "x")]
    NotFound,
}

fn main() {}
