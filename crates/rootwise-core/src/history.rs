//! The history of every change: entity, id, field, old and new value,
//! author and time. Entries are written by [`crate::store::Writer::record`]
//! inside the same transaction as the change itself.

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::change::ChangeOp;
use crate::error::Result;
use crate::time;

use crate::entity;

/// Every field a history entry can name, per entity, in the order the UI
/// lists them. A write that records a field missing here fails in debug
/// builds (so in every test), and the UI checks that each one has a label
/// in both languages: `HISTORY_FIELDS` in the generated `rules.ts`.
/// `deleted_at` is the trash's own field (a move to the trash and back).
pub const FIELDS: &[(&str, &[&str])] = &[
    (
        entity::PROBLEM,
        &[
            "title",
            "description",
            "customer",
            "segment",
            "channel",
            "journeyStage",
            "severity",
            "status",
            "owner",
            "reportedOn",
            "csat",
            "nps",
            "ces",
            "customersAffected",
            "tags",
            "references",
            "occurrences",
            "closeReason",
            "mergedInto",
            "mergedFrom",
            "personas",
            "actions",
            "touchpoints",
            "imported",
            "deleted_at",
        ],
    ),
    (
        entity::ACTION,
        &[
            "title",
            "description",
            "kind",
            "problem",
            "causeIds",
            "owner",
            "dueOn",
            "priority",
            "status",
            "checkMethod",
            "checkDueOn",
            "checkResult",
            "checkNotes",
            "checkedOn",
            "doneOn",
            "recurredOn",
            "cancelReason",
            "comment",
            "deleted_at",
        ],
    ),
    (
        entity::ANALYSIS,
        &[
            "title",
            "problem",
            "facilitator",
            "participants",
            "heldOn",
            "status",
            "summary",
            "deleted_at",
        ],
    ),
    (
        entity::WHY,
        &[
            "text",
            "parent",
            "place",
            "status",
            "category",
            "rootCause",
            "joint",
            "actionIntent",
            "evidence",
            "notes",
            "deleted_at",
        ],
    ),
    (
        entity::PERSONA,
        &[
            "name",
            "role",
            "segment",
            "goals",
            "painPoints",
            "triggers",
            "fears",
            "story",
            "demographics",
            "channels",
            "picture",
            "copiedFrom",
            "quotes",
            "problems",
            "maps",
            "deleted_at",
        ],
    ),
    (
        entity::QUOTE,
        &["text", "source", "reference", "saidOn", "deleted_at"],
    ),
    (
        entity::MAP,
        &[
            "title",
            "persona",
            "problem",
            "heldOn",
            "participants",
            "votesPerPerson",
            "phase",
            "deleted_at",
        ],
    ),
    (
        entity::NOTE,
        &[
            "text",
            "colour",
            "author",
            "area",
            "position",
            "group",
            "problem",
            "causeIds",
            "hidden",
            "vote",
            "deleted_at",
        ],
    ),
    (entity::GROUP, &["label", "deleted_at"]),
    (
        entity::RESPONSE,
        &[
            "kind",
            "score",
            "respondedOn",
            "channel",
            "comment",
            "ticketRef",
            "customer",
            "problem",
            "touchpoint",
            "imported",
            "deleted_at",
        ],
    ),
    (
        entity::PERIOD,
        &[
            "periodStart",
            "periodEnd",
            "customersStart",
            "customersEnd",
            "customersNew",
            "revenuePerCustomer",
            "margin",
            "deleted_at",
        ],
    ),
    (
        entity::JOURNEY,
        &[
            "name",
            "state",
            "madeFrom",
            "reviewMonths",
            "reviewedAt",
            "personas",
            "deleted_at",
        ],
    ),
    (entity::STAGE, &["name", "position", "deleted_at"]),
    (
        entity::TOUCHPOINT,
        &[
            "name",
            "stage",
            "position",
            "channel",
            "direct",
            "ownerTeam",
            "emotionCurrent",
            "emotionTarget",
            "problems",
            "notes",
            "quotes",
            "deleted_at",
        ],
    ),
    (
        entity::CARD,
        &["text", "lane", "stage", "position", "actions", "deleted_at"],
    ),
    (
        entity::IMPORT_MAPPING,
        &["name", "format", "mapping", "deleted_at"],
    ),
];

/// Whether history may record `field` on `entity` (see [`FIELDS`]).
pub fn is_known_field(entity: &str, field: &str) -> bool {
    FIELDS
        .iter()
        .any(|(e, fields)| *e == entity && fields.contains(&field))
}

/// One recorded change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry {
    /// The entry's place on this copy (entries merged in from another copy
    /// come after those already here; the list is ordered by time).
    #[ts(type = "number")]
    pub seq: i64,
    /// Entity kind.
    pub entity: String,
    /// Entity id.
    pub entity_id: String,
    /// What happened.
    pub op: ChangeOp,
    /// The field that changed (`None` for a whole-entity event).
    pub field: Option<String>,
    /// Its value before.
    pub old_value: Option<String>,
    /// Its value after.
    pub new_value: Option<String>,
    /// Who made the change (their display name at the time).
    pub author: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// The history of one entity, oldest first (by time, then by when this
/// copy received the entry).
pub fn for_entity(conn: &Connection, entity: &str, id: &str) -> Result<Vec<HistoryEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT rowid, entity, entity_id, op, field, old_value, new_value, author, at
         FROM history WHERE entity = ?1 AND entity_id = ?2 ORDER BY at, rowid",
    )?;
    let rows = stmt.query_map([entity, id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, ChangeOp>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, Option<String>>(5)?,
            r.get::<_, Option<String>>(6)?,
            r.get::<_, String>(7)?,
            r.get::<_, String>(8)?,
        ))
    })?;
    rows.map(|row| {
        let (seq, entity, entity_id, op, field, old_value, new_value, author, at) = row?;
        Ok(HistoryEntry {
            seq,
            entity,
            entity_id,
            op,
            field,
            old_value,
            new_value,
            author,
            at: time::from_text(&at)?,
        })
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entity_is_listed_once_and_no_field_twice() {
        let mut entities: Vec<&str> = FIELDS.iter().map(|(e, _)| *e).collect();
        entities.sort_unstable();
        entities.dedup();
        assert_eq!(entities.len(), FIELDS.len());
        for (entity, fields) in FIELDS {
            let mut sorted = fields.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), fields.len(), "{entity} lists a field twice");
        }
        assert!(is_known_field("problem", "personas"));
        assert!(!is_known_field("problem", "nonsense"));
    }
}
