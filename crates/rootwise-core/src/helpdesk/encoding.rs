//! The text encoding of an exported file: UTF-8 with or without a
//! byte-order mark, UTF-16 (little or big endian, with a byte-order mark,
//! or without one when every other byte is zero as in plain Latin text),
//! else Windows-1256 (the Arabic code page older Windows exports use).
//! The caller may override what was detected.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1256};

crate::text_enum! {
    /// A text encoding an import reads.
    pub enum TextEncoding {
        /// UTF-8, with or without a byte-order mark.
        Utf8 = "utf8",
        /// UTF-16, little endian.
        Utf16Le = "utf16le",
        /// UTF-16, big endian.
        Utf16Be = "utf16be",
        /// Windows-1256 (Arabic).
        Windows1256 = "windows1256",
    }
}

impl TextEncoding {
    fn encoding(self) -> &'static Encoding {
        match self {
            TextEncoding::Utf8 => UTF_8,
            TextEncoding::Utf16Le => UTF_16LE,
            TextEncoding::Utf16Be => UTF_16BE,
            TextEncoding::Windows1256 => WINDOWS_1256,
        }
    }
}

/// The encoding `bytes` are most likely in.
pub fn detect_encoding(bytes: &[u8]) -> TextEncoding {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return TextEncoding::Utf8;
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return TextEncoding::Utf16Le;
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return TextEncoding::Utf16Be;
    }
    // UTF-16 without a mark: Latin text has a zero in every other byte.
    let sample = &bytes[..bytes.len().min(4096)];
    if sample.len() >= 4 {
        let zeros_at = |parity: usize| {
            sample
                .iter()
                .enumerate()
                .filter(|(i, b)| i % 2 == parity && **b == 0)
                .count()
        };
        let half = sample.len() / 2;
        if zeros_at(1) * 10 >= half * 9 && zeros_at(0) == 0 {
            return TextEncoding::Utf16Le;
        }
        if zeros_at(0) * 10 >= half * 9 && zeros_at(1) == 0 {
            return TextEncoding::Utf16Be;
        }
    }
    if std::str::from_utf8(bytes).is_ok() {
        TextEncoding::Utf8
    } else {
        TextEncoding::Windows1256
    }
}

/// The text of `bytes` in `encoding`, its byte-order mark dropped (a UTF-8
/// file is borrowed, not copied). Bytes that are not valid in the
/// encoding become U+FFFD; the flag says whether any did.
pub fn decode(bytes: &[u8], encoding: TextEncoding) -> (Cow<'_, str>, bool) {
    let enc = encoding.encoding();
    let (text, had_errors) = enc.decode_with_bom_removal(bytes);
    (text, had_errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend(if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
        }
        for unit in text.encode_utf16() {
            out.extend(if le {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        out
    }

    #[test]
    fn detects_and_decodes_each_encoding() {
        let text = "Id,Subject\n1,الفاتورة خاطئة 🙂\n";
        assert_eq!(detect_encoding(text.as_bytes()), TextEncoding::Utf8);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend(text.as_bytes());
        assert_eq!(detect_encoding(&bom), TextEncoding::Utf8);
        assert_eq!(decode(&bom, TextEncoding::Utf8).0, text);
        for (le, bom) in [(true, true), (false, true), (true, false), (false, false)] {
            let latin = "Id,Subject\n1,Refund\n";
            let sample = if bom { text } else { latin };
            let bytes = utf16(sample, le, bom);
            let found = detect_encoding(&bytes);
            assert_eq!(
                found,
                if le {
                    TextEncoding::Utf16Le
                } else {
                    TextEncoding::Utf16Be
                }
            );
            assert_eq!(decode(&bytes, found).0, sample);
        }
        let (cp1256, _, _) = WINDOWS_1256.encode("1,الفاتورة خاطئة\n");
        assert_eq!(detect_encoding(&cp1256), TextEncoding::Windows1256);
        assert_eq!(
            decode(&cp1256, TextEncoding::Windows1256).0,
            "1,الفاتورة خاطئة\n"
        );
    }
}
