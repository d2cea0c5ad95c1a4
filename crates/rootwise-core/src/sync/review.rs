//! The "Merged changes" review: what merges overwrote or kept out of the
//! trash, and what they added under something deleted, each with a way to
//! bring the other side's version back in one step.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{entity_of, field_of, table_of};
use crate::change::ChangeOp;
use crate::error::{Error, Result};
use crate::store::Writer;
use crate::{time, trash};

crate::text_enum! {
    /// What a merge did that someone may want to undo.
    pub enum ReviewKind {
        /// Both copies changed the same fields; one version was kept.
        Overwritten = "overwritten",
        /// One copy deleted it, the other edited it later: it was kept.
        Restored = "restored",
        /// It was added under something the other copy deleted.
        ParentDeleted = "parent_deleted",
    }
}

crate::text_enum! {
    /// Where a review entry stands.
    pub enum ReviewState {
        /// Not looked at yet.
        Open = "open",
        /// The other version was brought back.
        BroughtBack = "brought_back",
        /// Looked at and left as merged.
        Dismissed = "dismissed",
    }
}

/// One field of a review entry: the value that lost and the one kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewField {
    /// The field, as history names it.
    pub field: String,
    /// The value that lost.
    pub lost: Option<String>,
    /// The value kept.
    pub kept: Option<String>,
}

/// The item a review entry is about, or its parent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewTarget {
    /// Its entity kind.
    pub entity: String,
    /// Its id.
    pub id: String,
    /// Its title, name or text now.
    pub label: String,
    /// Whether it is in the trash now.
    pub in_trash: bool,
}

/// One entry of the review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewItem {
    /// Its id.
    #[ts(type = "number")]
    pub id: i64,
    /// When the merge ran.
    pub merged_at: DateTime<Utc>,
    /// What happened.
    pub kind: ReviewKind,
    /// What it is about.
    pub target: ReviewTarget,
    /// For an overwrite: each field with the value lost and the one kept.
    pub fields: Vec<ReviewField>,
    /// Who wrote the version that lost (for a kept row: who deleted it;
    /// for a row added under a deleted parent: who deleted the parent).
    pub lost_author: String,
    /// When.
    pub lost_at: Option<DateTime<Utc>>,
    /// Who wrote the version kept.
    pub kept_author: String,
    /// When.
    pub kept_at: Option<DateTime<Utc>>,
    /// For a row added under a deleted parent: that parent.
    pub parent: Option<ReviewTarget>,
    /// Where it stands.
    pub state: ReviewState,
}

/// What an item is now: its label and whether it is in the trash.
fn target(conn: &Connection, entity: &str, id: &str) -> Result<ReviewTarget> {
    let found = match table_of(entity).and_then(entity_of).zip(table_of(entity)) {
        Some(((_, label), table)) => conn
            .prepare_cached(&format!(
                "SELECT {label}, deleted_at IS NOT NULL FROM \"{table}\" WHERE id = ?1"
            ))?
            .query_row([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?)))
            .optional()?,
        None => None,
    };
    let (label, in_trash) = found.unwrap_or_default();
    Ok(ReviewTarget {
        entity: entity.to_owned(),
        id: id.to_owned(),
        label,
        in_trash,
    })
}

fn stored_time(text: &str) -> Result<Option<DateTime<Utc>>> {
    if text.is_empty() {
        Ok(None)
    } else {
        time::from_text(text).map(Some)
    }
}

/// A stored JSON column.
fn json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    serde_json::from_str(text)
        .map_err(|e| Error::Internal(format!("a review entry is damaged: {e}")))
}

/// The review, newest merge first; open entries only unless `all`.
pub fn list(conn: &Connection, all: bool) -> Result<Vec<ReviewItem>> {
    let mut stmt = conn.prepare(
        "SELECT id, merged_at, kind, entity, entity_id, fields, columns, lost_author, lost_at,
                kept_author, kept_at, state
         FROM merge_review WHERE ?1 OR state = 'open' ORDER BY merged_at DESC, id",
    )?;
    let rows = stmt.query_map([all], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, ReviewKind>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, String>(6)?,
            (r.get::<_, String>(7)?, r.get::<_, String>(8)?),
            (r.get::<_, String>(9)?, r.get::<_, String>(10)?),
            r.get::<_, ReviewState>(11)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, merged_at, kind, entity, entity_id, fields, columns, lost, kept, state) = row?;
        let parent = if kind == ReviewKind::ParentDeleted {
            let p: BTreeMap<String, String> = json(&columns)?;
            match (p.get("entity"), p.get("id")) {
                (Some(e), Some(i)) => Some(target(conn, e, i)?),
                _ => None,
            }
        } else {
            None
        };
        out.push(ReviewItem {
            id,
            merged_at: time::from_text(&merged_at)?,
            kind,
            target: target(conn, &entity, &entity_id)?,
            fields: json(&fields)?,
            lost_author: lost.0,
            lost_at: stored_time(&lost.1)?,
            kept_author: kept.0,
            kept_at: stored_time(&kept.1)?,
            parent,
            state,
        });
    }
    Ok(out)
}

/// How many entries are still open.
pub fn open_count(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(*) FROM merge_review WHERE state = 'open'",
        [],
        |r| r.get(0),
    )?)
}

/// Brings back the version that lost: the overwritten values (as a new
/// edit, so it wins on every copy it reaches), the delete that an edit
/// beat (back to the trash), or the deleted parent (out of the trash).
pub fn bring_back(w: &mut Writer<'_>, id: i64) -> Result<()> {
    let (kind, entity, entity_id, table, columns, state): (
        ReviewKind,
        String,
        String,
        String,
        String,
        ReviewState,
    ) = w
        .tx()
        .query_row(
            "SELECT kind, entity, entity_id, tbl, columns, state FROM merge_review WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: "merge review entry",
            id: id.to_string(),
        })?;
    if state != ReviewState::Open {
        return Err(Error::Conflict(
            "this merge entry was already dealt with".into(),
        ));
    }
    match kind {
        ReviewKind::Overwritten => {
            let values: BTreeMap<String, serde_json::Value> = json(&columns)?;
            overwrite(w, &table, &entity, &entity_id, &values)?;
        }
        ReviewKind::Restored => {
            let in_trash = target(w.tx(), &entity, &entity_id)?.in_trash;
            if !in_trash {
                trash::delete(w, &entity, &entity_id)?;
            }
        }
        ReviewKind::ParentDeleted => {
            let p: BTreeMap<String, String> = json(&columns)?;
            if let (Some(e), Some(i)) = (p.get("entity"), p.get("id")) {
                if target(w.tx(), e, i)?.in_trash {
                    trash::restore(w, e, i)?;
                }
            }
        }
    }
    set_state(w, id, ReviewState::BroughtBack)
}

/// Leaves an entry as merged.
pub fn dismiss(w: &mut Writer<'_>, id: i64) -> Result<()> {
    set_state(w, id, ReviewState::Dismissed)
}

fn set_state(w: &Writer<'_>, id: i64, state: ReviewState) -> Result<()> {
    let n = w.tx().execute(
        "UPDATE merge_review SET state = ?1 WHERE id = ?2 AND state = 'open'",
        rusqlite::params![state.as_str(), id],
    )?;
    if n == 0 {
        return Err(Error::Conflict(
            "this merge entry was already dealt with".into(),
        ));
    }
    Ok(())
}

/// Sets the columns to the values that lost, as an edit by the writer.
fn overwrite(
    w: &mut Writer<'_>,
    table: &str,
    entity: &str,
    id: &str,
    values: &BTreeMap<String, serde_json::Value>,
) -> Result<()> {
    let entity: &'static str = entity_of(table)
        .map(|(e, _)| e)
        .filter(|e| *e == entity)
        .ok_or_else(|| Error::Internal(format!("no entity {entity} in {table}")))?;
    let known: Vec<String> = w
        .tx()
        .prepare_cached("SELECT name FROM pragma_table_info(?1)")?
        .query_map([table], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let sql_value = |v: &serde_json::Value| -> rusqlite::types::Value {
        match v {
            serde_json::Value::Null => rusqlite::types::Value::Null,
            serde_json::Value::Number(n) => n
                .as_i64()
                .map(rusqlite::types::Value::Integer)
                .or_else(|| n.as_f64().map(rusqlite::types::Value::Real))
                .unwrap_or(rusqlite::types::Value::Null),
            serde_json::Value::String(s) => rusqlite::types::Value::Text(s.clone()),
            other => rusqlite::types::Value::Text(other.to_string()),
        }
    };
    let mut sets = Vec::new();
    let mut params = Vec::new();
    for (column, value) in values {
        if !known.contains(column) {
            return Err(Error::Internal(format!("{table} has no column {column}")));
        }
        sets.push(format!("\"{column}\" = ?"));
        params.push(sql_value(value));
    }
    if known.iter().any(|c| c == "updated_at") {
        sets.push("updated_at = ?".into());
        params.push(rusqlite::types::Value::Text(time::to_text(w.now())));
    }
    if sets.is_empty() {
        return Ok(());
    }
    // History first: the values being replaced.
    for (column, value) in values {
        let Some(field) = field_of(entity, column) else {
            continue;
        };
        let before: Option<String> = w
            .tx()
            .query_row(
                &format!("SELECT CAST(\"{column}\" AS TEXT) FROM \"{table}\" WHERE id = ?1"),
                [id],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        let after = match value {
            serde_json::Value::Null => None,
            serde_json::Value::String(s) => Some(s.clone()),
            other => Some(other.to_string()),
        };
        w.record(
            entity,
            id,
            ChangeOp::Update,
            Some(&field),
            before.as_deref(),
            after.as_deref(),
        )?;
    }
    params.push(rusqlite::types::Value::Text(id.to_owned()));
    let n = w.tx().execute(
        &format!("UPDATE \"{table}\" SET {} WHERE id = ?", sets.join(", ")),
        rusqlite::params_from_iter(params),
    )?;
    if n == 0 {
        return Err(Error::NotFound {
            entity,
            id: id.to_owned(),
        });
    }
    let one = |t: &str| -> BTreeSet<String> {
        if t == table {
            BTreeSet::from([id.to_owned()])
        } else {
            BTreeSet::new()
        }
    };
    super::merge::refresh_derived(w, &one("problems"), &one("actions"), &one("why_nodes"))
}
