use apierr::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(
        code = "A",
        status = 400,
        message = "x",
        header("x-cost", "1"),
        header("X-Cost", "2")
    )]
    A,
    #[api(code = "B", status = 400, message = "x", header("x-cost", "1"))]
    B {
        #[api(header = "x-cost")]
        cost: u32,
    },
}

fn main() {}
