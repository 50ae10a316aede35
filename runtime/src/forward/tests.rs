//! The guard: a wrapper that overrides nothing answers every method exactly as its target, and
//! every method of the trait is checked here (the list is read from the trait's source).

use std::borrow::Cow;
use std::error::Error;
use std::fmt;

use http::StatusCode;

use super::Forward;
use crate::format::{AnyFormat, FlatDetails};
use crate::message_json::MessageJson;
use crate::{ApiError, FieldErrors, Member, Spec, SubError, SubErrors};

static PROBE_SPEC: Spec = Spec::new("PROBE", 409, "Probe").with_static_message("From the spec");
static OTHER_SPEC: Spec = Spec::new("PROBE_OTHER", 410, "Probe");
static PROBE_FORMAT: FlatDetails = FlatDetails;

/// The source of a [`Probe`].
#[derive(Debug)]
struct Cause;

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the cause")
    }
}

impl Error for Cause {}

/// An error that answers every method, each unlike the trait's default and unlike what its
/// other answers imply (its `code()` is not its spec's code, and so on): a forwarding that
/// fell back to a default would show.
struct Probe {
    fields: FieldErrors,
    subs: SubErrors,
    cause: Cause,
}

impl Probe {
    fn new() -> Self {
        Probe {
            fields: FieldErrors::new().with("email", "is taken"),
            subs: SubErrors::new().with(SubError::new("SUB")),
            cause: Cause,
        }
    }
}

#[deny(clippy::missing_trait_methods)]
impl ApiError for Probe {
    fn spec(&self) -> &'static Spec {
        &PROBE_SPEC
    }

    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("public")
    }

    fn fmt_internal(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("internal")
    }

    fn code(&self) -> &'static str {
        "NOT_THE_SPEC_CODE"
    }

    fn status(&self) -> StatusCode {
        StatusCode::IM_A_TEAPOT
    }

    fn message(&self) -> Cow<'_, str> {
        Cow::Owned("not the static message".to_owned())
    }

    fn write_message_json(&self, out: &mut MessageJson<'_>) -> bool {
        out.pieces(&["public as json"], &[])
    }

    fn field_errors(&self) -> Option<&FieldErrors> {
        Some(&self.fields)
    }

    fn visit_members(&self, visit: &mut dyn FnMut(Member<'_>)) {
        visit(Member::new("limit", &3));
        visit(Member::new("plan", &"free"));
    }

    fn member(&self, name: &str) -> Option<Member<'_>> {
        (name == "limit").then(|| Member::new("limit", &3))
    }

    fn sub_errors(&self) -> Option<&SubErrors> {
        Some(&self.subs)
    }

    fn source_error(&self) -> Option<&(dyn Error + 'static)> {
        Some(&self.cause)
    }

    fn retry_after(&self) -> Option<u64> {
        Some(42)
    }

    fn visit_headers(&self, visit: &mut dyn FnMut(&'static str, &dyn fmt::Display)) {
        visit("x-shard", &7);
        visit("x-plan", &"free");
    }

    fn format(&self) -> Option<&'static dyn AnyFormat> {
        Some(&PROBE_FORMAT)
    }

    fn declared_format() -> Option<&'static dyn AnyFormat> {
        Some(&PROBE_FORMAT)
    }

    fn catalog(visit: &mut dyn FnMut(&'static Spec)) {
        visit(&PROBE_SPEC);
        visit(&OTHER_SPEC);
    }

    fn envelope(&self) -> crate::Envelope<'_> {
        crate::Envelope::new(self)
    }
}

/// A wrapper that changes nothing.
struct Through(Probe);

impl Forward for Through {
    fn target(&self) -> &dyn ApiError {
        &self.0
    }

    fn declared_format() -> Option<&'static dyn AnyFormat> {
        Probe::declared_format()
    }

    fn catalog(visit: &mut dyn FnMut(&'static Spec)) {
        Probe::catalog(visit);
    }
}

forward_api_error!(impl for Through);

/// A wrapper that changes two answers, and only those.
struct Quiet(Probe);

impl Forward for Quiet {
    fn target(&self) -> &dyn ApiError {
        &self.0
    }

    fn retry_after(&self) -> Option<u64> {
        None
    }

    fn visit_members(&self, _: &mut dyn FnMut(Member<'_>)) {}

    fn declared_format() -> Option<&'static dyn AnyFormat> {
        None
    }

    fn catalog(_: &mut dyn FnMut(&'static Spec)) {}
}

forward_api_error!(impl for Quiet);

fn shown(write: impl Fn(&mut fmt::Formatter<'_>) -> fmt::Result) -> String {
    struct Show<F>(F);
    impl<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result> fmt::Display for Show<F> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            (self.0)(f)
        }
    }
    Show(write).to_string()
}

fn members(error: &dyn ApiError) -> Vec<(&'static str, String)> {
    let mut seen = Vec::new();
    error.visit_members(&mut |member| {
        let mut json = Vec::new();
        member.write_json(&mut json).unwrap();
        seen.push((member.name(), String::from_utf8(json).unwrap()));
    });
    seen
}

fn headers(error: &dyn ApiError) -> Vec<(&'static str, String)> {
    let mut seen = Vec::new();
    error.visit_headers(&mut |name, value| seen.push((name, value.to_string())));
    seen
}

fn specs(catalog: fn(&mut dyn FnMut(&'static Spec))) -> Vec<&'static str> {
    let mut codes = Vec::new();
    catalog(&mut |spec| codes.push(spec.code()));
    codes
}

/// The methods of `pub trait ApiError`, read from its source.
fn trait_methods() -> Vec<&'static str> {
    let source = include_str!("../api_error.rs");
    let body = &source[source.find("pub trait ApiError {").unwrap()..];
    let body = &body[..body.find("\n}\n").unwrap()];
    let mut names: Vec<&str> = body
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("fn "))
        .map(|rest| &rest[..rest.find(['(', '<']).unwrap()])
        .collect();
    names.sort_unstable();
    names
}

#[test]
fn a_wrapper_answers_every_method_as_its_target() {
    let through = Through(Probe::new());
    let probe = &through.0;
    // As `dyn ApiError`, the way the renderers see it (and without `Forward`'s methods).
    let wrapper: &dyn ApiError = &through;
    let mut checked = Vec::new();
    let mut check = |name: &'static str, same: bool| {
        assert!(same, "`{name}` is not forwarded");
        checked.push(name);
    };

    check("spec", std::ptr::eq(wrapper.spec(), &PROBE_SPEC));
    check("fmt_message", shown(|f| wrapper.fmt_message(f)) == "public");
    check(
        "fmt_internal",
        shown(|f| wrapper.fmt_internal(f)) == "internal",
    );
    check("code", wrapper.code() == "NOT_THE_SPEC_CODE");
    check("status", wrapper.status() == StatusCode::IM_A_TEAPOT);
    check("message", wrapper.message() == "not the static message");
    let mut json = Vec::new();
    check(
        "write_message_json",
        wrapper.write_message_json(&mut MessageJson::new(&mut json)) && json == b"public as json",
    );
    check(
        "field_errors",
        wrapper
            .field_errors()
            .is_some_and(|fields| std::ptr::eq(fields, &probe.fields)),
    );
    check(
        "visit_members",
        members(wrapper) == [("limit", "3".to_owned()), ("plan", "\"free\"".to_owned())],
    );
    check(
        "member",
        wrapper.member("limit").map(|m| m.name()) == Some("limit")
            && wrapper.member("plan").is_none(),
    );
    check(
        "sub_errors",
        wrapper
            .sub_errors()
            .is_some_and(|subs| std::ptr::eq(subs, &probe.subs)),
    );
    check(
        "source_error",
        wrapper
            .source_error()
            .is_some_and(|cause| std::ptr::addr_eq(cause, &probe.cause)),
    );
    check("retry_after", wrapper.retry_after() == Some(42));
    check(
        "visit_headers",
        headers(wrapper) == [("x-shard", "7".to_owned()), ("x-plan", "free".to_owned())],
    );
    check(
        "format",
        wrapper
            .format()
            .is_some_and(|format| std::ptr::addr_eq(format, &PROBE_FORMAT)),
    );
    check(
        "declared_format",
        <Through as ApiError>::declared_format()
            .is_some_and(|format| std::ptr::addr_eq(format, &PROBE_FORMAT)),
    );
    check(
        "catalog",
        specs(<Through as ApiError>::catalog) == ["PROBE", "PROBE_OTHER"],
    );
    check(
        "envelope",
        through.envelope().to_value().unwrap() == probe.envelope().to_value().unwrap(),
    );

    checked.sort_unstable();
    assert_eq!(
        checked,
        trait_methods(),
        "a method of `ApiError` is not checked here: forward it in `forward_api_error!` and `Forward`, and check it"
    );
}

#[test]
fn a_wrapper_changes_only_what_it_overrides() {
    let wrapper: &dyn ApiError = &Quiet(Probe::new());
    assert_eq!(wrapper.retry_after(), None);
    assert_eq!(members(wrapper), []);
    assert!(<Quiet as ApiError>::declared_format().is_none());
    assert_eq!(specs(<Quiet as ApiError>::catalog), Vec::<&str>::new());
    // The rest still comes through.
    assert_eq!(wrapper.code(), "NOT_THE_SPEC_CODE");
    assert_eq!(
        headers(wrapper),
        [("x-shard", "7".to_owned()), ("x-plan", "free".to_owned())]
    );
    assert_eq!(wrapper.member("limit").map(|m| m.name()), Some("limit"));
}

#[test]
fn the_trait_methods_are_read_from_the_source() {
    // If the reading broke (a changed layout of `api_error.rs`), the guard above would compare
    // against a wrong list: these are certainly there.
    let methods = trait_methods();
    for name in [
        "spec",
        "fmt_message",
        "retry_after",
        "visit_headers",
        "catalog",
        "envelope",
    ] {
        assert!(methods.contains(&name), "{name} not found in {methods:?}");
    }
}
