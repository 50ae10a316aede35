use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "INVALID", status = 422, message = "invalid")]
    Invalid {
        #[api(fields)]
        errors: Vec<u8>,
    },
}

fn main() {}
