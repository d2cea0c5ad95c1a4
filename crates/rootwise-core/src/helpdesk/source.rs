//! Where an export's bytes come from: a file on disk (the wizard and the
//! command line) or bytes in memory (tests). An import reads the file
//! several times, a buffer at a time, so it never holds it whole; a file
//! that changes between those passes stops the import.

use std::cell::Cell;
use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::SystemTime;

use super::encoding::{DecodedText, TextEncoding};
use crate::error::{Error, Result};

/// Bytes of decoded text read at a time.
const TEXT_BUFFER: usize = 64 << 10;

/// Decoded text looked at to tell the layout.
const PREFIX: u64 = 64 << 10;

/// An export to read, opened afresh for each pass over it.
pub trait TicketFile {
    /// Its bytes from the start.
    fn open(&self) -> io::Result<Box<dyn Read + '_>>;

    /// What changes when the file does (its size and modification time),
    /// for a file on disk.
    fn version(&self) -> io::Result<Option<(u64, SystemTime)>> {
        Ok(None)
    }
}

impl TicketFile for [u8] {
    fn open(&self) -> io::Result<Box<dyn Read + '_>> {
        Ok(Box::new(self))
    }
}

impl TicketFile for Vec<u8> {
    fn open(&self) -> io::Result<Box<dyn Read + '_>> {
        Ok(Box::new(self.as_slice()))
    }
}

impl TicketFile for Path {
    fn open(&self) -> io::Result<Box<dyn Read + '_>> {
        Ok(Box::new(File::open(self)?))
    }

    fn version(&self) -> io::Result<Option<(u64, SystemTime)>> {
        let meta = std::fs::metadata(self)?;
        Ok(Some((meta.len(), meta.modified()?)))
    }
}

impl TicketFile for PathBuf {
    fn open(&self) -> io::Result<Box<dyn Read + '_>> {
        self.as_path().open()
    }

    fn version(&self) -> io::Result<Option<(u64, SystemTime)>> {
        self.as_path().version()
    }
}

/// A file being read pass after pass, each pass checked to read the same
/// file as the first.
pub struct Passes<'a, F: TicketFile + ?Sized> {
    file: &'a F,
    encoding: TextEncoding,
    version: Option<(u64, SystemTime)>,
}

/// A pass's text: UTF-8, buffered.
pub type Text<'a> = BufReader<DecodedText<Box<dyn Read + 'a>>>;

impl<'a, F: TicketFile + ?Sized> Passes<'a, F> {
    /// Passes over `file` in `encoding`, as it is now.
    pub fn new(file: &'a F, encoding: TextEncoding) -> Result<Self> {
        Ok(Self {
            file,
            encoding,
            version: file.version()?,
        })
    }

    /// The encoding read.
    pub fn encoding(&self) -> TextEncoding {
        self.encoding
    }

    /// A new pass from the start; `replaced` is set when a byte was not
    /// valid in the encoding. Refused when the file changed since the
    /// first pass.
    pub fn open(&self, replaced: Rc<Cell<bool>>) -> Result<Text<'a>> {
        if self.file.version()? != self.version {
            return Err(Error::Conflict(
                "the file changed while it was read; pick it again".into(),
            ));
        }
        let src = self.file.open()?;
        Ok(BufReader::with_capacity(
            TEXT_BUFFER,
            DecodedText::new(src, self.encoding, replaced),
        ))
    }

    /// The first 64 KiB of the text (cut at a character), enough to tell
    /// the layout.
    pub fn prefix(&self) -> Result<String> {
        let mut bytes = Vec::new();
        self.open(Rc::default())?
            .take(PREFIX)
            .read_to_end(&mut bytes)?;
        Ok(match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let mut bytes = e.into_bytes();
                bytes.truncate(valid);
                String::from_utf8(bytes).unwrap_or_default()
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// Bytes whose version moves on after the first pass opens them.
    struct Edited {
        bytes: Vec<u8>,
        opened: Cell<u32>,
    }

    impl TicketFile for Edited {
        fn open(&self) -> io::Result<Box<dyn Read + '_>> {
            self.opened.set(self.opened.get() + 1);
            Ok(Box::new(self.bytes.as_slice()))
        }

        fn version(&self) -> io::Result<Option<(u64, SystemTime)>> {
            let at = SystemTime::UNIX_EPOCH
                + std::time::Duration::from_secs(u64::from(self.opened.get().min(1)));
            Ok(Some((self.bytes.len() as u64, at)))
        }
    }

    #[test]
    fn a_file_that_changes_between_passes_is_refused() {
        let file = Edited {
            bytes: b"Id,Subject\n1,Refund late\n".to_vec(),
            opened: Cell::new(0),
        };
        let passes = Passes::new(&file, TextEncoding::Utf8).unwrap();
        let mut first = String::new();
        passes
            .open(Rc::default())
            .unwrap()
            .read_to_string(&mut first)
            .unwrap();
        assert_eq!(first, "Id,Subject\n1,Refund late\n");
        let Err(Error::Conflict(message)) = passes.open(Rc::default()) else {
            panic!("a changed file is refused");
        };
        assert!(message.contains("changed"));
    }

    #[test]
    fn a_file_on_disk_is_read_pass_after_pass_and_its_prefix_cut_at_a_character() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.csv");
        // The 64 KiB prefix ends inside a two-byte letter.
        let text = format!("{}{}", "a".repeat(PREFIX as usize - 1), "بب");
        std::fs::write(&path, &text).unwrap();
        let passes = Passes::new(path.as_path(), TextEncoding::Utf8).unwrap();
        assert_eq!(passes.prefix().unwrap(), "a".repeat(PREFIX as usize - 1));
        for _ in 0..2 {
            let mut all = String::new();
            passes
                .open(Rc::default())
                .unwrap()
                .read_to_string(&mut all)
                .unwrap();
            assert!(all == text);
        }
        std::fs::write(&path, "Id\n").unwrap();
        assert!(matches!(
            passes.open(Rc::default()),
            Err(Error::Conflict(_))
        ));
    }
}
