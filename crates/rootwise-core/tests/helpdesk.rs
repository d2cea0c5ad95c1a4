//! Help-desk imports: each product's export, grouping, idempotence,
//! cancelling, bad rows, encodings, time zones, CSAT answers and history.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use encoding_rs::WINDOWS_1256;
use rootwise_core::error::Rule;
use rootwise_core::helpdesk::{
    self, Becomes, GroupReason, HelpdeskFormat, ImportOptions, TextEncoding, TicketColumns,
    TicketFile,
};
use rootwise_core::metrics::{self, SurveyKind};
use rootwise_core::problem::{self, NewProblem};
use rootwise_core::vocab::{Channel, Severity, Status};
use rootwise_core::{history, Workspace};

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/helpdesk")
        .join(name);
    std::fs::read(path).unwrap()
}

fn opts(file: &str) -> ImportOptions {
    ImportOptions {
        file_name: file.into(),
        skip_bad_rows: true,
        ..ImportOptions::default()
    }
}

fn run<F: TicketFile + ?Sized>(
    ws: &mut Workspace,
    file: &F,
    o: &ImportOptions,
) -> helpdesk::HelpdeskImport {
    helpdesk::import(ws, "Huda", file, o, &mut |_| {}, &AtomicBool::new(false))
        .unwrap()
        .value
}

fn by_ref(ws: &Workspace, reference: &str) -> problem::Problem {
    let id: String = ws
        .conn()
        .query_row(
            "SELECT problem_id FROM problem_refs WHERE reference = ?1",
            [reference],
            |r| r.get(0),
        )
        .unwrap();
    problem::get_live(ws.conn(), id.parse().unwrap()).unwrap()
}

fn count(ws: &Workspace, sql: &str) -> u32 {
    ws.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn a_zendesk_csv_becomes_problems_with_bad_rows_listed_by_row_and_column() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let bytes = fixture("zendesk.csv");
    let mut o = opts("zendesk.csv");
    o.time_zone = Some("Asia/Riyadh".into());
    let c = helpdesk::check(ws.conn(), &bytes, &o).unwrap();
    assert_eq!(c.format, HelpdeskFormat::ZendeskCsv);
    assert_eq!(c.encoding, TextEncoding::Utf8);
    assert_eq!(c.columns.reference.as_deref(), Some("Id"));
    assert_eq!((c.rows, c.good, c.problems), (5, 3, 3));
    let bad: Vec<(u32, &str, Rule)> = c
        .issues
        .iter()
        .map(|i| (i.row, i.column.as_str(), i.rule))
        .collect();
    assert_eq!(
        bad,
        vec![
            (5, "Subject", Rule::Required),
            (6, "Created at", Rule::Invalid)
        ]
    );
    assert_eq!(c.preview.len(), 5);
    assert_eq!(c.preview[0].becomes, Some(Becomes::Problem));
    assert_eq!(c.preview[0].severity, Severity::High);
    assert_eq!(c.preview[0].channel, Some(Channel::SelfService));
    assert_eq!(c.preview[3].becomes, None, "the bad row is shown as bad");
    let urgent = c.values.severities.iter().find(|r| r.value == "Urgent");
    assert_eq!(urgent.map(|r| r.severity), Some(Severity::Critical));
    assert!(c.values.statuses.iter().all(|r| r.status == Status::New));
    assert_eq!(
        count(&ws, "SELECT count(*) FROM problems"),
        0,
        "check writes nothing"
    );

    // All or nothing: refused while rows are bad.
    let mut strict = o.clone();
    strict.skip_bad_rows = false;
    let refused = run(&mut ws, &bytes, &strict);
    assert!(refused.refused);
    assert_eq!(refused.problems_created, 0);
    assert_eq!(count(&ws, "SELECT count(*) FROM problems"), 0);

    let done = run(&mut ws, &bytes, &o);
    assert_eq!(
        (done.problems_created, done.skipped, done.csat_answers),
        (3, 2, 2)
    );
    let p = by_ref(&ws, "1001");
    assert_eq!(p.title, "الفاتورة الشهرية تصل بمبلغ خاطئ");
    assert_eq!(p.customer, "Acme");
    assert_eq!(p.tags, vec!["billing", "vip"]);
    assert_eq!(p.status, Status::New);
    // 09:15 in Riyadh (UTC+3) is 06:15 UTC.
    assert_eq!(p.reported_on.to_string(), "2026-03-01");
    let quoted = by_ref(&ws, "1002");
    assert_eq!(quoted.title, "Refund takes two weeks, \"again\"");
    assert_eq!(quoted.severity, Severity::Critical);
    assert_eq!(
        by_ref(&ws, "1003").title,
        "Login code never arrives after reset"
    );
    // Ratings became CSAT answers: good 5, bad 1 (offered is none).
    let scores: Vec<u8> = {
        let mut stmt = ws
            .conn()
            .prepare("SELECT score FROM survey_responses WHERE kind = 'csat' ORDER BY ticket_ref")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    assert_eq!(scores, vec![5, 1]);
    // One history entry per created problem, naming the file.
    let h = history::for_entity(ws.conn(), "problem", &p.id.to_string()).unwrap();
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].field.as_deref(), Some("imported"));
    assert_eq!(h[0].new_value.as_deref(), Some("zendesk.csv"));
    // Search finds an imported problem.
    assert!(!rootwise_core::search::search(ws.conn(), "الشهرية", 5)
        .unwrap()
        .is_empty());

    // The same file again adds nothing.
    let again = run(&mut ws, &bytes, &o);
    assert_eq!(
        (
            again.problems_created,
            again.reports_added,
            again.csat_answers
        ),
        (0, 0, 0)
    );
    assert_eq!(again.already_imported, 3);
    assert_eq!(count(&ws, "SELECT count(*) FROM problems"), 3);
    assert_eq!(count(&ws, "SELECT count(*) FROM survey_responses"), 2);
}

#[test]
fn zendesk_json_incidents_group_under_their_problem_in_the_file_or_already_logged() {
    let mut ws = Workspace::open_in_memory().unwrap();
    run(&mut ws, &fixture("zendesk.csv"), &opts("zendesk.csv"));
    let invoice = by_ref(&ws, "1001");
    let bytes = fixture("zendesk.json");
    let c = helpdesk::check(ws.conn(), &bytes, &opts("export.json")).unwrap();
    assert_eq!(c.format, HelpdeskFormat::ZendeskJson);
    assert_eq!((c.problems, c.reports, c.issue_count), (2, 3, 0));
    let group = c.groups.iter().find(|g| g.key == "ticket:2001").unwrap();
    assert_eq!(group.reason, GroupReason::ProblemTicket);
    assert_eq!(group.count, 2);
    assert_eq!(group.title, "التطبيق يتوقف عند الدفع");
    let existing = c.groups.iter().find(|g| g.key == "ticket:1001").unwrap();
    assert_eq!(existing.problem_id, Some(invoice.id));
    assert_eq!(c.preview[1].becomes, Some(Becomes::ReportOfTicket));
    assert_eq!(c.preview[3].becomes, Some(Becomes::ReportOfExisting));

    let done = run(&mut ws, &bytes, &opts("export.json"));
    assert_eq!((done.problems_created, done.reports_added), (2, 3));
    let crash = by_ref(&ws, "2001");
    assert_eq!(crash.occurrence_count, 3);
    assert_eq!(crash.severity, Severity::Critical);
    assert_eq!(crash.channel, Some(Channel::SelfService));
    assert_eq!(crash.description, "يتوقف التطبيق كلما ضغطت زر الدفع 🙁");
    let reports = problem::occurrences(ws.conn(), crash.id).unwrap();
    let android = reports.iter().find(|o| o.ticket_ref == "2002").unwrap();
    assert_eq!(android.channel, Some(Channel::Email));
    assert_eq!(
        android.opened_at.map(|t| t.to_rfc3339()).as_deref(),
        Some("2026-02-11T09:00:00+00:00")
    );
    assert_eq!(
        android.resolved_at.map(|t| t.to_rfc3339()).as_deref(),
        Some("2026-02-12T09:00:00+00:00")
    );
    // The existing problem got the incident, and one history entry.
    assert_eq!(by_ref(&ws, "1001").occurrence_count, 2);
    let h = history::for_entity(ws.conn(), "problem", &invoice.id.to_string()).unwrap();
    assert_eq!(
        h.last().unwrap().new_value.as_deref(),
        Some("export.json (+1)")
    );
    // CSAT answers are linked to the problem: bad 1, good 5, and the 4.
    let answers = metrics::recent_responses(ws.conn(), Some(crash.id), 50).unwrap();
    let on_crash: Vec<u8> = answers
        .iter()
        .filter(|a| a.problem_id == Some(crash.id) && a.kind == SurveyKind::Csat)
        .map(|a| a.score)
        .collect();
    assert_eq!(on_crash.len(), 2);
    assert!(on_crash.contains(&1) && on_crash.contains(&5));

    // A later export with one new incident adds only that.
    let mut later = bytes.clone();
    later.extend_from_slice(
        b"{\"ticket\":{\"id\":2006,\"type\":\"incident\",\"problem_id\":2001,\"subject\":\"Pay button frozen\",\"via\":{\"channel\":\"chat\"},\"created_at\":\"2026-02-20T10:00:00Z\"}}\n",
    );
    let next = run(&mut ws, &later, &opts("export2.json"));
    assert_eq!(
        (
            next.problems_created,
            next.reports_added,
            next.already_imported
        ),
        (0, 1, 5)
    );
    assert_eq!(by_ref(&ws, "2001").occurrence_count, 4);

    // Imported problems are found by search: by title, by reference, and
    // by a report's note or ticket; the same as after an edit rebuilt
    // their documents.
    let found = |text: &str| {
        problem::query(
            ws.conn(),
            &problem::ProblemQuery {
                text: Some(text.into()),
                ..problem::ProblemQuery::default()
            },
        )
        .unwrap()
        .items
        .iter()
        .map(|p| p.id)
        .collect::<Vec<_>>()
    };
    let question = by_ref(&ws, "2005");
    assert_eq!(question.occurrence_count, 1);
    assert_eq!(found("change my address"), vec![question.id]);
    assert_eq!(found("2005"), vec![question.id]);
    assert_eq!(found("Pay button frozen"), vec![crash.id]);
    assert_eq!(found("2002"), vec![crash.id]);
    assert!(found("Invoice amount wrong again").contains(&invoice.id));
}

#[test]
fn freshdesk_durations_and_near_duplicates_the_user_accepts_or_splits() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let existing = ws
        .write("Huda", |w| {
            problem::create(
                w,
                &NewProblem {
                    title: "Cannot reset my password".into(),
                    ..NewProblem::default()
                },
            )
        })
        .unwrap()
        .value;
    let bytes = fixture("freshdesk.csv");
    let mut o = opts("freshdesk.csv");
    o.group_similar = true;
    let c = helpdesk::check(ws.conn(), &bytes, &o).unwrap();
    assert_eq!(c.format, HelpdeskFormat::FreshdeskCsv);
    assert_eq!(c.issue_count, 0, "{:?}", c.issues);
    let g = c
        .groups
        .iter()
        .find(|g| g.reason == GroupReason::Similar)
        .unwrap();
    assert_eq!(g.problem_id, Some(existing.id));
    assert_eq!(g.tickets, vec!["3003"]);
    // 01:30:00 after 10:00 UTC; 2.5 hours after 12:00.
    assert_eq!(
        c.preview[0].solved_at.map(|t| t.to_rfc3339()).as_deref(),
        Some("2026-01-20T11:30:00+00:00")
    );
    assert_eq!(
        c.preview[1].solved_at.map(|t| t.to_rfc3339()).as_deref(),
        Some("2026-01-21T14:30:00+00:00")
    );
    assert_eq!(c.preview[1].channel, Some(Channel::Phone));

    // Split: the ticket becomes a problem of its own.
    let mut split = o.clone();
    split.split = vec![g.key.clone()];
    let c2 = helpdesk::check(ws.conn(), &bytes, &split).unwrap();
    assert_eq!(c2.preview[2].becomes, Some(Becomes::Problem));
    assert!(c2.groups.iter().any(|g| g.split));

    // Accepted: it is a report of the existing problem.
    let done = run(&mut ws, &bytes, &o);
    assert_eq!(
        (done.problems_created, done.reports_added, done.csat_answers),
        (2, 1, 2)
    );
    assert_eq!(
        problem::get_live(ws.conn(), existing.id)
            .unwrap()
            .occurrence_count,
        2
    );
    assert_eq!(by_ref(&ws, "3002").customer, "Beta LLC");
    assert_eq!(by_ref(&ws, "3001").tags, vec!["missing item", "shipping"]);
}

#[test]
fn a_cancelled_import_leaves_nothing_and_progress_is_heard() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let mut text = String::from("Id,Subject,Created at,Via\n");
    for i in 0..2_500 {
        text.push_str(&format!("{i},Ticket number {i},2026-01-01 10:00,email\n"));
    }
    let cancel = AtomicBool::new(false);
    let mut heard = Vec::new();
    let out = helpdesk::import(
        &mut ws,
        "Huda",
        text.as_bytes(),
        &opts("big.csv"),
        &mut |p| {
            heard.push(p.done);
            if p.done >= 1_000 {
                cancel.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        },
        &cancel,
    )
    .unwrap()
    .value;
    assert!(out.cancelled);
    assert_eq!(out.problems_created, 0);
    assert_eq!(heard, vec![0, 1_000]);
    assert_eq!(count(&ws, "SELECT count(*) FROM problems"), 0);
    assert_eq!(count(&ws, "SELECT count(*) FROM history"), 0);
    let done = run(&mut ws, text.as_bytes(), &opts("big.csv"));
    assert_eq!(done.problems_created, 2_500);
}

#[test]
fn windows_1256_and_utf16_files_are_read_and_a_broken_quote_is_a_bad_row() {
    let text = "Id,Subject,Created at\r\n1,الطلب تأخر ثلاثة أيام,2026-03-01 10:00\r\n2,\"بطاقة مرفوضة\" مرة أخرى,2026-03-02 10:00\r\n";
    let (cp1256, _, _) = WINDOWS_1256.encode(text);
    let mut ws = Workspace::open_in_memory().unwrap();
    let c = helpdesk::check(ws.conn(), &cp1256[..], &opts("a.csv")).unwrap();
    assert_eq!(c.encoding, TextEncoding::Windows1256);
    assert_eq!(c.preview[0].subject, "الطلب تأخر ثلاثة أيام");
    assert_eq!(
        c.issues
            .iter()
            .map(|i| (i.row, i.column.as_str(), i.rule))
            .collect::<Vec<_>>(),
        vec![(3, "Subject", Rule::BrokenQuote)]
    );
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    let c = helpdesk::check(ws.conn(), &utf16, &opts("b.csv")).unwrap();
    assert_eq!(c.encoding, TextEncoding::Utf16Le);
    assert_eq!(
        c.format,
        HelpdeskFormat::ZendeskCsv,
        "Id, Subject, Created at"
    );
    let done = run(&mut ws, &utf16, &opts("b.csv"));
    assert_eq!(done.problems_created, 1);
    assert_eq!(by_ref(&ws, "1").title, "الطلب تأخر ثلاثة أيام");
}

#[test]
fn any_csv_imports_through_a_mapping_saved_by_name() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let text =
        "Case,Title,Opened,Where\nC-1,Wrong size delivered,2026-03-01T10:00:00+02:00,Store\n";
    let c = helpdesk::check(ws.conn(), text.as_bytes(), &opts("cases.csv")).unwrap();
    assert_eq!(c.format, HelpdeskFormat::Csv);
    assert!(c
        .issues
        .iter()
        .any(|i| i.row == 1 && i.column == "reference" && i.rule == Rule::Required));
    let refused = run(&mut ws, text.as_bytes(), &opts("cases.csv"));
    assert!(refused.refused);

    let columns = TicketColumns {
        reference: Some("case".into()),
        subject: Some(" TITLE ".into()),
        created_at: Some("Opened".into()),
        channel: Some("Where".into()),
        ..TicketColumns::default()
    };
    let saved = ws
        .write("Huda", |w| {
            helpdesk::save_mapping(
                w,
                "Store cases",
                HelpdeskFormat::Csv,
                &columns,
                &helpdesk::ValueMaps::default(),
                Some("Africa/Cairo"),
            )
        })
        .unwrap()
        .value;
    let found = helpdesk::mapping_by_name(ws.conn(), "store CASES").unwrap();
    assert_eq!(found.id, saved.id);
    let mut o = opts("cases.csv");
    o.columns = Some(found.columns);
    o.time_zone = found.time_zone;
    let done = run(&mut ws, text.as_bytes(), &o);
    assert_eq!(done.problems_created, 1);
    let p = by_ref(&ws, "C-1");
    assert_eq!(p.channel, Some(Channel::InPerson));
    // Saving under the same name replaces it; deleting sends it to the trash.
    ws.write("Huda", |w| {
        helpdesk::save_mapping(
            w,
            "store cases",
            HelpdeskFormat::Csv,
            &columns,
            &Default::default(),
            None,
        )
    })
    .unwrap();
    assert_eq!(helpdesk::list_mappings(ws.conn()).unwrap().len(), 1);
    ws.write("Huda", |w| helpdesk::delete_mapping(w, saved.id))
        .unwrap();
    assert!(helpdesk::list_mappings(ws.conn()).unwrap().is_empty());
    assert!(helpdesk::mapping_by_name(ws.conn(), "Store cases").is_err());
}

#[test]
fn zendesk_local_times_follow_the_account_zone() {
    let ws = Workspace::open_in_memory().unwrap();
    let bytes = fixture("zendesk.csv");
    let mut o = opts("z.csv");
    o.time_zone = Some("America/New_York".into());
    let c = helpdesk::check(ws.conn(), &bytes, &o).unwrap();
    assert_eq!(
        c.preview[0].created_at.map(|t| t.to_rfc3339()).as_deref(),
        Some("2026-03-01T14:15:00+00:00")
    );
    // 90 minutes of resolution time when no solved time is given.
    assert_eq!(
        c.preview[2].solved_at.map(|t| t.to_rfc3339()).as_deref(),
        Some("2026-03-04T14:30:00+00:00")
    );
    o.time_zone = Some("Mars/Olympus".into());
    let e = helpdesk::check(ws.conn(), &bytes, &o).unwrap_err();
    assert_eq!(e.field_error().map(|f| f.field.as_str()), Some("timeZone"));
}

/// A large export: `problems` problem tickets with `per` incidents each.
fn large_export(problems: u32, per: u32) -> String {
    let mut text = String::new();
    for p in 0..problems {
        let id = 10_000 + p;
        text.push_str(&format!(
            "{{\"ticket\":{{\"id\":{id},\"type\":\"problem\",\"subject\":\"مشكلة رقم {p} في الدفع\",\"created_at\":\"2026-03-01T10:00:00Z\",\"tags\":[\"billing\"]}}}}\n"
        ));
        for i in 0..per {
            text.push_str(&format!(
                "{{\"ticket\":{{\"id\":{},\"type\":\"incident\",\"problem_id\":{id},\"subject\":\"Report {i} of {p}\",\"created_at\":\"2026-03-02T10:00:00Z\"}}}}\n",
                100_000 + p * per + i
            ));
        }
    }
    text
}

#[test]
fn a_large_import_is_captured_in_bounded_steps_that_merge_into_a_copy_exactly() {
    use rootwise_core::sync::copy::{copy_for_workshop, export_for};
    use rootwise_core::sync::merge::merge_file;
    use rootwise_core::sync::{canonical_dump, replica};
    let dir = tempfile::tempdir().unwrap();
    let mut office = Workspace::open(&dir.path().join("team.db")).unwrap();
    let laptop_path = dir.path().join("laptop.db");
    copy_for_workshop(&office, &laptop_path, "Laptop").unwrap();
    let mut laptop = Workspace::open(&laptop_path).unwrap();
    let changes = |ws: &Workspace| count(ws, "SELECT count(*) FROM change_log");
    let before = changes(&office);

    // 12,000 tickets: more than two checkpoints' worth.
    let text = large_export(3_000, 3);
    let done = run(&mut office, text.as_bytes(), &opts("big.json"));
    assert_eq!((done.problems_created, done.reports_added), (3_000, 9_000));
    let steps = changes(&office) - before;
    let every = helpdesk::import::CHECKPOINT_EVERY as u32;
    assert!(
        steps >= 12_000 / every,
        "{steps} changes for 12,000 tickets"
    );
    // Every history entry travels with one of them, none twice.
    let travelled: u32 = office
        .conn()
        .prepare("SELECT history FROM change_log WHERE history IS NOT NULL")
        .unwrap()
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|h| {
            serde_json::from_str::<Vec<serde_json::Value>>(&h.unwrap())
                .unwrap()
                .len() as u32
        })
        .sum();
    assert_eq!(travelled, count(&office, "SELECT count(*) FROM history"));

    // The laptop merges the import and holds exactly the office's work.
    let to = replica(laptop.conn()).unwrap().replica_id;
    let bytes = export_for(office.conn(), Some(&to)).unwrap();
    merge_file(&mut laptop, "Laptop", &bytes).unwrap();
    assert_eq!(
        canonical_dump(laptop.conn()).unwrap(),
        canonical_dump(office.conn()).unwrap()
    );
    assert_eq!(count(&laptop, "SELECT count(*) FROM occurrences"), 9_000);

    // An import cancelled after its first checkpoint stores no change at all.
    let more = large_export(3_000, 3).replace("\"id\":1", "\"id\":7");
    let cancel = AtomicBool::new(false);
    let before = (
        changes(&office),
        count(&office, "SELECT count(*) FROM problems"),
    );
    let out = helpdesk::import(
        &mut office,
        "Huda",
        more.as_bytes(),
        &opts("more.json"),
        &mut |p| {
            if p.done > every + 1_000 {
                cancel.store(true, std::sync::atomic::Ordering::SeqCst);
            }
        },
        &cancel,
    )
    .unwrap()
    .value;
    assert!(out.cancelled);
    assert_eq!(
        (
            changes(&office),
            count(&office, "SELECT count(*) FROM problems")
        ),
        before
    );
}

#[test]
fn a_file_on_disk_is_imported_pass_after_pass_without_reading_it_whole() {
    // A UTF-16 Freshdesk export larger than the buffers the passes read,
    // so every pass decodes it piece by piece.
    let mut text = String::from("Ticket ID,Subject,Source,Priority,Status,Created time\r\n");
    for i in 0..3_000 {
        text.push_str(&format!(
            "{},\"الدفع يفشل، الخطوة {i} 🙂\",Email,High,Open,2026-03-0{} 10:00:00\r\n",
            5_000 + i,
            1 + i % 9
        ));
    }
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    assert!(bytes.len() > 3 * 65_536);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("freshdesk.csv");
    std::fs::write(&path, &bytes).unwrap();
    let mut ws = Workspace::open_in_memory().unwrap();
    let o = opts("freshdesk.csv");
    let c = helpdesk::check(ws.conn(), path.as_path(), &o).unwrap();
    assert_eq!(
        (c.format, c.encoding, c.rows, c.good, c.problems),
        (
            HelpdeskFormat::FreshdeskCsv,
            TextEncoding::Utf16Le,
            3_000,
            3_000,
            3_000
        )
    );
    let done = run(&mut ws, path.as_path(), &o);
    assert_eq!(done.problems_created, 3_000);
    assert_eq!(by_ref(&ws, "7999").title, "الدفع يفشل، الخطوة 2999 🙂");
    let again = run(&mut ws, path.as_path(), &o);
    assert_eq!((again.problems_created, again.already_imported), (0, 3_000));
}
