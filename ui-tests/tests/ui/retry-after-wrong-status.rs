use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "CONFLICT", status = 409, message = "x")]
    Conflict {
        #[api(retry_after)]
        wait: u64,
    },
}

fn main() {}
