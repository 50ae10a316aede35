use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(display)]
enum AppError {
    #[error("io failed")]
    #[api(code = "IO", status = 500)]
    Io {
        #[source]
        first: std::io::Error,
        #[source]
        second: std::io::Error,
    },
}

fn main() {}
