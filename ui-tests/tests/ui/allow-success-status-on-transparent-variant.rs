use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(code = "INNER", status = 200, allow_success_status, message = "x")]
struct Inner;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(transparent, allow_success_status)]
    Wrapped(Inner),
}

fn main() {}
