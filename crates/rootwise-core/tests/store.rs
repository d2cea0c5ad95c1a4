//! Opening workspace files: pragmas, bad files, newer schemas, unwritable
//! paths, and the backup taken before a migration.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use rootwise_core::problem::{self, NewProblem};
use rootwise_core::store::{migrations, shipped_migrations, APPLICATION_ID};
use rootwise_core::{workflow, Error, Workspace, SCHEMA_VERSION};
use rusqlite::Connection;
use rusqlite_migration::M;

fn add(ws: &mut Workspace, title: &str) {
    ws.write("Test", |w| {
        problem::create(
            w,
            &NewProblem {
                title: title.into(),
                ..NewProblem::default()
            },
        )
    })
    .unwrap();
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn creates_a_new_workspace_with_folder_and_pragmas() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep/er/ws.db");
    let ws = Workspace::open(&path).unwrap();
    assert!(path.exists());
    let c = ws.conn();
    let mode: String = c
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    let sync: i64 = c
        .pragma_query_value(None, "synchronous", |r| r.get(0))
        .unwrap();
    let fk: i64 = c
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    let timeout: i64 = c
        .pragma_query_value(None, "busy_timeout", |r| r.get(0))
        .unwrap();
    let app: i32 = c
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(sync, 1, "NORMAL");
    assert_eq!(fk, 1);
    assert!(timeout >= 1000);
    assert_eq!(app, APPLICATION_ID);
    assert_eq!(ws.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(ws.backup_path().is_none(), "a new file needs no backup");
}

#[test]
fn data_survives_closing_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.db");
    {
        let mut ws = Workspace::open(&path).unwrap();
        add(&mut ws, "الشحنة تأخرت أسبوعين");
    }
    let ws = Workspace::open(&path).unwrap();
    let page = problem::list(ws.conn(), 0, 10).unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.items[0].title, "الشحنة تأخرت أسبوعين");
}

#[test]
fn refuses_a_file_that_is_not_sqlite_and_leaves_it_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, "meeting notes, not a database\n".repeat(100)).unwrap();
    let before = bytes(&path);
    let err = Workspace::open(&path).unwrap_err();
    assert!(
        matches!(&err, Error::NotADatabase { path: p } if p == &path),
        "{err:?}"
    );
    assert_eq!(
        err.payload().details.path.as_deref(),
        Some(path.to_str().unwrap())
    );
    assert_eq!(bytes(&path), before);
    assert!(!dir.path().join("notes.db-wal").exists());
}

#[test]
fn refuses_a_corrupt_file_with_a_sqlite_header() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.db");
    let mut data = b"SQLite format 3\0".to_vec();
    data.extend(std::iter::repeat_n(0xAB, 4096));
    std::fs::write(&path, &data).unwrap();
    let err = Workspace::open(&path).unwrap_err();
    assert!(matches!(err, Error::NotADatabase { .. }), "{err:?}");
    assert_eq!(bytes(&path), data);
}

#[test]
fn a_folder_is_refused_as_a_folder_with_where_a_workspace_inside_it_goes() {
    let dir = tempfile::tempdir().unwrap();
    let err = Workspace::open(dir.path()).unwrap_err();
    let inside = dir.path().join("workspace.db");
    assert!(
        matches!(&err, Error::IsAFolder { path, suggested } if path == dir.path() && suggested == &inside),
        "{err:?}"
    );
    assert_eq!(err.code(), rootwise_core::error::ErrorCode::IsAFolder);
    let details = err.details();
    assert_eq!(details.path, Some(dir.path().display().to_string()));
    assert_eq!(details.suggested_path, Some(inside.display().to_string()));
    assert_eq!(
        rootwise_core::store::workspace_in_folder(dir.path()),
        inside
    );
    assert!(!inside.exists(), "nothing is created until asked");

    // The way out: the workspace inside the folder opens (and is created).
    let ws = Workspace::open(&inside).unwrap();
    assert_eq!(ws.path(), Some(inside.as_path()));
}

#[test]
fn refuses_another_programs_database_and_leaves_it_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite");
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');")
            .unwrap();
    }
    let before = bytes(&path);
    let err = Workspace::open(&path).unwrap_err();
    assert!(matches!(err, Error::NotAWorkspace { .. }), "{err:?}");
    assert_eq!(bytes(&path), before);
}

#[test]
fn refuses_a_newer_schema_naming_both_versions_and_leaves_the_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    {
        let mut ws = Workspace::open(&path).unwrap();
        add(&mut ws, "from the future");
        ws.conn()
            .pragma_update(None, "user_version", SCHEMA_VERSION + 3)
            .unwrap();
        ws.conn()
            .pragma_update(None, "journal_mode", "DELETE")
            .unwrap();
    }
    let before = bytes(&path);
    let err = Workspace::open(&path).unwrap_err();
    match &err {
        Error::SchemaTooNew {
            found, supported, ..
        } => {
            assert_eq!(*found, SCHEMA_VERSION + 3);
            assert_eq!(*supported, SCHEMA_VERSION);
        }
        other => panic!("expected SchemaTooNew, got {other:?}"),
    }
    let message = err.to_string();
    assert!(message.contains(&(SCHEMA_VERSION + 3).to_string()));
    assert!(message.contains(&SCHEMA_VERSION.to_string()));
    assert!(message.contains("future.db"));
    assert_eq!(bytes(&path), before, "the file is not touched");
    assert!(!dir.path().join("future.db-wal").exists());
    let backups = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains("backup")
        })
        .count();
    assert_eq!(backups, 0);
}

#[test]
fn refuses_a_path_that_cannot_be_written() {
    let dir = tempfile::tempdir().unwrap();
    // A regular file where a folder would have to be: no permission tricks,
    // so this holds when the tests run as root too.
    let blocker = dir.path().join("a-file");
    std::fs::write(&blocker, "x").unwrap();
    let path = blocker.join("ws.db");
    let err = Workspace::open(&path).unwrap_err();
    assert!(
        matches!(&err, Error::NotWritable { path: p, .. } if p == &path),
        "{err:?}"
    );
    assert_eq!(
        err.payload().code,
        rootwise_core::error::ErrorCode::NotWritable
    );
    assert_eq!(std::fs::read_to_string(&blocker).unwrap(), "x");
}

#[test]
fn an_empty_file_becomes_a_new_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    std::fs::write(&path, "").unwrap();
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.schema_version().unwrap(), SCHEMA_VERSION);
}

/// The real migrations plus one that does not ship, to prove the upgrade
/// path: the backup holds the old data, and the data survives the upgrade.
static NEXT: std::sync::LazyLock<Vec<M<'static>>> = std::sync::LazyLock::new(|| {
    let mut list = shipped_migrations().to_vec();
    list.push(M::up(
        "ALTER TABLE problems ADD COLUMN test_only_flag TEXT NOT NULL DEFAULT 'kept';",
    ));
    list
});

#[test]
fn migrating_backs_up_first_and_keeps_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.db");
    {
        let mut ws = Workspace::open(&path).unwrap();
        add(&mut ws, "Customers wait 40 minutes on the phone");
        add(&mut ws, "العميل لا يتلقى رسالة التأكيد");
    }
    let list: &'static [M<'static>] = NEXT.as_slice();
    let ws = Workspace::open_with(&path, list).unwrap();
    assert_eq!(ws.schema_version().unwrap(), SCHEMA_VERSION + 1);

    let titles: Vec<String> = problem::list(ws.conn(), 0, 10)
        .unwrap()
        .items
        .into_iter()
        .map(|p| p.title)
        .collect();
    assert_eq!(titles.len(), 2);
    assert!(titles.contains(&"العميل لا يتلقى رسالة التأكيد".to_string()));
    let flag: String = ws
        .conn()
        .query_row("SELECT test_only_flag FROM problems LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(flag, "kept");

    let backup = ws.backup_path().expect("a backup was taken").to_owned();
    assert!(backup
        .file_name()
        .unwrap()
        .to_string_lossy()
        .contains(&format!("schema-v{SCHEMA_VERSION}")));
    let old = Connection::open(&backup).unwrap();
    let v: u32 = old
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let n: u32 = old
        .query_row("SELECT count(*) FROM problems", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        (v, n),
        (SCHEMA_VERSION, 2),
        "the backup holds the old version and its data"
    );
}

#[test]
fn every_shipped_migration_upgrades_from_the_one_before_with_data() {
    // Build the database at each earlier version, put data in it, and
    // migrate it to the latest: nothing is lost on the way.
    for from in 1..=SCHEMA_VERSION {
        let mut conn = Connection::open_in_memory().unwrap();
        migrations().to_version(&mut conn, from as usize).unwrap();
        conn.execute(
            "INSERT INTO problems (id, title, created_at, updated_at)
             VALUES ('0190a0a0-0000-7000-8000-000000000001', 'kept', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
            [],
        )
        .unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let title: String = conn
            .query_row("SELECT title FROM problems", [], |r| r.get(0))
            .unwrap();
        assert_eq!(title, "kept", "upgrading from v{from}");
    }
}

#[test]
fn upgrading_a_v1_workspace_to_the_problem_log_keeps_every_problem() {
    use rootwise_core::problem::{Severity, Status};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    {
        // A workspace as version 1 of Rootwise wrote it.
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 1).unwrap();
        conn.execute_batch(
            "INSERT INTO problems (id, title, created_at, updated_at) VALUES
                ('019a0000-0000-7000-8000-000000000001', 'الطلب وصل ناقصًا', '2026-03-02T08:00:00.000Z', '2026-03-02T08:00:00.000Z'),
                ('019a0000-0000-7000-8000-000000000002', 'Agent hung up', '2026-04-10T12:30:00.000Z', '2026-04-11T09:00:00.000Z');
             INSERT INTO search_docs (rowid, entity, entity_id) VALUES (1, 'problem', '019a0000-0000-7000-8000-000000000001');
             INSERT INTO search_index (rowid, body) VALUES (1, 'الطلب وصل ناقصا');
             INSERT INTO history (entity, entity_id, op, field, new_value, author, at)
                VALUES ('problem', '019a0000-0000-7000-8000-000000000001', 'create', 'title', 'الطلب وصل ناقصًا', 'Huda', '2026-03-02T08:00:00.000Z');",
        )
        .unwrap();
    }
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(ws.backup_path().is_some(), "backed up before upgrading");

    let page = problem::list(ws.conn(), 0, 10).unwrap();
    assert_eq!(page.total, 2);
    let old = page
        .items
        .iter()
        .find(|p| p.title == "الطلب وصل ناقصًا")
        .unwrap();
    assert_eq!(
        old.reported_on.to_string(),
        "2026-03-02",
        "reported on the day it was logged"
    );
    assert_eq!(
        (old.first_seen, old.last_seen),
        (old.reported_on, old.reported_on)
    );
    assert_eq!(old.occurrence_count, 1);
    assert_eq!((old.status, old.severity), (Status::New, Severity::Medium));
    assert!(old.tags.is_empty() && old.references.is_empty());
    let other = page
        .items
        .iter()
        .find(|p| p.title == "Agent hung up")
        .unwrap();
    assert_eq!(other.updated_at.to_rfc3339(), "2026-04-11T09:00:00+00:00");
    let history =
        rootwise_core::history::for_entity(ws.conn(), "problem", &old.id.to_string()).unwrap();
    assert_eq!(history.len(), 1, "history kept");
    let hits = rootwise_core::search::search(ws.conn(), "ناقصا", 10).unwrap();
    assert_eq!(hits.len(), 1, "search index kept");
    assert_eq!(hits[0].id, old.id.to_string());
}

#[test]
fn upgrading_a_v2_workspace_to_analyses_keeps_problems_tags_occurrences_and_search() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.db");
    let id;
    {
        // A workspace as version 2 of Rootwise wrote it, through its own code.
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 2).unwrap();
        conn.execute_batch(
            "INSERT INTO problems (id, title, description, channel, severity, severity_rank, status,
                status_rank, reported_on, first_seen, last_seen, occurrence_count, created_at, updated_at)
             VALUES ('019a0000-0000-7000-8000-0000000000a1', 'رسالة التأكيد لا تصل', 'تتأخر الرسائل', 'chat',
                'high', 2, 'investigating', 1, '2026-05-01', '2026-05-01', '2026-05-03', 2,
                '2026-05-01T08:00:00.000Z', '2026-05-03T08:00:00.000Z');
             INSERT INTO problem_tags (problem_id, tag) VALUES ('019a0000-0000-7000-8000-0000000000a1', 'sms');
             INSERT INTO occurrences (id, problem_id, occurred_on, ticket_ref, note, author, created_at)
                VALUES ('019a0000-0000-7000-8000-0000000000b1', '019a0000-0000-7000-8000-0000000000a1',
                '2026-05-03', 'T-9', 'again', 'Huda', '2026-05-03T08:00:00.000Z');
             INSERT INTO problem_search (rowid, body)
                SELECT rowid, 'رساله التاكيد لا تصل sms' FROM problems;",
        )
        .unwrap();
        id = "019a0000-0000-7000-8000-0000000000a1"
            .parse::<rootwise_core::ids::ProblemId>()
            .unwrap();
    }
    let mut ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(ws.backup_path().is_some(), "backed up before upgrading");
    let detail = problem::detail(ws.conn(), id).unwrap();
    assert_eq!(detail.problem.title, "رسالة التأكيد لا تصل");
    assert_eq!(detail.problem.tags, vec!["sms".to_string()]);
    assert_eq!(detail.occurrences.len(), 1);
    assert_eq!(detail.problem.occurrence_count, 2);
    assert_eq!(
        rootwise_core::search::search(ws.conn(), "التأكيد", 5)
            .unwrap()
            .len(),
        1
    );
    // The upgraded workspace takes analyses of its old problems.
    let analysis = ws
        .write("Huda", |w| {
            rootwise_core::analysis::create_analysis(
                w,
                &rootwise_core::analysis::NewAnalysis {
                    problem_id: id.to_string(),
                    title: "لماذا لا تصل الرسالة؟".into(),
                    ..Default::default()
                },
            )
        })
        .unwrap()
        .value;
    assert_eq!(
        rootwise_core::analysis::for_problem(ws.conn(), id)
            .unwrap()
            .into_iter()
            .map(|s| s.analysis.id)
            .collect::<Vec<_>>(),
        vec![analysis.id]
    );
}

#[test]
fn upgrading_a_v3_workspace_keeps_every_problem_and_fills_the_tag_filters() {
    use rootwise_core::problem::{ProblemQuery, ProblemSort, Severity, Status};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.db");
    {
        // A workspace as version 3 of Rootwise wrote it: tagged problems,
        // one of them in the trash.
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 3).unwrap();
        conn.execute_batch(
            "INSERT INTO problems (id, title, created_at, updated_at, severity, severity_rank, status,
                 status_rank, channel, owner, reported_on, first_seen, last_seen) VALUES
                ('019a0000-0000-7000-8000-000000000001', 'الفاتورة مكررة', '2026-03-02T08:00:00.000Z',
                 '2026-03-02T08:00:00.000Z', 'critical', 3, 'investigating', 1, 'phone', 'Huda',
                 '2026-03-02', '2026-03-02', '2026-03-02'),
                ('019a0000-0000-7000-8000-000000000002', 'Refund missing', '2026-04-10T12:30:00.000Z',
                 '2026-04-10T12:30:00.000Z', 'low', 0, 'new', 0, 'email', 'Omar',
                 '2026-04-10', '2026-04-10', '2026-04-10'),
                ('019a0000-0000-7000-8000-000000000003', 'Old duplicate', '2026-01-05T12:30:00.000Z',
                 '2026-01-05T12:30:00.000Z', 'low', 0, 'new', 0, 'chat', 'Omar',
                 '2026-01-05', '2026-01-05', '2026-01-05');
             UPDATE problems SET deleted_at = '2026-05-01T00:00:00.000Z', deleted_by = 'Huda'
                 WHERE id = '019a0000-0000-7000-8000-000000000003';
             INSERT INTO problem_tags (problem_id, tag) VALUES
                ('019a0000-0000-7000-8000-000000000001', 'فواتير'),
                ('019a0000-0000-7000-8000-000000000001', 'billing'),
                ('019a0000-0000-7000-8000-000000000002', 'billing'),
                ('019a0000-0000-7000-8000-000000000003', 'billing');
             INSERT INTO problem_search (rowid, body) VALUES
                (1, 'الفاتوره مكرره'), (2, 'refund missing');",
        )
        .unwrap();
    }
    let mut ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(ws.backup_path().is_some(), "backed up before upgrading");

    let titles = |ws: &Workspace, q: ProblemQuery| -> (Vec<String>, u32) {
        let page = problem::query(ws.conn(), &q).unwrap();
        (
            page.items.into_iter().map(|p| p.title).collect(),
            page.total,
        )
    };
    let billing = || ProblemQuery {
        tag: Some("billing".into()),
        ..ProblemQuery::default()
    };
    assert_eq!(
        titles(&ws, billing()),
        (vec!["Refund missing".into(), "الفاتورة مكررة".into()], 2),
        "the trashed problem's tag is not counted"
    );
    assert_eq!(
        titles(
            &ws,
            ProblemQuery {
                statuses: vec![Status::Investigating],
                severities: vec![Severity::Critical],
                owner: Some("Huda".into()),
                ..billing()
            }
        ),
        (vec!["الفاتورة مكررة".into()], 1),
        "tag rows carry the filters of their problem"
    );
    assert_eq!(
        titles(
            &ws,
            ProblemQuery {
                sort: ProblemSort::Severity,
                ..ProblemQuery::default()
            }
        )
        .0,
        vec!["الفاتورة مكررة".to_string(), "Refund missing".into()],
        "critical first"
    );
    assert_eq!(
        titles(
            &ws,
            ProblemQuery {
                text: Some("refund".into()),
                ..ProblemQuery::default()
            }
        ),
        (vec!["Refund missing".into()], 1)
    );

    // Edits after the upgrade move the tag rows' copies along.
    let id = problem::list(ws.conn(), 0, 10)
        .unwrap()
        .items
        .into_iter()
        .find(|p| p.title == "Refund missing")
        .unwrap()
        .id;
    ws.write("Test", |w| {
        workflow::edit_problem(w, id, &problem::ProblemEdit::Severity(Severity::High))
    })
    .unwrap();
    assert_eq!(
        titles(
            &ws,
            ProblemQuery {
                severities: vec![Severity::High],
                ..billing()
            }
        ),
        (vec!["Refund missing".into()], 1)
    );
    ws.write("Test", |w| problem::delete(w, id)).unwrap();
    assert_eq!(titles(&ws, billing()).1, 1, "trashing leaves the tag count");
}

#[test]
fn upgrading_a_v4_workspace_keeps_problems_analyses_and_history_and_takes_actions() {
    use rootwise_core::action::{self, ActionKind, NewAction};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.db");
    let (problem_id, cause_id) = (
        "019a0000-0000-7000-8000-0000000000c1",
        "019a0000-0000-7000-8000-0000000000e1",
    );
    {
        // A workspace as version 4 of Rootwise wrote it: a problem with an
        // analysis whose confirmed root cause awaits a corrective action.
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 4).unwrap();
        conn.execute_batch(
            "INSERT INTO problems (id, title, created_at, updated_at, severity, severity_rank, status,
                 status_rank, reported_on, first_seen, last_seen) VALUES
                ('019a0000-0000-7000-8000-0000000000c1', 'الاسترداد يتأخر', '2026-06-01T08:00:00.000Z',
                 '2026-06-02T08:00:00.000Z', 'high', 2, 'root_cause_found', 2,
                 '2026-06-01', '2026-06-01', '2026-06-01');
             INSERT INTO analyses (id, problem_id, title, held_on, created_at, updated_at) VALUES
                ('019a0000-0000-7000-8000-0000000000d1', '019a0000-0000-7000-8000-0000000000c1',
                 'لماذا يتأخر الاسترداد؟', '2026-06-02', '2026-06-02T08:00:00.000Z', '2026-06-02T08:00:00.000Z');
             INSERT INTO why_nodes (id, analysis_id, position, text, status, root_cause, action_intent,
                 created_at, updated_at) VALUES
                ('019a0000-0000-7000-8000-0000000000e1', '019a0000-0000-7000-8000-0000000000d1', 0,
                 'لا أحد يراجع الطلبات المعلقة', 'confirmed', 1, 'مراجعة يومية للطلبات',
                 '2026-06-02T08:00:00.000Z', '2026-06-02T08:00:00.000Z');
             INSERT INTO history (entity, entity_id, op, field, old_value, new_value, author, at) VALUES
                ('problem', '019a0000-0000-7000-8000-0000000000c1', 'update', 'status', 'new',
                 'root_cause_found', 'Huda', '2026-06-02T08:00:00.000Z');",
        )
        .unwrap();
    }
    let mut ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(ws.backup_path().is_some(), "backed up before upgrading");
    let id: rootwise_core::ids::ProblemId = problem_id.parse().unwrap();
    let detail = problem::detail(ws.conn(), id).unwrap();
    assert_eq!(detail.problem.title, "الاسترداد يتأخر");
    assert_eq!(detail.history.len(), 1);
    let tree = rootwise_core::analysis::tree(
        ws.conn(),
        "019a0000-0000-7000-8000-0000000000d1".parse().unwrap(),
    )
    .unwrap();
    assert_eq!(
        tree.nodes[0].action_intent.as_deref(),
        Some("مراجعة يومية للطلبات")
    );
    assert!(
        tree.checks
            .iter()
            .any(|c| c.kind == rootwise_core::analysis::CheckKind::NoCorrectiveAction),
        "the old root cause now asks for an action"
    );
    // The upgraded workspace takes actions on its old root causes.
    let a = ws
        .write("Huda", |w| {
            action::create(
                w,
                &NewAction {
                    problem_id: problem_id.into(),
                    title: "مراجعة يومية للطلبات المعلقة".into(),
                    kind: ActionKind::Corrective,
                    description: None,
                    cause_ids: Some(vec![cause_id.into()]),
                    owner: Some("Huda".into()),
                    due_on: None,
                    priority: None,
                    check_method: None,
                },
            )
        })
        .unwrap()
        .value;
    assert_eq!(
        action::for_problem(ws.conn(), id, rootwise_core::time::today_utc())
            .unwrap()
            .into_iter()
            .map(|r| r.action.id)
            .collect::<Vec<_>>(),
        vec![a.id]
    );
    let tree = rootwise_core::analysis::tree(
        ws.conn(),
        "019a0000-0000-7000-8000-0000000000d1".parse().unwrap(),
    )
    .unwrap();
    assert!(
        !tree
            .checks
            .iter()
            .any(|c| c.kind == rootwise_core::analysis::CheckKind::NoCorrectiveAction),
        "{:?}",
        tree.checks
    );
}

#[test]
fn upgrading_a_v5_workspace_keeps_problems_and_actions_and_takes_personas_and_maps() {
    use rootwise_core::empathy::{self, Area, NewMap, NewNote, NoteEdit};
    use rootwise_core::persona::{self, NewPersona};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v5.db");
    let (problem_id, action_id, why_id) = (
        "019a0000-0000-7000-8000-0000000000c5",
        "019a0000-0000-7000-8000-0000000000f5",
        "019a0000-0000-7000-8000-0000000000e5",
    );
    {
        // A workspace as version 5 of Rootwise wrote it: a problem, its
        // analysis with a root cause, and an action on it.
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 5).unwrap();
        conn.execute_batch(
            "INSERT INTO problems (id, title, created_at, updated_at, severity, severity_rank, status,
                 status_rank, reported_on, first_seen, last_seen) VALUES
                ('019a0000-0000-7000-8000-0000000000c5', 'حالة المرتجع غير واضحة', '2026-07-01T08:00:00.000Z',
                 '2026-07-02T08:00:00.000Z', 'high', 2, 'actions_in_progress', 3,
                 '2026-07-01', '2026-07-01', '2026-07-01');
             INSERT INTO analyses (id, problem_id, title, held_on, created_at, updated_at) VALUES
                ('019a0000-0000-7000-8000-0000000000d5', '019a0000-0000-7000-8000-0000000000c5',
                 'لماذا؟', '2026-07-02', '2026-07-02T08:00:00.000Z', '2026-07-02T08:00:00.000Z');
             INSERT INTO why_nodes (id, analysis_id, position, text, status, root_cause,
                 created_at, updated_at) VALUES
                ('019a0000-0000-7000-8000-0000000000e5', '019a0000-0000-7000-8000-0000000000d5', 0,
                 'لا تعرض الصفحة خطوات الاسترداد', 'confirmed', 1,
                 '2026-07-02T08:00:00.000Z', '2026-07-02T08:00:00.000Z');
             INSERT INTO actions (id, problem_id, title, kind, owner, priority, priority_rank, status,
                 created_at, updated_at) VALUES
                ('019a0000-0000-7000-8000-0000000000f5', '019a0000-0000-7000-8000-0000000000c5',
                 'عرض خطوات الاسترداد في صفحة الطلب', 'corrective', 'Karim', 'high', 2, 'in_progress',
                 '2026-07-03T08:00:00.000Z', '2026-07-03T08:00:00.000Z');
             INSERT INTO action_causes (action_id, why_id) VALUES
                ('019a0000-0000-7000-8000-0000000000f5', '019a0000-0000-7000-8000-0000000000e5');",
        )
        .unwrap();
    }
    let mut ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(ws.backup_path().is_some(), "backed up before upgrading");
    let a = rootwise_core::action::get(ws.conn(), action_id.parse().unwrap()).unwrap();
    assert_eq!(a.title, "عرض خطوات الاسترداد في صفحة الطلب");
    assert_eq!(a.owner, "Karim");
    assert_eq!(a.cause_ids, vec![why_id.parse().unwrap()]);
    // The upgraded workspace takes personas and maps linked to its old data.
    let (persona_id, note_id) = ws
        .write("Mona", |w| {
            let p = persona::create(
                w,
                &NewPersona {
                    name: "سلمى".into(),
                    ..NewPersona::default()
                },
            )?;
            persona::link_problem(w, p.id, problem_id.parse()?)?;
            let m = empathy::create_map(
                w,
                &NewMap {
                    persona_id: p.id.to_string(),
                    title: "ورشة".into(),
                    problem_id: Some(problem_id.into()),
                    held_on: None,
                    participants: None,
                    votes_per_person: None,
                },
            )?;
            let n = empathy::add_note(
                w,
                &NewNote {
                    map_id: m.id.to_string(),
                    area: Area::Says,
                    text: "«أين وصل طلبي؟»".into(),
                    colour: None,
                    author: None,
                    group_id: None,
                },
            )?;
            empathy::edit_note(w, n.id, &NoteEdit::CauseIds(vec![why_id.into()]))?;
            Ok((p.id, n.id))
        })
        .unwrap()
        .value;
    assert_eq!(
        persona::for_problem(ws.conn(), problem_id.parse().unwrap()).unwrap()[0].id,
        persona_id
    );
    assert_eq!(
        empathy::notes_for_why(ws.conn(), why_id.parse().unwrap()).unwrap()[0].id,
        note_id
    );
}

#[test]
fn upgrading_a_v7_workspace_gives_history_its_own_ids_and_keeps_its_order_and_the_change_log() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v7.db");
    let (workspace_id, replica_id);
    {
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 7).unwrap();
        conn.execute_batch(
            "INSERT INTO problems (id, title, created_at, updated_at)
                VALUES ('019a0000-0000-7000-8000-0000000000c1', 'الاسترداد لا يصل', '2026-06-01T08:00:00.000Z', '2026-06-01T08:00:00.000Z');
             INSERT INTO history (seq, entity, entity_id, op, field, old_value, new_value, author, at) VALUES
                (1, 'problem', '019a0000-0000-7000-8000-0000000000c1', 'create', 'title', NULL, 'الاسترداد لا يصل', 'Huda', '2026-06-01T08:00:00.000Z'),
                (2, 'problem', '019a0000-0000-7000-8000-0000000000c1', 'update', 'owner', '', 'Karim', 'Huda', '2026-06-01T08:00:00.000Z'),
                (3, 'problem', '019a0000-0000-7000-8000-0000000000c1', 'update', 'owner', 'Karim', 'Mona', 'Huda', '2026-06-02T08:00:00.000Z');
             INSERT INTO change_log (hlc, replica_id, author, changeset)
                SELECT '000001780000000-000000-' || replica_id, replica_id, 'Huda', x'00' FROM replica;",
        )
        .unwrap();
        (workspace_id, replica_id) = conn
            .query_row("SELECT workspace_id, replica_id FROM replica", [], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .unwrap();
    }
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.schema_version().unwrap(), SCHEMA_VERSION);
    let history = rootwise_core::history::for_entity(
        ws.conn(),
        "problem",
        "019a0000-0000-7000-8000-0000000000c1",
    )
    .unwrap();
    assert_eq!(
        history
            .iter()
            .map(|h| (h.seq, h.new_value.clone().unwrap_or_default()))
            .collect::<Vec<_>>(),
        vec![
            (1, "الاسترداد لا يصل".to_owned()),
            (2, "Karim".to_owned()),
            (3, "Mona".to_owned())
        ],
        "every entry kept, in its order (two share a time)"
    );
    let ids: Vec<String> = ws
        .conn()
        .prepare("SELECT id FROM history")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(ids.len(), 3);
    for id in &ids {
        assert!(uuid::Uuid::parse_str(id).is_ok(), "{id} is a UUID");
    }
    let me = rootwise_core::sync::replica(ws.conn()).unwrap();
    assert_eq!((me.workspace_id, me.replica_id), (workspace_id, replica_id));
    assert_eq!(me.name, "");
    let log: u32 = ws
        .conn()
        .query_row(
            "SELECT count(*) FROM change_log WHERE knew IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(log, 1, "the change log kept");
}

#[test]
fn upgrading_a_v8_workspace_keeps_the_change_log_and_notes_edits_made_in_the_trash() {
    use rootwise_core::action::{self, ActionKind, NewAction};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v8.db");
    {
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 8).unwrap();
        conn.execute_batch(
            "INSERT INTO problems (id, title, created_at, updated_at, reported_on, first_seen, last_seen) VALUES
                ('019a0000-0000-7000-8000-0000000000d1', 'رمز التحقق يتأخر', '2026-06-01T08:00:00.000Z', '2026-06-01T08:00:00.000Z', '2026-06-01', '2026-06-01', '2026-06-01'),
                ('019a0000-0000-7000-8000-0000000000d2', 'The code arrives late', '2026-06-01T08:00:00.000Z', '2026-06-01T08:00:00.000Z', '2026-06-01', '2026-06-01', '2026-06-01');
             INSERT INTO change_log (hlc, replica_id, author, changeset, knew, history)
                SELECT '000001780000000-000000-' || replica_id, replica_id, 'Huda', x'00', '{}', '[]' FROM replica;",
        )
        .unwrap();
    }
    let mut ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.schema_version().unwrap(), SCHEMA_VERSION);
    let kept: (u32, String, Option<String>) = ws
        .conn()
        .query_row(
            "SELECT count(*), max(author), max(in_trash) FROM change_log",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(kept, (1, "Huda".to_owned(), None), "the change log kept");
    let titles: Vec<String> = ws
        .conn()
        .prepare("SELECT title FROM problems ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(titles, ["رمز التحقق يتأخر", "The code arrives late"]);

    // A new change that moves a trashed action along names it.
    let (keep, dup) = (
        "019a0000-0000-7000-8000-0000000000d1".parse().unwrap(),
        "019a0000-0000-7000-8000-0000000000d2".parse().unwrap(),
    );
    let action = ws
        .write("Huda", |w| {
            action::create(
                w,
                &NewAction {
                    problem_id: "019a0000-0000-7000-8000-0000000000d2".into(),
                    title: "Send the code by voice call too".into(),
                    kind: ActionKind::Corrective,
                    description: None,
                    cause_ids: None,
                    owner: None,
                    due_on: None,
                    priority: None,
                    check_method: None,
                },
            )
        })
        .unwrap()
        .value
        .id;
    ws.write("Huda", |w| action::delete(w, action)).unwrap();
    ws.write("Huda", |w| workflow::merge(w, dup, keep)).unwrap();
    let in_trash: Option<String> = ws
        .conn()
        .query_row(
            "SELECT in_trash FROM change_log ORDER BY seq DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let in_trash: serde_json::Value = serde_json::from_str(&in_trash.unwrap()).unwrap();
    assert_eq!(
        in_trash,
        serde_json::json!({ "actions": [action.to_string()] }),
        "the move names the trashed action and nothing else"
    );
}

#[test]
fn upgrading_a_v9_workspace_keeps_problems_and_reports_and_takes_survey_answers() {
    use rootwise_core::metrics::{self, ResponseInput, SurveyKind};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v9.db");
    {
        let mut conn = Connection::open(&path).unwrap();
        // The version before metrics (0010): 9 (later migrations, such as
        // journeys' 0011, come after it).
        migrations().to_version(&mut conn, 9).unwrap();
        conn.execute_batch(
            "INSERT INTO problems (id, title, created_at, updated_at, reported_on)
                VALUES ('019a0000-0000-7000-8000-0000000000d1', 'الفاتورة خاطئة', '2026-06-01T08:00:00.000Z', '2026-06-01T08:00:00.000Z', '2026-06-01');
             INSERT INTO occurrences (id, problem_id, occurred_on, channel, ticket_ref, note, author, created_at)
                VALUES ('019a0000-0000-7000-8000-0000000000d2', '019a0000-0000-7000-8000-0000000000d1', '2026-06-02', 'phone', 'ZD-9', 'again', 'Huda', '2026-06-02T08:00:00.000Z');",
        )
        .unwrap();
    }
    let mut ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(ws.backup_path().is_some(), "backed up before migrating");
    let id: rootwise_core::ids::ProblemId = "019a0000-0000-7000-8000-0000000000d1".parse().unwrap();
    let reports = problem::occurrences(ws.conn(), id).unwrap();
    assert_eq!(reports.len(), 1);
    assert_eq!(
        (
            reports[0].ticket_ref.as_str(),
            reports[0].opened_at,
            reports[0].resolved_at
        ),
        ("ZD-9", None, None),
        "the report kept, with no contact times yet"
    );
    let added = ws
        .write("Huda", |w| {
            metrics::add_response(
                w,
                &ResponseInput {
                    kind: SurveyKind::Nps,
                    score: 3,
                    ces_scale: None,
                    ces_easy: None,
                    responded_on: chrono::NaiveDate::from_ymd_opt(2026, 6, 3).unwrap(),
                    channel: None,
                    comment: None,
                    ticket_ref: None,
                    customer: None,
                    problem_id: Some(id),
                    touchpoint_id: None,
                },
            )
        })
        .unwrap()
        .value;
    assert_eq!(added.problem_id, Some(id));
}

#[test]
fn upgrading_a_v10_workspace_keeps_its_work_and_links_journey_stages_that_name_a_touchpoint() {
    use rootwise_core::journey::{self, NewJourney, NewTouchpoint};
    use rootwise_core::metrics;
    /// The version before journey maps (0011_journeys).
    const BEFORE_JOURNEYS: usize = 10;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v10.db");
    {
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, BEFORE_JOURNEYS).unwrap();
        conn.execute_batch(
            "INSERT INTO problems (id, title, journey_stage, severity, severity_rank, created_at, updated_at,
                reported_on, first_seen, last_seen) VALUES
                ('019a0000-0000-7000-8000-0000000000e1', 'الدفع يُرفض عند الخطوة الأخيرة', 'إتمام الشراء', 'high', 2,
                 '2026-08-01T08:00:00.000Z', '2026-08-01T08:00:00.000Z', '2026-08-01', '2026-08-01', '2026-08-02'),
                ('019a0000-0000-7000-8000-0000000000e2', 'Tracking link is dead', ' Delivery  tracking ', 'medium', 1,
                 '2026-08-03T08:00:00.000Z', '2026-08-03T08:00:00.000Z', '2026-08-03', '2026-08-03', '2026-08-03'),
                ('019a0000-0000-7000-8000-0000000000e3', 'Invoice in the wrong language', 'After-sales', 'low', 0,
                 '2026-08-04T08:00:00.000Z', '2026-08-04T08:00:00.000Z', '2026-08-04', '2026-08-04', '2026-08-04'),
                ('019a0000-0000-7000-8000-0000000000e4', 'No stage given', '', 'low', 0,
                 '2026-08-05T08:00:00.000Z', '2026-08-05T08:00:00.000Z', '2026-08-05', '2026-08-05', '2026-08-05');
             UPDATE problems SET occurrence_count = 2 WHERE id = '019a0000-0000-7000-8000-0000000000e1';
             INSERT INTO occurrences (id, problem_id, occurred_on, channel, ticket_ref, note, author, created_at)
                VALUES ('019a0000-0000-7000-8000-0000000000f1', '019a0000-0000-7000-8000-0000000000e1', '2026-08-02',
                        'chat', 'ZD-31', 'مرة أخرى', 'Huda', '2026-08-02T08:00:00.000Z');
             INSERT INTO survey_responses (id, kind, score, responded_on, problem_id, created_at, updated_at)
                VALUES ('019a0000-0000-7000-8000-0000000000f2', 'csat', 2, '2026-08-02',
                        '019a0000-0000-7000-8000-0000000000e1', '2026-08-02T08:00:00.000Z', '2026-08-02T08:00:00.000Z');
             INSERT INTO history (id, entity, entity_id, op, field, old_value, new_value, author, at)
                VALUES ('0b0e0000-0000-4000-8000-000000000001', 'problem', '019a0000-0000-7000-8000-0000000000e2',
                        'update', 'journeyStage', '', ' Delivery  tracking ', 'Huda', '2026-08-03T09:00:00.000Z');",
        )
        .unwrap();
    }
    let mut ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(ws.backup_path().is_some(), "backed up before migrating");
    let id = |n: &str| -> rootwise_core::ids::ProblemId {
        format!("019a0000-0000-7000-8000-0000000000{n}")
            .parse()
            .unwrap()
    };
    // The work is intact: problems with their free-text stages as typed,
    // reports, answers and history.
    let stages: Vec<String> = ["e1", "e2", "e3", "e4"]
        .iter()
        .map(|n| problem::get_live(ws.conn(), id(n)).unwrap().journey_stage)
        .collect();
    assert_eq!(
        stages,
        ["إتمام الشراء", " Delivery  tracking ", "After-sales", ""]
    );
    let reports = problem::occurrences(ws.conn(), id("e1")).unwrap();
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].ticket_ref, "ZD-31");
    assert_eq!(
        metrics::get_response(
            ws.conn(),
            "019a0000-0000-7000-8000-0000000000f2".parse().unwrap()
        )
        .unwrap()
        .problem_id,
        Some(id("e1"))
    );
    let history =
        rootwise_core::history::for_entity(ws.conn(), "problem", &id("e2").to_string()).unwrap();
    assert_eq!(history.len(), 1, "history kept");
    assert!(journey::list_maps(
        ws.conn(),
        chrono::NaiveDate::from_ymd_opt(2026, 9, 1).unwrap()
    )
    .unwrap()
    .is_empty());

    // A map whose touchpoints name those stages links them; the rest stay
    // as they were.
    let (map, checkout, tracking) = ws
        .write("Huda", |w| {
            let map = journey::create_map(
                w,
                &NewJourney {
                    name: "Buying online".into(),
                    state: None,
                    persona_ids: None,
                    review_months: None,
                    starting_stages: None,
                },
            )?;
            let stage = journey::add_stage(w, map.id, "الشراء", None)?;
            let tp = |w: &mut rootwise_core::store::Writer<'_>, name: &str| {
                journey::add_touchpoint(
                    w,
                    &NewTouchpoint {
                        stage_id: stage.id,
                        name: name.into(),
                        ..NewTouchpoint::default()
                    },
                )
                .map(|t| t.id)
            };
            let checkout = tp(w, "إتمام  الشراء")?;
            let tracking = tp(w, "delivery tracking")?;
            Ok((map.id, checkout, tracking))
        })
        .unwrap()
        .value;
    let outcome = ws
        .write("Huda", |w| journey::link_matching_problems(w, map))
        .unwrap()
        .value;
    assert_eq!((outcome.linked, outcome.unmatched), (2, 1));
    let at = |p: &str| -> Vec<rootwise_core::ids::TouchpointId> {
        journey::touchpoints_for_problem(ws.conn(), id(p))
            .unwrap()
            .into_iter()
            .map(|t| t.id)
            .collect()
    };
    assert_eq!(at("e1"), [checkout]);
    assert_eq!(at("e2"), [tracking]);
    assert!(at("e3").is_empty() && at("e4").is_empty());
    assert_eq!(
        problem::get_live(ws.conn(), id("e3"))
            .unwrap()
            .journey_stage,
        "After-sales",
        "an unmatched text is left as it was"
    );
}

#[test]
fn upgrading_a_v11_workspace_keeps_its_answers_which_name_no_touchpoint_yet() {
    use rootwise_core::metrics;
    /// The version before answers could name a touchpoint (0012).
    const BEFORE_TOUCHPOINTS: usize = 11;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v12.db");
    {
        let mut conn = Connection::open(&path).unwrap();
        migrations()
            .to_version(&mut conn, BEFORE_TOUCHPOINTS)
            .unwrap();
        conn.execute_batch(
            "INSERT INTO problems (id, title, created_at, updated_at, reported_on, first_seen, last_seen)
                VALUES ('019a0000-0000-7000-8000-0000000000a1', 'الشحن يتأخر أسبوعًا', '2026-09-01T08:00:00.000Z',
                        '2026-09-01T08:00:00.000Z', '2026-09-01', '2026-09-01', '2026-09-01');
             INSERT INTO survey_responses (id, kind, score, responded_on, channel, comment, problem_id, created_at, updated_at)
                VALUES ('019a0000-0000-7000-8000-0000000000a2', 'nps', 4, '2026-09-02', 'email', 'وصل متأخرًا',
                        '019a0000-0000-7000-8000-0000000000a1', '2026-09-02T08:00:00.000Z', '2026-09-02T08:00:00.000Z');",
        )
        .unwrap();
    }
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.schema_version().unwrap(), SCHEMA_VERSION);
    let answer = metrics::get_response(
        ws.conn(),
        "019a0000-0000-7000-8000-0000000000a2".parse().unwrap(),
    )
    .unwrap();
    assert_eq!(
        (answer.score, answer.comment.as_str(), answer.touchpoint_id),
        (4, "وصل متأخرًا", None)
    );
    assert_eq!(
        answer.problem_id.map(|p| p.to_string()).as_deref(),
        Some("019a0000-0000-7000-8000-0000000000a1")
    );
}

#[test]
fn upgrading_a_v12_workspace_keeps_its_reports_and_an_import_finds_their_tickets_logged() {
    use rootwise_core::helpdesk::{self, ImportOptions};
    /// The last version before help-desk imports (0013_helpdesk).
    const BEFORE_HELPDESK: usize = 12;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v12.db");
    {
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, BEFORE_HELPDESK).unwrap();
        conn.execute_batch(
            "INSERT INTO problems (id, title, severity, severity_rank, created_at, updated_at,
                reported_on, first_seen, last_seen, occurrence_count) VALUES
                ('019b0000-0000-7000-8000-0000000000a1', 'الفاتورة تصل متأخرة', 'high', 2,
                 '2026-08-01T08:00:00.000Z', '2026-08-01T08:00:00.000Z', '2026-08-01', '2026-08-01', '2026-08-02', 2);
             INSERT INTO problem_refs (problem_id, position, reference)
                VALUES ('019b0000-0000-7000-8000-0000000000a1', 0, '501');
             INSERT INTO occurrences (id, problem_id, occurred_on, channel, ticket_ref, note, author, created_at)
                VALUES ('019b0000-0000-7000-8000-0000000000b1', '019b0000-0000-7000-8000-0000000000a1', '2026-08-02',
                        'email', '502', 'مرة أخرى', 'Huda', '2026-08-02T08:00:00.000Z');",
        )
        .unwrap();
    }
    let mut ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(ws.backup_path().is_some(), "backed up before migrating");
    assert!(helpdesk::list_mappings(ws.conn()).unwrap().is_empty());
    let id = "019b0000-0000-7000-8000-0000000000a1".parse().unwrap();
    assert_eq!(problem::occurrences(ws.conn(), id).unwrap().len(), 1);
    // Both tickets already logged: an export holding them adds nothing,
    // its new incident of 501 becomes a report.
    let file = "{\"ticket\":{\"id\":501,\"type\":\"problem\",\"subject\":\"x\",\"created_at\":\"2026-08-01T08:00:00Z\"}}\n\
                {\"ticket\":{\"id\":502,\"type\":\"incident\",\"problem_id\":501,\"subject\":\"y\",\"created_at\":\"2026-08-02T08:00:00Z\"}}\n\
                {\"ticket\":{\"id\":503,\"type\":\"incident\",\"problem_id\":501,\"subject\":\"z\",\"created_at\":\"2026-08-03T08:00:00Z\"}}\n";
    let done = helpdesk::import(
        &mut ws,
        "Huda",
        file.as_bytes(),
        &ImportOptions::default(),
        &mut |_| {},
        &std::sync::atomic::AtomicBool::new(false),
    )
    .unwrap()
    .value;
    assert_eq!(
        (
            done.problems_created,
            done.reports_added,
            done.already_imported
        ),
        (0, 1, 2)
    );
    assert_eq!(
        problem::get_live(ws.conn(), id).unwrap().occurrence_count,
        3
    );
}

#[test]
fn upgrading_a_v13_workspace_keeps_its_tags_and_new_tags_copy_their_problem_by_key() {
    /// The last version whose tag trigger joined through the planner (0014).
    const BEFORE_TAG_COPY: usize = 13;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v13.db");
    {
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, BEFORE_TAG_COPY).unwrap();
        conn.execute_batch(
            "INSERT INTO problems (id, title, severity, severity_rank, status, status_rank, channel,
                created_at, updated_at, reported_on, first_seen, last_seen) VALUES
                ('019c0000-0000-7000-8000-0000000000a1', 'رسوم الشحن تُحتسب مرتين', 'critical', 3,
                 'investigating', 1, 'email', '2026-09-01T08:00:00.000Z', '2026-09-01T08:00:00.000Z',
                 '2026-09-01', '2026-09-01', '2026-09-01');
             INSERT INTO problem_tags (problem_id, tag) VALUES ('019c0000-0000-7000-8000-0000000000a1', 'billing');
             -- Statistics from when the workspace was small, as PRAGMA optimize leaves them.
             ANALYZE;",
        )
        .unwrap();
    }
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.schema_version().unwrap(), SCHEMA_VERSION);
    let tag_row = |tag: &str| -> (String, i64, i64, Option<String>) {
        ws.conn()
            .query_row(
                "SELECT reported_on, status_rank, severity_rank, channel FROM problem_tags
                 WHERE problem_id = '019c0000-0000-7000-8000-0000000000a1' AND tag = ?1",
                [tag],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap()
    };
    let expected = ("2026-09-01".to_owned(), 1, 3, Some("email".to_owned()));
    assert_eq!(tag_row("billing"), expected, "the old tag is kept");
    ws.conn()
        .execute(
            "INSERT INTO problem_tags (problem_id, tag) VALUES ('019c0000-0000-7000-8000-0000000000a1', 'شحن')",
            [],
        )
        .unwrap();
    assert_eq!(tag_row("شحن"), expected, "a new tag copies its problem");
    // The copy looks the problem up by its key, never by a scan.
    let plan: Vec<String> = ws
        .conn()
        .prepare(
            "EXPLAIN QUERY PLAN UPDATE problem_tags
             SET (deleted_at, reported_on, status_rank, severity_rank, channel, owner) =
                 (SELECT deleted_at, reported_on, status_rank, severity_rank, channel, owner
                  FROM problems WHERE id = ?1)
             WHERE problem_id = ?1 AND tag = ?2",
        )
        .unwrap()
        .query_map(["x", "y"], |r| r.get::<_, String>(3))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(
        plan.iter().all(|step| !step.starts_with("SCAN")),
        "{plan:?}"
    );
}

#[test]
fn upgrading_a_v14_workspace_counts_the_pain_of_the_problems_already_linked() {
    use rootwise_core::journey::{self, PainQuery};
    use rootwise_core::vocab::Severity;
    /// The last version whose pain overlay walked every linked problem (0015).
    const BEFORE_PAIN_COUNTS: usize = 14;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v14.db");
    {
        let mut conn = Connection::open(&path).unwrap();
        migrations()
            .to_version(&mut conn, BEFORE_PAIN_COUNTS)
            .unwrap();
        // A map with two touchpoints. The form shows P1 (high, reported on
        // 2 May and again on 9 May and 2 June) and P2 (critical, in the
        // trash); the desk shows P1 and P3 (low, with a verified fix) and
        // P4 (medium, only a verified containment).
        conn.execute_batch(
            "INSERT INTO problems (id, title, severity, severity_rank, created_at, updated_at,
                reported_on, first_seen, last_seen, occurrence_count, deleted_at) VALUES
                ('019d0000-0000-7000-8000-0000000000a1', 'النموذج يرفض الرقم', 'high', 2,
                 '2026-05-02T08:00:00.000Z', '2026-05-02T08:00:00.000Z', '2026-05-02', '2026-05-02', '2026-06-02', 3, NULL),
                ('019d0000-0000-7000-8000-0000000000a2', 'Trashed', 'critical', 3,
                 '2026-05-03T08:00:00.000Z', '2026-05-03T08:00:00.000Z', '2026-05-03', '2026-05-03', '2026-05-03', 1,
                 '2026-05-04T08:00:00.000Z'),
                ('019d0000-0000-7000-8000-0000000000a3', 'لا أحد يرد', 'low', 0,
                 '2026-05-05T08:00:00.000Z', '2026-05-05T08:00:00.000Z', '2026-05-05', '2026-05-05', '2026-05-05', 1, NULL),
                ('019d0000-0000-7000-8000-0000000000a4', 'Long wait', 'medium', 1,
                 '2026-05-06T08:00:00.000Z', '2026-05-06T08:00:00.000Z', '2026-05-06', '2026-05-06', '2026-05-06', 1, NULL);
             INSERT INTO occurrences (id, problem_id, occurred_on, author, created_at) VALUES
                ('019d0000-0000-7000-8000-0000000000b1', '019d0000-0000-7000-8000-0000000000a1', '2026-05-09', 'Huda', '2026-05-09T08:00:00.000Z'),
                ('019d0000-0000-7000-8000-0000000000b2', '019d0000-0000-7000-8000-0000000000a1', '2026-06-02', 'Huda', '2026-06-02T08:00:00.000Z');
             INSERT INTO actions (id, problem_id, title, kind, status, active, created_at, updated_at) VALUES
                ('019d0000-0000-7000-8000-0000000000c1', '019d0000-0000-7000-8000-0000000000a3', 'Fix', 'corrective',
                 'verified_effective', 0, '2026-05-07T08:00:00.000Z', '2026-05-07T08:00:00.000Z'),
                ('019d0000-0000-7000-8000-0000000000c2', '019d0000-0000-7000-8000-0000000000a4', 'Hold', 'containment',
                 'verified_effective', 0, '2026-05-07T08:00:00.000Z', '2026-05-07T08:00:00.000Z');
             INSERT INTO journey_maps (id, name, created_at, updated_at) VALUES
                ('019d0000-0000-7000-8000-0000000000d1', 'رحلة التسجيل', '2026-05-01T08:00:00.000Z', '2026-05-01T08:00:00.000Z');
             INSERT INTO journey_stages (id, map_id, name, position, created_at, updated_at) VALUES
                ('019d0000-0000-7000-8000-0000000000e1', '019d0000-0000-7000-8000-0000000000d1', 'التسجيل', 1,
                 '2026-05-01T08:00:00.000Z', '2026-05-01T08:00:00.000Z');
             INSERT INTO journey_touchpoints (id, map_id, stage_id, name, position, created_at, updated_at) VALUES
                ('019d0000-0000-7000-8000-0000000000f1', '019d0000-0000-7000-8000-0000000000d1',
                 '019d0000-0000-7000-8000-0000000000e1', 'النموذج', 1, '2026-05-01T08:00:00.000Z', '2026-05-01T08:00:00.000Z'),
                ('019d0000-0000-7000-8000-0000000000f2', '019d0000-0000-7000-8000-0000000000d1',
                 '019d0000-0000-7000-8000-0000000000e1', 'المكتب', 2, '2026-05-01T08:00:00.000Z', '2026-05-01T08:00:00.000Z');
             INSERT INTO journey_touchpoint_problems (touchpoint_id, problem_id) VALUES
                ('019d0000-0000-7000-8000-0000000000f1', '019d0000-0000-7000-8000-0000000000a1'),
                ('019d0000-0000-7000-8000-0000000000f1', '019d0000-0000-7000-8000-0000000000a2'),
                ('019d0000-0000-7000-8000-0000000000f2', '019d0000-0000-7000-8000-0000000000a1'),
                ('019d0000-0000-7000-8000-0000000000f2', '019d0000-0000-7000-8000-0000000000a3'),
                ('019d0000-0000-7000-8000-0000000000f2', '019d0000-0000-7000-8000-0000000000a4');",
        )
        .unwrap();
    }
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.schema_version().unwrap(), SCHEMA_VERSION);
    let map = "019d0000-0000-7000-8000-0000000000d1".parse().unwrap();
    let may = |to: (u32, u32)| PainQuery {
        from: chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(),
        to: chrono::NaiveDate::from_ymd_opt(2026, to.0, to.1).unwrap(),
        sort: None,
    };
    let got = |q: &PainQuery| -> Vec<(u32, u32, Option<Severity>, bool)> {
        journey::pain_overlay(ws.conn(), map, q)
            .unwrap()
            .iter()
            .map(|p| (p.problems, p.occurrences, p.highest_severity, p.all_fixed))
            .collect()
    };
    assert_eq!(
        got(&may((5, 31))),
        [
            (1, 2, Some(Severity::High), false),
            (3, 4, Some(Severity::High), false)
        ]
    );
    assert_eq!(
        got(&may((6, 30))),
        [
            (1, 3, Some(Severity::High), false),
            (3, 5, Some(Severity::High), false)
        ]
    );
    let mut drift = ws
        .conn()
        .prepare(include_str!("support/pain_drift.sql"))
        .unwrap();
    assert_eq!(drift.query_map([], |_| Ok(())).unwrap().count(), 0);
    // The old overlay's index, read by nothing now, no longer costs writes.
    let old_index: i64 = ws
        .conn()
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'problems_pain'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(old_index, 0);
}
