use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "A", status = 400, message = "x", header = "x-a")]
    A,
    #[api(code = "B", status = 400, message = "x", header("x-b"))]
    B,
    #[api(code = "C", status = 400, message = "x", header("x-c", "1", "2"))]
    C,
}

fn main() {}
