use std::fmt::Debug;

use apierr::ApiError;

#[derive(Debug, ApiError)]
enum Outer<T, U>
where
    T: Debug,
    U: Clone,
{
    #[api(code = "BAD_VALUE", status = 400, message = "bad value {0:?}")]
    BadValue(T),
    #[api(code = "BAD_OTHER", status = 400, message = "bad other")]
    BadOther(U),
    #[api(transparent)]
    Inner(Inner),
}

#[derive(Debug, ApiError)]
enum Inner {
    #[api(code = "INNER", status = 503, message = "inner down")]
    Down,
}

fn main() {
    let e: Outer<u8, String> = Outer::BadValue(3);
    assert_eq!(e.message(), "bad value 3");
    let e: Outer<u8, String> = Outer::BadOther(String::new());
    assert_eq!(e.code(), "BAD_OTHER");
    let e: Outer<u8, String> = Outer::Inner(Inner::Down);
    assert_eq!(e.code(), "INNER");
    assert_eq!(e.status().as_u16(), 503);
}
