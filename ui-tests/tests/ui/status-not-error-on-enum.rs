use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 204)]
enum AppError {
    #[api(code = "A", message = "x")]
    A,
    #[api(code = "B", message = "x")]
    B,
}

fn main() {}
