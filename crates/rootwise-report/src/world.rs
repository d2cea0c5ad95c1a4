//! The Typst world: the template and the report's data as in-memory files,
//! the four embedded fonts, no file system, no network, no system fonts.

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

/// The embedded fonts: Noto Sans and Noto Sans Arabic, regular and bold
/// (SIL Open Font License 1.1, `fonts/OFL.txt`).
const FONT_FILES: [&[u8]; 4] = [
    include_bytes!("../fonts/NotoSans-Regular.ttf"),
    include_bytes!("../fonts/NotoSans-Bold.ttf"),
    include_bytes!("../fonts/NotoSansArabic-Regular.ttf"),
    include_bytes!("../fonts/NotoSansArabic-Bold.ttf"),
];

/// The report's template.
const TEMPLATE: &str = include_str!("report.typ");
/// Where the template finds the report's data.
pub const DATA_PATH: &str = "/data.json";

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

/// Parsed once per process.
fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = FONT_FILES
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(*data)))
            .collect();
        Fonts {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

/// Built once per process.
fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

/// Warms the caches (fonts, standard library), e.g. when the app starts.
pub fn warm_up() {
    let _ = fonts();
    let _ = library();
}

/// One compilation: the template plus one report's data.
pub struct ReportWorld {
    main: Source,
    data: Bytes,
    today: chrono::NaiveDate,
}

impl ReportWorld {
    /// A world whose `/data.json` holds `data`.
    pub fn new(data: Vec<u8>, today: chrono::NaiveDate) -> Self {
        let id = FileId::new(None, VirtualPath::new("/report.typ"));
        Self {
            main: Source::new(id, TEMPLATE.to_owned()),
            data: Bytes::new(data),
            today,
        }
    }

    fn data_id() -> FileId {
        FileId::new(None, VirtualPath::new(DATA_PATH))
    }
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotFound(id.vpath().as_rootless_path().into()))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == Self::data_id() {
            Ok(self.data.clone())
        } else {
            Err(FileError::NotFound(id.vpath().as_rootless_path().into()))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        use chrono::Datelike;
        Datetime::from_ymd(
            self.today.year(),
            u8::try_from(self.today.month()).ok()?,
            u8::try_from(self.today.day()).ok()?,
        )
    }
}
