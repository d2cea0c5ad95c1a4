//! Reading survey answers and period figures.

use rusqlite::{Connection, OptionalExtension};

use super::model::{PeriodFigures, SurveyResponse};
use super::{PERIOD, RESPONSE};
use crate::error::{Error, Result};
use crate::ids::{PeriodId, ResponseId};
use crate::time;

const RESPONSE_COLUMNS: &str = "id, kind, score, ces_scale, ces_easy, responded_on, channel,
    comment, ticket_ref, customer, problem_id, created_at, updated_at, touchpoint_id";

fn response_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<SurveyResponse> {
    Ok(SurveyResponse {
        id: r.get(0)?,
        kind: r.get(1)?,
        score: r.get(2)?,
        ces_scale: r.get(3)?,
        ces_easy: r.get(4)?,
        responded_on: time::column_day(r, 5)?,
        channel: r.get(6)?,
        comment: r.get(7)?,
        ticket_ref: r.get(8)?,
        customer: r.get(9)?,
        problem_id: r.get(10)?,
        created_at: time::column_stamp(r, 11)?,
        updated_at: time::column_stamp(r, 12)?,
        touchpoint_id: r.get(13)?,
    })
}

/// One answer, live or in the trash.
pub fn get_response(conn: &Connection, id: ResponseId) -> Result<SurveyResponse> {
    conn.prepare_cached(&format!(
        "SELECT {RESPONSE_COLUMNS} FROM survey_responses WHERE id = ?1"
    ))?
    .query_row([id], response_row)
    .optional()?
    .ok_or_else(|| Error::NotFound {
        entity: RESPONSE,
        id: id.to_string(),
    })
}

const PERIOD_COLUMNS: &str = "id, period_start, period_end, customers_start, customers_end,
    customers_new, revenue_per_customer, margin, created_at, updated_at";

fn period_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<PeriodFigures> {
    Ok(PeriodFigures {
        id: r.get(0)?,
        period_start: time::column_day(r, 1)?,
        period_end: time::column_day(r, 2)?,
        customers_start: r.get(3)?,
        customers_end: r.get(4)?,
        customers_new: r.get(5)?,
        revenue_per_customer: r.get(6)?,
        margin: r.get(7)?,
        created_at: time::column_stamp(r, 8)?,
        updated_at: time::column_stamp(r, 9)?,
    })
}

/// One period's figures, live or in the trash.
pub fn get_period(conn: &Connection, id: PeriodId) -> Result<PeriodFigures> {
    conn.prepare_cached(&format!(
        "SELECT {PERIOD_COLUMNS} FROM period_figures WHERE id = ?1"
    ))?
    .query_row([id], period_row)
    .optional()?
    .ok_or_else(|| Error::NotFound {
        entity: PERIOD,
        id: id.to_string(),
    })
}

/// The live periods that lie inside `from..=to` (all of them when both
/// are `None`), the earliest first.
pub fn periods(
    conn: &Connection,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
) -> Result<Vec<PeriodFigures>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PERIOD_COLUMNS} FROM period_figures
         WHERE deleted_at IS NULL AND period_start >= ?1 AND period_end <= ?2
         ORDER BY period_start, period_end, id"
    ))?;
    let from = from.map_or_else(|| "0000-00-00".to_owned(), |d| d.to_string());
    let to = to.map_or_else(|| "9999-99-99".to_owned(), |d| d.to_string());
    let rows = stmt.query_map([from, to], period_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Most answers [`recent_responses`] lists.
pub const RECENT_MAX: u32 = 200;

/// The live answers added last (the newest first), or a problem's answers
/// (the latest day first), at most `limit` (up to [`RECENT_MAX`]).
pub fn recent_responses(
    conn: &Connection,
    problem: Option<crate::ids::ProblemId>,
    limit: u32,
) -> Result<Vec<SurveyResponse>> {
    let limit = limit.clamp(1, RECENT_MAX);
    let rows = match problem {
        Some(problem) => conn
            .prepare_cached(&format!(
                "SELECT {RESPONSE_COLUMNS} FROM survey_responses
                 WHERE problem_id = ?1 AND deleted_at IS NULL
                 ORDER BY responded_on DESC, rowid DESC LIMIT ?2"
            ))?
            .query_map(rusqlite::params![problem, limit], response_row)?
            .collect::<rusqlite::Result<_>>()?,
        None => conn
            .prepare_cached(&format!(
                "SELECT {RESPONSE_COLUMNS} FROM survey_responses
                 WHERE deleted_at IS NULL ORDER BY rowid DESC LIMIT ?1"
            ))?
            .query_map([limit], response_row)?
            .collect::<rusqlite::Result<_>>()?,
    };
    Ok(rows)
}
