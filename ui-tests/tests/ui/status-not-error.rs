use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "FINE", status = 200, message = "x")]
    Fine,
    #[api(code = "MOVED", status = FOUND, message = "x")]
    Moved,
}

fn main() {}
