//! The history of every change: entity, id, field, old and new value,
//! author and time. Entries are written by [`crate::store::Writer::record`]
//! inside the same transaction as the change itself.

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::change::ChangeOp;
use crate::error::Result;
use crate::time;

/// One recorded change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry {
    /// Order of the entry in the workspace.
    #[ts(type = "number")]
    pub seq: i64,
    /// Entity kind.
    pub entity: String,
    /// Entity id.
    pub entity_id: String,
    /// What happened.
    pub op: ChangeOp,
    /// The field that changed (`None` for a whole-entity event).
    pub field: Option<String>,
    /// Its value before.
    pub old_value: Option<String>,
    /// Its value after.
    pub new_value: Option<String>,
    /// Who made the change (their display name at the time).
    pub author: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// The history of one entity, oldest first.
pub fn for_entity(conn: &Connection, entity: &str, id: &str) -> Result<Vec<HistoryEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, entity, entity_id, op, field, old_value, new_value, author, at
         FROM history WHERE entity = ?1 AND entity_id = ?2 ORDER BY seq",
    )?;
    let rows = stmt.query_map([entity, id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, ChangeOp>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, Option<String>>(5)?,
            r.get::<_, Option<String>>(6)?,
            r.get::<_, String>(7)?,
            r.get::<_, String>(8)?,
        ))
    })?;
    rows.map(|row| {
        let (seq, entity, entity_id, op, field, old_value, new_value, author, at) = row?;
        Ok(HistoryEntry {
            seq,
            entity,
            entity_id,
            op,
            field,
            old_value,
            new_value,
            author,
            at: time::from_text(&at)?,
        })
    })
    .collect()
}
