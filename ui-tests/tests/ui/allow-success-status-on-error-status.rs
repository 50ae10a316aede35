use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum SlackError {
    #[api(code = "invalid_auth", status = 401, allow_success_status, message = "x")]
    InvalidAuth,
    #[api(code = "bad_request", allow_success_status, message = "x")]
    BadRequest,
}

fn main() {}
