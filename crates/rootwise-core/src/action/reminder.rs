//! The reminder's figures: overdue actions and effectiveness checks due.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::table::{SHOWN, WORKING};
use crate::error::Result;

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
