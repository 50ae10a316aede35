use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(transparent)]
    Inner,
}

fn main() {}
