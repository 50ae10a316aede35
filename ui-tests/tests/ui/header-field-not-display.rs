use apierr::ApiError;

#[derive(Debug)]
struct Cost;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "EXPENSIVE", status = 402, message = "x")]
    Expensive {
        #[api(header = "x-cost")]
        cost: Cost,
    },
}

fn main() {}
