use apierr::ApiError;

fn write(_: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
    Ok(())
}

#[derive(Debug, ApiError)]
#[api(display, code = "IO", status = 500)]
#[error(fmt = write)]
struct IoError;

fn main() {}
