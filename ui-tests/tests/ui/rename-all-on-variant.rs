use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(rename_all = "snake_case", status = 404, message = "x")]
    NotFound,
}

fn main() {}
