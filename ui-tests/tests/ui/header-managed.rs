use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "A", status = 401, message = "x", header("Content-Type", "text/plain"))]
    A,
    #[api(code = "B", status = 401, message = "x", header("www-authenticate", "Bearer"))]
    B,
    #[api(code = "C", status = 429, message = "x")]
    C {
        #[api(header = "retry-after")]
        wait: u32,
    },
}

fn main() {}
