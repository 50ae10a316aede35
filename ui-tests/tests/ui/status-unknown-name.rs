use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "NOT_FOUND", status = NOT_FUOND, message = "x")]
    NotFound,
    #[api(code = "LATER", status = StatusCode::TOO_MANY_REQUEST, message = "x")]
    Later,
    #[api(code = "NOPE", status = NOPE, message = "x")]
    Nope,
}

fn main() {}
