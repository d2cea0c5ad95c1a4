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
use crate::rowset::{self, RowSet};
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

/// The live problems now closed whose last move to "closed" fell between
/// `from` and `to` (UTC days, both included), earliest closing first: the
/// problems of a period's report.
pub fn closed_between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(ProblemId, chrono::DateTime<chrono::Utc>)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, MAX(h.at) AS closed_at FROM problems p
         JOIN history h ON h.entity = ?1 AND h.entity_id = p.id
              AND h.field = 'status' AND h.new_value = 'closed'
         WHERE p.status = 'closed' AND p.deleted_at IS NULL
         GROUP BY p.id
         HAVING substr(closed_at, 1, 10) BETWEEN ?2 AND ?3
         ORDER BY closed_at, p.id",
    )?;
    let rows = stmt.query_map(
        rusqlite::params![ENTITY, from.to_string(), to.to_string()],
        |r| Ok((r.get::<_, ProblemId>(0)?, r.get::<_, String>(1)?)),
    )?;
    rows.map(|row| {
        let (id, at) = row?;
        Ok((id, time::from_text(&at)?))
    })
    .collect()
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

/// Relative cost of reading one problem row, or probing the tag table for
/// one problem, against stepping over one entry of a narrow list index
/// (about 1 µs against 0.05 µs on a 100,000-problem workspace). The list
/// uses it to choose between walking a sort index in order and reading the
/// matching rows, then sorting them.
const LOOKUP_COST: u64 = 20;

/// The query's parameters, numbered as they are pushed.
#[derive(Default)]
struct Params(Vec<Value>);

impl Params {
    fn mark(&mut self, value: Value) -> String {
        self.0.push(value);
        format!("?{}", self.0.len())
    }

    fn marks(&mut self, values: impl IntoIterator<Item = Value>) -> String {
        values
            .into_iter()
            .map(|v| self.mark(v))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The filters that the list indexes (and the tag rows) carry as columns.
struct Filters {
    statuses: Vec<i64>,
    severities: Vec<i64>,
    channels: Vec<String>,
    owner: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

impl Filters {
    fn new(q: &ProblemQuery) -> Self {
        Self {
            // Statuses and severities are matched through their rank
            // columns, which the list indexes carry.
            statuses: q.statuses.iter().map(|s| s.rank() as i64).collect(),
            severities: q.severities.iter().map(|s| s.rank() as i64).collect(),
            channels: q.channels.iter().map(|c| c.as_str().to_owned()).collect(),
            owner: q
                .owner
                .as_deref()
                .map(str::trim)
                .filter(|o| !o.is_empty())
                .map(str::to_owned),
            from: q.reported_from.map(|d| d.to_string()),
            to: q.reported_to.map(|d| d.to_string()),
        }
    }

    fn is_empty(&self) -> bool {
        self.statuses.is_empty()
            && self.severities.is_empty()
            && self.channels.is_empty()
            && self.owner.is_none()
            && self.from.is_none()
            && self.to.is_none()
    }

    /// The filter terms on table `alias`. With `walk`, every column but
    /// `lead` (the sort's first column) is written `+alias.column`, which
    /// keeps the planner from driving the query by it: the sort index is
    /// then read in order and the filters are checked in that index.
    fn terms(
        &self,
        alias: &str,
        walk: bool,
        lead: Option<&str>,
        params: &mut Params,
    ) -> Vec<String> {
        let col = |name: &str| {
            let hint = if walk && lead != Some(name) { "+" } else { "" };
            format!("{hint}{alias}.{name}")
        };
        let mut terms = Vec::new();
        if !self.statuses.is_empty() {
            let marks = params.marks(self.statuses.iter().map(|r| Value::Integer(*r)));
            terms.push(format!("{} IN ({marks})", col("status_rank")));
        }
        if !self.severities.is_empty() {
            let marks = params.marks(self.severities.iter().map(|r| Value::Integer(*r)));
            terms.push(format!("{} IN ({marks})", col("severity_rank")));
        }
        if !self.channels.is_empty() {
            let marks = params.marks(self.channels.iter().map(|c| Value::Text(c.clone())));
            terms.push(format!("{} IN ({marks})", col("channel")));
        }
        if let Some(owner) = &self.owner {
            let mark = params.mark(Value::Text(owner.clone()));
            terms.push(format!("{} = {mark}", col("owner")));
        }
        if let Some(from) = &self.from {
            let mark = params.mark(Value::Text(from.clone()));
            terms.push(format!("{} >= {mark}", col("reported_on")));
        }
        if let Some(to) = &self.to {
            let mark = params.mark(Value::Text(to.clone()));
            terms.push(format!("{} <= {mark}", col("reported_on")));
        }
        terms
    }
}

/// The problems a full-text search matched, read once per query.
struct Matches {
    set: RowSet,
    /// (rank, rowid) of each match, for the relevance sort.
    ranked: Vec<(f64, i64)>,
}

impl Matches {
    fn find(conn: &Connection, fts: &str, ranked: bool) -> Result<Self> {
        let mut set = RowSet::default();
        let mut ranks = Vec::new();
        if ranked {
            let mut stmt = conn.prepare_cached(
                "SELECT rowid, rank FROM problem_search WHERE problem_search MATCH ?1",
            )?;
            let mut rows = stmt.query([fts])?;
            while let Some(r) = rows.next()? {
                let rowid: i64 = r.get(0)?;
                set.insert(rowid);
                ranks.push((r.get::<_, f64>(1)?, rowid));
            }
        } else {
            let mut stmt = conn
                .prepare_cached("SELECT rowid FROM problem_search WHERE problem_search MATCH ?1")?;
            let mut rows = stmt.query([fts])?;
            while let Some(r) = rows.next()? {
                set.insert(r.get(0)?);
            }
        }
        Ok(Self { set, ranked: ranks })
    }

    /// The matches as a JSON array, for `IN (SELECT value FROM json_each(?))`.
    fn json(&self) -> String {
        let mut ids = Vec::with_capacity(self.set.len());
        let blob = self.set.as_blob();
        for (byte, bits) in blob.iter().enumerate() {
            for bit in 0..8 {
                if bits & (1 << bit) != 0 {
                    ids.push((byte * 8 + bit).to_string());
                }
            }
        }
        format!("[{}]", ids.join(","))
    }
}

/// How the text search restricts the rows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TextAs {
    /// The matches drive the query: each is looked up by rowid.
    Rowids,
    /// Rows reached otherwise are tested against the set of matches.
    Test,
}

fn text_term(matches: &Matches, how: TextAs, params: &mut Params) -> String {
    match how {
        TextAs::Rowids => {
            let mark = params.mark(Value::Text(matches.json()));
            format!("p.rowid IN (SELECT value FROM json_each({mark}))")
        }
        TextAs::Test => {
            let mark = params.mark(Value::Blob(matches.set.as_blob().to_vec()));
            format!("{}(p.rowid, {mark})", rowset::HAS)
        }
    }
}

fn tag_exists(tag: &str, params: &mut Params) -> String {
    let mark = params.mark(Value::Text(tag.to_owned()));
    format!("EXISTS (SELECT 1 FROM problem_tags t WHERE t.problem_id = p.id AND t.tag = {mark})")
}

fn count(conn: &Connection, sql: &str, params: &Params) -> Result<u32> {
    Ok(conn
        .prepare_cached(sql)?
        .query_row(params_from_iter(params.0.iter()), |r| r.get(0))?)
}

/// The live problems matching `q`, sorted and paged.
///
/// The total is counted first (from the tag rows when a tag is given, else
/// from the narrowest covering index), then the page's rowids are read in
/// whichever way costs less for that many matches: walking the sort index
/// in order until the page is full, or reading just the matching rows and
/// sorting them. A search reads its matches once; the relevance sort ranks
/// them in Rust and reads rows only until the page is settled.
pub fn query(conn: &Connection, q: &ProblemQuery) -> Result<ProblemPage> {
    let filters = Filters::new(q);
    let tag = q.tag.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let fts = q.text.as_deref().and_then(search::to_fts_query);
    let relevance = fts.is_some() && q.sort == ProblemSort::Relevance;
    let matches = match &fts {
        Some(fts) => Some(Matches::find(conn, fts, relevance)?),
        None => None,
    };
    if matches.as_ref().is_some_and(|m| m.set.is_empty()) {
        return Ok(ProblemPage {
            items: Vec::new(),
            total: 0,
        });
    }
    // About how many problems there are (rows are never removed, so the
    // largest rowid; the trash is small).
    let size: i64 = conn
        .prepare_cached("SELECT coalesce(max(rowid), 0) FROM problems")?
        .query_row([], |r| r.get(0))?;
    let size = size.max(1) as u64;
    // A few matches are looked up one by one; many are tested as a set
    // while an index is read.
    let text_count_as = match &matches {
        Some(m) if (m.set.len() as u64) * LOOKUP_COST / 2 <= size => TextAs::Rowids,
        _ => TextAs::Test,
    };

    let total = {
        let mut params = Params::default();
        match (&matches, tag) {
            // Only the search: its matches, less any in the trash.
            (Some(m), None) if filters.is_empty() => {
                let mark = params.mark(Value::Blob(m.set.as_blob().to_vec()));
                let trashed = count(
                    conn,
                    &format!(
                        "SELECT count(*) FROM problems WHERE deleted_at IS NOT NULL AND {}(rowid, {mark})",
                        rowset::HAS
                    ),
                    &params,
                )?;
                (m.set.len() as u32).saturating_sub(trashed)
            }
            // A tag without a search: the tag rows carry the filters.
            (None, Some(tag)) => {
                let mark = params.mark(Value::Text(tag.to_owned()));
                let mut wheres = vec![format!("t.tag = {mark}"), "t.deleted_at IS NULL".into()];
                wheres.extend(filters.terms("t", false, None, &mut params));
                count(
                    conn,
                    &format!(
                        "SELECT count(*) FROM problem_tags t WHERE {}",
                        wheres.join(" AND ")
                    ),
                    &params,
                )?
            }
            _ => {
                let mut wheres = vec!["p.deleted_at IS NULL".to_owned()];
                wheres.extend(filters.terms("p", false, None, &mut params));
                if let Some(m) = &matches {
                    wheres.push(text_term(m, text_count_as, &mut params));
                }
                if let Some(tag) = tag {
                    wheres.push(tag_exists(tag, &mut params));
                }
                count(
                    conn,
                    &format!(
                        "SELECT count(*) FROM problems p WHERE {}",
                        wheres.join(" AND ")
                    ),
                    &params,
                )?
            }
        }
    };

    let limit = q.limit.clamp(1, PAGE_MAX);
    let rowids = if total == 0 || q.offset >= total {
        Vec::new()
    } else if let (true, Some(m)) = (relevance, &matches) {
        ranked_page(conn, q, &filters, tag, m, limit)?
    } else {
        // Walking the sort index reads about (offset + limit) * size /
        // total entries (probing the tag of each); reading the matches
        // costs a row each.
        let wanted = u64::from(q.offset) + u64::from(limit);
        let total = u64::from(total);
        let walked = (wanted.saturating_mul(size) / total).min(size);
        let per_entry = if tag.is_some() { LOOKUP_COST } else { 1 };
        let walk = walked.saturating_mul(per_entry) <= total.saturating_mul(LOOKUP_COST);
        sorted_page(
            conn,
            q,
            &filters,
            tag,
            matches.as_ref(),
            walk,
            text_count_as,
            limit,
        )?
    };

    let mut row = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM problems p WHERE p.rowid = ?1"
    ))?;
    let items = rowids
        .iter()
        .map(|rowid| row.query_row([rowid], from_row))
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(ProblemPage { items, total })
}

/// The page's rowids in the list's sort order (not relevance).
#[allow(clippy::too_many_arguments)]
fn sorted_page(
    conn: &Connection,
    q: &ProblemQuery,
    filters: &Filters,
    tag: Option<&str>,
    matches: Option<&Matches>,
    walk: bool,
    text_as: TextAs,
    limit: u32,
) -> Result<Vec<i64>> {
    let dir = if q.descending { "DESC" } else { "ASC" };
    let (order, lead) = match q.sort {
        ProblemSort::Reported | ProblemSort::Relevance => (
            format!("p.reported_on {dir}, p.id {dir}"),
            Some("reported_on"),
        ),
        ProblemSort::Updated => (format!("p.updated_at {dir}, p.id {dir}"), None),
        ProblemSort::LastSeen => (format!("p.last_seen {dir}, p.id {dir}"), None),
        ProblemSort::Severity => (
            format!("p.severity_rank {dir}, p.reported_on DESC"),
            Some("severity_rank"),
        ),
        ProblemSort::Status => (
            format!("p.status_rank {dir}, p.reported_on DESC"),
            Some("status_rank"),
        ),
        ProblemSort::Title => (format!("p.title COLLATE NOCASE {dir}, p.id {dir}"), None),
        ProblemSort::Occurrences => (
            format!("p.occurrence_count {dir}, p.last_seen {dir}, p.id {dir}"),
            None,
        ),
    };
    let mut params = Params::default();
    let mut from = "problems p".to_owned();
    let mut wheres = vec!["p.deleted_at IS NULL".to_owned()];
    if let Some(tag) = tag {
        if walk {
            wheres.push(tag_exists(tag, &mut params));
        } else {
            // Few problems have the tag: start from its rows, which carry
            // the filters, and read only those problems.
            let mark = params.mark(Value::Text(tag.to_owned()));
            from = "problem_tags t CROSS JOIN problems p ON p.id = t.problem_id".to_owned();
            wheres.push(format!("t.tag = {mark}"));
            wheres.push("t.deleted_at IS NULL".to_owned());
            wheres.extend(filters.terms("t", false, None, &mut params));
        }
    }
    wheres.extend(filters.terms("p", walk, lead, &mut params));
    if let Some(m) = matches {
        let how = if walk { TextAs::Test } else { text_as };
        wheres.push(text_term(m, how, &mut params));
    }
    let limit_mark = params.mark(Value::Integer(limit.into()));
    let offset_mark = params.mark(Value::Integer(q.offset.into()));
    // Just the page's rowids (a narrow sort that indexes can serve); the
    // rows are read afterwards.
    let sql = format!(
        "SELECT p.rowid FROM {from} WHERE {} ORDER BY {order} LIMIT {limit_mark} OFFSET {offset_mark}",
        wheres.join(" AND ")
    );
    let rowids = conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(params.0.iter()), |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rowids)
}

/// The page's rowids by relevance: best rank first (worst first when not
/// descending), then most recently reported, then id, as the list always
/// sorted. The matches are ordered by rank in memory; rows are read, and
/// filtered, only until the page and any rank tied with its last row are
/// settled.
fn ranked_page(
    conn: &Connection,
    q: &ProblemQuery,
    filters: &Filters,
    tag: Option<&str>,
    matches: &Matches,
    limit: u32,
) -> Result<Vec<i64>> {
    use std::cmp::Ordering;
    // rank: more negative is better. SQLite compares REALs as numbers.
    let by_rank = |a: f64, b: f64| {
        let o = a.partial_cmp(&b).unwrap_or(Ordering::Equal);
        if q.descending {
            o
        } else {
            o.reverse()
        }
    };
    let mut ranked = matches.ranked.clone();
    ranked.sort_by(|a, b| by_rank(a.0, b.0));

    let mut params = Params::default();
    let mut wheres = vec!["p.deleted_at IS NULL".to_owned()];
    wheres.extend(filters.terms("p", false, None, &mut params));
    if let Some(tag) = tag {
        wheres.push(tag_exists(tag, &mut params));
    }
    let rowid_mark = params.mark(Value::Integer(0));
    let mut check = conn.prepare_cached(&format!(
        "SELECT p.reported_on, p.id FROM problems p WHERE p.rowid = {rowid_mark} AND {}",
        wheres.join(" AND ")
    ))?;
    let last = params.0.len() - 1;

    let wanted = q.offset as usize + limit as usize;
    let mut kept: Vec<(f64, String, String, i64)> = Vec::with_capacity(wanted);
    for (rank, rowid) in ranked {
        if kept.len() >= wanted && rank != kept[wanted - 1].0 {
            break;
        }
        params.0[last] = Value::Integer(rowid);
        let found = check
            .query_row(params_from_iter(params.0.iter()), |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .optional()?;
        if let Some((reported_on, id)) = found {
            kept.push((rank, reported_on, id, rowid));
        }
    }
    kept.sort_by(|a, b| {
        by_rank(a.0, b.0)
            .then_with(|| b.1.cmp(&a.1))
            .then_with(|| b.2.cmp(&a.2))
    });
    Ok(kept
        .into_iter()
        .skip(q.offset as usize)
        .take(limit as usize)
        .map(|k| k.3)
        .collect())
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
