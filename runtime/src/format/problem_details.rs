use serde::ser::{SerializeMap, Serializer};

use super::json::Writer;
use super::{APPLICATION_PROBLEM_JSON, Format, RenderError};
use crate::Problem;
use crate::problem::{Collect, Kebab};

/// RFC 9457 problem details, served as `application/problem+json`.
///
/// | member | value |
/// |---|---|
/// | `type` | the variant's `#[api(type = "…")]`; else the [type base](Self::with_type_base) followed by the code in kebab case; else `"about:blank"` |
/// | `title` | the variant's `#[api(title = "…")]`, else the status's reason phrase |
/// | `status` | the status, unless [`without_status`](Self::without_status) |
/// | `detail` | the public message; left out when it is a fixed message that only repeats `title` |
/// | `instance` | the context's instance, when supplied |
/// | `code` | the code, as an extension member (renamable, or left out) |
/// | `errors` | field errors as `[{"detail","pointer":"#/json/pointer"}]` |
/// | … | the variant's extension members, at the top level |
///
/// ```
/// # use apierr::{ApiError, Context, Envelope};
/// #[derive(Debug, ApiError)]
/// enum CreditError {
///     #[api(
///         code = "OUT_OF_CREDIT",
///         status = 403,
///         title = "You do not have enough credit.",
///         message = "Your current balance is {balance}, but that costs {cost}."
///     )]
///     OutOfCredit {
///         #[api(member)]
///         balance: u32,
///         cost: u32,
///     },
/// }
/// let format = apierr::format::ProblemDetails::new().with_type_base("https://example.com/probs/");
/// let context = Context::new().with_instance("/account/12345/msgs/abc");
/// let error = CreditError::OutOfCredit { balance: 30, cost: 50 };
/// let envelope = Envelope::new(&error).with_format(&format).with_context(&context);
/// assert_eq!(envelope.content_type(), "application/problem+json");
/// assert_eq!(
///     envelope.to_value().unwrap(),
///     serde_json::json!({
///         "type": "https://example.com/probs/out-of-credit",
///         "title": "You do not have enough credit.",
///         "status": 403,
///         "detail": "Your current balance is 30, but that costs 50.",
///         "instance": "/account/12345/msgs/abc",
///         "code": "OUT_OF_CREDIT",
///         "balance": 30
///     })
/// );
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ProblemDetails {
    type_base: Option<&'static str>,
    status: bool,
    code_member: Option<&'static str>,
}

impl Default for ProblemDetails {
    fn default() -> Self {
        Self::new()
    }
}

impl ProblemDetails {
    /// `about:blank` types, `status` included, the code in a `code` member.
    #[must_use]
    pub const fn new() -> Self {
        ProblemDetails {
            type_base: None,
            status: true,
            code_member: Some("code"),
        }
    }

    /// Types become `base` followed by the code in kebab case (`OUT_OF_CREDIT` →
    /// `out-of-credit`), for codes whose variant declares no `type`.
    #[must_use]
    pub const fn with_type_base(mut self, base: &'static str) -> Self {
        self.type_base = Some(base);
        self
    }

    /// Leaves out the `status` member, which RFC 9457 makes advisory.
    #[must_use]
    pub const fn without_status(mut self) -> Self {
        self.status = false;
        self
    }

    /// Puts the code in a member called `name`, or nowhere with `None` (or with a name RFC 9457
    /// defines, such as `title`, which would otherwise be written twice).
    #[must_use]
    pub const fn with_code_member(mut self, name: Option<&'static str>) -> Self {
        self.code_member = name;
        self
    }
}

/// The members RFC 9457 defines; a code member of one of these names is left out.
const STANDARD: [&str; 6] = ["type", "title", "status", "detail", "instance", "errors"];

impl ProblemDetails {
    /// The code member's name, unless it is one RFC 9457 already uses.
    fn code_member(&self) -> Option<&'static str> {
        self.code_member.filter(|name| !STANDARD.contains(name))
    }

    /// The members this format writes itself; extension members of these names are left out.
    fn taken(&self) -> [&'static str; 7] {
        [
            "type",
            "title",
            "status",
            "detail",
            "instance",
            "errors",
            self.code_member().unwrap_or("code"),
        ]
    }
}

impl Format for ProblemDetails {
    fn content_type(&self) -> &'static str {
        APPLICATION_PROBLEM_JSON
    }

    fn serialize<S: Serializer>(&self, p: &Problem<'_>, serializer: S) -> Result<S::Ok, S::Error> {
        let spec = p.spec();
        let mut map = serializer.serialize_map(None)?;
        match (spec.problem_type(), self.type_base) {
            (Some(uri), _) => map.serialize_entry("type", uri)?,
            (None, Some(base)) => {
                map.serialize_entry("type", &Collect(format_args!("{base}{}", Kebab(p.code()))))?;
            }
            (None, None) => map.serialize_entry("type", "about:blank")?,
        }
        let title = p.title();
        map.serialize_entry("title", title)?;
        if self.status {
            map.serialize_entry("status", &p.status().as_u16())?;
        }
        let message = p.message();
        // An interpolated message is never formatted twice just to compare it.
        if message.as_static() != Some(title) {
            map.serialize_entry("detail", &message)?;
        }
        if let Some(instance) = p.context().instance() {
            map.serialize_entry("instance", instance)?;
        }
        if let Some(name) = self.code_member() {
            map.serialize_entry(name, p.code())?;
        }
        if let Some(fields) = p.field_errors() {
            map.serialize_entry("errors", &fields.as_pointers())?;
        }
        p.serialize_members(&mut map, &self.taken())?;
        map.end()
    }

    fn write_json(&self, p: &Problem<'_>, out: &mut Vec<u8>) -> Result<(), RenderError> {
        let spec = p.spec();
        let mut w = Writer::new(out);
        w.raw(r#"{"type":"#);
        match (spec.problem_type(), self.type_base) {
            (Some(uri), _) => w.str_with(uri, spec.is_type_plain()),
            (None, Some(base)) => w.display(format_args!("{base}{}", Kebab(p.code())))?,
            (None, None) => w.raw(r#""about:blank""#),
        }
        let title = p.title();
        w.raw(r#","title":"#);
        w.str_with(title, p.is_title_plain());
        if self.status {
            w.raw(r#","status":"#);
            w.status(p.status().as_u16());
        }
        if p.message().as_static() != Some(title) {
            w.raw(r#","detail":"#);
            w.message(p)?;
        }
        if let Some(instance) = p.context().instance() {
            w.raw(r#","instance":"#);
            w.str(instance);
        }
        if let Some(name) = self.code_member() {
            w.raw(",");
            w.str(name);
            w.raw(":");
            w.code(p);
        }
        if let Some(fields) = p.field_errors() {
            w.raw(r#","errors":"#);
            w.field_pointers(fields)?;
        }
        w.members(p, &self.taken())?;
        w.raw("}");
        Ok(())
    }
}
