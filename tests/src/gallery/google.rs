//! Google APIs (the Cloud API design guide): `error.code` is the HTTP status, `error.status` the
//! canonical code, and `details` an `ErrorInfo` with the reason, the domain and metadata. The
//! domain is read from configuration when the service starts, not compiled in.
//!
//! Source: <https://cloud.google.com/apis/design/errors#http_mapping>.

use apierr::ApiError;
use apierr::format::{Format, Layout, Literal, Slot, Value};

use super::Example;

/// Google's error model, with the `ErrorInfo` domain taken from configuration.
pub struct Google {
    domain: String,
}

impl Google {
    /// The format for the service whose configuration is `config` (`key = value` lines).
    #[must_use]
    pub fn from_config(config: &str) -> Self {
        let domain = config
            .lines()
            .filter_map(|line| line.split_once('='))
            .find(|(key, _)| key.trim() == "error_domain")
            .map_or("googleapis.com", |(_, value)| value.trim());
        Google {
            domain: domain.to_owned(),
        }
    }
}

const GOOGLE: Layout<'static> = Layout::new(&[Slot::new(
    "error",
    Value::Object(&[
        Slot::new("code", Value::Status),
        Slot::new("message", Value::Message),
        Slot::new("status", Value::Code),
        Slot::new(
            "details",
            Value::Array(&[Value::Object(&[
                Slot::new(
                    "@type",
                    Value::Literal(Literal::Str("type.googleapis.com/google.rpc.ErrorInfo")),
                ),
                // Declared per variant with `data(reason = "…")`.
                Slot::new("reason", Value::Datum("reason")),
                // Held by the format, from configuration.
                Slot::new("domain", Value::Setting("domain")),
                // The variant's extension members.
                Slot::new("metadata", Value::Object(&[Slot::extensions()])),
            ])]),
        ),
    ]),
)]);

impl Format for Google {
    fn layout(&self) -> &Layout<'_> {
        &GOOGLE
    }

    fn setting(&self, name: &str) -> Option<&str> {
        (name == "domain").then_some(self.domain.as_str())
    }
}

/// The service's configuration, as read at start-up.
fn config() -> String {
    ["project = translate", "error_domain = googleapis.com"].join("\n")
}

/// The errors of the Translation API; its format is built from configuration on first use.
#[derive(Debug, ApiError)]
#[api(format = Google::from_config(&config()))]
pub enum TranslateError {
    #[api(
        code = "INVALID_ARGUMENT",
        status = 400,
        message = "API key not valid. Please pass a valid API key.",
        data(reason = "API_KEY_INVALID")
    )]
    ApiKeyInvalid {
        #[api(member)]
        service: String,
    },
}

/// The published body.
pub const PUBLISHED: &str = r#"{
  "error": {
    "code": 400,
    "message": "API key not valid. Please pass a valid API key.",
    "status": "INVALID_ARGUMENT",
    "details": [
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        "reason": "API_KEY_INVALID",
        "domain": "googleapis.com",
        "metadata": {
          "service": "translate.googleapis.com"
        }
      }
    ]
  }
}"#;

#[must_use]
pub fn example() -> Example {
    Example {
        name: "google",
        source: "https://cloud.google.com/apis/design/errors#http_mapping",
        error: Box::new(TranslateError::ApiKeyInvalid {
            service: "translate.googleapis.com".to_owned(),
        }),
        status: 400,
        content_type: "application/json",
        headers: &[],
        published: PUBLISHED,
        compact: concat!(
            r#"{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","#,
            r#""details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com","#,
            r#""metadata":{"service":"translate.googleapis.com"}}]}}"#
        ),
    }
}
