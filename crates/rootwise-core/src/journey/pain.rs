//! The pain overlay: for each touchpoint of a map, its live problems, their
//! reports in a period, the highest severity among them, and whether every
//! one has a verified fix. One statement over the map's links, walking the
//! link, occurrence and action indexes per linked problem (never the whole
//! problem table), whatever the workspace's size.

use rusqlite::{params, Connection};

use super::model::{PainQuery, PainSort, TouchpointPain};
use crate::error::{Error, Result, Rule};
use crate::ids::JourneyId;
use crate::vocab::Severity;

/// The overlay's statement. `?1` the map, `?2`/`?3` the period's first and
/// last day. A problem linked to several touchpoints is counted once per
/// touchpoint, its reports worked out once. A problem's first report
/// counts on the day it was reported, like each later one. A verified fix
/// is a live corrective or preventive action whose check found it
/// effective (a containment only holds the problem back).
const OVERLAY: &str = "
WITH tp AS (
    SELECT t.id, t.stage_id, s.position AS stage_pos, t.position AS pos
    FROM journey_touchpoints t JOIN journey_stages s ON s.id = t.stage_id
    WHERE t.map_id = ?1 AND t.deleted_at IS NULL AND s.deleted_at IS NULL
),
links AS (
    SELECT l.touchpoint_id AS tid, p.id AS pid, p.severity_rank AS sev, p.reported_on AS rep
    FROM tp
    JOIN journey_touchpoint_problems l ON l.touchpoint_id = tp.id
    JOIN problems p ON p.id = l.problem_id
    WHERE p.deleted_at IS NULL
),
per_problem AS (
    SELECT pid,
        (min(rep) BETWEEN ?2 AND ?3)
        + (SELECT count(*) FROM occurrences o
           WHERE o.problem_id = pid AND o.occurred_on BETWEEN ?2 AND ?3) AS n,
        EXISTS (SELECT 1 FROM actions a
                WHERE a.problem_id = pid AND a.status = 'verified_effective'
                  AND a.kind <> 'containment' AND a.deleted_at IS NULL) AS fixed
    FROM links GROUP BY pid
)
SELECT tp.id, tp.stage_id, count(links.pid), coalesce(sum(pp.n), 0), max(links.sev),
    count(links.pid) > 0 AND coalesce(min(pp.fixed), 0) = 1
FROM tp
LEFT JOIN links ON links.tid = tp.id
LEFT JOIN per_problem pp ON pp.pid = links.pid
GROUP BY tp.id
ORDER BY tp.stage_pos, tp.stage_id, tp.pos, tp.id";

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
