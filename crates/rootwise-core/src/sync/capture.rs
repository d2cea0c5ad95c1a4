//! Capturing a write's changes: a session (SQLite's session extension)
//! records what the write's transaction does to the replicated tables; just
//! before it commits, the changeset goes into `change_log` with the next
//! clock stamp, in the same transaction. A write that fails or changes no
//! replicated row leaves nothing behind.

use rusqlite::hooks::Action;
use rusqlite::session::{ChangesetItem, ConflictAction, ConflictType, Session};
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::changeset;
use super::hlc::Hlc;
use super::REPLICATED;
use crate::error::{Error, Result};
use crate::store::HistoryRow;

/// Who this copy of the workspace is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Replica {
    /// The same in every copy of the workspace.
    pub workspace_id: String,
    /// This copy's own id.
    pub replica_id: String,
    /// The copy this one was made from, if any.
    pub origin_replica: Option<String>,
    /// This copy's name ("Workshop laptop"); empty if nobody named it.
    pub name: String,
}

/// This copy's identity.
pub fn replica(conn: &Connection) -> Result<Replica> {
    Ok(conn.query_row(
        "SELECT workspace_id, replica_id, origin_replica, name FROM replica WHERE singleton = 1",
        [],
        |r| {
            Ok(Replica {
                workspace_id: r.get(0)?,
                replica_id: r.get(1)?,
                origin_replica: r.get(2)?,
                name: r.get(3)?,
            })
        },
    )?)
}

/// A write's changes being recorded.
pub(crate) struct Capture<'conn> {
    session: Session<'conn>,
}

impl<'conn> Capture<'conn> {
    /// Starts recording every change to a replicated table on `conn`.
    pub(crate) fn start(conn: &'conn Connection) -> Result<Self> {
        let mut session = Session::new(conn)?;
        // Every table, filtered to the replicated ones the first time the
        // write touches each (the others, such as the search indexes' many
        // shadow tables, are never looked at).
        session.table_filter(Some(|table: &str| REPLICATED.contains(&table)));
        session.attach(None::<&str>)?;
        Ok(Self { session })
    }

    /// Stores what was recorded, if anything, as the next change of this
    /// copy, inside `tx` (before it commits). Returns the change's stamp.
    pub(crate) fn finish(
        mut self,
        tx: &Transaction<'_>,
        author: &str,
        now_ms: u64,
        history: &[HistoryRow],
    ) -> Result<Option<Hlc>> {
        let mut changeset = Vec::new();
        if !self.session.is_empty() {
            self.session.changeset_strm(&mut changeset)?;
        }
        drop(self.session);
        if changeset.is_empty() && history.is_empty() {
            return Ok(None);
        }
        let history = if history.is_empty() {
            None
        } else {
            Some(
                serde_json::to_string(history)
                    .map_err(|e| Error::Internal(format!("history did not serialise: {e}")))?,
            )
        };
        // Only updates can edit a row in the trash: inserts (most of an
        // import) are skipped unread.
        let updates = changeset::ops_where(&changeset, |code| code == Action::SQLITE_UPDATE)?;
        let in_trash = changeset::edited_in_trash(tx, &updates)?;
        let in_trash = if in_trash.is_empty() {
            None
        } else {
            Some(serde_json::to_string(&in_trash).map_err(|e| {
                Error::Internal(format!("a change's context did not serialise: {e}"))
            })?)
        };
        let stamp = next_stamp(tx, now_ms)?;
        tx.prepare_cached(
            "INSERT INTO change_log (hlc, replica_id, author, changeset, history, in_trash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(rusqlite::params![
            stamp.to_text(),
            stamp.replica,
            author,
            changeset,
            history,
            in_trash
        ])?;
        Ok(Some(stamp))
    }
}

/// The clock's next reading for a change of this copy: after the latest
/// stamp in the change log (this copy's or one merged in), so the log holds
/// the clock's state and a write costs no extra update.
fn next_stamp(tx: &Transaction<'_>, now_ms: u64) -> Result<Hlc> {
    let (replica, last): (String, Option<String>) = tx
        .prepare_cached(
            "SELECT replica_id, (SELECT max(hlc) FROM change_log) FROM replica WHERE singleton = 1",
        )?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let last = match last {
        Some(text) => {
            let stamp = Hlc::parse(&text)?;
            (stamp.wall_ms, stamp.counter)
        }
        None => (0, 0),
    };
    Ok(Hlc::tick(last, now_ms, &replica))
}

/// The changes this copy holds, oldest first: stamp (which names the copy
/// that made it), author and the changeset's bytes.
pub fn changes(conn: &Connection) -> Result<Vec<(Hlc, String, Vec<u8>)>> {
    let mut stmt = conn.prepare("SELECT hlc, author, changeset FROM change_log ORDER BY hlc")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Vec<u8>>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (hlc, author, bytes) = row?;
        out.push((Hlc::parse(&hlc)?, author, bytes));
    }
    Ok(out)
}

/// The latest change stamp this copy holds, if any.
pub fn latest(conn: &Connection) -> Result<Option<Hlc>> {
    conn.query_row("SELECT max(hlc) FROM change_log", [], |r| {
        r.get::<_, Option<String>>(0)
    })
    .optional()?
    .flatten()
    .map(|t| Hlc::parse(&t))
    .transpose()
}

/// Applies a captured changeset to `conn` whose effects may already be
/// partly there (columns that triggers keep, such as an action's
/// "problem in the trash", change with their parent row): a change the row
/// already shows is skipped; any other disagreement aborts the whole
/// changeset and returns the error, leaving `conn` as it was.
pub fn replay(conn: &Connection, changeset: &[u8]) -> Result<()> {
    let mut input: &[u8] = changeset;
    conn.apply_strm(
        &mut input,
        None::<fn(&str) -> bool>,
        |conflict: ConflictType, item: ChangesetItem| {
            if already_there(&conflict, &item) {
                ConflictAction::SQLITE_CHANGESET_OMIT
            } else {
                ConflictAction::SQLITE_CHANGESET_ABORT
            }
        },
    )?;
    Ok(())
}

/// Whether the row already shows what the change would make of it.
fn already_there(conflict: &ConflictType, item: &ChangesetItem) -> bool {
    let Ok(op) = item.op() else {
        return false;
    };
    let columns = usize::try_from(op.number_of_columns()).unwrap_or_default();
    match conflict {
        // An update: every column it sets already holds the new value.
        ConflictType::SQLITE_CHANGESET_DATA if op.code() == Action::SQLITE_UPDATE => {
            (0..columns).all(|c| match item.new_value(c) {
                Ok(new) => item.conflict(c).is_ok_and(|now| now == new),
                // Not set by this change.
                Err(_) => true,
            })
        }
        // An insert: the row is there with the same values.
        ConflictType::SQLITE_CHANGESET_CONFLICT if op.code() == Action::SQLITE_INSERT => (0..columns)
            .all(|c| matches!((item.new_value(c), item.conflict(c)), (Ok(new), Ok(now)) if new == now)),
        // A delete of a row already gone.
        ConflictType::SQLITE_CHANGESET_NOTFOUND => op.code() == Action::SQLITE_DELETE,
        _ => false,
    }
}
