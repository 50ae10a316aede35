//! Reading a request body as JSON, and what each way of failing becomes.

use ::axum::body::Bytes;
use ::axum::extract::rejection::BytesRejection;
use ::axum::extract::{FromRequest, Request};
use http::StatusCode;
use http::header::{CONTENT_TYPE, HeaderMap};
use serde::de::DeserializeOwned;
use serde_path_to_error::Segment;

use super::Rejection;
use crate::integrations::scope::with_current;
use crate::limits::{MAX_FIELD_PATH_LEN, truncate};
use crate::plain_http::rejection::{BodyFault, Rejection as FrameworkRejection};
use crate::{FieldErrors, FieldPath, FromFieldErrors};

/// Reads the body as JSON into `T`; checks come after.
pub(super) async fn read_json<T, E, S>(request: Request, state: &S) -> Result<T, Rejection<E>>
where
    T: DeserializeOwned,
    E: FromFieldErrors,
    S: Send + Sync,
{
    if !is_json(request.headers()) {
        return Err(body(FrameworkRejection::unsupported_media_type(
            "application/json",
        )));
    }
    let bytes = Bytes::from_request(request, state)
        .await
        .map_err(|rejection| body(unreadable(&rejection)))?;
    parse_json(&bytes)
}

/// The error the current request's options make of `rejection`.
fn body<E>(rejection: FrameworkRejection) -> Rejection<E> {
    Rejection::Body(with_current(|_, options| options.reject(rejection)))
}

/// Whether the `Content-Type` is `application/json` or `application/…+json`, parameters
/// aside, as axum's own `Json` requires.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(Ok(value)) = headers.get(CONTENT_TYPE).map(|value| value.to_str()) else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or_default().trim();
    let Some((kind, subtype)) = essence.split_once('/') else {
        return false;
    };
    kind.eq_ignore_ascii_case("application")
        && (subtype.eq_ignore_ascii_case("json")
            || subtype
                .rsplit_once('+')
                .is_some_and(|(_, suffix)| suffix.eq_ignore_ascii_case("json")))
}

fn unreadable(rejection: &BytesRejection) -> FrameworkRejection {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return FrameworkRejection::payload_too_large();
    }
    let text = rejection.body_text();
    let detail = text
        .strip_prefix("Failed to buffer the request body: ")
        .unwrap_or(&text);
    FrameworkRejection::malformed_body(BodyFault::Unreadable, detail)
}

fn parse_json<T: DeserializeOwned, E: FromFieldErrors>(bytes: &[u8]) -> Result<T, Rejection<E>> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(json_error)?;
    // Trailing data after the value (`{"a":1} x`) is malformed JSON too.
    deserializer.end().map_err(|error| {
        body(FrameworkRejection::malformed_body(
            BodyFault::Syntax,
            &without_position(&error),
        ))
    })?;
    Ok(value)
}

/// A syntax error as a malformed body; a value of the wrong shape as a field error where it
/// is, unless the application registers its own rejection error, which then answers it.
fn json_error<E: FromFieldErrors>(
    error: serde_path_to_error::Error<serde_json::Error>,
) -> Rejection<E> {
    let text = without_position(error.inner());
    if error.inner().classify() != serde_json::error::Category::Data {
        return body(FrameworkRejection::malformed_body(BodyFault::Syntax, &text));
    }
    let mut path = FieldPath::root();
    for segment in error.path() {
        path = match segment {
            Segment::Seq { index } => path.index(*index),
            Segment::Map { key } => path.key(cut(key)),
            Segment::Enum { variant } => path.key(cut(variant)),
            Segment::Unknown => path,
        };
    }
    // serde reports a missing field at the struct that lacks it, naming it only in the text.
    if let Some(name) = text
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        path = path.key(cut(name));
    }
    let path = path.truncated(MAX_FIELD_PATH_LEN);
    let rejection = FrameworkRejection::malformed_body(BodyFault::Shape, &text)
        .with_field_path(&path.to_string());
    with_current(|_, options| {
        if options.maps_rejections() {
            return Rejection::Body(options.reject(rejection));
        }
        let rejection = options.prepare(rejection);
        let mut errors = FieldErrors::new();
        errors.add_bounded(path, rejection.field_message().to_owned());
        Rejection::Invalid(E::from_field_errors(errors))
    })
}

/// serde_json's message without its ` at line 1 column 9`, which means nothing to a client
/// that did not send the body by hand.
fn without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    match text.strip_suffix(&position) {
        Some(message) => message.to_owned(),
        None => text,
    }
}

/// A client-chosen key cut to the longest path kept, before it is copied: a path holding it
/// is cut again as a whole.
fn cut(text: &str) -> String {
    truncate(text, MAX_FIELD_PATH_LEN).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::TRUNCATED;

    #[test]
    fn json_media_types_are_recognised() {
        let check = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(CONTENT_TYPE, value.parse().unwrap());
            is_json(&headers)
        };
        assert!(check("application/json"));
        assert!(check("Application/JSON; charset=utf-8"));
        assert!(check("application/problem+json"));
        assert!(!check("text/json"));
        assert!(!check("application/jsonx"));
        assert!(!check("application"));
        assert!(!check("application/x-www-form-urlencoded"));
        assert!(!is_json(&HeaderMap::new()));
    }

    #[test]
    fn positions_are_dropped_and_keys_cut() {
        let error = serde_json::from_str::<Vec<u8>>("[").unwrap_err();
        assert_eq!(without_position(&error), "EOF while parsing a list");
        let long = "é".repeat(MAX_FIELD_PATH_LEN);
        let kept = cut(&long);
        assert!(kept.len() <= MAX_FIELD_PATH_LEN && kept.ends_with(TRUNCATED));
        assert_eq!(cut("abc"), "abc");
    }
}
