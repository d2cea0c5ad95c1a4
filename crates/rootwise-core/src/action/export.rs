//! The actions table as files people take elsewhere: CSV for a spreadsheet
//! (the `csv` crate) and iCalendar for a calendar (the `icalendar` crate),
//! written here next to their data, in the reader's language: the UI sends
//! the words ([`ExportWords`]), the core fills in the rows.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, NaiveDate, SecondsFormat, Utc};
use icalendar::{Calendar, Component, Event, EventLike, Property};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::{ActionKind, ActionRow, ActionStatus, CheckResult, Priority};
use super::table::{self, ActionQuery};
use crate::csv_rows::{neutralize_formula, write_csv};
use crate::error::Result;

crate::text_enum! {
    /// Which file an export writes.
    pub enum ExportFormat {
        /// RFC 4180 CSV, UTF-8 with a byte order mark.
        Csv = "csv",
        /// RFC 5545 iCalendar: all-day events for due days and checks.
        Ics = "ics",
    }
}

/// The CSV's column headers in the reader's language, one per column in
/// file order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvColumns {
    /// The action's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its problem's title.
    pub problem: String,
    /// Containment, corrective or preventive.
    pub kind: String,
    /// Where it stands.
    pub status: String,
    /// How urgent it is.
    pub priority: String,
    /// Who owns it.
    pub owner: String,
    /// Its due day.
    pub due_on: String,
    /// The day its check is due.
    pub check_due_on: String,
    /// What the check found.
    pub check_result: String,
    /// The day it was done.
    pub done_on: String,
    /// The day the problem came back after it.
    pub recurred_on: String,
    /// When it was created.
    pub created_at: String,
}

/// Everything an export says, in the reader's language. In the calendar's
/// templates `{title}`, `{name}`, `{status}` and `{method}` stand for the
/// action's values; a value missing from a map is written as its stored text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportWords {
    /// The CSV's headers.
    pub columns: CsvColumns,
    /// Each kind's name.
    pub kinds: BTreeMap<ActionKind, String>,
    /// Each status's name.
    pub statuses: BTreeMap<ActionStatus, String>,
    /// Each priority's name.
    pub priorities: BTreeMap<Priority, String>,
    /// Each check result's name.
    pub check_results: BTreeMap<CheckResult, String>,
    /// The calendar's name.
    pub calendar_name: String,
    /// A due day's event summary (`{title}`).
    pub due_summary: String,
    /// A check's event summary (`{title}`).
    pub check_summary: String,
    /// The description's problem line (`{title}`).
    pub problem_line: String,
    /// The description's owner line (`{name}`).
    pub owner_line: String,
    /// What the owner line says for an action nobody owns.
    pub no_owner: String,
    /// The description's status line (`{status}`).
    pub status_line: String,
    /// A check event's method line (`{method}`).
    pub check_method_line: String,
}

/// What exporting the actions did, for the UI to say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "camelCase")]
pub enum ExportOutcome {
    /// The file was written there.
    Saved {
        /// Where.
        path: String,
    },
    /// The user closed the save dialog.
    Cancelled,
    /// A calendar was asked for but no action matching the filters has a
    /// day to put in it; nothing was written.
    NoDates,
}

/// A written export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    /// The file's bytes.
    pub contents: Vec<u8>,
    /// How many actions it holds (CSV) or its events cover (iCalendar).
    pub rows: usize,
    /// How many calendar events it holds (0 for CSV).
    pub events: usize,
}

/// The calendar's product id.
pub const PRODID: &str = "-//Rootwise//Corrective actions//EN";

/// Every action matching `filters` (its page is ignored) as a file.
pub fn export(
    conn: &Connection,
    filters: &ActionQuery,
    format: ExportFormat,
    words: &ExportWords,
    now: DateTime<Utc>,
) -> Result<ExportFile> {
    let rows = all_rows(conn, filters)?;
    Ok(match format {
        ExportFormat::Csv => ExportFile {
            contents: actions_csv(&rows, words)?,
            rows: rows.len(),
            events: 0,
        },
        ExportFormat::Ics => {
            let (text, events) = actions_ics(&rows, words, now);
            ExportFile {
                contents: text.into_bytes(),
                rows: rows.len(),
                events,
            }
        }
    })
}

/// Every row the table's filters match, a page at a time.
fn all_rows(conn: &Connection, filters: &ActionQuery) -> Result<Vec<ActionRow>> {
    let mut rows = Vec::new();
    loop {
        let page = table::query(
            conn,
            &ActionQuery {
                offset: u32::try_from(rows.len()).unwrap_or(u32::MAX),
                limit: table::PAGE_MAX,
                ..filters.clone()
            },
        )?;
        let total = usize::try_from(page.total).unwrap_or(usize::MAX);
        if page.items.is_empty() {
            break;
        }
        rows.extend(page.items);
        if rows.len() >= total {
            break;
        }
    }
    Ok(rows)
}

fn name<K: Ord>(names: &BTreeMap<K, String>, key: K, stored: &str) -> String {
    names
        .get(&key)
        .filter(|n| !n.is_empty())
        .cloned()
        .unwrap_or_else(|| stored.to_owned())
}

fn day(value: Option<NaiveDate>) -> String {
    value.map(|d| d.to_string()).unwrap_or_default()
}

/// One action as a CSV record: people's text neutralised, days as YYYY-MM-DD.
pub fn action_record(row: &ActionRow, words: &ExportWords) -> Vec<String> {
    let a = &row.action;
    vec![
        a.id.to_string(),
        neutralize_formula(&a.title),
        neutralize_formula(&a.problem_title),
        name(&words.kinds, a.kind, a.kind.as_str()),
        name(&words.statuses, a.status, a.status.as_str()),
        name(&words.priorities, a.priority, a.priority.as_str()),
        neutralize_formula(&a.owner),
        day(a.due_on),
        day(a.check_due_on),
        a.check_result
            .map(|r| name(&words.check_results, r, r.as_str()))
            .unwrap_or_default(),
        day(a.done_on),
        day(a.recurred_on),
        a.created_at.to_rfc3339_opts(SecondsFormat::Millis, true),
    ]
}

/// The CSV for `rows` (RFC 4180): a BOM, a header, CRLF after every record,
/// fields quoted only when they hold a comma, a quote or a line break.
pub fn actions_csv(rows: &[ActionRow], words: &ExportWords) -> Result<Vec<u8>> {
    let c = &words.columns;
    let header = [
        &c.id,
        &c.title,
        &c.problem,
        &c.kind,
        &c.status,
        &c.priority,
        &c.owner,
        &c.due_on,
        &c.check_due_on,
        &c.check_result,
        &c.done_on,
        &c.recurred_on,
        &c.created_at,
    ]
    .map(String::as_str);
    write_csv(&header, rows.iter().map(|row| action_record(row, words)))
}

/// Whether an action's due day belongs in a calendar: not for a cancelled action.
pub fn due_pending(row: &ActionRow) -> bool {
    row.action.due_on.is_some() && row.action.status != ActionStatus::Cancelled
}

/// Whether an action's effectiveness check is still to be recorded on a day.
pub fn check_pending(row: &ActionRow) -> bool {
    let a = &row.action;
    a.check_due_on.is_some() && a.check_result.is_none() && a.status != ActionStatus::Cancelled
}

/// Calendar text has one kind of line break.
fn one_line_break(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn fill(template: &str, key: &str, value: &str) -> String {
    template.replace(&format!("{{{key}}}"), value)
}

/// The lines of an event's description.
fn description(row: &ActionRow, words: &ExportWords, check: bool) -> String {
    let a = &row.action;
    let owner = if a.owner.is_empty() {
        &words.no_owner
    } else {
        &a.owner
    };
    let mut lines = vec![
        fill(&words.problem_line, "title", &a.problem_title),
        fill(&words.owner_line, "name", owner),
        fill(
            &words.status_line,
            "status",
            &name(&words.statuses, a.status, a.status.as_str()),
        ),
    ];
    if check && !a.check_method.trim().is_empty() {
        lines.push(fill(&words.check_method_line, "method", &a.check_method));
    }
    one_line_break(&lines.join("\n"))
}

fn all_day_event(
    uid: String,
    on: NaiveDate,
    now: DateTime<Utc>,
    summary: &str,
    text: String,
) -> Event {
    let mut event = Event::new();
    event
        .uid(&uid)
        .timestamp(now)
        .starts(on)
        .ends(on.checked_add_days(Days::new(1)).unwrap_or(on))
        .summary(&one_line_break(summary))
        .description(&text)
        .append_property(Property::new("TRANSP", "TRANSPARENT"));
    event.done()
}

/// The calendar (RFC 5545) for `rows`: an all-day event per dated,
/// uncancelled action and one per pending check; text escaped, lines folded
/// at 75 octets without splitting a character, CRLF line ends. Also says
/// how many events it holds.
pub fn actions_ics(rows: &[ActionRow], words: &ExportWords, now: DateTime<Utc>) -> (String, usize) {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", PRODID))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .append_property(Property::new("X-WR-CALNAME", words.calendar_name.as_str()));
    let mut events = 0;
    for row in rows {
        let a = &row.action;
        if let (true, Some(due)) = (due_pending(row), a.due_on) {
            calendar.push(all_day_event(
                format!("{}-due@rootwise", a.id),
                due,
                now,
                &fill(&words.due_summary, "title", &a.title),
                description(row, words, false),
            ));
            events += 1;
        }
        if let (true, Some(check)) = (check_pending(row), a.check_due_on) {
            calendar.push(all_day_event(
                format!("{}-check@rootwise", a.id),
                check,
                now,
                &fill(&words.check_summary, "title", &a.title),
                description(row, words, true),
            ));
            events += 1;
        }
    }
    (calendar.done().to_string(), events)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::action::{Action, ActionFlags};
    use crate::csv_rows::BOM;
    use crate::ids::{ActionId, ProblemId};

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn row(title: &str, edit: impl FnOnce(&mut Action)) -> ActionRow {
        let mut action = Action {
            id: ActionId::new(),
            problem_id: ProblemId::new(),
            problem_title: "Refunds".into(),
            title: title.into(),
            description: String::new(),
            kind: ActionKind::Corrective,
            cause_ids: Vec::new(),
            owner: String::new(),
            due_on: None,
            priority: Priority::Medium,
            status: ActionStatus::Open,
            cancel_reason: String::new(),
            check_method: String::new(),
            check_due_on: None,
            check_result: None,
            check_notes: String::new(),
            checked_on: None,
            done_on: None,
            recurred_on: None,
            sample: false,
            created_at: Utc.with_ymd_and_hms(2026, 11, 1, 8, 30, 0).unwrap(),
            updated_at: Utc.with_ymd_and_hms(2026, 11, 1, 8, 30, 0).unwrap(),
        };
        edit(&mut action);
        ActionRow {
            action,
            flags: ActionFlags {
                overdue: false,
                check_due: false,
                recurred: false,
                no_root_cause: false,
            },
        }
    }

    fn english() -> ExportWords {
        let s = |t: &str| t.to_owned();
        ExportWords {
            columns: CsvColumns {
                id: s("ID"),
                title: s("Action"),
                problem: s("Problem"),
                kind: s("Kind"),
                status: s("Status"),
                priority: s("Priority"),
                owner: s("Owner"),
                due_on: s("Due date"),
                check_due_on: s("Check due date"),
                check_result: s("Check result"),
                done_on: s("Done date"),
                recurred_on: s("Recurred date"),
                created_at: s("Created at"),
            },
            kinds: [(ActionKind::Containment, s("Containment"))].into(),
            statuses: [
                (ActionStatus::Done, s("Done")),
                (ActionStatus::Open, s("Open")),
                (ActionStatus::InProgress, s("In progress")),
            ]
            .into(),
            priorities: [(Priority::Urgent, s("Urgent"))].into(),
            check_results: [(CheckResult::NotEffective, s("Not effective"))].into(),
            calendar_name: s("Rootwise actions"),
            due_summary: s("Due: {title}"),
            check_summary: s("Check: {title}"),
            problem_line: s("Problem: {title}"),
            owner_line: s("Owner: {name}"),
            no_owner: s("Nobody"),
            status_line: s("Status: {status}"),
            check_method_line: s("How to check: {method}"),
        }
    }

    fn arabic() -> ExportWords {
        let mut words = english();
        words.columns.title = "الإجراء".into();
        words.columns.due_on = "الموعد".into();
        words
            .statuses
            .insert(ActionStatus::InProgress, "قيد التنفيذ".into());
        words.due_summary = "موعد: {title}".into();
        words
    }

    /// Reads the CSV back with the csv crate, as a spreadsheet would.
    fn read_back(bytes: &[u8]) -> Vec<Vec<String>> {
        let text = std::str::from_utf8(bytes).unwrap();
        let text = text.strip_prefix(BOM).expect("a byte order mark first");
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn csv_has_a_bom_a_header_and_crlf_after_every_record() {
        let bytes = actions_csv(&[row("Reset the token", |_| {})], &english()).unwrap();
        assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.ends_with("\r\n"));
        assert_eq!(text.matches("\r\n").count(), 2);
        assert!(!text.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn csv_writes_the_columns_in_order_with_labels_and_iso_dates() {
        let r = row("Reset the token", |a| {
            a.kind = ActionKind::Containment;
            a.status = ActionStatus::Done;
            a.priority = Priority::Urgent;
            a.owner = "Omar Haddad".into();
            a.due_on = Some(d("2026-11-23"));
            a.check_due_on = Some(d("2026-12-23"));
            a.check_result = Some(CheckResult::NotEffective);
            a.done_on = Some(d("2026-11-20"));
            a.recurred_on = Some(d("2026-11-30"));
        });
        let id = r.action.id.to_string();
        let rows = read_back(&actions_csv(&[r], &english()).unwrap());
        assert_eq!(
            rows[0],
            [
                "ID",
                "Action",
                "Problem",
                "Kind",
                "Status",
                "Priority",
                "Owner",
                "Due date",
                "Check due date",
                "Check result",
                "Done date",
                "Recurred date",
                "Created at"
            ]
        );
        assert_eq!(
            rows[1],
            [
                id.as_str(),
                "Reset the token",
                "Refunds",
                "Containment",
                "Done",
                "Urgent",
                "Omar Haddad",
                "2026-11-23",
                "2026-12-23",
                "Not effective",
                "2026-11-20",
                "2026-11-30",
                "2026-11-01T08:30:00.000Z"
            ]
        );
    }

    #[test]
    fn csv_leaves_missing_values_empty_and_names_unlabelled_values_by_their_text() {
        let record = action_record(&row("x", |_| {}), &english());
        assert_eq!(record[3], "corrective");
        assert_eq!(record[5], "medium");
        assert_eq!(record[6], "");
        assert_eq!(record[7..12], ["", "", "", "", ""]);
    }

    #[test]
    fn csv_keeps_arabic_and_round_trips_quotes_commas_and_line_breaks() {
        let title = "إعادة \"ضبط\" الرمز, ثم\nالتحقق";
        let r = row(title, |a| {
            a.owner = "ريم الحربي".into();
            a.problem_title = "لا يصل رمز التحقق".into();
            a.status = ActionStatus::InProgress;
        });
        let bytes = actions_csv(&[r], &arabic()).unwrap();
        let rows = read_back(&bytes);
        assert_eq!(rows.len(), 2, "the line break stays inside its quotes");
        assert_eq!(rows[0][1], "الإجراء");
        assert_eq!(rows[0][7], "الموعد");
        assert_eq!(rows[1][1], title);
        assert_eq!(rows[1][2], "لا يصل رمز التحقق");
        assert_eq!(rows[1][4], "قيد التنفيذ");
        assert_eq!(rows[1][6], "ريم الحربي");
        // Quoted only where needed: the Arabic comma is no separator.
        let plain = actions_csv(&[row("إعادة ضبط، الرمز", |_| {})], &english()).unwrap();
        assert!(String::from_utf8(plain)
            .unwrap()
            .contains(",إعادة ضبط، الرمز,"));
    }

    #[test]
    fn csv_neutralises_formulas_in_peoples_text_but_not_in_dates() {
        for text in [
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\tcmd",
            "\rcmd",
        ] {
            assert_eq!(neutralize_formula(text), format!("'{text}"));
        }
        for text in ["Fix = the bug", "تحقق=1", ""] {
            assert_eq!(neutralize_formula(text), text);
        }
        let record = action_record(
            &row("=cmd|' /C calc'!A0", |a| {
                a.owner = "@admin".into();
                a.problem_title = "+Refund".into();
                a.due_on = Some(d("2026-01-02"));
            }),
            &english(),
        );
        assert_eq!(record[1], "'=cmd|' /C calc'!A0");
        assert_eq!(record[2], "'+Refund");
        assert_eq!(record[6], "'@admin");
        assert_eq!(record[7], "2026-01-02");
    }

    #[test]
    fn csv_of_no_rows_is_the_header_alone() {
        let text = String::from_utf8(actions_csv(&[], &english()).unwrap()).unwrap();
        assert_eq!(
            text,
            "\u{FEFF}ID,Action,Problem,Kind,Status,Priority,Owner,Due date,Check due date,Check result,Done date,Recurred date,Created at\r\n"
        );
    }

    fn octets(s: &str) -> usize {
        s.len()
    }

    /// Unfolds and splits into content lines, as a calendar reader does.
    fn unfold(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "")
            .replace("\r\n\t", "")
            .split("\r\n")
            .map(str::to_owned)
            .collect()
    }

    /// The events as maps of property name (with parameters) to value.
    fn events(ics: &str) -> Vec<BTreeMap<String, String>> {
        let mut out = Vec::new();
        let mut current: Option<BTreeMap<String, String>> = None;
        for line in unfold(ics) {
            if line == "BEGIN:VEVENT" {
                current = Some(BTreeMap::new());
            } else if line == "END:VEVENT" {
                out.extend(current.take());
            } else if let Some(event) = current.as_mut() {
                let (key, value) = line.split_once(':').unwrap();
                event.insert(key.to_owned(), value.to_owned());
            }
        }
        out
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap()
    }

    #[test]
    fn ics_has_an_all_day_event_per_due_day_and_pending_check() {
        let rows = [
            row("Reset the token", |a| {
                a.due_on = Some(d("2026-11-30"));
                a.owner = "Omar".into();
            }),
            row("No date", |_| {}),
            row("Retrain the team", |a| {
                a.status = ActionStatus::Done;
                a.due_on = Some(d("2026-12-31"));
                a.done_on = Some(d("2026-11-10"));
                a.check_due_on = Some(d("2026-12-10"));
                a.check_method = "Count refund tickets".into();
            }),
            row("Already checked", |a| {
                a.status = ActionStatus::VerifiedEffective;
                a.check_due_on = Some(d("2026-12-01"));
                a.check_result = Some(CheckResult::Effective);
            }),
            row("Cancelled", |a| {
                a.status = ActionStatus::Cancelled;
                a.due_on = Some(d("2026-12-02"));
            }),
        ];
        let (ics, count) = actions_ics(&rows, &english(), now());
        assert_eq!(count, 3);
        assert!(ics.ends_with("\r\n"));
        assert!(!ics.replace("\r\n", "").contains('\n'));
        let lines = unfold(&ics);
        assert_eq!(lines[0], "BEGIN:VCALENDAR");
        assert!(lines.contains(&"VERSION:2.0".to_owned()));
        assert!(lines.contains(&format!("PRODID:{PRODID}")));
        assert!(lines.contains(&"X-WR-CALNAME:Rootwise actions".to_owned()));
        assert_eq!(lines[lines.len() - 2], "END:VCALENDAR");
        let list = events(&ics);
        let uids: Vec<&str> = list.iter().map(|e| e["UID"].as_str()).collect();
        let (a1, a3) = (rows[0].action.id, rows[2].action.id);
        assert_eq!(
            uids,
            [
                format!("{a1}-due@rootwise"),
                format!("{a3}-due@rootwise"),
                format!("{a3}-check@rootwise")
            ]
        );
        assert_eq!(list[0]["DTSTAMP"], "20261123T100000Z");
        assert_eq!(list[0]["DTSTART;VALUE=DATE"], "20261130");
        assert_eq!(list[0]["DTEND;VALUE=DATE"], "20261201");
        assert_eq!(list[0]["SUMMARY"], "Due: Reset the token");
        assert_eq!(
            list[0]["DESCRIPTION"],
            "Problem: Refunds\\nOwner: Omar\\nStatus: Open"
        );
        // Across a year's end, and the check's method on the check only.
        assert_eq!(list[1]["DTEND;VALUE=DATE"], "20270101");
        assert_eq!(list[2]["SUMMARY"], "Check: Retrain the team");
        assert_eq!(list[2]["DTSTART;VALUE=DATE"], "20261210");
        assert_eq!(list[2]["DTEND;VALUE=DATE"], "20261211");
        assert!(list[2]["DESCRIPTION"].ends_with("\\nHow to check: Count refund tickets"));
        assert!(list[2]["DESCRIPTION"].contains("Owner: Nobody"));
    }

    #[test]
    fn ics_escapes_text_and_folds_arabic_without_splitting_a_letter() {
        let title = "إصلاح رمز التحقق; الخطوة 1, ثم\r\nالتأكد \\ ".repeat(6);
        let r = row(&title, |a| a.due_on = Some(d("2026-11-30")));
        let (ics, _) = actions_ics(&[r], &arabic(), now());
        for line in ics.split("\r\n") {
            assert!(octets(line) <= 75, "{line:?} is {} octets", octets(line));
        }
        let summary = &events(&ics)[0]["SUMMARY"];
        assert!(summary.starts_with("موعد: إصلاح رمز التحقق\\; الخطوة 1\\, ثم\\nالتأكد \\\\ "));
        assert!(!summary.contains('\r'));
    }

    #[test]
    fn ics_keeps_emoji_whole() {
        let r = row(&"🙂".repeat(40), |a| a.due_on = Some(d("2026-11-30")));
        let (ics, _) = actions_ics(&[r], &english(), now());
        // Every physical line is valid UTF-8 of at most 75 octets (a
        // `&str` split on ASCII can't hold half a character).
        assert!(ics.split("\r\n").all(|line| octets(line) <= 75));
        assert_eq!(
            events(&ics)[0]["SUMMARY"],
            format!("Due: {}", "🙂".repeat(40))
        );
    }

    #[test]
    fn ics_with_nothing_dated_has_no_events() {
        let (ics, count) = actions_ics(&[row("No date", |_| {})], &english(), now());
        assert_eq!(count, 0);
        assert!(!ics.contains("BEGIN:VEVENT"));
    }
}
