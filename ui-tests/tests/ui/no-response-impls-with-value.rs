use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(no_response_impls = false)]
enum AppError {
    #[api(code = "NOT_FOUND", status = 404, message = "not found")]
    NotFound,
}

fn main() {}
