use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(www_authenticate = Bearer)]
enum AppError {
    #[api(code = "UNAUTHORIZED", status = 401, message = "x")]
    Unauthorized,
}

fn main() {}
