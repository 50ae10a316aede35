use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(transparent)]
    Io(std::io::Error),
}

fn main() {}
