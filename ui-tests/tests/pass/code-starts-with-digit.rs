use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AuthError {
    #[api(
        code = "2FA_REQUIRED",
        status = 401,
        message = "two-factor authentication is required"
    )]
    TwoFactorRequired,
    #[api(code = "404.item-missing", status = 404, message = "no item")]
    Missing,
}

fn main() {
    assert_eq!(AuthError::TwoFactorRequired.code(), "2FA_REQUIRED");
    assert_eq!(AuthError::Missing.code(), "404.item-missing");
}
