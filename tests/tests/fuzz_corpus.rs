//! Every fuzz target over its checked-in corpus (`fuzz/corpus/<target>/`), on stable: the
//! seed inputs and whatever fuzzing found interesting keep passing without a nightly
//! toolchain. `scripts/fuzz` does the fuzzing itself.

use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use apierr_tests::fuzz_targets::TARGETS;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

fn run(name: &str) {
    let (_, target) = TARGETS
        .iter()
        .find(|(known, _)| *known == name)
        .unwrap_or_else(|| panic!("no target {name}"));
    let inputs = files(&fuzz_dir().join("corpus").join(name));
    assert!(!inputs.is_empty(), "{name} has no corpus");
    let failed: Vec<String> = inputs
        .iter()
        .filter(|path| {
            let data = fs::read(path).unwrap();
            catch_unwind(AssertUnwindSafe(|| target(&data))).is_err()
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(failed.is_empty(), "{name} fails on {failed:#?}");
}

#[test]
fn render() {
    run("render");
}

#[test]
fn correlation_id() {
    run("correlation_id");
}

#[test]
fn field_path() {
    run("field_path");
}

#[test]
fn decode_nested() {
    run("decode_nested");
}

#[test]
fn decode_field_lists() {
    run("decode_field_lists");
}

#[test]
fn decode_field_strings() {
    run("decode_field_strings");
}

#[test]
fn decode_flat_details() {
    run("decode_flat_details");
}

#[test]
fn decode_status_envelope() {
    run("decode_status_envelope");
}

#[test]
fn decode_problem_details() {
    run("decode_problem_details");
}

#[test]
fn decode_detect() {
    run("decode_detect");
}

/// A target added on one side only would go unfuzzed or untested.
#[test]
fn targets_corpora_and_fuzz_binaries_match() {
    let mut known: Vec<String> = TARGETS.iter().map(|(name, _)| (*name).to_owned()).collect();
    known.sort();
    let names = |dir: &str, strip: &str| -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(fuzz_dir().join(dir))
            .unwrap()
            .map(|entry| {
                let name = entry.unwrap().file_name().into_string().unwrap();
                name.strip_suffix(strip).unwrap_or(&name).to_owned()
            })
            .collect();
        names.sort();
        names
    };
    assert_eq!(names("corpus", ""), known);
    assert_eq!(names("fuzz_targets", ".rs"), known);
    let manifest = fs::read_to_string(fuzz_dir().join("Cargo.toml")).unwrap();
    for name in &known {
        assert!(
            manifest.contains(&format!("name = \"{name}\"")),
            "fuzz/Cargo.toml has no [[bin]] {name}"
        );
    }
    let total: usize = known
        .iter()
        .map(|name| files(&fuzz_dir().join("corpus").join(name)).len())
        .sum();
    assert!(
        total < 200,
        "keep the checked-in corpus small: {total} files"
    );
}

#[test]
fn garde_report() {
    run("garde_report");
}

#[test]
fn validator_report() {
    run("validator_report");
}

#[test]
fn extractor_body() {
    run("extractor_body");
}
