use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "OUT_OF_CREDIT", status = 403, message = "out of credit")]
    OutOfCredit {
        #[api(membr)]
        balance: u64,
        #[api(code = "X")]
        cost: u64,
        #[api(serialize_with = "x")]
        other: u64,
    },
}

fn main() {}
