use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "BUSY", status = 503, message = "x")]
    Busy {
        #[api(retry_after)]
        wait: u64,
        #[api(retry_after)]
        wait_more: u64,
    },
}

fn main() {}
