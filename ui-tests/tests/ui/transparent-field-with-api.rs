use apierr::ApiError;

#[derive(Debug, ApiError)]
enum Inner {
    #[api(code = "INNER", status = 400, message = "x")]
    Inner,
}

#[derive(Debug, ApiError)]
enum AppError {
    #[api(transparent)]
    Wrapped(#[api(member = "inner")] Inner),
}

fn main() {}
