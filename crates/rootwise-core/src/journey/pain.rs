//! The pain overlay: for each touchpoint of a map, its live problems, their
//! reports in a period, the highest severity among them, and whether every
//! one has a verified fix. One statement over the map's links, walking the
//! link, problem, occurrence and action indexes per linked problem (never
//! the whole problem table), whatever the workspace's size.

use rusqlite::{params, Connection};

use super::model::{PainQuery, PainSort, TouchpointPain};
use crate::error::{Error, Result, Rule};
use crate::ids::JourneyId;
use crate::vocab::Severity;

/// The overlay's statement. `?1` the map, `?2`/`?3` the period's first and
/// last day. One pass over the map's live touchpoints in index order (so
/// grouping needs no sort), each link to a live problem read through
/// `problems_pain` (one covering index lookup), that problem's reports in
/// the period counted through `occurrences_by_problem` (skipped when it has
/// no report after its first or none since the period began), its fixes
/// through `actions_by_problem`. A problem's first report counts on the day
/// it was reported, like each later one. A verified fix is a live
/// corrective or preventive action whose check found it effective (a
/// containment only holds the problem back). The join order is fixed
/// (`CROSS JOIN`, `INDEXED BY`): walking the whole problems table instead
/// would be the planner's costly mistake.
const OVERLAY: &str = "
SELECT t.id, t.stage_id, count(p.id),
    coalesce(sum((p.reported_on BETWEEN ?2 AND ?3)
        + CASE WHEN p.occurrence_count > 1 AND p.last_seen >= ?2
          THEN (SELECT count(*) FROM occurrences o
                WHERE o.problem_id = p.id AND o.occurred_on BETWEEN ?2 AND ?3)
          ELSE 0 END), 0),
    max(p.severity_rank),
    count(p.id) > 0 AND coalesce(min(CASE WHEN p.id IS NOT NULL THEN
        EXISTS (SELECT 1 FROM actions a
                WHERE a.problem_id = p.id AND a.status = 'verified_effective'
                  AND a.kind <> 'containment' AND a.deleted_at IS NULL) END), 0) = 1
FROM journey_touchpoints t INDEXED BY journey_touchpoints_by_map
CROSS JOIN journey_stages s ON s.id = t.stage_id
LEFT JOIN journey_touchpoint_problems l ON l.touchpoint_id = t.id
LEFT JOIN problems p INDEXED BY problems_pain ON p.id = l.problem_id AND p.deleted_at IS NULL
WHERE t.map_id = ?1 AND t.deleted_at IS NULL AND s.deleted_at IS NULL
GROUP BY t.stage_id, t.position, t.rowid
ORDER BY s.position, s.id, t.position, t.id";

/// The pain at every live touchpoint of a live map (on its live stages),
/// in map order or most painful first. `heat` is a touchpoint's
/// occurrences in the period over the map's highest (0 everywhere when no
/// touchpoint had any). A period whose last day is before its first is
/// refused.
pub fn pain_overlay(
    conn: &Connection,
    map: JourneyId,
    query: &PainQuery,
) -> Result<Vec<TouchpointPain>> {
    if query.to < query.from {
        return Err(Error::invalid("to", Rule::BeforeStart, None));
    }
    super::read::get_map(conn, map)?;
    let mut stmt = conn.prepare_cached(OVERLAY)?;
    let rows = stmt.query_map(
        params![map, query.from.to_string(), query.to.to_string()],
        |r| {
            let rank: Option<i64> = r.get(4)?;
            Ok(TouchpointPain {
                touchpoint_id: r.get(0)?,
                stage_id: r.get(1)?,
                problems: r.get(2)?,
                occurrences: r.get(3)?,
                highest_severity: rank
                    .and_then(|i| usize::try_from(i).ok())
                    .and_then(|i| Severity::ALL.get(i).copied()),
                all_fixed: r.get(5)?,
                heat: 0.0,
            })
        },
    )?;
    let mut out = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    let most = out.iter().map(|p| p.occurrences).max().unwrap_or(0);
    if most > 0 {
        for p in &mut out {
            p.heat = f64::from(p.occurrences) / f64::from(most);
        }
    }
    if query.sort == Some(PainSort::Pain) {
        // Stable: equal pain keeps the map's order.
        out.sort_by(|a, b| {
            b.occurrences
                .cmp(&a.occurrences)
                .then(b.highest_severity.cmp(&a.highest_severity))
                .then(b.problems.cmp(&a.problems))
        });
    }
    Ok(out)
}
