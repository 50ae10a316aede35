use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(display)]
enum AppError {
    #[error("io failed after {attempts} attempts")]
    #[api(code = "IO", status = 500)]
    Io {
        #[from]
        source: std::io::Error,
        attempts: u32,
    },
}

fn main() {}
