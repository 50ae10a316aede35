use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(display)]
enum AppError {
    #[error("io failed")]
    #[api(code = "IO", status = 500)]
    Io {
        #[source]
        cause: std::io::Error,
        #[from]
        other: std::fmt::Error,
    },
}

fn main() {}
