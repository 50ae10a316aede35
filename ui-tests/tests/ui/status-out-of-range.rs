use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "TOO_HIGH", status = 1000, message = "x")]
    TooHigh,
    #[api(code = "TOO_LOW", status = 99, message = "x")]
    TooLow,
    #[api(code = "HUGE", status = 70000, message = "x")]
    Huge,
}

fn main() {}
