use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400, message = "bad request")]
enum AppError {
    #[api(code = "BAD", message = "x")]
    Bad,
}

fn main() {}
