use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "NOT_FOUND", status = 404, message = "x")]
    NotFound,
    #[api(code = "GONE", status = 410, messag = "gone")]
    Gone,
}

fn takes<E: apierr::ApiError>(_: &E) {}

fn main() {
    let e = AppError::NotFound;
    takes(&e);
    let _ = apierr::Envelope::new(&e).to_value();
    let _ = e.code();
    let _: &dyn apierr::ApiError = &e;
}
