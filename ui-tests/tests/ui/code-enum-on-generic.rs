use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(code_enum)]
enum AppError<T> {
    #[api(code = "BAD", status = 400, message = "bad {0}")]
    Bad(T),
}

fn main() {}
