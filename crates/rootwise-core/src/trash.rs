//! Soft delete and the restorable trash.
//!
//! Deleting never removes a row: it stamps `deleted_at`/`deleted_by`, takes
//! the entity out of search, and records history. The trash lists every
//! soft-deleted entity of every kind; restoring puts it back. Each kind
//! that can be trashed is listed once in [`KINDS`].

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::change::ChangeOp;
use crate::error::{Error, Result};
use crate::store::Writer;
use crate::{action, analysis, empathy, journey, metrics, persona, problem, time};

/// A kind of entity that can go to the trash.
struct Kind {
    entity: &'static str,
    table: &'static str,
    label: &'static str,
    /// Which trashed rows the trash lists (others went along with one).
    listed: &'static str,
}

/// Every trashable kind. A new area adds its table here.
const KINDS: &[Kind] = &[
    Kind {
        entity: problem::ENTITY,
        table: "problems",
        label: "title",
        listed: "1",
    },
    Kind {
        entity: analysis::ANALYSIS,
        table: "analyses",
        label: "title",
        listed: "1",
    },
    Kind {
        entity: action::ENTITY,
        table: "actions",
        label: "title",
        listed: "1",
    },
    Kind {
        entity: persona::ENTITY,
        table: "personas",
        label: "name",
        listed: "1",
    },
    // Quotes and maps of a trashed persona come back with it.
    Kind {
        entity: persona::QUOTE,
        table: "persona_quotes",
        label: "text",
        listed: "persona_id IN (SELECT id FROM personas WHERE deleted_at IS NULL)",
    },
    Kind {
        entity: empathy::MAP,
        table: "empathy_maps",
        label: "title",
        listed: "persona_id IN (SELECT id FROM personas WHERE deleted_at IS NULL)",
    },
    Kind {
        entity: empathy::NOTE,
        table: "empathy_notes",
        label: "text",
        // A note of a private round not yet revealed keeps its words to
        // itself: it is listed once the round is revealed.
        listed: "hidden = 0 AND map_id IN (SELECT m.id FROM empathy_maps m JOIN personas p ON p.id = m.persona_id
                            WHERE m.deleted_at IS NULL AND p.deleted_at IS NULL)",
    },
    Kind {
        entity: metrics::RESPONSE,
        table: "survey_responses",
        label: "kind || ' ' || score || ' ' || responded_on",
        listed: "1",
    },
    Kind {
        entity: metrics::PERIOD,
        table: "period_figures",
        label: "period_start || ' – ' || period_end",
        listed: "1",
    },
    Kind {
        entity: journey::JOURNEY,
        table: "journey_maps",
        label: "name",
        listed: "1",
    },
    // Stages, touchpoints and cards of a trashed map come back with it; the
    // touchpoints that went with their stage come back with the stage.
    Kind {
        entity: journey::STAGE,
        table: "journey_stages",
        label: "name",
        listed: "map_id IN (SELECT id FROM journey_maps WHERE deleted_at IS NULL)",
    },
    Kind {
        entity: journey::TOUCHPOINT,
        table: "journey_touchpoints",
        label: "name",
        listed: "deleted_with IS NULL
            AND stage_id IN (SELECT id FROM journey_stages WHERE deleted_at IS NULL)
            AND map_id IN (SELECT id FROM journey_maps WHERE deleted_at IS NULL)",
    },
    Kind {
        entity: journey::CARD,
        table: "journey_cards",
        label: "text",
        listed: "stage_id IN (SELECT id FROM journey_stages WHERE deleted_at IS NULL)
            AND map_id IN (SELECT id FROM journey_maps WHERE deleted_at IS NULL)",
    },
    Kind {
        entity: crate::entity::IMPORT_MAPPING,
        table: "import_mappings",
        label: "name",
        listed: "1",
    },
    Kind {
        entity: analysis::WHY,
        table: "why_nodes",
        label: "text",
        listed: "deleted_with IS NULL AND undone = 0",
    },
];

fn kind(entity: &str) -> Result<&'static Kind> {
    KINDS
        .iter()
        .find(|k| k.entity == entity)
        .ok_or_else(|| Error::NotFound {
            entity: "trash kind",
            id: entity.to_owned(),
        })
}

/// Something in the trash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrashItem {
    /// Entity kind.
    pub entity: String,
    /// Entity id.
    pub id: String,
    /// What the user would recognise it by (a title or name).
    pub label: String,
    /// When it was deleted.
    pub deleted_at: DateTime<Utc>,
    /// Who deleted it.
    pub deleted_by: String,
}

/// Everything in the trash, most recently deleted first.
pub fn list(conn: &Connection) -> Result<Vec<TrashItem>> {
    let mut items = Vec::new();
    for k in KINDS {
        let sql = format!(
            "SELECT id, {label}, deleted_at, coalesce(deleted_by, '') FROM {table}
             WHERE deleted_at IS NOT NULL AND {listed}",
            label = k.label,
            table = k.table,
            listed = k.listed
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        for row in rows {
            let (id, label, deleted_at, deleted_by) = row?;
            items.push(TrashItem {
                entity: k.entity.to_owned(),
                id,
                label,
                deleted_at: time::from_text(&deleted_at)?,
                deleted_by,
            });
        }
    }
    items.sort_by(|a, b| b.deleted_at.cmp(&a.deleted_at).then(b.id.cmp(&a.id)));
    Ok(items)
}

/// Whether a row exists and whether it is in the trash.
fn state(w: &Writer<'_>, k: &Kind, id: &str) -> Result<Option<bool>> {
    let sql = format!(
        "SELECT deleted_at IS NOT NULL FROM {} WHERE id = ?1",
        k.table
    );
    Ok(w.tx().query_row(&sql, [id], |r| r.get(0)).optional()?)
}

/// Moves a live entity to the trash and records it. The owning module
/// takes it out of search.
pub(crate) fn mark_deleted(w: &mut Writer<'_>, entity: &'static str, id: &str) -> Result<()> {
    let k = kind(entity)?;
    match state(w, k, id)? {
        None => {
            return Err(Error::NotFound {
                entity,
                id: id.to_owned(),
            })
        }
        Some(true) => {
            return Err(Error::Conflict(format!(
                "{entity} {id} is already in the trash"
            )))
        }
        Some(false) => {}
    }
    let now = time::to_text(w.now());
    let sql = format!(
        "UPDATE {} SET deleted_at = ?1, deleted_by = ?2 WHERE id = ?3",
        k.table
    );
    let author = w.author().to_owned();
    w.tx().execute(&sql, rusqlite::params![now, author, id])?;
    w.record(
        entity,
        id,
        ChangeOp::Delete,
        Some("deleted_at"),
        None,
        Some(&now),
    )
}

/// Brings a trashed entity back and records it. The owning module puts it
/// back into search.
pub(crate) fn mark_restored(w: &mut Writer<'_>, entity: &'static str, id: &str) -> Result<()> {
    let k = kind(entity)?;
    match state(w, k, id)? {
        None => {
            return Err(Error::NotFound {
                entity,
                id: id.to_owned(),
            })
        }
        Some(false) => {
            return Err(Error::Conflict(format!(
                "{entity} {id} is not in the trash"
            )))
        }
        Some(true) => {}
    }
    let old: Option<String> = w.tx().query_row(
        &format!("SELECT deleted_at FROM {} WHERE id = ?1", k.table),
        [id],
        |r| r.get(0),
    )?;
    let sql = format!(
        "UPDATE {} SET deleted_at = NULL, deleted_by = NULL WHERE id = ?1",
        k.table
    );
    w.tx().execute(&sql, [id])?;
    w.record(
        entity,
        id,
        ChangeOp::Restore,
        Some("deleted_at"),
        old.as_deref(),
        None,
    )
}

/// Moves any entity the trash knows to the trash, through its owning module.
pub fn delete(w: &mut Writer<'_>, entity: &str, id: &str) -> Result<()> {
    match kind(entity)?.entity {
        problem::ENTITY => problem::delete(w, id.parse()?),
        analysis::ANALYSIS => analysis::delete_analysis(w, id.parse()?),
        analysis::WHY => analysis::delete_why(w, id.parse()?, false),
        action::ENTITY => action::delete(w, id.parse()?),
        persona::ENTITY => persona::delete(w, id.parse()?),
        persona::QUOTE => persona::delete_quote(w, id.parse()?),
        empathy::MAP => empathy::delete_map(w, id.parse()?),
        empathy::NOTE => empathy::delete_note(w, id.parse()?),
        metrics::RESPONSE => metrics::delete_response(w, id.parse()?),
        metrics::PERIOD => metrics::delete_period(w, id.parse()?),
        journey::JOURNEY => journey::delete_map(w, id.parse()?),
        // A stage with touchpoints asks first (`stage_has_touchpoints`).
        journey::STAGE => journey::delete_stage(w, id.parse()?, false),
        journey::TOUCHPOINT => journey::delete_touchpoint(w, id.parse()?),
        journey::CARD => journey::delete_card(w, id.parse()?),
        // A saved import mapping is nothing but its row.
        crate::entity::IMPORT_MAPPING => mark_deleted(w, crate::entity::IMPORT_MAPPING, id),
        other => Err(Error::Internal(format!("no delete for {other}"))),
    }
}

/// Restores any trashed entity by kind and id, through its owning module.
pub fn restore(w: &mut Writer<'_>, entity: &str, id: &str) -> Result<()> {
    match kind(entity)?.entity {
        problem::ENTITY => problem::restore(w, id.parse()?).map(|_| ()),
        analysis::ANALYSIS => analysis::restore_analysis(w, id.parse()?).map(|_| ()),
        analysis::WHY => crate::workflow::restore_why(w, id.parse()?).map(|_| ()),
        action::ENTITY => action::restore(w, id.parse()?).map(|_| ()),
        persona::ENTITY => persona::restore(w, id.parse()?).map(|_| ()),
        persona::QUOTE => persona::restore_quote(w, id.parse()?).map(|_| ()),
        empathy::MAP => empathy::restore_map(w, id.parse()?).map(|_| ()),
        empathy::NOTE => empathy::restore_note(w, id.parse()?).map(|_| ()),
        metrics::RESPONSE => metrics::restore_response(w, id.parse()?).map(|_| ()),
        metrics::PERIOD => metrics::restore_period(w, id.parse()?).map(|_| ()),
        journey::JOURNEY => journey::restore_map(w, id.parse()?).map(|_| ()),
        journey::STAGE => journey::restore_stage(w, id.parse()?).map(|_| ()),
        journey::TOUCHPOINT => journey::restore_touchpoint(w, id.parse()?).map(|_| ()),
        journey::CARD => journey::restore_card(w, id.parse()?).map(|_| ()),
        crate::entity::IMPORT_MAPPING => mark_restored(w, crate::entity::IMPORT_MAPPING, id),
        other => Err(Error::Internal(format!("no restore for {other}"))),
    }
}
