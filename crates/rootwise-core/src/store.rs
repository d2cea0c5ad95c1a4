//! Opening a workspace file and running writes.
//!
//! A workspace is one SQLite file. Opening it:
//! 1. looks at an existing file read-only first: a file that is not SQLite,
//!    another program's database, or a workspace from a newer Rootwise is
//!    refused with a clear error and left untouched;
//! 2. opens it read-write (creating it and its folder if needed) and sets
//!    the pragmas (WAL, `synchronous=NORMAL`, foreign keys, busy timeout);
//! 3. backs the file up with SQLite's backup API before any pending
//!    migration of an existing workspace, then migrates.
//!
//! Every write runs through [`Workspace::write`]: one immediate
//! transaction, one author, one timestamp, history entries, and the change
//! events the shell broadcasts once the transaction has committed.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, ErrorCode as SqliteCode, OpenFlags, Transaction, TransactionBehavior};
use rusqlite_migration::{Migrations, M};

use crate::change::{ChangeEvent, ChangeOp};
use crate::error::{Error, Result, Rule};
use crate::sync::capture::Capture;
use crate::time;

/// The migrations, in order. A shipped migration is never edited.
const MIGRATION_LIST: &[M<'static>] = &[
    M::up(include_str!("../migrations/0001_initial.sql")),
    M::up(include_str!("../migrations/0002_problem_log.sql")),
    M::up(include_str!("../migrations/0003_analysis.sql")),
    M::up(include_str!("../migrations/0004_problem_list_speed.sql")),
    M::up(include_str!("../migrations/0005_actions.sql")),
    M::up(include_str!("../migrations/0006_personas_empathy.sql")),
    M::up(include_str!("../migrations/0007_changes.sql")),
    M::up(include_str!("../migrations/0008_merge.sql")),
    M::up(include_str!("../migrations/0009_trash_edits.sql")),
    M::up(include_str!("../migrations/0010_metrics.sql")),
    M::up(include_str!("../migrations/0011_journeys.sql")),
    M::up(include_str!("../migrations/0012_response_touchpoints.sql")),
    M::up(include_str!("../migrations/0013_helpdesk.sql")),
    M::up(include_str!("../migrations/0014_tag_copy_by_key.sql")),
    M::up(include_str!("../migrations/0015_journey_pain.sql")),
];

/// The schema version this binary writes: the number of migrations.
pub const SCHEMA_VERSION: u32 = MIGRATION_LIST.len() as u32;

/// `PRAGMA application_id` of a Rootwise workspace ("RWKS").
pub const APPLICATION_ID: i32 = 0x5257_4B53;

/// The file name of a workspace nobody named: the default workspace, and
/// one created inside a folder given as a workspace.
pub const DEFAULT_FILE_NAME: &str = "workspace.db";

/// Where the workspace inside `folder` goes: `<folder>/workspace.db`.
pub fn workspace_in_folder(folder: &Path) -> PathBuf {
    folder.join(DEFAULT_FILE_NAME)
}

/// How long a write waits for another connection's lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Bytes of the workspace file read through memory mapping.
const MMAP_SIZE: i64 = 1 << 30;

/// Private page cache, in KiB (a negative `cache_size` counts KiB).
const CACHE_KIB: i64 = -16_384;

/// Longest author name stamped on history entries.
pub const AUTHOR_MAX: usize = 100;

/// The migrations as `rusqlite_migration` wants them.
pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATION_LIST)
}

/// The shipped migrations, in order (for upgrade tests).
pub fn shipped_migrations() -> &'static [M<'static>] {
    MIGRATION_LIST
}

/// An open workspace.
pub struct Workspace {
    conn: Connection,
    path: Option<PathBuf>,
    backup: Option<PathBuf>,
    /// Whether writes are captured into the change log (always, but for
    /// the benchmark that measures what capturing costs).
    capture: bool,
}

impl std::fmt::Debug for Workspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workspace")
            .field("path", &self.path)
            .field("backup", &self.backup)
            .finish_non_exhaustive()
    }
}

/// What a read-only look at an existing file found.
struct Inspection {
    application_id: i32,
    user_version: u32,
    objects: u32,
}

impl Workspace {
    /// Opens the workspace at `path`, creating it (and its folder) if it does
    /// not exist, and migrating it to [`SCHEMA_VERSION`].
    pub fn open(path: &Path) -> Result<Self> {
        Self::open_with(path, MIGRATION_LIST)
    }

    /// [`Workspace::open`] with an explicit migration list, so tests can
    /// prove the upgrade path with a migration that does not ship yet.
    #[doc(hidden)]
    pub fn open_with(path: &Path, list: &'static [M<'static>]) -> Result<Self> {
        let target = list.len() as u32;
        let existing = inspect(path)?;
        if let Some(found) = &existing {
            let empty = found.application_id == 0 && found.objects == 0 && found.user_version == 0;
            if found.application_id != APPLICATION_ID && !empty {
                return Err(Error::NotAWorkspace {
                    path: path.to_owned(),
                });
            }
            if found.user_version > target {
                return Err(Error::SchemaTooNew {
                    path: path.to_owned(),
                    found: found.user_version,
                    supported: target,
                });
            }
        } else if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| Error::NotWritable {
                path: path.to_owned(),
                reason: e.to_string(),
            })?;
        }

        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
        if conn
            .is_readonly(rusqlite::MAIN_DB)
            .map_err(|e| classify(path, e))?
        {
            return Err(Error::NotWritable {
                path: path.to_owned(),
                reason: "the file is read-only".into(),
            });
        }
        configure(&conn, path)?;

        let current: u32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| classify(path, e))?;
        let backup = if current > 0 && current < target {
            Some(backup_before_migration(&conn, path, current)?)
        } else {
            None
        };
        Migrations::from_slice(list).to_latest(&mut conn)?;
        // Give the query planner fresh statistics, cheaply (SQLite's advice
        // for connections that stay open): bounded sampling, only tables
        // whose statistics are missing or stale.
        conn.execute_batch("PRAGMA analysis_limit = 400; PRAGMA optimize = 0x10002;")?;
        Ok(Self {
            conn,
            path: Some(path.to_owned()),
            backup,
            capture: true,
        })
    }

    /// A fresh workspace in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Self> {
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        crate::rowset::register(&conn)?;
        migrations().to_latest(&mut conn)?;
        Ok(Self {
            conn,
            path: None,
            backup: None,
            capture: true,
        })
    }

    /// The workspace file (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The backup taken before this open migrated the file, if it did.
    pub fn backup_path(&self) -> Option<&Path> {
        self.backup.as_deref()
    }

    /// The connection, for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Writes without capturing their changes: only for the benchmark
    /// that compares a write with and without capture. A workspace written
    /// this way cannot give those changes to its other copies.
    #[doc(hidden)]
    pub fn without_capture_for_benchmarks(mut self) -> Self {
        self.capture = false;
        self
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<u32> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Runs `f` in one immediate transaction on behalf of `author` and
    /// commits it. Nothing is committed if `f` fails.
    pub fn write<T>(
        &mut self,
        author: &str,
        f: impl FnOnce(&mut Writer<'_>) -> Result<T>,
    ) -> Result<Committed<T>> {
        let capture = self.capture;
        self.write_with(author, capture, f)
    }

    /// A write whose changes are not captured: a merge, which stores the
    /// other copy's changes under their own stamps, and whose own effects
    /// (recomputed counters, the review) every copy works out for itself.
    pub(crate) fn write_uncaptured<T>(
        &mut self,
        author: &str,
        f: impl FnOnce(&mut Writer<'_>) -> Result<T>,
    ) -> Result<Committed<T>> {
        self.write_with(author, false, f)
    }

    fn write_with<T>(
        &mut self,
        author: &str,
        capture: bool,
        f: impl FnOnce(&mut Writer<'_>) -> Result<T>,
    ) -> Result<Committed<T>> {
        let author = author.trim();
        if author.is_empty() {
            return Err(Error::invalid("displayName", Rule::Required, None));
        }
        if author.chars().count() > AUTHOR_MAX {
            return Err(Error::invalid(
                "displayName",
                Rule::TooLong,
                Some(AUTHOR_MAX as u32),
            ));
        }
        // Every change to people's work is captured for merging copies of
        // the workspace (see `sync`): the session records the transaction.
        let capture = if capture {
            Some(Capture::start(&self.conn)?)
        } else {
            None
        };
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let now = time::now();
        let mut writer = Writer {
            conn: &self.conn,
            tx,
            capture,
            author: author.to_owned(),
            now,
            changes: Vec::new(),
            seen: std::collections::HashSet::new(),
            history: Vec::new(),
        };
        let value = f(&mut writer)?;
        let Writer {
            tx,
            changes,
            history,
            capture,
            ..
        } = writer;
        if let Some(capture) = capture {
            let now_ms = u64::try_from(now.timestamp_millis()).unwrap_or_default();
            capture.finish(&tx, author, now_ms, &history)?;
        }
        tx.commit()?;
        Ok(Committed { value, changes })
    }
}

/// The result of a committed write and what it changed.
#[derive(Debug)]
pub struct Committed<T> {
    /// What the write returned.
    pub value: T,
    /// One event per entity touched, in order.
    pub changes: Vec<ChangeEvent>,
}

/// A write in progress: the transaction, its author and its timestamp.
pub struct Writer<'a> {
    conn: &'a Connection,
    tx: Transaction<'a>,
    /// What the transaction does to the replicated tables, being recorded
    /// (none for an uncaptured write).
    capture: Option<Capture<'a>>,
    author: String,
    now: DateTime<Utc>,
    changes: Vec<ChangeEvent>,
    /// (entity, id, op) of the events in `changes`.
    seen: std::collections::HashSet<(&'static str, String, &'static str)>,
    /// The history entries this write recorded: they travel with its
    /// captured changes (cheaper than capturing the history table itself).
    history: Vec<HistoryRow>,
}

/// A history entry as it travels between copies of a workspace.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HistoryRow {
    /// Its identity (a UUID), the same on every copy.
    pub id: String,
    /// Entity kind.
    pub entity: String,
    /// Entity id.
    pub entity_id: String,
    /// What happened.
    pub op: String,
    /// The field, if one.
    pub field: Option<String>,
    /// Before.
    pub old: Option<String>,
    /// After.
    pub new: Option<String>,
    /// Who.
    pub author: String,
    /// When (stored text).
    pub at: String,
}

impl HistoryRow {
    /// Stores the entry unless it is already there.
    pub(crate) fn insert(&self, conn: &Connection) -> Result<()> {
        conn.prepare_cached(
            "INSERT OR IGNORE INTO history (id, entity, entity_id, op, field, old_value, new_value, author, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(rusqlite::params![
            self.id,
            self.entity,
            self.entity_id,
            self.op,
            self.field,
            self.old,
            self.new,
            self.author,
            self.at
        ])?;
        Ok(())
    }
}

impl Writer<'_> {
    /// Stores the changes recorded so far as one change of this copy, with
    /// their history, and records the rest afresh, all inside the same
    /// transaction. A bulk write (an import) calls it every few thousand
    /// rows so the recording it holds in memory stays bounded; nothing is
    /// committed before the write ends, so a failed or cancelled write
    /// still leaves none of its changes.
    pub(crate) fn checkpoint(&mut self) -> Result<()> {
        let Some(capture) = self.capture.take() else {
            return Ok(());
        };
        let now_ms = u64::try_from(self.now.timestamp_millis()).unwrap_or_default();
        capture.finish(&self.tx, &self.author, now_ms, &self.history)?;
        self.history.clear();
        self.capture = Some(Capture::start(self.conn)?);
        Ok(())
    }

    /// The transaction.
    pub fn tx(&self) -> &Transaction<'_> {
        &self.tx
    }

    /// The time stamped on everything this write touches.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// Who is writing.
    pub fn author(&self) -> &str {
        &self.author
    }

    /// Records one history entry and notes the change for the event feed.
    pub fn record(
        &mut self,
        entity: &'static str,
        id: &str,
        op: ChangeOp,
        field: Option<&str>,
        old: Option<&str>,
        new: Option<&str>,
    ) -> Result<()> {
        debug_assert!(
            field.is_none_or(|f| crate::history::is_known_field(entity, f)),
            "history records {entity}.{field:?}, which history::FIELDS does not list (so the UI has no label for it)"
        );
        let row = HistoryRow {
            id: uuid::Uuid::new_v4().to_string(),
            entity: entity.to_owned(),
            entity_id: id.to_owned(),
            op: op.as_str().to_owned(),
            field: field.map(str::to_owned),
            old: old.map(str::to_owned),
            new: new.map(str::to_owned),
            author: self.author.clone(),
            at: time::to_text(self.now),
        };
        row.insert(&self.tx)?;
        self.history.push(row);
        // One event per entity and op: a set, so a bulk write of many
        // entities does not rescan the list on every entry.
        if self.seen.insert((entity, id.to_owned(), op.as_str())) {
            self.changes.push(ChangeEvent::new(entity, id, op));
        }
        Ok(())
    }
}

/// Sets the connection pragmas every workspace runs with.
fn configure(conn: &Connection, path: &Path) -> Result<()> {
    let set = || -> rusqlite::Result<String> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Read through memory-mapped pages (shared with the OS file cache,
        // not private memory) and keep a modest private cache, so list
        // queries on large workspaces do not re-read pages through system
        // calls every time.
        conn.pragma_update(None, "mmap_size", MMAP_SIZE)?;
        conn.pragma_update(None, "cache_size", CACHE_KIB)?;
        crate::rowset::register(conn)?;
        Ok(mode)
    };
    let mode = set().map_err(|e| classify(path, e))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::NotWritable {
            path: path.to_owned(),
            reason: format!(
                "the file system does not support write-ahead logging (journal mode stays {mode})"
            ),
        });
    }
    Ok(())
}

/// Looks at an existing file without changing it. `None`: nothing there yet
/// (or an empty file, which SQLite treats as an empty database).
fn inspect(path: &Path) -> Result<Option<Inspection>> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(Error::NotWritable {
                path: path.to_owned(),
                reason: e.to_string(),
            })
        }
    };
    if meta.is_dir() {
        return Err(Error::IsAFolder {
            path: path.to_owned(),
            suggested: workspace_in_folder(path),
        });
    }
    if meta.len() == 0 {
        return Ok(None);
    }
    let mut header = [0u8; 16];
    let read = File::open(path).and_then(|mut f| f.read_exact(&mut header));
    if read.is_err() || &header != b"SQLite format 3\0" {
        return Err(Error::NotADatabase {
            path: path.to_owned(),
        });
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| classify(path, e))?;
    let look = || -> rusqlite::Result<Inspection> {
        Ok(Inspection {
            application_id: conn.pragma_query_value(None, "application_id", |r| r.get(0))?,
            user_version: conn.pragma_query_value(None, "user_version", |r| r.get(0))?,
            objects: conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?,
        })
    };
    look().map(Some).map_err(|e| classify(path, e))
}

/// Turns an SQLite failure while opening into the error a user can act on.
fn classify(path: &Path, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(SqliteCode::NotADatabase | SqliteCode::DatabaseCorrupt) => Error::NotADatabase {
            path: path.to_owned(),
        },
        Some(
            SqliteCode::CannotOpen
            | SqliteCode::ReadOnly
            | SqliteCode::PermissionDenied
            | SqliteCode::DiskFull
            | SqliteCode::SystemIoFailure,
        ) => Error::NotWritable {
            path: path.to_owned(),
            reason: e.to_string(),
        },
        _ => Error::Database(e),
    }
}

/// Copies the workspace next to itself with SQLite's backup API, named after
/// the schema version it holds, before a migration touches it.
fn backup_before_migration(conn: &Connection, path: &Path, version: u32) -> Result<PathBuf> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "workspace".into());
    let stamp = Utc::now().format("%Y%m%dT%H%M%SZ");
    let name = format!("{stem}.schema-v{version}.{stamp}.backup.db");
    let target = path.with_file_name(name);
    conn.backup(rusqlite::MAIN_DB, &target, None)
        .map_err(|e| Error::NotWritable {
            path: target.clone(),
            reason: format!("could not back up before upgrading: {e}"),
        })?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(migrations().validate().is_ok());
    }

    #[test]
    fn application_id_matches_the_first_migration() {
        let sql = include_str!("../migrations/0001_initial.sql");
        assert!(sql.contains(&format!("application_id = {APPLICATION_ID};")));
    }

    #[test]
    fn write_rejects_an_empty_author_and_commits_nothing() {
        let mut ws = Workspace::open_in_memory().unwrap();
        let err = ws.write("  ", |_| Ok(())).unwrap_err();
        assert_eq!(
            err.field_error(),
            Some(&crate::error::FieldError::new(
                "displayName",
                Rule::Required,
                None
            ))
        );
    }

    #[test]
    fn a_failed_write_rolls_back() {
        let mut ws = Workspace::open_in_memory().unwrap();
        let result: Result<Committed<()>> = ws.write("Mona", |w| {
            w.record("problem", "x", ChangeOp::Create, None, None, None)?;
            Err(Error::Conflict("stop".into()))
        });
        assert!(result.is_err());
        let n: u32 = ws
            .conn()
            .query_row("SELECT count(*) FROM history", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0);
    }
}

/// What the shell reports about the workspace it has (or failed to) open.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(
    tag = "state",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum WorkspaceStatus {
    /// The workspace is open.
    Open {
        /// The workspace file.
        path: String,
        /// Its file name, for titles.
        file_name: String,
        /// Its schema version.
        schema_version: u32,
        /// The backup taken before this open migrated it, if any.
        backup_path: Option<String>,
    },
    /// Opening failed; nothing was changed on disk.
    Failed {
        /// The file that could not be opened.
        path: String,
        /// Why.
        error: crate::error::ErrorPayload,
    },
}

impl WorkspaceStatus {
    /// The status of an open workspace.
    pub fn of(ws: &Workspace) -> Result<Self> {
        let path = ws.path().unwrap_or_else(|| Path::new(":memory:"));
        Ok(WorkspaceStatus::Open {
            path: path.display().to_string(),
            file_name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            schema_version: ws.schema_version()?,
            backup_path: ws.backup_path().map(|p| p.display().to_string()),
        })
    }

    /// The status after a failed open.
    pub fn failed(path: &Path, error: &Error) -> Self {
        WorkspaceStatus::Failed {
            path: path.display().to_string(),
            error: error.payload(),
        }
    }
}
