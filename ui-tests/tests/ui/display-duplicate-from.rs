use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(display)]
enum AppError {
    #[error("io failed")]
    #[api(code = "IO", status = 500)]
    Io(#[from] std::io::Error, #[from] std::fmt::Error),
}

fn main() {}
