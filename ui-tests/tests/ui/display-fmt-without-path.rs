use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(display)]
enum AppError {
    #[error(fmt)]
    #[api(code = "IO", status = 500)]
    Io(std::io::Error),
}

fn main() {}
