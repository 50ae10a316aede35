//! The OpenAPI documents fed to a real client generator: openapi-typescript turns them into
//! TypeScript types, and real bodies (with extension members such as `lockedUntil`, field
//! errors, real messages) must type-check against them with `tsc --strict`, while a body with
//! a code its response does not list must not.
//!
//! Both tools come from npm: `.ci/run` installs them and runs the ignored test with
//! `APIERR_OPENAPI_TYPESCRIPT` and `APIERR_TSC` set. By hand:
//! `APIERR_OPENAPI_TYPESCRIPT=…/openapi-typescript APIERR_TSC=…/tsc cargo test --test openapi_typescript -- --ignored`.

#[path = "openapi_fixture/mod.rs"]
mod fixture;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use apierr::catalog::Catalog;
use apierr::format::{AnyFormat, ProblemDetails};
use apierr::openapi::ErrorResponses;
use apierr::{ApiError, Envelope, FieldErrors};
use fixture::{ApiDoc, AppError, AuthError};
use utoipa::OpenApi;

fn tool(var: &str) -> PathBuf {
    std::env::var_os(var)
        .unwrap_or_else(|| panic!("{var} must be set: .ci/run installs the npm tools and sets it"))
        .into()
}

fn run(program: &Path, args: &[&Path]) -> Output {
    Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{} runs: {e}", program.display()))
}

fn said(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Runs openapi-typescript on `document`, writing `{name}.ts` in `dir`.
fn generate(dir: &Path, name: &str, document: &str) {
    let json = dir.join(format!("{name}.json"));
    std::fs::write(&json, document).unwrap();
    let ts = dir.join(format!("{name}.ts"));
    let output = run(
        &tool("APIERR_OPENAPI_TYPESCRIPT"),
        &[&json, Path::new("-o"), &ts],
    );
    assert!(
        output.status.success(),
        "openapi-typescript failed:\n{}",
        said(&output)
    );
}

/// The body of `error` in `format`, as a TypeScript value typed `ty`.
fn body(name: &str, ty: &str, error: &dyn ApiError, format: &dyn AnyFormat) -> String {
    let value = Envelope::from_dyn(error)
        .with_format(format)
        .to_value()
        .unwrap();
    format!("export const {name}: {ty} = {value};\n")
}

/// The real errors each operation answers with.
fn errors() -> Vec<(&'static str, AppError)> {
    vec![
        ("missing", AppError::Auth(AuthError::Missing)),
        ("expired", AppError::Auth(AuthError::Expired)),
        (
            "locked",
            AppError::Auth(AuthError::Locked {
                until: "2026-12-01T10:00:00Z".to_owned(),
            }),
        ),
        ("not_found", AppError::OrderNotFound(42)),
        (
            "invalid",
            AppError::Invalid(
                FieldErrors::new()
                    .with("email", "must be a valid email address")
                    .with("items.0.quantity", "must be at least 1"),
            ),
        ),
        ("limited", AppError::RateLimited { retry_after: 30 }),
    ]
}

const PRELUDE: &str = "\
/** The body type of an operation's response with status `S`. */
type Body<Ops, O extends keyof Ops, S> = Ops[O] extends { responses: infer R }
  ? S extends keyof R
    ? R[S] extends { content: infer C }
      ? C[keyof C]
      : never
    : never
  : never;
";

fn tsc(dir: &Path, file: &str, text: &str) -> Output {
    let path = dir.join(file);
    std::fs::write(&path, text).unwrap();
    let tsc = tool("APIERR_TSC");
    Command::new(tsc)
        .args(["--strict", "--noEmit", "--target", "es2020"])
        .arg(&path)
        .output()
        .expect("tsc runs")
}

#[test]
#[ignore = "needs npm's openapi-typescript and tsc: .ci/run runs it with APIERR_OPENAPI_TYPESCRIPT and APIERR_TSC set"]
fn real_bodies_type_check_against_the_generated_client_types() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("apierr-openapi-typescript");
    std::fs::create_dir_all(&dir).unwrap();

    // The handlers' document (derived responses, inline schemas), and the whole catalogue in
    // problem details with the envelope as a shared component (`allOf` per response).
    generate(
        &dir,
        "handlers",
        &ApiDoc::openapi().to_pretty_json().unwrap(),
    );
    let catalog = Catalog::of::<AppError>().unwrap();
    let problem = ProblemDetails::new();
    let catalog_doc = ErrorResponses::new(&catalog, &problem)
        .with_schema_ref("Problem")
        .document("Errors", "1.0.0", "/errors")
        .to_pretty_json()
        .unwrap();
    generate(&dir, "catalog", &catalog_doc);

    let mut bodies = String::from(
        "import type { operations as Handlers } from \"./handlers\";\n\
         import type { operations as Catalog } from \"./catalog\";\n",
    );
    bodies.push_str(PRELUDE);
    let nested = apierr::format::Nested;
    let in_handlers = [
        ("missing", "create_order", 401),
        ("expired", "create_order", 401),
        ("locked", "create_order", 403),
        ("not_found", "create_order", 404),
        ("invalid", "create_order", 422),
        ("limited", "create_order", 429),
        ("missing", "get_order", 401),
        ("not_found", "get_order", 404),
        ("expired", "login", 401),
        ("locked", "login", 403),
        ("limited", "login", 429),
    ];
    let errors = errors();
    let error = |name: &str| &errors.iter().find(|(n, _)| *n == name).unwrap().1;
    for (name, operation, status) in in_handlers {
        bodies.push_str(&body(
            &format!("{operation}_{name}"),
            &format!("Body<Handlers, \"{operation}\", {status}>"),
            error(name),
            &nested,
        ));
    }
    for (name, error) in &errors {
        let status = error.status().as_u16();
        bodies.push_str(&body(
            &format!("problem_{name}"),
            &format!("Body<Catalog, \"errors\", {status}>"),
            error,
            &problem,
        ));
    }
    // The members the old schema made clients drop are in the bodies checked.
    assert!(
        bodies.contains("\"lockedUntil\":\"2026-12-01T10:00:00Z\""),
        "{bodies}"
    );
    assert!(bodies.contains("\"Order 42 does not exist\""), "{bodies}");
    let output = tsc(&dir, "bodies.ts", &bodies);
    assert!(
        output.status.success(),
        "real bodies do not type-check:\n{}\n{bodies}",
        said(&output)
    );

    // Not vacuous: a code the response does not list is refused, in both documents.
    let mut wrong = String::from(
        "import type { operations as Handlers } from \"./handlers\";\n\
         import type { operations as Catalog } from \"./catalog\";\n",
    );
    wrong.push_str(PRELUDE);
    wrong.push_str(&body(
        "login_not_found",
        "Body<Handlers, \"login\", 403>",
        &AppError::Auth(AuthError::Missing),
        &nested,
    ));
    wrong.push_str(&body(
        "problem_wrong",
        "Body<Catalog, \"errors\", 403>",
        &AppError::Auth(AuthError::Missing),
        &problem,
    ));
    let output = tsc(&dir, "wrong.ts", &wrong);
    let text = said(&output);
    assert!(!output.status.success(), "a wrong code passed:\n{wrong}");
    assert_eq!(
        text.matches("\"AUTH_MISSING\"").count(),
        2,
        "each wrong body is refused for its code:\n{text}"
    );
}
