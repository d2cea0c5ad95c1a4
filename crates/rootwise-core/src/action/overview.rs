//! The actions overview's figures: open, overdue, due this week, awaiting
//! a check, each owner's load, weekly progress, checks due.

use chrono::{Duration, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::model::{Action, ActionRow};
use super::read::{from_row, row, with_causes, COLUMNS};
use super::table::{sunday, SHOWN, WORKING};
use crate::error::Result;
use crate::time::{self, week_start};

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
