//! Every write is captured for merging copies of a workspace: its
//! changeset lands in the change log with a clock stamp, in the same
//! transaction; replaying the log on an empty workspace rebuilds every
//! replicated table exactly.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use rootwise_core::problem::{self, NewProblem};
use rootwise_core::store::{migrations, Workspace, SCHEMA_VERSION};
use rootwise_core::sync::capture::{changes, latest, replay};
use rootwise_core::sync::{replica, Hlc, REPLICATED};
use rootwise_core::{generate, sample, Error};
use rusqlite::fallible_streaming_iterator::FallibleStreamingIterator;
use rusqlite::session::ChangesetIter;

use rusqlite::Connection;

/// Every replicated table's rows, as text, sorted: equal dumps, equal work.
fn dump(conn: &Connection) -> Vec<(String, Vec<String>)> {
    rootwise_core::sync::canonical_dump(conn).unwrap()
}

/// The tables a changeset touches.
fn tables_in(bytes: &[u8]) -> Vec<String> {
    let mut input: &[u8] = bytes;
    let reader: &mut dyn std::io::Read = &mut input;
    let mut iter = ChangesetIter::start_strm(&reader).unwrap();
    let mut out = Vec::new();
    while let Some(item) = iter.next().unwrap() {
        let table = item.op().unwrap().table_name().to_owned();
        if !out.contains(&table) {
            out.push(table);
        }
    }
    out
}

fn new_problem(ws: &mut Workspace, title: &str) -> rootwise_core::ids::ProblemId {
    ws.write("Huda", |w| {
        problem::create(
            w,
            &NewProblem {
                title: title.into(),
                ..NewProblem::default()
            },
        )
    })
    .unwrap()
    .value
    .id
}

#[test]
fn each_copy_knows_its_workspace_and_itself() {
    let a = Workspace::open_in_memory().unwrap();
    let b = Workspace::open_in_memory().unwrap();
    let (ra, rb) = (replica(a.conn()).unwrap(), replica(b.conn()).unwrap());
    for id in [&ra.workspace_id, &ra.replica_id, &rb.replica_id] {
        let parsed = uuid::Uuid::parse_str(id).unwrap();
        assert_eq!(parsed.get_version_num(), 4, "{id}");
    }
    assert_ne!(ra.replica_id, ra.workspace_id);
    assert_ne!(ra.replica_id, rb.replica_id, "two workspaces, two replicas");
    assert_eq!(ra.origin_replica, None);
}

#[test]
fn every_write_is_captured_and_replaying_the_log_rebuilds_the_work() {
    let mut ws = Workspace::open_in_memory().unwrap();
    ws.write("Huda", sample::load).unwrap();
    generate::actions(&mut ws, 12, 7).unwrap();
    generate::empathy_board(&mut ws, 24, 3).unwrap();
    let p = new_problem(&mut ws, "الاسترداد يصل بعد أسبوعين 😕");
    ws.write("Omar", |w| problem::rename(w, p, "الاسترداد يتأخر أسبوعين"))
        .unwrap();
    ws.write("Omar", |w| problem::delete(w, p)).unwrap();
    let filled = REPLICATED
        .iter()
        .filter(|t| {
            ws.conn()
                .query_row(&format!("SELECT count(*) > 0 FROM {t}"), [], |r| {
                    r.get::<_, bool>(0)
                })
                .unwrap()
        })
        .count();
    assert!(
        filled >= 15,
        "the story fills most replicated tables ({filled})"
    );
    // Deletes travel too.
    ws.write("Huda", sample::remove).unwrap();

    let log = changes(ws.conn()).unwrap();
    assert!(log.len() >= 5, "{} changes", log.len());
    let stamps: Vec<&Hlc> = log.iter().map(|(h, _, _)| h).collect();
    assert!(stamps.windows(2).all(|w| w[0] < w[1]), "stamps only grow");
    let me = replica(ws.conn()).unwrap().replica_id;
    assert!(stamps.iter().all(|h| h.replica == me));
    for (_, _, bytes) in &log {
        for table in tables_in(bytes) {
            assert!(
                REPLICATED.contains(&table.as_str()),
                "{table} is not replicated data"
            );
        }
    }
    assert!(log.iter().any(|(_, author, _)| author == "Omar"));

    let copy = Workspace::open_in_memory().unwrap();
    for (_, _, bytes) in &log {
        replay(copy.conn(), bytes).unwrap();
    }
    assert_eq!(dump(copy.conn()), dump(ws.conn()));
}

#[test]
fn a_change_that_disagrees_with_the_copy_is_refused_whole() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let p = new_problem(&mut ws, "Refund shows as issued");
    let mut copy = Workspace::open_in_memory().unwrap();
    for (_, _, bytes) in changes(ws.conn()).unwrap() {
        replay(copy.conn(), &bytes).unwrap();
    }
    // Both rename it; the copy's rename is not what the change expects.
    ws.write("Huda", |w| {
        problem::rename(w, p, "Refund never reaches the card")
    })
    .unwrap();
    copy.write("Omar", |w| {
        problem::rename(w, p, "Refund reaches the wrong card")
    })
    .unwrap();
    let before = dump(copy.conn());
    let rename = changes(ws.conn()).unwrap().pop().unwrap().2;
    assert!(replay(copy.conn(), &rename).is_err());
    assert_eq!(dump(copy.conn()), before, "nothing of it applied");
}

#[test]
fn a_failed_write_or_one_that_changes_nothing_captures_nothing() {
    let mut ws = Workspace::open_in_memory().unwrap();
    new_problem(&mut ws, "Agent hung up twice");
    let before = changes(ws.conn()).unwrap().len();
    let failed = ws.write("Huda", |w| {
        problem::create(
            w,
            &NewProblem {
                title: "kept only if the write succeeds".into(),
                ..NewProblem::default()
            },
        )?;
        Err::<(), _>(Error::Conflict(
            "the second half of the write failed".into(),
        ))
    });
    assert!(failed.is_err());
    ws.write("Huda", |_| Ok(())).unwrap();
    assert_eq!(changes(ws.conn()).unwrap().len(), before);
    let last = latest(ws.conn()).unwrap().unwrap();
    new_problem(&mut ws, "Second");
    assert!(latest(ws.conn()).unwrap().unwrap() > last);
}

#[test]
fn upgrading_a_v6_workspace_gives_it_an_identity_and_keeps_its_work() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v6.db");
    {
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 6).unwrap();
        conn.execute_batch(
            "INSERT INTO problems (id, title, created_at, updated_at) VALUES
                ('019a0000-0000-7000-8000-000000000001', 'العميل لم يستلم رمز التحقق', '2026-03-02T08:00:00.000Z', '2026-03-02T08:00:00.000Z');
             INSERT INTO personas (id, name, created_at, updated_at) VALUES
                ('019a0000-0000-7000-8000-0000000000a1', 'Nadia, runs a small shop', '2026-03-02T08:00:00.000Z', '2026-03-02T08:00:00.000Z');",
        )
        .unwrap();
    }
    let mut ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.schema_version().unwrap(), SCHEMA_VERSION);
    let me = replica(ws.conn()).unwrap();
    assert!(uuid::Uuid::parse_str(&me.replica_id).is_ok());
    let titles: Vec<String> = ws
        .conn()
        .prepare("SELECT title FROM problems")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(titles, vec!["العميل لم يستلم رمز التحقق".to_owned()]);
    let personas: u32 = ws
        .conn()
        .query_row("SELECT count(*) FROM personas", [], |r| r.get(0))
        .unwrap();
    assert_eq!(personas, 1);
    assert!(
        changes(ws.conn()).unwrap().is_empty(),
        "what was there before is not a change"
    );
    new_problem(&mut ws, "The first captured change");
    assert_eq!(changes(ws.conn()).unwrap().len(), 1);
}
