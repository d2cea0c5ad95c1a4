//! Occurrences: each further customer report of the same problem, and the
//! counts built from them (total, first and last seen, per week).

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::Channel;
use super::read::get_live;
use super::validate as v;
use super::ENTITY;
use crate::change::ChangeOp;
use crate::error::{Checks, Result, Rule};
use crate::ids::{OccurrenceId, ProblemId};
use crate::store::Writer;
use crate::time;
pub use crate::time::week_start;

/// One further report of a problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Occurrence {
    /// Its id.
    pub id: OccurrenceId,
    /// The problem it is a report of.
    pub problem_id: ProblemId,
    /// The day the customer reported it.
    pub occurred_on: NaiveDate,
    /// Where they reported it.
    pub channel: Option<Channel>,
    /// The ticket id or link.
    pub ticket_ref: String,
    /// A note.
    pub note: String,
    /// Who logged it.
    pub author: String,
    /// When it was logged.
    pub created_at: DateTime<Utc>,
    /// When the customer's contact was opened (for time to resolution).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub opened_at: Option<DateTime<Utc>>,
    /// When it was resolved (not before it was opened).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub resolved_at: Option<DateTime<Utc>>,
}

/// What the user fills in to log an occurrence.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct NewOccurrence {
    /// The day (today when left out; never in the future).
    #[ts(optional)]
    pub occurred_on: Option<NaiveDate>,
    /// The channel.
    #[ts(optional)]
    pub channel: Option<Channel>,
    /// The ticket id or link.
    #[ts(optional)]
    pub ticket_ref: Option<String>,
    /// A note.
    #[ts(optional)]
    pub note: Option<String>,
}

/// Reports in one week (weeks start on Monday).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WeekCount {
    /// The Monday the week starts on.
    pub week_start: NaiveDate,
    /// Reports that week.
    pub count: u32,
}

/// Logs a further report of a live problem. The recurrence watch that
/// follows a report is `workflow::log_occurrence`'s part.
pub(crate) fn log_occurrence(
    w: &mut Writer<'_>,
    problem: ProblemId,
    input: &NewOccurrence,
) -> Result<Occurrence> {
    let occurred_on = v::past_date(
        "occurredOn",
        input.occurred_on.unwrap_or_else(time::today_utc),
    );
    let ticket_ref = v::line(
        "ticketRef",
        input.ticket_ref.as_deref().unwrap_or_default(),
        v::REFERENCE_MAX,
        false,
    );
    let note = v::text(
        "note",
        input.note.as_deref().unwrap_or_default(),
        v::NOTE_MAX,
        false,
    );
    let mut c = Checks::new();
    c.note(&occurred_on);
    c.note(&ticket_ref);
    c.note(&note);
    c.finish()?;
    let (occurred_on, ticket_ref, note) = (occurred_on?, ticket_ref?, note?);

    get_live(w.tx(), problem)?;
    let occurrence = Occurrence {
        id: OccurrenceId::new(),
        problem_id: problem,
        occurred_on,
        channel: input.channel,
        ticket_ref,
        note,
        author: w.author().to_owned(),
        created_at: w.now(),
        opened_at: None,
        resolved_at: None,
    };
    w.tx().execute(
        "INSERT INTO occurrences (id, problem_id, occurred_on, channel, ticket_ref, note, author, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            occurrence.id,
            problem,
            occurred_on.to_string(),
            occurrence.channel,
            occurrence.ticket_ref,
            occurrence.note,
            occurrence.author,
            time::to_text(occurrence.created_at)
        ],
    )?;
    w.tx().execute(
        "UPDATE problems SET updated_at = ?1 WHERE id = ?2",
        params![time::to_text(w.now()), problem],
    )?;
    refresh_stats(w, problem)?;
    let summary = format!("{} {}", occurred_on, occurrence.ticket_ref);
    w.record(
        ENTITY,
        &problem.to_string(),
        ChangeOp::Update,
        Some("occurrences"),
        None,
        Some(summary.trim()),
    )?;
    super::write::reindex(w, problem)?;
    Ok(occurrence)
}

/// Recomputes a problem's occurrence count and first and last seen days.
pub(crate) fn refresh_stats(w: &Writer<'_>, problem: ProblemId) -> Result<()> {
    w.tx()
        .prepare_cached(
            "UPDATE problems SET
                occurrence_count = 1 + (SELECT count(*) FROM occurrences WHERE problem_id = ?1),
                first_seen = min(reported_on, coalesce((SELECT min(occurred_on) FROM occurrences WHERE problem_id = ?1), reported_on)),
                last_seen = max(reported_on, coalesce((SELECT max(occurred_on) FROM occurrences WHERE problem_id = ?1), reported_on))
             WHERE id = ?1",
        )?
        .execute([problem])?;
    Ok(())
}

/// A problem's occurrences, newest first.
pub fn occurrences(conn: &Connection, problem: ProblemId) -> Result<Vec<Occurrence>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, problem_id, occurred_on, channel, ticket_ref, note, author, created_at,
                opened_at, resolved_at
         FROM occurrences WHERE problem_id = ?1 ORDER BY occurred_on DESC, created_at DESC",
    )?;
    let rows = stmt.query_map([problem], occurrence_row)?;
    rows.map(|row| row?).collect()
}

type RowResult = rusqlite::Result<Result<Occurrence>>;

/// An occurrence from a row of `id, problem_id, occurred_on, channel,
/// ticket_ref, note, author, created_at, opened_at, resolved_at`.
fn occurrence_row(r: &rusqlite::Row<'_>) -> RowResult {
    let stamp = |text: Option<String>| text.as_deref().map(time::from_text).transpose();
    let (day, created): (String, String) = (r.get(2)?, r.get(7)?);
    let (opened, resolved): (Option<String>, Option<String>) = (r.get(8)?, r.get(9)?);
    let build = || -> Result<Occurrence> {
        Ok(Occurrence {
            id: r.get(0)?,
            problem_id: r.get(1)?,
            occurred_on: time::parse_day(&day)?,
            channel: r.get::<_, Option<Channel>>(3)?,
            ticket_ref: r.get(4)?,
            note: r.get(5)?,
            author: r.get(6)?,
            created_at: time::from_text(&created)?,
            opened_at: stamp(opened)?,
            resolved_at: stamp(resolved)?,
        })
    };
    Ok(build())
}

/// Sets when a report's customer contact was opened and resolved (time to
/// resolution is computed from them, never typed). Neither may be in the
/// future; a resolution needs an opening and may not come before it.
/// The problem's history records the change; its problem must be live.
pub fn set_contact_times(
    w: &mut Writer<'_>,
    id: OccurrenceId,
    opened_at: Option<DateTime<Utc>>,
    resolved_at: Option<DateTime<Utc>>,
) -> Result<Occurrence> {
    let before = w
        .tx()
        .query_row(
            "SELECT id, problem_id, occurred_on, channel, ticket_ref, note, author, created_at,
                    opened_at, resolved_at
             FROM occurrences WHERE id = ?1",
            [id],
            occurrence_row,
        )
        .optional()?
        .ok_or_else(|| crate::error::Error::NotFound {
            entity: "occurrence",
            id: id.to_string(),
        })??;
    get_live(w.tx(), before.problem_id)?;
    let latest = w.now() + Duration::minutes(CLOCK_SKEW_MINUTES);
    let mut c = Checks::new();
    for (field, stamp) in [("openedAt", opened_at), ("resolvedAt", resolved_at)] {
        if stamp.is_some_and(|t| t > latest) {
            c.fail(field, Rule::InFuture, None);
        }
    }
    match (opened_at, resolved_at) {
        (None, Some(_)) => c.fail("openedAt", Rule::Required, None),
        (Some(o), Some(r)) if r < o => c.fail("resolvedAt", Rule::BeforeStart, None),
        _ => {}
    }
    c.finish()?;
    let text = |t: Option<DateTime<Utc>>| t.map(time::to_text);
    let summary = |o: Option<DateTime<Utc>>, r: Option<DateTime<Utc>>| {
        format!(
            "{} → {}",
            text(o).unwrap_or_default(),
            text(r).unwrap_or_default()
        )
    };
    let (old, new) = (
        summary(before.opened_at, before.resolved_at),
        summary(opened_at, resolved_at),
    );
    if old != new {
        w.tx().execute(
            "UPDATE occurrences SET opened_at = ?1, resolved_at = ?2 WHERE id = ?3",
            params![text(opened_at), text(resolved_at), id],
        )?;
        w.tx().execute(
            "UPDATE problems SET updated_at = ?1 WHERE id = ?2",
            params![time::to_text(w.now()), before.problem_id],
        )?;
        w.record(
            ENTITY,
            &before.problem_id.to_string(),
            ChangeOp::Update,
            Some("occurrences"),
            Some(&old),
            Some(&new),
        )?;
    }
    Ok(Occurrence {
        opened_at,
        resolved_at,
        ..before
    })
}

/// How far past the writer's clock a contact time may lie (another
/// machine's clock running a little ahead).
const CLOCK_SKEW_MINUTES: i64 = 5;

/// Reports per week for the `weeks` weeks ending with the week of `until`,
/// the first report included: the data behind the sparkline.
pub fn weekly_counts(
    conn: &Connection,
    problem: ProblemId,
    weeks: u32,
    until: NaiveDate,
) -> Result<Vec<WeekCount>> {
    let last = week_start(until);
    let first = last - Duration::weeks(i64::from(weeks.saturating_sub(1)));
    let mut counts: Vec<WeekCount> = (0..weeks)
        .map(|i| WeekCount {
            week_start: first + Duration::weeks(i64::from(i)),
            count: 0,
        })
        .collect();
    let mut add = |day: NaiveDate| {
        if day >= first {
            let index = ((week_start(day) - first).num_days() / 7) as usize;
            if let Some(slot) = counts.get_mut(index) {
                slot.count += 1;
            }
        }
    };
    let reported: String = conn.query_row(
        "SELECT reported_on FROM problems WHERE id = ?1",
        [problem],
        |r| r.get(0),
    )?;
    add(time::parse_day(&reported)?);
    let mut stmt = conn.prepare_cached(
        "SELECT occurred_on FROM occurrences WHERE problem_id = ?1 AND occurred_on >= ?2",
    )?;
    let days = stmt.query_map(params![problem, first.to_string()], |r| {
        r.get::<_, String>(0)
    })?;
    for day in days {
        add(time::parse_day(&day?)?);
    }
    Ok(counts)
}
