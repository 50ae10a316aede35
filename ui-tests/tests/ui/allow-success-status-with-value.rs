use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(allow_success_status = true)]
enum SlackError {
    #[api(code = "invalid_auth", status = 200, message = "x")]
    InvalidAuth,
}

fn main() {}
