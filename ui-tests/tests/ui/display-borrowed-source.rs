use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(display)]
enum AppError<'a> {
    #[error("io failed")]
    #[api(code = "IO", status = 500)]
    Io(#[source] &'a std::io::Error),
}

fn main() {}
