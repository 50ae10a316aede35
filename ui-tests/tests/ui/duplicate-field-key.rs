use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "OUT_OF_CREDIT", status = 403, message = "out of credit")]
    OutOfCredit {
        #[api(member)]
        #[api(member = "amount")]
        balance: u64,
    },
}

fn main() {}
