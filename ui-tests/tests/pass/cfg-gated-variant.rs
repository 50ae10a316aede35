use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(rename_all = "SCREAMING_SNAKE_CASE", status = 400)]
enum AppError {
    #[api(message = "always")]
    Always,
    #[cfg(any())]
    #[api(message = "never compiled")]
    Never(NoSuchType),
    #[cfg(not(any()))]
    #[api(code = "PLATFORM", message = "on this platform")]
    Here,
    #[cfg(any())]
    #[api(code = "PLATFORM", message = "on another platform")]
    There,
}

fn main() {
    assert_eq!(AppError::Always.code(), "ALWAYS");
    assert_eq!(AppError::Here.code(), "PLATFORM");
    let mut codes = Vec::new();
    AppError::catalog(&mut |spec| codes.push(spec.code()));
    assert_eq!(codes, ["ALWAYS", "PLATFORM"]);
}
