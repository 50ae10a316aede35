//! `#[api(display)]` as a drop-in for thiserror: the arguments after the format string of
//! `#[error("…", args)]`, and placeholders that are not fields.

#![deny(warnings, unused_qualifications)]

use apierr::ApiError;

/// A text placeholders name without it being a field.
const PRODUCT: &str = "shop";

#[derive(Debug)]
struct Limits {
    max: u32,
    unit: &'static str,
}

#[derive(Debug, ApiError)]
#[api(display, status = 400, rename_all = "SCREAMING_SNAKE_CASE")]
enum ArgError {
    /// `.field` in an argument is the field; `{}` takes the arguments in order.
    #[error("{} of {} allowed", .count, .limits.max)]
    TooMany { count: u32, limits: Limits },
    /// `.0.field` reaches into a tuple field; a method call on it works too.
    #[error("{} {}s at most", .0.max, .0.unit.to_uppercase())]
    Capped(Limits),
    /// A named argument beside the fields, and a trailing comma.
    #[error("{intro}: {name} is taken", intro = "conflict")]
    Taken { name: String },
    /// A named argument with the name of a field is the argument, not the field.
    #[error("{name}!", name = .name.len())]
    Shadowed { name: String },
    /// A trailing comma with nothing after it.
    #[error("plain")]
    Plain,
    /// A constant in scope, and the value itself with `{self:?}`.
    #[error("{PRODUCT}: {self:?}")]
    Described { code: u8 },
    /// A keyword field is named plainly in the format string: `{fn}` for `r#fn`.
    #[error("calling {fn} then {r#type}")]
    Keywords { r#fn: &'static str, r#type: u8 },
    /// `{0}` in a struct-like variant is the first argument; arguments of any expression.
    #[error("{0} + {1} = {sum}", .a, .b, sum = .a + .b)]
    Sum { a: i32, b: i32 },
    /// Arguments with their own format specs, and an argument that is an expression of
    /// several fields through a block and a closure.
    #[error("{:>5}|{:<4}|{}", .a, .b, { let f = |x: &i32| x * 2; f(.a) })]
    Padded { a: i32, b: i32 },
    /// A field used both plainly and with `{:?}`, and a width taken from a field.
    #[error("{label} {label:?} [{n:>width$}]")]
    Widths { label: String, n: u8, width: usize },
}

#[test]
fn field_shorthands_in_arguments() {
    let too_many = ArgError::TooMany {
        count: 12,
        limits: Limits {
            max: 10,
            unit: "item",
        },
    };
    assert_eq!(too_many.to_string(), "12 of 10 allowed");
    let capped = ArgError::Capped(Limits {
        max: 3,
        unit: "file",
    });
    assert_eq!(capped.to_string(), "3 FILEs at most");
    let sum = ArgError::Sum { a: 2, b: 40 };
    assert_eq!(sum.to_string(), "2 + 40 = 42");
    let padded = ArgError::Padded { a: 7, b: 1 };
    assert_eq!(padded.to_string(), "    7|1   |14");
}

#[test]
fn named_arguments_and_trailing_commas() {
    let taken = ArgError::Taken {
        name: "ada".to_owned(),
    };
    assert_eq!(taken.to_string(), "conflict: ada is taken");
    let shadowed = ArgError::Shadowed {
        name: "grace".to_owned(),
    };
    assert_eq!(shadowed.to_string(), "5!");
    assert_eq!(ArgError::Plain.to_string(), "plain");
    // Without arguments, the message is fixed and kept in the spec, as before.
    assert_eq!(ArgError::Plain.spec().static_message(), Some("plain"));
}

#[test]
fn constants_self_and_keyword_fields() {
    let described = ArgError::Described { code: 9 };
    assert_eq!(described.to_string(), "shop: Described { code: 9 }");
    assert!(matches!(described, ArgError::Described { code: 9 }));
    let keywords = ArgError::Keywords {
        r#fn: "main",
        r#type: 2,
    };
    assert_eq!(keywords.to_string(), "calling main then 2");
    let widths = ArgError::Widths {
        label: "id".to_owned(),
        n: 7,
        width: 3,
    };
    assert_eq!(widths.to_string(), "id \"id\" [  7]");
}

#[test]
fn the_message_clients_see_is_the_display() {
    let body = apierr::Envelope::new(&ArgError::Sum { a: 1, b: 1 })
        .to_value()
        .unwrap();
    assert_eq!(
        body,
        serde_json::json!({"success": false, "error": {"code": "SUM", "message": "1 + 1 = 2", "status": 400}})
    );
}

/// `{0}` in a tuple struct is its field, even with arguments by name after the string.
#[derive(Debug, ApiError)]
#[api(display, code = "TUPLE", status = 409)]
#[error("{0} and {extra}", extra = .1 * 2)]
struct Tuple(&'static str, u8);

#[test]
fn a_tuple_struct_with_named_arguments() {
    assert_eq!(Tuple("left", 21).to_string(), "left and 42");
}

/// The same enum written by thiserror, to compare outputs.
#[derive(Debug, thiserror::Error)]
enum ByThiserror {
    #[error("n {n} of {name}!")]
    Count { n: u32, name: String },
    #[error("fixed")]
    Fixed,
    #[error(transparent)]
    Inner(Padded),
}

#[derive(Debug, ApiError)]
#[api(display)]
enum ByApierr {
    #[error("n {n} of {name}!")]
    #[api(code = "COUNT", status = 400)]
    Count { n: u32, name: String },
    #[error("fixed")]
    #[api(code = "FIXED", status = 400)]
    Fixed,
    #[error(transparent)]
    #[api(code = "INNER", status = 400)]
    Inner(Padded),
}

/// A `Display` that honours the formatter it is given: `transparent` hands it on as it is.
#[derive(Debug)]
struct Padded;

impl std::fmt::Display for Padded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad("pad")
    }
}

impl std::error::Error for Padded {}

#[test]
fn the_width_and_flags_of_the_whole_message_reach_no_field() {
    let count = |n| {
        (
            ByThiserror::Count {
                n,
                name: "x".to_owned(),
            },
            ByApierr::Count {
                n,
                name: "x".to_owned(),
            },
        )
    };
    let pairs = [
        count(57),
        (ByThiserror::Fixed, ByApierr::Fixed),
        (ByThiserror::Inner(Padded), ByApierr::Inner(Padded)),
    ];
    for (theirs, ours) in &pairs {
        for (a, b) in [
            (format!("[{theirs}]"), format!("[{ours}]")),
            (format!("[{theirs:>12}]"), format!("[{ours:>12}]")),
            (format!("[{theirs:<4.1}]"), format!("[{ours:<4.1}]")),
            (format!("[{theirs:+#08}]"), format!("[{ours:+#08}]")),
        ] {
            assert_eq!(a, b);
        }
    }
    assert_eq!(format!("[{:>12}]", pairs[0].1), "[n 57 of x!]");
    assert_eq!(format!("[{:>6}]", pairs[2].1), "[   pad]");
}
