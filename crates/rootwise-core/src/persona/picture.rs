//! Checking a persona's picture: a PNG or JPEG, not too large, read from
//! its own header rather than trusted from a file name.

use crate::error::{Error, Result, Rule};

use super::model::Picture;

/// Largest picture kept, in bytes (5 MB).
pub const PICTURE_MAX_BYTES: usize = 5 << 20;
/// Largest picture side, in pixels.
pub const PICTURE_MAX_SIDE: u32 = 8_000;

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

fn not_image() -> Error {
    Error::invalid("picture", Rule::NotImage, None)
}

fn be16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_be_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
    ])))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
        *b.get(at + 2)?,
        *b.get(at + 3)?,
    ]))
}

/// A PNG's size, from its IHDR chunk (which must come first).
fn png_size(b: &[u8]) -> Option<(u32, u32)> {
    if b.get(12..16)? != b"IHDR" {
        return None;
    }
    Some((be32(b, 16)?, be32(b, 20)?))
}

/// A JPEG's size, from its first start-of-frame segment.
fn jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        // Markers may be padded with extra 0xFF bytes.
        while *b.get(at)? == 0xFF && *b.get(at + 1)? == 0xFF {
            at += 1;
        }
        if *b.get(at)? != 0xFF {
            return None;
        }
        let marker = *b.get(at + 1)?;
        // Stand-alone markers carry no length.
        if matches!(marker, 0x01 | 0xD0..=0xD7) {
            at += 2;
            continue;
        }
        let len = be16(b, at + 2)? as usize;
        if len < 2 {
            return None;
        }
        // Start of frame: every SOFn except DHT (C4), JPG (C8) and DAC (CC).
        if matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            return Some((be16(b, at + 7)?, be16(b, at + 5)?));
        }
        if marker == 0xD9 || marker == 0xDA {
            return None;
        }
        at += 2 + len;
    }
}

/// Checks bytes as a picture: refused when larger than
/// [`PICTURE_MAX_BYTES`] (rule `too_large`, limit in MB), when not a PNG or
/// JPEG (rule `not_image`), or when a side is zero or larger than
/// [`PICTURE_MAX_SIDE`].
pub fn check(bytes: &[u8]) -> Result<Picture> {
    check_size(bytes.len() as u64)?;
    let (mime, size) = if bytes.starts_with(PNG_SIGNATURE) {
        ("image/png", png_size(bytes))
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        ("image/jpeg", jpeg_size(bytes))
    } else {
        return Err(not_image());
    };
    let (width, height) = size.ok_or_else(not_image)?;
    if width == 0 || height == 0 {
        return Err(not_image());
    }
    if width > PICTURE_MAX_SIDE || height > PICTURE_MAX_SIDE {
        return Err(Error::invalid(
            "picture",
            Rule::OutOfRange,
            Some(PICTURE_MAX_SIDE),
        ));
    }
    Ok(Picture {
        mime,
        width,
        height,
        bytes: bytes.to_vec(),
    })
}

/// Refuses a file larger than [`PICTURE_MAX_BYTES`] before it is read.
pub fn check_size(len: u64) -> Result<()> {
    if len > PICTURE_MAX_BYTES as u64 {
        return Err(Error::invalid(
            "picture",
            Rule::TooLarge,
            Some((PICTURE_MAX_BYTES >> 20) as u32),
        ));
    }
    Ok(())
}

/// The picture as a `data:` URL, for an `<img>` in the app (whose
/// content policy allows `data:` images and nothing from outside).
pub fn data_url(picture: &Picture) -> String {
    use base64::Engine;
    let mut out = format!("data:{};base64,", picture.mime);
    base64::engine::general_purpose::STANDARD.encode_string(&picture.bytes, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut b = PNG_SIGNATURE.to_vec();
        b.extend_from_slice(&13u32.to_be_bytes());
        b.extend_from_slice(b"IHDR");
        b.extend_from_slice(&width.to_be_bytes());
        b.extend_from_slice(&height.to_be_bytes());
        b.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
        b
    }

    fn jpeg(width: u16, height: u16) -> Vec<u8> {
        let mut b = vec![0xFF, 0xD8];
        // An APP0 segment first, as cameras write.
        b.extend_from_slice(&[0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46]);
        b.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x0B, 0x08]);
        b.extend_from_slice(&height.to_be_bytes());
        b.extend_from_slice(&width.to_be_bytes());
        b.extend_from_slice(&[0x01, 0x01, 0x11, 0x00]);
        b
    }

    fn rule(e: Error) -> Rule {
        match e {
            Error::InvalidInput(fields) => fields[0].rule,
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn reads_png_and_jpeg_sizes_from_their_headers() {
        let p = check(&png(640, 480)).unwrap();
        assert_eq!((p.mime, p.width, p.height), ("image/png", 640, 480));
        let j = check(&jpeg(300, 200)).unwrap();
        assert_eq!((j.mime, j.width, j.height), ("image/jpeg", 300, 200));
    }

    #[test]
    fn refuses_what_is_not_a_picture() {
        assert_eq!(
            rule(check(b"%PDF-1.7 not a picture").unwrap_err()),
            Rule::NotImage
        );
        assert_eq!(rule(check(b"").unwrap_err()), Rule::NotImage);
        // A PNG signature with its header cut off.
        assert_eq!(rule(check(&png(10, 10)[..14]).unwrap_err()), Rule::NotImage);
        assert_eq!(rule(check(&png(0, 10)).unwrap_err()), Rule::NotImage);
        assert_eq!(rule(check(&jpeg(10, 10)[..8]).unwrap_err()), Rule::NotImage);
        assert_eq!(rule(check(&png(9_000, 10)).unwrap_err()), Rule::OutOfRange);
    }

    #[test]
    fn encodes_a_data_url() {
        let pic = |bytes: &[u8]| Picture {
            mime: "image/png",
            width: 1,
            height: 1,
            bytes: bytes.to_vec(),
        };
        assert_eq!(data_url(&pic(b"Man")), "data:image/png;base64,TWFu");
        assert_eq!(data_url(&pic(b"Ma")), "data:image/png;base64,TWE=");
        assert_eq!(data_url(&pic(b"M")), "data:image/png;base64,TQ==");
        assert_eq!(
            data_url(&pic(&[0xFF, 0xFE, 0xFD])),
            "data:image/png;base64,//79"
        );
    }

    #[test]
    fn refuses_a_large_file_by_its_size() {
        let mut big = png(100, 100);
        big.resize(50 << 20, 0);
        assert_eq!(rule(check(&big).unwrap_err()), Rule::TooLarge);
        assert!(check_size(PICTURE_MAX_BYTES as u64).is_ok());
    }
}
