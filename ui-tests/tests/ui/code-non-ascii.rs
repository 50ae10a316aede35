use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "INTROUVÉ", status = 404, message = "x")]
    NotFound,
}

fn main() {}
