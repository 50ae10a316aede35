//! `'sha256-…'` sources for the page's `Content-Security-Policy`: they let the browser run the
//! page's own inline script and style and nothing else, without a nonce (which would need
//! randomness per response).

use base64::Engine as _;
use sha2::{Digest as _, Sha256};

/// The CSP source that allows exactly this inline script or style.
pub(crate) fn csp_source(inline: &str) -> String {
    let digest = Sha256::digest(inline.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[cfg(test)]
mod tests {
    use super::csp_source;

    #[test]
    fn csp_source_of_a_script() {
        // `printf 'alert(1)' | openssl dgst -sha256 -binary | base64`
        assert_eq!(
            csp_source("alert(1)"),
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
    }
}
