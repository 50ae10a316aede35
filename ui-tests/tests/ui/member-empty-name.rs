use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "OUT_OF_CREDIT", status = 403, message = "out of credit")]
    OutOfCredit(#[api(member = "")] u64),
}

fn main() {}
