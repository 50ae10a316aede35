use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(code = "INNER", status = 400, message = "x")]
struct Inner;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(transparent)]
    Wrapped(#[api(errors)] Inner),
}

fn main() {}
