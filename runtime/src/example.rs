//! Errors built from a spec alone: the catalogue's example bodies.

use std::borrow::Cow;
use std::fmt;

use crate::{ApiError, FieldErrors, Spec};

/// A value of a code built from its spec alone, for example bodies.
pub(crate) struct Example {
    spec: &'static Spec,
    message: Cow<'static, str>,
    fields: Option<FieldErrors>,
}

/// The field error every example of a code with field errors shows.
pub(crate) const EXAMPLE_FIELD: (&str, &str) = ("field", "is invalid");

impl Example {
    pub(crate) fn of(spec: &'static Spec, description: Option<&str>) -> Self {
        let message = match (spec.message_template(), description) {
            (Some(template), _) => Cow::Borrowed(template),
            (None, Some(description)) => Cow::Owned(description.to_owned()),
            (None, None) => Cow::Borrowed(spec.status().canonical_reason().unwrap_or("Error")),
        };
        let fields = spec
            .has_field_errors()
            .then(|| FieldErrors::new().with(EXAMPLE_FIELD.0, EXAMPLE_FIELD.1));
        Example {
            spec,
            message,
            fields,
        }
    }
}

impl ApiError for Example {
    fn spec(&self) -> &'static Spec {
        self.spec
    }

    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }

    fn field_errors(&self) -> Option<&FieldErrors> {
        self.fields.as_ref()
    }

    fn catalog(visit: &mut dyn FnMut(&'static Spec)) {
        let _ = visit;
    }
}
