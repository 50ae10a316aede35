use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "NOT_FOUND", status = 404, message = "not found", no_response_impls)]
    NotFound,
}

fn main() {}
