use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AuthError {
    #[api(code = "AUTH_FAILED", status = 401, message = "bad password")]
    BadPassword,
    #[api(code = "AUTH_FAILED", status = 401, message = "unknown user")]
    UnknownUser,
}

fn main() {}
