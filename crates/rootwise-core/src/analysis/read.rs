//! Reading analyses: one analysis, its tree with the checks, the lists, and
//! search over causes and their evidence.

use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, OptionalExtension, Row};

use super::checks;
use super::model::{
    Analysis, AnalysisSummary, AnalysisTree, Evidence, ProblemStatement, WhyHit, WhyNode,
};
use super::{ANALYSIS, WHY};
use crate::error::{Error, Result};
use crate::ids::{AnalysisId, ProblemId, WhyId};
use crate::{search, time};

fn bad(idx: usize, e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
}

fn stamp(r: &Row<'_>, idx: usize) -> rusqlite::Result<chrono::DateTime<chrono::Utc>> {
    let text: String = r.get(idx)?;
    time::from_text(&text).map_err(|e| bad(idx, e))
}

const ANALYSIS_COLUMNS: &str = "a.id, a.problem_id, a.title, a.facilitator, a.participants,
    a.held_on, a.status, a.summary, a.sample, a.created_at, a.updated_at";

fn analysis_from(r: &Row<'_>) -> rusqlite::Result<Analysis> {
    let participants: String = r.get(4)?;
    let held_on: String = r.get(5)?;
    Ok(Analysis {
        id: r.get(0)?,
        problem_id: r.get(1)?,
        title: r.get(2)?,
        facilitator: r.get(3)?,
        participants: serde_json::from_str(&participants).map_err(|e| bad(4, e))?,
        held_on: time::parse_day(&held_on).map_err(|e| bad(5, e))?,
        status: r.get(6)?,
        summary: r.get(7)?,
        sample: r.get(8)?,
        created_at: stamp(r, 9)?,
        updated_at: stamp(r, 10)?,
    })
}

/// A live analysis (not trashed, nor its problem).
pub fn get_analysis(conn: &Connection, id: AnalysisId) -> Result<Analysis> {
    conn.query_row(
        &format!(
            "SELECT {ANALYSIS_COLUMNS} FROM analyses a JOIN problems p ON p.id = a.problem_id
             WHERE a.id = ?1 AND a.deleted_at IS NULL AND p.deleted_at IS NULL"
        ),
        [id],
        analysis_from,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        entity: ANALYSIS,
        id: id.to_string(),
    })
}

/// Checks an analysis is live.
pub(crate) fn live_analysis_of(conn: &Connection, id: AnalysisId) -> Result<()> {
    get_analysis(conn, id).map(|_| ())
}

const NODE_COLUMNS: &str = "n.id, n.analysis_id, n.parent_id, n.position, n.text, n.status,
    n.category, n.root_cause, n.joint, n.action_intent, n.created_at, n.updated_at";

fn node_from(r: &Row<'_>) -> rusqlite::Result<WhyNode> {
    Ok(WhyNode {
        id: r.get(0)?,
        analysis_id: r.get(1)?,
        parent_id: r.get(2)?,
        position: r.get(3)?,
        text: r.get(4)?,
        status: r.get(5)?,
        category: r.get(6)?,
        root_cause: r.get(7)?,
        joint: r.get(8)?,
        action_intent: r.get(9)?,
        evidence: Vec::new(),
        created_at: stamp(r, 10)?,
        updated_at: stamp(r, 11)?,
    })
}

fn evidence_from(r: &Row<'_>) -> rusqlite::Result<(WhyId, Evidence)> {
    Ok((
        r.get(0)?,
        Evidence {
            id: r.get(1)?,
            note: r.get(2)?,
            reference: r.get(3)?,
            author: r.get(4)?,
            created_at: stamp(r, 5)?,
        },
    ))
}

/// A live cause with its evidence.
pub fn get_why(conn: &Connection, id: WhyId) -> Result<WhyNode> {
    let mut node = conn
        .query_row(
            &format!(
                "SELECT {NODE_COLUMNS} FROM why_nodes n WHERE n.id = ?1 AND n.deleted_at IS NULL"
            ),
            [id],
            node_from,
        )
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: WHY,
            id: id.to_string(),
        })?;
    let mut stmt = conn.prepare_cached(
        "SELECT why_id, id, note, reference, author, created_at FROM why_evidence
         WHERE why_id = ?1 ORDER BY position",
    )?;
    node.evidence = stmt
        .query_map([id], evidence_from)?
        .map(|r| r.map(|(_, e)| e))
        .collect::<rusqlite::Result<_>>()?;
    Ok(node)
}

/// An analysis with its problem, every live cause (depth first) and what
/// the checks found.
pub fn tree(conn: &Connection, id: AnalysisId) -> Result<AnalysisTree> {
    let analysis = get_analysis(conn, id)?;
    let problem = conn.query_row(
        "SELECT id, title, description, status FROM problems WHERE id = ?1",
        [analysis.problem_id],
        |r| {
            Ok(ProblemStatement {
                id: r.get(0)?,
                title: r.get(1)?,
                description: r.get(2)?,
                status: r.get(3)?,
            })
        },
    )?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {NODE_COLUMNS} FROM why_nodes n
         WHERE n.analysis_id = ?1 AND n.deleted_at IS NULL ORDER BY n.position, n.id"
    ))?;
    let nodes: Vec<WhyNode> = stmt
        .query_map([id], node_from)?
        .collect::<rusqlite::Result<_>>()?;
    let mut evidence: HashMap<WhyId, Vec<Evidence>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT e.why_id, e.id, e.note, e.reference, e.author, e.created_at
         FROM why_evidence e JOIN why_nodes n ON n.id = e.why_id
         WHERE n.analysis_id = ?1 AND n.deleted_at IS NULL ORDER BY e.why_id, e.position",
    )?;
    for row in stmt.query_map([id], evidence_from)? {
        let (why, e) = row?;
        evidence.entry(why).or_default().push(e);
    }
    let nodes = depth_first(nodes, evidence);
    let corrected = corrected_causes(conn, id)?;
    let checks = checks::run(&nodes, &problem.title, &corrected);
    Ok(AnalysisTree {
        analysis,
        problem,
        nodes,
        checks,
    })
}

/// The causes of an analysis that a live, uncancelled corrective action
/// addresses.
fn corrected_causes(conn: &Connection, id: AnalysisId) -> Result<HashSet<WhyId>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT c.why_id FROM why_nodes n
         JOIN action_causes c ON c.why_id = n.id
         JOIN actions x ON x.id = c.action_id
         WHERE n.analysis_id = ?1 AND x.deleted_at IS NULL AND x.kind = 'corrective'
           AND x.status <> 'cancelled'",
    )?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Orders nodes depth first (parents before children, siblings in order)
/// and attaches their evidence. `nodes` come sorted by position.
fn depth_first(nodes: Vec<WhyNode>, mut evidence: HashMap<WhyId, Vec<Evidence>>) -> Vec<WhyNode> {
    let mut children: HashMap<Option<WhyId>, Vec<usize>> = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        children.entry(n.parent_id).or_default().push(i);
    }
    let mut slots: Vec<Option<WhyNode>> = nodes.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(slots.len());
    let mut stack: Vec<usize> = children
        .get(&None)
        .map_or_else(Vec::new, |c| c.iter().rev().copied().collect());
    while let Some(i) = stack.pop() {
        let Some(mut node) = slots.get_mut(i).and_then(Option::take) else {
            continue;
        };
        if let Some(kids) = children.get(&Some(node.id)) {
            stack.extend(kids.iter().rev().copied());
        }
        node.evidence = evidence.remove(&node.id).unwrap_or_default();
        out.push(node);
    }
    out
}

const SUMMARY_SQL: &str = "SELECT a.id, a.problem_id, a.title, a.facilitator, a.participants,
    a.held_on, a.status, a.summary, a.sample, a.created_at, a.updated_at, p.title,
    (SELECT count(*) FROM why_nodes n WHERE n.analysis_id = a.id AND n.deleted_at IS NULL),
    (SELECT count(*) FROM why_nodes n WHERE n.analysis_id = a.id AND n.deleted_at IS NULL AND n.root_cause = 1),
    (SELECT count(*) FROM why_nodes n WHERE n.analysis_id = a.id AND n.deleted_at IS NULL
        AND n.root_cause = 1 AND n.status = 'confirmed')
    FROM analyses a JOIN problems p ON p.id = a.problem_id
    WHERE a.deleted_at IS NULL AND p.deleted_at IS NULL";

fn summary_from(r: &Row<'_>) -> rusqlite::Result<AnalysisSummary> {
    Ok(AnalysisSummary {
        analysis: analysis_from(r)?,
        problem_title: r.get(11)?,
        node_count: r.get(12)?,
        root_cause_count: r.get(13)?,
        confirmed_root_cause_count: r.get(14)?,
    })
}

/// The live analyses of a problem, latest session first.
pub fn for_problem(conn: &Connection, problem: ProblemId) -> Result<Vec<AnalysisSummary>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SUMMARY_SQL} AND a.problem_id = ?1 ORDER BY a.held_on DESC, a.id DESC"
    ))?;
    let rows = stmt.query_map([problem], summary_from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every live analysis, most recently changed first.
pub fn list(conn: &Connection, limit: u32) -> Result<Vec<AnalysisSummary>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SUMMARY_SQL} ORDER BY a.updated_at DESC, a.id DESC LIMIT ?1"
    ))?;
    let rows = stmt.query_map([limit], summary_from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Causes whose text or evidence match every word of `input`, best first,
/// in live analyses of live problems.
pub fn search(conn: &Connection, input: &str, limit: u32) -> Result<Vec<WhyHit>> {
    let Some(query) = search::to_fts_query(input) else {
        return Ok(Vec::new());
    };
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.title, p.title, n.id, n.text, n.status, n.root_cause
         FROM why_search s
         JOIN why_nodes n ON n.rowid = s.rowid
         JOIN analyses a ON a.id = n.analysis_id
         JOIN problems p ON p.id = a.problem_id
         WHERE why_search MATCH ?1 AND n.deleted_at IS NULL AND a.deleted_at IS NULL
           AND p.deleted_at IS NULL
         ORDER BY s.rank LIMIT ?2",
    )?;
    let rows = stmt.query_map(rusqlite::params![query, limit], |r| {
        Ok(WhyHit {
            analysis_id: r.get(0)?,
            analysis_title: r.get(1)?,
            problem_title: r.get(2)?,
            why_id: r.get(3)?,
            text: r.get(4)?,
            status: r.get(5)?,
            root_cause: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
