use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 200, rename_all = "SHOUTY")]
enum AppError {
    #[api(code = "A B", stauts = 404, message = "x")]
    First,
    #[api(code = "A B", status = 404, message = "{missing}")]
    Second,
    #[api(transparent, code = "X")]
    Third,
}

fn main() {}
