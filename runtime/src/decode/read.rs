//! A body read back by its format's [`Layout`]: the decoder every format gets.
//!
//! Each slot's value says where what it holds goes in [`Decoded`]. Only what a client cannot
//! do without is required: an object the layout nests members in, the code (unless the body
//! has something that stands for it: a problem type or a category), a message that every body
//! has, and a category. Anything else may be missing, as other servers' bodies often are.

use std::borrow::Cow;

use http::{Method, StatusCode};
use serde_json::{Map, Value as Json};

use super::pointer::{PointerFields, invalid_pointer};
use super::slots::{carries_code, code_name, holds_needed, stands_in_for_code};
use super::{DecodeError, Decoded, parse_pointer};
use crate::format::{Layout, Place, Slot, Value, is_taken};
use crate::{FieldErrors, FieldPath, SubError, SubErrors, Violation};

/// Reads `body` as `layout` describes it.
pub(crate) fn decode(layout: &Layout<'_>, body: &Json) -> Result<Decoded, DecodeError> {
    let object = body.as_object().ok_or(DecodeError::NotAnObject)?;
    let mut read = Read::default();
    let scope = Scope {
        layout,
        code_stands_in: stands_in_for_code(layout.slots()),
        place: Place::Body,
    };
    read.object(layout.slots(), object, "", scope, &mut Parts::default())?;
    let without_code = !carries_code(layout.slots());
    read.finish(code_name(layout.slots()), without_code)
}

/// What the body said, as it is read.
#[derive(Default)]
struct Read<'b> {
    code: Option<String>,
    message: Option<String>,
    status: Option<StatusCode>,
    title: Option<String>,
    problem_type: Option<String>,
    category: Option<String>,
    correlation_id: Option<String>,
    timestamp: Option<String>,
    path: Option<String>,
    method: Option<Method>,
    instance: Option<String>,
    debug_detail: Option<String>,
    fields: FieldErrors,
    errors: SubErrors,
    /// Items' pointers, placed once every item is read (see [`PointerFields`]).
    pointers: Vec<(&'b str, String, Violation)>,
    members: Map<String, Json>,
}

/// The parts of the field an item is about, gathered from it and the objects it nests (as
/// JSON:API's `source.pointer`): the path as sent with the pointer to parse (empty for a
/// dotted path), and the entry's parts; in a list of errors, the item's own code, status,
/// title and message too.
#[derive(Default)]
struct Parts<'b> {
    path: Option<(&'b str, String)>,
    violation: Option<Violation>,
    code: Option<String>,
    status: Option<StatusCode>,
    title: Option<String>,
    message: Option<String>,
}

impl Parts<'_> {
    /// The entry's parts with `update` applied.
    fn update(&mut self, update: impl FnOnce(Violation) -> Violation) {
        self.violation = Some(update(self.violation.take().unwrap_or_default()));
    }
}

/// What an object is read within: the layout, whether something stands for a missing code,
/// and where the object is.
#[derive(Clone, Copy)]
struct Scope<'l> {
    layout: &'l Layout<'l>,
    code_stands_in: bool,
    place: Place,
}

/// Reads one member of an object, with errors that name it.
struct At<'s> {
    name: &'s str,
    prefix: &'s str,
}

impl At<'_> {
    fn invalid(&self, expected: &'static str) -> DecodeError {
        DecodeError::Invalid {
            member: Cow::Owned(format!("{}{}", self.prefix, self.name)),
            expected,
        }
    }

    fn string(&self, value: &Json) -> Result<String, DecodeError> {
        value
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| self.invalid("a string"))
    }

    fn status(&self, value: &Json) -> Result<StatusCode, DecodeError> {
        let number = match value {
            Json::String(text) => text.parse::<u16>().ok(),
            _ => value.as_u64().and_then(|n| u16::try_from(n).ok()),
        };
        number
            .and_then(|n| StatusCode::from_u16(n).ok())
            .ok_or_else(|| self.invalid("an HTTP status"))
    }
}

impl<'b> Read<'b> {
    /// Reads the members of `object` that `slots` name, the parts of a field into `parts`.
    fn object(
        &mut self,
        slots: &[Slot<'_>],
        object: &'b Map<String, Json>,
        prefix: &str,
        scope: Scope<'_>,
        parts: &mut Parts<'b>,
    ) -> Result<(), DecodeError> {
        for slot in slots {
            if slot.is_extensions() {
                for (name, value) in object {
                    if !is_taken(scope.layout, slots, name) {
                        self.members.insert(name.clone(), value.clone());
                    }
                }
                continue;
            }
            let at = At {
                name: slot.name(),
                prefix,
            };
            let value = match object.get(slot.name()) {
                None | Some(Json::Null) => {
                    match slot.value() {
                        // What a body cannot do without; in a list's items, a sub-error may
                        // have no message.
                        Value::Message | Value::Category
                            if slot.value().is_required(scope.place) =>
                        {
                            return Err(DecodeError::Missing(slot.name()));
                        }
                        Value::Object(inner) if holds_needed(inner) => {
                            return Err(DecodeError::Missing(slot.name()));
                        }
                        Value::Code if !scope.code_stands_in => {
                            return Err(DecodeError::Missing(slot.name()));
                        }
                        // RFC 9457: a problem without a type is `about:blank`.
                        Value::ProblemType { .. } => {
                            self.problem_type = Some("about:blank".to_owned());
                        }
                        _ => {}
                    }
                    continue;
                }
                Some(value) => value,
            };
            match slot.value() {
                Value::Literal(_) | Value::Reserved | Value::Extensions => {}
                Value::Code | Value::NumericCode => {
                    let code = match value {
                        // Only a numeric code is sent as a number.
                        Json::Number(number)
                            if number.is_u64() && matches!(slot.value(), Value::NumericCode) =>
                        {
                            number.to_string()
                        }
                        _ => at.string(value)?,
                    };
                    first(&mut parts.code, code.clone());
                    first(&mut self.code, code);
                }
                Value::Status | Value::StatusString => {
                    let status = at.status(value)?;
                    first(&mut parts.status, status);
                    first(&mut self.status, status);
                }
                Value::Message | Value::MessageUnlessRedacted | Value::Detail => {
                    let message = at.string(value)?;
                    first(&mut parts.message, message.clone());
                    first(&mut self.message, message);
                }
                Value::Title => {
                    let title = at.string(value)?;
                    first(&mut parts.title, title.clone());
                    first(&mut self.title, title);
                }
                Value::Member(name) => {
                    self.members.insert((*name).to_owned(), value.clone());
                }
                // Written from what the client knows already, or not from the error at all.
                Value::KebabCode
                | Value::Setting(_)
                | Value::Datum(_)
                | Value::Join(_)
                | Value::Array(_) => {}
                Value::Category => first(&mut self.category, at.string(value)?),
                Value::ProblemType { .. } => first(&mut self.problem_type, at.string(value)?),
                Value::Instance => first(&mut self.instance, at.string(value)?),
                Value::CorrelationId => first(&mut self.correlation_id, at.string(value)?),
                Value::Timestamp => first(&mut self.timestamp, at.string(value)?),
                Value::Path => first(&mut self.path, at.string(value)?),
                Value::Method => {
                    let method = Method::from_bytes(at.string(value)?.as_bytes())
                        .map_err(|_| at.invalid("an HTTP method"))?;
                    first(&mut self.method, method);
                }
                Value::DebugDetail => first(&mut self.debug_detail, at.string(value)?),
                Value::FieldMapOfLists | Value::FieldMapOfStrings => self.field_map(&at, value)?,
                Value::FieldItems(item) | Value::ErrorItems(item) | Value::SubErrorItems(item) => {
                    let expected = if matches!(slot.value(), Value::FieldItems(_)) {
                        FIELD_ITEMS
                    } else {
                        "a list of errors"
                    };
                    let items = value.as_array().ok_or_else(|| at.invalid(expected))?;
                    let inner = format!("{prefix}{}[].", slot.name());
                    let errors = !matches!(slot.value(), Value::FieldItems(_));
                    let in_item = Scope {
                        place: if errors {
                            Place::ErrorItem
                        } else {
                            Place::FieldItem
                        },
                        ..scope
                    };
                    for entry in items {
                        let entry = entry.as_object().ok_or_else(|| at.invalid(expected))?;
                        let mut parts = Parts::default();
                        self.object(item, entry, &inner, in_item, &mut parts)
                            .and_then(|()| {
                                if errors {
                                    self.sub_error(&parts);
                                }
                                self.field(parts, !errors)
                            })
                            // A pointer that is not one is named as such; anything else
                            // wrong in an item makes the list malformed.
                            .map_err(|error| match error {
                                pointer if pointer == invalid_pointer() => pointer,
                                _ => at.invalid(expected),
                            })?;
                    }
                }
                Value::FieldPath => {
                    let path = value.as_str().ok_or_else(|| at.invalid("a string"))?;
                    parts.path = Some((path, String::new()));
                }
                Value::FieldPointer { prefix: before } => {
                    let text = value.as_str().ok_or_else(invalid_pointer)?;
                    parts.path = Some((text, pointer_text(text, before)));
                }
                Value::FieldMessage | Value::FieldMessageIfAny => {
                    let message = value.as_str().ok_or_else(|| at.invalid("a string"))?;
                    parts.update(|entry| entry.with_message(message.to_owned()));
                }
                Value::FieldCode => {
                    let code = value.as_str().ok_or_else(|| at.invalid("a string"))?;
                    parts.update(|entry| entry.with_code(code.to_owned()));
                }
                // JSON objects have no order here: parameters come back by name.
                Value::FieldParams => {
                    let params = value.as_object().ok_or_else(|| at.invalid("an object"))?;
                    parts.update(|mut entry| {
                        for (name, value) in params {
                            entry = entry.with_param(name.clone(), value.clone());
                        }
                        entry
                    });
                }
                Value::FieldParam(name) => {
                    parts.update(|entry| entry.with_param((*name).to_owned(), value.clone()));
                }
                Value::Object(inner) | Value::ObjectUnlessEmpty(inner) => {
                    let object = value.as_object().ok_or_else(|| at.invalid("an object"))?;
                    let prefix = format!("{prefix}{}.", slot.name());
                    self.object(inner, object, &prefix, scope, parts)?;
                }
            }
        }
        Ok(())
    }

    /// The item of a list of errors, as a sub-error, when it has a code.
    fn sub_error(&mut self, parts: &Parts<'b>) {
        let Some(code) = &parts.code else {
            return;
        };
        let mut error = SubError::new(code.clone());
        if let Some(status) = parts.status {
            error = error.with_status(status);
        }
        if let Some(title) = &parts.title {
            error = error.with_title(title.clone());
        }
        if let Some(message) = &parts.message {
            error = error.with_message(message.clone());
        }
        if let Some((text, fragment)) = &parts.path {
            // A pointer reads as the path it points at, a dotted path as itself.
            let path = match fragment.as_str() {
                "" => Some(FieldPath::from(*text)),
                pointer => parse_pointer(pointer).ok(),
            };
            if let Some(path) = path {
                error = error.with_field(path);
            }
        }
        self.errors.push(error);
    }

    /// The field error of one item: its path and an entry, or neither where the item may be
    /// about no field (`required` false).
    fn field(&mut self, parts: Parts<'b>, required: bool) -> Result<(), DecodeError> {
        let invalid = || DecodeError::Invalid {
            member: Cow::Borrowed("field"),
            expected: "a field error",
        };
        match (parts.path, parts.violation) {
            (Some((text, fragment)), Some(violation)) => {
                if fragment.is_empty() {
                    self.fields.push(FieldPath::from(text), violation);
                } else {
                    self.pointers.push((text, fragment, violation));
                }
                Ok(())
            }
            // An error about no field, or about something other than a field (JSON:API's
            // `source.parameter`), in a list of errors.
            _ if !required => Ok(()),
            _ => Err(invalid()),
        }
    }

    /// `{"path": ["message", …]}` or `{"path": "message"}`: a lone string is a list of one.
    fn field_map(&mut self, at: &At<'_>, value: &Json) -> Result<(), DecodeError> {
        let expected = "an object of field errors";
        let map = value.as_object().ok_or_else(|| at.invalid(expected))?;
        for (path, messages) in map {
            match messages {
                Json::String(message) => {
                    self.fields.add(path.as_str(), message.clone());
                }
                Json::Array(list) => {
                    for message in list {
                        let message = message.as_str().ok_or_else(|| at.invalid(expected))?;
                        self.fields.add(path.as_str(), message.to_owned());
                    }
                }
                _ => return Err(at.invalid(expected)),
            }
        }
        Ok(())
    }

    /// The pointers' fields, each distinct pointer one field.
    fn place_pointers(&mut self) -> Result<(), DecodeError> {
        let pointers = std::mem::take(&mut self.pointers);
        if pointers.is_empty() {
            return Ok(());
        }
        if self.fields.is_empty() {
            // Pointers almost never read back as paths that print alike: add them straight
            // away, and only when two do, start over and pick readings that keep them apart.
            let mut direct = FieldErrors::new();
            let mut apart = true;
            for (_, fragment, violation) in &pointers {
                let path = parse_pointer(fragment)?;
                if !direct.add_distinct(path, violation.clone()) {
                    apart = false;
                    break;
                }
            }
            if apart {
                self.fields = direct;
                return Ok(());
            }
        }
        let mut placed = PointerFields::default();
        for (text, fragment, violation) in &pointers {
            placed.push(parse_pointer(fragment)?, text, violation);
        }
        placed.add_to(&mut self.fields);
        Ok(())
    }

    /// What was read, as a [`Decoded`]; `without_code` when the format sends no code at all,
    /// so that the message stands for it.
    fn finish(
        mut self,
        code_name: &'static str,
        without_code: bool,
    ) -> Result<Decoded, DecodeError> {
        self.place_pointers()?;
        let code = self
            .code
            .or_else(|| self.problem_type.clone())
            .or_else(|| self.category.clone())
            .or_else(|| self.message.clone().filter(|_| without_code))
            .ok_or(DecodeError::Missing(code_name))?;
        // A message left out because it would only repeat another member is that member.
        let message = self
            .message
            .or_else(|| self.title.clone())
            .or_else(|| {
                self.status
                    .and_then(|status| status.canonical_reason())
                    .map(str::to_owned)
            })
            .or_else(|| self.category.clone())
            .unwrap_or_else(|| "Error".to_owned());
        let mut decoded = Decoded::new(code, message);
        decoded.status = self.status;
        decoded.fields = self.fields;
        decoded.errors = self.errors;
        decoded.category = self.category;
        decoded.title = self.title;
        decoded.problem_type = self.problem_type;
        decoded.correlation_id = self.correlation_id;
        decoded.timestamp = self.timestamp;
        decoded.path = self.path;
        decoded.method = self.method;
        decoded.instance = self.instance;
        decoded.debug_detail = self.debug_detail;
        decoded.members = self.members;
        Ok(decoded)
    }
}

/// What a malformed list of field errors is reported as.
const FIELD_ITEMS: &str = "a list of field errors";

/// Keeps the first value read: in a list of errors, the first error's.
fn first<T>(slot: &mut Option<T>, value: T) {
    if slot.is_none() {
        *slot = Some(value);
    }
}

/// The pointer for [`parse_pointer`]: what follows `prefix` as the URI fragment
/// [`FieldPath::pointer_after`] wrote it, else (after `#`, or a pointer elsewhere in the
/// document) the pointer as sent, bare or as a fragment.
fn pointer_text(text: &str, prefix: &str) -> String {
    match text.strip_prefix(prefix) {
        Some(rest) if prefix != "#" => format!("#{rest}"),
        // Elsewhere in the document (another server's body): the pointer as it is.
        _ => text.to_owned(),
    }
}
