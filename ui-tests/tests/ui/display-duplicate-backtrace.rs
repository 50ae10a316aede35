use apierr::ApiError;

use std::backtrace::Backtrace;

#[derive(Debug, ApiError)]
#[api(display)]
enum AppError {
    #[error("io failed")]
    #[api(code = "IO", status = 500)]
    Io {
        #[backtrace]
        first: Backtrace,
        #[backtrace]
        second: Backtrace,
    },
}

fn main() {}
