use apierr::ApiError;

// Slack-style: every error answered with 200 and `{"ok":false,...}`.
#[derive(Debug, ApiError)]
#[api(allow_success_status, status = 200)]
enum SlackError {
    #[api(code = "invalid_auth", message = "Invalid token")]
    InvalidAuth,
    #[api(code = "ratelimited", status = 429, message = "Slow down")]
    RateLimited,
}

// Opted in on one variant only.
#[derive(Debug, ApiError)]
enum MixedError {
    #[api(code = "soft_fail", status = OK, allow_success_status, message = "Soft failure")]
    SoftFail,
    #[api(code = "hard_fail", status = 500, message = "Hard failure")]
    HardFail,
}

#[derive(Debug, ApiError)]
#[api(code = "partial", status = 207, allow_success_status, message = "Partial success")]
struct Partial;

fn main() {
    assert_eq!(SlackError::InvalidAuth.status().as_u16(), 200);
    assert_eq!(SlackError::RateLimited.status().as_u16(), 429);
    assert_eq!(MixedError::SoftFail.status().as_u16(), 200);
    assert_eq!(MixedError::HardFail.status().as_u16(), 500);
    assert_eq!(Partial.status().as_u16(), 207);
}
