//! Reading problems: one problem, its detail, the filtered and sorted
//! list, and suggestions from earlier values.

use chrono::NaiveDate;
use rusqlite::types::{Type, Value};
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::{Channel, Problem, Severity, Status};
use super::occurrence::{occurrences, weekly_counts, Occurrence, WeekCount};
use super::ENTITY;
use crate::error::{Error, Result};
use crate::history::{self, HistoryEntry};
use crate::ids::ProblemId;
use crate::{search, time};

const COLUMNS: &str = "p.id, p.title, p.description, p.customer, p.segment, p.channel,
    p.journey_stage, p.severity, p.status, p.owner,
    (SELECT json_group_array(tag) FROM problem_tags WHERE problem_id = p.id),
    (SELECT json_group_array(reference) FROM
        (SELECT reference FROM problem_refs WHERE problem_id = p.id ORDER BY position)),
    p.reported_on, p.csat, p.nps, p.ces, p.customers_affected, p.occurrence_count,
    p.first_seen, p.last_seen, p.merged_into, p.sample, p.created_at, p.updated_at";

fn bad(idx: usize, e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(e))
}

fn day(r: &Row<'_>, idx: usize) -> rusqlite::Result<NaiveDate> {
    let text: String = r.get(idx)?;
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|e| bad(idx, e))
}

fn stamp(r: &Row<'_>, idx: usize) -> rusqlite::Result<chrono::DateTime<chrono::Utc>> {
    let text: String = r.get(idx)?;
    chrono::DateTime::parse_from_rfc3339(&text)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|e| bad(idx, e))
}

fn strings(r: &Row<'_>, idx: usize) -> rusqlite::Result<Vec<String>> {
    let text: String = r.get(idx)?;
    serde_json::from_str(&text).map_err(|e| bad(idx, e))
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<Problem> {
    Ok(Problem {
        id: r.get(0)?,
        title: r.get(1)?,
        description: r.get(2)?,
        customer: r.get(3)?,
        segment: r.get(4)?,
        channel: r.get(5)?,
        journey_stage: r.get(6)?,
        severity: r.get(7)?,
        status: r.get(8)?,
        owner: r.get(9)?,
        tags: strings(r, 10)?,
        references: strings(r, 11)?,
        reported_on: day(r, 12)?,
        csat: r.get(13)?,
        nps: r.get(14)?,
        ces: r.get(15)?,
        customers_affected: r.get(16)?,
        occurrence_count: r.get(17)?,
        first_seen: day(r, 18)?,
        last_seen: day(r, 19)?,
        merged_into: r.get(20)?,
        sample: r.get(21)?,
        created_at: stamp(r, 22)?,
        updated_at: stamp(r, 23)?,
    })
}

/// A live (not trashed) problem.
pub fn get_live(conn: &Connection, id: ProblemId) -> Result<Problem> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM problems p WHERE p.id = ?1 AND p.deleted_at IS NULL"
    ))?
    .query_row([id], from_row)
    .optional()?
    .ok_or_else(|| Error::NotFound {
        entity: ENTITY,
        id: id.to_string(),
    })
}

/// A problem that was merged into the one shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MergedProblem {
    /// Its id (it is in the trash).
    pub id: ProblemId,
    /// Its title.
    pub title: String,
}

/// Everything the detail screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProblemDetail {
    /// The problem.
    pub problem: Problem,
    /// Its further reports, newest first.
    pub occurrences: Vec<Occurrence>,
    /// Reports per week for the last twelve weeks, oldest first.
    pub weekly: Vec<WeekCount>,
    /// Its history, oldest first.
    pub history: Vec<HistoryEntry>,
    /// Problems merged into it.
    pub merged_from: Vec<MergedProblem>,
}

/// Weeks in the sparkline.
pub const SPARKLINE_WEEKS: u32 = 12;

/// A live problem with its occurrences, weekly counts and history.
pub fn detail(conn: &Connection, id: ProblemId) -> Result<ProblemDetail> {
    let problem = get_live(conn, id)?;
    let until = time::today_utc().max(problem.last_seen);
    let mut stmt = conn.prepare_cached(
        "SELECT id, title FROM problems WHERE merged_into = ?1 ORDER BY updated_at",
    )?;
    let merged_from = stmt
        .query_map([id], |r| {
            Ok(MergedProblem {
                id: r.get(0)?,
                title: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(ProblemDetail {
        occurrences: occurrences(conn, id)?,
        weekly: weekly_counts(conn, id, SPARKLINE_WEEKS, until)?,
        history: history::for_entity(conn, ENTITY, &id.to_string())?,
        merged_from,
        problem,
    })
}

crate::text_enum! {
    /// What the list is sorted by.
    pub enum ProblemSort {
        /// The reported date.
        Reported = "reported",
        /// The last change.
        Updated = "updated",
        /// The last time it was seen.
        LastSeen = "last_seen",
        /// Severity.
        Severity = "severity",
        /// Status, in workflow order.
        Status = "status",
        /// Title, alphabetically.
        Title = "title",
        /// How often it was reported.
        Occurrences = "occurrences",
        /// How well it matches the search text (reported date without text).
        Relevance = "relevance",
    }
}

/// Filters, sort and page of the problem list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ProblemQuery {
    /// Only these statuses (all when empty).
    pub statuses: Vec<Status>,
    /// Only these severities (all when empty).
    pub severities: Vec<Severity>,
    /// Only these channels (all when empty).
    pub channels: Vec<Channel>,
    /// Only this owner.
    #[ts(optional)]
    pub owner: Option<String>,
    /// Only problems with this tag.
    #[ts(optional)]
    pub tag: Option<String>,
    /// Reported on or after.
    #[ts(optional)]
    pub reported_from: Option<NaiveDate>,
    /// Reported on or before.
    #[ts(optional)]
    pub reported_to: Option<NaiveDate>,
    /// Full-text search over title, description, customer, tags,
    /// references and occurrence notes.
    #[ts(optional)]
    pub text: Option<String>,
    /// Sort key.
    pub sort: ProblemSort,
    /// Largest first.
    pub descending: bool,
    /// Rows to skip.
    pub offset: u32,
    /// Rows to return (1 to 1,000).
    pub limit: u32,
}

impl Default for ProblemQuery {
    fn default() -> Self {
        Self {
            statuses: Vec::new(),
            severities: Vec::new(),
            channels: Vec::new(),
            owner: None,
            tag: None,
            reported_from: None,
            reported_to: None,
            text: None,
            sort: ProblemSort::Reported,
            descending: true,
            offset: 0,
            limit: 100,
        }
    }
}

/// One page of the problem list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProblemPage {
    /// The problems on this page.
    pub items: Vec<Problem>,
    /// How many problems match in all.
    pub total: u32,
}

/// Largest page.
pub const PAGE_MAX: u32 = 1_000;

fn placeholders(values: &mut Vec<Value>, items: impl IntoIterator<Item = Value>) -> String {
    let mut marks = Vec::new();
    for item in items {
        values.push(item);
        marks.push(format!("?{}", values.len()));
    }
    marks.join(", ")
}

/// The live problems matching `q`, sorted and paged.
pub fn query(conn: &Connection, q: &ProblemQuery) -> Result<ProblemPage> {
    let mut values: Vec<Value> = Vec::new();
    let mut wheres = vec!["p.deleted_at IS NULL".to_owned()];
    let text = |s: &str| Value::Text(s.to_owned());
    // Statuses and severities are matched through their rank columns,
    // which the list indexes carry.
    if !q.statuses.is_empty() {
        let marks = placeholders(
            &mut values,
            q.statuses.iter().map(|s| Value::Integer(s.rank() as i64)),
        );
        wheres.push(format!("p.status_rank IN ({marks})"));
    }
    if !q.severities.is_empty() {
        let marks = placeholders(
            &mut values,
            q.severities.iter().map(|s| Value::Integer(s.rank() as i64)),
        );
        wheres.push(format!("p.severity_rank IN ({marks})"));
    }
    if !q.channels.is_empty() {
        let marks = placeholders(&mut values, q.channels.iter().map(|s| text(s.as_str())));
        wheres.push(format!("p.channel IN ({marks})"));
    }
    if let Some(owner) = q.owner.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
        let mark = placeholders(&mut values, [text(owner)]);
        wheres.push(format!("p.owner = {mark}"));
    }
    if let Some(tag) = q.tag.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let mark = placeholders(&mut values, [text(tag)]);
        wheres.push(format!(
            "EXISTS (SELECT 1 FROM problem_tags t WHERE t.problem_id = p.id AND t.tag = {mark})"
        ));
    }
    if let Some(from) = q.reported_from {
        let mark = placeholders(&mut values, [text(&from.to_string())]);
        wheres.push(format!("p.reported_on >= {mark}"));
    }
    if let Some(to) = q.reported_to {
        let mark = placeholders(&mut values, [text(&to.to_string())]);
        wheres.push(format!("p.reported_on <= {mark}"));
    }
    let fts = q.text.as_deref().and_then(search::to_fts_query);
    let relevance = fts.is_some() && q.sort == ProblemSort::Relevance;
    let from = match &fts {
        // Ranked: walk the matches in rank order, filtering as we go.
        Some(fts) if relevance => {
            let mark = placeholders(&mut values, [text(fts)]);
            format!(
                "FROM problem_search s JOIN problems p ON p.rowid = s.rowid
                 WHERE problem_search MATCH {mark} AND"
            )
        }
        // Otherwise the matches are a set of rowids.
        Some(fts) => {
            let mark = placeholders(&mut values, [text(fts)]);
            wheres.push(format!(
                "p.rowid IN (SELECT rowid FROM problem_search WHERE problem_search MATCH {mark})"
            ));
            "FROM problems p WHERE".to_owned()
        }
        None => "FROM problems p WHERE".to_owned(),
    };
    let where_sql = wheres.join(" AND ");

    let total: u32 = conn
        .prepare_cached(&format!("SELECT count(*) {from} {where_sql}"))?
        .query_row(params_from_iter(values.iter()), |r| r.get(0))?;

    let dir = if q.descending { "DESC" } else { "ASC" };
    let order = match q.sort {
        // rank: more negative is better.
        ProblemSort::Relevance if relevance => {
            let dir = if q.descending { "ASC" } else { "DESC" };
            format!("s.rank {dir}, p.reported_on DESC, p.id DESC")
        }
        ProblemSort::Reported | ProblemSort::Relevance => {
            format!("p.reported_on {dir}, p.id {dir}")
        }
        ProblemSort::Updated => format!("p.updated_at {dir}, p.id {dir}"),
        ProblemSort::LastSeen => format!("p.last_seen {dir}, p.id {dir}"),
        ProblemSort::Severity => format!("p.severity_rank {dir}, p.reported_on DESC"),
        ProblemSort::Status => format!("p.status_rank {dir}, p.reported_on DESC"),
        ProblemSort::Title => format!("p.title COLLATE NOCASE {dir}, p.id {dir}"),
        ProblemSort::Occurrences => {
            format!("p.occurrence_count {dir}, p.last_seen {dir}, p.id {dir}")
        }
    };
    let limit = q.limit.clamp(1, PAGE_MAX);
    let limit_mark = placeholders(&mut values, [Value::Integer(limit.into())]);
    let offset_mark = placeholders(&mut values, [Value::Integer(q.offset.into())]);

    // First the page's rowids (a narrow sort that indexes can serve), then
    // the full rows of just that page.
    let rowids = conn
        .prepare_cached(&format!(
            "SELECT p.rowid {from} {where_sql} ORDER BY {order} LIMIT {limit_mark} OFFSET {offset_mark}"
        ))?
        .query_map(params_from_iter(values.iter()), |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut row = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM problems p WHERE p.rowid = ?1"
    ))?;
    let items = rowids
        .iter()
        .map(|rowid| row.query_row([rowid], from_row))
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(ProblemPage { items, total })
}

/// One page of live problems, most recently reported first.
pub fn list(conn: &Connection, offset: u32, limit: u32) -> Result<ProblemPage> {
    query(
        conn,
        &ProblemQuery {
            offset,
            limit,
            ..ProblemQuery::default()
        },
    )
}

crate::text_enum! {
    /// A free-text field that offers earlier values as suggestions.
    pub enum SuggestField {
        /// Customer or account.
        Customer = "customer",
        /// Segment.
        Segment = "segment",
        /// Journey stage.
        JourneyStage = "journey_stage",
        /// Owner.
        Owner = "owner",
        /// Tag.
        Tag = "tag",
    }
}

/// Earlier values of a field on live problems, most used first.
pub fn suggestions(conn: &Connection, field: SuggestField) -> Result<Vec<String>> {
    let sql = match field {
        SuggestField::Tag => {
            "SELECT t.tag FROM problem_tags t JOIN problems p ON p.id = t.problem_id
            WHERE p.deleted_at IS NULL GROUP BY t.tag ORDER BY count(*) DESC, t.tag LIMIT 200"
                .to_owned()
        }
        other => {
            let column = match other {
                SuggestField::Customer => "customer",
                SuggestField::Segment => "segment",
                SuggestField::JourneyStage => "journey_stage",
                _ => "owner",
            };
            format!(
                "SELECT {column} FROM problems WHERE deleted_at IS NULL AND {column} <> ''
                 GROUP BY {column} ORDER BY count(*) DESC, {column} LIMIT 200"
            )
        }
    };
    let mut stmt = conn.prepare_cached(&sql)?;
    let values = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(values)
}
