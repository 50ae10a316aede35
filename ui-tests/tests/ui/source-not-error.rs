use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "DB", status = 500, message = "x")]
    Db { source: &'static str },
}

fn main() {}
