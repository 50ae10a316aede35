//! HTML escaping: every piece of catalogue text goes through [`escape`] on its way into the page.

use std::fmt::{self, Display, Write as _};

/// `text` made safe for HTML text and for a double- or single-quoted attribute value: `&`, `<`,
/// `>`, `"` and `'` become character references, so a description holding `<script>` shows as
/// text and a code cannot close the attribute it sits in.
#[must_use]
pub(super) fn escape(text: &str) -> Escaped<'_> {
    Escaped(text)
}

/// Text that displays escaped; see [`escape`].
#[derive(Debug, Clone, Copy)]
pub(super) struct Escaped<'a>(&'a str);

impl Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
            f.write_str(&rest[..at])?;
            f.write_str(match rest.as_bytes()[at] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            })?;
            rest = &rest[at + 1..];
        }
        f.write_str(rest)
    }
}

/// Appends `text`, escaped, to `out`.
pub(super) fn push(out: &mut String, text: &str) {
    let _ = write!(out, "{}", escape(text));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five_characters() {
        assert_eq!(escape("<").to_string(), "&lt;");
        assert_eq!(escape(">").to_string(), "&gt;");
        assert_eq!(escape("&").to_string(), "&amp;");
        assert_eq!(escape("\"").to_string(), "&quot;");
        assert_eq!(escape("'").to_string(), "&#39;");
    }

    #[test]
    fn leaves_the_rest_alone() {
        assert_eq!(escape("").to_string(), "");
        assert_eq!(escape("AUTH_MISSING 401").to_string(), "AUTH_MISSING 401");
        // Non-ASCII text and already-escaped text: escaped once more, never decoded.
        assert_eq!(escape("Größe → ✓").to_string(), "Größe → ✓");
        assert_eq!(escape("&amp;").to_string(), "&amp;amp;");
        assert_eq!(
            escape("<script>alert('x')</script> & \"y\"").to_string(),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
    }
}
