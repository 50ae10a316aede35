use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "BUSY", status = 503, message = "x")]
    Busy {
        #[api(retry_after)]
        wait: i64,
    },
}

fn main() {}
