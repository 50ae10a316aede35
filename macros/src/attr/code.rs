//! Reading `code = "AUTH_MISSING"` and `code = 20003`.
//!
//! A numeric code is kept as its digits, a code like any other: the runtime decides from the
//! text alone whether a code is a number (`Spec::is_code_numeric`), so `code = 20003` and
//! `code = "20003"` are the same code. What is refused here is an integer literal whose digits
//! would not be what the user sees: a sign, a suffix, another base, leading zeros, or a number
//! too long for JSON readers to keep exactly.

use syn::meta::ParseNestedMeta;
use syn::{LitInt, LitStr, Token};

use super::value::{skip_rest, value_of};

/// The most digits of a numeric code, as the runtime's `Spec::is_code_numeric` allows: every
/// integer of 15 digits is exact in a JSON reader that uses doubles, as JavaScript does.
const MAX_DIGITS: usize = 15;

/// The error for `code = -3`.
const NEGATIVE: &str =
    "`code` cannot be a negative number: a numeric code is digits alone, like code = 20003";

/// The code after `code =`, as a string literal spanned where it was written.
pub fn value(meta: &ParseNestedMeta) -> syn::Result<LitStr> {
    let input = value_of(meta, "code", "\"AUTH_MISSING\"")?;
    if input.peek(LitStr) {
        return input.parse();
    }
    // Before the integer: syn would read `-3` as one, spanned at the `-` alone.
    if input.peek(Token![-]) {
        let value = skip_rest(input)?;
        return Err(syn::Error::new_spanned(value, NEGATIVE));
    }
    if input.peek(LitInt) {
        return numeric(&input.parse()?);
    }
    let value = skip_rest(input)?;
    let message = "`code` expects a string literal or an integer, like code = \"AUTH_MISSING\" or code = 20003";
    Err(syn::Error::new_spanned(value, message))
}

/// `lit` as a code of its digits, if it is written as them.
fn numeric(lit: &LitInt) -> syn::Result<LitStr> {
    let digits = lit.base10_digits();
    let written = lit.to_string();
    let error = |message: String| Err(syn::Error::new(lit.span(), message));
    // One negative literal token, as another macro may write it.
    if digits.starts_with('-') {
        return error(NEGATIVE.to_owned());
    }
    if !lit.suffix().is_empty() {
        return error(format!(
            "a numeric `code` takes no type suffix: write code = {digits}"
        ));
    }
    // `_`s group digits, as in `1_000_000`; what else differs from the digits is a base
    // prefix or leading zeros.
    let mut ungrouped = String::with_capacity(written.len());
    for c in written.chars() {
        if c != '_' {
            ungrouped.push(c);
        }
    }
    let written = ungrouped;
    if written != digits {
        if written.starts_with('0') && written.bytes().all(|b| b.is_ascii_digit()) {
            return error(format!(
                "a numeric `code` cannot start with 0, which JSON numbers do not keep: write code = \"{written}\" for a string code"
            ));
        }
        return error(format!(
            "a numeric `code` is written in decimal digits: write code = {digits}"
        ));
    }
    if digits.len() > MAX_DIGITS {
        return error(format!(
            "a numeric `code` has at most {MAX_DIGITS} digits, to stay exact as a JSON number: write code = \"{digits}\" for a string code"
        ));
    }
    Ok(LitStr::new(digits, lit.span()))
}
