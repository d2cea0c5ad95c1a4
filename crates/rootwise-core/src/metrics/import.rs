//! Importing survey answers from a CSV file exported by a survey tool.
//!
//! 1. [`headers`]: the first row names the columns.
//! 2. The user maps columns to fields ([`ColumnMapping`]): score and day are
//!    required; the kind comes from a column or is fixed for the whole
//!    file; channel, comment, ticket, customer and problem (its id or exact
//!    title) are optional. A CES question's scale and easy end are set for
//!    the whole file (a survey tool exports one CES question).
//! 3. [`check`]: every row is checked, nothing is written; the first rows
//!    are previewed as they will be stored, and every broken rule is listed
//!    by row (as a spreadsheet numbers it, the header being row 1) and
//!    column (as the header names it).
//! 4. [`import`]: checks again, then writes in one transaction. When any
//!    row is bad nothing is imported, unless the user chose to import the
//!    good rows only (`skip_bad_rows`), in which case the bad ones are left
//!    out and listed. Progress is reported every [`PROGRESS_EVERY`] rows;
//!    a cancelled import rolls back and leaves nothing.
//!
//! Values: kinds `nps`, `csat`, `ces` in any case; scores are whole
//! numbers; days are `YYYY-MM-DD` (a timestamp starting with one is read as
//! its day; other orders such as `03/04/2026` are ambiguous and refused);
//! channels are their codes in any case, with spaces or hyphens for
//! underscores ("In person").
//!
//! History gets one entry per import (entity `survey_response`, the
//! import's id, field `imported`, the count), not one per answer: a year
//! of answers would otherwise double the file. Each answer keeps the
//! import's id (`import_id`).

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::{CesEasy, ResponseInput, SurveyKind};
use super::write::{check_response, insert_response, CheckedResponse};
use super::RESPONSE;
use crate::change::ChangeOp;
use crate::csv_rows::{
    code, find_problem, issue, parse_csv, split_header, ImportIssue, ISSUES_LISTED,
};
use crate::error::{Error, Result, Rule};
use crate::ids::{ProblemId, ResponseId};
use crate::store::{Committed, Workspace};
use crate::vocab::Channel;

/// Most rows one import takes.
pub const IMPORT_ROWS_MAX: usize = 500_000;
/// Rows shown in the preview.
pub const PREVIEW_ROWS: usize = 20;
/// Rows between two progress reports (and cancel checks).
pub const PROGRESS_EVERY: usize = 1_000;

/// Which column (0-based, in the header's order) holds each field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ColumnMapping {
    /// The column holding the kind; or `fixedKind` for the whole file.
    #[ts(optional)]
    pub kind: Option<u32>,
    /// The kind of every answer, when no column holds it.
    #[ts(optional)]
    pub fixed_kind: Option<SurveyKind>,
    /// The score.
    pub score: u32,
    /// The day answered.
    pub responded_on: u32,
    /// The channel.
    #[ts(optional)]
    pub channel: Option<u32>,
    /// The comment.
    #[ts(optional)]
    pub comment: Option<u32>,
    /// The ticket reference.
    #[ts(optional)]
    pub ticket_ref: Option<u32>,
    /// The customer.
    #[ts(optional)]
    pub customer: Option<u32>,
    /// The problem, by id or exact title.
    #[ts(optional)]
    pub problem: Option<u32>,
    /// The CES answers' scale (5 or 7).
    #[ts(optional)]
    pub ces_scale: Option<u8>,
    /// The CES answers' easy end.
    #[ts(optional)]
    pub ces_easy: Option<CesEasy>,
}

/// One previewed row: as it will be stored, or `None` when it is bad.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewRow {
    /// The row, as a spreadsheet numbers it.
    pub row: u32,
    /// The answer it becomes.
    pub response: Option<ResponseInput>,
}

/// What checking a file found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportCheck {
    /// The header's names.
    pub headers: Vec<String>,
    /// Rows under the header.
    pub rows: u32,
    /// Rows that break no rule.
    pub good: u32,
    /// The first rows as they will be stored.
    pub preview: Vec<PreviewRow>,
    /// Every broken rule, up to [`ISSUES_LISTED`].
    pub issues: Vec<ImportIssue>,
    /// How many broken rules there were in all.
    pub issue_count: u32,
}

/// Where an import is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgress {
    /// Rows written.
    pub done: u32,
    /// Rows to write.
    pub total: u32,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ResponseImport {
    /// Answers imported (0 when refused or cancelled).
    pub imported: u32,
    /// Bad rows left out (with `skipBadRows`).
    pub skipped: u32,
    /// The user cancelled: nothing was imported.
    pub cancelled: bool,
    /// Every broken rule, up to [`ISSUES_LISTED`].
    pub issues: Vec<ImportIssue>,
    /// How many broken rules there were in all.
    pub issue_count: u32,
}

/// The header's names (the file's first row); empty for an empty file.
pub fn headers(text: &str) -> Vec<String> {
    trimmed(parse_csv(text).first().map(Vec::as_slice))
}

fn trimmed(header: Option<&[String]>) -> Vec<String> {
    header.map_or_else(Vec::new, |h| {
        h.iter().map(|c| c.trim().to_owned()).collect()
    })
}

/// A row, checked.
struct GoodRow {
    input: ResponseInput,
    checked: CheckedResponse,
}

/// Every row checked: the good ones (row number, answer) and the issues.
struct Checked {
    headers: Vec<String>,
    rows: u32,
    good: Vec<(u32, GoodRow)>,
    bad_rows: u32,
    issues: Vec<ImportIssue>,
}

fn day(value: &str) -> Option<NaiveDate> {
    let head = value.get(..10)?;
    let rest = &value[10..];
    if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
        return None;
    }
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

fn check_rows(conn: &Connection, text: &str, m: &ColumnMapping) -> Result<Checked> {
    let rows = parse_csv(text);
    let mut issues = Vec::new();
    let (header, body) = match split_header(&rows, IMPORT_ROWS_MAX, "") {
        Ok(split) => split,
        Err(whole) => return Ok(empty(trimmed(rows.first().map(Vec::as_slice)), vec![whole])),
    };
    let headers = trimmed(Some(header));
    // The mapping itself: columns that exist, a kind from somewhere.
    let mapped = [
        ("kind", m.kind),
        ("score", Some(m.score)),
        ("respondedOn", Some(m.responded_on)),
        ("channel", m.channel),
        ("comment", m.comment),
        ("ticketRef", m.ticket_ref),
        ("customer", m.customer),
        ("problem", m.problem),
    ];
    for (field, column) in mapped {
        if column.is_some_and(|c| c as usize >= headers.len()) {
            issue(&mut issues, 1, field, Rule::Invalid, None, "");
        }
    }
    if m.kind.is_none() == m.fixed_kind.is_none() {
        issue(&mut issues, 1, "kind", Rule::Required, None, "");
    }
    if !issues.is_empty() {
        return Ok(empty(headers, issues));
    }

    let label = |field: &str| -> String {
        let column = mapped
            .iter()
            .find(|(f, _)| *f == field)
            .and_then(|(_, c)| *c);
        column
            .and_then(|c| headers.get(c as usize))
            .filter(|h| !h.is_empty())
            .cloned()
            .unwrap_or_else(|| field.to_owned())
    };
    let labels: HashMap<&str, String> = mapped.iter().map(|(f, _)| (*f, label(f))).collect();
    let mut problems: HashMap<String, Option<ProblemId>> = HashMap::new();
    let mut good = Vec::with_capacity(body.len());
    let mut bad_rows = 0;
    for (i, cells) in body.iter().enumerate() {
        let n = i as u32 + 2;
        let cell = |c: Option<u32>| {
            c.and_then(|c| cells.get(c as usize))
                .map_or("", |v| v.trim())
        };
        let mut row_issues = Vec::new();
        let fail = |out: &mut Vec<ImportIssue>,
                    field: &str,
                    rule: Rule,
                    limit: Option<u32>,
                    value: &str| {
            let column = labels.get(field).map_or(field, String::as_str);
            issue(out, n, column, rule, limit, value);
        };

        let kind = match m.fixed_kind {
            Some(k) => Some(k),
            None => {
                let value = cell(m.kind);
                let k = SurveyKind::parse(&code(value));
                if k.is_none() {
                    let rule = if value.is_empty() {
                        Rule::Required
                    } else {
                        Rule::Invalid
                    };
                    fail(&mut row_issues, "kind", rule, None, value);
                }
                k
            }
        };
        let score_text = cell(Some(m.score));
        let score = score_text.parse::<u8>().ok();
        if score.is_none() {
            let out_of_scale = score_text.parse::<i64>().is_ok();
            let rule = match (score_text.is_empty(), out_of_scale) {
                (true, _) => Rule::Required,
                (false, true) => Rule::OutOfScale,
                (false, false) => Rule::Invalid,
            };
            let top = kind
                .and_then(|k| super::write::scale_of(k, m.ces_scale))
                .map(|s| u32::from(s.1));
            fail(
                &mut row_issues,
                "score",
                rule,
                top.filter(|_| out_of_scale),
                score_text,
            );
        }
        let day_text = cell(Some(m.responded_on));
        let responded_on = day(day_text);
        if responded_on.is_none() {
            let rule = if day_text.is_empty() {
                Rule::Required
            } else {
                Rule::Invalid
            };
            fail(&mut row_issues, "respondedOn", rule, None, day_text);
        }
        let channel_text = cell(m.channel);
        let channel = Channel::parse(&code(channel_text));
        if channel.is_none() && !channel_text.is_empty() {
            fail(
                &mut row_issues,
                "channel",
                Rule::Invalid,
                None,
                channel_text,
            );
        }
        let problem_text = cell(m.problem);
        let problem_id = match problems.get(problem_text) {
            Some(found) => *found,
            None => {
                let found = find_problem(conn, problem_text)?;
                problems.insert(problem_text.to_owned(), found);
                found
            }
        };
        if problem_id.is_none() && !problem_text.is_empty() {
            fail(
                &mut row_issues,
                "problem",
                Rule::Invalid,
                None,
                problem_text,
            );
        }
        let text = |c: Option<u32>| {
            let t = cell(c);
            (!t.is_empty()).then(|| t.to_owned())
        };
        if let (Some(kind), Some(score), Some(responded_on)) = (kind, score, responded_on) {
            let is_ces = kind == SurveyKind::Ces;
            let input = ResponseInput {
                kind,
                score,
                ces_scale: m.ces_scale.filter(|_| is_ces),
                ces_easy: m.ces_easy.filter(|_| is_ces),
                responded_on,
                channel,
                comment: text(m.comment),
                ticket_ref: text(m.ticket_ref),
                customer: text(m.customer),
                problem_id,
                touchpoint_id: None,
            };
            match check_response(&input) {
                Ok(checked) if row_issues.is_empty() => {
                    good.push((n, GoodRow { input, checked }));
                }
                Ok(_) => {}
                Err(Error::InvalidInput(errors)) => {
                    for e in errors {
                        let value = match e.field.as_str() {
                            "score" => score_text,
                            "respondedOn" => day_text,
                            "comment" => cell(m.comment),
                            "ticketRef" => cell(m.ticket_ref),
                            "customer" => cell(m.customer),
                            _ => "",
                        };
                        fail(&mut row_issues, &e.field, e.rule, e.limit, value);
                    }
                }
                Err(other) => return Err(other),
            }
        }
        if !row_issues.is_empty() {
            bad_rows += 1;
            issues.append(&mut row_issues);
        }
    }
    Ok(Checked {
        headers,
        rows: body.len() as u32,
        good,
        bad_rows,
        issues,
    })
}

fn empty(headers: Vec<String>, issues: Vec<ImportIssue>) -> Checked {
    Checked {
        headers,
        rows: 0,
        good: Vec::new(),
        bad_rows: 0,
        issues,
    }
}

fn listed(mut issues: Vec<ImportIssue>) -> (Vec<ImportIssue>, u32) {
    let count = issues.len() as u32;
    issues.truncate(ISSUES_LISTED);
    (issues, count)
}

/// Checks every row of `text` under `mapping`, writing nothing: the
/// preview of the first rows and every broken rule.
pub fn check(conn: &Connection, text: &str, mapping: &ColumnMapping) -> Result<ImportCheck> {
    let c = check_rows(conn, text, mapping)?;
    let last_previewed = PREVIEW_ROWS as u32 + 1;
    let mut good = c.good.iter().peekable();
    let preview = (2..=c.rows.min(PREVIEW_ROWS as u32) + 1)
        .filter(|n| *n <= last_previewed)
        .map(|n| {
            let response = match good.peek() {
                Some((row, g)) if *row == n => {
                    good.next();
                    Some(stored(g))
                }
                _ => None,
            };
            PreviewRow { row: n, response }
        })
        .collect();
    let good_count = c.good.len() as u32;
    let (issues, issue_count) = listed(c.issues);
    Ok(ImportCheck {
        headers: c.headers,
        rows: c.rows,
        good: good_count,
        preview,
        issues,
        issue_count,
    })
}

/// An answer as it will be stored (texts trimmed, one-line fields joined).
fn stored(g: &GoodRow) -> ResponseInput {
    let some = |t: &str| (!t.is_empty()).then(|| t.to_owned());
    ResponseInput {
        comment: some(&g.checked.comment),
        ticket_ref: some(&g.checked.ticket_ref),
        customer: some(&g.checked.customer),
        ..g.input.clone()
    }
}

/// Imports the answers of `text` under `mapping` as `author`, in one
/// transaction: all of them, or none when a row is bad (unless
/// `skip_bad_rows`: then the good ones, the bad ones listed). `progress`
/// hears every [`PROGRESS_EVERY`] rows; when `cancel` is set the import
/// stops and nothing is kept.
pub fn import(
    ws: &mut Workspace,
    author: &str,
    text: &str,
    mapping: &ColumnMapping,
    skip_bad_rows: bool,
    progress: &mut dyn FnMut(ImportProgress),
    cancel: &AtomicBool,
) -> Result<Committed<ResponseImport>> {
    let c = check_rows(ws.conn(), text, mapping)?;
    let skipped = c.bad_rows;
    let refused = !c.issues.is_empty() && (!skip_bad_rows || c.rows == 0);
    let (issues, issue_count) = listed(c.issues);
    let outcome = |imported: u32, cancelled: bool, issues: Vec<ImportIssue>| ResponseImport {
        imported,
        skipped: if imported > 0 { skipped } else { 0 },
        cancelled,
        issues,
        issue_count,
    };
    if refused || c.good.is_empty() {
        return Ok(Committed {
            value: outcome(0, false, issues),
            changes: Vec::new(),
        });
    }
    let total = c.good.len() as u32;
    let mut cancelled = false;
    let written = ws.write(author, |w| {
        let import_id = ResponseId::new().to_string();
        for (i, (_, row)) in c.good.iter().enumerate() {
            if i % PROGRESS_EVERY == 0 {
                if cancel.load(Ordering::Relaxed) {
                    cancelled = true;
                    return Err(Error::Conflict("the import was cancelled".into()));
                }
                progress(ImportProgress {
                    done: i as u32,
                    total,
                });
            }
            insert_response(
                w,
                ResponseId::new(),
                &row.input,
                &row.checked,
                Some(&import_id),
            )?;
        }
        w.record(
            RESPONSE,
            &import_id,
            ChangeOp::Create,
            Some("imported"),
            None,
            Some(&total.to_string()),
        )?;
        progress(ImportProgress { done: total, total });
        Ok(())
    });
    match written {
        Ok(done) => Ok(Committed {
            value: outcome(total, false, issues),
            changes: done.changes,
        }),
        Err(_) if cancelled => Ok(Committed {
            value: outcome(0, true, issues),
            changes: Vec::new(),
        }),
        Err(e) => Err(e),
    }
}
