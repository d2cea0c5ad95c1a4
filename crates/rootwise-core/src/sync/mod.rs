//! A workspace as a replica: every committed write's changes captured with
//! SQLite's session extension, stamped with a hybrid logical clock, in the
//! `change_log` table, so copies of a workspace (a workshop laptop, the
//! team's copy) can exchange their changes and merge them.
//!
//! Captured: the tables people's work lives in ([`REPLICATED`]), and with
//! each change the history entries it recorded (a change log column, not a
//! captured table: cheaper on every write). Not captured: what is derived from them and rebuilt
//! after a merge (the search indexes, counters, copies kept by triggers),
//! and what belongs to this copy only (`meta`, the replica's identity and
//! peers, the change log itself, the merge review).
//!
//! How a merge decides is written down in [`merge`].

pub mod capture;
pub mod changeset;
pub mod copy;
pub mod file;
pub mod hlc;
pub mod hub;
pub mod merge;
pub mod review;

pub use capture::{replica, Replica};
pub use changeset::InTrash;
pub use hlc::Hlc;

use crate::entity;

/// The tables whose rows travel between copies of a workspace, parents
/// before children (the order a merge applies them in).
pub const REPLICATED: &[&str] = &[
    "problems",
    "problem_tags",
    "problem_refs",
    "occurrences",
    "analyses",
    "why_nodes",
    "why_evidence",
    "actions",
    "action_causes",
    "action_comments",
    "personas",
    "persona_pictures",
    "persona_quotes",
    "persona_problems",
    "empathy_maps",
    "empathy_groups",
    "empathy_notes",
    "empathy_note_causes",
    "empathy_votes",
    "survey_responses",
    "period_figures",
    "journey_maps",
    "journey_map_personas",
    "journey_stages",
    "journey_touchpoints",
    "journey_cards",
    "journey_touchpoint_problems",
    "journey_touchpoint_notes",
    "journey_touchpoint_quotes",
    "journey_card_actions",
    "import_mappings",
];

/// Every replicated table's rows, as text, sorted: two copies whose dumps
/// are equal hold the same work (a diagnostic, and what the tests compare).
pub fn canonical_dump(conn: &rusqlite::Connection) -> crate::Result<Vec<(String, Vec<String>)>> {
    REPLICATED
        .iter()
        .map(|table| {
            let mut stmt = conn.prepare(&format!("SELECT * FROM {table}"))?;
            let columns = stmt.column_count();
            let mut rows = stmt
                .query_map([], |r| {
                    (0..columns)
                        .map(|i| {
                            r.get::<_, rusqlite::types::Value>(i)
                                .map(|v| format!("{v:?}"))
                        })
                        .collect::<rusqlite::Result<Vec<_>>>()
                        .map(|v| v.join("|"))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            rows.sort();
            Ok(((*table).to_owned(), rows))
        })
        .collect()
}

/// Columns the core keeps in step with other rows (counters, copies of a
/// parent's columns kept by triggers, a flag following the problem): a
/// merge never takes them from a change, it recomputes them.
pub(crate) fn derived_columns(table: &str) -> &'static [&'static str] {
    match table {
        "problems" => &["occurrence_count", "first_seen", "last_seen"],
        "problem_tags" => &[
            "deleted_at",
            "reported_on",
            "status_rank",
            "severity_rank",
            "channel",
            "owner",
        ],
        "actions" => &["problem_trashed"],
        _ => &[],
    }
}

/// The trash's columns: a move to the trash sets them, a restore clears them.
pub(crate) const TRASH_COLUMNS: &[&str] = &["deleted_at", "deleted_by", "deleted_with"];

/// What the rows of an entity table are: the entity history and the
/// review name them by, and the column that labels one for people.
pub(crate) fn entity_of(table: &str) -> Option<(&'static str, &'static str)> {
    Some(match table {
        "problems" => (entity::PROBLEM, "title"),
        "analyses" => (entity::ANALYSIS, "title"),
        "why_nodes" => (entity::WHY, "text"),
        "actions" => (entity::ACTION, "title"),
        "personas" => (entity::PERSONA, "name"),
        "persona_quotes" => (entity::QUOTE, "text"),
        "empathy_maps" => (entity::MAP, "title"),
        "empathy_groups" => (entity::GROUP, "label"),
        "empathy_notes" => (entity::NOTE, "text"),
        "survey_responses" => (entity::RESPONSE, "score"),
        "period_figures" => (entity::PERIOD, "period_start"),
        "journey_maps" => (entity::JOURNEY, "name"),
        "journey_stages" => (entity::STAGE, "name"),
        "journey_touchpoints" => (entity::TOUCHPOINT, "name"),
        "journey_cards" => (entity::CARD, "text"),
        "import_mappings" => (entity::IMPORT_MAPPING, "name"),
        _ => return None,
    })
}

/// The table of an entity (the inverse of [`entity_of`]).
pub(crate) fn table_of(entity_name: &str) -> Option<&'static str> {
    REPLICATED
        .iter()
        .copied()
        .find(|t| entity_of(t).is_some_and(|(e, _)| e == entity_name))
}

/// The columns naming a row's parent, nearest first, with the parent's
/// table: a row added under a parent the other copy deleted is shown for
/// review.
pub(crate) fn parents_of(table: &str) -> &'static [(&'static str, &'static str)] {
    match table {
        "why_nodes" => &[("parent_id", "why_nodes"), ("analysis_id", "analyses")],
        "analyses" | "actions" => &[("problem_id", "problems")],
        "survey_responses" => &[
            ("problem_id", "problems"),
            ("touchpoint_id", "journey_touchpoints"),
        ],
        "persona_quotes" | "empathy_maps" => &[("persona_id", "personas")],
        "empathy_notes" | "empathy_groups" => &[("map_id", "empathy_maps")],
        "journey_stages" => &[("map_id", "journey_maps")],
        "journey_touchpoints" | "journey_cards" => {
            &[("stage_id", "journey_stages"), ("map_id", "journey_maps")]
        }
        _ => &[],
    }
}

/// The field history names a column by (`journey_stage` is `journeyStage`,
/// `problem_id` is `problem`), if history lists it for `entity`.
pub(crate) fn field_of(entity_name: &str, column: &str) -> Option<String> {
    if column == "deleted_at" {
        return Some(column.to_owned());
    }
    let base = column.strip_suffix("_id").unwrap_or(column);
    let mut field = String::new();
    let mut upper = false;
    for c in base.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            field.extend(c.to_uppercase());
            upper = false;
        } else {
            field.push(c);
        }
    }
    crate::history::is_known_field(entity_name, &field).then_some(field)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_history_names_them() {
        assert_eq!(
            field_of("problem", "journey_stage").as_deref(),
            Some("journeyStage")
        );
        assert_eq!(field_of("action", "problem_id").as_deref(), Some("problem"));
        assert_eq!(field_of("why", "root_cause").as_deref(), Some("rootCause"));
        assert_eq!(field_of("problem", "updated_at"), None);
        assert_eq!(table_of("why"), Some("why_nodes"));
    }
}
