//! The actions table: filters, sort and pages, the owners and problems
//! its filters offer.
//!
//! "Today" is the user's calendar day, sent by the UI, so "overdue" and
//! "due this week" follow the user's clock; stored days are plain dates.

use chrono::{Duration, NaiveDate};
use rusqlite::{params_from_iter, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::{ActionKind, ActionRow, ActionStatus};
use super::read::{from_row, row, with_causes, COLUMNS};
use crate::error::Result;
use crate::ids::ProblemId;
use crate::time::{self, week_start};

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
pub(super) const WORKING: &str = "('open', 'in_progress', 'not_effective')";

/// The actions the table shows: live, of a live problem. Spelled exactly as
/// the partial indexes' condition, so the planner can use them.
pub(super) const SHOWN: &str = "deleted_at IS NULL AND problem_trashed = 0";

pub(super) fn sunday(today: NaiveDate) -> NaiveDate {
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
