use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(rename_all = "snake_case", status = 400, message = "x")]
struct BadRequest;

fn main() {}
