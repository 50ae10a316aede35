use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 304)]
enum AppError {
    #[api(code = "A", message = "x")]
    A,
    #[api(code = "B", message = "x")]
    B,
}

fn main() {}
