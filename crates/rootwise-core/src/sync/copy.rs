//! Copies of a workspace and what each is known to hold: making a copy for
//! a workshop laptop, the other copies this one has heard from, and the
//! change file for one of them ("the changes it has not seen").

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::capture::{replica, Replica};
use super::file::{self, Seen};
use super::hlc::Hlc;
use crate::error::{Error, Result};
use crate::store::Workspace;
use crate::time;

/// The longest name of a copy, in characters.
pub const NAME_MAX: usize = 120;

/// Another copy of this workspace that this one has exchanged changes with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Peer {
    /// Its id.
    pub replica_id: String,
    /// Its name (empty if nobody named it).
    pub name: String,
    /// When this copy last heard from it (a merge of its changes, or the copy
    /// being made).
    pub heard_at: DateTime<Utc>,
    /// Whether this copy was made from it.
    pub is_origin: bool,
    /// Changes of this copy it is not known to have: what an export for it sends.
    pub unsent: u32,
}

/// For every copy whose changes this one holds, the latest stamp of them.
pub fn holds(conn: &Connection) -> Result<BTreeMap<String, String>> {
    let mut stmt =
        conn.prepare_cached("SELECT replica_id, max(hlc) FROM change_log GROUP BY replica_id")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Remembers that copy `replica_id` holds at least `held` (merged with what
/// was known of it before), and its latest name.
pub(crate) fn note_peer(
    conn: &Connection,
    replica_id: &str,
    name: &str,
    held: &BTreeMap<String, String>,
    now: DateTime<Utc>,
) -> Result<()> {
    if replica(conn)?.replica_id == replica_id {
        return Ok(());
    }
    let mut known = peer_holds(conn, replica_id)?;
    for (copy, stamp) in held {
        let slot = known.entry(copy.clone()).or_default();
        if *stamp > *slot {
            slot.clone_from(stamp);
        }
    }
    let known = serde_json::to_string(&known).map_err(|e| Error::Internal(e.to_string()))?;
    conn.prepare_cached(
        "INSERT INTO peers (replica_id, name, holds, heard_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (replica_id) DO UPDATE SET
            name = CASE WHEN excluded.name = '' THEN peers.name ELSE excluded.name END,
            holds = excluded.holds, heard_at = excluded.heard_at",
    )?
    .execute(rusqlite::params![
        replica_id,
        name,
        known,
        time::to_text(now)
    ])?;
    Ok(())
}

/// What copy `replica_id` is known to hold (nothing if never heard of).
fn peer_holds(conn: &Connection, replica_id: &str) -> Result<BTreeMap<String, String>> {
    let text: Option<String> = conn
        .prepare_cached("SELECT holds FROM peers WHERE replica_id = ?1")?
        .query_row([replica_id], |r| r.get(0))
        .optional()?;
    match text {
        Some(t) => serde_json::from_str(&t)
            .map_err(|e| Error::Internal(format!("a copy's holdings cannot be read: {e}"))),
        None => Ok(BTreeMap::new()),
    }
}

/// What `replica_id` is known to hold, as the vector an export filters by.
fn seen_by(conn: &Connection, replica_id: Option<&str>) -> Result<Seen> {
    let Some(id) = replica_id else {
        return Ok(Seen::new());
    };
    peer_holds(conn, id)?
        .into_iter()
        .map(|(copy, stamp)| Ok((copy, Hlc::parse(&stamp)?)))
        .collect()
}

/// The other copies this one knows, the one it was made from first, then
/// the most recently heard from.
pub fn peers(conn: &Connection) -> Result<Vec<Peer>> {
    let me = replica(conn)?;
    let mut stmt =
        conn.prepare("SELECT replica_id, name, heard_at FROM peers ORDER BY heard_at DESC")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (replica_id, name, heard_at) = row?;
        let seen = seen_by(conn, Some(&replica_id))?;
        let unsent = unsent(conn, &seen)?;
        out.push(Peer {
            is_origin: me.origin_replica.as_deref() == Some(replica_id.as_str()),
            replica_id,
            name,
            heard_at: time::from_text(&heard_at)?,
            unsent,
        });
    }
    out.sort_by_key(|p| !p.is_origin);
    Ok(out)
}

/// How many changes this copy holds that `seen` does not cover.
fn unsent(conn: &Connection, seen: &Seen) -> Result<u32> {
    let mut stmt = conn.prepare_cached(
        "SELECT replica_id, count(*), max(hlc) FROM change_log GROUP BY replica_id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, u32>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut total = 0;
    for row in rows {
        let (copy, count, _) = row?;
        total += match seen.get(&copy) {
            None => count,
            Some(known) => conn
                .prepare_cached(
                    "SELECT count(*) FROM change_log WHERE replica_id = ?1 AND hlc > ?2",
                )?
                .query_row(rusqlite::params![copy, known.to_text()], |r| r.get(0))?,
        };
    }
    Ok(total)
}

/// The change file for copy `for_replica`: what it is not known to have
/// (everything when `None` or never heard of).
pub fn export_for(conn: &Connection, for_replica: Option<&str>) -> Result<Vec<u8>> {
    file::export(conn, &seen_by(conn, for_replica)?)
}

/// Names this copy.
pub fn set_name(conn: &Connection, name: &str) -> Result<Replica> {
    let name = checked_name(name)?;
    conn.execute("UPDATE replica SET name = ?1 WHERE singleton = 1", [name])?;
    replica(conn)
}

fn checked_name(name: &str) -> Result<String> {
    crate::write::line("copyName", name, NAME_MAX, false)
}

/// Writes a copy of `ws` to `dest` for another laptop: the same workspace
/// with a new copy id that knows it was made from this one, named `name`.
/// Both sides remember what the other holds at this moment, so each later
/// exports only what the other has not seen. `dest` must not exist.
pub fn copy_for_workshop(ws: &Workspace, dest: &Path, name: &str) -> Result<Replica> {
    let name = checked_name(name)?;
    if dest.exists() {
        return Err(Error::Conflict(format!(
            "{} already exists",
            dest.display()
        )));
    }
    let conn = ws.conn();
    let mut me = replica(conn)?;
    if me.name.trim().is_empty() {
        // The copy will name where it came from: give this one the name
        // people know its file by, if nobody named it.
        if let Some(stem) = ws
            .path()
            .and_then(|p| p.file_stem())
            .and_then(|s| s.to_str())
        {
            me = set_name(conn, stem)?;
        }
    }
    let held = holds(conn)?;
    let dest_text = dest
        .to_str()
        .ok_or_else(|| Error::Internal("the copy's path is not valid text".into()))?;
    conn.execute("VACUUM INTO ?1", [dest_text])?;

    let copy = Connection::open(dest)?;
    let new_id = uuid::Uuid::new_v4().to_string();
    let now = time::now();
    let tx = copy.unchecked_transaction()?;
    tx.execute(
        "UPDATE replica SET replica_id = ?1, origin_replica = ?2, name = ?3 WHERE singleton = 1",
        rusqlite::params![new_id, me.replica_id, name],
    )?;
    // The copy's own review and peers start empty: it has merged nothing yet.
    tx.execute_batch("DELETE FROM merge_review; DELETE FROM peers;")?;
    note_peer(&tx, &me.replica_id, &me.name, &held, now)?;
    tx.commit()?;
    let made = replica(&copy)?;
    drop(copy);

    note_peer(conn, &new_id, &name, &held, now)?;
    Ok(made)
}

/// Where this copy stands with the others: who it is, the copies it knows,
/// and how many merge review entries wait.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CopiesStatus {
    /// This copy.
    pub replica: Replica,
    /// The copies it knows, the one it was made from first.
    pub peers: Vec<Peer>,
    /// This copy's own changes (all of them: what a file for a copy it
    /// never heard from holds).
    pub own_changes: u32,
    /// Merge review entries still open.
    pub open_review: u32,
}

/// See [`CopiesStatus`].
pub fn status(conn: &Connection) -> Result<CopiesStatus> {
    let replica = replica(conn)?;
    let own_changes = conn.query_row(
        "SELECT count(*) FROM change_log WHERE replica_id = ?1",
        [&replica.replica_id],
        |r| r.get(0),
    )?;
    Ok(CopiesStatus {
        peers: peers(conn)?,
        own_changes,
        open_review: super::review::open_count(conn)?,
        replica,
    })
}
