use apierr::{ApiError, FieldErrors};

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "INVALID", status = 422, message = "invalid")]
    Invalid(#[api(fields = true)] FieldErrors),
}

fn main() {}
