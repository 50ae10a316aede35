use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(code_enum)]
enum AuthError {
    #[api(code = "AUTH_MISSING", status = 401, message = "missing token")]
    Missing,
}

#[derive(Debug, ApiError)]
#[api(code_enum)]
enum AppError {
    #[api(transparent)]
    Auth(AuthError),
    #[api(code = "ORDER_NOT_FOUND", status = 404, message = "order not found")]
    OrderNotFound,
}

apierr::openapi::responses! {
    pub GetOrderErrors = AppError[OrderNotFund];
    pub LoginErrors = AppError[Auth(AuthErrorCode::Mising)];
}

fn main() {}
