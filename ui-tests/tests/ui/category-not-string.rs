use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(category = Auth)]
enum AppError {
    #[api(code = "NOT_FOUND", status = 404, message = "x")]
    NotFound,
}

fn main() {}
