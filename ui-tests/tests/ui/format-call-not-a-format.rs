use apierr::ApiError;

fn format_from_config() -> String {
    std::env::var("ERROR_FORMAT").unwrap_or_default()
}

#[derive(Debug, ApiError)]
#[api(format = format_from_config())]
enum AppError {
    #[api(code = "NOT_FOUND", status = 404, message = "x")]
    NotFound,
}

fn main() {}
