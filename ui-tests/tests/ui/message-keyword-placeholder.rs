use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "BAD_TYPE", status = 400, message = "bad {type}")]
    BadType { r#type: u8 },
}

fn main() {}
