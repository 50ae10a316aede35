use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "LOCKED", status = 403, message = "locked until {until")]
    Locked { until: String },
}

fn main() {}
