//! Validation errors as API errors: [`FromFieldErrors`] for an error type that can carry
//! [`FieldErrors`], the ready-made [`ValidationFailed`], and
//! [`from_field_errors!`](crate::from_field_errors), which also converts the report of each
//! enabled validation library.

use std::fmt;

use crate::FieldErrors;

/// An error type that can report field-level validation errors: usually an enum with one
/// variant holding [`FieldErrors`] in a field marked `#[api(fields)]`.
///
/// The validated-JSON extractors (`apierr::extract`, features `axum` with `validator` or
/// `garde`) turn invalid input into it. [`from_field_errors!`](crate::from_field_errors)
/// implements it, and with it `From` each enabled validation library's report, so that `?`
/// works on `validate()`.
///
/// Keep `from_field_errors` cheap and free of side effects: apierr may call it with no errors
/// to learn which format the type renders in.
///
/// ```
/// use apierr::{ApiError, FieldErrors, FromFieldErrors};
///
/// #[derive(Debug, ApiError)]
/// enum ApiFailure {
///     #[api(code = "VALIDATION_ERROR", status = 400, message = "One or more validation errors occurred")]
///     Invalid(#[api(fields)] FieldErrors),
/// }
///
/// impl FromFieldErrors for ApiFailure {
///     fn from_field_errors(errors: FieldErrors) -> Self {
///         ApiFailure::Invalid(errors)
///     }
/// }
///
/// let error = ApiFailure::from_field_errors(FieldErrors::new().with("title", "Title is required"));
/// assert_eq!(error.field_errors().unwrap().len(), 1);
/// ```
pub trait FromFieldErrors: Sized {
    /// The error reporting `errors`.
    fn from_field_errors(errors: FieldErrors) -> Self;
}

impl FromFieldErrors for FieldErrors {
    fn from_field_errors(errors: FieldErrors) -> Self {
        errors
    }
}

/// A ready validation error: 422 `VALIDATION_ERROR`, "Input data validation failed", with
/// the field errors.
///
/// It is what the validated-JSON extractors reject with unless told otherwise. Its status is
/// 422 because the body was well-formed but its content was not acceptable (RFC 9110 §15.5.21);
/// an API that answers 400 declares its own variant and implements [`FromFieldErrors`] for it.
///
/// ```
/// use apierr::{ApiError, Envelope, FieldErrors, ValidationFailed};
///
/// let error = ValidationFailed(FieldErrors::new().with("order_type", "invalid order_type: FANTASY"));
/// assert_eq!(error.status().as_u16(), 422);
/// assert_eq!(
///     Envelope::new(&error).with_format(&apierr::format::FieldStrings).to_value().unwrap(),
///     serde_json::json!({
///         "code": "VALIDATION_ERROR",
///         "message": "Input data validation failed",
///         "fields": {"order_type": "invalid order_type: FANTASY"}
///     })
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::ApiError)]
#[api(
    code = "VALIDATION_ERROR",
    status = 422,
    message = "Input data validation failed"
)]
pub struct ValidationFailed(#[api(fields)] pub FieldErrors);

impl FromFieldErrors for ValidationFailed {
    fn from_field_errors(errors: FieldErrors) -> Self {
        ValidationFailed(errors)
    }
}

impl fmt::Display for ValidationFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "input data validation failed ({} fields)", self.0.len())
    }
}

impl std::error::Error for ValidationFailed {}

/// Implements [`FromFieldErrors`] for an error type, and `From` the report of each enabled
/// validation library (`validator::ValidationErrors`, `garde::Report`), so that `?` turns a
/// failed `validate()` into that error.
///
/// Give the type and what builds it from [`FieldErrors`]: a tuple variant's name, or a closure.
///
/// ```
/// use apierr::{ApiError, FieldErrors};
///
/// #[derive(Debug, ApiError)]
/// #[api(format = apierr::format::FieldLists)]
/// enum AppError {
///     #[api(code = "VALIDATION_ERROR", status = 400, message = "One or more validation errors occurred")]
///     Invalid(#[api(fields)] FieldErrors),
///     #[api(code = "NOT_FOUND", status = 404, message = "Not found")]
///     NotFound,
/// }
///
/// apierr::from_field_errors!(AppError => AppError::Invalid);
///
/// # #[cfg(feature = "validator")]
/// # {
/// use validator::Validate;
///
/// #[derive(Validate)]
/// struct NewTask {
///     #[validate(length(min = 1, message = "Title is required"))]
///     title: String,
/// }
///
/// fn create(task: NewTask) -> Result<(), AppError> {
///     task.validate()?;
///     Ok(())
/// }
///
/// let error = create(NewTask { title: String::new() }).unwrap_err();
/// assert_eq!(
///     apierr::Envelope::new(&error).to_value().unwrap(),
///     serde_json::json!({
///         "code": "VALIDATION_ERROR",
///         "message": "One or more validation errors occurred",
///         "errors": {"title": ["Title is required"]}
///     })
/// );
/// # }
/// ```
#[macro_export]
macro_rules! from_field_errors {
    ($ty:ty => $constructor:expr) => {
        impl $crate::FromFieldErrors for $ty {
            fn from_field_errors(errors: $crate::FieldErrors) -> Self {
                ($constructor)(errors)
            }
        }
        $crate::__apierr_from_validator! { $ty }
        $crate::__apierr_from_garde! { $ty }
    };
}

/// `From<validator::ValidationErrors>`, when the `validator` feature is on.
#[cfg(feature = "validator")]
#[doc(hidden)]
#[macro_export]
macro_rules! __apierr_from_validator {
    ($ty:ty) => {
        impl ::core::convert::From<$crate::__private::validator::ValidationErrors> for $ty {
            fn from(errors: $crate::__private::validator::ValidationErrors) -> Self {
                <$ty as $crate::FromFieldErrors>::from_field_errors($crate::FieldErrors::from(
                    &errors,
                ))
            }
        }
    };
}

/// `From<validator::ValidationErrors>`, when the `validator` feature is on.
#[cfg(not(feature = "validator"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __apierr_from_validator {
    ($($tokens:tt)*) => {};
}

/// `From<garde::Report>`, when the `garde` feature is on.
#[cfg(feature = "garde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __apierr_from_garde {
    ($ty:ty) => {
        impl ::core::convert::From<$crate::__private::garde::Report> for $ty {
            fn from(report: $crate::__private::garde::Report) -> Self {
                <$ty as $crate::FromFieldErrors>::from_field_errors($crate::FieldErrors::from(
                    &report,
                ))
            }
        }
    };
}

/// `From<garde::Report>`, when the `garde` feature is on.
#[cfg(not(feature = "garde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __apierr_from_garde {
    ($($tokens:tt)*) => {};
}
