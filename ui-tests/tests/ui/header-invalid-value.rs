use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "A", status = 400, message = "x", header("x-a", "line\nbreak"))]
    A,
    #[api(code = "B", status = 400, message = "x", header("x-b", " padded"))]
    B,
}

fn main() {}
