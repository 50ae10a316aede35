//! Wrapper errors: types that answer as the error they wrap, except where they say otherwise.
//!
//! Every [`ApiError`] method is forwarded here and nowhere else. A wrapper implements
//! [`Forward`] (its target, the answers it changes, its type-level answers) and gets its
//! `ApiError` impl from [`forward_api_error!`]. A method added to the trait without a line here
//! fails clippy (`missing_trait_methods` is denied on the generated impl) and the guard test
//! below, which reads the trait's methods from its source; so no wrapper can silently answer with
//! the trait's default where its target answers otherwise.

use std::borrow::Cow;
use std::error::Error;
use std::fmt;

use http::StatusCode;

use crate::format::AnyFormat;
use crate::message_json::MessageJson;
use crate::{ApiError, FieldErrors, Member, Spec, SubErrors};

/// What a wrapper answers for each [`ApiError`] method: by default its target's answer.
///
/// Override a method to change that answer; `declared_format` and `catalog` have no value to
/// forward to, so each wrapper states them.
pub(crate) trait Forward {
    /// The error this one answers as.
    fn target(&self) -> &dyn ApiError;

    fn spec(&self) -> &'static Spec {
        self.target().spec()
    }

    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.target().fmt_message(f)
    }

    fn fmt_internal(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.target().fmt_internal(f)
    }

    fn code(&self) -> &'static str {
        self.target().code()
    }

    fn status(&self) -> StatusCode {
        self.target().status()
    }

    /// The target's message: a wrapper that overrides `fmt_message` overrides this too.
    fn message(&self) -> Cow<'_, str> {
        self.target().message()
    }

    /// The target's message as JSON: a wrapper that overrides `fmt_message` overrides this
    /// too (to `false`, so that its own `fmt_message` is used).
    fn write_message_json(&self, out: &mut MessageJson<'_>) -> bool {
        self.target().write_message_json(out)
    }

    fn field_errors(&self) -> Option<&FieldErrors> {
        self.target().field_errors()
    }

    fn visit_members(&self, visit: &mut dyn FnMut(Member<'_>)) {
        self.target().visit_members(visit);
    }

    fn member(&self, name: &str) -> Option<Member<'_>> {
        self.target().member(name)
    }

    fn sub_errors(&self) -> Option<&SubErrors> {
        self.target().sub_errors()
    }

    fn source_error(&self) -> Option<&(dyn Error + 'static)> {
        self.target().source_error()
    }

    fn retry_after(&self) -> Option<u64> {
        self.target().retry_after()
    }

    fn visit_headers(&self, visit: &mut dyn FnMut(&'static str, &dyn fmt::Display)) {
        self.target().visit_headers(visit);
    }

    fn format(&self) -> Option<&'static dyn AnyFormat> {
        self.target().format()
    }

    /// [`ApiError::declared_format`]: the wrapper's type has no target value to ask.
    fn declared_format() -> Option<&'static dyn AnyFormat>
    where
        Self: Sized;

    /// [`ApiError::catalog`]: the codes of the wrapper's type.
    fn catalog(visit: &mut dyn FnMut(&'static Spec))
    where
        Self: Sized;
}

/// `impl ApiError` for a type that implements [`Forward`]: every method answered by `Forward`,
/// except [`ApiError::envelope`], which is the wrapper's own body (so that its overrides show).
///
/// `forward_api_error!(impl[<generics>] for Type where [bounds])`, the brackets optional.
macro_rules! forward_api_error {
    (impl $([$($generics:tt)*])? for $ty:ty $(where [$($bounds:tt)*])?) => {
        #[deny(clippy::missing_trait_methods)]
        impl $($($generics)*)? $crate::ApiError for $ty $(where $($bounds)*)? {
            fn spec(&self) -> &'static $crate::Spec {
                $crate::forward::Forward::spec(self)
            }

            fn fmt_message(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::forward::Forward::fmt_message(self, f)
            }

            fn fmt_internal(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::forward::Forward::fmt_internal(self, f)
            }

            fn code(&self) -> &'static str {
                $crate::forward::Forward::code(self)
            }

            fn status(&self) -> ::http::StatusCode {
                $crate::forward::Forward::status(self)
            }

            fn message(&self) -> ::std::borrow::Cow<'_, str> {
                $crate::forward::Forward::message(self)
            }

            fn write_message_json(&self, out: &mut $crate::message_json::MessageJson<'_>) -> bool {
                $crate::forward::Forward::write_message_json(self, out)
            }

            fn field_errors(&self) -> ::std::option::Option<&$crate::FieldErrors> {
                $crate::forward::Forward::field_errors(self)
            }

            fn visit_members(&self, visit: &mut dyn FnMut($crate::Member<'_>)) {
                $crate::forward::Forward::visit_members(self, visit);
            }

            fn member(&self, name: &str) -> ::std::option::Option<$crate::Member<'_>> {
                $crate::forward::Forward::member(self, name)
            }

            fn sub_errors(&self) -> ::std::option::Option<&$crate::SubErrors> {
                $crate::forward::Forward::sub_errors(self)
            }

            fn source_error(
                &self,
            ) -> ::std::option::Option<&(dyn ::std::error::Error + 'static)> {
                $crate::forward::Forward::source_error(self)
            }

            fn retry_after(&self) -> ::std::option::Option<u64> {
                $crate::forward::Forward::retry_after(self)
            }

            fn visit_headers(
                &self,
                visit: &mut dyn FnMut(&'static str, &dyn ::std::fmt::Display),
            ) {
                $crate::forward::Forward::visit_headers(self, visit);
            }

            fn format(
                &self,
            ) -> ::std::option::Option<&'static dyn $crate::format::AnyFormat> {
                $crate::forward::Forward::format(self)
            }

            fn declared_format() -> ::std::option::Option<&'static dyn $crate::format::AnyFormat> {
                <Self as $crate::forward::Forward>::declared_format()
            }

            fn catalog(visit: &mut dyn FnMut(&'static $crate::Spec)) {
                <Self as $crate::forward::Forward>::catalog(visit);
            }

            fn envelope(&self) -> $crate::Envelope<'_> {
                $crate::Envelope::new(self)
            }
        }
    };
}

pub(crate) use forward_api_error;

#[cfg(test)]
mod tests;
