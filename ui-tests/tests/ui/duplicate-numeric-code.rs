use apierr::ApiError;

// A numeric code is its digits: the same code as the string of them.
#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = 20003, status = 401, message = "x")]
    Expired,
    #[api(code = "20003", status = 401, message = "y")]
    Revoked,
}

fn main() {}
