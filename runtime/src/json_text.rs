//! JSON's text rules, in one place for the writer, the specs and the field paths: which bytes
//! a string must escape and how (as serde_json escapes them), and which texts are written as
//! they are (plain strings, numbers). A leaf module: it imports nothing of the crate.

/// What serde_json writes for each byte that needs escaping; 0 for bytes copied as they are.
pub(crate) static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Whether `text` can be written as a JSON number as it is: digits, no leading zero, and few
/// enough (15) that every JSON reader, JavaScript's included, reads it exactly. The one rule for
/// numeric codes.
pub(crate) const fn is_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.is_empty() || bytes.len() > 15 || (bytes[0] == b'0' && bytes.len() > 1) {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `text` can be written between quotes as it is: a `const fn`, so that specs can
/// decide it at compile time.
pub(crate) const fn is_plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if ESCAPE[bytes[i] as usize] != 0 {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether any of the 8 bytes of `chunk` needs escaping: a control character, `"` or `\\`.
/// Bit tricks on a whole word, so that clean text is skipped 8 bytes at a time.
#[inline]
pub(crate) fn needs_escape(chunk: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has_zero = |word: u64| word.wrapping_sub(ONES) & !word & HIGHS;
    let below_space = chunk.wrapping_sub(ONES * 0x20) & !chunk & HIGHS;
    below_space
        | has_zero(chunk ^ (ONES * u64::from(b'"')))
        | has_zero(chunk ^ (ONES * u64::from(b'\\')))
        != 0
}

/// Where the first byte that needs escaping is, scanning a word at a time.
#[inline]
pub(crate) fn first_special(bytes: &[u8]) -> Option<usize> {
    let mut clean = 0;
    for chunk in bytes.chunks_exact(8) {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        if needs_escape(u64::from_le_bytes(word)) {
            break;
        }
        clean += 8;
    }
    bytes[clean..]
        .iter()
        .position(|&byte| ESCAPE[usize::from(byte)] != 0)
        .map(|at| clean + at)
}

/// Appends `text` to `out` as the inside of a JSON string, escaped as serde_json escapes it.
pub(crate) fn escape_into(out: &mut Vec<u8>, text: &str) {
    let mut rest = text.as_bytes();
    // Most text has nothing to escape: one scan, one copy.
    while let Some(at) = first_special(rest) {
        out.extend_from_slice(&rest[..at]);
        let byte = rest[at];
        let escape = ESCAPE[usize::from(byte)];
        if escape == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(byte >> 4)],
                HEX[usize::from(byte & 0xf)],
            ]);
        } else {
            out.extend_from_slice(&[b'\\', escape]);
        }
        rest = &rest[at + 1..];
    }
    out.extend_from_slice(rest);
}
