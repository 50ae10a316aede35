//! The OpenAPI documents of every seed in every format, inline and with a shared schema,
//! validated by a real OpenAPI 3.1 validator.
//!
//! The validator is Python's `openapi-spec-validator`: `.ci/run` installs it and runs the
//! ignored test with `APIERR_OPENAPI_VALIDATOR` set. By hand:
//! `APIERR_OPENAPI_VALIDATOR=/path/to/openapi-spec-validator cargo test --test openapi_validate -- --ignored`.

mod catalog_seeds;

use std::path::{Path, PathBuf};
use std::process::Command;

use apierr::catalog::Catalog;
use apierr::format::{
    FieldLists, FieldStrings, FlatDetails, Nested, ProblemDetails, StatusEnvelope,
};
use apierr::openapi::ErrorResponses;
use apierr_tests::json_api::JsonApi;
use catalog_seeds::{Seed000Error, Seed001Error, Seed002Error, Seed003Error, Seed004Error};
use serde_json::Value;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn validate(files: &[PathBuf]) -> std::process::Output {
    let validator = std::env::var_os("APIERR_OPENAPI_VALIDATOR").expect(
        "APIERR_OPENAPI_VALIDATOR must name `openapi-spec-validator`: .ci/run installs it and sets it",
    );
    Command::new(validator)
        .args(["--schema", "3.1", "--errors", "all"])
        .args(files)
        .output()
        .expect("the validator runs")
}

#[test]
#[ignore = "needs Python's openapi-spec-validator: .ci/run runs it with APIERR_OPENAPI_VALIDATOR set"]
fn documents_are_valid_openapi_3_1() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("apierr-openapi");
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = Vec::new();
    macro_rules! each_format {
        ($seed:literal, $ty:ty) => {
            let catalog = Catalog::of::<$ty>().unwrap();
            macro_rules! doc {
                ($name:literal, $format:expr) => {
                    let text = ErrorResponses::new(&catalog, &$format)
                        .with_schema_ref("ApiErrorBody")
                        .document("Errors", "1.0.0", "/errors")
                        .to_pretty_json()
                        .unwrap();
                    files.push(write(&dir, concat!($seed, "_", $name, ".json"), &text));
                    // Inline schemas, without components.
                    let inline = serde_json::to_string(
                        &ErrorResponses::new(&catalog, &$format)
                            .document("Errors", "1.0.0", "/errors"),
                    )
                    .unwrap();
                    files.push(write(
                        &dir,
                        concat!($seed, "_", $name, "_inline.json"),
                        &inline,
                    ));
                };
            }
            doc!("nested", Nested);
            doc!("field_lists", FieldLists);
            doc!("field_strings", FieldStrings);
            doc!("flat_details", FlatDetails);
            doc!("status_envelope", StatusEnvelope);
            doc!("problem", ProblemDetails::new());
            doc!("json_api", JsonApi);
        };
    }
    each_format!("seed_000", Seed000Error);
    each_format!("seed_001", Seed001Error);
    each_format!("seed_002", Seed002Error);
    each_format!("seed_003", Seed003Error);
    each_format!("seed_004", Seed004Error);
    assert_eq!(files.len(), 70);
    // One run for all of them: the validator's start-up dominates.
    let output = validate(&files);
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "not valid OpenAPI 3.1:\n{said}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(said.matches(": OK").count(), 70, "{said}");

    // The validator is not vacuous: a response without its required description fails.
    let mut broken: Value =
        serde_json::from_str(&std::fs::read_to_string(&files[0]).unwrap()).unwrap();
    broken["paths"]["/errors"]["get"]["responses"]["401"]
        .as_object_mut()
        .unwrap()
        .remove("description");
    let output = validate(&[write(&dir, "broken.json", &broken.to_string())]);
    assert!(
        !output.status.success(),
        "a response without a description passed"
    );
}
