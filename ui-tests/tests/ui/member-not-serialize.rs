use apierr::ApiError;

#[derive(Debug)]
struct Balance;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "OUT_OF_CREDIT", status = 403, message = "x")]
    OutOfCredit {
        #[api(member)]
        balance: Balance,
    },
}

fn main() {}
