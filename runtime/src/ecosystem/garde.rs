//! garde (feature `garde`): `garde::Report` as [`FieldErrors`].
//!
//! Nested structs, lists and maps become paths (`address.city`, `items[2].qty`), which each
//! format renders in its own notation: dotted, or a JSON Pointer (`#/items/2/qty`) for
//! RFC 9457. Messages are garde's own, in the order garde reports them (fields by name);
//! translate them with garde's `i18n` module. Errors of the value as a whole are at the root
//! path. Paths and messages come from the request (map keys are the client's), so they are
//! added with [`FieldErrors::add_bounded`]: each cut to its bound, and at most
//! [`MAX_FIELD_ERRORS`](crate::MAX_FIELD_ERRORS) messages kept, the first reported.
//!
//! garde reports a message only, without the rule or its parameters, so each entry is that
//! message; [`field_errors_with`] makes your own [`Violation`] of each error instead (a code
//! for formats that show one, such as GitHub's `code` or Google's `reason`).
//!
//! For `?` on `validate()`, see [`from_field_errors!`](crate::from_field_errors); for a
//! validated-JSON axum extractor, `apierr::extract::Garde` (feature `axum` too).
//!
//! ```
//! use apierr::FieldErrors;
//! use garde::Validate;
//!
//! #[derive(Validate)]
//! struct Address {
//!     #[garde(length(min = 2))]
//!     city: String,
//! }
//!
//! #[derive(Validate)]
//! struct Item {
//!     #[garde(range(min = 1))]
//!     qty: u32,
//! }
//!
//! #[derive(Validate)]
//! struct Order {
//!     #[garde(dive)]
//!     address: Address,
//!     #[garde(dive)]
//!     items: Vec<Item>,
//! }
//!
//! let order = Order {
//!     address: Address { city: "X".into() },
//!     items: vec![Item { qty: 1 }, Item { qty: 1 }, Item { qty: 0 }],
//! };
//! let errors = FieldErrors::from(order.validate().unwrap_err());
//! assert_eq!(
//!     serde_json::to_value(errors.as_strings()).unwrap(),
//!     serde_json::json!({
//!         "address.city": "length is lower than 2",
//!         "items[2].qty": "lower than 1"
//!     })
//! );
//! assert_eq!(errors.iter().nth(1).unwrap().path().pointer().to_string(), "#/items/2/qty");
//! ```

use ::garde::Report;
use ::garde::error::{Kind, Path};

use crate::limits::{MAX_FIELD_MESSAGE_LEN, MAX_FIELD_PATH_LEN, truncate};
use crate::{FieldErrors, FieldPath, Violation};

/// The [`FieldPath`] of a garde path, component by component, so that a map key holding `.`
/// or `[` stays one key.
fn field_path(path: &Path) -> FieldPath {
    let mut out = FieldPath::root();
    // garde's only structured view of a path (its `Display` would merge such keys); components
    // come innermost first.
    for (kind, component) in path.__iter().rev() {
        out = match kind {
            // A key is cut before it is copied: a client's map key can be as long as the body.
            Kind::Key => out.key(truncate(component, MAX_FIELD_PATH_LEN).into_owned()),
            Kind::Index => match component.parse() {
                Ok(index) => out.index(index),
                Err(_) => out.key(truncate(component, MAX_FIELD_PATH_LEN).into_owned()),
            },
            // A step with no name of its own, such as the inside of a newtype.
            Kind::None => out,
        };
    }
    out
}

/// The field errors of `report`, each entry made by `entry` from garde's error.
///
/// ```
/// use apierr::Violation;
/// use garde::Validate;
///
/// #[derive(Validate)]
/// struct Signup {
///     #[garde(length(min = 8))]
///     password: String,
/// }
///
/// let report = Signup { password: "abc".into() }.validate().unwrap_err();
/// let errors = apierr::garde::field_errors_with(&report, |error| {
///     let code = if error.message().starts_with("length") { "too_short" } else { "invalid" };
///     Violation::from_code(code).with_message(error.message().to_owned())
/// });
/// let (path, entry) = errors.entries().next().unwrap();
/// assert_eq!((path.to_string().as_str(), entry.code()), ("password", Some("too_short")));
/// ```
pub fn field_errors_with(
    report: &Report,
    mut entry: impl FnMut(&::garde::Error) -> Violation,
) -> FieldErrors {
    let mut out = FieldErrors::new();
    for (path, error) in report.iter() {
        if out.is_full() {
            // Counted, not made: `entry` may be costly.
            out.omit();
            continue;
        }
        out.push_bounded(field_path(path), entry(error));
    }
    out
}

impl From<&Report> for FieldErrors {
    /// See [the module docs](self).
    fn from(report: &Report) -> Self {
        field_errors_with(report, |error| {
            // Cut before it is copied: a message can quote the request.
            Violation::from_message(truncate(error.message(), MAX_FIELD_MESSAGE_LEN).into_owned())
        })
    }
}

impl From<Report> for FieldErrors {
    /// See [the module docs](self).
    fn from(report: Report) -> Self {
        FieldErrors::from(&report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_keep_dots_and_brackets_and_indices_stay_indices() {
        let path = Path::new("tags").join("a.b[0]").join(3usize).join("x");
        assert_eq!(
            field_path(&path),
            FieldPath::root()
                .key("tags")
                .key("a.b[0]")
                .index(3)
                .key("x")
        );
        assert_eq!(field_path(&Path::empty()), FieldPath::root());
    }
}
