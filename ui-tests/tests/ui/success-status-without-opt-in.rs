use apierr::ApiError;

#[derive(Debug, ApiError)]
enum SlackError {
    #[api(code = "invalid_auth", status = 200, message = "x")]
    InvalidAuth,
    #[api(code = "not_in_channel", status = OK, message = "x")]
    NotInChannel,
}

#[derive(Debug, ApiError)]
#[api(status = 204)]
enum QuietError {
    #[api(code = "quiet", message = "x")]
    Quiet,
}

#[derive(Debug, ApiError)]
#[api(code = "partial", status = 207, message = "x")]
struct Partial;

fn main() {}
