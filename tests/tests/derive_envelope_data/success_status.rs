//! 2xx statuses, for APIs that answer errors with 200.

use apierr::format::Nested;
use apierr::{ApiError, Envelope};
use serde_json::json;

#[derive(Debug, ApiError)]
#[api(allow_success_status, status = 200)]
enum SlackError {
    #[api(code = "invalid_auth", message = "Invalid token")]
    InvalidAuth,
    #[api(code = "channel_not_found", status = 202, message = "Unknown channel")]
    ChannelNotFound,
    #[api(code = "ratelimited", status = 429, message = "Slow down")]
    RateLimited,
}

#[derive(Debug, ApiError)]
enum MixedError {
    #[api(code = "soft_fail", status = OK, allow_success_status, message = "Soft failure")]
    SoftFail,
    #[api(code = "hard_fail", status = 500, message = "Hard failure")]
    HardFail,
}

#[test]
fn a_success_status_is_kept_where_it_is_allowed() {
    assert_eq!(SlackError::InvalidAuth.status().as_u16(), 200);
    assert_eq!(SlackError::ChannelNotFound.status().as_u16(), 202);
    assert_eq!(SlackError::RateLimited.status().as_u16(), 429);
    assert_eq!(MixedError::SoftFail.status().as_u16(), 200);
    assert_eq!(MixedError::SoftFail.spec().status().as_u16(), 200);
    assert_eq!(MixedError::HardFail.status().as_u16(), 500);
    // Not redacted, as a 5xx would be: the message is shown.
    assert_eq!(SlackError::InvalidAuth.message(), "Invalid token");
    assert_eq!(
        Envelope::new(&SlackError::InvalidAuth)
            .with_format(&Nested)
            .to_value()
            .unwrap(),
        json!({
            "success": false,
            "error": {"code": "invalid_auth", "message": "Invalid token", "status": 200},
        })
    );
}
