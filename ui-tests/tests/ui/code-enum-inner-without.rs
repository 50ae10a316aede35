use apierr::ApiError;

#[derive(Debug, ApiError)]
enum Inner {
    #[api(code = "INNER", status = 400, message = "x")]
    Inner,
}

#[derive(Debug, ApiError)]
#[api(code_enum)]
enum AppError {
    #[api(code = "BAD", status = 400, message = "x")]
    Bad,
    #[api(transparent)]
    Inner(Inner),
}

fn main() {}
