//! A changeset read into plain values: the row changes SQLite's session
//! extension recorded, as the merge and the capture look at them.

use rusqlite::fallible_streaming_iterator::FallibleStreamingIterator;
use rusqlite::hooks::Action;
use rusqlite::session::ChangesetIter;
use rusqlite::types::{Value, ValueRef};
use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::{Connection, OptionalExtension};

use super::derived_columns;
use crate::error::{Error, Result};

/// One row change of a changeset, with owned values.
#[derive(Debug)]
pub(crate) struct Op {
    pub(crate) table: String,
    pub(crate) code: Action,
    pub(crate) indirect: bool,
    /// Which columns are the primary key.
    pub(crate) pk: Vec<bool>,
    /// Values before (update, delete); `None` where not recorded.
    pub(crate) old: Vec<Option<Value>>,
    /// Values after (insert, update); `None` where not set.
    pub(crate) new: Vec<Option<Value>>,
}

impl Op {
    /// The primary key's values.
    pub(crate) fn key(&self) -> Vec<Value> {
        self.pk
            .iter()
            .enumerate()
            .filter(|(_, is_pk)| **is_pk)
            .filter_map(|(i, _)| {
                self.old
                    .get(i)
                    .cloned()
                    .flatten()
                    .or_else(|| self.new.get(i).cloned().flatten())
            })
            .collect()
    }
}

/// Reads a changeset's row changes.
pub(crate) fn ops(changeset: &[u8]) -> Result<Vec<Op>> {
    ops_where(changeset, |_| true)
}

/// The row changes of `changeset` whose kind `keep` accepts (the others
/// are skipped before their values are read).
pub(crate) fn ops_where(changeset: &[u8], keep: impl Fn(Action) -> bool) -> Result<Vec<Op>> {
    let mut input: &[u8] = changeset;
    let reader: &mut dyn std::io::Read = &mut input;
    let mut iter = ChangesetIter::start_strm(&reader)?;
    let mut out = Vec::new();
    while let Some(item) = iter.next()? {
        let op = item.op()?;
        let code = op.code();
        if !keep(code) {
            continue;
        }
        let columns = usize::try_from(op.number_of_columns()).unwrap_or_default();
        let pk: Vec<bool> = item.pk()?.iter().map(|b| *b != 0).collect();
        let owned = |v: rusqlite::Result<ValueRef<'_>>| -> Result<Option<Value>> {
            match v {
                Err(_) => Ok(None),
                Ok(r) => Value::try_from(r)
                    .map(Some)
                    .map_err(|_| Error::ChangeFileDamaged {
                        reason: "a change holds text that is not UTF-8".into(),
                    }),
            }
        };
        let old = (0..columns)
            .map(|c| {
                if code == Action::SQLITE_INSERT {
                    Ok(None)
                } else {
                    owned(item.old_value(c))
                }
            })
            .collect::<Result<_>>()?;
        let new = (0..columns)
            .map(|c| {
                if code == Action::SQLITE_DELETE {
                    Ok(None)
                } else {
                    owned(item.new_value(c))
                }
            })
            .collect::<Result<_>>()?;
        out.push(Op {
            table: op.table_name().to_owned(),
            code,
            indirect: op.indirect(),
            pk,
            old,
            new,
        });
    }
    Ok(out)
}

/// A table's columns as a changeset numbers them (generated columns are
/// not part of a changeset).
pub(crate) fn table_columns(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT name, hidden FROM pragma_table_xinfo(?1)")?;
    let rows = stmt.query_map([table], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (name, hidden) = row?;
        if hidden == 0 {
            out.push(name);
        }
    }
    Ok(out)
}

/// The rows a change edited while they were in the trash for its author,
/// per table (the rows' ids). Such an edit (merging a duplicate problem
/// moves its trashed actions along) is no sign that its author wanted the
/// row back, so a merge neither lets it bring the row out of the trash nor
/// counts it against a move to the trash (see [`super::merge`]). Known only
/// where the change was made, so it travels with the change.
pub type InTrash = BTreeMap<String, BTreeSet<String>>;

/// Which rows the row changes `ops`, just made on `conn`, edited in the
/// trash: updates that leave the trash's columns alone, of rows that are in
/// it.
pub(crate) fn edited_in_trash(conn: &Connection, ops: &[Op]) -> Result<InTrash> {
    let mut out = InTrash::new();
    let mut trash_column: HashMap<&str, Option<usize>> = HashMap::new();
    for op in ops {
        if op.code != Action::SQLITE_UPDATE {
            continue;
        }
        let at = match trash_column.get(op.table.as_str()) {
            Some(at) => *at,
            None => {
                let at = if derived_columns(&op.table).contains(&"deleted_at") {
                    None
                } else {
                    table_columns(conn, &op.table)?
                        .iter()
                        .position(|c| c == "deleted_at")
                };
                trash_column.insert(&op.table, at);
                at
            }
        };
        let Some(at) = at else { continue };
        if op.new.get(at).is_some_and(Option::is_some) {
            continue; // a move to or out of the trash
        }
        let key = op.key();
        let Some(Value::Text(id)) = key.first() else {
            continue;
        };
        let trashed: Option<bool> = conn
            .prepare_cached(&format!(
                "SELECT deleted_at IS NOT NULL FROM \"{}\" WHERE id = ?1",
                op.table
            ))?
            .query_row([id], |r| r.get(0))
            .optional()?;
        if trashed == Some(true) {
            out.entry(op.table.clone()).or_default().insert(id.clone());
        }
    }
    Ok(out)
}

/// Whether `in_trash` names the row `op` changes.
pub(crate) fn names(in_trash: &InTrash, op: &Op) -> bool {
    in_trash
        .get(&op.table)
        .is_some_and(|ids| matches!(op.key().first(), Some(Value::Text(id)) if ids.contains(id)))
}
