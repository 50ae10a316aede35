use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "OUT_OF_CREDIT", status = 403, message = "out of credit")]
    OutOfCredit {
        #[api(member)]
        balance: u64,
        #[api(member = "balance")]
        cost: u64,
    },
}

fn main() {}
