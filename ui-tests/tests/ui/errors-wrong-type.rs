use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "BATCH_FAILED", status = 422, message = "batch failed")]
    BatchFailed {
        #[api(errors)]
        errors: Vec<String>,
    },
}

fn main() {}
