use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(code_enum)]
enum AppError {
    #[api(code = "ORDER_NOT_FOUND", status = 404, message = "order not found")]
    OrderNotFound,
}

// A code the type does not know cannot be listed: `Unknown` holds a `String`, which is not
// built when the program is compiled.
apierr::openapi::responses! {
    pub GetOrderErrors = AppError[Unknown(String::from("ORDER_NOT_FOND"))];
}

fn main() {}
