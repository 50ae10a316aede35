use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "NOT_FOUND", status = 404, message = "x", title = 42)]
    NotFound,
}

fn main() {}
