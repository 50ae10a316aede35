//! The `google.rpc` details of one error, within [`MAX_DETAILS_LEN`].
//!
//! A status travels in HTTP/2 trailers, and a peer refuses trailers over its header-list limit
//! (16 KiB by default in hyper, so in tonic): the whole status is kept under it by
//! construction. The message is cut to [`MAX_MESSAGE_LEN`](crate::limits::MAX_MESSAGE_LEN), and
//! the details, which repeat it, take what is left of [`MAX_DETAILS_LEN`], in this order: the
//! `ErrorInfo` reason and domain and the `RetryInfo` (always), members as metadata (each
//! bounded), then field violations as long as they fit, followed by one at field
//! [`TRUNCATED`] when some were left out.

use std::collections::HashMap;
use std::time::Duration;

use tonic_types::{ErrorDetails, FieldViolation};

use crate::ApiError;
use crate::limits::{
    FIELD_ERRORS_OMITTED, MAX_FIELD_CODE_LEN, MAX_FIELD_ERRORS, MAX_FIELD_MESSAGE_LEN,
    MAX_FIELD_PATH_LEN, TRUNCATED, truncate,
};

/// The longest encoded `google.rpc.Status` details (`grpc-status-details-bin` before base64):
/// with the message percent-encoded beside it, a status stays under the 16 KiB header-list
/// limit that hyper, and so tonic, sets by default.
pub const MAX_DETAILS_LEN: usize = 6 * 1024;

/// The most extension members written as `ErrorInfo` metadata; the rest are left out.
pub const MAX_METADATA_ENTRIES: usize = 16;

/// The longest metadata key (a member name), in bytes, as `google.rpc.ErrorInfo` asks; a
/// member with a longer name is left out.
pub const MAX_METADATA_KEY_LEN: usize = 64;

/// The longest metadata value, in bytes: a string member's text, or another member's JSON. A
/// member whose value is longer is left out, as a body over its limit leaves out long members.
pub const MAX_METADATA_VALUE_LEN: usize = 256;

/// What each entry costs in the encoding beyond its texts, at most: tags, lengths and the
/// message around it.
const ENTRY_OVERHEAD: usize = 16;

/// What the details cost beyond the message and the entries: the `google.rpc.Status` code,
/// the three `Any` wrappers with their type URLs, the `ErrorInfo` and `RetryInfo` fields.
const FIXED_OVERHEAD: usize = 256;

/// The longest `ErrorInfo` domain, in bytes: that of a DNS name. A longer one is cut.
const MAX_DOMAIN_LEN: usize = 253;

/// The details of `error`, whose message (already cut) is `message`, in `domain`.
///
/// The code is the declaration's, counted but never cut: a client matches on it.
pub(super) fn details(error: &dyn ApiError, message: &str, domain: &str) -> ErrorDetails {
    let code = error.code();
    let domain = truncate(domain, MAX_DOMAIN_LEN);
    let mut budget = Budget(
        MAX_DETAILS_LEN.saturating_sub(FIXED_OVERHEAD + message.len() + code.len() + domain.len()),
    );
    let metadata = metadata(error, &mut budget);
    let mut details = ErrorDetails::with_error_info(code, domain.into_owned(), metadata);
    if let Some(seconds) = error.retry_after() {
        details.set_retry_info(Some(Duration::from_secs(seconds)));
    }
    let violations = violations(error, &mut budget);
    if !violations.is_empty() {
        details.set_bad_request(violations);
    }
    details
}

/// What is left of [`MAX_DETAILS_LEN`].
struct Budget(usize);

impl Budget {
    /// Takes `len` bytes if they are left.
    fn take(&mut self, len: usize) -> bool {
        match self.0.checked_sub(len) {
            Some(left) => {
                self.0 = left;
                true
            }
            None => false,
        }
    }
}

/// The extension members, each as text: a string member's own text, any other's JSON.
fn metadata(error: &dyn ApiError, budget: &mut Budget) -> HashMap<String, String> {
    let mut metadata = HashMap::new();
    error.visit_members(&mut |member| {
        let name = member.name();
        if metadata.len() >= MAX_METADATA_ENTRIES || name.len() > MAX_METADATA_KEY_LEN {
            return;
        }
        // Written out whole, as a body writes it: a member is the error's, not the request's.
        let mut json = Vec::new();
        if member.write_json(&mut json).is_err() {
            return;
        }
        let Some(value) = metadata_text(json) else {
            return;
        };
        if budget.take(name.len() + value.len() + ENTRY_OVERHEAD) {
            metadata.insert(name.to_owned(), value);
        }
    });
    metadata
}

/// A member's JSON as metadata text, unless longer than [`MAX_METADATA_VALUE_LEN`]: a string's
/// own text, anything else's JSON.
fn metadata_text(json: Vec<u8>) -> Option<String> {
    // The JSON of a string is its text and two quotes at least.
    if json.len() > MAX_METADATA_VALUE_LEN * 6 + 2 {
        return None;
    }
    let text = if json.first() == Some(&b'"') {
        serde_json::from_slice::<String>(&json).ok()?
    } else {
        String::from_utf8(json).ok()?
    };
    (text.len() <= MAX_METADATA_VALUE_LEN).then_some(text)
}

/// The field errors as `BadRequest` violations: path dotted, description the entry's text,
/// reason its code, each cut to the bounds of field errors from a request.
fn violations(error: &dyn ApiError, budget: &mut Budget) -> Vec<FieldViolation> {
    let Some(fields) = error.field_errors() else {
        return Vec::new();
    };
    let marker_cost = TRUNCATED.len() + FIELD_ERRORS_OMITTED.len() + ENTRY_OVERHEAD;
    let mut violations = Vec::new();
    let mut omitted = false;
    for (path, violation) in fields.entries() {
        let field = path.to_string();
        // The field errors' own "some were left out" entry becomes the one at the end.
        if field == TRUNCATED && violation.message() == Some(FIELD_ERRORS_OMITTED) {
            omitted = true;
            continue;
        }
        if violations.len() >= MAX_FIELD_ERRORS {
            omitted = true;
            break;
        }
        let mut entry = FieldViolation::new(
            truncate(&field, MAX_FIELD_PATH_LEN),
            truncate(violation.text(), MAX_FIELD_MESSAGE_LEN),
        );
        if let Some(code) = violation.code() {
            entry.reason = truncate(code, MAX_FIELD_CODE_LEN).into_owned();
        }
        let cost = entry.field.len() + entry.description.len() + entry.reason.len();
        // Room is kept for the marker, should a later entry not fit.
        if budget.0 < cost + ENTRY_OVERHEAD + marker_cost || !budget.take(cost + ENTRY_OVERHEAD) {
            omitted = true;
            break;
        }
        violations.push(entry);
    }
    if omitted && budget.take(marker_cost) {
        violations.push(FieldViolation::new(TRUNCATED, FIELD_ERRORS_OMITTED));
    }
    violations
}
