//! What every area's writes share: the text and date checks, the limits
//! more than one area applies, participants, list text for history, and
//! writing one field of a row with its history entry.
//!
//! Areas use this module instead of reaching into each other; the rules
//! that span areas live in [`crate::workflow`].

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use crate::change::ChangeOp;
use crate::error::{Error, Result, Rule};
use crate::ids::ProblemId;
use crate::store::Writer;
use crate::time;

/// Longest short text: a customer, segment, journey stage, owner, name,
/// facilitator, participant, note author or voter.
pub const SHORT_TEXT_MAX: usize = 200;
/// Longest reference (a ticket id or a link), wherever one is kept.
pub const REFERENCE_MAX: usize = 500;
/// Longest reason (for cancelling an action, closing a problem with open
/// actions).
pub const REASON_MAX: usize = 2_000;
/// Most participants of a session (an analysis, a workshop).
pub const PARTICIPANTS_MAX: usize = 50;
/// Earliest year a past date (reported, held, said) may have.
pub const EARLIEST_YEAR: i32 = 1970;

/// A piece of text, outer whitespace trimmed, within `max` characters.
pub fn text(field: &str, value: &str, max: usize, required: bool) -> Result<String> {
    let value = value.trim();
    if required && value.is_empty() {
        return Err(Error::invalid(field, Rule::Required, None));
    }
    if value.chars().count() > max {
        return Err(Error::invalid(field, Rule::TooLong, Some(max as u32)));
    }
    Ok(value.to_owned())
}

/// Whether `c` breaks a line or is a tab: what a one-line field never keeps.
fn breaks_line(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\t' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// The text of a one-line field: every run of whitespace that holds a line
/// break or a tab becomes one space; other spaces stay as typed. Pasted
/// lines thus read "line1 line2", never "line1line2" or a hidden tab.
pub fn one_line(value: &str) -> String {
    if !value.contains(breaks_line) {
        return value.to_owned();
    }
    let mut out = String::with_capacity(value.len());
    let mut run = String::new();
    let flush = |out: &mut String, run: &mut String| {
        if run.contains(breaks_line) {
            out.push(' ');
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in value.chars() {
        if c.is_whitespace() {
            run.push(c);
        } else {
            flush(&mut out, &mut run);
            out.push(c);
        }
    }
    flush(&mut out, &mut run);
    out
}

/// A one-line piece of text (a title, a name): as [`text`], after
/// [`one_line`] turned line breaks and tabs into single spaces, so no writer
/// (a form, an import, the CLI) can store them.
pub fn line(field: &str, value: &str, max: usize, required: bool) -> Result<String> {
    text(field, &one_line(value), max, required)
}

/// A date that is not in the future (anywhere on earth) nor absurdly old.
pub fn past_date(field: &str, date: NaiveDate) -> Result<NaiveDate> {
    if date > time::latest_today() {
        return Err(Error::invalid(field, Rule::InFuture, None));
    }
    if chrono::Datelike::year(&date) < EARLIEST_YEAR {
        return Err(Error::invalid(field, Rule::OutOfRange, None));
    }
    Ok(date)
}

/// A score within `low..=high`.
pub fn score(field: &str, value: Option<u8>, low: u8, high: u8) -> Result<Option<u8>> {
    match value {
        Some(v) if v < low || v > high => {
            Err(Error::invalid(field, Rule::OutOfRange, Some(high as u32)))
        }
        v => Ok(v),
    }
}

/// Participants: trimmed, empty ones and exact duplicates dropped, in
/// order, at most [`PARTICIPANTS_MAX`].
pub fn participants(values: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for value in values {
        let name = line("participants", value, SHORT_TEXT_MAX, false)?;
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
    }
    if out.len() > PARTICIPANTS_MAX {
        return Err(Error::invalid(
            "participants",
            Rule::TooMany,
            Some(PARTICIPANTS_MAX as u32),
        ));
    }
    Ok(out)
}

/// A list as the JSON text history keeps.
pub fn list_text(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".into())
}

/// Writes one changed field of a row and records it in history; does
/// nothing (and returns false) when the value did not change.
pub fn write_field(
    w: &mut Writer<'_>,
    (table, entity, id): (&str, &'static str, &str),
    (field, column): (&str, &str),
    (old, new): (Option<&str>, Option<&str>),
    value: rusqlite::types::Value,
) -> Result<bool> {
    if old == new {
        return Ok(false);
    }
    w.tx().execute(
        &format!("UPDATE {table} SET {column} = ?1, updated_at = ?2 WHERE id = ?3"),
        params![value, time::to_text(w.now()), id],
    )?;
    w.record(entity, id, ChangeOp::Update, Some(field), old, new)?;
    Ok(true)
}

/// Whether the row `id` of `table` exists and is not in the trash. Areas
/// check another area's row this way (a problem an action serves, the
/// persona of a map) without calling that area.
pub fn is_live(conn: &Connection, table: &str, id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT 1 FROM {table} WHERE id = ?1 AND deleted_at IS NULL"
        ))?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Fails with `not_found` for `entity` unless the row `id` of `table` is
/// live (see [`is_live`]).
pub fn require_live(conn: &Connection, table: &str, entity: &'static str, id: &str) -> Result<()> {
    if is_live(conn, table, id)? {
        Ok(())
    } else {
        Err(Error::NotFound {
            entity,
            id: id.to_owned(),
        })
    }
}

/// Moves every row of `table` that belongs to problem `from` to problem
/// `to` (a merge), with a history entry on each.
pub fn move_to_problem(
    w: &mut Writer<'_>,
    table: &str,
    entity: &'static str,
    from: ProblemId,
    to: ProblemId,
) -> Result<()> {
    let ids: Vec<String> = {
        let mut stmt = w
            .tx()
            .prepare(&format!("SELECT id FROM {table} WHERE problem_id = ?1"))?;
        let rows = stmt.query_map([from], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    w.tx().execute(
        &format!("UPDATE {table} SET problem_id = ?1 WHERE problem_id = ?2"),
        params![to, from],
    )?;
    let (from, to) = (from.to_string(), to.to_string());
    for id in ids {
        w.record(
            entity,
            &id,
            ChangeOp::Update,
            Some("problem"),
            Some(&from),
            Some(&to),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod one_line_tests {
    use super::*;

    #[test]
    fn breaks_and_tabs_become_one_space_other_spaces_stay() {
        assert_eq!(one_line("line1\nline2\nline3"), "line1 line2 line3");
        assert_eq!(one_line("a\r\n\r\nb"), "a b");
        assert_eq!(one_line("a \t b"), "a b");
        assert_eq!(one_line("a  b"), "a  b");
        assert_eq!(one_line("لماذا\u{2028}الآن"), "لماذا الآن");
        assert_eq!(one_line("\tx\n"), " x ");
        assert_eq!(line("title", "\tx\n", 10, true).unwrap(), "x");
    }
}
