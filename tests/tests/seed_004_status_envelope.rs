//! Seed 004 (`/work/shared/seeds/004_edb8e13186900326.txt`): `{"success":false,"message",
//! "error":"<category>","statusCode","timestamp","path","method","data"}`, in
//! [`apierr::format::StatusEnvelope`].
//!
//! In this API the body's `error` member is the "application error code" (`Validation Error`,
//! `USER_EXISTS`, …): in apierr terms, the category. The machine-readable apierr code stays
//! internal (logs, catalogue).

mod common;

use apierr::format::{Format, Layout, Slot, Value};
use apierr::{ApiError, Context, Envelope, FieldErrors, Spec, Timestamp};
use common::{assert_body, assert_exact};
use serde_json::json;

/// The errors of the "Mongoose-specific mappings" table, handled in `errorHandler`.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum MongooseError {
    /// ValidationError
    #[error("mongoose validation: {0}")]
    #[api(
        code = "MONGOOSE_VALIDATION",
        status = 400,
        message = "Validation Error"
    )]
    Validation(String),
    /// MongoError code 11000
    #[error("E11000 duplicate key error on {key}")]
    #[api(
        code = "MONGO_DUPLICATE_KEY",
        status = 409,
        message = "Duplicate resource"
    )]
    DuplicateKey { key: String },
    /// JsonWebTokenError
    #[error("jwt malformed")]
    #[api(code = "JWT_INVALID", status = 401, message = "Invalid token")]
    JsonWebToken,
    /// TokenExpiredError
    #[error("jwt expired")]
    #[api(code = "JWT_EXPIRED", status = 401, message = "Token expired")]
    TokenExpired,
}

/// The backend's errors: the "HTTP status mapping" table's error statuses, with the categories
/// of the "Application error codes" table.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(format = apierr::format::StatusEnvelope)]
pub enum AmnError {
    /// express-validator rejected the body
    #[error("request body rejected by express-validator")]
    #[api(
        code = "VALIDATION_ERROR",
        status = 400,
        category = "Validation Error",
        message = "Validation failed"
    )]
    Validation(#[api(fields)] FieldErrors),
    /// wrong delivery code
    #[error("کد تحویل نادرست است")]
    #[api(code = "WRONG_DELIVERY_CODE", status = 400)]
    WrongDeliveryCode,
    /// No token
    #[error("Access token required")]
    #[api(code = "TOKEN_REQUIRED", status = 401, category = "Unauthorized")]
    TokenRequired,
    /// Bad token
    #[error("Invalid or expired token")]
    #[api(code = "TOKEN_INVALID", status = 401, category = "Unauthorized")]
    TokenInvalid,
    /// Role/ownership check failed
    #[error("{0}")]
    #[api(code = "FORBIDDEN", status = 403, category = "Forbidden")]
    Forbidden(String),
    /// not the buyer
    #[error("شما مجاز به ایجاد کد تحویل برای این درخواست نیستید")]
    #[api(code = "NOT_THE_BUYER", status = 403, category = "Forbidden")]
    NotTheBuyer,
    /// Generic resource lookup miss
    #[error("{0} lookup missed")]
    #[api(
        code = "NOT_FOUND",
        status = 404,
        category = "Not Found",
        message = "Resource not found"
    )]
    NotFound(String),
    /// Email already registered
    #[error("کاربری با این ایمیل قبلاً ثبتنام کرده است")]
    #[api(code = "USER_EXISTS", status = 409, category = "USER_EXISTS")]
    UserExists,
    /// duplicate review, dispute already open
    #[error("{0}")]
    #[api(code = "CONFLICT", status = 409)]
    Conflict(String),
    /// Account temporarily locked
    #[error("account locked")]
    #[api(code = "ACCOUNT_LOCKED", status = LOCKED, message = "Account temporarily locked until {until}")]
    AccountLocked { until: Timestamp },
    /// Rate limit hit
    #[error("Too many attempts, try again later")]
    #[api(code = "RATE_LIMITED", status = 429)]
    RateLimited,
    /// Catch-all 500
    #[error("unhandled exception")]
    #[api(code = "INTERNAL", status = 500, category = "Internal Server Error")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// Upstream provider failure
    #[error("{provider} unreachable")]
    #[api(code = "UPSTREAM_UNREACHABLE", status = 502, expose)]
    Upstream { provider: &'static str },
    /// Webhook signature mismatch
    #[error("webhook signature mismatch")]
    #[api(code = "WEBHOOK_SIGNATURE", status = 401)]
    WebhookSignature,
    #[error(transparent)]
    #[api(transparent)]
    Mongoose(#[from] MongooseError),
}

/// The ad-hoc shapes of legacy routes, which the document names without a sample value.
enum Legacy {
    /// `{ "error": "..." }`
    ErrorOnly,
    /// `{ "success": false, "message": "..." }`
    SuccessMessage,
    /// `{ success: false }`, the webhook's answer to a bad signature.
    SuccessOnly,
}

impl Format for Legacy {
    fn layout(&self) -> &Layout<'_> {
        const ERROR_ONLY: Layout<'static> = Layout::new(&[Slot::new("error", Value::Message)]);
        const SUCCESS_MESSAGE: Layout<'static> = Layout::new(&[
            Slot::new("success", Value::FALSE),
            Slot::new("message", Value::Message),
        ]);
        const SUCCESS_ONLY: Layout<'static> = Layout::new(&[Slot::new("success", Value::FALSE)]);
        match self {
            Legacy::ErrorOnly => &ERROR_ONLY,
            Legacy::SuccessMessage => &SUCCESS_MESSAGE,
            Legacy::SuccessOnly => &SUCCESS_ONLY,
        }
    }
}

const USER_EXISTS_FA: &str = "کاربری با این ایمیل قبلاً ثبتنام کرده است";
const WRONG_DELIVERY_CODE_FA: &str = "کد تحویل نادرست است";
const NOT_THE_BUYER_FA: &str = "شما مجاز به ایجاد کد تحویل برای این درخواست نیستید";

/// 2026-05-23T10:00:00.000Z, the document's timestamp.
fn at() -> Timestamp {
    Timestamp::from_unix_millis(1_779_530_400_000).unwrap()
}

/// "Standard error shape", with its `data` placeholder filled by two express-validator items.
#[test]
fn standard_error_shape_example() {
    let fields = FieldErrors::new()
        .with("email", "Please provide a valid email")
        .with("password", "Password must be at least 8 characters long");
    let err = AmnError::Validation(fields.clone());
    let context = Context::new()
        .with_timestamp(at())
        .with_path("/api/auth/register")
        .with_method(http::Method::POST);
    let data = json!([
        {"type": "field", "path": "email", "msg": "Please provide a valid email"},
        {"type": "field", "path": "password", "msg": "Password must be at least 8 characters long"}
    ]);
    // The documented item shape is exactly `FieldErrors::as_items`.
    assert_eq!(serde_json::to_value(fields.as_items()).unwrap(), data);
    assert_body(
        &Envelope::new(&err).with_context(&context),
        &json!({
          "success": false,
          "message": "Validation failed",
          "error": "Validation Error",
          "statusCode": 400,
          "timestamp": "2026-05-23T10:00:00.000Z",
          "path": "/api/auth/register",
          "method": "POST",
          "data": data
        }),
    );
    assert_exact(
        &Envelope::new(&err).with_context(&context),
        r#"{"success":false,"message":"Validation failed","error":"Validation Error","statusCode":400,"timestamp":"2026-05-23T10:00:00.000Z","path":"/api/auth/register","method":"POST","data":[{"type":"field","path":"email","msg":"Please provide a valid email"},{"type":"field","path":"password","msg":"Password must be at least 8 characters long"}]}"#,
    );
}

fn uncaught() -> AmnError {
    AmnError::Internal(Box::new(std::io::Error::other(
        "Cannot read properties of undefined (reading 'id')",
    )))
}

/// "Uncaught errors": no message, no timestamp; `stack` only in development.
#[test]
fn uncaught_error_example() {
    let err = uncaught();
    assert_body(
        &Envelope::new(&err),
        &json!({
          "success": false,
          "error": "Internal Server Error",
          "statusCode": 500
        }),
    );
    assert_exact(
        &Envelope::new(&err),
        r#"{"success":false,"error":"Internal Server Error","statusCode":500}"#,
    );
    let development = Context::new().with_debug_detail(true);
    assert_body(
        &Envelope::new(&err).with_context(&development),
        &json!({
          "success": false,
          "error": "Internal Server Error",
          "statusCode": 500,
          "stack": "unhandled exception\n    caused by: Cannot read properties of undefined (reading 'id')"
        }),
    );
    assert_exact(
        &Envelope::new(&err).with_context(&development),
        r#"{"success":false,"error":"Internal Server Error","statusCode":500,"stack":"unhandled exception\n    caused by: Cannot read properties of undefined (reading 'id')"}"#,
    );
}

/// The stack is the internal message followed by the source chain.
#[test]
fn uncaught_error_stack_lists_the_sources() {
    #[derive(Debug, thiserror::Error)]
    #[error("query users failed")]
    struct Query(#[source] std::io::Error);
    let err = AmnError::Internal(Box::new(Query(std::io::Error::other("ECONNREFUSED"))));
    let development = Context::new().with_debug_detail(true);
    let body = Envelope::new(&err)
        .with_context(&development)
        .to_value()
        .unwrap();
    assert_eq!(
        body["stack"],
        "unhandled exception\n    caused by: query users failed\n    caused by: ECONNREFUSED"
    );
    // Off by default: production never sees it.
    let body = Envelope::new(&err).to_value().unwrap();
    assert_eq!(body.get("stack"), None);
}

/// "Legacy routes … return ad-hoc shapes such as { "error": "..." } or { "success": false,
/// "message": "..." }", with the Persian messages the document quotes.
#[test]
fn legacy_shapes() {
    let not_buyer = AmnError::NotTheBuyer;
    assert_body(
        &Envelope::new(&not_buyer).with_format(&Legacy::ErrorOnly),
        &json!({ "error": NOT_THE_BUYER_FA }),
    );
    let wrong_code = AmnError::WrongDeliveryCode;
    assert_body(
        &Envelope::new(&wrong_code).with_format(&Legacy::SuccessMessage),
        &json!({ "success": false, "message": WRONG_DELIVERY_CODE_FA }),
    );
    assert_exact(
        &Envelope::new(&wrong_code).with_format(&Legacy::SuccessMessage),
        r#"{"success":false,"message":"کد تحویل نادرست است"}"#,
    );
}

/// Webhook: a signature mismatch is answered `401 { success: false }`.
#[test]
fn webhook_signature_mismatch() {
    let err = AmnError::WebhookSignature;
    assert_eq!(err.status().as_u16(), 401);
    assert_body(
        &Envelope::new(&err).with_format(&Legacy::SuccessOnly),
        &json!({ "success": false }),
    );
}

/// "For auth-specific 4xx responses the body's message carries the user-facing text (often
/// Persian/Farsi for legacy reasons)": the three quoted messages, with their statuses.
#[test]
fn persian_messages() {
    let context = Context::new()
        .with_timestamp(at())
        .with_method(http::Method::POST);
    for (err, status, category, message, path) in [
        (
            AmnError::UserExists,
            409,
            "USER_EXISTS",
            USER_EXISTS_FA,
            "/api/auth/register",
        ),
        (
            AmnError::WrongDeliveryCode,
            400,
            "Bad Request",
            WRONG_DELIVERY_CODE_FA,
            "/api/marketplace/delivery-code/verify",
        ),
        (
            AmnError::NotTheBuyer,
            403,
            "Forbidden",
            NOT_THE_BUYER_FA,
            "/api/marketplace/delivery-code",
        ),
    ] {
        assert_eq!(err.status().as_u16(), status);
        assert_eq!(err.message(), message);
        let context = context.clone().with_path(path);
        assert_body(
            &Envelope::new(&err).with_context(&context),
            &json!({
                "success": false,
                "message": message,
                "error": category,
                "statusCode": status,
                "timestamp": "2026-05-23T10:00:00.000Z",
                "path": path,
                "method": "POST"
            }),
        );
    }
}

/// "Application error codes": each value of the body's `error` member.
#[test]
fn application_error_codes() {
    let cases = [
        (
            AmnError::Validation(FieldErrors::new()),
            "Validation Error",
            400,
        ),
        (
            AmnError::NotFound("purchase request".into()),
            "Not Found",
            404,
        ),
        (AmnError::TokenRequired, "Unauthorized", 401),
        (AmnError::TokenInvalid, "Unauthorized", 401),
        (
            AmnError::Forbidden("Role check failed".into()),
            "Forbidden",
            403,
        ),
        (uncaught(), "Internal Server Error", 500),
        (AmnError::UserExists, "USER_EXISTS", 409),
    ];
    for (err, error, status) in &cases {
        assert_eq!(err.spec().category(), Some(*error), "{}", err.code());
        let body = Envelope::new(err).to_value().unwrap();
        assert_eq!(body["error"], *error, "{body}");
        assert_eq!(body["statusCode"], *status, "{body}");
    }
}

/// "HTTP status mapping": every error status, with the examples the table gives.
#[test]
fn http_status_mapping() {
    let locked_until = Timestamp::from_unix_millis(1_779_531_300_000).unwrap();
    let cases = [
        (
            AmnError::Validation(FieldErrors::new()),
            400,
            "Validation Error",
            Some("Validation failed"),
        ),
        (
            AmnError::TokenRequired,
            401,
            "Unauthorized",
            Some("Access token required"),
        ),
        (
            AmnError::TokenInvalid,
            401,
            "Unauthorized",
            Some("Invalid or expired token"),
        ),
        (
            AmnError::Forbidden("Email not verified".into()),
            403,
            "Forbidden",
            Some("Email not verified"),
        ),
        (
            AmnError::NotFound("review".into()),
            404,
            "Not Found",
            Some("Resource not found"),
        ),
        (
            AmnError::UserExists,
            409,
            "USER_EXISTS",
            Some(USER_EXISTS_FA),
        ),
        (
            AmnError::Conflict("Dispute already open".into()),
            409,
            "Conflict",
            Some("Dispute already open"),
        ),
        (
            AmnError::AccountLocked {
                until: locked_until,
            },
            423,
            "Locked",
            Some("Account temporarily locked until 2026-05-23T10:15:00.000Z"),
        ),
        (
            AmnError::RateLimited,
            429,
            "Too Many Requests",
            Some("Too many attempts, try again later"),
        ),
        (uncaught(), 500, "Internal Server Error", None),
        (
            AmnError::Upstream { provider: "OpenAI" },
            502,
            "Bad Gateway",
            Some("OpenAI unreachable"),
        ),
    ];
    for (err, status, error, message) in &cases {
        assert_eq!(err.status().as_u16(), *status, "{}", err.code());
        let mut expected = json!({"success": false, "error": error, "statusCode": status});
        if let Some(message) = message {
            expected["message"] = json!(message);
        }
        assert_body(&Envelope::new(err), &expected);
    }

    let mut statuses: Vec<u16> = Vec::new();
    AmnError::catalog(&mut |spec| statuses.push(spec.status().as_u16()));
    statuses.sort_unstable();
    statuses.dedup();
    assert_eq!(statuses, [400, 401, 403, 404, 409, 423, 429, 500, 502]);
}

/// "Mongoose-specific mappings", handled in `errorHandler`: status and body message. The
/// document gives no category for them, so `error` is the status's reason phrase.
#[test]
fn mongoose_mappings() {
    let cases = [
        (
            MongooseError::Validation("Path `title` is required.".into()),
            400,
            "Validation Error",
            "Bad Request",
        ),
        (
            MongooseError::DuplicateKey {
                key: "email".into(),
            },
            409,
            "Duplicate resource",
            "Conflict",
        ),
        (
            MongooseError::JsonWebToken,
            401,
            "Invalid token",
            "Unauthorized",
        ),
        (
            MongooseError::TokenExpired,
            401,
            "Token expired",
            "Unauthorized",
        ),
    ];
    for (inner, status, message, reason) in cases {
        let err = AmnError::from(inner);
        assert_eq!(err.status().as_u16(), status);
        assert_eq!(err.message(), message);
        assert_body(
            &Envelope::new(&err),
            &json!({"success": false, "message": message, "error": reason, "statusCode": status}),
        );
    }

    let mut specs: Vec<&'static Spec> = Vec::new();
    MongooseError::catalog(&mut |spec| specs.push(spec));
    let table: Vec<(&str, u16, &str)> = specs
        .iter()
        .map(|spec| {
            (
                spec.doc().unwrap(),
                spec.status().as_u16(),
                spec.static_message().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        table,
        [
            ("ValidationError", 400, "Validation Error"),
            ("MongoError code 11000", 409, "Duplicate resource"),
            ("JsonWebTokenError", 401, "Invalid token"),
            ("TokenExpiredError", 401, "Token expired"),
        ]
    );
}

/// express-validator's items also carry the rejected `value` and its `location`: rendered
/// when the entry has them, in express-validator's order, the echoed value bounded.
#[test]
fn express_validator_items_with_value_and_location() {
    use apierr::Violation;

    let mut fields = FieldErrors::new();
    fields.push(
        "email",
        Violation::from_message("Please provide a valid email")
            .with_value("not-an-email")
            .with_location("body"),
    );
    fields.push(
        "page",
        Violation::from_message("Invalid value")
            .with_value(-1)
            .with_location("query"),
    );
    fields.push(
        "password",
        Violation::from_message("Password must be at least 8 characters long"),
    );
    // A hostile value: cut, whichever way the entry is added.
    fields.push(
        "name",
        Violation::from_message("Name is too long").with_value("n".repeat(100_000)),
    );
    let err = AmnError::Validation(fields.clone());
    let cut = format!(
        "{}…",
        "n".repeat(apierr::limits::MAX_FIELD_VALUE_LEN - '…'.len_utf8())
    );
    let envelope = Envelope::new(&err).with_format(&apierr::format::StatusEnvelope);
    // `FieldErrors::as_items` writes the same items, and a client reads them back.
    assert_eq!(
        serde_json::to_value(fields.as_items()).unwrap(),
        envelope.to_value().unwrap()["data"]
    );
    let decoded = apierr::decode::Decode::decode(
        &apierr::format::StatusEnvelope,
        &envelope.to_vec().unwrap(),
    )
    .unwrap();
    let sent: Vec<_> = fields.entries().collect();
    let read: Vec<_> = decoded.fields.entries().collect();
    assert_eq!(read, sent);
    assert_exact(
        &envelope,
        &format!(
            r#"{{"success":false,"message":"Validation failed","error":"Validation Error","statusCode":400,"data":[{{"type":"field","value":"not-an-email","path":"email","msg":"Please provide a valid email","location":"body"}},{{"type":"field","value":-1,"path":"page","msg":"Invalid value","location":"query"}},{{"type":"field","path":"password","msg":"Password must be at least 8 characters long"}},{{"type":"field","value":"{cut}","path":"name","msg":"Name is too long"}}]}}"#
        ),
    );
}
