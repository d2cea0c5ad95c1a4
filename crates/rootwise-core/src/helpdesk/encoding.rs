//! The text encoding of an exported file: UTF-8 with or without a
//! byte-order mark, UTF-16 (little or big endian, with a byte-order mark,
//! or without one when every other byte is zero as in plain Latin text),
//! else Windows-1256 (the Arabic code page older Windows exports use).
//! The caller may override what was detected.
//!
//! Both detecting and decoding stream: a file is read a buffer at a time,
//! never held whole.

use std::borrow::Cow;
use std::cell::Cell;
use std::io::{self, Read};
use std::rc::Rc;

use encoding_rs::{CoderResult, Decoder, Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1256};

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

/// Bytes looked at to tell UTF-16 without a byte-order mark.
const SAMPLE: usize = 4096;

/// Bytes read at a time.
const CHUNK: usize = 64 << 10;

/// The encoding `bytes` are most likely in.
pub fn detect_encoding(bytes: &[u8]) -> TextEncoding {
    // Reading from memory cannot fail.
    detect_encoding_in(bytes).unwrap_or(TextEncoding::Utf8)
}

/// Reads into `buf` until it is full or the reader ends; how much it read.
fn read_up_to(src: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match src.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// The encoding the bytes `src` gives are most likely in: a byte-order
/// mark, or the zeros of UTF-16 in the first bytes, decide at once;
/// otherwise the whole stream is read (a buffer at a time) to see whether
/// it is valid UTF-8, stopping at the first byte that is not.
pub fn detect_encoding_in(mut src: impl Read) -> io::Result<TextEncoding> {
    let mut buf = vec![0u8; CHUNK];
    let first = read_up_to(&mut src, &mut buf)?;
    let head = &buf[..first];
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Ok(TextEncoding::Utf8);
    }
    if head.starts_with(&[0xFF, 0xFE]) {
        return Ok(TextEncoding::Utf16Le);
    }
    if head.starts_with(&[0xFE, 0xFF]) {
        return Ok(TextEncoding::Utf16Be);
    }
    // UTF-16 without a mark: Latin text has a zero in every other byte.
    let sample = &head[..head.len().min(SAMPLE)];
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
            return Ok(TextEncoding::Utf16Le);
        }
        if zeros_at(0) * 10 >= half * 9 && zeros_at(1) == 0 {
            return Ok(TextEncoding::Utf16Be);
        }
    }
    // UTF-8 all through? A sequence cut by the buffer's end carries over.
    let mut len = first;
    loop {
        let carry = match std::str::from_utf8(&buf[..len]) {
            Ok(_) => 0,
            Err(e) if e.error_len().is_none() => len - e.valid_up_to(),
            Err(_) => return Ok(TextEncoding::Windows1256),
        };
        buf.copy_within(len - carry..len, 0);
        let more = read_up_to(&mut src, &mut buf[carry..])?;
        if more == 0 {
            return Ok(if carry == 0 {
                TextEncoding::Utf8
            } else {
                TextEncoding::Windows1256
            });
        }
        len = carry + more;
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

/// The bytes of a reader in `encoding`, given as UTF-8 as they are read
/// (encoding_rs's streaming decoder), the byte-order mark dropped. Bytes
/// not valid in the encoding become U+FFFD, and `replaced` is set.
pub struct DecodedText<R> {
    src: R,
    decoder: Decoder,
    input: Box<[u8]>,
    input_at: usize,
    input_len: usize,
    input_done: bool,
    output: Box<[u8]>,
    output_at: usize,
    output_len: usize,
    finished: bool,
    replaced: Rc<Cell<bool>>,
}

impl<R: Read> DecodedText<R> {
    /// Decodes `src` in `encoding`; `replaced` is set when a byte was not
    /// valid in it.
    pub fn new(src: R, encoding: TextEncoding, replaced: Rc<Cell<bool>>) -> Self {
        Self {
            src,
            decoder: encoding.encoding().new_decoder_with_bom_removal(),
            input: vec![0; CHUNK].into_boxed_slice(),
            input_at: 0,
            input_len: 0,
            input_done: false,
            // Room for what a whole input buffer decodes to, and more.
            output: vec![0; CHUNK * 3 + 16].into_boxed_slice(),
            output_at: 0,
            output_len: 0,
            finished: false,
            replaced,
        }
    }
}

impl<R: Read> Read for DecodedText<R> {
    fn read(&mut self, dst: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.output_at < self.output_len {
                let n = dst.len().min(self.output_len - self.output_at);
                dst[..n].copy_from_slice(&self.output[self.output_at..self.output_at + n]);
                self.output_at += n;
                return Ok(n);
            }
            if self.finished {
                return Ok(0);
            }
            if self.input_at == self.input_len && !self.input_done {
                self.input_len = read_up_to(&mut self.src, &mut self.input)?;
                self.input_at = 0;
                self.input_done = self.input_len < self.input.len();
            }
            let last = self.input_done;
            let (result, read, written, replaced) = self.decoder.decode_to_utf8(
                &self.input[self.input_at..self.input_len],
                &mut self.output,
                last,
            );
            self.input_at += read;
            self.output_at = 0;
            self.output_len = written;
            if replaced {
                self.replaced.set(true);
            }
            if last && result == CoderResult::InputEmpty {
                self.finished = true;
            }
        }
    }
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

    /// Everything a stream decodes to, and whether a byte was replaced.
    fn streamed(bytes: &[u8], encoding: TextEncoding) -> (String, bool) {
        let replaced = Rc::new(Cell::new(false));
        let mut text = String::new();
        DecodedText::new(bytes, encoding, Rc::clone(&replaced))
            .read_to_string(&mut text)
            .unwrap();
        (text, replaced.get())
    }

    #[test]
    fn streaming_decodes_as_a_whole_file_does_across_buffer_ends() {
        // Over three input buffers, with characters of 2 and 4 bytes
        // (and surrogate pairs in UTF-16) cut by every buffer's end.
        let line = "1,الفاتورة خاطئة 🙂 \"quoted\"\r\n";
        let text = line.repeat(3 * CHUNK / line.len() + 7);
        let encodings = [
            (TextEncoding::Utf8, text.as_bytes().to_vec()),
            (TextEncoding::Utf16Le, utf16(&text, true, true)),
            (TextEncoding::Utf16Be, utf16(&text, false, true)),
        ];
        for (encoding, bytes) in encodings {
            assert_eq!(detect_encoding(&bytes), encoding);
            let (got, replaced) = streamed(&bytes, encoding);
            assert!(!replaced, "{encoding:?}");
            assert!(got == text, "{encoding:?} decodes the same");
        }
        let arabic = "1,الفاتورة خاطئة\n".repeat(2 * CHUNK / 20);
        let (cp1256, _, _) = WINDOWS_1256.encode(&arabic);
        assert_eq!(detect_encoding(&cp1256), TextEncoding::Windows1256);
        assert!(streamed(&cp1256, TextEncoding::Windows1256).0 == arabic);
        // A byte not valid in the chosen encoding is replaced, and said.
        let (got, replaced) = streamed(&cp1256, TextEncoding::Utf8);
        assert!(replaced && got.contains('\u{FFFD}'));
        assert_eq!(
            streamed(b"\xEF\xBB\xBFId\n", TextEncoding::Utf8),
            ("Id\n".to_owned(), false)
        );
    }

    #[test]
    fn detection_reads_past_the_first_buffer_and_across_its_end() {
        // Plain ASCII for longer than a buffer, then one Windows-1256 byte.
        let mut bytes = b"Id,Subject\n".repeat(CHUNK / 5);
        bytes.extend(b"7,\xC7\xE1\n");
        assert_eq!(detect_encoding(&bytes), TextEncoding::Windows1256);
        // A two-byte character cut by the first buffer's end is still UTF-8.
        let mut bytes = vec![b'a'; CHUNK - 1];
        bytes.extend("ب\n".as_bytes());
        assert_eq!(detect_encoding(&bytes), TextEncoding::Utf8);
        // A character cut by the file's end is not.
        assert_eq!(
            detect_encoding(&"اب".as_bytes()[..3]),
            TextEncoding::Windows1256
        );
        assert_eq!(detect_encoding(b""), TextEncoding::Utf8);
    }
}
