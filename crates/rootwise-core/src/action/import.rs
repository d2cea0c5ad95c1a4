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
use crate::csv_rows::{code, find_problem, issue, split_header};
pub use crate::csv_rows::{parse_csv, ImportIssue, ISSUES_LISTED};
use crate::error::{Result, Rule};
use crate::ids::ActionId;
use crate::store::Writer;
use crate::write as v;

/// The columns that hold one line of text: line breaks and tabs in them
/// become spaces, as in every other writer.
const ONE_LINE_COLUMNS: [&str; 2] = ["title", "owner"];

/// Most rows one import takes.
pub const IMPORT_ROWS_MAX: usize = 10_000;

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
    let (header, body) = match split_header(&rows, IMPORT_ROWS_MAX, "title") {
        Ok(split) => split,
        Err(whole) => return Ok(finish(0, vec![whole])),
    };
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
        let problem = find_problem(w.tx(), &value)?;
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

fn finish(imported: u32, mut issues: Vec<ImportIssue>) -> ImportOutcome {
    let issue_count = issues.len() as u32;
    issues.truncate(ISSUES_LISTED);
    ImportOutcome {
        imported,
        issues,
        issue_count,
    }
}
