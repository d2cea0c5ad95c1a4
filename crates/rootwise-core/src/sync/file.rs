//! The change file (`.rootwise-changes`): what one copy of a workspace
//! hands another. After a fixed first line comes a manifest (one JSON line:
//! the workspace and copy it comes from, the schema version, the range and
//! number of changes, and a SHA-256 of the rest), then the changes, each as
//! length-prefixed fields: stamp, author, changeset, what its maker had
//! received (JSON), its history entries (JSON) and, from layout 2 on, the
//! rows it edited in the trash (JSON). A reader takes every layout up to
//! its own.
//!
//! Reading refuses, whole and before anything is applied: a file that is
//! not a change file, one from another workspace, one written by a newer
//! Rootwise, and one cut short or altered since it was written.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::capture::replica;
use super::changeset::InTrash;
use super::hlc::Hlc;
use crate::error::{Error, Result};
use crate::store::{HistoryRow, SCHEMA_VERSION};

/// The first line of every change file.
const MAGIC: &[u8] = b"ROOTWISE-CHANGES\n";
/// The layout written here; a reader refuses a newer one. 2: each change
/// also names the rows it edited in the trash.
const FORMAT: u32 = 2;
/// The longest manifest line read (it is a few hundred bytes).
const MANIFEST_MAX: usize = 64 * 1024;

/// What a change file says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    /// The layout of the file.
    pub format: u32,
    /// The workspace the changes belong to (the same in all its copies).
    pub workspace_id: String,
    /// The copy that wrote the file.
    pub replica_id: String,
    /// That copy's name, if it has one.
    #[serde(default)]
    pub name: String,
    /// What that copy held when it wrote the file: for every copy, the
    /// latest stamp of that copy's changes (so the receiver knows what not
    /// to send back, and which of its values the sender had seen).
    #[serde(default)]
    pub holds: BTreeMap<String, String>,
    /// The schema version of that copy.
    pub schema_version: u32,
    /// The earliest and latest stamp in the file (none when it is empty).
    pub first: Option<String>,
    /// See `first`.
    pub last: Option<String>,
    /// How many changes follow.
    pub count: u32,
    /// SHA-256 of everything after the manifest line, in hex.
    pub sha256: String,
}

/// One change as it travels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Its clock stamp (which names the copy that made it).
    pub hlc: Hlc,
    /// Who made it.
    pub author: String,
    /// SQLite's changeset.
    pub changeset: Vec<u8>,
    /// What the copy that made it had received from each copy when it made
    /// it (the latest stamp per copy): a value it had not received was
    /// written without its author seeing this change, so losing to it, or
    /// overwriting it, is a conflict for people to review.
    pub knew: BTreeMap<String, String>,
    /// The history entries it recorded.
    pub history: Vec<HistoryRow>,
    /// The rows it edited while they were in the trash for its author.
    pub in_trash: InTrash,
}

/// What the other side has seen: for each copy, the latest stamp of that
/// copy's changes it holds. Changes after those are the ones to send.
pub type Seen = BTreeMap<String, Hlc>;

/// The changes of this workspace the other side has not seen, as a change file.
pub fn export(conn: &Connection, seen: &Seen) -> Result<Vec<u8>> {
    let me = replica(conn)?;
    let changes = unseen(conn, seen)?;
    let mut body = Vec::new();
    for change in &changes {
        field(&mut body, change.hlc.to_text().as_bytes())?;
        field(&mut body, change.author.as_bytes())?;
        field(&mut body, &change.changeset)?;
        let knew = serde_json::to_vec(&change.knew)
            .map_err(|e| Error::Internal(format!("a change's context did not serialise: {e}")))?;
        field(&mut body, &knew)?;
        let history = serde_json::to_vec(&change.history)
            .map_err(|e| Error::Internal(format!("a change's history did not serialise: {e}")))?;
        field(&mut body, &history)?;
        let in_trash = serde_json::to_vec(&change.in_trash)
            .map_err(|e| Error::Internal(format!("a change's context did not serialise: {e}")))?;
        field(&mut body, &in_trash)?;
    }
    let manifest = Manifest {
        format: FORMAT,
        workspace_id: me.workspace_id,
        replica_id: me.replica_id,
        name: me.name,
        holds: super::copy::holds(conn)?,
        schema_version: SCHEMA_VERSION,
        first: changes.first().map(|c| c.hlc.to_text()),
        last: changes.last().map(|c| c.hlc.to_text()),
        count: u32::try_from(changes.len())
            .map_err(|_| Error::Internal("too many changes for one file".into()))?,
        sha256: hex(&Sha256::digest(&body)),
    };
    let mut out = MAGIC.to_vec();
    serde_json::to_writer(&mut out, &manifest)
        .map_err(|e| Error::Internal(format!("the manifest did not serialise: {e}")))?;
    out.push(b'\n');
    out.extend_from_slice(&body);
    Ok(out)
}

/// The changes this copy holds that the other side has not seen, oldest
/// first, each with what its maker knew.
pub fn unseen(conn: &Connection, seen: &Seen) -> Result<Vec<Change>> {
    let me = replica(conn)?;
    Ok(logged(conn, &me.replica_id)?
        .into_iter()
        .filter(|c| seen.get(&c.hlc.replica).is_none_or(|known| c.hlc > *known))
        .collect())
}

/// Reads a change file meant for `workspace_id`, checking everything
/// before anything is used.
pub fn read(bytes: &[u8], workspace_id: &str) -> Result<(Manifest, Vec<Change>)> {
    let damaged = |reason: &str| Error::ChangeFileDamaged {
        reason: reason.to_owned(),
    };
    let rest = bytes
        .strip_prefix(MAGIC)
        .ok_or_else(|| damaged("it is not a Rootwise change file"))?;
    let end = rest
        .iter()
        .take(MANIFEST_MAX)
        .position(|b| *b == b'\n')
        .ok_or_else(|| damaged("its manifest is missing or cut short"))?;
    let manifest: Manifest =
        serde_json::from_slice(&rest[..end]).map_err(|_| damaged("its manifest cannot be read"))?;
    if manifest.format > FORMAT || manifest.schema_version > SCHEMA_VERSION {
        return Err(Error::ChangeFileTooNew {
            found: manifest.schema_version.max(SCHEMA_VERSION + 1),
            supported: SCHEMA_VERSION,
        });
    }
    if manifest.workspace_id != workspace_id {
        return Err(Error::ChangeFileForeign);
    }
    let body = &rest[end + 1..];
    if hex(&Sha256::digest(body)) != manifest.sha256 {
        return Err(damaged("it was cut short or changed after it was written"));
    }
    let mut at = 0;
    let mut changes = Vec::new();
    while at < body.len() {
        let hlc = take(body, &mut at).ok_or_else(|| damaged("a change is cut short"))?;
        let author = take(body, &mut at).ok_or_else(|| damaged("a change is cut short"))?;
        let changeset = take(body, &mut at).ok_or_else(|| damaged("a change is cut short"))?;
        let knew = take(body, &mut at).ok_or_else(|| damaged("a change is cut short"))?;
        let knew: BTreeMap<String, String> = serde_json::from_slice(knew)
            .map_err(|_| damaged("a change's context cannot be read"))?;
        let history = take(body, &mut at).ok_or_else(|| damaged("a change is cut short"))?;
        let history: Vec<HistoryRow> = serde_json::from_slice(history)
            .map_err(|_| damaged("a change's history cannot be read"))?;
        let in_trash: InTrash = if manifest.format >= 2 {
            let in_trash = take(body, &mut at).ok_or_else(|| damaged("a change is cut short"))?;
            serde_json::from_slice(in_trash)
                .map_err(|_| damaged("a change's context cannot be read"))?
        } else {
            InTrash::new()
        };
        let hlc = std::str::from_utf8(hlc)
            .ok()
            .and_then(|t| Hlc::parse(t).ok())
            .ok_or_else(|| damaged("a change has no valid stamp"))?;
        let author = String::from_utf8(author.to_vec())
            .map_err(|_| damaged("a change's author is not text"))?;
        changes.push(Change {
            hlc,
            author,
            changeset: changeset.to_vec(),
            knew,
            history,
            in_trash,
        });
    }
    if changes.len() != manifest.count as usize
        || changes.first().map(|c| c.hlc.to_text()) != manifest.first
        || changes.last().map(|c| c.hlc.to_text()) != manifest.last
    {
        return Err(damaged("it holds other changes than its manifest says"));
    }
    Ok((manifest, changes))
}

/// Every change in the log, oldest first, with what its maker knew: stored
/// for changes merged in; for this copy's own (`me`), worked out from the
/// order the log received changes in.
fn logged(conn: &Connection, me: &str) -> Result<Vec<Change>> {
    let mut stmt = conn.prepare(
        "SELECT hlc, author, changeset, knew, history, in_trash FROM change_log ORDER BY seq",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Vec<u8>>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, Option<String>>(5)?,
        ))
    })?;
    // The latest stamp per copy received so far, in the log's order.
    let mut received: BTreeMap<String, String> = BTreeMap::new();
    let mut out = Vec::new();
    for row in rows {
        let (text, author, changeset, stored, history, in_trash) = row?;
        let in_trash: InTrash = match in_trash {
            Some(json) => serde_json::from_str(&json)
                .map_err(|e| Error::Internal(format!("a change's context cannot be read: {e}")))?,
            None => InTrash::new(),
        };
        let history: Vec<HistoryRow> = match history {
            Some(json) => serde_json::from_str(&json)
                .map_err(|e| Error::Internal(format!("a change's history cannot be read: {e}")))?,
            None => Vec::new(),
        };
        let hlc = Hlc::parse(&text)?;
        let knew = match stored {
            Some(json) => serde_json::from_str(&json)
                .map_err(|e| Error::Internal(format!("a change's context cannot be read: {e}")))?,
            None if hlc.replica == me => received.clone(),
            None => BTreeMap::new(),
        };
        let latest = received.entry(hlc.replica.clone()).or_default();
        if text > *latest {
            latest.clone_from(&text);
        }
        out.push(Change {
            hlc,
            author,
            changeset,
            knew,
            history,
            in_trash,
        });
    }
    out.sort_by(|a, b| a.hlc.cmp(&b.hlc));
    Ok(out)
}

/// Appends `bytes` with its length (4 bytes, little-endian) before it.
fn field(out: &mut Vec<u8>, bytes: &[u8]) -> Result<()> {
    let len = u32::try_from(bytes.len())
        .map_err(|_| Error::Internal("a change is too large for a change file".into()))?;
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(bytes);
    Ok(())
}

/// The length-prefixed field at `*at`, moving past it.
fn take<'a>(body: &'a [u8], at: &mut usize) -> Option<&'a [u8]> {
    let len_bytes: [u8; 4] = body.get(*at..*at + 4)?.try_into().ok()?;
    let len = u32::from_le_bytes(len_bytes) as usize;
    let start = *at + 4;
    let field = body.get(start..start.checked_add(len)?)?;
    *at = start + len;
    Some(field)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::{self, NewProblem};
    use crate::Workspace;

    /// Rewrites a change file in the layout of version 1 (no rows edited
    /// in the trash), as a Rootwise of that time wrote it.
    fn as_layout_1(bytes: &[u8], workspace_id: &str) -> Vec<u8> {
        let (mut manifest, changes) = read(bytes, workspace_id).unwrap();
        let mut body = Vec::new();
        for c in &changes {
            field(&mut body, c.hlc.to_text().as_bytes()).unwrap();
            field(&mut body, c.author.as_bytes()).unwrap();
            field(&mut body, &c.changeset).unwrap();
            field(&mut body, &serde_json::to_vec(&c.knew).unwrap()).unwrap();
            field(&mut body, &serde_json::to_vec(&c.history).unwrap()).unwrap();
        }
        manifest.format = 1;
        manifest.sha256 = hex(&Sha256::digest(&body));
        let mut out = MAGIC.to_vec();
        serde_json::to_writer(&mut out, &manifest).unwrap();
        out.push(b'\n');
        out.extend_from_slice(&body);
        out
    }

    #[test]
    fn a_file_of_the_first_layout_still_reads_and_a_newer_one_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::open(&dir.path().join("w.db")).unwrap();
        ws.write("Huda", |w| {
            problem::create(
                w,
                &NewProblem {
                    title: "لا يصل رمز التحقق".into(),
                    ..NewProblem::default()
                },
            )
        })
        .unwrap();
        let me = replica(ws.conn()).unwrap();
        let now = export(ws.conn(), &Seen::new()).unwrap();
        let (_, changes) = read(&now, &me.workspace_id).unwrap();
        let old = as_layout_1(&now, &me.workspace_id);
        let (manifest, old_changes) = read(&old, &me.workspace_id).unwrap();
        assert_eq!(manifest.format, 1);
        assert_eq!(
            old_changes, changes,
            "the same changes, none edited in the trash"
        );

        let mut manifest = manifest;
        manifest.format = FORMAT + 1;
        let mut newer = MAGIC.to_vec();
        serde_json::to_writer(&mut newer, &manifest).unwrap();
        newer.push(b'\n');
        let body_at =
            MAGIC.len() + old[MAGIC.len()..].iter().position(|b| *b == b'\n').unwrap() + 1;
        newer.extend_from_slice(&old[body_at..]);
        assert!(matches!(
            read(&newer, &me.workspace_id),
            Err(Error::ChangeFileTooNew { .. })
        ));
    }
}
