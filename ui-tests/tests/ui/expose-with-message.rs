use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "DB", status = 500, message = "database down", expose)]
    Db,
}

fn main() {}
