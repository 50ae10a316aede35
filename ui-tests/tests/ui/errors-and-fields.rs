use apierr::{ApiError, SubErrors};

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "BATCH_FAILED", status = 422, message = "batch failed")]
    BatchFailed {
        #[api(fields, errors)]
        errors: SubErrors,
    },
}

fn main() {}
