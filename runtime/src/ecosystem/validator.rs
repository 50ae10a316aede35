//! validator (feature `validator`): `validator::ValidationErrors` as [`FieldErrors`].
//!
//! Nested structs and lists become paths (`address.city`, `items[2].qty`), which each format
//! renders in its own notation: dotted, or a JSON Pointer (`#/items/2/qty`) for RFC 9457. Each
//! entry ([`Violation`]) keeps the validator's `message`, its `code` (`length`, `email`, …) and
//! its parameters (`min`, `max`), sorted by name, except `value`: that is the rejected input,
//! which is not echoed back. Formats that show one text per entry show the message, or else the
//! code; choose your own text with [`field_errors_with`].
//!
//! validator keeps errors in hash maps, so their order is not the struct's; here it is made
//! stable: errors of the struct as a whole (`#[validate(schema(…))]`) first, at the struct's
//! own path, then fields by name, list items by index. Messages may quote the request, so they
//! are added with [`FieldErrors::add_bounded`]: each path and message cut to its bound, and at
//! most [`MAX_FIELD_ERRORS`](crate::MAX_FIELD_ERRORS) messages kept, the first in that order.
//!
//! For `?` on `validate()`, see [`from_field_errors!`](crate::from_field_errors); for a
//! validated-JSON axum extractor, `apierr::extract::Valid` (feature `axum` too).
//!
//! ```
//! use apierr::FieldErrors;
//! use validator::Validate;
//!
//! #[derive(Validate)]
//! struct Address {
//!     #[validate(length(min = 2, message = "City is too short"))]
//!     city: String,
//! }
//!
//! #[derive(Validate)]
//! struct Item {
//!     #[validate(range(min = 1))]
//!     qty: u32,
//! }
//!
//! #[derive(Validate)]
//! struct Order {
//!     #[validate(nested)]
//!     address: Address,
//!     #[validate(nested)]
//!     items: Vec<Item>,
//! }
//!
//! let order = Order {
//!     address: Address { city: "X".into() },
//!     items: vec![Item { qty: 1 }, Item { qty: 1 }, Item { qty: 0 }],
//! };
//! let errors = FieldErrors::from(order.validate().unwrap_err());
//! assert_eq!(
//!     serde_json::to_value(errors.as_lists()).unwrap(),
//!     serde_json::json!({"address.city": ["City is too short"], "items[2].qty": ["range"]})
//! );
//! assert_eq!(
//!     serde_json::to_value(errors.as_pointers()).unwrap(),
//!     serde_json::json!([
//!         {"detail": "City is too short", "pointer": "#/address/city"},
//!         {"detail": "range", "pointer": "#/items/2/qty"}
//!     ])
//! );
//!
//! // Each entry keeps its code and parameters, for formats that show them.
//! let (path, entry) = errors.entries().next().unwrap();
//! assert_eq!(path.to_string(), "address.city");
//! assert_eq!(entry.code(), Some("length"));
//! assert_eq!(entry.params()[0], ("min".into(), serde_json::json!(2)));
//! ```

use std::borrow::Cow;

use ::validator::{ValidationError, ValidationErrors, ValidationErrorsKind};

use crate::{FieldErrors, FieldPath, Violation};

/// The keys validator uses for errors that belong to the struct itself rather than a field:
/// `__all__` for schema-level checks, `_tmp_validator` for a collection validated directly.
const OWN_KEYS: [&str; 2] = ["__all__", "_tmp_validator"];

/// The validator's `message`, or else its `code`: the default text of each field error.
///
/// ```
/// use validator::ValidationError;
///
/// let plain = ValidationError::new("email");
/// assert_eq!(apierr::validator::message_or_code(&plain), "email");
/// let worded = plain.with_message("Not an email address".into());
/// assert_eq!(apierr::validator::message_or_code(&worded), "Not an email address");
/// ```
#[must_use]
pub fn message_or_code(error: &ValidationError) -> Cow<'static, str> {
    match &error.message {
        Some(message) => message.clone(),
        None => error.code.clone(),
    }
}

/// The field errors of `errors`, each message written by `message`.
///
/// ```
/// use validator::Validate;
///
/// #[derive(Validate)]
/// struct Signup {
///     #[validate(length(min = 8))]
///     password: String,
/// }
///
/// let report = Signup { password: "abc".into() }.validate().unwrap_err();
/// let errors = apierr::validator::field_errors_with(&report, |error| {
///     match (error.code.as_ref(), error.params.get("min")) {
///         ("length", Some(min)) => format!("must be at least {min} characters").into(),
///         _ => apierr::validator::message_or_code(error),
///     }
/// });
/// assert_eq!(
///     serde_json::to_value(errors.as_strings()).unwrap(),
///     serde_json::json!({"password": "must be at least 8 characters"})
/// );
/// ```
pub fn field_errors_with(
    errors: &ValidationErrors,
    mut message: impl FnMut(&ValidationError) -> Cow<'static, str>,
) -> FieldErrors {
    let mut out = FieldErrors::new();
    let mut entry = |error: &ValidationError| entry(error).with_message(message(error));
    collect(errors, &FieldPath::root(), &mut entry, &mut out);
    out
}

/// The entry of `error`: its message if it has one, its code, its parameters but `value`.
fn entry(error: &ValidationError) -> Violation {
    let mut violation = Violation::from_code(error.code.clone());
    if let Some(message) = &error.message {
        violation = violation.with_message(message.clone());
    }
    // validator keeps parameters in a hash map: sorted, so that bodies do not change from one
    // run to the next.
    let mut params: Vec<_> = error
        .params
        .iter()
        .filter(|(name, _)| *name != "value")
        .collect();
    params.sort_by_key(|(name, _)| *name);
    for (name, value) in params {
        violation = violation.with_param(name.clone(), value.clone());
    }
    violation
}

fn collect(
    errors: &ValidationErrors,
    path: &FieldPath,
    message: &mut dyn FnMut(&ValidationError) -> Violation,
    out: &mut FieldErrors,
) {
    let mut entries: Vec<_> = errors.errors().iter().collect();
    let own = |name: &str| OWN_KEYS.contains(&name);
    entries.sort_by(|(a, _), (b, _)| (!own(a), a.as_ref()).cmp(&(!own(b), b.as_ref())));
    for (name, kind) in entries {
        let here = if OWN_KEYS.contains(&name.as_ref()) {
            path.clone()
        } else {
            path.clone().key(name.clone())
        };
        match kind {
            ValidationErrorsKind::Field(list) => {
                for error in list {
                    if out.is_full() {
                        // Counted, not written: `message` may be costly.
                        out.omit();
                    } else {
                        out.push_bounded(here.clone(), message(error));
                    }
                }
            }
            ValidationErrorsKind::Struct(inner) => collect(inner, &here, message, out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    collect(inner, &here.clone().index(*index), message, out);
                }
            }
        }
    }
}

impl From<&ValidationErrors> for FieldErrors {
    /// Each entry has the validator's message, code and parameters; see
    /// [the module docs](self).
    fn from(errors: &ValidationErrors) -> Self {
        let mut out = FieldErrors::new();
        collect(errors, &FieldPath::root(), &mut entry, &mut out);
        out
    }
}

impl From<ValidationErrors> for FieldErrors {
    /// Each message is [`message_or_code`]; see [the module docs](self).
    fn from(errors: ValidationErrors) -> Self {
        FieldErrors::from(&errors)
    }
}
