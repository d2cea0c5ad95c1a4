//! Checking and importing a help-desk export.
//!
//! [`check`] reads the whole file and writes nothing; [`import`] plans the
//! same way, then writes in one transaction. Both plan in one pass over
//! the file that keeps only each good ticket's reference and grouping (no
//! texts); the import then reads the file twice more, once to create the
//! problems and once to log the reports, so an incident listed before its
//! problem ticket still finds it.
//!
//! What a good ticket becomes, in order:
//! 1. nothing, when its id is already logged (a problem's reference or a
//!    report's ticket, trashed ones included) or appears earlier in the
//!    file: importing the same file again adds nothing;
//! 2. a report (occurrence) of the problem whose ticket its `problem_id`
//!    names (Zendesk incidents), whether that ticket is in the file or
//!    already logged;
//! 3. with `groupSimilar`, a report of the existing problem whose title
//!    is a near duplicate of its subject (unless the user split that
//!    group);
//! 4. else a new problem, its status from the status table (`new` by
//!    default), the ticket id as its reference.
//!
//! Reports get their day, channel, ticket id, the subject as note, and
//! the contact's opening and resolution from the created and solved
//! times. Ratings become CSAT answers linked to the problem.

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::encoding::{detect_encoding_in, TextEncoding};
use super::maps::{Lookup, SeenValues, ValueMaps};
use super::parse::{
    csv_headers, default_mapping, mapping_issues, ReadOptions, TicketColumns, TicketReader,
};
use super::source::{Passes, Text, TicketFile};
use super::ticket::{detect_format, time_zone, HelpdeskFormat, Ticket, TicketRow};
use crate::change::ChangeOp;
use crate::csv_rows::{issue, ImportIssue, ISSUES_LISTED};
use crate::entity;
use crate::error::{Error, Result, Rule};
use crate::ids::{ProblemId, ResponseId};
use crate::metrics::{self, ResponseInput, SurveyKind};
use crate::problem::bulk::{
    bulk_create, bulk_finish, bulk_occurrence, BulkOccurrence, BulkProblem,
};
use crate::problem::validate as pv;
use crate::store::{Committed, Workspace, Writer};
use crate::vocab::{Channel, Severity, Status};
use crate::{action, search, time};

/// Rows shown in the preview.
pub const PREVIEW_ROWS: usize = 20;
/// Rows between two progress reports (and cancel checks).
pub const PROGRESS_EVERY: usize = 1_000;
/// Tickets between two checkpoints of the import's recorded changes (see
/// `Writer::checkpoint`), which keep its memory bounded.
pub const CHECKPOINT_EVERY: usize = 5_000;
/// Most tickets one import takes.
pub const IMPORT_ROWS_MAX: usize = 1_000_000;
/// Tickets listed per suggested group (the rest are counted).
pub const GROUP_TICKETS_LISTED: usize = 20;
/// Most suggested groups listed.
pub const GROUPS_LISTED: usize = 200;
/// How alike a subject and a title must be to suggest them as one
/// problem (the share of their words in common, 0-1).
pub const SIMILARITY: f64 = 0.75;

/// How to read and import a file. Everything left out is detected or
/// takes its default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ImportOptions {
    /// The file's name, for history ("tickets-2026-03.csv").
    pub file_name: String,
    /// The layout (detected when left out).
    #[ts(optional)]
    pub format: Option<HelpdeskFormat>,
    /// The text encoding (detected when left out).
    #[ts(optional)]
    pub encoding: Option<TextEncoding>,
    /// Which column is which (the product's headers when left out;
    /// required for any other CSV).
    #[ts(optional)]
    pub columns: Option<TicketColumns>,
    /// The channel, severity and status tables (defaults for what is not
    /// listed).
    pub values: ValueMaps,
    /// The account's time zone for local times (IANA name; UTC when left
    /// out: the shell passes the computer's).
    #[ts(optional)]
    pub time_zone: Option<String>,
    /// Group tickets whose subject is a near duplicate of an existing
    /// problem's title under it.
    pub group_similar: bool,
    /// Suggested similar groups the user split (their keys): those
    /// tickets become problems of their own.
    pub split: Vec<String>,
    /// Import the good rows when some are bad (else nothing is imported).
    pub skip_bad_rows: bool,
}

crate::text_enum! {
    /// What a ticket becomes.
    pub enum Becomes {
        /// A new problem.
        Problem = "problem",
        /// A report of a problem already in the workspace.
        ReportOfExisting = "report_of_existing",
        /// A report of a problem created from another ticket of the file.
        ReportOfTicket = "report_of_ticket",
        /// Nothing: its id is already logged (or earlier in the file).
        AlreadyImported = "already_imported",
    }
}

crate::text_enum! {
    /// Why tickets were grouped under one problem.
    pub enum GroupReason {
        /// Incidents whose `problem_id` names the problem's ticket.
        ProblemTicket = "problem_ticket",
        /// Subjects that are near duplicates of an existing problem's title.
        Similar = "similar",
    }
}

/// One previewed ticket, as it will be stored (or `None` fields when bad).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewTicket {
    /// The row (CSV: as a spreadsheet numbers it; JSON: the line).
    pub row: u32,
    /// The ticket id.
    pub reference: String,
    /// The subject (the title or the report's note).
    pub subject: String,
    /// What it becomes; `None` for a bad row.
    pub becomes: Option<Becomes>,
    /// The problem it reports (existing) or its ticket (in the file).
    #[ts(optional)]
    pub problem_id: Option<ProblemId>,
    /// The problem ticket it reports, when in the file.
    #[ts(optional)]
    pub problem_ref: Option<String>,
    /// The channel.
    pub channel: Option<Channel>,
    /// The severity (for a new problem).
    pub severity: Severity,
    /// The status (for a new problem).
    pub status: Status,
    /// When it was created (UTC).
    pub created_at: Option<DateTime<Utc>>,
    /// When it was solved (UTC).
    pub solved_at: Option<DateTime<Utc>>,
    /// The CSAT answer it adds (1-5).
    pub csat: Option<u8>,
    /// Tags.
    pub tags: Vec<String>,
}

/// Tickets suggested as reports of one problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SuggestedGroup {
    /// Its key (what `split` names).
    pub key: String,
    /// Why they are grouped.
    pub reason: GroupReason,
    /// The existing problem, when it is one.
    #[ts(optional)]
    pub problem_id: Option<ProblemId>,
    /// The problem ticket, when it is in the file.
    #[ts(optional)]
    pub problem_ref: Option<String>,
    /// The problem's title (or its ticket's subject).
    pub title: String,
    /// The first tickets' ids.
    pub tickets: Vec<String>,
    /// How many tickets in all.
    pub count: u32,
    /// Whether the user split it (its tickets then become problems).
    pub split: bool,
}

/// What checking a file found (nothing was written).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HelpdeskCheck {
    /// The layout (detected or given).
    pub format: HelpdeskFormat,
    /// The encoding (detected or given).
    pub encoding: TextEncoding,
    /// Whether bytes were not valid in that encoding (shown as U+FFFD).
    pub replaced_bytes: bool,
    /// The CSV header's names (empty for JSON).
    pub headers: Vec<String>,
    /// The mapping used.
    pub columns: TicketColumns,
    /// The channel, severity and status tables for the file's values.
    pub values: ValueMaps,
    /// The time zone used.
    pub time_zone: String,
    /// Tickets read.
    pub rows: u32,
    /// Tickets that break no rule.
    pub good: u32,
    /// Problems the import would create.
    pub problems: u32,
    /// Reports it would log.
    pub reports: u32,
    /// Tickets already logged (nothing added for them).
    pub already_imported: u32,
    /// CSAT answers it would add.
    pub csat_answers: u32,
    /// The first rows as they will become problems and reports.
    pub preview: Vec<PreviewTicket>,
    /// Suggested groups, largest first.
    pub groups: Vec<SuggestedGroup>,
    /// Every broken rule by row and column, up to [`ISSUES_LISTED`].
    pub issues: Vec<ImportIssue>,
    /// How many broken rules there were in all.
    pub issue_count: u32,
}

/// Where an import is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HelpdeskProgress {
    /// Tickets written.
    pub done: u32,
    /// Tickets to write.
    pub total: u32,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HelpdeskImport {
    /// Problems created.
    pub problems_created: u32,
    /// Reports logged (on new and existing problems).
    pub reports_added: u32,
    /// Tickets skipped as already imported.
    pub already_imported: u32,
    /// CSAT answers added.
    pub csat_answers: u32,
    /// Bad rows left out (with `skipBadRows`).
    pub skipped: u32,
    /// Nothing was imported because rows were bad (or the mapping is).
    pub refused: bool,
    /// The user cancelled: nothing was imported.
    pub cancelled: bool,
    /// Every broken rule, up to [`ISSUES_LISTED`].
    pub issues: Vec<ImportIssue>,
    /// How many broken rules there were in all.
    pub issue_count: u32,
}

/// A good ticket's plan.
#[derive(Debug, Clone)]
enum Target {
    Problem,
    Existing(ProblemId),
    Ticket(String),
    Already(Option<ProblemId>),
}

/// A good ticket, as planned (no texts kept).
struct Planned {
    row: u32,
    target: Target,
    csat: bool,
}

/// Walks the plan beside a pass over the file: both are in file order,
/// so a row's plan is found without a map of every row.
struct Cursor<'a> {
    planned: &'a [Planned],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn new(planned: &'a [Planned]) -> Self {
        Self { planned, at: 0 }
    }

    /// What the ticket of `row` becomes (`None` for a bad row); rows must
    /// come in increasing order.
    fn at(&mut self, row: u32) -> Option<&'a Target> {
        while self.planned.get(self.at).is_some_and(|pl| pl.row < row) {
            self.at += 1;
        }
        self.planned
            .get(self.at)
            .filter(|pl| pl.row == row)
            .map(|pl| &pl.target)
    }
}

/// The file read and planned.
struct Plan {
    format: HelpdeskFormat,
    encoding: TextEncoding,
    replaced: bool,
    headers: Vec<String>,
    columns: TicketColumns,
    tz_name: String,
    rows: u32,
    bad_rows: u32,
    issues: Vec<ImportIssue>,
    mapping_refused: bool,
    planned: Vec<Planned>,
    values: ValueMaps,
    groups: Vec<SuggestedGroup>,
}

/// Passes over `file` in the chosen encoding, or the one detected (which
/// reads the file once, a buffer at a time).
fn passes<'a, F: TicketFile + ?Sized>(
    file: &'a F,
    options: &ImportOptions,
) -> Result<Passes<'a, F>> {
    let encoding = match options.encoding {
        Some(e) => e,
        None => detect_encoding_in(file.open()?)?,
    };
    Passes::new(file, encoding)
}

/// The tickets of one pass over `file`; the caller checks [`finished`]
/// after the last one.
fn tickets<'a, F: TicketFile + ?Sized>(
    file: &Passes<'a, F>,
    read: &ReadOptions,
    replaced: &Rc<Cell<bool>>,
) -> Result<TicketReader<Text<'a>>> {
    Ok(TicketReader::from_reader(
        file.open(Rc::clone(replaced))?,
        read,
    ))
}

/// A read error that ended a pass, as the pass's error.
fn finished<R: std::io::BufRead>(mut tickets: TicketReader<R>) -> Result<()> {
    match tickets.take_error() {
        Some(e) => Err(e.into()),
        None => Ok(()),
    }
}

/// The words of a title or subject as compared (normalised as search does).
fn words(text: &str) -> HashSet<String> {
    search::normalize(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1)
        .map(str::to_owned)
        .collect()
}

/// Existing live problems' titles, indexed by word, for near duplicates.
struct Titles {
    problems: Vec<(ProblemId, String, HashSet<String>)>,
    by_word: HashMap<String, Vec<usize>>,
}

impl Titles {
    fn load(conn: &Connection) -> Result<Self> {
        let mut stmt = conn.prepare("SELECT id, title FROM problems WHERE deleted_at IS NULL")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, ProblemId>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut problems = Vec::new();
        let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
        for row in rows {
            let (id, title) = row?;
            let w = words(&title);
            for word in &w {
                by_word
                    .entry(word.clone())
                    .or_default()
                    .push(problems.len());
            }
            problems.push((id, title, w));
        }
        Ok(Self { problems, by_word })
    }

    /// The existing problem most like `subject`, if alike enough.
    fn most_like(&self, subject: &str) -> Option<(ProblemId, &str)> {
        let w = words(subject);
        if w.is_empty() {
            return None;
        }
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for word in &w {
            if let Some(list) = self.by_word.get(word) {
                if list.len() > 5_000 {
                    continue;
                }
                for i in list {
                    *shared.entry(*i).or_default() += 1;
                }
            }
        }
        shared
            .into_iter()
            .filter_map(|(i, n)| {
                let p = &self.problems[i];
                let union = w.len() + p.2.len() - n;
                let score = n as f64 / union.max(1) as f64;
                (score >= SIMILARITY).then_some((score, i))
            })
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
            .map(|(_, i)| (self.problems[i].0, self.problems[i].1.as_str()))
    }
}

/// Ticket ids already logged: live problems' references and reports, and
/// those of trashed problems (`None`: not to be added again).
fn known_refs(conn: &Connection) -> Result<HashMap<String, Option<ProblemId>>> {
    let mut known = HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT r.reference, p.id, p.deleted_at IS NULL FROM problem_refs r
             JOIN problems p ON p.id = r.problem_id
         UNION ALL
         SELECT o.ticket_ref, p.id, p.deleted_at IS NULL FROM occurrences o
             JOIN problems p ON p.id = o.problem_id WHERE o.ticket_ref <> ''",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, ProblemId>(1)?,
            r.get::<_, bool>(2)?,
        ))
    })?;
    for row in rows {
        let (reference, id, live) = row?;
        let slot = known.entry(reference.trim().to_owned()).or_insert(None);
        if live {
            *slot = Some(id);
        }
    }
    Ok(known)
}

/// Checks one ticket as it will be stored, noting each broken rule.
fn check_ticket(t: &TicketRow, label: &dyn Fn(&str) -> String, issues: &mut Vec<ImportIssue>) {
    let n = t.row;
    let k = &t.ticket;
    let mut fail = |field: &str, rule: Rule, limit: Option<u32>, value: &str| {
        issue(issues, n, &label(field), rule, limit, value);
    };
    if k.reference.is_empty() {
        fail("reference", Rule::Required, None, "");
    } else if let Err(e) = pv::line("reference", &k.reference, pv::REFERENCE_MAX, true) {
        note(&mut fail, "reference", &e, &k.reference);
    }
    if let Err(e) = pv::validate_title(&k.subject) {
        note(&mut fail, "subject", &e, &k.subject);
    }
    if let Err(e) = pv::text("description", &k.description, pv::DESCRIPTION_MAX, false) {
        note(&mut fail, "description", &e, "");
    }
    if let Err(e) = pv::line("customer", customer(k), pv::SHORT_TEXT_MAX, false) {
        let field = if k.organization.is_empty() {
            "requester"
        } else {
            "organization"
        };
        note(&mut fail, field, &e, customer(k));
    }
    if let Err(e) = pv::tags(&k.tags) {
        note(&mut fail, "tags", &e, &k.tags.join(" "));
    }
    let latest = time::now() + chrono::Duration::minutes(5);
    match k.created_at {
        None => {
            // An unparsable time was noted by the reader.
            if !t
                .issues
                .iter()
                .any(|i| i.rule == Rule::Invalid && i.column == label("createdAt"))
            {
                fail("createdAt", Rule::Required, None, "");
            }
        }
        Some(c) if c > latest => fail("createdAt", Rule::InFuture, None, &time::to_text(c)),
        Some(c) if c.date_naive().year_ce().1 < pv::EARLIEST_YEAR as u32 => {
            fail("createdAt", Rule::OutOfRange, None, &time::to_text(c));
        }
        Some(c) => {
            if let Some(s) = k.solved_at {
                if s < c {
                    fail("solvedAt", Rule::BeforeStart, None, &time::to_text(s));
                } else if s > latest {
                    fail("solvedAt", Rule::InFuture, None, &time::to_text(s));
                }
            }
        }
    }
}

use chrono::Datelike;

/// Notes a broken rule: (field, rule, limit, value).
type Fail<'a> = dyn FnMut(&str, Rule, Option<u32>, &str) + 'a;

fn note(fail: &mut Fail<'_>, field: &str, e: &Error, value: &str) {
    match e.field_error() {
        Some(fe) => fail(field, fe.rule, fe.limit, value),
        None => fail(field, Rule::Invalid, None, value),
    }
}

fn customer(t: &Ticket) -> &str {
    if t.organization.trim().is_empty() {
        t.requester.trim()
    } else {
        t.organization.trim()
    }
}

fn read_options<F: TicketFile + ?Sized>(
    file: &Passes<'_, F>,
    options: &ImportOptions,
    replaced: &Rc<Cell<bool>>,
) -> Result<(ReadOptions, Vec<String>, String)> {
    let format = match options.format {
        Some(f) => f,
        None => detect_format(&file.prefix()?),
    };
    let tz_name = options
        .time_zone
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| "UTC".to_owned());
    let tz = time_zone(&tz_name).ok_or_else(|| Error::invalid("timeZone", Rule::Invalid, None))?;
    let headers = if format.is_csv() {
        csv_headers(file.open(Rc::clone(replaced))?)
    } else {
        Vec::new()
    };
    let columns = options
        .columns
        .clone()
        .unwrap_or_else(|| default_mapping(format, &headers));
    Ok((
        ReadOptions {
            format,
            mapping: columns,
            time_zone: tz,
        },
        headers,
        tz_name,
    ))
}

/// The label of a field: its header under the mapping (JSON: its key).
fn labeller(read: &ReadOptions) -> impl Fn(&str) -> String + '_ {
    move |field: &str| {
        if read.format == HelpdeskFormat::ZendeskJson {
            return match field {
                "reference" => "id",
                "createdAt" => "created_at",
                "solvedAt" => "solved_at",
                "requester" => "requester_id",
                "organization" => "organization_id",
                "ticketType" => "type",
                other => other,
            }
            .to_owned();
        }
        super::parse::mapped_fields(&read.mapping)
            .iter()
            .find(|(f, _)| *f == field)
            .and_then(|(_, h)| *h)
            .map_or_else(|| field.to_owned(), str::to_owned)
    }
}

/// Reads the whole file once and decides what each good ticket becomes.
fn plan<F: TicketFile + ?Sized>(
    conn: &Connection,
    file: &Passes<'_, F>,
    options: &ImportOptions,
    mut preview: Option<&mut Vec<PreviewTicket>>,
) -> Result<(Plan, ReadOptions)> {
    let replaced = Rc::new(Cell::new(false));
    let (read, headers, tz_name) = read_options(file, options, &replaced)?;
    let mut issues = Vec::new();
    if read.format.is_csv() {
        if headers.is_empty() {
            issue(&mut issues, 0, "subject", Rule::Required, None, "");
        } else {
            issues = mapping_issues(&read.mapping, &headers);
        }
    }
    let mut p = Plan {
        format: read.format,
        encoding: file.encoding(),
        replaced: replaced.get(),
        headers,
        columns: read.mapping.clone(),
        tz_name,
        rows: 0,
        bad_rows: 0,
        mapping_refused: !issues.is_empty(),
        issues,
        planned: Vec::new(),
        values: ValueMaps::default(),
        groups: Vec::new(),
    };
    if p.mapping_refused {
        return Ok((p, read));
    }
    let known = known_refs(conn)?;
    let titles = if options.group_similar {
        Some(Titles::load(conn)?)
    } else {
        None
    };
    let split: HashSet<&str> = options.split.iter().map(String::as_str).collect();
    let label = labeller(&read);
    let mut seen_values = SeenValues::default();
    let mut in_file: HashMap<String, usize> = HashMap::new();
    let mut problem_refs: Vec<Option<String>> = Vec::new();
    let mut similar: HashMap<usize, (ProblemId, String)> = HashMap::new();
    let mut reader = tickets(file, &read, &replaced)?;
    for mut t in reader.by_ref() {
        p.rows += 1;
        if p.rows as usize > IMPORT_ROWS_MAX {
            issue(
                &mut p.issues,
                0,
                "",
                Rule::TooMany,
                Some(IMPORT_ROWS_MAX as u32),
                "",
            );
            p.mapping_refused = true;
            break;
        }
        let mut row_issues = std::mem::take(&mut t.issues);
        check_ticket(
            &TicketRow {
                issues: row_issues.clone(),
                ..t.clone()
            },
            &label,
            &mut row_issues,
        );
        if !row_issues.is_empty() {
            p.bad_rows += 1;
            if let Some(pre) = preview.as_deref_mut() {
                if pre.len() < PREVIEW_ROWS {
                    pre.push(preview_of(
                        &t.ticket,
                        t.row,
                        None,
                        &Lookup::new(&options.values),
                    ));
                }
            }
            p.issues.append(&mut row_issues);
            continue;
        }
        let k = &t.ticket;
        seen_values.note(&k.channel, &k.priority, &k.status);
        let index = p.planned.len();
        let target = match known.get(&k.reference) {
            Some(found) => Target::Already(*found),
            None if in_file.contains_key(&k.reference) => Target::Already(None),
            None => {
                in_file.insert(k.reference.clone(), index);
                Target::Problem
            }
        };
        if matches!(target, Target::Problem) && k.problem_ref.is_none() {
            if let Some(titles) = &titles {
                if let Some((id, title)) = titles.most_like(&k.subject) {
                    similar.insert(index, (id, title.to_owned()));
                }
            }
        }
        problem_refs.push(k.problem_ref.clone().filter(|r| *r != k.reference));
        p.planned.push(Planned {
            row: t.row,
            target,
            csat: k.satisfaction.is_some(),
        });
    }
    finished(reader)?;
    p.replaced = replaced.get();
    // Incidents of a problem ticket: logged already, or in the file.
    let mut groups: HashMap<String, SuggestedGroup> = HashMap::new();
    let mut add_to_group = |key: String, make: &dyn Fn() -> SuggestedGroup, reference: String| {
        let g = groups.entry(key).or_insert_with(make);
        g.count += 1;
        if g.tickets.len() < GROUP_TICKETS_LISTED {
            g.tickets.push(reference);
        }
    };
    let mut reference_of: Vec<Option<&String>> = vec![None; p.planned.len()];
    for (r, &i) in &in_file {
        reference_of[i] = Some(r);
    }
    for i in 0..p.planned.len() {
        if !matches!(p.planned[i].target, Target::Problem) {
            continue;
        }
        let Some(parent) = problem_refs[i].clone() else {
            continue;
        };
        let own = reference_of[i].cloned().unwrap_or_default();
        if let Some(Some(existing)) = known.get(&parent) {
            p.planned[i].target = Target::Existing(*existing);
            let title = problem_title(conn, *existing)?;
            let id = *existing;
            add_to_group(
                format!("ticket:{parent}"),
                &|| SuggestedGroup {
                    key: format!("ticket:{parent}"),
                    reason: GroupReason::ProblemTicket,
                    problem_id: Some(id),
                    problem_ref: Some(parent.clone()),
                    title: title.clone(),
                    tickets: Vec::new(),
                    count: 0,
                    split: false,
                },
                own,
            );
        } else if let Some(&j) = in_file.get(&parent) {
            // The parent stays a problem of its own (it is not an incident
            // of a third ticket: one level, as Zendesk links them).
            if problem_refs[j].is_none() && matches!(p.planned[j].target, Target::Problem) {
                p.planned[i].target = Target::Ticket(parent.clone());
                add_to_group(
                    format!("ticket:{parent}"),
                    &|| SuggestedGroup {
                        key: format!("ticket:{parent}"),
                        reason: GroupReason::ProblemTicket,
                        problem_id: None,
                        problem_ref: Some(parent.clone()),
                        // Read for the listed groups only, below.
                        title: String::new(),
                        tickets: Vec::new(),
                        count: 0,
                        split: false,
                    },
                    own,
                );
            }
        }
    }
    // A problem ticket some incident names stays a problem; other new
    // problems may go under a near duplicate.
    let parents: HashSet<String> = p
        .planned
        .iter()
        .filter_map(|pl| match &pl.target {
            Target::Ticket(r) => Some(r.clone()),
            _ => None,
        })
        .collect();
    let mut similar: Vec<(usize, (ProblemId, String))> = similar.into_iter().collect();
    similar.sort_by_key(|(i, _)| *i);
    for (i, (id, title)) in similar {
        let own = reference_of[i].cloned().unwrap_or_default();
        if parents.contains(&own) || !matches!(p.planned[i].target, Target::Problem) {
            continue;
        }
        let key = format!("similar:{id}");
        let is_split = split.contains(key.as_str());
        if !is_split {
            p.planned[i].target = Target::Existing(id);
        }
        add_to_group(
            key.clone(),
            &|| SuggestedGroup {
                key: key.clone(),
                reason: GroupReason::Similar,
                problem_id: Some(id),
                problem_ref: None,
                title: title.clone(),
                tickets: Vec::new(),
                count: 0,
                split: is_split,
            },
            own,
        );
    }
    let mut groups: Vec<SuggestedGroup> = groups.into_values().collect();
    groups.sort_by(|a, b| b.count.cmp(&a.count).then(a.key.cmp(&b.key)));
    groups.truncate(GROUPS_LISTED);
    if preview.is_some() {
        name_ticket_groups(file, &read, &mut groups)?;
    }
    p.groups = groups;
    p.values = seen_values.tables(&options.values);
    drop(label);
    Ok((p, read))
}

/// Gives the listed groups under a problem ticket of the file that
/// ticket's subject, in one more pass (no subject is kept while planning).
fn name_ticket_groups<F: TicketFile + ?Sized>(
    file: &Passes<'_, F>,
    read: &ReadOptions,
    groups: &mut [SuggestedGroup],
) -> Result<()> {
    let mut wanted: HashMap<String, usize> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.reason == GroupReason::ProblemTicket && g.problem_id.is_none())
        .filter_map(|(i, g)| Some((g.problem_ref.clone()?, i)))
        .collect();
    if wanted.is_empty() {
        return Ok(());
    }
    let mut reader = tickets(file, read, &Rc::default())?;
    for t in reader.by_ref() {
        if let Some(i) = wanted.remove(&t.ticket.reference) {
            groups[i].title = t.ticket.subject;
            if wanted.is_empty() {
                break;
            }
        }
    }
    finished(reader)
}

fn problem_title(conn: &Connection, id: ProblemId) -> Result<String> {
    Ok(conn
        .prepare_cached("SELECT title FROM problems WHERE id = ?1")?
        .query_row([id], |r| r.get(0))?)
}

fn preview_of(t: &Ticket, row: u32, target: Option<&Target>, look: &Lookup) -> PreviewTicket {
    let (becomes, problem_id, problem_ref) = match target {
        None => (None, None, None),
        Some(Target::Problem) => (Some(Becomes::Problem), None, None),
        Some(Target::Existing(id)) => (Some(Becomes::ReportOfExisting), Some(*id), None),
        Some(Target::Ticket(r)) => (Some(Becomes::ReportOfTicket), None, Some(r.clone())),
        Some(Target::Already(id)) => (Some(Becomes::AlreadyImported), *id, None),
    };
    PreviewTicket {
        row,
        reference: t.reference.clone(),
        subject: crate::write::one_line(&t.subject).trim().to_owned(),
        becomes,
        problem_id,
        problem_ref,
        channel: look.channel(&t.channel),
        severity: look.severity(&t.priority),
        status: look.status(&t.status),
        created_at: t.created_at,
        solved_at: t.solved_at,
        csat: t.satisfaction.map(|s| s.score),
        tags: t.tags.clone(),
    }
}

fn listed(mut issues: Vec<ImportIssue>) -> (Vec<ImportIssue>, u32) {
    let count = issues.len() as u32;
    issues.truncate(ISSUES_LISTED);
    (issues, count)
}

fn counts(p: &Plan) -> (u32, u32, u32, u32) {
    let (mut problems, mut reports, mut already, mut csat) = (0, 0, 0, 0);
    for pl in &p.planned {
        match pl.target {
            Target::Problem => problems += 1,
            Target::Existing(_) | Target::Ticket(_) => reports += 1,
            Target::Already(_) => already += 1,
        }
        if pl.csat && !matches!(pl.target, Target::Already(_)) {
            csat += 1;
        }
    }
    (problems, reports, already, csat)
}

/// Reads the whole `file` (in any supported encoding, a buffer at a time) and tells
/// what importing it would do, writing nothing: the format, mapping and
/// tables used, a preview of the first rows, the suggested groups and
/// every bad row by row and column.
pub fn check<F: TicketFile + ?Sized>(
    conn: &Connection,
    file: &F,
    options: &ImportOptions,
) -> Result<HelpdeskCheck> {
    let file = passes(file, options)?;
    let mut preview_bad = Vec::new();
    let (p, read) = plan(conn, &file, options, Some(&mut preview_bad))?;
    // The preview: the first rows, good and bad, in file order.
    let look = Lookup::new(&options.values);
    let mut preview = Vec::new();
    if !p.mapping_refused {
        let targets: HashMap<u32, &Target> = p
            .planned
            .iter()
            .take(PREVIEW_ROWS)
            .map(|pl| (pl.row, &pl.target))
            .collect();
        let mut reader = tickets(&file, &read, &Rc::default())?;
        for t in reader.by_ref().take(PREVIEW_ROWS) {
            preview.push(preview_of(
                &t.ticket,
                t.row,
                targets.get(&t.row).copied(),
                &look,
            ));
        }
        finished(reader)?;
    }
    let (problems, reports, already_imported, csat_answers) = counts(&p);
    let good = p.planned.len() as u32;
    let (issues, issue_count) = listed(p.issues);
    Ok(HelpdeskCheck {
        format: p.format,
        encoding: p.encoding,
        replaced_bytes: p.replaced,
        headers: p.headers,
        columns: p.columns,
        values: p.values,
        time_zone: p.tz_name,
        rows: p.rows,
        good,
        problems,
        reports,
        already_imported,
        csat_answers,
        preview,
        groups: p.groups,
        issues,
        issue_count,
    })
}

/// Imports `file` as `author` under `options` in one transaction: the
/// good tickets, or none when a row is bad (unless `skipBadRows`).
/// `progress` hears every [`PROGRESS_EVERY`] tickets; when `cancel` is set
/// the import stops and nothing is kept.
pub fn import<F: TicketFile + ?Sized>(
    ws: &mut Workspace,
    author: &str,
    file: &F,
    options: &ImportOptions,
    progress: &mut dyn FnMut(HelpdeskProgress),
    cancel: &AtomicBool,
) -> Result<Committed<HelpdeskImport>> {
    let file = passes(file, options)?;
    let (p, read) = plan(ws.conn(), &file, options, None)?;
    let (_, _, already, _) = counts(&p);
    let refused = p.mapping_refused || (p.bad_rows > 0 && !options.skip_bad_rows);
    let skipped = p.bad_rows;
    let (issues, issue_count) = listed(p.issues.clone());
    let outcome =
        |problems: u32, reports: u32, csat: u32, refused: bool, cancelled: bool| HelpdeskImport {
            problems_created: problems,
            reports_added: reports,
            already_imported: if refused || cancelled { 0 } else { already },
            csat_answers: csat,
            skipped: if refused || cancelled { 0 } else { skipped },
            refused,
            cancelled,
            issues: issues.clone(),
            issue_count,
        };
    let to_write = p
        .planned
        .iter()
        .filter(|pl| !matches!(pl.target, Target::Already(_)))
        .count() as u32;
    if refused || to_write == 0 {
        return Ok(Committed {
            value: outcome(0, 0, 0, refused, false),
            changes: Vec::new(),
        });
    }
    let file_name = options.file_name.trim().to_owned();
    let file_name = if file_name.is_empty() {
        "import".to_owned()
    } else {
        file_name
    };
    let look = Lookup::new(&options.values);
    let mut cancelled = false;
    let written = ws.write(author, |w| {
        write_plan(
            w,
            &file,
            &read,
            &p,
            &look,
            &file_name,
            to_write,
            progress,
            cancel,
            &mut cancelled,
        )
    });
    match written {
        Ok(done) => {
            let (problems, reports, csat) = done.value;
            Ok(Committed {
                value: outcome(problems, reports, csat, false, false),
                changes: done.changes,
            })
        }
        Err(_) if cancelled => Ok(Committed {
            value: outcome(0, 0, 0, false, true),
            changes: Vec::new(),
        }),
        Err(e) => Err(e),
    }
}

#[allow(clippy::too_many_arguments)]
fn write_plan<F: TicketFile + ?Sized>(
    w: &mut Writer<'_>,
    file: &Passes<'_, F>,
    read: &ReadOptions,
    p: &Plan,
    look: &Lookup,
    file_name: &str,
    total: u32,
    progress: &mut dyn FnMut(HelpdeskProgress),
    cancel: &AtomicBool,
    cancelled: &mut bool,
) -> Result<(u32, u32, u32)> {
    let mut done = 0u32;
    let mut tick = |done: u32, cancelled: &mut bool| -> Result<()> {
        if done as usize % PROGRESS_EVERY == 0 {
            if cancel.load(Ordering::Relaxed) {
                *cancelled = true;
                return Err(Error::Conflict("the import was cancelled".into()));
            }
            progress(HelpdeskProgress { done, total });
        }
        Ok(())
    };
    let import_id = ResponseId::new().to_string();
    let mut csat = 0u32;
    let mut created: HashMap<String, ProblemId> = HashMap::new();
    let mut order: Vec<ProblemId> = Vec::new();
    // 1. The new problems.
    let no_flag = Rc::default();
    let mut reader = tickets(file, read, &no_flag)?;
    let mut problems_cursor = Cursor::new(&p.planned);
    for t in reader.by_ref() {
        if !matches!(problems_cursor.at(t.row), Some(Target::Problem)) {
            continue;
        }
        tick(done, cancelled)?;
        let k = &t.ticket;
        let tags = pv::tags(&k.tags)?;
        let references = vec![k.reference.clone()];
        // As the core stores them (a title on one line), checked already.
        let title = pv::validate_title(&k.subject)?;
        let description = pv::text("description", &k.description, pv::DESCRIPTION_MAX, false)?;
        let customer = pv::line("customer", customer(k), pv::SHORT_TEXT_MAX, false)?;
        let id = bulk_create(
            w,
            &BulkProblem {
                title: &title,
                description: &description,
                customer: &customer,
                channel: look.channel(&k.channel),
                severity: look.severity(&k.priority),
                status: look.status(&k.status),
                tags: &tags,
                references: &references,
                reported_on: day(k.created_at),
            },
        )?;
        w.record(
            entity::PROBLEM,
            &id.to_string(),
            ChangeOp::Create,
            Some("imported"),
            None,
            Some(file_name),
        )?;
        csat += answer(w, k, look, id, &import_id)?;
        created.insert(k.reference.clone(), id);
        order.push(id);
        done += 1;
        if done as usize % CHECKPOINT_EVERY == 0 {
            w.checkpoint()?;
        }
    }
    finished(reader)?;
    let problems = done;
    // 2. The reports.
    let created_ids: HashSet<ProblemId> = order.iter().copied().collect();
    let mut touched: Vec<ProblemId> = Vec::new();
    let mut touched_set: HashSet<ProblemId> = HashSet::new();
    let mut latest: HashMap<ProblemId, chrono::NaiveDate> = HashMap::new();
    let mut reader = tickets(file, read, &no_flag)?;
    let mut reports_cursor = Cursor::new(&p.planned);
    for t in reader.by_ref() {
        let problem = match reports_cursor.at(t.row) {
            Some(Target::Existing(id)) => *id,
            Some(Target::Ticket(r)) => match created.get(r) {
                Some(id) => *id,
                None => continue,
            },
            _ => continue,
        };
        tick(done, cancelled)?;
        let k = &t.ticket;
        let on = day(k.created_at);
        let note = pv::validate_title(&k.subject)?;
        bulk_occurrence(
            w,
            problem,
            &BulkOccurrence {
                occurred_on: on,
                channel: look.channel(&k.channel),
                ticket_ref: &k.reference,
                note: &note,
                opened_at: k.created_at,
                resolved_at: k.solved_at,
            },
        )?;
        csat += answer(w, k, look, problem, &import_id)?;
        let slot = latest.entry(problem).or_insert(on);
        if on > *slot {
            *slot = on;
        }
        if !created_ids.contains(&problem) && touched_set.insert(problem) {
            touched.push(problem);
        }
        done += 1;
        if done as usize % CHECKPOINT_EVERY == 0 {
            w.checkpoint()?;
        }
    }
    finished(reader)?;
    let reports = done - problems;
    // 3. Counters and search of the problems that got reports (new ones
    // without reports are whole already), history of the existing ones
    // that changed, and the recurrence watch on them.
    let mut finish: Vec<ProblemId> = order
        .iter()
        .copied()
        .filter(|id| latest.contains_key(id))
        .collect();
    finish.extend(touched.iter().copied());
    bulk_finish(w, &finish)?;
    let mut per_problem: HashMap<ProblemId, u32> = HashMap::new();
    for pl in &p.planned {
        if let Target::Existing(id) = pl.target {
            *per_problem.entry(id).or_default() += 1;
        }
    }
    for id in &touched {
        let n = per_problem.get(id).copied().unwrap_or_default();
        w.record(
            entity::PROBLEM,
            &id.to_string(),
            ChangeOp::Update,
            Some("imported"),
            None,
            Some(&format!("{file_name} (+{n})")),
        )?;
        if let Some(on) = latest.get(id) {
            action::write::note_recurrence(w, *id, *on)?;
        }
    }
    if csat > 0 {
        w.record(
            entity::RESPONSE,
            &import_id,
            ChangeOp::Create,
            Some("imported"),
            None,
            Some(&csat.to_string()),
        )?;
    }
    progress(HelpdeskProgress { done, total });
    Ok((problems, reports, csat))
}

fn day(t: Option<DateTime<Utc>>) -> chrono::NaiveDate {
    t.map_or_else(time::today_utc, |t| t.date_naive())
}

/// Adds the ticket's rating as a CSAT answer on `problem` (1 if added).
fn answer(
    w: &Writer<'_>,
    k: &Ticket,
    look: &Lookup,
    problem: ProblemId,
    import_id: &str,
) -> Result<u32> {
    let Some(s) = k.satisfaction else {
        return Ok(0);
    };
    let input = ResponseInput {
        kind: SurveyKind::Csat,
        score: s.score,
        ces_scale: None,
        ces_easy: None,
        responded_on: day(k.solved_at.or(k.created_at)),
        channel: look.channel(&k.channel),
        comment: None,
        ticket_ref: Some(k.reference.clone()),
        customer: Some(customer(k).to_owned()).filter(|c| !c.is_empty()),
        problem_id: Some(problem),
        touchpoint_id: None,
    };
    let checked = metrics::write::check_response(&input)?;
    metrics::write::insert_response(w, ResponseId::new(), &input, &checked, Some(import_id))?;
    Ok(1)
}
