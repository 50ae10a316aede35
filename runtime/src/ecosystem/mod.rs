//! Bridges to the crates an API service uses beside apierr: validation libraries (their reports
//! as [`FieldErrors`](crate::FieldErrors)), anyhow, and reqwest. Each bridge is behind the
//! feature named after its crate.

#[cfg(feature = "anyhow")]
pub mod anyhow;
#[cfg(feature = "garde")]
pub mod garde;
#[cfg(feature = "reqwest")]
pub mod reqwest;
#[cfg(feature = "validator")]
pub mod validator;
