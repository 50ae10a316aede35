//! The static description of one error code.

use http::StatusCode;

/// Everything that is known about one error code at compile time.
///
/// `#[derive(ApiError)]` emits one `static Spec` per variant; [`ApiError::spec`](crate::ApiError::spec)
/// returns it, and [`ApiError::catalog`](crate::ApiError::catalog) lists all of a type's specs.
/// Because it is `'static`, reading a code, status or description never allocates.
///
/// ```
/// use apierr::ApiError;
///
/// #[derive(Debug, ApiError)]
/// enum OrderError {
///     /// Order cannot be cancelled in its current state
///     #[api(code = "ORDER_NOT_CANCELLABLE", status = 400, message = "order cannot be cancelled")]
///     NotCancellable,
/// }
///
/// let spec = OrderError::NotCancellable.spec();
/// assert_eq!(spec.code(), "ORDER_NOT_CANCELLABLE");
/// assert_eq!(spec.status(), http::StatusCode::BAD_REQUEST);
/// assert_eq!(spec.description(), Some("Order cannot be cancelled in its current state"));
/// assert_eq!(spec.message_template(), Some("order cannot be cancelled"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    code: &'static str,
    status: StatusCode,
    type_name: &'static str,
    variant: Option<&'static str>,
    category: Option<&'static str>,
    description: Option<&'static str>,
    message_template: Option<&'static str>,
    static_message: Option<&'static str>,
    title: Option<&'static str>,
    problem_type: Option<&'static str>,
    exposed: bool,
    redacted: bool,
    has_field_errors: bool,
    www_authenticate: Option<&'static str>,
    headers: &'static [(&'static str, &'static str)],
    retry_after: bool,
    // Decided at compile time, so the hot path copies these strings instead of escaping them.
    code_plain: bool,
    message_plain: bool,
}

impl Spec {
    /// A spec for `code` answered with `status`, declared on the type `type_name`.
    ///
    /// A `status` that is not a valid HTTP status becomes 500: the derive rejects such statuses at
    /// compile time, so this only matters for hand-written specs.
    #[must_use]
    pub const fn new(code: &'static str, status: u16, type_name: &'static str) -> Self {
        let status = match StatusCode::from_u16(status) {
            Ok(status) => status,
            Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
        };
        Spec {
            code,
            status,
            type_name,
            variant: None,
            category: None,
            description: None,
            message_template: None,
            static_message: None,
            title: None,
            problem_type: None,
            exposed: false,
            redacted: false,
            has_field_errors: false,
            www_authenticate: None,
            headers: &[],
            retry_after: false,
            code_plain: crate::format::json::is_plain(code),
            message_plain: false,
        }
    }

    /// The `WWW-Authenticate` challenge sent with this code (`#[api(www_authenticate = "…")]`).
    #[must_use]
    pub const fn with_www_authenticate(mut self, challenge: &'static str) -> Self {
        self.www_authenticate = Some(challenge);
        self
    }

    /// Fixed headers sent with this code (`#[api(header("name", "value"))]`); names lowercase.
    #[must_use]
    pub const fn with_headers(mut self, headers: &'static [(&'static str, &'static str)]) -> Self {
        self.headers = headers;
        self
    }

    /// Marks a code whose values carry a `Retry-After` delay (`#[api(retry_after)]` field).
    #[must_use]
    pub const fn with_retry_after(mut self) -> Self {
        self.retry_after = true;
        self
    }

    /// The variant this spec describes; `None` for a struct.
    #[must_use]
    pub const fn with_variant(mut self, variant: &'static str) -> Self {
        self.variant = Some(variant);
        self
    }

    /// The group the code is listed under in the catalogue (`#[api(category = "…")]`).
    #[must_use]
    pub const fn with_category(mut self, category: &'static str) -> Self {
        self.category = Some(category);
        self
    }

    /// The human description of the code: the variant's `///` doc comment.
    #[must_use]
    pub const fn with_description(mut self, description: &'static str) -> Self {
        self.description = Some(description);
        self
    }

    /// The `message = "…"` template as written, interpolations included.
    #[must_use]
    pub const fn with_message_template(mut self, template: &'static str) -> Self {
        self.message_template = Some(template);
        self
    }

    /// The public message when it never depends on the value (no interpolation, or redacted).
    #[must_use]
    pub const fn with_static_message(mut self, message: &'static str) -> Self {
        self.static_message = Some(message);
        self.message_plain = crate::format::json::is_plain(message);
        self
    }

    /// A short, human title for the problem (`#[api(title = "…")]`, RFC 9457 `title`).
    #[must_use]
    pub const fn with_title(mut self, title: &'static str) -> Self {
        self.title = Some(title);
        self
    }

    /// A URI identifying the problem type (`#[api(type = "…")]`, RFC 9457 `type`).
    #[must_use]
    pub const fn with_problem_type(mut self, uri: &'static str) -> Self {
        self.problem_type = Some(uri);
        self
    }

    /// Marks a 5xx code whose real message may be shown (`#[api(expose)]`).
    #[must_use]
    pub const fn exposed(mut self) -> Self {
        self.exposed = true;
        self
    }

    /// Marks a code whose public message is replaced by the generic one.
    #[must_use]
    pub const fn redacted(mut self) -> Self {
        self.redacted = true;
        self
    }

    /// Marks a code that carries field-level errors (`#[api(fields)]`).
    #[must_use]
    pub const fn with_field_errors(mut self) -> Self {
        self.has_field_errors = true;
        self
    }

    /// The machine-readable code, e.g. `"AUTH_MISSING"`.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        self.code
    }

    /// The HTTP status the code is answered with.
    #[must_use]
    pub const fn status(&self) -> StatusCode {
        self.status
    }

    /// The Rust type that declares the code.
    #[must_use]
    pub const fn type_name(&self) -> &'static str {
        self.type_name
    }

    /// The Rust variant that declares the code; `None` for a struct.
    #[must_use]
    pub const fn variant(&self) -> Option<&'static str> {
        self.variant
    }

    /// The catalogue group, if declared.
    #[must_use]
    pub const fn category(&self) -> Option<&'static str> {
        self.category
    }

    /// The variant's doc comment, if any.
    #[must_use]
    pub const fn description(&self) -> Option<&'static str> {
        self.description
    }

    /// The `message = "…"` template, if declared.
    #[must_use]
    pub const fn message_template(&self) -> Option<&'static str> {
        self.message_template
    }

    /// The public message when it is the same for every value of this code.
    #[must_use]
    pub const fn static_message(&self) -> Option<&'static str> {
        self.static_message
    }

    /// The declared title, if any.
    #[must_use]
    pub const fn title(&self) -> Option<&'static str> {
        self.title
    }

    /// The declared problem type URI, if any.
    #[must_use]
    pub const fn problem_type(&self) -> Option<&'static str> {
        self.problem_type
    }

    /// Whether the real message is shown although the status is 5xx.
    #[must_use]
    pub const fn is_exposed(&self) -> bool {
        self.exposed
    }

    /// Whether the public message is the generic one rather than the value's own.
    #[must_use]
    pub const fn is_redacted(&self) -> bool {
        self.redacted
    }

    /// Whether values of this code carry field-level errors.
    #[must_use]
    pub const fn has_field_errors(&self) -> bool {
        self.has_field_errors
    }

    /// The declared `WWW-Authenticate` challenge, if any.
    #[must_use]
    pub const fn www_authenticate(&self) -> Option<&'static str> {
        self.www_authenticate
    }

    /// The declared fixed headers, names in lowercase; checked at compile time.
    #[must_use]
    pub const fn headers(&self) -> &'static [(&'static str, &'static str)] {
        self.headers
    }

    /// Whether values of this code carry a `Retry-After` delay.
    #[must_use]
    pub const fn has_retry_after(&self) -> bool {
        self.retry_after
    }

    /// Whether the code can be written in JSON without escaping.
    pub(crate) const fn is_code_plain(&self) -> bool {
        self.code_plain
    }

    /// Whether the static message can be written in JSON without escaping.
    pub(crate) const fn is_message_plain(&self) -> bool {
        self.message_plain
    }
}
