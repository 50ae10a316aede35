//! Errors built from a spec alone: the catalogue's example bodies, and the probe that tells
//! the decoder where a configured format puts the code. Both features use them, so they live
//! apart from either.

use std::borrow::Cow;
use std::fmt;

use serde_json::{Map, Value};

use crate::format::{AnyFormat, ProblemDetails};
use crate::{ApiError, Envelope, FieldErrors, Spec};

/// A value of a code built from its spec alone, for example bodies.
pub(crate) struct Example {
    spec: &'static Spec,
    message: Cow<'static, str>,
    fields: Option<FieldErrors>,
}

/// The field error every example of a code with field errors shows.
#[cfg(feature = "catalog")]
pub(crate) const EXAMPLE_FIELD: (&str, &str) = ("field", "is invalid");

#[cfg(feature = "catalog")]
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

/// The code of the probe that [`probe`] renders; no real API uses it.
pub(crate) const PROBE_CODE: &str = "APIERR_PROBE_CODE_7F3A";

static PROBE_SPEC: Spec = Spec::new(PROBE_CODE, 422, "apierr::Probe");

/// A body rendered by `format` for a probe error, to learn where a configurable format (such
/// as [`ProblemDetails`], whose settings are private) puts the code.
pub(crate) fn probe(format: &dyn AnyFormat) -> Option<Map<String, Value>> {
    let example = Example {
        spec: &PROBE_SPEC,
        message: Cow::Borrowed("probe"),
        fields: None,
    };
    match Envelope::from_dyn(&example).with_format(format).to_value() {
        Ok(Value::Object(map)) => Some(map),
        _ => None,
    }
}

/// The member of a [`ProblemDetails`] body that holds the code, and whether `status` is sent.
pub(crate) fn problem_details_layout(format: &ProblemDetails) -> (Option<String>, bool) {
    let Some(body) = probe(format) else {
        return (Some("code".to_owned()), true);
    };
    let code_member = body
        .iter()
        .find(|(_, value)| value.as_str() == Some(PROBE_CODE))
        .map(|(name, _)| name.clone());
    (code_member, body.contains_key("status"))
}
