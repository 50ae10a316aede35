use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = 20003u32, status = 400, message = "x")]
    Legacy,
}

fn main() {}
