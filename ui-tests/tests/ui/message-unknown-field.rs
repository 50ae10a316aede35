use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "LOCKED", status = 403, message = "locked until {untill}")]
    Locked { until: String },
}

fn main() {}
