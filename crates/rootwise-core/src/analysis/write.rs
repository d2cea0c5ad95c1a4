//! Writing analyses and their why-trees. Every write records history and
//! keeps the search index current.

use rusqlite::{params, OptionalExtension};

use super::model::{
    Analysis, AnalysisEdit, AnalysisStatus, Evidence, NewAnalysis, NewEvidence, NewWhy, WhyEdit,
    WhyNode, WhyStatus,
};
use super::read::{get_analysis, get_why, live_analysis_of};
use super::{ANALYSIS, WHY};
use crate::change::ChangeOp;
use crate::error::{Checks, Error, Result, Rule};
use crate::ids::{AnalysisId, EvidenceId, ProblemId, WhyId};
use crate::store::Writer;
use crate::write::{self as v, list_text, participants, write_field};
use crate::{search, time, trash};

/// Longest analysis title.
pub const TITLE_MAX: usize = 300;
/// Longest summary.
pub const SUMMARY_MAX: usize = 20_000;
/// Longest cause.
pub const WHY_TEXT_MAX: usize = 2_000;
/// Longest evidence note.
pub const EVIDENCE_NOTE_MAX: usize = 5_000;
/// Longest evidence reference.
pub const EVIDENCE_REFERENCE_MAX: usize = 500;
/// Longest recorded action intent.
pub const ACTION_INTENT_MAX: usize = 300;
/// Most participants.
pub use crate::write::PARTICIPANTS_MAX;

fn touch_analysis(w: &Writer<'_>, id: AnalysisId) -> Result<()> {
    w.tx().execute(
        "UPDATE analyses SET updated_at = ?1 WHERE id = ?2",
        params![time::to_text(w.now()), id],
    )?;
    Ok(())
}

/// Starts a new analysis of a live problem.
pub fn create_analysis(w: &mut Writer<'_>, input: &NewAnalysis) -> Result<Analysis> {
    create_analysis_as(w, input, false)
}

/// Starts a new analysis, marked as sample data or not.
pub(crate) fn create_analysis_as(
    w: &mut Writer<'_>,
    input: &NewAnalysis,
    sample: bool,
) -> Result<Analysis> {
    let problem_id: ProblemId = input.problem_id.parse()?;
    v::require_live(
        w.tx(),
        "problems",
        crate::entity::PROBLEM,
        &problem_id.to_string(),
    )?;
    let title = v::line("title", &input.title, TITLE_MAX, true);
    let facilitator = v::line(
        "facilitator",
        input.facilitator.as_deref().unwrap_or_default(),
        v::SHORT_TEXT_MAX,
        false,
    );
    let people = participants(input.participants.as_deref().unwrap_or_default());
    let held_on = v::past_date("heldOn", input.held_on.unwrap_or_else(time::today_utc));
    let summary = v::text(
        "summary",
        input.summary.as_deref().unwrap_or_default(),
        SUMMARY_MAX,
        false,
    );
    let mut c = Checks::new();
    c.note(&title);
    c.note(&facilitator);
    c.note(&people);
    c.note(&held_on);
    c.note(&summary);
    c.finish()?;
    let (title, facilitator, people, held_on, summary) =
        (title?, facilitator?, people?, held_on?, summary?);

    let id = AnalysisId::new();
    let now = time::to_text(w.now());
    w.tx().execute(
        "INSERT INTO analyses (id, problem_id, title, facilitator, participants, held_on, status,
            summary, sample, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        params![
            id,
            problem_id,
            title,
            facilitator,
            list_text(&people),
            held_on.to_string(),
            AnalysisStatus::Draft,
            summary,
            sample,
            now
        ],
    )?;
    let key = id.to_string();
    w.record(ANALYSIS, &key, ChangeOp::Create, None, None, None)?;
    w.record(
        ANALYSIS,
        &key,
        ChangeOp::Create,
        Some("title"),
        None,
        Some(&title),
    )?;
    w.record(
        ANALYSIS,
        &key,
        ChangeOp::Create,
        Some("problem"),
        None,
        Some(&problem_id.to_string()),
    )?;
    // Every other field it starts with, so its history tells how it began
    // (as a problem's and a map's do).
    for (field, value) in [
        ("facilitator", facilitator),
        (
            "participants",
            if people.is_empty() {
                String::new()
            } else {
                list_text(&people)
            },
        ),
        ("heldOn", held_on.to_string()),
        ("summary", summary),
    ] {
        if !value.is_empty() {
            w.record(
                ANALYSIS,
                &key,
                ChangeOp::Create,
                Some(field),
                None,
                Some(&value),
            )?;
        }
    }
    get_analysis(w.tx(), id)
}

/// Changes one field of a live analysis.
pub fn edit_analysis(w: &mut Writer<'_>, id: AnalysisId, edit: &AnalysisEdit) -> Result<Analysis> {
    let before = get_analysis(w.tx(), id)?;
    let (field, column, old, new): (&str, &str, String, String) = match edit {
        AnalysisEdit::Title(t) => {
            let t = v::line("title", t, TITLE_MAX, true)?;
            ("title", "title", before.title.clone(), t)
        }
        AnalysisEdit::Facilitator(t) => {
            let t = v::line("facilitator", t, v::SHORT_TEXT_MAX, false)?;
            ("facilitator", "facilitator", before.facilitator.clone(), t)
        }
        AnalysisEdit::Participants(list) => {
            let list = participants(list)?;
            (
                "participants",
                "participants",
                list_text(&before.participants),
                list_text(&list),
            )
        }
        AnalysisEdit::HeldOn(d) => {
            let d = v::past_date("heldOn", *d)?;
            (
                "heldOn",
                "held_on",
                before.held_on.to_string(),
                d.to_string(),
            )
        }
        AnalysisEdit::Status(s) => (
            "status",
            "status",
            before.status.as_str().into(),
            s.as_str().into(),
        ),
        AnalysisEdit::Summary(t) => {
            let t = v::text("summary", t, SUMMARY_MAX, false)?;
            ("summary", "summary", before.summary.clone(), t)
        }
    };
    write_field(
        w,
        ("analyses", ANALYSIS, &id.to_string()),
        (field, column),
        (Some(&old), Some(&new)),
        rusqlite::types::Value::Text(new.clone()),
    )?;
    get_analysis(w.tx(), id)
}

/// Moves an analysis (and so its tree) to the trash.
pub fn delete_analysis(w: &mut Writer<'_>, id: AnalysisId) -> Result<()> {
    trash::mark_deleted(w, ANALYSIS, &id.to_string())?;
    let rowids = node_rowids(w, id)?;
    for rowid in rowids {
        search::remove(w, search::WHYS, rowid)?;
    }
    Ok(())
}

/// Brings an analysis back from the trash.
pub fn restore_analysis(w: &mut Writer<'_>, id: AnalysisId) -> Result<Analysis> {
    trash::mark_restored(w, ANALYSIS, &id.to_string())?;
    let ids: Vec<WhyId> = {
        let mut stmt = w
            .tx()
            .prepare("SELECT id FROM why_nodes WHERE analysis_id = ?1 AND deleted_at IS NULL")?;
        let rows = stmt.query_map([id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for node in ids {
        reindex(w, node)?;
    }
    get_analysis(w.tx(), id)
}

fn node_rowids(w: &Writer<'_>, analysis: AnalysisId) -> Result<Vec<i64>> {
    let mut stmt = w
        .tx()
        .prepare("SELECT rowid FROM why_nodes WHERE analysis_id = ?1")?;
    let rows = stmt.query_map([analysis], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The live children of `parent` (or the top-level causes) in order.
fn siblings(w: &Writer<'_>, analysis: AnalysisId, parent: Option<WhyId>) -> Result<Vec<WhyId>> {
    let mut stmt = w.tx().prepare_cached(
        "SELECT id FROM why_nodes
         WHERE analysis_id = ?1 AND parent_id IS ?2 AND deleted_at IS NULL
         ORDER BY position, id",
    )?;
    let rows = stmt.query_map(params![analysis, parent], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Writes positions 0.. for `order`.
fn renumber(w: &Writer<'_>, order: &[WhyId]) -> Result<()> {
    let mut stmt = w.tx().prepare_cached(
        "UPDATE why_nodes SET position = ?1 WHERE id = ?2 AND position IS NOT ?1",
    )?;
    for (i, id) in order.iter().enumerate() {
        stmt.execute(params![i as i64, id])?;
    }
    Ok(())
}

/// A live node of a live analysis, checked to belong to `analysis` when given.
fn live_node(w: &Writer<'_>, id: WhyId) -> Result<WhyNode> {
    let node = get_why(w.tx(), id)?;
    live_analysis_of(w.tx(), node.analysis_id)?;
    Ok(node)
}

fn parent_in(w: &Writer<'_>, analysis: AnalysisId, parent: Option<WhyId>) -> Result<()> {
    if let Some(p) = parent {
        let node = get_why(w.tx(), p)?;
        if node.analysis_id != analysis {
            return Err(Error::invalid("parentId", Rule::Invalid, None));
        }
    }
    Ok(())
}

/// Adds a cause to an analysis, under `parent_id` (or the problem
/// statement) at `position` among its siblings (the end when absent).
pub(crate) fn add_why(w: &mut Writer<'_>, analysis: AnalysisId, input: &NewWhy) -> Result<WhyNode> {
    live_analysis_of(w.tx(), analysis)?;
    let parent: Option<WhyId> = input.parent_id.as_deref().map(str::parse).transpose()?;
    parent_in(w, analysis, parent)?;
    let text = v::text("text", &input.text, WHY_TEXT_MAX, false)?;
    let status = input.status.unwrap_or(WhyStatus::Hypothesis);
    let mut order = siblings(w, analysis, parent)?;
    let at = input
        .position
        .map_or(order.len(), |p| (p as usize).min(order.len()));
    let id = WhyId::new();
    let now = time::to_text(w.now());
    w.tx().execute(
        "INSERT INTO why_nodes (id, analysis_id, parent_id, position, text, status, category,
            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![
            id,
            analysis,
            parent,
            at as i64,
            text,
            status,
            input.category,
            now
        ],
    )?;
    order.insert(at, id);
    renumber(w, &order)?;
    let key = id.to_string();
    w.record(WHY, &key, ChangeOp::Create, None, None, None)?;
    if !text.is_empty() {
        w.record(WHY, &key, ChangeOp::Create, Some("text"), None, Some(&text))?;
    }
    w.record(
        WHY,
        &key,
        ChangeOp::Create,
        Some("parent"),
        None,
        parent.map(|p| p.to_string()).as_deref(),
    )?;
    touch_analysis(w, analysis)?;
    reindex(w, id)?;
    get_why(w.tx(), id)
}

/// Changes one field of a cause. What a confirmed root cause does to its
/// problem is `workflow::edit_why`'s part.
pub(crate) fn edit_why(w: &mut Writer<'_>, id: WhyId, edit: &WhyEdit) -> Result<WhyNode> {
    let before = live_node(w, id)?;
    let (field, column, old, new, value): (
        &str,
        &str,
        Option<String>,
        Option<String>,
        rusqlite::types::Value,
    ) = {
        use rusqlite::types::Value;
        let flag = |b: bool| Some(if b { "true" } else { "false" }.to_owned());
        match edit {
            WhyEdit::Text(t) => {
                let t = v::text("text", t, WHY_TEXT_MAX, false)?;
                (
                    "text",
                    "text",
                    Some(before.text.clone()),
                    Some(t.clone()),
                    Value::Text(t),
                )
            }
            WhyEdit::Status(s) => (
                "status",
                "status",
                Some(before.status.as_str().into()),
                Some(s.as_str().into()),
                Value::Text(s.as_str().into()),
            ),
            WhyEdit::Category(c) => (
                "category",
                "category",
                before.category.map(|c| c.as_str().to_owned()),
                c.map(|c| c.as_str().to_owned()),
                c.map_or(Value::Null, |c| Value::Text(c.as_str().into())),
            ),
            WhyEdit::RootCause(b) => (
                "rootCause",
                "root_cause",
                flag(before.root_cause),
                flag(*b),
                Value::Integer(i64::from(*b)),
            ),
            WhyEdit::Joint(b) => (
                "joint",
                "joint",
                flag(before.joint),
                flag(*b),
                Value::Integer(i64::from(*b)),
            ),
            WhyEdit::ActionIntent(t) => {
                let t = t
                    .as_deref()
                    .map(|t| v::text("actionIntent", t, ACTION_INTENT_MAX, false))
                    .transpose()?
                    .filter(|t| !t.is_empty());
                (
                    "actionIntent",
                    "action_intent",
                    before.action_intent.clone(),
                    t.clone(),
                    t.map_or(Value::Null, Value::Text),
                )
            }
        }
    };
    if !write_field(
        w,
        ("why_nodes", WHY, &id.to_string()),
        (field, column),
        (old.as_deref(), new.as_deref()),
        value,
    )? {
        return Ok(before);
    }
    touch_analysis(w, before.analysis_id)?;
    if matches!(edit, WhyEdit::Text(_)) {
        reindex(w, id)?;
    }
    get_why(w.tx(), id)
}

/// Moves a cause (with its subtree) under `parent` (or the problem
/// statement) at `position` among its new siblings. Moving a node under
/// itself or its own descendant is refused.
pub fn move_why(
    w: &mut Writer<'_>,
    id: WhyId,
    parent: Option<WhyId>,
    position: u32,
) -> Result<WhyNode> {
    let node = live_node(w, id)?;
    parent_in(w, node.analysis_id, parent)?;
    if let Some(p) = parent {
        // Walk up from the new parent: meeting the node means a cycle.
        let mut at = Some(p);
        while let Some(cur) = at {
            if cur == id {
                return Err(Error::invalid("parentId", Rule::Invalid, None));
            }
            at = w
                .tx()
                .query_row(
                    "SELECT parent_id FROM why_nodes WHERE id = ?1",
                    [cur],
                    |r| r.get(0),
                )
                .optional()?
                .flatten();
        }
        if get_why(w.tx(), p).is_err() {
            return Err(Error::invalid("parentId", Rule::Invalid, None));
        }
    }
    let mut old_order = siblings(w, node.analysis_id, node.parent_id)?;
    old_order.retain(|s| *s != id);
    let mut new_order = if parent == node.parent_id {
        old_order.clone()
    } else {
        siblings(w, node.analysis_id, parent)?
    };
    let at = (position as usize).min(new_order.len());
    new_order.insert(at, id);
    w.tx().execute(
        "UPDATE why_nodes SET parent_id = ?1, updated_at = ?2 WHERE id = ?3",
        params![parent, time::to_text(w.now()), id],
    )?;
    if parent != node.parent_id {
        renumber(w, &old_order)?;
    }
    renumber(w, &new_order)?;
    let key = id.to_string();
    let place = |p: Option<WhyId>, i: usize| {
        format!(
            "{}#{i}",
            p.map(|p| p.to_string()).unwrap_or_else(|| "problem".into())
        )
    };
    w.record(
        WHY,
        &key,
        ChangeOp::Update,
        Some("place"),
        Some(&place(node.parent_id, node.position as usize)),
        Some(&place(parent, at)),
    )?;
    touch_analysis(w, node.analysis_id)?;
    get_why(w.tx(), id)
}

/// Every live descendant of a node, depth first.
fn descendants(w: &Writer<'_>, id: WhyId) -> Result<Vec<WhyId>> {
    let mut stmt = w.tx().prepare_cached(
        "WITH RECURSIVE sub(id) AS (
            SELECT id FROM why_nodes WHERE parent_id = ?1 AND deleted_at IS NULL
            UNION ALL
            SELECT n.id FROM why_nodes n JOIN sub ON n.parent_id = sub.id WHERE n.deleted_at IS NULL
         ) SELECT id FROM sub",
    )?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Moves a cause and its whole subtree to the trash. `undo` marks it as
/// the undoing of its own creation: it is then kept out of the trash list
/// (a redo restores it).
pub fn delete_why(w: &mut Writer<'_>, id: WhyId, undo: bool) -> Result<()> {
    let node = live_node(w, id)?;
    let key = id.to_string();
    trash::mark_deleted(w, WHY, &key)?;
    let now = time::to_text(w.now());
    let author = w.author().to_owned();
    w.tx().execute(
        "UPDATE why_nodes SET undone = ?1 WHERE id = ?2",
        params![undo, id],
    )?;
    for d in descendants(w, id)? {
        w.tx().execute(
            "UPDATE why_nodes SET deleted_at = ?1, deleted_by = ?2, deleted_with = ?3 WHERE id = ?4",
            params![now, author, id, d],
        )?;
        remove_from_search(w, d)?;
    }
    remove_from_search(w, id)?;
    let mut order = siblings(w, node.analysis_id, node.parent_id)?;
    order.retain(|s| *s != id);
    renumber(w, &order)?;
    touch_analysis(w, node.analysis_id)
}

/// Brings a trashed cause back, with everything deleted along with it, at
/// its old place among its siblings.
pub(crate) fn restore_why(w: &mut Writer<'_>, id: WhyId) -> Result<WhyNode> {
    let node_row: Option<(AnalysisId, Option<WhyId>, i64)> = w
        .tx()
        .query_row(
            "SELECT analysis_id, parent_id, position FROM why_nodes WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((analysis, parent, position)) = node_row else {
        return Err(Error::NotFound {
            entity: WHY,
            id: id.to_string(),
        });
    };
    live_analysis_of(w.tx(), analysis)?;
    if let Some(p) = parent {
        if get_why(w.tx(), p).is_err() {
            return Err(Error::Conflict(
                "the cause it explains is in the trash: restore that first".into(),
            ));
        }
    }
    trash::mark_restored(w, WHY, &id.to_string())?;
    // Live again, it went along with nothing: a cause restored by itself
    // (its parent brought back without it, by a merge) must not keep the
    // mark, or a later delete of it alone would still read as "with it".
    w.tx().execute(
        "UPDATE why_nodes SET undone = 0, deleted_with = NULL WHERE id = ?1",
        [id],
    )?;
    let along: Vec<WhyId> = {
        let mut stmt = w
            .tx()
            .prepare("SELECT id FROM why_nodes WHERE deleted_with = ?1")?;
        let rows = stmt.query_map([id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    w.tx().execute(
        "UPDATE why_nodes SET deleted_at = NULL, deleted_by = NULL, deleted_with = NULL
         WHERE deleted_with = ?1",
        [id],
    )?;
    let mut order = siblings(w, analysis, parent)?;
    order.retain(|s| *s != id);
    let at = usize::try_from(position)
        .unwrap_or_default()
        .min(order.len());
    order.insert(at, id);
    renumber(w, &order)?;
    reindex(w, id)?;
    for d in along {
        reindex(w, d)?;
    }
    touch_analysis(w, analysis)?;
    get_why(w.tx(), id)
}

fn evidence_fields(input: &NewEvidence) -> Result<(String, String)> {
    let note = v::text("note", &input.note, EVIDENCE_NOTE_MAX, false);
    let reference = v::line("reference", &input.reference, EVIDENCE_REFERENCE_MAX, false);
    let mut c = Checks::new();
    c.note(&note);
    c.note(&reference);
    c.finish()?;
    let (note, reference) = (note?, reference?);
    if note.is_empty() && reference.is_empty() {
        return Err(Error::invalid("note", Rule::Required, None));
    }
    Ok((note, reference))
}

fn evidence_text(note: &str, reference: &str) -> String {
    match (note.is_empty(), reference.is_empty()) {
        (false, false) => format!("{note} ({reference})"),
        (false, true) => note.to_owned(),
        _ => reference.to_owned(),
    }
}

/// Adds a piece of evidence to a cause.
pub fn add_evidence(w: &mut Writer<'_>, why: WhyId, input: &NewEvidence) -> Result<Evidence> {
    let node = live_node(w, why)?;
    let (note, reference) = evidence_fields(input)?;
    let id = EvidenceId::new();
    let now = time::to_text(w.now());
    let position: i64 = w.tx().query_row(
        "SELECT coalesce(max(position) + 1, 0) FROM why_evidence WHERE why_id = ?1",
        [why],
        |r| r.get(0),
    )?;
    w.tx().execute(
        "INSERT INTO why_evidence (id, why_id, position, note, reference, author, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            id,
            why,
            position,
            note,
            reference,
            w.author().to_owned(),
            now
        ],
    )?;
    w.record(
        WHY,
        &why.to_string(),
        ChangeOp::Update,
        Some("evidence"),
        None,
        Some(&evidence_text(&note, &reference)),
    )?;
    touch_analysis(w, node.analysis_id)?;
    reindex(w, why)?;
    get_why(w.tx(), why)?
        .evidence
        .into_iter()
        .find(|e| e.id == id)
        .ok_or_else(|| Error::Internal("evidence vanished".into()))
}

fn evidence_owner(w: &Writer<'_>, id: EvidenceId) -> Result<(WhyId, String, String)> {
    w.tx()
        .query_row(
            "SELECT why_id, note, reference FROM why_evidence WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: "evidence",
            id: id.to_string(),
        })
}

/// Changes a piece of evidence.
pub fn edit_evidence(w: &mut Writer<'_>, id: EvidenceId, input: &NewEvidence) -> Result<Evidence> {
    let (why, old_note, old_reference) = evidence_owner(w, id)?;
    let node = live_node(w, why)?;
    let (note, reference) = evidence_fields(input)?;
    if note == old_note && reference == old_reference {
        return node
            .evidence
            .into_iter()
            .find(|e| e.id == id)
            .ok_or_else(|| Error::Internal("evidence vanished".into()));
    }
    w.tx().execute(
        "UPDATE why_evidence SET note = ?1, reference = ?2 WHERE id = ?3",
        params![note, reference, id],
    )?;
    w.record(
        WHY,
        &why.to_string(),
        ChangeOp::Update,
        Some("evidence"),
        Some(&evidence_text(&old_note, &old_reference)),
        Some(&evidence_text(&note, &reference)),
    )?;
    touch_analysis(w, node.analysis_id)?;
    reindex(w, why)?;
    get_why(w.tx(), why)?
        .evidence
        .into_iter()
        .find(|e| e.id == id)
        .ok_or_else(|| Error::Internal("evidence vanished".into()))
}

/// Removes a piece of evidence. Its text stays in the cause's history.
pub fn remove_evidence(w: &mut Writer<'_>, id: EvidenceId) -> Result<WhyNode> {
    let (why, note, reference) = evidence_owner(w, id)?;
    let node = live_node(w, why)?;
    w.tx()
        .execute("DELETE FROM why_evidence WHERE id = ?1", [id])?;
    w.record(
        WHY,
        &why.to_string(),
        ChangeOp::Update,
        Some("evidence"),
        Some(&evidence_text(&note, &reference)),
        None,
    )?;
    touch_analysis(w, node.analysis_id)?;
    reindex(w, why)?;
    get_why(w.tx(), why)
}

fn remove_from_search(w: &Writer<'_>, id: WhyId) -> Result<()> {
    let rowid: i64 = w
        .tx()
        .query_row("SELECT rowid FROM why_nodes WHERE id = ?1", [id], |r| {
            r.get(0)
        })?;
    search::remove(w, search::WHYS, rowid)
}

/// Rebuilds a cause's search document: its text and its evidence.
pub(crate) fn reindex(w: &Writer<'_>, id: WhyId) -> Result<()> {
    let (rowid, body): (i64, String) = w.tx().query_row(
        "SELECT n.rowid, n.text || char(10) ||
            coalesce((SELECT group_concat(note || ' ' || reference, char(10))
                      FROM why_evidence WHERE why_id = n.id), '')
         FROM why_nodes n WHERE n.id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    search::index(w, search::WHYS, rowid, &body)
}

/// Moves every analysis of problem `from` to problem `to` (a merge), with
/// a history entry on each.
pub(crate) fn move_to_problem(w: &mut Writer<'_>, from: ProblemId, to: ProblemId) -> Result<()> {
    v::move_to_problem(w, "analyses", ANALYSIS, from, to)
}
