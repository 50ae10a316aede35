use apierr::ApiError;

#[derive(Debug, ApiError)]
enum Inner {
    #[api(code = "INNER", status = 400, message = "x")]
    Inner,
}

#[derive(Debug, ApiError)]
enum AppError {
    #[api(transparent, message = "wrapped")]
    Wrapped(Inner),
}

fn main() {}
