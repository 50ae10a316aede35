use apierr::ApiError;

#[derive(Debug)]
struct Until;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "LOCKED", status = 403, message = "locked until {until}")]
    Locked { until: Until },
}

fn main() {}
