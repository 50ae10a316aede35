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

/// Whether any byte of `bytes` needs escaping, a word at a time: the last word overlaps the
/// one before it (or, for text shorter than a word, is padded with spaces), so no byte is
/// looked at alone.
#[inline]
pub(crate) fn any_special(bytes: &[u8]) -> bool {
    let word = |chunk: &[u8]| <[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes);
    if let Some(last) = bytes.len().checked_sub(8) {
        let mut at = 0;
        while at < last {
            if needs_escape(word(&bytes[at..at + 8])) {
                return true;
            }
            at += 8;
        }
        return needs_escape(word(&bytes[last..]));
    }
    let mut padded = [b' '; 8];
    for (lane, &byte) in padded.iter_mut().zip(bytes) {
        *lane = byte;
    }
    needs_escape(u64::from_le_bytes(padded))
}

/// Appends `text` to `out` as the inside of a JSON string, escaped as serde_json escapes it.
#[inline]
pub(crate) fn escape_into(out: &mut Vec<u8>, text: &str) {
    // Most text has nothing to escape: one scan, one copy.
    if any_special(text.as_bytes()) {
        escape_slow(out, text.as_bytes());
    } else {
        out.extend_from_slice(text.as_bytes());
    }
}

/// [`escape_into`] for text with something to escape: byte by byte, runs of plain bytes
/// copied whole.
#[cold]
#[inline(never)]
fn escape_slow(out: &mut Vec<u8>, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.reserve(bytes.len() + 2);
    let mut plain = 0;
    for (at, &byte) in bytes.iter().enumerate() {
        let escape = ESCAPE[usize::from(byte)];
        if escape == 0 {
            continue;
        }
        out.extend_from_slice(&bytes[plain..at]);
        plain = at + 1;
        if escape == b'u' {
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
    }
    out.extend_from_slice(&bytes[plain..]);
}

#[cfg(test)]
mod tests {
    use super::escape_into;

    /// Every length up to three words, with each kind of byte JSON escapes (and bytes next to
    /// them that it does not) at every position: the word scan's overlapping last word and the
    /// padded short one must see each.
    #[test]
    fn escapes_as_serde_json_at_every_position() {
        let specials = [
            '"', '\\', '\n', '\u{0}', '\u{1f}', '\u{8}', ' ', '!', '#', '[', ']', 'é', '\u{7f}',
        ];
        for len in 0..=24 {
            for at in 0..len.max(1) {
                for special in specials {
                    let text: String = (0..len)
                        .map(|i| if i == at { special } else { 'a' })
                        .collect();
                    let mut out = Vec::new();
                    escape_into(&mut out, &text);
                    let expected = serde_json::to_string(&text).unwrap();
                    assert_eq!(
                        String::from_utf8(out).unwrap(),
                        expected[1..expected.len() - 1],
                        "{text:?}"
                    );
                }
            }
        }
    }
}
