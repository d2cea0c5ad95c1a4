//! What the CSV imports and exports share: reading the rows, one broken
//! rule of one row, a problem named in a cell, and writing a file a
//! spreadsheet opens safely. An area's import or export builds on these.

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result, Rule};
use crate::ids::ProblemId;
use crate::write::is_live;

/// The byte order mark that tells Excel the file is UTF-8.
pub const BOM: &str = "\u{FEFF}";

/// Makes text inert in a spreadsheet: a leading `'` keeps `=HYPERLINK(…)`,
/// `+1`, `-2`, `@SUM` and the like as plain text (OWASP's advice).
pub fn neutralize_formula(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// A CSV file (RFC 4180, with the `csv` crate): a BOM, the header (its
/// labels neutralised), CRLF after every record, fields quoted only when
/// they hold a comma, a quote or a line break. Records are written as
/// given: the caller neutralises people's text in them.
pub fn write_csv<R, I>(header: &[&str], records: R) -> Result<Vec<u8>>
where
    R: IntoIterator<Item = I>,
    I: IntoIterator,
    I::Item: AsRef<[u8]>,
{
    let failed = |e: csv::Error| Error::Internal(format!("could not write the CSV: {e}"));
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(BOM.as_bytes().to_vec());
    out.write_record(header.iter().map(|label| neutralize_formula(label)))
        .map_err(failed)?;
    for record in records {
        out.write_record(record).map_err(failed)?;
    }
    out.into_inner()
        .map_err(|e| Error::Internal(format!("could not write the CSV: {e}")))
}

/// Most broken rules reported (the rest are counted).
pub const ISSUES_LISTED: usize = 200;

/// One broken rule in one row of an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportIssue {
    /// The row, as a spreadsheet numbers it (the header is row 1); 0 for
    /// the file as a whole.
    pub row: u32,
    /// The column, as named in the file's header (or the missing one).
    pub column: String,
    /// The rule it broke.
    pub rule: Rule,
    /// The limit involved, if any.
    pub limit: Option<u32>,
    /// The value found (cut to 100 characters).
    pub value: String,
}

/// Splits CSV text (RFC 4180: quoted fields, doubled quotes, CRLF, LF or
/// CR line ends, an optional byte-order mark) into rows of fields, with the
/// `csv` crate; rows with nothing but blanks are left out.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // The input is a `&str`, so no record can be invalid UTF-8; a flexible
    // reader accepts any field count, so there is nothing else to reject.
    reader
        .records()
        .filter_map(std::result::Result::ok)
        .map(|record| record.iter().map(str::to_owned).collect::<Vec<_>>())
        .filter(|row| row.iter().any(|f| !f.trim().is_empty()))
        .collect()
}

/// One record of a CSV file read by [`Records`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The record's place, as a spreadsheet numbers it (the header is 1).
    pub row: u32,
    /// Its fields, exactly as in the file (quotes undone).
    pub fields: Vec<String>,
    /// The field (0-based) where a quote is broken: a quoted field not
    /// closed before the end of the file, or text right after a closing
    /// quote. The fields are then as far as they could be read.
    pub broken_quote: Option<usize>,
}

/// Reads CSV text one record at a time from a buffered reader of UTF-8
/// (RFC 4180: quoted fields, doubled quotes, embedded line breaks; CRLF, LF
/// or CR line ends; an optional byte-order mark), so an import holds one
/// record at a time, never the file, and notes a broken quote instead of
/// guessing. Records with nothing but blanks are skipped (they still count
/// as rows). The delimiter is a comma, or the semicolon or tab the header
/// uses more (spreadsheets in some locales).
///
/// A read error ends the records; [`Records::take_error`] tells it.
#[derive(Debug)]
pub struct Records<R> {
    src: R,
    row: u32,
    delimiter: u8,
    /// The last record ended with CR: a LF right after it belongs to it.
    skip_lf: bool,
    error: Option<std::io::Error>,
}

/// Where a field's reading stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum FieldState {
    /// Nothing of the field read yet.
    Start,
    /// An unquoted field (or what follows a broken quote).
    Plain,
    /// Inside quotes.
    Quoted,
    /// A quote inside quotes: a second one is a quote, anything else ends them.
    QuoteSeen,
}

impl<'a> Records<&'a [u8]> {
    /// A reader over `text` held in memory.
    pub fn new(text: &'a str) -> Self {
        Self::from_reader(text.as_bytes())
    }
}

impl<R: std::io::BufRead> Records<R> {
    /// A reader over `src`, the delimiter guessed from its first line (as
    /// far as the reader's buffer holds it).
    pub fn from_reader(mut src: R) -> Self {
        let mut error = None;
        let delimiter = match src.fill_buf() {
            Ok(buf) => {
                let bom = if buf.starts_with(BOM.as_bytes()) {
                    BOM.len()
                } else {
                    0
                };
                let delimiter = guess_delimiter(&buf[bom..]);
                src.consume(bom);
                delimiter
            }
            Err(e) => {
                error = Some(e);
                b','
            }
        };
        Self {
            src,
            row: 0,
            delimiter,
            skip_lf: false,
            error,
        }
    }

    /// The delimiter in use.
    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// The read error that ended the records, if one did.
    pub fn take_error(&mut self) -> Option<std::io::Error> {
        self.error.take()
    }

    /// The reader's next buffer (empty at the end, or after a read error,
    /// which is kept).
    fn fill(&mut self) -> &[u8] {
        if self.error.is_some() {
            return &[];
        }
        match self.src.fill_buf() {
            Ok(_) => self.src.fill_buf().unwrap_or(&[]),
            Err(e) => {
                self.error = Some(e);
                &[]
            }
        }
    }

    /// The next record, blank ones included (`None` at the end).
    fn next_raw(&mut self) -> Option<Record> {
        if self.skip_lf {
            self.skip_lf = false;
            if self.fill().first() == Some(&b'\n') {
                self.src.consume(1);
            }
        }
        if self.fill().is_empty() {
            return None;
        }
        self.row = self.row.saturating_add(1);
        let delimiter = self.delimiter;
        let mut fields: Vec<String> = Vec::new();
        let mut broken = None;
        let mut field: Vec<u8> = Vec::new();
        let mut state = FieldState::Start;
        let mut ended = false;
        let mut skip_lf = false;
        while !ended {
            let buf = self.fill();
            if buf.is_empty() {
                if state == FieldState::Quoted {
                    broken.get_or_insert(fields.len());
                }
                break;
            }
            let mut i = 0;
            while i < buf.len() && !ended {
                match state {
                    FieldState::Start if buf[i] == b'"' => {
                        state = FieldState::Quoted;
                        i += 1;
                    }
                    FieldState::Start => state = FieldState::Plain,
                    FieldState::Quoted => match memchr::memchr(b'"', &buf[i..]) {
                        Some(k) => {
                            field.extend_from_slice(&buf[i..i + k]);
                            i += k + 1;
                            state = FieldState::QuoteSeen;
                        }
                        None => {
                            field.extend_from_slice(&buf[i..]);
                            i = buf.len();
                        }
                    },
                    FieldState::QuoteSeen if buf[i] == b'"' => {
                        field.push(b'"');
                        i += 1;
                        state = FieldState::Quoted;
                    }
                    FieldState::QuoteSeen | FieldState::Plain => {
                        let rest = &buf[i..];
                        let k =
                            memchr::memchr3(delimiter, b'\n', b'\r', rest).unwrap_or(rest.len());
                        if k > 0 && state == FieldState::QuoteSeen {
                            // Text right after a closing quote.
                            broken.get_or_insert(fields.len());
                        }
                        field.extend_from_slice(&rest[..k]);
                        i += k;
                        state = FieldState::Plain;
                        let Some(&b) = rest.get(k) else { continue };
                        i += 1;
                        fields.push(field_text(std::mem::take(&mut field)));
                        if b == delimiter {
                            state = FieldState::Start;
                        } else {
                            ended = true;
                            skip_lf = b == b'\r';
                        }
                    }
                }
            }
            self.src.consume(i);
        }
        if !ended {
            fields.push(field_text(field));
        }
        self.skip_lf = skip_lf;
        Some(Record {
            row: self.row,
            fields,
            broken_quote: broken,
        })
    }
}

/// A field's bytes as text: the reader gives UTF-8 and fields split only
/// at ASCII bytes, so nothing is ever replaced.
fn field_text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

impl<R: std::io::BufRead> Iterator for Records<R> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            let record = self.next_raw()?;
            if record.broken_quote.is_some() || record.fields.iter().any(|f| !f.trim().is_empty()) {
                return Some(record);
            }
        }
    }
}

/// The delimiter of a CSV text: a comma, unless its first line (outside
/// quotes) holds more semicolons or tabs.
fn guess_delimiter(text: &[u8]) -> u8 {
    let (mut comma, mut semi, mut tab) = (0, 0, 0);
    let mut quoted = false;
    for &b in text {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => comma += 1,
            b';' if !quoted => semi += 1,
            b'\t' if !quoted => tab += 1,
            _ => {}
        }
    }
    if tab > comma && tab >= semi {
        b'\t'
    } else if semi > comma {
        b';'
    } else {
        b','
    }
}

/// The header and the rows under it, or what is wrong with the file as a
/// whole: nothing in it (`first` is the column named as required), or more
/// than `max` rows.
pub fn split_header<'a>(
    rows: &'a [Vec<String>],
    max: usize,
    first: &str,
) -> std::result::Result<(&'a [String], &'a [Vec<String>]), ImportIssue> {
    let mut issues = Vec::with_capacity(1);
    match rows.split_first() {
        None => issue(&mut issues, 0, first, Rule::Required, None, ""),
        Some((_, body)) if body.len() > max => {
            issue(&mut issues, 0, "", Rule::TooMany, Some(max as u32), "");
        }
        Some((header, body)) => return Ok((header.as_slice(), body)),
    }
    Err(issues.remove(0))
}

/// A cell as a code: trimmed, lower case, spaces and hyphens as
/// underscores ("In person" is `in_person`).
pub fn code(value: &str) -> String {
    value.trim().to_lowercase().replace([' ', '-'], "_")
}

/// Notes one broken rule of one row (the value cut to 100 characters).
pub fn issue(
    issues: &mut Vec<ImportIssue>,
    row: u32,
    column: &str,
    rule: Rule,
    limit: Option<u32>,
    value: &str,
) {
    issues.push(ImportIssue {
        row,
        column: column.to_owned(),
        rule,
        limit,
        value: value.chars().take(100).collect(),
    });
}

/// A live problem named by its id or its exact title (the most recent one
/// when several share the title).
pub fn find_problem(conn: &Connection, value: &str) -> Result<Option<ProblemId>> {
    if value.is_empty() {
        return Ok(None);
    }
    if let Ok(id) = value.parse::<ProblemId>() {
        return Ok(is_live(conn, "problems", &id.to_string())
            .unwrap_or(false)
            .then_some(id));
    }
    let found = conn
        .prepare_cached(
            "SELECT id FROM problems WHERE title = ?1 AND deleted_at IS NULL
         ORDER BY reported_on DESC, id DESC LIMIT 1",
        )?
        .query_row([value], |r| r.get(0));
    match found {
        Ok(id) => Ok(Some(id)),
        Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
        Err(e) => Err(Error::from(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_quotes_newlines_and_a_byte_order_mark() {
        let rows = parse_csv(
            "\u{feff}title,owner\r\n\"Call \"\"back\"\", today\",سارة\n\"two\nlines\",\n\n",
        );
        assert_eq!(
            rows,
            vec![
                vec!["title".to_string(), "owner".into()],
                vec!["Call \"back\", today".into(), "سارة".into()],
                vec!["two\nlines".into(), "".into()],
            ]
        );
    }

    #[test]
    fn parses_old_mac_line_ends_and_ragged_rows() {
        let rows = parse_csv("title,owner\rOne,Huda,extra\r\r  ,  \rTwo");
        assert_eq!(
            rows,
            vec![
                vec!["title".to_string(), "owner".into()],
                vec!["One".into(), "Huda".into(), "extra".into()],
                vec!["Two".into()],
            ]
        );
    }
    #[test]
    fn records_stream_and_note_broken_quotes() {
        let text = "\u{feff}Id,Subject\r\n1,\"Call \"\"back\"\", today\"\n\n2,\"two\nlines\"\r3,\"ok\"x\n4,\"never closed\n5,six";
        let got: Vec<Record> = Records::new(text).collect();
        assert_eq!(got.len(), 5);
        assert_eq!(got[0].fields, vec!["Id", "Subject"]);
        assert_eq!(got[1].fields, vec!["1", "Call \"back\", today"]);
        assert_eq!((got[2].row, got[2].fields[1].as_str()), (4, "two\nlines"));
        assert_eq!((got[3].row, got[3].broken_quote), (5, Some(1)));
        assert_eq!(got[4].broken_quote, Some(1));
        assert_eq!(got[4].fields[1], "never closed\n5,six");
        assert_eq!(Records::new("a;b;c\n1;2;3").delimiter(), b';');
        assert_eq!(Records::new("a\tb\n").delimiter(), b'\t');
    }

    /// The records of `text` read through a buffer of `capacity` bytes.
    fn through(text: &str, capacity: usize) -> Vec<Record> {
        let mut records =
            Records::from_reader(std::io::BufReader::with_capacity(capacity, text.as_bytes()));
        let got: Vec<Record> = records.by_ref().collect();
        assert!(records.take_error().is_none());
        got
    }

    #[test]
    fn records_are_the_same_whatever_the_buffer_cuts() {
        // Every state meets a buffer's end: a doubled quote, CR then LF,
        // a closing quote then junk, an unclosed quote, Arabic and emoji.
        let text = "Id,Subject\r\n1,\"Call \"\"back\"\", today\"\n\n2,\"two\nlines\"\r3,\"ok\"x,\"🙂 سطر\"\r\n\r\n4,\"never closed\n5,six";
        let whole: Vec<Record> = Records::new(text).collect();
        assert_eq!(whole.len(), 5);
        assert_eq!((whole[3].row, whole[3].broken_quote), (5, Some(1)));
        assert_eq!(whole[3].fields, vec!["3", "okx", "🙂 سطر"]);
        for capacity in 1..=9 {
            assert_eq!(through(text, capacity), whole, "buffer of {capacity} bytes");
        }
    }

    /// A field as a spreadsheet writes it: quoted when it must be.
    fn written(field: &str) -> String {
        if field.contains([',', '"', '\n', '\r']) || field.is_empty() {
            format!("\"{}\"", field.replace('"', "\"\""))
        } else {
            field.to_owned()
        }
    }

    proptest::proptest! {
        /// Well-formed CSV reads as the `csv` crate reads it, through any
        /// buffer size, whatever the line ends.
        #[test]
        fn records_agree_with_the_csv_crate(
            rows in proptest::collection::vec(
                proptest::collection::vec("[a ,\"\n\rب🙂]{0,6}", 1..4),
                1..6,
            ),
            ends in proptest::collection::vec(proptest::prop_oneof![
                proptest::strategy::Just("\n"),
                proptest::strategy::Just("\r\n"),
                proptest::strategy::Just("\r"),
            ], 6),
            capacity in 1usize..12,
        ) {
            let mut text = String::new();
            for (i, row) in rows.iter().enumerate() {
                let fields: Vec<String> = row.iter().map(|f| written(f)).collect();
                text.push_str(&fields.join(","));
                text.push_str(ends[i]);
            }
            let expected = parse_csv(&text);
            let got: Vec<Vec<String>> = through(&text, capacity)
                .into_iter()
                .map(|r| {
                    proptest::prop_assert_eq!(r.broken_quote, None);
                    Ok(r.fields)
                })
                .collect::<Result<_, _>>()?;
            proptest::prop_assert_eq!(got, expected);
        }
    }
}
