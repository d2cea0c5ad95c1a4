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
}
