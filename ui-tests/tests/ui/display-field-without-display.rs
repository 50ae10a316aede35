use apierr::ApiError;

struct Opaque;

#[derive(Debug, ApiError)]
#[api(display)]
enum AppError {
    #[error("bad value {0}")]
    #[api(code = "BAD", status = 400)]
    Bad(Opaque),
}

impl std::fmt::Debug for Opaque {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Opaque")
    }
}

fn main() {}
