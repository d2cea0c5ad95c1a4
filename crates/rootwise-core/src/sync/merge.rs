//! Merging another copy's changes into this one.
//!
//! The rule, the same on every copy whatever order changes arrive in:
//!
//! - **Per column, the later stamp wins** (last writer wins by the hybrid
//!   logical clock). A column's stamp is that of the latest change in the
//!   change log that set it; changes older than the earliest one being
//!   merged cannot win against any of them, so only the log after that
//!   point is read.
//! - **A delete is a move to the trash and loses to a later edit**: a
//!   change that moves a row to the trash applies only if it is later
//!   than every change to the row (to a column people write, the trash's
//!   included; not `updated_at` or a counter, which change when something
//!   is added under the row: a report logged on a deleted problem is kept,
//!   the problem stays in the trash); an edit later than the move, by
//!   someone who had not received it, brings the row back out of the
//!   trash (so it is restorable, never gone). An edit made with the row in
//!   its author's trash (merging a duplicate problem moves its trashed
//!   actions along; each change says which rows it edited so) neither
//!   brings it back nor counts against a move to the trash. A
//!   move that applies sets the row's whole trash state (who, when, and
//!   what it went along with), not only the parts its change names.
//!   Rows removed outright (links such as tags, a cause an action
//!   addresses, a vote) are there or not by the later of their insert and
//!   their removal.
//! - **A row whose parent is missing** (never received) makes the whole
//!   file wait: it is refused, with nothing applied, until the changes it
//!   builds on are merged. A row added under a parent the other copy moved
//!   to the trash is kept and listed for review, with the parent one click
//!   from coming back.
//! - **Nothing is lost**: every value a merge overwrites, and every
//!   incoming value that lost, is listed in the review ([`super::review`])
//!   and written to history, with who wrote it.
//! - **Merging the same changes twice changes nothing**: a change whose
//!   stamp the log already holds is skipped.
//! - **Derived data** (counters, search documents, copies kept by
//!   triggers) is never taken from a change; it is recomputed for the rows
//!   the merge touched.
//!
//! A merge is one transaction: all of the file or none of it.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::hooks::Action;
use rusqlite::types::Value;
use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;

use super::changeset::{self, ops, table_columns, InTrash, Op};
use super::file::{self, Change, Manifest};
use super::hlc::Hlc;
use super::{derived_columns, entity_of, field_of, parents_of, REPLICATED, TRASH_COLUMNS};
use crate::change::{ChangeEvent, ChangeOp};
use crate::error::{Error, Result};
use crate::store::{Workspace, Writer};
use crate::{search, time};

/// What a merge did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MergeSummary {
    /// The copy the changes came from.
    pub from_replica: String,
    /// Its name, if it has one.
    pub from_name: String,
    /// Changes in the file.
    pub received: u32,
    /// Changes new to this copy, now applied.
    pub applied: u32,
    /// Changes this copy already had (a file merged twice).
    pub already_here: u32,
    /// Rows where a value was overwritten or an incoming value lost: each
    /// is listed in the review.
    pub overwritten: u32,
    /// Rows brought back from the trash by an edit made after the delete.
    pub restored: u32,
    /// Rows added under something the other copy moved to the trash.
    pub parent_deleted: u32,
}

/// A test hook: fail after applying this many changes, as a crash would
/// (the transaction rolls back).
#[doc(hidden)]
#[derive(Debug, Clone, Copy, Default)]
pub struct FailAfter(pub Option<usize>);

/// Merges the change file `bytes` into `ws` as `author` (the person
/// merging). Everything is checked first; then all of it applies, or
/// nothing does.
pub fn merge_file(ws: &mut Workspace, author: &str, bytes: &[u8]) -> Result<Merged> {
    merge_file_with(ws, author, bytes, FailAfter::default())
}

/// [`merge_file`] with a failure injected (tests only).
#[doc(hidden)]
pub fn merge_file_with(
    ws: &mut Workspace,
    author: &str,
    bytes: &[u8],
    fail: FailAfter,
) -> Result<Merged> {
    let me = super::replica(ws.conn())?;
    let (manifest, changes) = file::read(bytes, &me.workspace_id)?;
    let committed =
        ws.write_uncaptured(author, |w| merge_into(w, Some(&manifest), &changes, fail))?;
    Ok(Merged {
        summary: committed.value,
        changes: vec![ChangeEvent::new("workspace", "", ChangeOp::Update)],
    })
}

/// A committed merge: what it did and the change to announce.
#[derive(Debug)]
pub struct Merged {
    /// What it did.
    pub summary: MergeSummary,
    /// The change event for the shell (everything may have changed).
    pub changes: Vec<ChangeEvent>,
}

/// Who wrote a column, when, and what they had received then (`None`:
/// a change of this copy's own, made without any change being merged now).
#[derive(Debug, Clone)]
struct Stamp {
    hlc: Hlc,
    author: String,
    knew: Option<std::rc::Rc<BTreeMap<String, String>>>,
}

impl Stamp {
    /// Whether this change was made by someone who had received `other`.
    fn had_seen(&self, other: &Stamp) -> bool {
        self.hlc.replica == other.hlc.replica
            || self.knew.as_ref().is_some_and(|k| {
                k.get(&other.hlc.replica)
                    .is_some_and(|held| *held >= other.hlc.to_text())
            })
    }

    /// Whether the two were written without either author seeing the other.
    fn concurrent(&self, other: &Stamp) -> bool {
        !self.had_seen(other) && !other.had_seen(self)
    }
}

/// What the change log says about one row.
#[derive(Debug, Default, Clone)]
struct RowClock {
    /// The latest change that set each column, by column index.
    columns: HashMap<usize, Stamp>,
    /// The latest insert of the row.
    inserted: Option<Stamp>,
    /// The latest removal of the row outright.
    removed: Option<Stamp>,
    /// The latest change to the row a move to the trash (or a removal)
    /// must be later than: its insert, a move to or out of the trash, or an
    /// edit of a column people write made with the row out of the trash
    /// for its author. Not `updated_at` or a column the core derives: those
    /// change when something is added under the row (a report logged on a
    /// problem), which is no edit of the row itself, so an update brings
    /// the row back out of the trash only for the same columns (see
    /// `Merge::update`). Not an edit made in the trash (a trashed action
    /// moved along with its problem's duplicate): its author did not want
    /// the row back.
    live: Option<Stamp>,
}

impl RowClock {
    /// See `live`.
    fn latest(&self) -> Option<&Stamp> {
        self.live.as_ref()
    }
}

fn later(slot: &mut Option<Stamp>, stamp: &Stamp) {
    if slot.as_ref().is_none_or(|s| stamp.hlc > s.hlc) {
        *slot = Some(stamp.clone());
    }
}

/// A row's identity across tables.
type RowKey = (String, String);

fn row_key(table: &str, key: &[Value]) -> RowKey {
    (
        table.to_owned(),
        key.iter()
            .map(|v| format!("{v:?}"))
            .collect::<Vec<_>>()
            .join("\u{1f}"),
    )
}

/// The clocks of every row the change log touched after a point.
#[derive(Default)]
struct Clocks {
    rows: HashMap<RowKey, RowClock>,
}

impl Clocks {
    /// Notes what a change did to each row it touched (`in_trash`: the
    /// rows it edited in the trash; `columns`: each table's columns).
    fn note(
        &mut self,
        ops: &[Op],
        stamp: &Stamp,
        in_trash: &InTrash,
        columns: &HashMap<String, Vec<String>>,
    ) {
        for op in ops {
            let clock = self.rows.entry(row_key(&op.table, &op.key())).or_default();
            match op.code {
                Action::SQLITE_INSERT => {
                    later(&mut clock.inserted, stamp);
                    later(&mut clock.live, stamp);
                }
                Action::SQLITE_DELETE => later(&mut clock.removed, stamp),
                _ => {}
            }
            if op.code == Action::SQLITE_DELETE {
                continue;
            }
            let names = columns.get(&op.table);
            let derived = derived_columns(&op.table);
            let edited_in_trash = changeset::names(in_trash, op);
            for (c, v) in op.new.iter().enumerate() {
                if v.is_none() || op.pk.get(c).copied().unwrap_or(false) {
                    continue;
                }
                let slot = clock.columns.entry(c).or_insert_with(|| stamp.clone());
                if stamp.hlc > slot.hlc {
                    *slot = stamp.clone();
                }
                let name = names.and_then(|n| n.get(c)).map_or("", String::as_str);
                let people_write =
                    !name.is_empty() && name != "updated_at" && !derived.contains(&name);
                if people_write && (!edited_in_trash || TRASH_COLUMNS.contains(&name)) {
                    later(&mut clock.live, stamp);
                }
            }
        }
    }
}

/// The work of one merge.
struct Merge {
    /// Columns per table.
    columns: HashMap<String, Vec<String>>,
    clocks: Clocks,
    summary: MergeSummary,
    /// Problems and causes whose derived data must be recomputed.
    touched_problems: BTreeSet<String>,
    touched_whys: BTreeSet<String>,
    /// Analyses moved to or out of the trash here: their causes' search
    /// documents follow them.
    touched_analyses: BTreeSet<String>,
    touched_actions: BTreeSet<String>,
    /// Review rows to write: one per row and losing change.
    review: Vec<ReviewRow>,
}

/// One review entry being gathered.
#[derive(Debug)]
struct ReviewRow {
    kind: &'static str,
    entity: &'static str,
    entity_id: String,
    table: String,
    /// (field, value lost, value kept)
    fields: Vec<(String, Option<String>, Option<String>)>,
    /// The columns to set to bring the lost version back.
    columns: BTreeMap<String, serde_json::Value>,
    /// Who wrote what lost, and when.
    lost: Who,
    /// Who wrote what was kept, and when.
    kept: Who,
}

/// An author and a time (as stored text), for the review.
#[derive(Debug, Default)]
struct Who {
    author: String,
    at: String,
}

impl From<Option<&Stamp>> for Who {
    fn from(stamp: Option<&Stamp>) -> Self {
        let Some(s) = stamp else {
            return Self::default();
        };
        Self {
            author: s.author.clone(),
            at: i64::try_from(s.hlc.wall_ms)
                .ok()
                .and_then(chrono::DateTime::from_timestamp_millis)
                .map(time::to_text)
                .unwrap_or_default(),
        }
    }
}

/// Merges `changes` inside the write `w`. `peer`: the change file they
/// came in, whose copy is remembered as a peer (none for a team hub's).
pub(crate) fn merge_into(
    w: &mut Writer<'_>,
    peer: Option<&Manifest>,
    changes: &[Change],
    fail: FailAfter,
) -> Result<MergeSummary> {
    let tx = w.tx();
    // A child may come before its parent inside one file: check the
    // references once everything is in.
    tx.pragma_update(None, "defer_foreign_keys", "ON")?;
    let mut merge = Merge {
        columns: HashMap::new(),
        clocks: Clocks::default(),
        summary: MergeSummary {
            from_replica: peer.map(|m| m.replica_id.clone()).unwrap_or_default(),
            from_name: peer.map(|m| m.name.clone()).unwrap_or_default(),
            received: u32::try_from(changes.len()).unwrap_or(u32::MAX),
            ..MergeSummary::default()
        },
        touched_problems: BTreeSet::new(),
        touched_whys: BTreeSet::new(),
        touched_analyses: BTreeSet::new(),
        touched_actions: BTreeSet::new(),
        review: Vec::new(),
    };
    for table in REPLICATED {
        merge
            .columns
            .insert((*table).to_owned(), table_columns(tx, table)?);
    }

    // Only the changes this copy does not have yet, oldest first.
    let mut fresh: Vec<&Change> = Vec::new();
    {
        let mut known = tx.prepare_cached("SELECT 1 FROM change_log WHERE hlc = ?1")?;
        for change in changes {
            if known.exists([change.hlc.to_text()])? {
                merge.summary.already_here += 1;
            } else {
                fresh.push(change);
            }
        }
    }
    fresh.sort_by(|a, b| a.hlc.cmp(&b.hlc));
    if let Some(first) = fresh.first() {
        // What can win against a new change (the log after the earliest of
        // them) and what was written without their authors seeing it (for
        // each copy, its changes after the least any of them had received).
        let mut bounds: BTreeMap<String, String> = fresh[0].knew.clone();
        for change in &fresh[1..] {
            bounds.retain(|copy, least| match change.knew.get(copy) {
                Some(held) => {
                    if held < least {
                        least.clone_from(held);
                    }
                    true
                }
                None => false,
            });
        }
        let bounds = serde_json::to_string(&bounds).map_err(|e| Error::Internal(e.to_string()))?;
        let mut stmt = tx.prepare(
            "SELECT hlc, author, changeset, knew, in_trash FROM change_log
             WHERE hlc > ?1 OR hlc > coalesce(json_extract(?2, '$.\"' || replica_id || '\"'), '')",
        )?;
        let rows = stmt.query_map(rusqlite::params![first.hlc.to_text(), bounds], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Vec<u8>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?;
        for row in rows {
            let (hlc, author, bytes, knew, in_trash) = row?;
            let in_trash: InTrash = in_trash
                .map(|t| serde_json::from_str(&t))
                .transpose()
                .map_err(|e| Error::Internal(format!("a change's context cannot be read: {e}")))?
                .unwrap_or_default();
            let knew = knew
                .map(|k| serde_json::from_str(&k).map(std::rc::Rc::new))
                .transpose()
                .map_err(|e| Error::Internal(format!("a change's context cannot be read: {e}")))?;
            let stamp = Stamp {
                hlc: Hlc::parse(&hlc)?,
                author,
                knew,
            };
            merge
                .clocks
                .note(&ops(&bytes)?, &stamp, &in_trash, &merge.columns);
        }
    }

    for (n, change) in fresh.iter().enumerate() {
        if fail.0 == Some(n) {
            return Err(Error::Internal("merge stopped on purpose (test)".into()));
        }
        let stamp = Stamp {
            hlc: change.hlc.clone(),
            author: change.author.clone(),
            knew: Some(std::rc::Rc::new(change.knew.clone())),
        };
        let mut ops = ops(&change.changeset)?;
        // Parents before children; removals children first.
        let order = |t: &str| {
            REPLICATED
                .iter()
                .position(|r| *r == t)
                .unwrap_or(usize::MAX)
        };
        ops.sort_by_key(|op| {
            let at = order(&op.table);
            if op.code == Action::SQLITE_DELETE {
                usize::MAX - at
            } else {
                at
            }
        });
        for op in &ops {
            if REPLICATED.contains(&op.table.as_str()) && !op.indirect {
                let in_trash = changeset::names(&change.in_trash, op);
                merge.apply(w, op, &stamp, in_trash)?;
            }
        }
        merge
            .clocks
            .note(&ops, &stamp, &change.in_trash, &merge.columns);
        w.tx()
            .prepare_cached(
                "INSERT INTO change_log (hlc, replica_id, author, changeset, knew, history, in_trash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(rusqlite::params![
                change.hlc.to_text(),
                change.hlc.replica,
                change.author,
                change.changeset,
                serde_json::to_string(&change.knew).map_err(|e| Error::Internal(e.to_string()))?,
                if change.history.is_empty() {
                    None
                } else {
                    Some(
                        serde_json::to_string(&change.history)
                            .map_err(|e| Error::Internal(e.to_string()))?,
                    )
                },
                if change.in_trash.is_empty() {
                    None
                } else {
                    Some(
                        serde_json::to_string(&change.in_trash)
                            .map_err(|e| Error::Internal(e.to_string()))?,
                    )
                }
            ])?;
        for entry in &change.history {
            entry.insert(w.tx())?;
        }
        merge.summary.applied += 1;
    }

    missing_parents(w.tx())?;
    for analysis in &merge.touched_analyses {
        let mut stmt = w
            .tx()
            .prepare_cached("SELECT id FROM why_nodes WHERE analysis_id = ?1")?;
        let ids = stmt.query_map([analysis], |r| r.get::<_, String>(0))?;
        for id in ids {
            merge.touched_whys.insert(id?);
        }
    }
    refresh_derived(
        w,
        &merge.touched_problems,
        &merge.touched_actions,
        &merge.touched_whys,
    )?;
    merge.write_review(w)?;
    if let Some(manifest) = peer {
        super::copy::note_peer(
            w.tx(),
            &manifest.replica_id,
            &manifest.name,
            &manifest.holds,
            w.now(),
        )?;
    }
    w.tx().pragma_update(None, "defer_foreign_keys", "OFF")?;
    Ok(merge.summary)
}

/// Refuses the merge when a row names a parent this copy does not have.
fn missing_parents(tx: &rusqlite::Transaction<'_>) -> Result<()> {
    let mut stmt = tx.prepare("SELECT \"table\", parent FROM pragma_foreign_key_check")?;
    let missing: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if let Some((table, parent)) = missing.first() {
        return Err(Error::ChangeFileNeedsEarlier {
            reason: format!(
                "a row of {table} names a row of {parent} this copy has not received ({} in all)",
                missing.len()
            ),
        });
    }
    Ok(())
}

/// A value as history shows it.
fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::Integer(i) => Some(i.to_string()),
        Value::Real(f) => Some(f.to_string()),
        Value::Text(t) => Some(t.clone()),
        Value::Blob(b) => Some(format!("({} bytes)", b.len())),
    }
}

/// A value as the review stores it to bring it back.
fn as_json(value: &Value) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Integer(i) => (*i).into(),
        Value::Real(f) => (*f).into(),
        Value::Text(t) => t.clone().into(),
        Value::Blob(_) => serde_json::Value::Null,
    }
}

impl Merge {
    /// Applies one row change (`in_trash`: made with the row in the trash
    /// for its author).
    fn apply(&mut self, w: &Writer<'_>, op: &Op, stamp: &Stamp, in_trash: bool) -> Result<()> {
        let Some(columns) = self.columns.get(&op.table).cloned() else {
            return Ok(());
        };
        if columns.len() != op.pk.len() {
            return Err(Error::ChangeFileDamaged {
                reason: format!("its changes to {} do not fit this workspace", op.table),
            });
        }
        let key = op.key();
        let where_sql = op
            .pk
            .iter()
            .enumerate()
            .filter(|(_, p)| **p)
            .map(|(i, _)| format!("\"{}\" = ?", columns[i]))
            .collect::<Vec<_>>()
            .join(" AND ");
        let current: Option<Vec<Value>> = {
            let sql = format!(
                "SELECT {} FROM \"{}\" WHERE {where_sql}",
                columns
                    .iter()
                    .map(|c| format!("\"{c}\""))
                    .collect::<Vec<_>>()
                    .join(", "),
                op.table
            );
            w.tx()
                .prepare_cached(&sql)?
                .query_row(rusqlite::params_from_iter(key.iter()), |r| {
                    (0..columns.len()).map(|i| r.get::<_, Value>(i)).collect()
                })
                .optional()?
        };
        self.touch(op, &columns, current.as_deref());
        let rk = row_key(&op.table, &key);
        match (op.code, current) {
            (Action::SQLITE_INSERT, None) => {
                let clock = self.clocks.rows.get(&rk);
                if clock
                    .and_then(|c| c.removed.as_ref())
                    .is_some_and(|r| r.hlc > stamp.hlc)
                {
                    return Ok(()); // removed later on this side
                }
                let sql = format!(
                    "INSERT INTO \"{}\" ({}) VALUES ({})",
                    op.table,
                    columns
                        .iter()
                        .map(|c| format!("\"{c}\""))
                        .collect::<Vec<_>>()
                        .join(", "),
                    vec!["?"; columns.len()].join(", ")
                );
                let values: Vec<Value> = op
                    .new
                    .iter()
                    .map(|v| v.clone().unwrap_or(Value::Null))
                    .collect();
                w.tx()
                    .prepare_cached(&sql)?
                    .execute(rusqlite::params_from_iter(values.iter()))?;
                self.parent_in_trash(w, op, &columns)?;
            }
            (Action::SQLITE_INSERT | Action::SQLITE_UPDATE, Some(current)) => {
                self.update(w, op, stamp, in_trash, &columns, &current, &where_sql, &key)?;
            }
            (Action::SQLITE_UPDATE, None) => {
                // Removed here: only link rows are removed outright. A list
                // written again (a problem's references: all removed, the
                // new ones inserted) reaches the changeset as an update of
                // the rows whose key stays, so an update is a new insert of
                // the row: later than the removal, the row is back, with
                // the columns it sets (a link row's other columns are its
                // key). Anything else is a row this copy never received.
                let removed = self
                    .clocks
                    .rows
                    .get(&rk)
                    .and_then(|c| c.removed.as_ref())
                    .map(|r| r.hlc.clone());
                match removed {
                    Some(at) if stamp.hlc > at => {
                        let known: Vec<(usize, Value)> = (0..columns.len())
                            .filter_map(|i| {
                                op.new
                                    .get(i)
                                    .cloned()
                                    .flatten()
                                    .or_else(|| op.pk[i].then(|| op.old[i].clone()).flatten())
                                    .map(|v| (i, v))
                            })
                            .collect();
                        let sql = format!(
                            "INSERT INTO \"{}\" ({}) VALUES ({})",
                            op.table,
                            known
                                .iter()
                                .map(|(i, _)| format!("\"{}\"", columns[*i]))
                                .collect::<Vec<_>>()
                                .join(", "),
                            vec!["?"; known.len()].join(", ")
                        );
                        w.tx()
                            .prepare_cached(&sql)?
                            .execute(rusqlite::params_from_iter(known.iter().map(|(_, v)| v)))?;
                    }
                    Some(_) => {}
                    None if entity_of(&op.table).is_some() => {
                        return Err(Error::ChangeFileNeedsEarlier {
                            reason: format!(
                                "it edits a row of {} this copy has not received",
                                op.table
                            ),
                        });
                    }
                    None => {}
                }
            }
            (Action::SQLITE_DELETE, Some(_)) => {
                let clock = self.clocks.rows.get(&rk);
                if clock
                    .and_then(|c| c.latest())
                    .is_none_or(|l| stamp.hlc > l.hlc)
                {
                    let sql = format!("DELETE FROM \"{}\" WHERE {where_sql}", op.table);
                    w.tx()
                        .prepare_cached(&sql)?
                        .execute(rusqlite::params_from_iter(key.iter()))?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Notes the problems, causes and actions whose derived data the
    /// change touches: the one the row names after the change, the one it
    /// named before on the copy that made it, and the one it names here
    /// now (a report moved to another problem leaves this copy's problem,
    /// which may not be the one it left on the other copy).
    fn touch(&mut self, op: &Op, columns: &[String], current: Option<&[Value]>) {
        let (set, column) = match op.table.as_str() {
            "problems" => (&mut self.touched_problems, "id"),
            "occurrences" | "problem_tags" | "problem_refs" => {
                (&mut self.touched_problems, "problem_id")
            }
            "why_nodes" => (&mut self.touched_whys, "id"),
            "why_evidence" => (&mut self.touched_whys, "why_id"),
            "analyses" => (&mut self.touched_analyses, "id"),
            "actions" => (&mut self.touched_actions, "id"),
            _ => return,
        };
        let Some(i) = columns.iter().position(|c| c == column) else {
            return;
        };
        let values = [
            op.new.get(i).and_then(Option::as_ref),
            op.old.get(i).and_then(Option::as_ref),
            current.and_then(|row| row.get(i)),
        ];
        for value in values.into_iter().flatten() {
            if let Value::Text(id) = value {
                set.insert(id.clone());
            }
        }
    }

    /// The per-column rule on a row this copy has.
    #[allow(clippy::too_many_arguments)]
    fn update(
        &mut self,
        w: &Writer<'_>,
        op: &Op,
        stamp: &Stamp,
        in_trash: bool,
        columns: &[String],
        current: &[Value],
        where_sql: &str,
        key: &[Value],
    ) -> Result<()> {
        let rk = row_key(&op.table, key);
        let derived = derived_columns(&op.table);
        let index_of = |name: &str| columns.iter().position(|c| c == name);
        let deleted_at = index_of("deleted_at");
        let clock = self.clocks.rows.get(&rk).cloned();
        let clock = clock.as_ref();
        let column_clock = |c: usize| clock.and_then(|k| k.columns.get(&c));

        let incoming_delete = deleted_at
            .and_then(|i| op.new.get(i).cloned().flatten())
            .is_some_and(|v| v != Value::Null);
        let mut sets: Vec<(usize, Value)> = Vec::new();
        // Columns where this side's value is overwritten / the incoming one lost.
        let mut overwritten: Vec<usize> = Vec::new();
        let mut lost: Vec<usize> = Vec::new();
        let mut edits_content = false;
        for (c, new) in op.new.iter().enumerate() {
            let Some(new) = new else { continue };
            let name = columns[c].as_str();
            if op.pk[c] || derived.contains(&name) {
                continue;
            }
            let is_trash = TRASH_COLUMNS.contains(&name);
            if is_trash && incoming_delete {
                continue; // judged below, against the whole row
            }
            let wins = column_clock(c).is_none_or(|l| stamp.hlc > l.hlc);
            if wins {
                if !is_trash && name != "updated_at" {
                    edits_content = true;
                }
                if current[c] != *new {
                    sets.push((c, new.clone()));
                    if column_clock(c).is_some_and(|l| l.concurrent(stamp)) {
                        overwritten.push(c);
                    }
                }
            } else if current[c] != *new && column_clock(c).is_some_and(|l| l.concurrent(stamp)) {
                lost.push(c);
            }
        }

        // Set when an edit brings the row back: who had deleted it.
        let mut restored_by: Option<Who> = None;
        if incoming_delete {
            // A move to the trash applies only if later than every change to the row.
            let later_edit = clock.and_then(|c| c.latest()).filter(|l| l.hlc > stamp.hlc);
            match later_edit {
                None => {
                    // The row's whole trash state becomes the mover's: a
                    // trash column the change leaves out was empty on its
                    // live row (a cause deleted by itself was deleted with
                    // nothing), whatever an earlier delete here put there.
                    for name in TRASH_COLUMNS {
                        if let Some(i) = index_of(name) {
                            let v = op.new.get(i).cloned().flatten().unwrap_or(Value::Null);
                            sets.push((i, v));
                        }
                    }
                }
                Some(edit) => {
                    if current
                        .get(deleted_at.unwrap_or(usize::MAX))
                        .is_some_and(|v| *v == Value::Null)
                    {
                        let edit = edit.clone();
                        self.note_restored(op, key, Some(stamp).into(), Some(&edit).into());
                    }
                }
            }
        } else if edits_content && !in_trash {
            // An edit later than the move to the trash, made with the row
            // out of the trash by someone who had not received the move,
            // brings the row back. An edit made with the row in its
            // author's trash (merging a duplicate problem moves its
            // trashed actions along) leaves it where it is here, whoever
            // put it there. (A move to the trash older than the log read
            // here was received by every author of the changes merged.)
            if let Some(i) = deleted_at {
                let trashed_here = current[i] != Value::Null;
                let delete_clock = column_clock(i);
                if trashed_here
                    && delete_clock.is_some_and(|d| stamp.hlc > d.hlc && !stamp.had_seen(d))
                    && !sets.iter().any(|(c, _)| *c == i)
                {
                    for name in TRASH_COLUMNS {
                        if let Some(j) = index_of(name) {
                            sets.retain(|(c, _)| *c != j);
                            sets.push((j, Value::Null));
                        }
                    }
                    // Who deleted it, as the trash recorded it.
                    let by = index_of("deleted_by").and_then(|j| as_text(&current[j]));
                    restored_by = Some(Who {
                        author: by.unwrap_or_default(),
                        at: as_text(&current[i]).unwrap_or_default(),
                    });
                }
            }
        }
        if let Some(deleter) = restored_by {
            self.note_restored(op, key, deleter, Some(stamp).into());
        }

        if !sets.is_empty() {
            let sql = format!(
                "UPDATE \"{}\" SET {} WHERE {where_sql}",
                op.table,
                sets.iter()
                    .map(|(c, _)| format!("\"{}\" = ?", columns[*c]))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let params: Vec<&Value> = sets.iter().map(|(_, v)| v).chain(key.iter()).collect();
            w.tx()
                .prepare_cached(&sql)?
                .execute(rusqlite::params_from_iter(params))?;
        }

        // The review: what this side had and lost, and what arrived and lost.
        if !overwritten.is_empty() {
            let kept_by = stamp.clone();
            let lost_by = overwritten
                .iter()
                .filter_map(|c| column_clock(*c))
                .max_by(|a, b| a.hlc.cmp(&b.hlc))
                .cloned();
            let pairs: Vec<(usize, Value, Value)> = overwritten
                .iter()
                .map(|c| {
                    (
                        *c,
                        current[*c].clone(),
                        op.new[*c].clone().unwrap_or(Value::Null),
                    )
                })
                .collect();
            self.note_overwritten(op, key, columns, &pairs, lost_by.as_ref(), Some(&kept_by));
        }
        if !lost.is_empty() {
            let kept_by = lost
                .iter()
                .filter_map(|c| column_clock(*c))
                .max_by(|a, b| a.hlc.cmp(&b.hlc))
                .cloned();
            let pairs: Vec<(usize, Value, Value)> = lost
                .iter()
                .map(|c| {
                    (
                        *c,
                        op.new[*c].clone().unwrap_or(Value::Null),
                        current[*c].clone(),
                    )
                })
                .collect();
            self.note_overwritten(op, key, columns, &pairs, Some(stamp), kept_by.as_ref());
        }
        Ok(())
    }

    /// Adds a review entry for values that lost: (column, lost, kept).
    fn note_overwritten(
        &mut self,
        op: &Op,
        key: &[Value],
        columns: &[String],
        pairs: &[(usize, Value, Value)],
        lost: Option<&Stamp>,
        kept: Option<&Stamp>,
    ) {
        let Some((entity, _)) = entity_of(&op.table) else {
            return;
        };
        let fields: Vec<(String, Option<String>, Option<String>)> = pairs
            .iter()
            .filter_map(|(c, l, k)| {
                field_of(entity, &columns[*c]).map(|f| (f, as_text(l), as_text(k)))
            })
            .collect();
        if fields.is_empty() {
            return;
        }
        let restore: BTreeMap<String, serde_json::Value> = pairs
            .iter()
            .filter(|(c, _, _)| columns[*c] != "updated_at")
            .map(|(c, l, _)| (columns[*c].clone(), as_json(l)))
            .collect();
        self.review.push(ReviewRow {
            kind: "overwritten",
            entity,
            entity_id: key.first().and_then(as_text).unwrap_or_default(),
            table: op.table.clone(),
            fields,
            columns: restore,
            lost: lost.into(),
            kept: kept.into(),
        });
        self.summary.overwritten += 1;
    }

    /// Adds a review entry for a row that stayed out of the trash (or came
    /// back out of it) because it was edited after the delete.
    fn note_restored(&mut self, op: &Op, key: &[Value], deleter: Who, editor: Who) {
        let Some((entity, _)) = entity_of(&op.table) else {
            return;
        };
        self.review.push(ReviewRow {
            kind: "restored",
            entity,
            entity_id: key.first().and_then(as_text).unwrap_or_default(),
            table: op.table.clone(),
            fields: Vec::new(),
            columns: BTreeMap::new(),
            lost: deleter,
            kept: editor,
        });
        self.summary.restored += 1;
    }

    /// Lists a row just added whose parent is in the trash here.
    fn parent_in_trash(&mut self, w: &Writer<'_>, op: &Op, columns: &[String]) -> Result<()> {
        let Some((entity, _)) = entity_of(&op.table) else {
            return Ok(());
        };
        for (column, parent_table) in parents_of(&op.table) {
            let Some(i) = columns.iter().position(|c| c == column) else {
                continue;
            };
            let Some(Value::Text(parent_id)) = op.new.get(i).cloned().flatten() else {
                continue;
            };
            let trashed: Option<(Option<String>, Option<String>)> = w
                .tx()
                .prepare_cached(&format!(
                    "SELECT deleted_at, deleted_by FROM \"{parent_table}\" WHERE id = ?1"
                ))?
                .query_row([&parent_id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            if let Some((Some(at), by)) = trashed {
                let (parent_entity, _) = entity_of(parent_table).unwrap_or(("", ""));
                let mut restore = BTreeMap::new();
                restore.insert("entity".to_owned(), parent_entity.into());
                restore.insert("id".to_owned(), parent_id.clone().into());
                self.review.push(ReviewRow {
                    kind: "parent_deleted",
                    entity,
                    entity_id: op.key().first().and_then(as_text).unwrap_or_default(),
                    table: op.table.clone(),
                    fields: Vec::new(),
                    columns: restore,
                    lost: Who {
                        author: by.unwrap_or_default(),
                        at,
                    },
                    kept: Who::default(),
                });
                self.summary.parent_deleted += 1;
            }
            // The nearest parent named decides.
            break;
        }
        Ok(())
    }

    /// Writes the review entries, and a history entry for every value lost.
    fn write_review(&self, w: &Writer<'_>) -> Result<()> {
        let now = time::to_text(w.now());
        for row in &self.review {
            let fields: Vec<serde_json::Value> = row
                .fields
                .iter()
                .map(|(f, l, k)| serde_json::json!({ "field": f, "lost": l, "kept": k }))
                .collect();
            w.tx().execute(
                "INSERT INTO merge_review (merged_at, kind, entity, entity_id, tbl, fields, columns,
                    lost_author, lost_at, kept_author, kept_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                rusqlite::params![
                    now,
                    row.kind,
                    row.entity,
                    row.entity_id,
                    row.table,
                    serde_json::Value::Array(fields).to_string(),
                    serde_json::to_string(&row.columns)
                        .map_err(|e| Error::Internal(e.to_string()))?,
                    row.lost.author,
                    row.lost.at,
                    row.kept.author,
                    row.kept.at,
                ],
            )?;
            // History: the value that lost, replaced by the one kept, by
            // whoever wrote the one kept.
            for (field, lost, kept) in &row.fields {
                w.tx().execute(
                    "INSERT INTO history (id, entity, entity_id, op, field, old_value, new_value, author, at)
                     VALUES (?1, ?2, ?3, 'update', ?4, ?5, ?6, ?7, ?8)",
                    rusqlite::params![
                        uuid::Uuid::new_v4().to_string(),
                        row.entity,
                        row.entity_id,
                        field,
                        lost,
                        kept,
                        row.kept.author,
                        now
                    ],
                )?;
            }
        }
        Ok(())
    }
}

/// Recomputes what the core derives (counters, copies, search documents)
/// for the problems, actions and causes given.
pub(crate) fn refresh_derived(
    w: &Writer<'_>,
    problems: &BTreeSet<String>,
    actions: &BTreeSet<String>,
    whys: &BTreeSet<String>,
) -> Result<()> {
    for id in problems {
        // Statements cached: a merge refreshes thousands of problems.
        let live: Option<bool> = w
            .tx()
            .prepare_cached("SELECT deleted_at IS NULL FROM problems WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        let Some(live) = live else { continue };
        let problem = id.parse()?;
        crate::problem::occurrence::refresh_stats(w, problem)?;
        w.tx()
            .prepare_cached(
                "UPDATE problem_tags SET deleted_at = p.deleted_at, reported_on = p.reported_on,
                    status_rank = p.status_rank, severity_rank = p.severity_rank, channel = p.channel, owner = p.owner
                 FROM problems p WHERE p.id = ?1 AND problem_tags.problem_id = ?1",
            )?
            .execute([id])?;
        w.tx()
            .prepare_cached(
                "UPDATE actions SET problem_trashed = (SELECT deleted_at IS NOT NULL FROM problems WHERE id = ?1)
                 WHERE problem_id = ?1",
            )?
            .execute([id])?;
        if live {
            crate::problem::write::reindex(w, problem)?;
        } else {
            let rowid: i64 = w
                .tx()
                .prepare_cached("SELECT rowid FROM problems WHERE id = ?1")?
                .query_row([id], |r| r.get(0))?;
            search::remove(w, search::PROBLEMS, rowid)?;
        }
    }
    for id in actions {
        w.tx().execute(
            "UPDATE actions SET problem_trashed =
                (SELECT deleted_at IS NOT NULL FROM problems WHERE id = actions.problem_id)
             WHERE id = ?1",
            [id],
        )?;
    }
    for id in whys {
        // A cause is searchable while it and its analysis are live (as
        // deleting and restoring an analysis leave it).
        let row: Option<(i64, bool)> = w
            .tx()
            .prepare_cached(
                "SELECT n.rowid, n.deleted_at IS NULL AND a.deleted_at IS NULL
                 FROM why_nodes n JOIN analyses a ON a.id = n.analysis_id WHERE n.id = ?1",
            )?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        match row {
            Some((_, true)) => crate::analysis::write::reindex(w, id.parse()?)?,
            Some((rowid, false)) => search::remove(w, search::WHYS, rowid)?,
            None => {}
        }
    }
    Ok(())
}
