use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "NOT_FOUND", status = 404, message = not_found)]
    NotFound,
}

fn main() {}
