use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(status = 404, message = "x")]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api(status = 404, message = "x")]
struct Missing;

fn main() {}
