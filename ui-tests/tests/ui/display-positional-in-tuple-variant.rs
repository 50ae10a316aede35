use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(display)]
enum AppError {
    #[error("{0} of {}", .1)]
    #[api(code = "RANGE", status = 400)]
    Range(u32, u32),
}

fn main() {}
