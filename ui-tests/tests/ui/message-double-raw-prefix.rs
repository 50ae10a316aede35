use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "RAW", status = 400, message = "bad {r#r#x}")]
    Raw { x: u8 },
}

// The stand-in impl: using the type as an `ApiError` adds no error of its own.
fn main() {
    let _ = AppError::Raw { x: 1 }.code();
}
