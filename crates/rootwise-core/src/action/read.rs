//! Reading actions: one with its page and a problem's. The filtered table
//! is in [`super::table`], the overview's figures in [`super::overview`],
//! the reminder in [`super::reminder`]; the before/after effect on the
//! problem's reports is `workflow::effect`.
//!
//! "Today" is the user's calendar day, sent by the UI, so "overdue" and
//! "due this week" follow the user's clock; stored days are plain dates.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};

use super::model::{
    Action, ActionDetail, ActionFlags, ActionKind, ActionRow, ActionStatus, CauseRef, CheckResult,
    Comment,
};
use super::ENTITY;
use crate::error::{Error, Result};
use crate::ids::{ActionId, ProblemId, WhyId};
use crate::refs::cause_refs;
use crate::time;

pub(super) const COLUMNS: &str =
    "a.id, a.problem_id, p.title, a.title, a.description, a.kind, a.owner,
    a.due_on, a.priority, a.status, a.cancel_reason, a.check_method, a.check_due_on,
    a.check_result, a.check_notes, a.checked_on, a.done_on, a.recurred_on, a.sample,
    a.created_at, a.updated_at";

pub(super) fn day(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let text: Option<String> = r.get(i)?;
    text.map(|t| {
        NaiveDate::parse_from_str(&t, "%Y-%m-%d").map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
        })
    })
    .transpose()
}

pub(super) fn stamp(r: &Row<'_>, i: usize) -> rusqlite::Result<chrono::DateTime<chrono::Utc>> {
    let text: String = r.get(i)?;
    time::from_text(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            Box::new(std::io::Error::other(e.to_string())),
        )
    })
}

pub(super) fn from_row(r: &Row<'_>) -> rusqlite::Result<Action> {
    Ok(Action {
        id: r.get(0)?,
        problem_id: r.get(1)?,
        problem_title: r.get(2)?,
        title: r.get(3)?,
        description: r.get(4)?,
        kind: r.get(5)?,
        cause_ids: Vec::new(),
        owner: r.get(6)?,
        due_on: day(r, 7)?,
        priority: r.get(8)?,
        status: r.get(9)?,
        cancel_reason: r.get(10)?,
        check_method: r.get(11)?,
        check_due_on: day(r, 12)?,
        check_result: r.get::<_, Option<CheckResult>>(13)?,
        check_notes: r.get(14)?,
        checked_on: day(r, 15)?,
        done_on: day(r, 16)?,
        recurred_on: day(r, 17)?,
        sample: r.get(18)?,
        created_at: stamp(r, 19)?,
        updated_at: stamp(r, 20)?,
    })
}

fn cause_ids(conn: &Connection, id: ActionId) -> Result<Vec<WhyId>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.why_id FROM action_causes c JOIN why_nodes n ON n.id = c.why_id
         WHERE c.action_id = ?1 ORDER BY n.created_at, n.id",
    )?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn with_causes(conn: &Connection, mut action: Action) -> Result<Action> {
    action.cause_ids = cause_ids(conn, action.id)?;
    Ok(action)
}

/// An action, live or in the trash.
pub fn get(conn: &Connection, id: ActionId) -> Result<Action> {
    let action = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM actions a JOIN problems p ON p.id = a.problem_id WHERE a.id = ?1"
        ))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: ENTITY,
            id: id.to_string(),
        })?;
    with_causes(conn, action)
}

/// What to look at about an action, as of `today`.
pub fn flags(action: &Action, today: NaiveDate) -> ActionFlags {
    let working = matches!(
        action.status,
        ActionStatus::Open | ActionStatus::InProgress | ActionStatus::NotEffective
    );
    ActionFlags {
        overdue: working && action.due_on.is_some_and(|d| d < today),
        check_due: action.status == ActionStatus::Done
            && action.check_due_on.is_some_and(|d| d <= today),
        recurred: action.recurred_on.is_some(),
        no_root_cause: action.kind == ActionKind::Corrective && action.cause_ids.is_empty(),
    }
}

pub(super) fn row(action: Action, today: NaiveDate) -> ActionRow {
    ActionRow {
        flags: flags(&action, today),
        action,
    }
}

/// A live action with its causes and comments.
pub fn detail(conn: &Connection, id: ActionId, today: NaiveDate) -> Result<ActionDetail> {
    let action = get(conn, id)?;
    let deleted: Option<String> =
        conn.query_row("SELECT deleted_at FROM actions WHERE id = ?1", [id], |r| {
            r.get(0)
        })?;
    if deleted.is_some() {
        return Err(Error::NotFound {
            entity: ENTITY,
            id: id.to_string(),
        });
    }
    let causes = cause_refs(
        conn,
        "JOIN action_causes c ON c.why_id = n.id",
        "c.action_id = ?1",
        &id.to_string(),
    )?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, action_id, body, author, created_at FROM action_comments
         WHERE action_id = ?1 ORDER BY created_at, id",
    )?;
    let comments = stmt
        .query_map([id], |r| {
            Ok(Comment {
                id: r.get(0)?,
                action_id: r.get(1)?,
                body: r.get(2)?,
                author: r.get(3)?,
                created_at: stamp(r, 4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ActionDetail {
        flags: flags(&action, today),
        action,
        causes,
        comments,
    })
}

/// The root causes found in a problem's live analyses: what its actions
/// can address.
pub fn root_causes(conn: &Connection, problem: ProblemId) -> Result<Vec<CauseRef>> {
    cause_refs(
        conn,
        "",
        "a.problem_id = ?1 AND n.root_cause = 1 AND n.deleted_at IS NULL AND a.deleted_at IS NULL",
        &problem.to_string(),
    )
}

/// A problem's live actions, the unfinished first, then by due day.
pub fn for_problem(
    conn: &Connection,
    problem: ProblemId,
    today: NaiveDate,
) -> Result<Vec<ActionRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM actions a JOIN problems p ON p.id = a.problem_id
         WHERE a.problem_id = ?1 AND a.deleted_at IS NULL
         ORDER BY a.active DESC, a.due_key, a.created_at, a.id"
    ))?;
    let actions: Vec<Action> = stmt
        .query_map([problem], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    actions
        .into_iter()
        .map(|a| Ok(row(with_causes(conn, a)?, today)))
        .collect()
}
