//! Importing actions from a CSV file: a tracking spreadsheet kept before
//! Rootwise, with its columns named as below (the table's export is for
//! reading in a spreadsheet; its headers are in the user's language).
//!
//! The first row names the columns; their order is free and unknown columns
//! are ignored. `title` and `problem` (a problem's id or exact title) are
//! required; `kind` (containment, corrective, preventive; corrective when
//! empty), `status`, `priority`, `owner`, `due` (YYYY-MM-DD),
//! `check_method`, `check_notes`, `cancel_reason` and `description` are
//! optional. Values of kind, status and priority are their codes, in any
//! case, with spaces or hyphens for underscores ("In progress").
//!
//! Every row is checked before anything is written: one broken rule in any
//! row imports nothing, and every broken rule is reported with its row
//! (counted as a spreadsheet shows it, the header being row 1), so the user
//! fixes the file and imports it again.

use serde::Serialize;
use ts_rs::TS;

use super::model::{
    Action, ActionEdit, ActionKind, ActionStatus, CheckResult, NewAction, Priority,
};
use super::write::{self, CHECK_TEXT_MAX, DESCRIPTION_MAX, OWNER_MAX, REASON_MAX, TITLE_MAX};
use crate::error::{Error, Result, Rule};
use crate::ids::{ActionId, ProblemId};
use crate::store::Writer;
use crate::write as v;

/// The columns that hold one line of text: line breaks and tabs in them
/// become spaces, as in every other writer.
const ONE_LINE_COLUMNS: [&str; 2] = ["title", "owner"];

/// Most rows one import takes.
pub const IMPORT_ROWS_MAX: usize = 10_000;
/// Most broken rules reported (the rest are counted).
pub const ISSUES_LISTED: usize = 200;

/// One broken rule in one row of an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportIssue {
    /// The row, as a spreadsheet numbers it (the header is row 1); 0 for
    /// the file as a whole.
    pub row: u32,
    /// The column, as named in the file's header (or the missing one).
    pub column: String,
    /// The rule it broke.
    pub rule: Rule,
    /// The limit involved, if any.
    pub limit: Option<u32>,
    /// The value found (cut to 100 characters).
    pub value: String,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportOutcome {
    /// Actions created (0 when any rule was broken).
    pub imported: u32,
    /// Every broken rule, up to [`ISSUES_LISTED`].
    pub issues: Vec<ImportIssue>,
    /// How many broken rules there were in all.
    pub issue_count: u32,
}

/// Splits CSV text (RFC 4180: quoted fields, doubled quotes, CRLF, LF or
/// CR line ends, an optional byte-order mark) into rows of fields, with the
/// `csv` crate; rows with nothing but blanks are left out.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // The input is a `&str`, so no record can be invalid UTF-8; a flexible
    // reader accepts any field count, so there is nothing else to reject.
    reader
        .records()
        .filter_map(std::result::Result::ok)
        .map(|record| record.iter().map(str::to_owned).collect::<Vec<_>>())
        .filter(|row| row.iter().any(|f| !f.trim().is_empty()))
        .collect()
}

fn code(value: &str) -> String {
    value.trim().to_lowercase().replace([' ', '-'], "_")
}

/// One row, checked, ready to write.
struct Row {
    input: NewAction,
    status: ActionStatus,
    check_notes: String,
    cancel_reason: String,
}

/// How an import applies each status move to an action it created: the
/// action's edit as the workflow composes it (so a row imported as "not
/// effective" reopens the problem, as the same edit made by hand does).
pub type ApplyEdit = fn(&mut Writer<'_>, ActionId, &ActionEdit) -> Result<Action>;

/// Imports actions from CSV text: all of them, or none with every issue.
/// Each row's status is reached through `apply` (`workflow::import_actions`
/// passes the workflow's action edit).
pub(crate) fn import_csv(
    w: &mut Writer<'_>,
    text: &str,
    apply: ApplyEdit,
) -> Result<ImportOutcome> {
    let rows = parse_csv(text);
    let mut issues: Vec<ImportIssue> = Vec::new();
    let Some((header, body)) = rows.split_first() else {
        issue(&mut issues, 0, "title", Rule::Required, None, "");
        return Ok(finish(0, issues));
    };
    if body.len() > IMPORT_ROWS_MAX {
        issue(
            &mut issues,
            0,
            "",
            Rule::TooMany,
            Some(IMPORT_ROWS_MAX as u32),
            "",
        );
        return Ok(finish(0, issues));
    }
    let names: Vec<String> = header.iter().map(|h| code(h)).collect();
    let column = |name: &str| names.iter().position(|n| n == name);
    let label = |i: usize| header.get(i).map_or(String::new(), |h| h.trim().to_owned());
    for required in ["title", "problem"] {
        if column(required).is_none() {
            issue(&mut issues, 1, required, Rule::Required, None, "");
        }
    }
    if !issues.is_empty() {
        return Ok(finish(0, issues));
    }

    let mut checked: Vec<Row> = Vec::with_capacity(body.len());
    for (i, cells) in body.iter().enumerate() {
        let n = i as u32 + 2;
        let get = |name: &str| -> (String, String) {
            column(name).map_or((name.to_owned(), String::new()), |c| {
                (
                    label(c),
                    cells.get(c).map_or(String::new(), |v| v.trim().to_owned()),
                )
            })
        };
        let mut ok = true;
        let mut text = |name: &str, max: usize, required: bool| -> String {
            let (col, value) = get(name);
            let checked = if ONE_LINE_COLUMNS.contains(&name) {
                v::line(&col, &value, max, required)
            } else {
                v::text(&col, &value, max, required)
            };
            match checked {
                Ok(t) => t,
                Err(e) => {
                    if let Some(f) = e.field_error() {
                        issue(&mut issues, n, &col, f.rule, f.limit, &value);
                    }
                    ok = false;
                    String::new()
                }
            }
        };
        let title = text("title", TITLE_MAX, true);
        let owner = text("owner", OWNER_MAX, false);
        let description = text("description", DESCRIPTION_MAX, false);
        let check_method = text("check_method", CHECK_TEXT_MAX, false);
        let check_notes = text("check_notes", CHECK_TEXT_MAX, false);
        let cancel_reason = text("cancel_reason", REASON_MAX, false);

        let (col, value) = get("problem");
        let problem = find_problem(w, &value)?;
        if problem.is_none() {
            let rule = if value.is_empty() {
                Rule::Required
            } else {
                Rule::Invalid
            };
            issue(&mut issues, n, &col, rule, None, &value);
            ok = false;
        }
        let mut choice = |name: &str, parse: &dyn Fn(&str) -> bool| -> Option<String> {
            let (col, value) = get(name);
            if value.is_empty() {
                return None;
            }
            let c = code(&value);
            if parse(&c) {
                Some(c)
            } else {
                issue(&mut issues, n, &col, Rule::Invalid, None, &value);
                ok = false;
                None
            }
        };
        let kind = choice("kind", &|c| ActionKind::parse(c).is_some())
            .and_then(|c| ActionKind::parse(&c))
            .unwrap_or(ActionKind::Corrective);
        let status = choice("status", &|c| ActionStatus::parse(c).is_some())
            .and_then(|c| ActionStatus::parse(&c))
            .unwrap_or(ActionStatus::Open);
        let priority =
            choice("priority", &|c| Priority::parse(c).is_some()).and_then(|c| Priority::parse(&c));
        let (col, value) = get("due");
        let due = if value.is_empty() {
            None
        } else {
            match chrono::NaiveDate::parse_from_str(&value, "%Y-%m-%d") {
                Ok(d) if d < crate::time::earliest_day(w.now()) => {
                    issue(&mut issues, n, &col, Rule::BeforeCreated, None, &value);
                    ok = false;
                    None
                }
                Ok(d) => Some(d),
                Err(_) => {
                    issue(&mut issues, n, &col, Rule::Invalid, None, &value);
                    ok = false;
                    None
                }
            }
        };
        let needs = match status {
            ActionStatus::VerifiedEffective | ActionStatus::NotEffective => {
                Some(("check_notes", check_notes.is_empty()))
            }
            ActionStatus::Cancelled => Some(("cancel_reason", cancel_reason.is_empty())),
            _ => None,
        };
        if let Some((name, true)) = needs {
            let (col, _) = get(name);
            issue(&mut issues, n, &col, Rule::Required, None, "");
            ok = false;
        }
        if ok {
            if let Some(problem) = problem {
                checked.push(Row {
                    input: NewAction {
                        problem_id: problem.to_string(),
                        title,
                        kind,
                        description: Some(description),
                        cause_ids: None,
                        owner: Some(owner),
                        due_on: due,
                        priority,
                        check_method: Some(check_method),
                    },
                    status,
                    check_notes,
                    cancel_reason,
                });
            }
        }
    }
    if !issues.is_empty() {
        return Ok(finish(0, issues));
    }
    for row in &checked {
        let a = write::create(w, &row.input)?;
        let edits: Vec<ActionEdit> = match row.status {
            ActionStatus::Open => vec![],
            ActionStatus::InProgress => vec![ActionEdit::Status(ActionStatus::InProgress)],
            ActionStatus::Done => vec![ActionEdit::Status(ActionStatus::Done)],
            ActionStatus::VerifiedEffective | ActionStatus::NotEffective => vec![
                ActionEdit::Status(ActionStatus::Done),
                ActionEdit::Check {
                    result: if row.status == ActionStatus::VerifiedEffective {
                        CheckResult::Effective
                    } else {
                        CheckResult::NotEffective
                    },
                    notes: row.check_notes.clone(),
                },
            ],
            ActionStatus::Cancelled => vec![ActionEdit::Cancel {
                reason: row.cancel_reason.clone(),
            }],
        };
        for e in &edits {
            apply(w, a.id, e)?;
        }
    }
    Ok(finish(checked.len() as u32, Vec::new()))
}

fn issue(
    issues: &mut Vec<ImportIssue>,
    row: u32,
    column: &str,
    rule: Rule,
    limit: Option<u32>,
    value: &str,
) {
    issues.push(ImportIssue {
        row,
        column: column.to_owned(),
        rule,
        limit,
        value: value.chars().take(100).collect(),
    });
}

fn finish(imported: u32, mut issues: Vec<ImportIssue>) -> ImportOutcome {
    let issue_count = issues.len() as u32;
    issues.truncate(ISSUES_LISTED);
    ImportOutcome {
        imported,
        issues,
        issue_count,
    }
}

/// A live problem named by its id or its exact title (the most recent one
/// when several share the title).
fn find_problem(w: &Writer<'_>, value: &str) -> Result<Option<ProblemId>> {
    if value.is_empty() {
        return Ok(None);
    }
    if let Ok(id) = value.parse::<ProblemId>() {
        return Ok(v::is_live(w.tx(), "problems", &id.to_string())
            .unwrap_or(false)
            .then_some(id));
    }
    let found = w.tx().query_row(
        "SELECT id FROM problems WHERE title = ?1 AND deleted_at IS NULL
         ORDER BY reported_on DESC, id DESC LIMIT 1",
        [value],
        |r| r.get(0),
    );
    match found {
        Ok(id) => Ok(Some(id)),
        Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
        Err(e) => Err(Error::from(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_quotes_newlines_and_a_byte_order_mark() {
        let rows = parse_csv(
            "\u{feff}title,owner\r\n\"Call \"\"back\"\", today\",سارة\n\"two\nlines\",\n\n",
        );
        assert_eq!(
            rows,
            vec![
                vec!["title".to_string(), "owner".into()],
                vec!["Call \"back\", today".into(), "سارة".into()],
                vec!["two\nlines".into(), "".into()],
            ]
        );
    }

    #[test]
    fn parses_old_mac_line_ends_and_ragged_rows() {
        let rows = parse_csv("title,owner\rOne,Huda,extra\r\r  ,  \rTwo");
        assert_eq!(
            rows,
            vec![
                vec!["title".to_string(), "owner".into()],
                vec!["One".into(), "Huda".into(), "extra".into()],
                vec!["Two".into()],
            ]
        );
    }
}
