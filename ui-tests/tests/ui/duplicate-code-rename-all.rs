use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(rename_all = "SCREAMING_SNAKE_CASE", status = 400)]
enum FormError {
    #[api(message = "too long")]
    TooLong,
    #[api(code = "TOO_LONG", message = "way too long")]
    WayTooLong,
}

fn main() {}
