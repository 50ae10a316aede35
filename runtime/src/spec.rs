//! The static description of one error code.

use core::fmt;

use http::StatusCode;

mod raw;
mod table;

pub use raw::{RawSpec, checked_spec, checked_specs};
pub use table::{RawPairs, checked_table};

/// Everything that is known about one error code at compile time.
///
/// `#[derive(ApiError)]` emits one `Spec` per variant, in a static array; [`ApiError::spec`](crate::ApiError::spec)
/// returns it, and [`ApiError::catalog`](crate::ApiError::catalog) lists all of a type's specs.
/// Because it is `'static`, reading a code, status or doc comment never allocates.
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
/// assert_eq!(spec.doc(), Some("Order cannot be cancelled in its current state"));
/// assert_eq!(spec.message_template(), Some("order cannot be cancelled"));
/// ```
// The fields are private, so that every `Spec` is built by a constructor that decides its
// "needs no JSON escaping" flags itself: a spec claiming a code with a quote in it was plain
// would write invalid JSON. The derive writes its specs as a table (see `table.rs`) and has them
// checked by [`checked_table`], a `const fn` the compiler runs once, at compile time.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    code: &'static str,
    status: u16,
    type_name: &'static str,
    /// The variant, or `""` for a struct.
    variant: &'static str,
    /// Indexed by `CATEGORY`…`DISPLAY_TEMPLATE` below; an empty string stands for an absent
    /// text.
    texts: [&'static str; 8],
    headers: &'static [(&'static str, &'static str)],
    /// `#[api(data(name = "value"))]`, the enum's defaults merged in by the derive.
    data: &'static [(&'static str, &'static str)],
    flags: u16,
}

// Where each text lives in `texts`.
const CATEGORY: usize = 0;
const DOC: usize = 1;
const TEMPLATE: usize = 2;
const MESSAGE: usize = 3;
const TITLE: usize = 4;
const PROBLEM_TYPE: usize = 5;
const CHALLENGE: usize = 6;
const DISPLAY_TEMPLATE: usize = 7;

// The bits of `flags`. The `NO_*` ones are set by the derive, which knows every case: a
// hand-written spec without them makes the renderer ask the error instead. The `*_PLAIN` ones
// and `CODE_NUMERIC` are only ever set by `Spec` itself, after scanning the text (see
// `SCANNED_FLAGS`).
const EXPOSED: u16 = 1;
const REDACTED: u16 = 2;
const FIELD_ERRORS: u16 = 4;
const RETRY_AFTER: u16 = 8;
const STATIC_MESSAGE: u16 = 16;
const MESSAGE_PLAIN: u16 = 32;
const CODE_PLAIN: u16 = 64;
const TITLE_PLAIN: u16 = 128;
const NO_MEMBERS: u16 = 256;
const NO_FIELD_ERRORS: u16 = 512;
const CATEGORY_PLAIN: u16 = 1024;
const TYPE_PLAIN: u16 = 2048;
const CODE_NUMERIC: u16 = 4096;
/// Every flag decided by scanning a text: cleared from the flags a caller gives, and set again
/// only for the texts that pass the scan.
const SCANNED_FLAGS: u16 =
    MESSAGE_PLAIN | CODE_PLAIN | TITLE_PLAIN | CATEGORY_PLAIN | TYPE_PLAIN | CODE_NUMERIC;

const fn some(text: &'static str) -> Option<&'static str> {
    if text.is_empty() { None } else { Some(text) }
}

impl Spec {
    /// A spec for `code` answered with `status`, declared on the type `type_name`.
    ///
    /// A `status` that is not a valid HTTP status becomes 500: the derive rejects such statuses at
    /// compile time, so this only matters for hand-written specs.
    #[must_use]
    pub const fn new(code: &'static str, status: u16, type_name: &'static str) -> Self {
        checked_spec((code, status, type_name, "", [""; 8], &[], &[], 0))
    }

    /// A placeholder to fill an array with before its specs are written.
    const EMPTY: Spec = Spec {
        code: "",
        status: 500,
        type_name: "",
        variant: "",
        texts: [""; 8],
        headers: &[],
        data: &[],
        flags: 0,
    };

    const fn with_text(mut self, index: usize, text: &'static str) -> Self {
        self.texts[index] = text;
        self
    }

    const fn with_flag(mut self, flag: u16) -> Self {
        self.flags |= flag;
        self
    }

    /// Sets `flag` when `text` needs no JSON escaping, and clears it otherwise.
    const fn with_plain(mut self, flag: u16, text: &str) -> Self {
        if crate::json_text::is_plain(text) {
            self.flags |= flag;
        } else {
            self.flags &= !flag;
        }
        self
    }

    const fn flag(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    /// The `WWW-Authenticate` challenge sent with this code (`#[api(www_authenticate = "…")]`).
    #[must_use]
    pub const fn with_www_authenticate(self, challenge: &'static str) -> Self {
        self.with_text(CHALLENGE, challenge)
    }

    /// Fixed headers sent with this code (`#[api(header("name", "value"))]`); names lowercase.
    #[must_use]
    pub const fn with_headers(mut self, headers: &'static [(&'static str, &'static str)]) -> Self {
        self.headers = headers;
        self
    }

    /// Fixed data of this code (`#[api(data(domain = "…", reason = "…"))]`), as name and value
    /// pairs, each name once.
    #[must_use]
    pub const fn with_data(mut self, data: &'static [(&'static str, &'static str)]) -> Self {
        self.data = data;
        self
    }

    /// Marks a code whose values carry a `Retry-After` delay (`#[api(retry_after)]` field).
    #[must_use]
    pub const fn with_retry_after(self) -> Self {
        self.with_flag(RETRY_AFTER)
    }

    /// The variant this spec describes; `None` for a struct.
    #[must_use]
    pub const fn with_variant(mut self, variant: &'static str) -> Self {
        self.variant = variant;
        self
    }

    /// The group the code is listed under in the catalogue (`#[api(category = "…")]`).
    #[must_use]
    pub const fn with_category(self, category: &'static str) -> Self {
        self.with_text(CATEGORY, category)
            .with_plain(CATEGORY_PLAIN, category)
    }

    /// The code's documentation, as the variant's `///` doc comment holds it: in the
    /// catalogue, its first paragraph is the description and a paragraph starting `When:` says
    /// when the code is returned.
    #[must_use]
    pub const fn with_doc(self, doc: &'static str) -> Self {
        self.with_text(DOC, doc)
    }

    /// The `message = "…"` template as written, interpolations included.
    #[must_use]
    pub const fn with_message_template(self, template: &'static str) -> Self {
        self.with_text(TEMPLATE, template)
    }

    /// The template of the type's `Display` as written in thiserror's `#[error("…")]`, for a
    /// code whose clients see that `Display` (no `message`, not redacted).
    #[must_use]
    pub const fn with_display_template(self, template: &'static str) -> Self {
        self.with_text(DISPLAY_TEMPLATE, template)
    }

    /// The public message when it never depends on the value (no interpolation, or redacted).
    #[must_use]
    pub const fn with_static_message(self, message: &'static str) -> Self {
        self.with_text(MESSAGE, message)
            .with_flag(STATIC_MESSAGE)
            .with_plain(MESSAGE_PLAIN, message)
    }

    /// A short, human title for the problem (`#[api(title = "…")]`, RFC 9457 `title`).
    #[must_use]
    pub const fn with_title(self, title: &'static str) -> Self {
        self.with_text(TITLE, title).with_plain(TITLE_PLAIN, title)
    }

    /// A URI identifying the problem type (`#[api(type = "…")]`, RFC 9457 `type`).
    #[must_use]
    pub const fn with_problem_type(self, uri: &'static str) -> Self {
        self.with_text(PROBLEM_TYPE, uri)
            .with_plain(TYPE_PLAIN, uri)
    }

    /// Marks a 5xx code whose real message may be shown (`#[api(expose)]`).
    #[must_use]
    pub const fn exposed(self) -> Self {
        self.with_flag(EXPOSED)
    }

    /// Marks a code whose public message is replaced by the generic one.
    #[must_use]
    pub const fn redacted(self) -> Self {
        self.with_flag(REDACTED)
    }

    /// Marks a code that carries field-level errors (`#[api(fields)]`).
    #[must_use]
    pub const fn with_field_errors(self) -> Self {
        self.with_flag(FIELD_ERRORS)
    }

    /// The machine-readable code, e.g. `"AUTH_MISSING"`.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        self.code
    }

    /// The HTTP status the code is answered with.
    #[must_use]
    pub const fn status(&self) -> StatusCode {
        match StatusCode::from_u16(self.status) {
            Ok(status) => status,
            Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The Rust type that declares the code.
    #[must_use]
    pub const fn type_name(&self) -> &'static str {
        self.type_name
    }

    /// The Rust variant that declares the code; `None` for a struct.
    #[must_use]
    pub const fn variant(&self) -> Option<&'static str> {
        some(self.variant)
    }

    /// The catalogue group, if declared.
    #[must_use]
    pub const fn category(&self) -> Option<&'static str> {
        some(self.texts[CATEGORY])
    }

    /// The variant's whole `///` doc comment, trimmed, if any; the catalogue
    /// (`catalog::Entry`) splits it into description, details and "when".
    #[must_use]
    pub const fn doc(&self) -> Option<&'static str> {
        some(self.texts[DOC])
    }

    /// The `message = "…"` template as written, if declared and public: the declared message
    /// of a redacted code is only logged, and the derive does not keep it.
    #[must_use]
    pub const fn message_template(&self) -> Option<&'static str> {
        some(self.texts[TEMPLATE])
    }

    /// thiserror's `#[error("…")]` as written, placeholders included, when it is what clients
    /// see: the code declares no `message` and is not redacted. The catalogue describes an
    /// undocumented code with it.
    ///
    /// ```
    /// use apierr::ApiError;
    ///
    /// #[derive(Debug, thiserror::Error, ApiError)]
    /// enum ShopError {
    ///     #[error("no item {0} in stock")]
    ///     #[api(code = "OUT_OF_STOCK", status = 409)]
    ///     OutOfStock(u32),
    ///     #[error("pool exhausted after {0} tries")]
    ///     #[api(code = "INTERNAL", status = 500)]
    ///     Pool(u32),
    /// }
    ///
    /// assert_eq!(ShopError::OutOfStock(3).spec().display_template(), Some("no item {0} in stock"));
    /// // A 5xx's `Display` is internal: it is not kept.
    /// assert_eq!(ShopError::Pool(3).spec().display_template(), None);
    /// ```
    #[must_use]
    pub const fn display_template(&self) -> Option<&'static str> {
        some(self.texts[DISPLAY_TEMPLATE])
    }

    /// The public message when it is the same for every value of this code.
    #[must_use]
    pub const fn static_message(&self) -> Option<&'static str> {
        if self.flag(STATIC_MESSAGE) {
            Some(self.texts[MESSAGE])
        } else {
            None
        }
    }

    /// The declared title, if any.
    #[must_use]
    pub const fn title(&self) -> Option<&'static str> {
        some(self.texts[TITLE])
    }

    /// The declared problem type URI, if any.
    #[must_use]
    pub const fn problem_type(&self) -> Option<&'static str> {
        some(self.texts[PROBLEM_TYPE])
    }

    /// Whether the real message is shown although the status is 5xx.
    #[must_use]
    pub const fn is_exposed(&self) -> bool {
        self.flag(EXPOSED)
    }

    /// Whether the public message is the generic one rather than the value's own.
    #[must_use]
    pub const fn is_redacted(&self) -> bool {
        self.flag(REDACTED)
    }

    /// Whether values of this code carry field-level errors.
    #[must_use]
    pub const fn has_field_errors(&self) -> bool {
        self.flag(FIELD_ERRORS)
    }

    /// The declared `WWW-Authenticate` challenge, if any.
    #[must_use]
    pub const fn www_authenticate(&self) -> Option<&'static str> {
        some(self.texts[CHALLENGE])
    }

    /// The declared fixed headers, names in lowercase; checked at compile time.
    #[must_use]
    pub const fn headers(&self) -> &'static [(&'static str, &'static str)] {
        self.headers
    }

    /// Whether values of this code carry a `Retry-After` delay.
    #[must_use]
    pub const fn has_retry_after(&self) -> bool {
        self.flag(RETRY_AFTER)
    }

    /// The fixed data entry called `name` (`#[api(data(name = "…"))]`), if declared.
    ///
    /// ```
    /// static DATA: &[(&str, &str)] = &[("domain", "example.com")];
    /// let spec = apierr::Spec::new("API_KEY_INVALID", 400, "KeyError").with_data(DATA);
    /// assert_eq!(spec.data("domain"), Some("example.com"));
    /// assert_eq!(spec.data("reason"), None);
    /// ```
    #[must_use]
    pub fn data(&self, name: &str) -> Option<&'static str> {
        self.data
            .iter()
            .find(|(entry, _)| *entry == name)
            .map(|(_, value)| *value)
    }

    /// Every fixed data entry, as name and value, in declaration order (the enum's first).
    #[must_use]
    pub const fn data_entries(&self) -> &'static [(&'static str, &'static str)] {
        self.data
    }

    /// Whether the code is a number as JSON writes it: ASCII digits without a leading zero
    /// (`"0"` aside), at most 15 of them, so that every JSON reader, JavaScript's included,
    /// reads it back exactly. Such a code is written `#[api(code = 20003)]` or
    /// `#[api(code = "20003")]`; formats may write it as a JSON number.
    ///
    /// ```
    /// assert!(apierr::Spec::new("20003", 400, "T").is_code_numeric());
    /// assert!(!apierr::Spec::new("020003", 400, "T").is_code_numeric());
    /// assert!(!apierr::Spec::new("AUTH_MISSING", 401, "T").is_code_numeric());
    /// ```
    #[must_use]
    pub const fn is_code_numeric(&self) -> bool {
        self.flag(CODE_NUMERIC)
    }

    /// Whether the code can be written in JSON without escaping.
    pub(crate) const fn is_code_plain(&self) -> bool {
        self.flag(CODE_PLAIN)
    }

    /// Whether the static message can be written in JSON without escaping.
    pub(crate) const fn is_message_plain(&self) -> bool {
        self.flag(MESSAGE_PLAIN)
    }

    /// Whether the declared title can be written in JSON without escaping.
    pub(crate) const fn is_title_plain(&self) -> bool {
        self.flag(TITLE_PLAIN)
    }

    /// Whether the category can be written in JSON without escaping.
    pub(crate) const fn is_category_plain(&self) -> bool {
        self.flag(CATEGORY_PLAIN)
    }

    /// Whether the problem type URI can be written in JSON without escaping.
    pub(crate) const fn is_type_plain(&self) -> bool {
        self.flag(TYPE_PLAIN)
    }

    /// Whether values of this code are known to have no extension members.
    pub(crate) const fn surely_without_members(&self) -> bool {
        self.flag(NO_MEMBERS)
    }

    /// Whether values of this code are known to have no field errors.
    pub(crate) const fn surely_without_field_errors(&self) -> bool {
        self.flag(NO_FIELD_ERRORS)
    }
}

impl fmt::Debug for Spec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Spec")
            .field("code", &self.code())
            .field("status", &self.status())
            .field("type_name", &self.type_name())
            .field("variant", &self.variant())
            .field("category", &self.category())
            .field("doc", &self.doc())
            .field("message_template", &self.message_template())
            .field("display_template", &self.display_template())
            .field("static_message", &self.static_message())
            .field("title", &self.title())
            .field("problem_type", &self.problem_type())
            .field("exposed", &self.is_exposed())
            .field("redacted", &self.is_redacted())
            .field("has_field_errors", &self.has_field_errors())
            .field("www_authenticate", &self.www_authenticate())
            .field("headers", &self.headers())
            .field("retry_after", &self.has_retry_after())
            .field("data", &self.data_entries())
            .field("code_numeric", &self.is_code_numeric())
            .finish()
    }
}
