use apierr::{ApiError, Envelope, FieldErrors, SubError, SubErrors};

#[derive(Debug, thiserror::Error, ApiError)]
#[error("inner")]
#[api(code = "INNER", status = 409, message = "inner conflict")]
struct Inner;

#[derive(Debug, thiserror::Error, ApiError)]
#[api(
    status = 400,
    category = "Everything",
    rename_all = "SCREAMING_SNAKE_CASE",
    format = apierr::format::ProblemDetails::new(),
    data(domain = "example.com", service = "auth")
)]
enum AllKeys {
    /// Two-factor authentication is required
    #[error("second factor needed")]
    #[api(
        code = "2FA_REQUIRED",
        status = UNAUTHORIZED,
        message = "need {1} {2} factors ({0:?})",
        category = "Auth",
        title = "Second factor required",
        type = "https://example.com/probs/2fa",
        data(reason = "SECOND_FACTOR", domain = "auth.example.com")
    )]
    TwoFactor(
        u8,
        #[api(member = "factor_count")] u32,
        #[api(member = "kind")] String,
    ),
    #[error("database down")]
    #[api(status = StatusCode::SERVICE_UNAVAILABLE, expose)]
    Db {
        #[source]
        source: std::io::Error,
    },
    #[error("looks wrong")]
    #[api(redact)]
    Suspicious {
        #[api(member)]
        score: u32,
    },
    #[error("invalid")]
    #[api(code = "VALIDATION", status = 422)]
    Invalid(#[api(fields)] FieldErrors),
    #[error("batch")]
    #[api(code = 20003, status = 200, allow_success_status)]
    Batch(#[api(errors)] SubErrors),
    #[error(transparent)]
    #[api(transparent)]
    Wrapped(#[from] Inner),
}

fn main() {
    let e = AllKeys::TwoFactor(7, 2, "totp".to_owned());
    assert_eq!(e.code(), "2FA_REQUIRED");
    assert_eq!(e.status().as_u16(), 401);
    assert_eq!(e.message(), "need 2 totp factors (7)");
    assert_eq!(e.spec().data("reason"), Some("SECOND_FACTOR"));
    assert_eq!(e.spec().data("domain"), Some("auth.example.com"));
    assert_eq!(e.spec().data("service"), Some("auth"));
    assert!(e.member("kind").is_some());
    let db = AllKeys::Db {
        source: std::io::Error::other("connection refused"),
    };
    assert_eq!(db.code(), "DB");
    assert_eq!(db.message(), "database down");
    let s = AllKeys::Suspicious { score: 3 };
    assert_eq!(s.code(), "SUSPICIOUS");
    assert_eq!(s.status().as_u16(), 400);
    assert_eq!(s.message(), "Bad Request");
    let w = AllKeys::Wrapped(Inner);
    assert_eq!(w.code(), "INNER");
    assert_eq!(w.status().as_u16(), 409);
    let v = AllKeys::Invalid(FieldErrors::new().with("email", "required"));
    assert!(v.field_errors().is_some());
    let body = Envelope::new(&v).to_value().unwrap();
    assert_eq!(body["status"], 422);
    let b = AllKeys::Batch(SubErrors::new().with(SubError::new("1")));
    assert_eq!(b.code(), "20003");
    assert!(b.spec().is_code_numeric());
    assert_eq!(b.status().as_u16(), 200);
    assert_eq!(b.sub_errors().map(SubErrors::len), Some(1));
}
