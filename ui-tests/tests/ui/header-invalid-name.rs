use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "A", status = 400, message = "x", header("bad name", "x"))]
    A,
    #[api(code = "B", status = 400, message = "x")]
    B {
        #[api(header = "x:cost")]
        cost: u32,
    },
}

fn main() {}
