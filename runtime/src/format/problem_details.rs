use super::check::same;
use super::{APPLICATION_PROBLEM_JSON, Format, Layout, Slot, Value};

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
    layout: Layout<'static>,
}

impl Default for ProblemDetails {
    fn default() -> Self {
        Self::new()
    }
}

/// One item per field message, located by JSON Pointer.
const POINTERS: &[Slot<'static>] = &[
    Slot::new("detail", Value::FieldMessage),
    Slot::new("pointer", Value::FieldPointer { prefix: "#" }),
];

/// Where the settings change the slots.
const TYPE: usize = 0;
const STATUS: usize = 2;
const CODE: usize = 5;

/// The members RFC 9457 defines; a code member of one of these names is left out.
const STANDARD: [&str; 6] = ["type", "title", "status", "detail", "instance", "errors"];

impl ProblemDetails {
    /// `about:blank` types, `status` included, the code in a `code` member.
    #[must_use]
    pub const fn new() -> Self {
        ProblemDetails {
            layout: Layout::new(&[
                Slot::new("type", Value::ProblemType { base: None }),
                Slot::new("title", Value::Title),
                Slot::new("status", Value::Status),
                Slot::new("detail", Value::Detail),
                Slot::new("instance", Value::Instance),
                Slot::new("code", Value::Code),
                Slot::new("errors", Value::FieldItems(POINTERS))
                    .doc("Field errors, located by JSON Pointer."),
                Slot::extensions(),
            ]),
        }
    }

    /// Types become `base` followed by the code in kebab case (`OUT_OF_CREDIT` →
    /// `out-of-credit`), for codes whose variant declares no `type`.
    #[must_use]
    pub const fn with_type_base(mut self, base: &'static str) -> Self {
        self.layout = self.layout.with_slot(
            TYPE,
            Slot::new("type", Value::ProblemType { base: Some(base) }),
        );
        self
    }

    /// Leaves out the `status` member, which RFC 9457 makes advisory.
    #[must_use]
    pub const fn without_status(mut self) -> Self {
        self.layout = self.layout.with_slot(STATUS, Slot::reserved("status"));
        self
    }

    /// Puts the code in a member called `name`, or nowhere with `None` (or with a name RFC 9457
    /// defines, such as `title`, which would otherwise be written twice).
    #[must_use]
    pub const fn with_code_member(mut self, name: Option<&'static str>) -> Self {
        let slot = match name {
            Some(name) if !is_standard(name) => Slot::new(name, Value::Code),
            // Extension members still may not take the name the code usually has.
            _ => Slot::reserved("code"),
        };
        self.layout = self.layout.with_slot(CODE, slot);
        self
    }
}

/// Whether `name` is one of the members RFC 9457 defines.
const fn is_standard(name: &str) -> bool {
    let mut i = 0;
    while i < STANDARD.len() {
        if same(STANDARD[i], name) {
            return true;
        }
        i += 1;
    }
    false
}

impl Format for ProblemDetails {
    fn content_type(&self) -> &'static str {
        APPLICATION_PROBLEM_JSON
    }

    fn layout(&self) -> &Layout<'_> {
        &self.layout
    }
}
