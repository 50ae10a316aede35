use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(code_enum = "AppErrorCode")]
enum AppError {
    #[api(code = "BAD", status = 400, message = "x")]
    Bad,
}

fn main() {}
