use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(display)]
enum AppError {
    #[error(transparent)]
    #[api(code = "IO", status = 500)]
    Io(#[source] std::io::Error),
}

fn main() {}
