use apierr::ApiError;

struct NotAFormat;

#[derive(Debug, ApiError)]
#[api(format = NotAFormat)]
enum AppError {
    #[api(code = "NOT_FOUND", status = 404, message = "x")]
    NotFound,
}

fn main() {}
