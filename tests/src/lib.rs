//! Behaviour tests live in `tests/`. This library holds what they share with the fuzz targets
//! in `fuzz/`: a hand-written [`ApiError`](apierr::ApiError) whose every part is data
//! ([`fixture`]), a format of the user's own ([`json_api`]), an independent model of each built-in format's body ([`model`]) and the
//! fuzz targets themselves ([`fuzz_targets`]), so that the checked-in corpus runs on stable too.

pub mod fixture;
pub mod fuzz_bounded;
pub mod fuzz_targets;
pub mod gallery;
pub mod json_api;
pub mod model;
pub mod schema;
