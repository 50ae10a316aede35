use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "ORDER_NOT_FOUND", status = 404, message = "order not found")]
    OrderNotFound,
}

apierr::openapi::responses! {
    pub GetOrderErrors = AppError[OrderNotFound];
}

fn main() {}
