//! A fix's effect on its problem's reports: how often the problem was
//! reported before and after each done action (the chart on the problem's
//! page). It reads the action area's rows and the problem area's reports.

use chrono::{Duration, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::action::{ActionKind, ActionStatus};
use crate::error::Result;
use crate::ids::{ActionId, ProblemId};
use crate::problem::{weekly_counts, WeekCount};
use crate::time::{self, week_start};

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
    /// Reports per week in the weeks up to the day it was done, that day
    /// included (up to [`EFFECT_WEEKS`], and not before the problem was
    /// first reported): the reports that led to the fix count as before it.
    pub before_per_week: f64,
    /// Reports per week from the day after it was done, up to
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
        // Before: up to eight weeks, but not before the first report, up to
        // and including the day it was done (a fix done the day a problem
        // was reported three times had three reports a week before it).
        let start = (done_on - Duration::weeks(EFFECT_WEEKS))
            .max(first_report)
            .min(done_on);
        let day_after = done_on + Duration::days(1);
        let weeks_before = weeks_in((day_after - start).num_days());
        let before = count(start, day_after) as f64 / weeks_before as f64;
        // Since: from the next day up to today (at most eight weeks); not
        // measured on the day itself.
        let days_after =
            ((done_on + Duration::weeks(EFFECT_WEEKS)).min(today) - done_on).num_days();
        let (after, weeks_after) = if days_after <= 0 {
            (None, 0)
        } else {
            let weeks = weeks_in(days_after);
            let reports = count(day_after, day_after + Duration::days(days_after));
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
