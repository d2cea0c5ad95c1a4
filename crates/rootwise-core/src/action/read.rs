//! Reading actions: one with its page, a problem's, the filtered table, the
//! overview's figures, the reminder and the before/after effect.
//!
//! "Today" is the user's calendar day, sent by the UI, so "overdue" and
//! "due this week" follow the user's clock; stored days are plain dates.

use chrono::{Duration, NaiveDate};
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::{
    Action, ActionDetail, ActionFlags, ActionKind, ActionRow, ActionStatus, CauseRef, CheckResult,
    Comment,
};
use super::ENTITY;
use crate::error::{Error, Result};
use crate::ids::{ActionId, ProblemId, WhyId};
use crate::problem::occurrence::{week_start, weekly_counts, WeekCount};
use crate::time;

const COLUMNS: &str = "a.id, a.problem_id, p.title, a.title, a.description, a.kind, a.owner,
    a.due_on, a.priority, a.status, a.cancel_reason, a.check_method, a.check_due_on,
    a.check_result, a.check_notes, a.checked_on, a.done_on, a.recurred_on, a.sample,
    a.created_at, a.updated_at";

fn day(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let text: Option<String> = r.get(i)?;
    text.map(|t| {
        NaiveDate::parse_from_str(&t, "%Y-%m-%d").map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
        })
    })
    .transpose()
}

fn stamp(r: &Row<'_>, i: usize) -> rusqlite::Result<chrono::DateTime<chrono::Utc>> {
    let text: String = r.get(i)?;
    time::from_text(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            Box::new(std::io::Error::other(e.to_string())),
        )
    })
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<Action> {
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

fn with_causes(conn: &Connection, mut action: Action) -> Result<Action> {
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

fn row(action: Action, today: NaiveDate) -> ActionRow {
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

/// The causes matching `filter` (bound to `?1`), reached through `join`.
pub(crate) fn cause_refs(
    conn: &Connection,
    join: &str,
    filter: &str,
    key: &str,
) -> Result<Vec<CauseRef>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT n.id, n.text, a.id, a.title, n.root_cause,
                n.deleted_at IS NOT NULL OR a.deleted_at IS NOT NULL
         FROM why_nodes n JOIN analyses a ON a.id = n.analysis_id {join}
         WHERE {filter} ORDER BY a.held_on, a.id, n.created_at, n.id"
    ))?;
    let rows = stmt.query_map([key], |r| {
        Ok(CauseRef {
            id: r.get(0)?,
            text: r.get(1)?,
            analysis_id: r.get(2)?,
            analysis_title: r.get(3)?,
            root_cause: r.get(4)?,
            deleted: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
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

crate::text_enum! {
    /// The due-day filter of the table.
    pub enum DueFilter {
        /// Past the due day and not done.
        Overdue = "overdue",
        /// Due this week (Monday to Sunday) and not done.
        ThisWeek = "this_week",
        /// No due day set.
        NoDate = "none",
    }
}

crate::text_enum! {
    /// What the table is sorted by.
    pub enum ActionSort {
        /// The due day, undated last.
        Due = "due",
        /// Priority, most urgent first, then due day.
        Priority = "priority",
        /// The last change.
        Updated = "updated",
    }
}

/// Filters, sort and page of the actions table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ActionQuery {
    /// Only these statuses (all when empty).
    pub statuses: Vec<ActionStatus>,
    /// Only these kinds (all when empty).
    pub kinds: Vec<ActionKind>,
    /// Only this owner ("" for actions nobody owns).
    #[ts(optional)]
    pub owner: Option<String>,
    /// Only this problem's actions.
    #[ts(optional, type = "string")]
    pub problem_id: Option<String>,
    /// Only overdue, due this week, or undated actions.
    #[ts(optional)]
    pub due: Option<DueFilter>,
    /// Sort key.
    pub sort: ActionSort,
    /// Largest first (latest due day, least urgent, oldest change).
    pub descending: bool,
    /// The user's today (UTC's when absent).
    #[ts(optional)]
    pub today: Option<NaiveDate>,
    /// Rows to skip.
    pub offset: u32,
    /// Rows to return (1 to 1,000).
    pub limit: u32,
}

impl Default for ActionQuery {
    fn default() -> Self {
        Self {
            statuses: Vec::new(),
            kinds: Vec::new(),
            owner: None,
            problem_id: None,
            due: None,
            sort: ActionSort::Due,
            descending: false,
            today: None,
            offset: 0,
            limit: 100,
        }
    }
}

/// One page of the actions table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionPage {
    /// The actions on this page.
    pub items: Vec<ActionRow>,
    /// How many actions match in all.
    pub total: u32,
}

/// Largest page.
pub const PAGE_MAX: u32 = 1_000;

/// Statuses in which an action still needs work (not done, not finished).
const WORKING: &str = "('open', 'in_progress', 'not_effective')";

/// The actions the table shows: live, of a live problem. Spelled exactly as
/// the partial indexes' condition, so the planner can use them.
const SHOWN: &str = "deleted_at IS NULL AND problem_trashed = 0";

fn sunday(today: NaiveDate) -> NaiveDate {
    week_start(today) + Duration::days(6)
}

/// The WHERE clause and its parameters for a query's filters.
fn filters(q: &ActionQuery, today: NaiveDate) -> Result<(String, Vec<String>)> {
    let mut sql = String::from("a.deleted_at IS NULL AND a.problem_trashed = 0");
    let mut args: Vec<String> = Vec::new();
    let mut list = |sql: &mut String, column: &str, values: Vec<&'static str>| {
        if !values.is_empty() {
            let marks = vec!["?"; values.len()].join(", ");
            sql.push_str(&format!(" AND {column} IN ({marks})"));
            args.extend(values.into_iter().map(str::to_owned));
        }
    };
    list(
        &mut sql,
        "a.status",
        q.statuses.iter().map(|s| s.as_str()).collect(),
    );
    list(
        &mut sql,
        "a.kind",
        q.kinds.iter().map(|k| k.as_str()).collect(),
    );
    if let Some(owner) = &q.owner {
        sql.push_str(" AND a.owner = ?");
        args.push(owner.trim().to_owned());
    }
    if let Some(problem) = &q.problem_id {
        let id: ProblemId = problem.parse()?;
        sql.push_str(" AND a.problem_id = ?");
        args.push(id.to_string());
    }
    match q.due {
        Some(DueFilter::Overdue) => {
            sql.push_str(&format!(" AND a.due_key < ? AND a.status IN {WORKING}"));
            args.push(today.to_string());
        }
        Some(DueFilter::ThisWeek) => {
            sql.push_str(&format!(
                " AND a.due_key BETWEEN ? AND ? AND a.status IN {WORKING}"
            ));
            args.push(week_start(today).to_string());
            args.push(sunday(today).to_string());
        }
        // As the indexes hold it: undated actions sort after every date.
        Some(DueFilter::NoDate) => sql.push_str(" AND a.due_key = '9999-12-31'"),
        None => {}
    }
    Ok((sql, args))
}

/// One page of the actions table.
///
/// The page's ids are read first from one index (the rows themselves only
/// for the page): a problem's actions from the problem index, one owner's
/// from the owner index, anything else by walking the sort's index (counted
/// from the status index when statuses are chosen), each
/// carrying the filter columns so rows that do not match are never read.
pub fn query(conn: &Connection, q: &ActionQuery) -> Result<ActionPage> {
    let today = q.today.unwrap_or_else(time::today_utc);
    let (filter, args) = filters(q, today)?;
    // Each order is its index's columns, then the rowid, so the walk needs
    // no sort; an owner's due order is the owner index's (owner is fixed).
    let (sort_index, order) = match q.sort {
        ActionSort::Due => (
            "actions_live_due",
            [
                "a.due_key",
                "a.priority_rank DESC",
                "a.status",
                "a.kind",
                "a.owner",
                "a.rowid",
            ]
            .as_slice(),
        ),
        ActionSort::Priority => (
            "actions_live_priority",
            [
                "a.priority_rank DESC",
                "a.due_key",
                "a.status",
                "a.kind",
                "a.owner",
                "a.rowid",
            ]
            .as_slice(),
        ),
        ActionSort::Updated => (
            "actions_live_updated",
            [
                "a.updated_at DESC",
                "a.status",
                "a.kind",
                "a.owner",
                "a.due_key",
                "a.rowid",
            ]
            .as_slice(),
        ),
    };
    let order = order
        .iter()
        .map(|term| match (q.descending, term.strip_suffix(" DESC")) {
            (false, _) => (*term).to_owned(),
            (true, Some(column)) => column.to_owned(),
            (true, None) => format!("{term} DESC"),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let (count_index, page_index) = if q.problem_id.is_some() {
        ("actions_by_problem", "actions_by_problem")
    } else if q.owner.is_some() {
        let walk = if q.sort == ActionSort::Due {
            "actions_live_owner"
        } else {
            sort_index
        };
        ("actions_live_owner", walk)
    } else if !q.statuses.is_empty() {
        ("actions_live_status", sort_index)
    } else {
        ("actions_live_due", sort_index)
    };
    let total: u32 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM actions a INDEXED BY {count_index} WHERE {filter}"
        ))?
        .query_row(params_from_iter(args.iter()), |r| r.get(0))?;
    let limit = q.limit.clamp(1, PAGE_MAX);
    let rowids: Vec<i64> = {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT a.rowid FROM actions a INDEXED BY {page_index}
             WHERE {filter} ORDER BY {order} LIMIT {limit} OFFSET {}",
            q.offset
        ))?;
        let rows = stmt.query_map(params_from_iter(args.iter()), |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut by_rowid = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM actions a JOIN problems p ON p.id = a.problem_id WHERE a.rowid = ?1"
    ))?;
    let items = rowids
        .into_iter()
        .map(|rowid| {
            let action = by_rowid.query_row([rowid], from_row)?;
            Ok(row(with_causes(conn, action)?, today))
        })
        .collect::<Result<_>>()?;
    Ok(ActionPage { items, total })
}

/// The people who own actions, most actions first: suggestions for the
/// owner field and the owner filter.
pub fn owners(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT owner FROM actions INDEXED BY actions_live_owner
         WHERE deleted_at IS NULL AND problem_trashed = 0 AND owner <> ''
         GROUP BY owner ORDER BY count(*) DESC, owner LIMIT 200",
    )?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A problem that has actions: a choice of the table's problem filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionProblem {
    /// The problem.
    pub id: ProblemId,
    /// Its title.
    pub title: String,
    /// Its actions that still need work or their check.
    pub open: u32,
}

/// Most problems the filter offers.
pub const PROBLEMS_LISTED: u32 = 1_000;

/// The live problems that have live actions, by title.
pub fn problems(conn: &Connection) -> Result<Vec<ActionProblem>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.id, p.title, count(*) FILTER (WHERE a.active = 1)
         FROM actions a JOIN problems p ON p.id = a.problem_id
         WHERE a.deleted_at IS NULL AND a.problem_trashed = 0
         GROUP BY p.id ORDER BY p.title COLLATE NOCASE, p.id LIMIT {PROBLEMS_LISTED}"
    ))?;
    let rows = stmt.query_map([], |r| {
        Ok(ActionProblem {
            id: r.get(0)?,
            title: r.get(1)?,
            open: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One owner's share of the unfinished work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OwnerLoad {
    /// The owner ("" for actions nobody owns).
    pub owner: String,
    /// Actions that still need work.
    pub open: u32,
    /// Of those, how many are overdue.
    pub overdue: u32,
}

/// Actions planned (due) and completed (marked done) in one week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WeekProgress {
    /// The Monday the week starts on.
    pub week_start: NaiveDate,
    /// Actions due that week (cancelled ones left out).
    pub planned: u32,
    /// Actions marked done that week.
    pub completed: u32,
}

/// The figures of the actions overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Overview {
    /// Actions that still need work (open, in progress, not effective).
    pub open: u32,
    /// Of those, past their due day.
    pub overdue: u32,
    /// Of those, due this week.
    pub due_this_week: u32,
    /// Done and waiting for their effectiveness check.
    pub awaiting_check: u32,
    /// Unfinished work per owner, most first.
    pub by_owner: Vec<OwnerLoad>,
    /// Planned against completed for the weeks up to this one.
    pub weeks: Vec<WeekProgress>,
    /// Effectiveness checks due within a week (or late), soonest first.
    pub checks_due: Vec<ActionRow>,
}

/// Weeks the overview's chart covers.
pub const OVERVIEW_WEEKS: u32 = 12;
/// Most checks the overview lists.
pub const CHECKS_LISTED: u32 = 50;

/// The overview's figures as of `today`.
pub fn overview(conn: &Connection, today: NaiveDate) -> Result<Overview> {
    let t = today.to_string();
    let (from, to) = (week_start(today).to_string(), sunday(today).to_string());
    // One walk of the owner index gives every count, per owner; the totals
    // are their sums.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT owner,
                count(*) FILTER (WHERE status IN {WORKING}),
                count(*) FILTER (WHERE status IN {WORKING} AND due_key < ?1),
                count(*) FILTER (WHERE status IN {WORKING} AND due_key BETWEEN ?2 AND ?3),
                count(*) FILTER (WHERE status = 'done')
         FROM actions INDEXED BY actions_live_owner
         WHERE {SHOWN} AND status IN ('open', 'in_progress', 'not_effective', 'done')
         GROUP BY owner"
    ))?;
    let rows = stmt.query_map([&t, &from, &to], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, u32>(1)?,
            r.get::<_, u32>(2)?,
            r.get::<_, u32>(3)?,
            r.get::<_, u32>(4)?,
        ))
    })?;
    let (mut open, mut overdue, mut due_this_week, mut awaiting_check) = (0, 0, 0, 0);
    let mut by_owner: Vec<OwnerLoad> = Vec::new();
    for row in rows {
        let (owner, o, late, week, done) = row?;
        open += o;
        overdue += late;
        due_this_week += week;
        awaiting_check += done;
        if o > 0 {
            by_owner.push(OwnerLoad {
                owner,
                open: o,
                overdue: late,
            });
        }
    }
    by_owner.sort_by(|a, b| b.open.cmp(&a.open).then_with(|| a.owner.cmp(&b.owner)));
    let last = week_start(today);
    let first = last - Duration::weeks(i64::from(OVERVIEW_WEEKS - 1));
    let mut weeks: Vec<WeekProgress> = (0..OVERVIEW_WEEKS)
        .map(|i| WeekProgress {
            week_start: first + Duration::weeks(i64::from(i)),
            planned: 0,
            completed: 0,
        })
        .collect();
    let end = sunday(today).to_string();
    let slot = |d: &str| -> Result<Option<usize>> {
        let d = time::parse_day(d)?;
        Ok(usize::try_from((d - first).num_days() / 7).ok())
    };
    {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT due_key, count(*) FROM actions INDEXED BY actions_live_due
             WHERE {SHOWN} AND due_key BETWEEN ?1 AND ?2 AND status <> 'cancelled'
             GROUP BY due_key"
        ))?;
        let rows = stmt.query_map([first.to_string(), end.clone()], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?))
        })?;
        for row in rows {
            let (d, n) = row?;
            if let Some(w) = slot(&d)?.and_then(|i| weeks.get_mut(i)) {
                w.planned += n;
            }
        }
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT done_on, count(*) FROM actions INDEXED BY actions_done_on
             WHERE {SHOWN} AND done_on IS NOT NULL AND done_on BETWEEN ?1 AND ?2
             GROUP BY done_on"
        ))?;
        let rows = stmt.query_map([first.to_string(), end], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?))
        })?;
        for row in rows {
            let (d, n) = row?;
            if let Some(w) = slot(&d)?.and_then(|i| weeks.get_mut(i)) {
                w.completed += n;
            }
        }
    }
    let soon = (today + Duration::days(7)).to_string();
    let checks_due = {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM actions a INDEXED BY actions_checks_due
             JOIN problems p ON p.id = a.problem_id
             WHERE a.deleted_at IS NULL AND a.problem_trashed = 0 AND a.status = 'done'
               AND a.check_due_on <= ?1
             ORDER BY a.check_due_on, a.id LIMIT {CHECKS_LISTED}"
        ))?;
        let actions: Vec<Action> = stmt
            .query_map([soon], from_row)?
            .collect::<rusqlite::Result<_>>()?;
        actions
            .into_iter()
            .map(|a| Ok(row(with_causes(conn, a)?, today)))
            .collect::<Result<Vec<_>>>()?
    };
    Ok(Overview {
        open,
        overdue,
        due_this_week,
        awaiting_check,
        by_owner,
        weeks,
        checks_due,
    })
}

/// What a reminder says: how many actions are overdue and how many
/// effectiveness checks are due (today or late).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    /// Actions past their due day that still need work.
    pub overdue: u32,
    /// Effectiveness checks due today or earlier.
    pub checks_due: u32,
}

/// The reminder's figures as of `today`.
pub fn reminder(conn: &Connection, today: NaiveDate) -> Result<Reminder> {
    let t = today.to_string();
    let overdue: u32 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM actions INDEXED BY actions_live_due
             WHERE {SHOWN} AND due_key < ?1 AND status IN {WORKING}"
        ))?
        .query_row([&t], |r| r.get(0))?;
    let checks_due: u32 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM actions INDEXED BY actions_checks_due
             WHERE {SHOWN} AND status = 'done' AND check_due_on <= ?1"
        ))?
        .query_row([&t], |r| r.get(0))?;
    Ok(Reminder {
        overdue,
        checks_due,
    })
}

/// How often a problem was reported before and after one action was done.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionEffect {
    /// The action.
    pub action_id: ActionId,
    /// Its title.
    pub title: String,
    /// Its kind.
    pub kind: ActionKind,
    /// Its status.
    pub status: ActionStatus,
    /// The day it was done.
    pub done_on: NaiveDate,
    /// Reports per week in the weeks before (up to [`EFFECT_WEEKS`], and
    /// not before the problem was first reported).
    pub before_per_week: f64,
    /// Reports per week since it was done (its day included), up to
    /// [`EFFECT_WEEKS`]; none on the day itself.
    pub after_per_week: Option<f64>,
    /// Whole or partial weeks counted after.
    pub weeks_after: u32,
}

/// Reports per week around a problem's actions: the chart on its page.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProblemEffect {
    /// Reports per week, oldest first, up to this week.
    pub weeks: Vec<WeekCount>,
    /// Each action that was done, in the order done.
    pub actions: Vec<ActionEffect>,
}

/// Weeks compared before and after an action.
pub const EFFECT_WEEKS: i64 = 8;
/// Most weeks the problem's chart covers.
pub const EFFECT_SPAN_MAX: u32 = 52;

/// Reports per week before and after each of a problem's done actions.
pub fn effect(conn: &Connection, problem: ProblemId, today: NaiveDate) -> Result<ProblemEffect> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, title, kind, status, done_on FROM actions
         WHERE problem_id = ?1 AND deleted_at IS NULL AND done_on IS NOT NULL
           AND status <> 'cancelled'
         ORDER BY done_on, id",
    )?;
    let done: Vec<(ActionId, String, ActionKind, ActionStatus, String)> = stmt
        .query_map([problem], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    // Every report day, the first report included.
    let mut days: Vec<NaiveDate> = Vec::new();
    let reported: String = conn.query_row(
        "SELECT reported_on FROM problems WHERE id = ?1",
        [problem],
        |r| r.get(0),
    )?;
    days.push(time::parse_day(&reported)?);
    let mut stmt =
        conn.prepare_cached("SELECT occurred_on FROM occurrences WHERE problem_id = ?1")?;
    for d in stmt.query_map([problem], |r| r.get::<_, String>(0))? {
        days.push(time::parse_day(&d?)?);
    }
    let first_report = days.iter().min().copied().unwrap_or(today);
    let count =
        |from: NaiveDate, to: NaiveDate| days.iter().filter(|d| **d >= from && **d < to).count();
    let weeks_in = |days: i64| ((days + 6) / 7).max(1);
    let mut actions = Vec::with_capacity(done.len());
    for (id, title, kind, status, done_on) in done {
        let done_on = time::parse_day(&done_on)?;
        // Before: up to eight weeks, but not before the first report.
        let start = (done_on - Duration::weeks(EFFECT_WEEKS)).max(first_report);
        let weeks_before = weeks_in((done_on - start).num_days());
        let before = count(start, done_on) as f64 / weeks_before as f64;
        // Since: from the day it was done up to today (at most eight weeks);
        // not measured on the day itself.
        let days_after =
            ((done_on + Duration::weeks(EFFECT_WEEKS)).min(today) - done_on).num_days();
        let (after, weeks_after) = if days_after <= 0 {
            (None, 0)
        } else {
            let weeks = weeks_in(days_after);
            let reports = count(done_on, done_on + Duration::days(days_after + 1));
            (Some(reports as f64 / weeks as f64), weeks as u32)
        };
        actions.push(ActionEffect {
            action_id: id,
            title,
            kind,
            status,
            done_on,
            before_per_week: before,
            after_per_week: after,
            weeks_after,
        });
    }
    let earliest = actions
        .first()
        .map(|a| a.done_on - Duration::weeks(EFFECT_WEEKS))
        .unwrap_or(today - Duration::weeks(11));
    let span = ((week_start(today) - week_start(earliest)).num_days() / 7 + 1)
        .clamp(12, i64::from(EFFECT_SPAN_MAX));
    let weeks = weekly_counts(conn, problem, span as u32, today)?;
    Ok(ProblemEffect { weeks, actions })
}
