//! `#[api(display)]` as a drop-in for thiserror: field types (`Path`, generics with each
//! formatting trait, `{:p}`), `#[deprecated]` types and variants under `deny(deprecated)`, and
//! a derive inside `macro_rules!` whose variants come from the macro's caller.

#![deny(warnings, unused_qualifications, deprecated)]

use std::fmt;
use std::path::{Path, PathBuf};

use apierr::ApiError;

#[derive(Debug, ApiError)]
#[api(display, status = 404, rename_all = "SCREAMING_SNAKE_CASE")]
enum FileError {
    /// `Path` and `PathBuf` are shown with `.display()`, whatever holds them.
    #[error("no file {0}")]
    Missing(PathBuf),
    #[error("cannot read {path} (from {base})")]
    Unreadable {
        path: Box<Path>,
        base: &'static Path,
    },
    /// With `{:?}` they are their `Debug`, as usual.
    #[error("bad path {0:?}")]
    Bad(PathBuf),
}

#[test]
fn paths_are_shown_with_display() {
    let missing = FileError::Missing(PathBuf::from("/etc/app.toml"));
    assert_eq!(missing.to_string(), "no file /etc/app.toml");
    let unreadable = FileError::Unreadable {
        path: Path::new("a/b").into(),
        base: Path::new("/srv"),
    };
    assert_eq!(unreadable.to_string(), "cannot read a/b (from /srv)");
    assert_eq!(
        FileError::Bad(PathBuf::from("x")).to_string(),
        "bad path \"x\""
    );
}

/// Generic fields: each placeholder's trait is required of its type, and only that one.
#[derive(Debug, ApiError)]
#[api(display, status = 400, rename_all = "SCREAMING_SNAKE_CASE")]
enum Typed<H, D, E> {
    #[error("hex {0:x} / {0:#X} / octal {0:o} / binary {0:b}")]
    Hex(H),
    #[error("debug {0:?}")]
    Debugged(D),
    #[error("exp {0:e}")]
    Exp(E),
}

/// Has `Debug` only: `Typed<_, OnlyDebug, _>` still shows.
#[derive(Debug)]
struct OnlyDebug;

#[test]
fn generic_fields_are_bounded_by_their_placeholders() {
    let hex: Typed<u32, OnlyDebug, f64> = Typed::Hex(255);
    assert_eq!(
        hex.to_string(),
        "hex ff / 0xFF / octal 377 / binary 11111111"
    );
    let debugged: Typed<u8, OnlyDebug, f64> = Typed::Debugged(OnlyDebug);
    assert_eq!(debugged.to_string(), "debug OnlyDebug");
    let exp: Typed<u8, OnlyDebug, f64> = Typed::Exp(1500.0);
    assert_eq!(exp.to_string(), "exp 1.5e3");
}

/// `{:p}` shows the field's own pointer value, as `format!` would with the field.
#[derive(Debug, ApiError)]
#[api(display, code = "POINTER", status = 500)]
#[error("at {ptr:p}")]
struct Pointer<'a> {
    ptr: &'a u8,
}

#[test]
fn pointer_placeholders_show_the_field() {
    let value = 7_u8;
    let error = Pointer { ptr: &value };
    assert_eq!(error.to_string(), format!("at {:p}", &value));
}

/// Neither the type nor its variant trip `deny(deprecated)` in the generated impls.
#[derive(Debug, ApiError)]
#[deprecated = "use another error"]
#[api(display, status = 410, rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Legacy {
    #[deprecated = "gone"]
    #[error("old {0}")]
    Old(u8),
    #[error("older")]
    Older(#[from] fmt::Error),
}

#[test]
#[allow(deprecated)]
fn deprecated_items_compile_under_deny() {
    assert_eq!(Legacy::Old(1).to_string(), "old 1");
    assert_eq!(Legacy::from(fmt::Error).code(), "OLDER");
}

/// Variants and their `#[error]`s from the macro's caller, the derive in the macro.
macro_rules! api_error {
    ($name:ident { $($(#[$attr:meta])* $variant:ident $(($($ty:ty),*))? $({ $($(#[$fattr:meta])* $field:ident: $fty:ty),* $(,)? })?,)* }) => {
        #[derive(Debug, ApiError)]
        #[api(display, status = 400, rename_all = "SCREAMING_SNAKE_CASE")]
        enum $name {
            $($(#[$attr])* $variant $(($($ty),*))? $({ $($(#[$fattr])* $field: $fty),* })?,)*
        }
    };
}

api_error!(FromMacro {
    #[error("plain")]
    Plain,
    #[error("tuple {0} {1:?}")]
    Tuple(u8, PathBuf),
    #[error("named {name} and {}", .count + 1)]
    Named { name: String, count: u32 },
    #[error("{self:?}")]
    Debugged { path: PathBuf },
    #[error(transparent)]
    Inner(std::io::Error),
    /// Members, headers and `Retry-After` from fields the caller wrote.
    #[error("locked until {until}")]
    #[api(status = 429)]
    Locked {
        #[api(member)]
        until: u64,
        #[api(header = "x-lock")]
        lock: String,
        #[api(retry_after)]
        wait: u64,
    },
});

#[test]
fn a_derive_inside_macro_rules() {
    assert_eq!(FromMacro::Plain.to_string(), "plain");
    assert_eq!(
        FromMacro::Tuple(1, PathBuf::from("p")).to_string(),
        "tuple 1 \"p\""
    );
    let named = FromMacro::Named {
        name: "n".to_owned(),
        count: 1,
    };
    assert_eq!(named.to_string(), "named n and 2");
    let debugged = FromMacro::Debugged {
        path: PathBuf::from("q"),
    };
    assert_eq!(debugged.to_string(), "Debugged { path: \"q\" }");
    assert!(matches!(debugged, FromMacro::Debugged { path } if path == Path::new("q")));
    let inner = FromMacro::Inner(std::io::Error::other("io"));
    assert_eq!(inner.to_string(), "io");
    assert_eq!(inner.code(), "INNER");
}

#[test]
fn members_and_headers_inside_macro_rules() {
    let locked = FromMacro::Locked {
        until: 7,
        lock: "l1".to_owned(),
        wait: 30,
    };
    assert_eq!(locked.to_string(), "locked until 7");
    let body: serde_json::Value =
        serde_json::from_slice(&apierr::Envelope::new(&locked).to_vec().unwrap()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({
            "success": false,
            "error": {"code": "LOCKED", "message": "locked until 7", "status": 429, "until": 7}
        })
    );
    let mut headers = Vec::new();
    locked.visit_headers(&mut |name, value| headers.push((name, value.to_string())));
    assert_eq!(headers, [("x-lock", "l1".to_owned())]);
    assert_eq!(locked.retry_after(), Some(30));
}
