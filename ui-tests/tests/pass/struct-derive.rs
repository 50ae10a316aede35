use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(code = "RATE_LIMITED", status = TOO_MANY_REQUESTS, message = "retry in {retry_after}s")]
struct RateLimited {
    #[api(member = "retryAfter")]
    retry_after: u32,
}

#[derive(Debug, ApiError)]
#[api(code = "UNIT", status = 400, message = "unit")]
struct Unit;

#[derive(Debug, ApiError)]
#[api(code = "TUPLE", status = 400, message = "tuple {0}")]
struct Tuple(u8);

fn main() {
    let e = RateLimited { retry_after: 30 };
    assert_eq!(e.code(), "RATE_LIMITED");
    assert_eq!(e.status().as_u16(), 429);
    assert_eq!(e.message(), "retry in 30s");
    assert_eq!(Unit.message(), "unit");
    assert_eq!(Tuple(4).message(), "tuple 4");
}
