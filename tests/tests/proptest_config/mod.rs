//! The one configuration of every property test in this crate (`proptest_formats.rs`,
//! `hostile_input.rs`, `i18n.rs`), so that the seed, the number of cases and where failures are
//! kept are decided here once.
//!
//! `cargo test` must give the same result on every run and every machine, so the cases come
//! from a fixed seed, and every failure ever found is replayed first from the
//! `<test file>.proptest-regressions` file beside the test, which is committed. Breadth comes
//! from `scripts/proptest-long` instead, which runs the same tests with a random seed and many
//! more cases, through two environment variables read here:
//!
//! - `APIERR_PROPTEST_SEED`: a `u64`, or `random` (a fresh seed per test); unset, [`SEED`].
//! - `APIERR_PROPTEST_SCALE`: a factor on every test's number of cases; unset, 1.
//!
//! The seed and scale are printed to the test's output, which the harness shows when the test
//! fails, so a failure found with `random` can be run again.
//!
//! proptest's own `PROPTEST_CASES` and `PROPTEST_RNG_SEED` are overridden: a stray variable in
//! someone's shell must not change what `cargo test` runs.

use std::hash::{BuildHasher, RandomState};

use proptest::test_runner::{Config, FileFailurePersistence, RngAlgorithm, RngSeed};

/// The seed of every `cargo test` run. Any value works; changing it changes which cases run,
/// so do it only on purpose, with the suite green on the new one.
pub const SEED: u64 = 0x6170_6965_7272_0013;

/// The configuration for a property test that runs `cases` cases in a plain `cargo test`.
///
/// # Panics
/// When `APIERR_PROPTEST_SEED` or `APIERR_PROPTEST_SCALE` is set to something unreadable:
/// silently running the default instead would pass for the run that was asked for.
pub fn cases(cases: u32) -> Config {
    let seed = match std::env::var("APIERR_PROPTEST_SEED").as_deref() {
        Err(_) => SEED,
        // `RandomState` is seeded from the operating system's randomness: no extra dependency.
        Ok("random") => RandomState::new().hash_one(0u8),
        Ok(text) => text
            .parse()
            .unwrap_or_else(|_| panic!("APIERR_PROPTEST_SEED={text:?}: a u64 or `random`")),
    };
    let scale: u32 = match std::env::var("APIERR_PROPTEST_SCALE") {
        Err(_) => 1,
        Ok(text) => text
            .parse()
            .ok()
            .filter(|&scale| scale > 0)
            .unwrap_or_else(|| panic!("APIERR_PROPTEST_SCALE={text:?}: a positive integer")),
    };
    let cases = cases.saturating_mul(scale);
    eprintln!(
        "proptest: APIERR_PROPTEST_SEED={seed} APIERR_PROPTEST_SCALE={scale} ({cases} cases)"
    );
    Config {
        cases,
        rng_algorithm: RngAlgorithm::ChaCha,
        rng_seed: RngSeed::Fixed(seed),
        // `SourceParallel` would look for the crate's `lib.rs` above `tests/tests/`, find none
        // (it is in `tests/src/`), warn, and fall back to this: the file beside the test.
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::default()
    }
}
