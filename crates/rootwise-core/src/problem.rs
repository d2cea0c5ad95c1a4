//! Customer problems. For now a bare problem (id, title, timestamps) that
//! proves the whole path from the UI to the store; the full problem log
//! builds on it.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::change::ChangeOp;
use crate::error::{Error, Result, Rule};
use crate::ids::ProblemId;
use crate::store::Writer;
use crate::{search, time, trash};

/// The entity name used in history, trash, search and change events.
pub const ENTITY: &str = "problem";

/// Longest title, in characters.
pub const TITLE_MAX: usize = 300;

/// A customer problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// Its id.
    pub id: ProblemId,
    /// One line that says what goes wrong for the customer.
    pub title: String,
    /// When it was logged.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

/// What the user types to log a problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewProblem {
    /// The title.
    pub title: String,
}

/// One page of the problem list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProblemPage {
    /// The problems on this page, newest first.
    pub items: Vec<Problem>,
    /// How many live problems the workspace has in all.
    pub total: u32,
}

/// Checks a title and returns it as it will be stored: outer whitespace
/// trimmed, everything else exactly as typed.
pub fn validate_title(title: &str) -> Result<String> {
    let title = title.trim();
    if title.is_empty() {
        return Err(Error::invalid("title", Rule::Required, None));
    }
    if title.chars().count() > TITLE_MAX {
        return Err(Error::invalid(
            "title",
            Rule::TooLong,
            Some(TITLE_MAX as u32),
        ));
    }
    Ok(title.to_owned())
}

const COLUMNS: &str = "id, title, created_at, updated_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<(ProblemId, String, String, String)> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
}

fn build((id, title, created, updated): (ProblemId, String, String, String)) -> Result<Problem> {
    Ok(Problem {
        id,
        title,
        created_at: time::from_text(&created)?,
        updated_at: time::from_text(&updated)?,
    })
}

/// Logs a new problem.
pub fn create(w: &mut Writer<'_>, input: &NewProblem) -> Result<Problem> {
    let title = validate_title(&input.title)?;
    let id = ProblemId::new();
    let now = w.now();
    w.tx().execute(
        "INSERT INTO problems (id, title, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
        rusqlite::params![id, title, time::to_text(now)],
    )?;
    let id_text = id.to_string();
    w.record(ENTITY, &id_text, ChangeOp::Create, None, None, None)?;
    w.record(
        ENTITY,
        &id_text,
        ChangeOp::Create,
        Some("title"),
        None,
        Some(&title),
    )?;
    search::index(w, ENTITY, &id_text, &title)?;
    Ok(Problem {
        id,
        title,
        created_at: now,
        updated_at: now,
    })
}

/// Changes a problem's title, recording the old and new value.
pub fn rename(w: &mut Writer<'_>, id: ProblemId, title: &str) -> Result<Problem> {
    let title = validate_title(title)?;
    let before = get_live(w.tx(), id)?;
    if before.title == title {
        return Ok(before);
    }
    let now = w.now();
    w.tx().execute(
        "UPDATE problems SET title = ?1, updated_at = ?2 WHERE id = ?3",
        rusqlite::params![title, time::to_text(now), id],
    )?;
    let id_text = id.to_string();
    w.record(
        ENTITY,
        &id_text,
        ChangeOp::Update,
        Some("title"),
        Some(&before.title),
        Some(&title),
    )?;
    search::index(w, ENTITY, &id_text, &title)?;
    Ok(Problem {
        title,
        updated_at: now,
        ..before
    })
}

/// Moves a problem to the trash.
pub fn delete(w: &mut Writer<'_>, id: ProblemId) -> Result<()> {
    let id_text = id.to_string();
    trash::mark_deleted(w, ENTITY, &id_text)?;
    search::remove(w, ENTITY, &id_text)
}

/// Brings a problem back from the trash.
pub fn restore(w: &mut Writer<'_>, id: ProblemId) -> Result<Problem> {
    let id_text = id.to_string();
    trash::mark_restored(w, ENTITY, &id_text)?;
    let problem = get_live(w.tx(), id)?;
    search::index(w, ENTITY, &id_text, &problem.title)?;
    Ok(problem)
}

/// A live (not trashed) problem.
pub fn get_live(conn: &Connection, id: ProblemId) -> Result<Problem> {
    let sql = format!("SELECT {COLUMNS} FROM problems WHERE id = ?1 AND deleted_at IS NULL");
    let row = conn
        .prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: ENTITY,
            id: id.to_string(),
        })?;
    build(row)
}

/// One page of live problems, newest first.
pub fn list(conn: &Connection, offset: u32, limit: u32) -> Result<ProblemPage> {
    let sql = format!(
        "SELECT {COLUMNS} FROM problems WHERE deleted_at IS NULL
         ORDER BY created_at DESC, id DESC LIMIT ?1 OFFSET ?2"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let items = stmt
        .query_map([limit, offset], from_row)?
        .map(|row| build(row?))
        .collect::<Result<Vec<_>>>()?;
    let total = conn
        .prepare_cached("SELECT count(*) FROM problems WHERE deleted_at IS NULL")?
        .query_row([], |r| r.get(0))?;
    Ok(ProblemPage { items, total })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_rules() {
        assert!(matches!(
            validate_title("   "),
            Err(Error::InvalidInput {
                field: "title",
                rule: Rule::Required,
                ..
            })
        ));
        let long = "م".repeat(TITLE_MAX + 1);
        assert!(matches!(
            validate_title(&long),
            Err(Error::InvalidInput {
                rule: Rule::TooLong,
                limit: Some(300),
                ..
            })
        ));
        assert_eq!(
            validate_title(&"م".repeat(TITLE_MAX))
                .map(|t| t.chars().count())
                .ok(),
            Some(300)
        );
        assert_eq!(validate_title("  a  b  ").ok().as_deref(), Some("a  b"));
    }
}
