//! Reading a file's tickets, one at a time: the CSV layouts through a
//! [`TicketColumns`] (each product's documented headers by default), the
//! Zendesk JSON export line by line.
//!
//! Headers match without regard to case or surrounding spaces. Zendesk's
//! custom fields (`Category [list]`) are kept under their name without the
//! suffix, and its leading `Summation column` is ignored like any column
//! no field maps.

use std::io::BufRead;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use super::ticket::{
    custom_field_name, header_key, parse_duration, parse_time, satisfaction, split_tags,
    HelpdeskFormat, Ticket, TicketRow,
};
use crate::csv_rows::{issue, ImportIssue, Record, Records};
use crate::error::Rule;

/// Which column (by its header, matched without regard to case or
/// surrounding spaces) holds each ticket field. Subject, reference and
/// created time are required; the rest are optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct TicketColumns {
    /// The ticket id (kept as the problem's or occurrence's reference).
    #[ts(optional)]
    pub reference: Option<String>,
    /// The subject (the problem's title).
    #[ts(optional)]
    pub subject: Option<String>,
    /// The first message or description.
    #[ts(optional)]
    pub description: Option<String>,
    /// The help desk's status.
    #[ts(optional)]
    pub status: Option<String>,
    /// The priority (mapped to a severity).
    #[ts(optional)]
    pub priority: Option<String>,
    /// The channel or source.
    #[ts(optional)]
    pub channel: Option<String>,
    /// The ticket type (problem, incident, question, task).
    #[ts(optional)]
    pub ticket_type: Option<String>,
    /// When the ticket was created (the report's day and contact opening).
    #[ts(optional)]
    pub created_at: Option<String>,
    /// When it was solved (the contact's resolution).
    #[ts(optional)]
    pub solved_at: Option<String>,
    /// The resolution time, when no solved time is given (`hh:mm:ss`, or
    /// a number: minutes for Zendesk, hours otherwise).
    #[ts(optional)]
    pub resolution_time: Option<String>,
    /// Tags.
    #[ts(optional)]
    pub tags: Option<String>,
    /// The customer's satisfaction rating.
    #[ts(optional)]
    pub satisfaction: Option<String>,
    /// The requester.
    #[ts(optional)]
    pub requester: Option<String>,
    /// The organization or company.
    #[ts(optional)]
    pub organization: Option<String>,
    /// The problem ticket an incident belongs to.
    #[ts(optional)]
    pub problem_ref: Option<String>,
}

/// The mapping's fields, in the order the UI lists them: (field name as
/// in [`TicketColumns`], the header it names).
pub fn mapped_fields(m: &TicketColumns) -> [(&'static str, Option<&str>); 15] {
    [
        ("reference", m.reference.as_deref()),
        ("subject", m.subject.as_deref()),
        ("description", m.description.as_deref()),
        ("status", m.status.as_deref()),
        ("priority", m.priority.as_deref()),
        ("channel", m.channel.as_deref()),
        ("ticketType", m.ticket_type.as_deref()),
        ("createdAt", m.created_at.as_deref()),
        ("solvedAt", m.solved_at.as_deref()),
        ("resolutionTime", m.resolution_time.as_deref()),
        ("tags", m.tags.as_deref()),
        ("satisfaction", m.satisfaction.as_deref()),
        ("requester", m.requester.as_deref()),
        ("organization", m.organization.as_deref()),
        ("problemRef", m.problem_ref.as_deref()),
    ]
}

/// The headers each field is looked for under in a product's export, in
/// order of preference.
fn candidates(format: HelpdeskFormat, field: &str) -> &'static [&'static str] {
    use HelpdeskFormat::*;
    match (format, field) {
        (ZendeskCsv, "reference") => &["id", "ticket id"],
        (FreshdeskCsv, "reference") => &["ticket id", "id"],
        (_, "subject") => &["subject", "title"],
        (_, "description") => &["description", "first comment", "message"],
        (_, "status") => &["status"],
        (_, "priority") => &["priority"],
        (ZendeskCsv, "channel") => &["via", "channel"],
        (_, "channel") => &["source", "channel", "via"],
        (ZendeskCsv, "ticketType") => &["ticket type", "type"],
        (_, "ticketType") => &["type", "ticket type"],
        (ZendeskCsv, "createdAt") => &["created at", "created"],
        (_, "createdAt") => &["created time", "created at", "created"],
        (ZendeskCsv, "solvedAt") => &["solved at", "solved"],
        (_, "solvedAt") => &["resolved time", "closed time", "solved at"],
        (ZendeskCsv, "resolutionTime") => &[
            "full resolution time in minutes",
            "full resolution time in minutes within business hours",
            "first resolution time in minutes",
        ],
        (_, "resolutionTime") => &["resolution time (in hrs)", "resolution time"],
        (_, "tags") => &["tags"],
        (ZendeskCsv, "satisfaction") => &["satisfaction score", "satisfaction"],
        (_, "satisfaction") => &["survey results", "survey result", "satisfaction"],
        (ZendeskCsv, "requester") => &["requester", "requester email"],
        (_, "requester") => &["full name", "contact", "requester", "email"],
        (ZendeskCsv, "organization") => &["organization", "organisation"],
        (_, "organization") => &["company name", "company", "organization"],
        (ZendeskCsv, "problemRef") => &["problem", "problem id"],
        _ => &[],
    }
}

/// The mapping a product's export gets by default: each field's first
/// header of the product's documented names the file has (as the file
/// spells it). Any other CSV gets the obvious names it happens to use.
pub fn default_mapping(format: HelpdeskFormat, headers: &[String]) -> TicketColumns {
    let pick = |field: &str| {
        let format = if format == HelpdeskFormat::Csv {
            HelpdeskFormat::FreshdeskCsv
        } else {
            format
        };
        candidates(format, field).iter().find_map(|c| {
            headers
                .iter()
                .find(|h| header_key(h) == *c)
                .map(|h| h.trim().to_owned())
        })
    };
    if format == HelpdeskFormat::ZendeskJson {
        return TicketColumns::default();
    }
    TicketColumns {
        reference: pick("reference"),
        subject: pick("subject"),
        description: pick("description"),
        status: pick("status"),
        priority: pick("priority"),
        channel: pick("channel"),
        ticket_type: pick("ticketType"),
        created_at: pick("createdAt"),
        solved_at: pick("solvedAt"),
        resolution_time: pick("resolutionTime"),
        tags: pick("tags"),
        satisfaction: pick("satisfaction"),
        requester: pick("requester"),
        organization: pick("organization"),
        problem_ref: pick("problemRef"),
    }
}

/// The header row of a CSV text, trimmed (empty for an empty file); only
/// the first record is read.
pub fn csv_headers(src: impl BufRead) -> Vec<String> {
    Records::from_reader(src)
        .next()
        .map(|r| r.fields.iter().map(|f| f.trim().to_owned()).collect())
        .unwrap_or_default()
}

/// The mapping's own problems: a required field not mapped, a header the
/// file doesn't have (row 1, the column named as the field).
pub fn mapping_issues(mapping: &TicketColumns, headers: &[String]) -> Vec<ImportIssue> {
    let mut issues = Vec::new();
    for (field, header) in mapped_fields(mapping) {
        match header {
            None if matches!(field, "reference" | "subject" | "createdAt") => {
                issue(&mut issues, 1, field, Rule::Required, None, "");
            }
            Some(h) if !headers.iter().any(|x| header_key(x) == header_key(h)) => {
                issue(&mut issues, 1, field, Rule::Invalid, None, h);
            }
            _ => {}
        }
    }
    issues
}

/// How a file is read: its layout, the mapping for a CSV, the account's
/// time zone for local times.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// The layout.
    pub format: HelpdeskFormat,
    /// Which column is which (CSV layouts).
    pub mapping: TicketColumns,
    /// The zone times without an offset are in.
    pub time_zone: Tz,
}

/// The tickets of a text, one row at a time (the header excluded), read
/// from a buffered reader of UTF-8 as they are needed.
pub enum TicketReader<R> {
    /// A CSV layout.
    Csv(Box<CsvTickets<R>>),
    /// Zendesk's JSON lines.
    Json(JsonTickets<R>),
}

impl<'a> TicketReader<&'a [u8]> {
    /// A reader over `text` (decoded already) with `options`.
    pub fn new(text: &'a str, options: &ReadOptions) -> Self {
        Self::from_reader(text.as_bytes(), options)
    }
}

impl<R: BufRead> TicketReader<R> {
    /// A reader over `src` with `options`.
    pub fn from_reader(src: R, options: &ReadOptions) -> Self {
        if options.format == HelpdeskFormat::ZendeskJson {
            TicketReader::Json(JsonTickets {
                src,
                raw: String::new(),
                line: 0,
                error: None,
            })
        } else {
            TicketReader::Csv(Box::new(CsvTickets::new(
                Records::from_reader(src),
                options,
            )))
        }
    }

    /// The read error that ended the tickets, if one did.
    pub fn take_error(&mut self) -> Option<std::io::Error> {
        match self {
            TicketReader::Csv(r) => r.records.take_error(),
            TicketReader::Json(r) => r.error.take(),
        }
    }
}

impl<R: BufRead> Iterator for TicketReader<R> {
    type Item = TicketRow;

    fn next(&mut self) -> Option<TicketRow> {
        match self {
            TicketReader::Csv(r) => r.next(),
            TicketReader::Json(r) => r.next(),
        }
    }
}

/// The column index of each mapped field.
#[derive(Default)]
struct Columns {
    index: [Option<usize>; 15],
    labels: Vec<String>,
    custom: Vec<(usize, String)>,
}

/// CSV rows as tickets.
pub struct CsvTickets<R> {
    records: Records<R>,
    columns: Columns,
    tz: Tz,
    duration_unit: f64,
}

impl<R: BufRead> CsvTickets<R> {
    fn new(mut records: Records<R>, options: &ReadOptions) -> Self {
        let header = records.next();
        let labels: Vec<String> = header
            .map(|h| h.fields.iter().map(|f| f.trim().to_owned()).collect())
            .unwrap_or_default();
        let mut columns = Columns::default();
        for (slot, (_, name)) in mapped_fields(&options.mapping).iter().enumerate() {
            columns.index[slot] =
                name.and_then(|n| labels.iter().position(|h| header_key(h) == header_key(n)));
        }
        if options.format == HelpdeskFormat::ZendeskCsv {
            columns.custom = labels
                .iter()
                .enumerate()
                .filter_map(|(i, h)| custom_field_name(h).map(|n| (i, n.to_owned())))
                .collect();
        }
        columns.labels = labels;
        let duration_unit = if options.format == HelpdeskFormat::ZendeskCsv {
            1.0
        } else {
            60.0
        };
        Self {
            records,
            columns,
            tz: options.time_zone,
            duration_unit,
        }
    }

    fn ticket(&self, record: &Record) -> TicketRow {
        let n = record.row;
        let cell = |slot: usize| -> &str {
            self.columns.index[slot]
                .and_then(|i| record.fields.get(i))
                .map_or("", String::as_str)
        };
        let label = |slot: usize, field: &str| -> String {
            self.columns.index[slot]
                .and_then(|i| self.columns.labels.get(i))
                .cloned()
                .unwrap_or_else(|| field.to_owned())
        };
        let mut issues = Vec::new();
        if let Some(at) = record.broken_quote {
            let column = self.columns.labels.get(at).cloned().unwrap_or_default();
            issue(&mut issues, n, &column, Rule::BrokenQuote, None, "");
        }
        let time = |slot: usize, field: &str, issues: &mut Vec<ImportIssue>| {
            let v = cell(slot);
            let t = parse_time(v, self.tz);
            if t.is_none() && !v.trim().is_empty() {
                issue(issues, n, &label(slot, field), Rule::Invalid, None, v);
            }
            t
        };
        let created_at = time(7, "createdAt", &mut issues);
        let mut solved_at = time(8, "solvedAt", &mut issues);
        if solved_at.is_none() && cell(8).trim().is_empty() {
            let v = cell(9);
            match parse_duration(v, self.duration_unit) {
                Some(d) => solved_at = created_at.map(|c| c + d),
                None if !v.trim().is_empty() => {
                    issue(
                        &mut issues,
                        n,
                        &label(9, "resolutionTime"),
                        Rule::Invalid,
                        None,
                        v,
                    );
                }
                None => {}
            }
        }
        let problem_ref = Some(cell(14).trim().to_owned()).filter(|s| !s.is_empty());
        let ticket = Ticket {
            reference: cell(0).trim().to_owned(),
            subject: cell(1).to_owned(),
            description: cell(2).to_owned(),
            status: cell(3).trim().to_owned(),
            priority: cell(4).trim().to_owned(),
            channel: cell(5).trim().to_owned(),
            ticket_type: cell(6).trim().to_lowercase(),
            created_at,
            solved_at,
            tags: split_tags(cell(10)),
            satisfaction: satisfaction(cell(11)),
            requester: cell(12).trim().to_owned(),
            organization: cell(13).trim().to_owned(),
            problem_ref,
            custom_fields: self
                .columns
                .custom
                .iter()
                .filter_map(|(i, name)| {
                    let v = record.fields.get(*i)?.trim();
                    (!v.is_empty()).then(|| (name.clone(), v.to_owned()))
                })
                .collect(),
        };
        TicketRow {
            row: n,
            ticket,
            issues,
        }
    }

    /// The header of each field the mapping names (or the field's name).
    pub fn label(&self, field: &str) -> String {
        fields_slot(field)
            .and_then(|slot| self.columns.index[slot])
            .and_then(|i| self.columns.labels.get(i))
            .cloned()
            .unwrap_or_else(|| field.to_owned())
    }
}

fn fields_slot(field: &str) -> Option<usize> {
    mapped_fields(&TicketColumns::default())
        .iter()
        .position(|(f, _)| *f == field)
}

impl<R: BufRead> Iterator for CsvTickets<R> {
    type Item = TicketRow;

    fn next(&mut self) -> Option<TicketRow> {
        let record = self.records.next()?;
        Some(self.ticket(&record))
    }
}

/// Zendesk's JSON export: one `{"ticket": {...}}` (or a bare ticket
/// object) per line; blank lines are skipped.
pub struct JsonTickets<R> {
    src: R,
    /// The line being read (kept to reuse its allocation).
    raw: String,
    line: u32,
    error: Option<std::io::Error>,
}

impl<R: BufRead> Iterator for JsonTickets<R> {
    type Item = TicketRow;

    fn next(&mut self) -> Option<TicketRow> {
        loop {
            self.raw.clear();
            match self.src.read_line(&mut self.raw) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    self.error = Some(e);
                    return None;
                }
            }
            self.line = self.line.saturating_add(1);
            let raw = self.raw.trim_start_matches('\u{feff}').trim();
            if raw.is_empty() {
                continue;
            }
            return Some(json_ticket(self.line, raw));
        }
    }
}

fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

fn json_ticket(n: u32, raw: &str) -> TicketRow {
    let mut issues = Vec::new();
    let value: Value = match serde_json::from_str(raw) {
        Ok(v) => v,
        Err(_) => {
            issue(&mut issues, n, "ticket", Rule::Invalid, None, raw);
            return TicketRow {
                row: n,
                ticket: Ticket::default(),
                issues,
            };
        }
    };
    let t = value.get("ticket").unwrap_or(&value);
    if !t.is_object() {
        issue(&mut issues, n, "ticket", Rule::Invalid, None, raw);
    }
    let field = |k: &str| t.get(k).map(text_of).unwrap_or_default();
    let time = |k: &str, issues: &mut Vec<ImportIssue>| -> Option<DateTime<Utc>> {
        let v = field(k);
        let parsed = parse_time(&v, Tz::UTC);
        if parsed.is_none() && !v.trim().is_empty() {
            issue(issues, n, k, Rule::Invalid, None, &v);
        }
        parsed
    };
    let created_at = time("created_at", &mut issues);
    let solved_at = time("solved_at", &mut issues);
    let tags = match t.get("tags") {
        Some(Value::Array(a)) => a
            .iter()
            .map(text_of)
            .filter(|s| !s.trim().is_empty())
            .collect(),
        Some(Value::String(s)) => split_tags(s),
        _ => Vec::new(),
    };
    let score = t
        .get("satisfaction_rating")
        .map(|s| s.get("score").map(text_of).unwrap_or_else(|| text_of(s)))
        .unwrap_or_default();
    let problem_ref = Some(field("problem_id").trim().to_owned()).filter(|s| !s.is_empty());
    let ticket = Ticket {
        reference: field("id").trim().to_owned(),
        subject: field("subject"),
        description: field("description"),
        status: field("status").trim().to_owned(),
        priority: field("priority").trim().to_owned(),
        channel: t
            .get("via")
            .and_then(|v| v.get("channel"))
            .map(text_of)
            .unwrap_or_default()
            .trim()
            .to_owned(),
        ticket_type: field("type").trim().to_lowercase(),
        created_at,
        solved_at,
        tags,
        satisfaction: satisfaction(&score),
        requester: field("requester_id").trim().to_owned(),
        organization: field("organization_id").trim().to_owned(),
        problem_ref,
        custom_fields: Vec::new(),
    };
    TicketRow {
        row: n,
        ticket,
        issues,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zendesk_csv_headers_map_whatever_their_case_and_spaces() {
        let text = "Summation column, ID ,SUBJECT,Via,Created at,Solved at,Category [list],Satisfaction Score\n\
                    ,7,Refund late,Web form,2026-03-01 10:00,2026-03-01 12:30,Billing,Good\n";
        let headers = csv_headers(text.as_bytes());
        let mapping = default_mapping(HelpdeskFormat::ZendeskCsv, &headers);
        assert_eq!(mapping.reference.as_deref(), Some("ID"));
        assert_eq!(mapping.channel.as_deref(), Some("Via"));
        let options = ReadOptions {
            format: HelpdeskFormat::ZendeskCsv,
            mapping,
            time_zone: Tz::UTC,
        };
        let rows: Vec<TicketRow> = TicketReader::new(text, &options).collect();
        assert_eq!(rows.len(), 1);
        let t = &rows[0].ticket;
        assert_eq!(
            (t.reference.as_str(), t.subject.as_str()),
            ("7", "Refund late")
        );
        assert_eq!(
            t.custom_fields,
            vec![("Category".to_owned(), "Billing".to_owned())]
        );
        assert_eq!(t.satisfaction.map(|s| s.score), Some(5));
        assert!(rows[0].issues.is_empty());
    }

    #[test]
    fn json_lines_read_nested_fields_and_flag_a_broken_line() {
        let text =
            "{\"ticket\":{\"id\":12,\"type\":\"incident\",\"problem_id\":10,\"subject\":\"x\",\
                    \"via\":{\"channel\":\"email\"},\"satisfaction_rating\":{\"score\":\"bad\"},\
                    \"tags\":[\"a\",\"b\"],\"created_at\":\"2026-03-01T10:00:00Z\"}}\n\n{oops\n";
        let options = ReadOptions {
            format: HelpdeskFormat::ZendeskJson,
            mapping: TicketColumns::default(),
            time_zone: Tz::UTC,
        };
        let rows: Vec<TicketRow> = TicketReader::new(text, &options).collect();
        assert_eq!(rows.len(), 2);
        let t = &rows[0].ticket;
        assert_eq!(t.problem_ref.as_deref(), Some("10"));
        assert_eq!(t.channel, "email");
        assert_eq!(t.satisfaction.map(|s| s.score), Some(1));
        assert_eq!(t.tags, vec!["a", "b"]);
        assert_eq!(rows[1].row, 3);
        assert_eq!(rows[1].issues[0].rule, Rule::Invalid);
    }
}
