//! How one area's page names another area's rows: a cause an action
//! addresses or a note supports ([`CauseRef`]), an empathy map a persona's
//! or a problem's page lists ([`MapRef`]). Each is one read-only SQL join,
//! shared here so that areas need not call each other.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::ids::{MapId, PersonaId, WhyId};
use crate::time::column_day;

/// A root cause an action addresses, as its page names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CauseRef {
    /// The cause.
    pub id: WhyId,
    /// Its text.
    pub text: String,
    /// The analysis it belongs to.
    #[ts(type = "string")]
    pub analysis_id: String,
    /// That analysis's title.
    pub analysis_title: String,
    /// Whether it is still marked as a root cause.
    pub root_cause: bool,
    /// Whether it is deleted (in the trash).
    pub deleted: bool,
}

/// An empathy map as a list names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MapRef {
    /// The map.
    pub id: MapId,
    /// Its title.
    pub title: String,
    /// The day of the workshop.
    pub held_on: NaiveDate,
    /// The persona it is about.
    pub persona_id: PersonaId,
    /// That persona's name.
    pub persona_name: String,
    /// How many live notes it has.
    pub note_count: u32,
}

/// The causes matching `filter` (bound to `?1`), reached through `join`.
pub fn cause_refs(conn: &Connection, join: &str, filter: &str, key: &str) -> Result<Vec<CauseRef>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT n.id, n.text, a.id, a.title, n.root_cause,
                n.deleted_at IS NOT NULL OR a.deleted_at IS NOT NULL
         FROM why_nodes n JOIN analyses a ON a.id = n.analysis_id {join}
         WHERE {filter} ORDER BY a.held_on, a.id, n.created_at, n.id"
    ))?;
    let rows = stmt.query_map([key], |r| {
        Ok(CauseRef {
            id: r.get(0)?,
            text: r.get(1)?,
            analysis_id: r.get(2)?,
            analysis_title: r.get(3)?,
            root_cause: r.get(4)?,
            deleted: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The live maps matching `filter` (bound to `?1`), most recent first.
pub fn map_refs(conn: &Connection, filter: &str, key: &str) -> Result<Vec<MapRef>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT m.id, m.title, m.held_on, p.id, p.name,
            (SELECT count(*) FROM empathy_notes n WHERE n.map_id = m.id AND n.deleted_at IS NULL)
         FROM empathy_maps m JOIN personas p ON p.id = m.persona_id
         WHERE m.deleted_at IS NULL AND p.deleted_at IS NULL AND {filter}
         ORDER BY m.held_on DESC, m.created_at DESC"
    ))?;
    let rows = stmt.query_map([key], |r| {
        Ok(MapRef {
            id: r.get(0)?,
            title: r.get(1)?,
            held_on: column_day(r, 2)?,
            persona_id: r.get(3)?,
            persona_name: r.get(4)?,
            note_count: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
