//! Syncing with a team hub: what the protocol carries, and a client's
//! steps, without the transport (HTTP lives in `rootwise-hub`'s client, so
//! the core stays free of a network stack).
//!
//! The hub keeps the team's changes in an append-only log; each change has
//! a place in it (a cursor). A sync is:
//!
//! 1. **Pull**: the changes after this copy's cursor, a page at a time;
//!    each page is merged by the same rule as a change file ([`super::merge`])
//!    and the cursor moves on in the same transaction, so a sync cut short
//!    resumes where it stopped and a page merged twice changes nothing.
//! 2. **Push**: this copy's changes the hub does not hold (by the hub's
//!    "holds" vector, as with another copy), in batches; the hub stores each
//!    change once, so a push retried after a lost answer applies nothing
//!    twice.
//!
//! What a copy knows of its hub (the cursor and what the hub holds) is kept
//! in `meta`, under the hub's address and workspace: connecting to another
//! hub starts from its beginning.

use std::collections::BTreeMap;

use base64::Engine as _;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::changeset::InTrash;
use super::file::{self, Change, Seen};
use super::hlc::Hlc;
use super::merge::{self, FailAfter, MergeSummary};
use crate::error::{Error, Result};
use crate::store::{HistoryRow, Workspace, SCHEMA_VERSION};

/// The protocol's version, in every request's path (`/v1/`).
pub const PROTOCOL: u32 = 1;

/// The most changes one push carries.
pub const PUSH_BATCH: usize = 500;

/// The most bytes of changesets one push carries (a request stays well
/// under the hub's body limit).
pub const PUSH_BYTES: usize = 8 * 1024 * 1024;

/// One change as the protocol carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireChange {
    /// Its clock stamp, as text (which names the copy that made it).
    pub hlc: String,
    /// Who made it.
    pub author: String,
    /// SQLite's changeset, in base64.
    pub changeset: String,
    /// What its maker had received from each copy.
    #[serde(default)]
    pub knew: BTreeMap<String, String>,
    /// The history entries it recorded.
    #[serde(default)]
    pub history: Vec<HistoryRow>,
    /// The rows it edited in its maker's trash.
    #[serde(default)]
    pub in_trash: InTrash,
}

impl From<&Change> for WireChange {
    fn from(c: &Change) -> Self {
        Self {
            hlc: c.hlc.to_text(),
            author: c.author.clone(),
            changeset: base64::engine::general_purpose::STANDARD.encode(&c.changeset),
            knew: c.knew.clone(),
            history: c.history.clone(),
            in_trash: c.in_trash.clone(),
        }
    }
}

impl TryFrom<&WireChange> for Change {
    type Error = Error;

    fn try_from(w: &WireChange) -> Result<Self> {
        let damaged = |reason: &str| Error::ChangeFileDamaged {
            reason: reason.to_owned(),
        };
        Ok(Self {
            hlc: Hlc::parse(&w.hlc).map_err(|_| damaged("a change has no valid stamp"))?,
            author: w.author.clone(),
            changeset: base64::engine::general_purpose::STANDARD
                .decode(&w.changeset)
                .map_err(|_| damaged("a change's changeset is not base64"))?,
            knew: w.knew.clone(),
            history: w.history.clone(),
            in_trash: w.in_trash.clone(),
        })
    }
}

/// What a client sends to store its changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PushRequest {
    /// The Rootwise workspace the changes belong to (the same in all its copies).
    pub workspace_id: String,
    /// The copy pushing.
    pub replica_id: String,
    /// The schema version of the copy pushing.
    pub schema_version: u32,
    /// The changes, oldest first.
    pub changes: Vec<WireChange>,
}

/// The hub's answer to a push.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PushAnswer {
    /// Changes new to the hub, now stored.
    pub accepted: u32,
    /// Changes it already held (a retried push).
    pub already_here: u32,
    /// What the hub holds now: for each copy, the latest stamp of its changes.
    pub holds: BTreeMap<String, String>,
}

/// The hub's answer to a pull: the changes after a cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PullAnswer {
    /// The changes, in the hub's order.
    pub changes: Vec<WireChange>,
    /// The cursor after the last of them (the one sent, if there are none).
    pub next: i64,
    /// Whether more changes follow.
    pub more: bool,
    /// The newest schema version among the changes (0 if none).
    pub schema_version: u32,
    /// What the hub holds now.
    pub holds: BTreeMap<String, String>,
    /// The hub's epoch: a new one after the hub was restored from a
    /// backup, when cursors handed out before mean nothing.
    #[serde(default)]
    pub epoch: String,
}

/// How a client reaches its hub (HTTP in the app; the hub itself in tests).
pub trait Transport {
    /// Stores changes on the hub.
    fn push(&mut self, request: &PushRequest) -> Result<PushAnswer>;
    /// The changes after `after`, at most `limit` of them.
    fn pull(&mut self, workspace_id: &str, after: i64, limit: u32) -> Result<PullAnswer>;
}

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncSummary {
    /// Changes received and merged (new to this copy).
    pub pulled: u32,
    /// Changes sent that the hub did not hold.
    pub pushed: u32,
    /// Pages pulled.
    pub pages: u32,
    /// What the merges did, added up (values overwritten, rows restored...).
    pub merged: MergeSummary,
}

/// What this copy knows of one hub.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct HubState {
    /// The hub's address and workspace this state is about.
    hub: String,
    /// The place in the hub's log up to which this copy has merged.
    cursor: i64,
    /// What the hub held when it last said.
    holds: BTreeMap<String, String>,
    /// The hub's epoch the cursor belongs to.
    #[serde(default)]
    epoch: String,
}

const STATE_KEY: &str = "hub.state";

fn state(conn: &Connection, hub: &str) -> Result<HubState> {
    let text: Option<String> = conn
        .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
        .query_row([STATE_KEY], |r| r.get(0))
        .optional()?;
    let state: HubState = match text {
        Some(t) => serde_json::from_str(&t)
            .map_err(|e| Error::Internal(format!("the hub's state cannot be read: {e}")))?,
        None => HubState::default(),
    };
    Ok(if state.hub == hub {
        state
    } else {
        HubState {
            hub: hub.to_owned(),
            ..HubState::default()
        }
    })
}

fn save_state(conn: &Connection, state: &HubState) -> Result<()> {
    let text = serde_json::to_string(state).map_err(|e| Error::Internal(e.to_string()))?;
    conn.prepare_cached(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute([STATE_KEY, &text])?;
    Ok(())
}

/// How many of this copy's changes the hub `hub` is not known to hold.
pub fn waiting(conn: &Connection, hub: &str) -> Result<u32> {
    let seen = seen(&state(conn, hub)?.holds)?;
    Ok(u32::try_from(file::unseen(conn, &seen)?.len()).unwrap_or(u32::MAX))
}

fn seen(holds: &BTreeMap<String, String>) -> Result<Seen> {
    holds
        .iter()
        .map(|(copy, stamp)| Ok((copy.clone(), Hlc::parse(stamp)?)))
        .collect()
}

/// Syncs `ws` with the hub reached through `transport` (`hub`: its address
/// and workspace, which keys what this copy knows of it), as `author` (the
/// person whose app merges what arrives). Pulls every page, then pushes
/// what the hub lacks. A failure part way keeps what was done: pages
/// merged stay merged, with the cursor after them.
pub fn sync(
    ws: &mut Workspace,
    author: &str,
    hub: &str,
    transport: &mut dyn Transport,
    page: u32,
) -> Result<SyncSummary> {
    let me = super::replica(ws.conn())?;
    let mut summary = SyncSummary::default();
    let mut st = state(ws.conn(), hub)?;
    loop {
        let answer = transport.pull(&me.workspace_id, st.cursor, page)?;
        if answer.schema_version > SCHEMA_VERSION {
            return Err(Error::ChangeFileTooNew {
                found: answer.schema_version,
                supported: SCHEMA_VERSION,
            });
        }
        if answer.epoch != st.epoch {
            // A hub restored from a backup (or the first sync): its log's
            // places are not the ones this copy's cursor counted. Merging
            // again from its beginning is safe: what is here is skipped.
            let fresh = st.epoch.is_empty() && st.cursor == 0;
            st.epoch.clone_from(&answer.epoch);
            if !fresh {
                st.cursor = 0;
                continue;
            }
        }
        let changes = answer
            .changes
            .iter()
            .map(Change::try_from)
            .collect::<Result<Vec<_>>>()?;
        st.cursor = answer.next;
        st.holds = answer.holds.clone();
        let next = st.clone();
        let committed = ws.write_uncaptured(author, |w| {
            let merged = if changes.is_empty() {
                MergeSummary::default()
            } else {
                merge::merge_into(w, None, &changes, FailAfter::default())?
            };
            save_state(w.tx(), &next)?;
            Ok(merged)
        })?;
        summary.pages += 1;
        summary.pulled += committed.value.applied;
        add(&mut summary.merged, &committed.value);
        if !answer.more {
            break;
        }
    }

    let outbox = file::unseen(ws.conn(), &seen(&st.holds)?)?;
    for batch in batches(&outbox) {
        let answer = transport.push(&PushRequest {
            workspace_id: me.workspace_id.clone(),
            replica_id: me.replica_id.clone(),
            schema_version: SCHEMA_VERSION,
            changes: batch.iter().map(WireChange::from).collect(),
        })?;
        summary.pushed += answer.accepted;
        for (copy, stamp) in answer.holds {
            let slot = st.holds.entry(copy).or_default();
            if stamp > *slot {
                *slot = stamp;
            }
        }
        save_state(ws.conn(), &st)?;
    }
    Ok(summary)
}

/// The outbox cut into pushes of at most [`PUSH_BATCH`] changes and about
/// [`PUSH_BYTES`] bytes (a single larger change goes alone).
fn batches(outbox: &[Change]) -> Vec<&[Change]> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut bytes = 0;
    for (i, change) in outbox.iter().enumerate() {
        let size = change.changeset.len();
        if i > start && (i - start >= PUSH_BATCH || bytes + size > PUSH_BYTES) {
            out.push(&outbox[start..i]);
            start = i;
            bytes = 0;
        }
        bytes += size;
    }
    if start < outbox.len() {
        out.push(&outbox[start..]);
    }
    out
}

fn add(total: &mut MergeSummary, one: &MergeSummary) {
    total.received += one.received;
    total.applied += one.applied;
    total.already_here += one.already_here;
    total.overwritten += one.overwritten;
    total.restored += one.restored;
    total.parent_deleted += one.parent_deleted;
}
