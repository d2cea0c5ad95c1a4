//! Bulk writes for imports: one prepared statement per table reused for
//! every row. A new problem is indexed for search as it is inserted (its
//! document is known then); the counters and search document of problems
//! that got reports are brought up to date once per problem at the end
//! ([`bulk_finish`]) instead of after every row.
//! The caller checks the values first (with [`super::validate`]) and
//! records history.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::params;

use super::model::{Channel, Severity, Status};
use super::occurrence::refresh_stats;
use super::write::reindex;
use crate::error::Result;
use crate::ids::{OccurrenceId, ProblemId};
use crate::store::Writer;
use crate::{search, time};

/// A new problem's checked values.
pub(crate) struct BulkProblem<'a> {
    pub(crate) title: &'a str,
    pub(crate) description: &'a str,
    pub(crate) customer: &'a str,
    pub(crate) channel: Option<Channel>,
    pub(crate) severity: Severity,
    pub(crate) status: Status,
    pub(crate) tags: &'a [String],
    pub(crate) references: &'a [String],
    pub(crate) reported_on: NaiveDate,
}

/// Inserts a problem, its tags and references, and indexes it for search.
/// Reports added to it later need [`bulk_finish`].
pub(crate) fn bulk_create(w: &Writer<'_>, p: &BulkProblem<'_>) -> Result<ProblemId> {
    let id = ProblemId::new();
    let now = time::to_text(w.now());
    let day = p.reported_on.to_string();
    let tx = w.tx();
    let rowid = tx.prepare_cached(
        "INSERT INTO problems (id, title, description, customer, channel, severity, severity_rank,
            status, status_rank, reported_on, occurrence_count, first_seen, last_seen,
            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1, ?10, ?10, ?11, ?11)",
    )?
    .insert(params![
        id,
        p.title,
        p.description,
        p.customer,
        p.channel,
        p.severity,
        p.severity.rank() as i64,
        p.status,
        p.status.rank() as i64,
        day,
        now
    ])?;
    let mut tags =
        tx.prepare_cached("INSERT INTO problem_tags (problem_id, tag) VALUES (?1, ?2)")?;
    for tag in p.tags {
        tags.execute(params![id, tag])?;
    }
    let mut refs = tx.prepare_cached(
        "INSERT INTO problem_refs (problem_id, position, reference) VALUES (?1, ?2, ?3)",
    )?;
    for (i, reference) in p.references.iter().enumerate() {
        refs.execute(params![id, i as i64, reference])?;
    }
    // The document `reindex` builds, from the values at hand: no reports yet.
    let body = format!(
        "{}\n{}\n{}\n{}\n{}\n",
        p.title,
        p.description,
        p.customer,
        p.tags.join(" "),
        p.references.join(" ")
    );
    search::index_new(w, search::PROBLEMS, rowid, &body)?;
    Ok(id)
}

/// A further report's checked values.
pub(crate) struct BulkOccurrence<'a> {
    pub(crate) occurred_on: NaiveDate,
    pub(crate) channel: Option<Channel>,
    pub(crate) ticket_ref: &'a str,
    pub(crate) note: &'a str,
    pub(crate) opened_at: Option<DateTime<Utc>>,
    pub(crate) resolved_at: Option<DateTime<Utc>>,
}

/// Inserts a further report of `problem` (see [`bulk_create`]).
pub(crate) fn bulk_occurrence(
    w: &Writer<'_>,
    problem: ProblemId,
    o: &BulkOccurrence<'_>,
) -> Result<OccurrenceId> {
    let id = OccurrenceId::new();
    w.tx()
        .prepare_cached(
            "INSERT INTO occurrences (id, problem_id, occurred_on, channel, ticket_ref, note, author,
                created_at, opened_at, resolved_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?
        .execute(params![
            id,
            problem,
            o.occurred_on.to_string(),
            o.channel,
            o.ticket_ref,
            o.note,
            w.author(),
            time::to_text(w.now()),
            o.opened_at.map(time::to_text),
            o.resolved_at.map(time::to_text)
        ])?;
    Ok(id)
}

/// Brings the counters, `updated_at` and search document of each problem
/// that bulk reports were added to up to date.
pub(crate) fn bulk_finish(w: &Writer<'_>, problems: &[ProblemId]) -> Result<()> {
    let now = time::to_text(w.now());
    for id in problems {
        refresh_stats(w, *id)?;
        w.tx()
            .prepare_cached("UPDATE problems SET updated_at = ?1 WHERE id = ?2")?
            .execute(params![now, id])?;
        reindex(w, *id)?;
    }
    Ok(())
}
