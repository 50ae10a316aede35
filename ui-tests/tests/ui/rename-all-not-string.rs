use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(rename_all = SCREAMING_SNAKE_CASE, status = 400)]
enum AppError {
    #[api(message = "x")]
    NotFound,
}

fn main() {}
