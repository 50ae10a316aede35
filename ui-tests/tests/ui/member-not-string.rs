use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "OUT_OF_CREDIT", status = 403, message = "out of credit")]
    OutOfCredit {
        #[api(member = balance)]
        amount: u64,
    },
}

fn main() {}
