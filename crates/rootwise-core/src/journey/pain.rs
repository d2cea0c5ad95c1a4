//! The pain overlay: for each touchpoint of a map, its live problems, their
//! reports in a period, the highest severity among them, and whether every
//! one has a verified fix. Read from the per-touchpoint counts that
//! triggers keep (`journey_pain_days`, `journey_pain_problems`, migration
//! 0015), so its cost is the map's touchpoints and the period's days,
//! whatever the number of problems linked.

use rusqlite::{params, Connection};

use super::model::{PainQuery, PainSort, TouchpointPain};
use crate::error::{Error, Result, Rule};
use crate::ids::JourneyId;
use crate::vocab::Severity;

/// The overlay's statement. `?1` the map, `?2`/`?3` the period's first and
/// last day. One pass over the map's live touchpoints in index order, each
/// reading its rows of the two count tables: its linked live problems by
/// severity (with those lacking a verified fix) and its reports by day. A
/// problem's first report counts on the day it was reported, like each
/// later one. A verified fix is a live corrective or preventive action
/// whose check found it effective (a containment only holds the problem
/// back).
const OVERLAY: &str = "
SELECT t.id, t.stage_id,
    (SELECT coalesce(sum(c.problems), 0) FROM journey_pain_problems c WHERE c.touchpoint_id = t.id),
    (SELECT coalesce(sum(d.reports), 0) FROM journey_pain_days d
     WHERE d.touchpoint_id = t.id AND d.day BETWEEN ?2 AND ?3),
    (SELECT max(c.severity_rank) FROM journey_pain_problems c WHERE c.touchpoint_id = t.id),
    (SELECT coalesce(sum(c.problems) > 0 AND sum(c.unfixed) = 0, 0)
     FROM journey_pain_problems c WHERE c.touchpoint_id = t.id)
FROM journey_touchpoints t INDEXED BY journey_touchpoints_by_map
CROSS JOIN journey_stages s ON s.id = t.stage_id
WHERE t.map_id = ?1 AND t.deleted_at IS NULL AND s.deleted_at IS NULL
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
