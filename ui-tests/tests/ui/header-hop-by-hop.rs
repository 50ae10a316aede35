use apierr::ApiError;

// Headers the format or the HTTP server sets, or that have no place in a response: the runtime
// would drop them, so they are refused here.
#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "A", status = 400, message = "x", header("transfer-encoding", "chunked"))]
    A,
    #[api(code = "B", status = 400, message = "x", header("Connection", "close"))]
    B,
    #[api(code = "C", status = 400, message = "x", header("keep-alive", "timeout=5"))]
    C,
    #[api(code = "D", status = 400, message = "x", header("host", "example.com"))]
    D,
    #[api(code = "E", status = 400, message = "x")]
    E {
        #[api(header = "Upgrade")]
        protocol: String,
    },
}

fn main() {}
