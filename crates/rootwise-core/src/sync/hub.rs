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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
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
struct Cursor {
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

fn state(conn: &Connection, hub: &str) -> Result<Cursor> {
    let text: Option<String> = conn
        .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
        .query_row([STATE_KEY], |r| r.get(0))
        .optional()?;
    let state: Cursor = match text {
        Some(t) => serde_json::from_str(&t)
            .map_err(|e| Error::Internal(format!("the hub's state cannot be read: {e}")))?,
        None => Cursor::default(),
    };
    Ok(if state.hub == hub {
        state
    } else {
        Cursor {
            hub: hub.to_owned(),
            ..Cursor::default()
        }
    })
}

fn save_state(conn: &Connection, state: &Cursor) -> Result<()> {
    let text = serde_json::to_string(state).map_err(|e| Error::Internal(e.to_string()))?;
    conn.prepare_cached(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute([STATE_KEY, &text])?;
    Ok(())
}

/// How many of this copy's changes the hub `hub` is not known to hold.
/// (Counted in SQL, without reading the changes: the app asks often.)
pub fn waiting(conn: &Connection, hub: &str) -> Result<u32> {
    let holds = serde_json::to_string(&state(conn, hub)?.holds)
        .map_err(|e| Error::Internal(e.to_string()))?;
    Ok(conn
        .prepare_cached(
            "SELECT count(*) FROM change_log
             WHERE hlc > coalesce(json_extract(?1, '$.\"' || replica_id || '\"'), '')",
        )?
        .query_row([holds], |r| r.get(0))?)
}

fn seen(holds: &BTreeMap<String, String>) -> Result<Seen> {
    holds
        .iter()
        .map(|(copy, stamp)| Ok((copy.clone(), Hlc::parse(stamp)?)))
        .collect()
}

/// Gives a sync the workspace for one step: the app holds its lock only
/// for that, never across a request to the hub.
pub type Access<'a> = dyn FnMut(&mut dyn FnMut(&mut Workspace) -> Result<()>) -> Result<()> + 'a;

/// Syncs `ws` with the hub reached through `transport` (`hub`: its address
/// and workspace, which keys what this copy knows of it), as `author` (the
/// person whose app merges what arrives), `page` changes a pull at most.
/// Pulls every page, then pushes what the hub lacks. A failure part way
/// keeps what was done: pages merged stay merged, with the cursor after
/// them.
pub fn sync(
    ws: &mut Workspace,
    author: &str,
    hub: &str,
    transport: &mut dyn Transport,
    page: u32,
) -> Result<SyncSummary> {
    sync_with(&mut |step| step(ws), author, hub, transport, page)
}

/// Runs `step` through `access` on the workspace `workspace_id` (the app
/// may have opened another meanwhile: then the sync stops).
fn with<T>(
    access: &mut Access<'_>,
    workspace_id: Option<&str>,
    mut step: impl FnMut(&mut Workspace) -> Result<T>,
) -> Result<T> {
    let mut out = None;
    access(&mut |ws| {
        if let Some(id) = workspace_id {
            if super::replica(ws.conn())?.workspace_id != id {
                return Err(Error::HubRefused {
                    reason: "another workspace was opened during the sync".into(),
                });
            }
        }
        out = Some(step(ws)?);
        Ok(())
    })?;
    out.ok_or_else(|| Error::Internal("a sync step did not run".into()))
}

/// [`sync`], reaching the workspace through `access` one step at a time.
pub fn sync_with(
    access: &mut Access<'_>,
    author: &str,
    hub: &str,
    transport: &mut dyn Transport,
    page: u32,
) -> Result<SyncSummary> {
    let (me, mut st) = with(access, None, |ws| {
        Ok((super::replica(ws.conn())?, state(ws.conn(), hub)?))
    })?;
    let id = Some(me.workspace_id.as_str());
    let mut summary = SyncSummary::default();
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
        let merged = with(access, id, |ws| {
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
            Ok(committed.value)
        })?;
        summary.pages += 1;
        summary.pulled += merged.applied;
        add(&mut summary.merged, &merged);
        if !answer.more {
            break;
        }
    }

    let outbox = with(access, id, |ws| file::unseen(ws.conn(), &seen(&st.holds)?))?;
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
        with(access, id, |ws| save_state(ws.conn(), &st))?;
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

/// How this computer reaches a team hub for one workspace. Kept in the
/// app's config folder, never in the workspace file (which is copied and
/// sent around), and readable by its user only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HubLink {
    /// `http://host:port` or `https://...`.
    pub address: String,
    /// The token the hub's administrator gave.
    pub token: String,
}

/// The longest hub address taken.
pub const ADDRESS_MAX: usize = 2048;
/// The longest token taken.
pub const TOKEN_MAX: usize = 512;

impl HubLink {
    /// Checks and tidies what was typed: an `http://` or `https://`
    /// address (a trailing slash dropped) and a token.
    pub fn new(address: &str, token: &str) -> Result<Self> {
        let address = address.trim().trim_end_matches('/');
        let token = token.trim();
        let mut errors = Vec::new();
        if address.is_empty() {
            errors.push(crate::error::FieldError::new(
                "hubAddress",
                crate::error::Rule::Required,
                None,
            ));
        } else if address.chars().count() > ADDRESS_MAX {
            errors.push(crate::error::FieldError::new(
                "hubAddress",
                crate::error::Rule::TooLong,
                Some(ADDRESS_MAX as u32),
            ));
        } else {
            let rest = address
                .strip_prefix("http://")
                .or_else(|| address.strip_prefix("https://"));
            if rest.is_none_or(|r| r.is_empty() || r.chars().any(char::is_whitespace)) {
                errors.push(crate::error::FieldError::new(
                    "hubAddress",
                    crate::error::Rule::Invalid,
                    None,
                ));
            }
        }
        if token.is_empty() {
            errors.push(crate::error::FieldError::new(
                "hubToken",
                crate::error::Rule::Required,
                None,
            ));
        } else if token.chars().count() > TOKEN_MAX {
            errors.push(crate::error::FieldError::new(
                "hubToken",
                crate::error::Rule::TooLong,
                Some(TOKEN_MAX as u32),
            ));
        }
        if !errors.is_empty() {
            return Err(Error::InvalidInput(errors));
        }
        Ok(Self {
            address: address.to_owned(),
            token: token.to_owned(),
        })
    }

    /// What keys this copy's cursor for this hub and workspace.
    pub fn key(&self, workspace_id: &str) -> String {
        format!("{} {workspace_id}", self.address)
    }
}

/// The hub links of this computer, by workspace id (`hubs.json`).
#[derive(Debug, Clone)]
pub struct HubLinks {
    path: std::path::PathBuf,
}

impl HubLinks {
    /// The links file in the app's config folder `dir`.
    pub fn in_dir(dir: &std::path::Path) -> Self {
        Self {
            path: dir.join("hubs.json"),
        }
    }

    fn load(&self) -> Result<BTreeMap<String, HubLink>> {
        match std::fs::read(&self.path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
                Error::Internal(format!("{} cannot be read: {e}", self.path.display()))
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeMap::new()),
            Err(e) => Err(e.into()),
        }
    }

    /// The link of workspace `workspace_id`, if it has one.
    pub fn get(&self, workspace_id: &str) -> Result<Option<HubLink>> {
        Ok(self.load()?.remove(workspace_id))
    }

    /// Sets (or with `None` removes) the link of `workspace_id`; written
    /// whole to a temporary file, readable by its owner only, then renamed.
    pub fn set(&self, workspace_id: &str, link: Option<HubLink>) -> Result<()> {
        let mut all = self.load()?;
        match link {
            Some(l) => all.insert(workspace_id.to_owned(), l),
            None => all.remove(workspace_id),
        };
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = self.path.with_extension("json.tmp");
        let bytes = serde_json::to_vec_pretty(&all).map_err(|e| Error::Internal(e.to_string()))?;
        {
            use std::io::Write as _;
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create(true).truncate(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt as _;
                options.mode(0o600);
            }
            let mut file = options.open(&tmp)?;
            file.write_all(&bytes)?;
            file.sync_all()?;
        }
        std::fs::rename(&tmp, &self.path)?;
        Ok(())
    }
}

/// Makes a new, empty workspace a copy of the team workspace
/// `workspace_id`, to fill from the hub: refused for one that holds any
/// work or change already (it would be mixed into another workspace).
pub fn adopt(ws: &mut Workspace, workspace_id: &str) -> Result<()> {
    let conn = ws.conn();
    let mut busy = conn.query_row("SELECT count(*) FROM change_log", [], |r| {
        r.get::<_, i64>(0)
    })? > 0;
    for table in super::REPLICATED {
        busy |= conn.query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM \"{table}\")"),
            [],
            |r| r.get::<_, bool>(0),
        )?;
    }
    if busy {
        return Err(Error::Conflict(
            "only a new, empty workspace can become a copy of a team workspace".into(),
        ));
    }
    conn.execute(
        "UPDATE replica SET workspace_id = ?1 WHERE singleton = 1",
        [workspace_id],
    )?;
    Ok(())
}

/// Where syncing with the hub stands, for the app to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum HubState {
    /// Not connected to a hub.
    Off,
    /// Connected, and nothing is happening.
    Idle,
    /// A sync is running.
    Syncing,
    /// The hub cannot be reached: changes wait.
    Offline,
    /// The hub refused (its reason is in `error`).
    Error,
}

/// The hub as the app shows it (Settings → Team, the sidebar).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct HubStatus {
    /// The open workspace's id (what the hub's administrator registers).
    pub workspace_id: String,
    /// The hub's address, when connected.
    pub address: Option<String>,
    /// Where syncing stands.
    pub state: HubState,
    /// This copy's changes the hub is not known to hold yet.
    pub waiting: u32,
    /// When the last sync ended well.
    pub last_sync: Option<chrono::DateTime<chrono::Utc>>,
    /// Changes the last sync brought and sent.
    pub last_pulled: u32,
    /// See `last_pulled`.
    pub last_pushed: u32,
    /// Why the last sync failed, when it did.
    pub error: Option<crate::error::ErrorPayload>,
}
