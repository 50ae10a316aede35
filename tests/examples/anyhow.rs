//! anyhow → apierr: `apierr::Internal` as the catch-all variant of an API's error enum.
//!
//! ```sh
//! cargo run -p apierr-tests --example anyhow
//! ```
//!
//! Prints a seed 004 (`StatusEnvelope`) 500 as production sends it, then with debug detail on
//! (development only), then the line the HTTP layer logs.

use anyhow::Context as _;
use apierr::anyhow::ResultExt as _;
use apierr::format::StatusEnvelope;
use apierr::{ApiError, Context, Envelope, Internal};

#[derive(Debug, thiserror::Error, ApiError)]
#[api(format = StatusEnvelope)]
enum AppError {
    #[error("user {0} exists")]
    #[api(code = "USER_EXISTS", status = 409, message = "Email already in use")]
    UserExists(String),
    /// Anything unexpected: a redacted 500 whose chain goes to the log.
    #[error(transparent)]
    #[api(transparent)]
    Other(#[from] Internal),
}

fn read_config() -> anyhow::Result<String> {
    let text = std::fs::read_to_string("/nonexistent/apierr-example.toml")
        .context("cannot read /nonexistent/apierr-example.toml")?;
    Ok(text)
}

fn register(email: &str) -> Result<(), AppError> {
    if email == "taken@example.com" {
        return Err(AppError::UserExists(email.to_owned()));
    }
    let _config = read_config().context("cannot load settings").internal()?;
    Ok(())
}

fn main() {
    let render = |error: &AppError, context: &Context| {
        let body = Envelope::new(error)
            .with_context(context)
            .to_vec()
            .expect("the body renders");
        String::from_utf8_lossy(&body).into_owned()
    };
    let error = register("new@example.com").expect_err("the config is missing");
    println!(
        "production:  {} {}",
        error.status(),
        render(&error, &Context::new())
    );
    let debug = Context::new().with_debug_detail(true);
    println!("development: {}", render(&error, &debug));
    println!("log:         {error:#}");
    let taken = register("taken@example.com").expect_err("the address is taken");
    println!(
        "other codes: {} {}",
        taken.status(),
        render(&taken, &Context::new())
    );
}
