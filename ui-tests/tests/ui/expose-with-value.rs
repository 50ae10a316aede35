use apierr::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum AppError {
    #[error("database down")]
    #[api(code = "DB", status = 500, expose = true)]
    Db,
}

fn main() {}
