//! Benchmarks for CX metrics on a generated workspace of 1,000,000 survey
//! answers over two years and 100,000 problems (`ROOTWISE_BENCH_RESPONSES`
//! and `ROOTWISE_BENCH_PROBLEMS` set other sizes). Budgets: a year's
//! dashboard filtered by channel p95 under 100 ms; a problem's before/after
//! under 10 ms; importing 100,000 answers at least half the rate of a bare
//! rusqlite insert loop of the same rows, measured side by side.
//!
//! The workspace is written straight with SQL (a fixture, not the write
//! path: a million captured answers would be a one-off changeset of no
//! interest here) and kept in `target/bench-workspaces/`.
//! Run with `cargo bench -p rootwise-core --bench metrics`.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use rusqlite::params;

mod common;
use common::percentiles;
use rootwise_core::ids::ProblemId;
use rootwise_core::metrics::{self, import, DashboardQuery, Granularity};
use rootwise_core::vocab::Channel;
use rootwise_core::Workspace;

fn env(name: &str, default: u32) -> u32 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const CHANNELS: [&str; 7] = [
    "chat",
    "phone",
    "email",
    "self_service",
    "social",
    "in_person",
    "other",
];
/// The days the answers span, ending on `LAST_DAY`.
const DAYS: i64 = 730;

fn last_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

/// One generated answer: kind, score, scale, easy end, day, channel,
/// comment, ticket, problem.
type Row = (
    &'static str,
    u8,
    Option<u8>,
    Option<&'static str>,
    String,
    &'static str,
    String,
    String,
    Option<String>,
);

fn answer(rng: &mut Rng, problems: &[String]) -> Row {
    let (kind, score, scale, easy) = match rng.below(100) {
        0..=49 => ("nps", rng.below(11) as u8, None, None),
        50..=84 => ("csat", 1 + rng.below(5) as u8, None, None),
        85..=92 => ("ces", 1 + rng.below(5) as u8, Some(5), Some("high")),
        _ => ("ces", 1 + rng.below(7) as u8, Some(7), Some("low")),
    };
    let day = last_day() - chrono::Duration::days(rng.below(DAYS as u64) as i64);
    // Chat and phone carry most answers.
    let channel = CHANNELS[[0, 0, 0, 1, 1, 2, 3, 4, 5, 6][rng.below(10) as usize]];
    // A fifth is linked to a problem, the first problems far more often.
    let problem = (rng.below(5) == 0 && !problems.is_empty()).then(|| {
        let at = (rng.unit().powi(4) * problems.len() as f64) as usize;
        problems[at.min(problems.len() - 1)].clone()
    });
    let comment = if rng.below(4) == 0 {
        "الموظف لم يرد على سؤالي".to_owned()
    } else {
        String::new()
    };
    let ticket = format!("ZD-{}", 10_000 + rng.below(90_000));
    (
        kind,
        score,
        scale,
        easy,
        day.to_string(),
        channel,
        comment,
        ticket,
        problem,
    )
}

const INSERT: &str = "INSERT INTO survey_responses (id, kind, score, ces_scale, ces_easy,
    responded_on, channel, comment, ticket_ref, customer, problem_id, created_at, updated_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, '', ?10, ?11, ?11)";

fn insert_row(stmt: &mut rusqlite::Statement<'_>, a: &Row, now: &str) {
    stmt.execute(params![
        uuid::Uuid::now_v7().to_string(),
        a.0,
        a.1,
        a.2,
        a.3,
        a.4,
        a.5,
        a.6,
        a.7,
        a.8,
        now
    ])
    .unwrap();
}

/// Problems (plain rows), answers, reports with contact times and done
/// actions on the busiest problem, written in one transaction.
fn fill(conn: &rusqlite::Connection, problems: u32, responses: u32) {
    let mut rng = Rng(0x5eed_cafe);
    let now = "2026-12-01T00:00:00.000Z";
    conn.execute_batch("BEGIN").unwrap();
    let ids: Vec<String> = (0..problems)
        .map(|_| ProblemId::new().to_string())
        .collect();
    {
        let mut p = conn
            .prepare(
                "INSERT INTO problems (id, title, channel, reported_on, first_seen, last_seen,
                    created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4, ?4, ?5, ?5)",
            )
            .unwrap();
        for (i, id) in ids.iter().enumerate() {
            let day = last_day() - chrono::Duration::days(rng.below(DAYS as u64) as i64);
            p.execute(params![
                id,
                format!("Problem {i}: refund not received"),
                CHANNELS[rng.below(7) as usize],
                day.to_string(),
                now
            ])
            .unwrap();
        }
        let mut r = conn.prepare(INSERT).unwrap();
        for _ in 0..responses {
            insert_row(&mut r, &answer(&mut rng, &ids), now);
        }
        // Reports with contact times: two a problem on average.
        let mut o = conn
            .prepare(
                "INSERT INTO occurrences (id, problem_id, occurred_on, channel, author, created_at,
                    opened_at, resolved_at) VALUES (?1, ?2, ?3, ?4, 'gen', ?5, ?6, ?7)",
            )
            .unwrap();
        for _ in 0..problems * 2 {
            let at = (rng.unit().powi(4) * ids.len() as f64) as usize;
            let day = last_day() - chrono::Duration::days(rng.below(DAYS as u64) as i64);
            let opened = day.and_hms_opt(8, 0, 0).unwrap().and_utc();
            let resolved = opened + chrono::Duration::minutes(30 + rng.below(5_000) as i64);
            o.execute(params![
                uuid::Uuid::now_v7().to_string(),
                ids[at.min(ids.len() - 1)],
                day.to_string(),
                CHANNELS[rng.below(7) as usize],
                now,
                rootwise_core::time::to_text(opened),
                rootwise_core::time::to_text(resolved)
            ])
            .unwrap();
        }
        // Three done actions on the busiest problem.
        let mut a = conn
            .prepare(
                "INSERT INTO actions (id, problem_id, title, kind, status, done_on, created_at, updated_at)
                 VALUES (?1, ?2, ?3, 'corrective', 'done', ?4, ?5, ?5)",
            )
            .unwrap();
        for (i, days_ago) in [300, 180, 60].into_iter().enumerate() {
            a.execute(params![
                uuid::Uuid::now_v7().to_string(),
                ids[0],
                format!("Fix {i}"),
                (last_day() - chrono::Duration::days(days_ago)).to_string(),
                now
            ])
            .unwrap();
        }
    }
    conn.execute_batch("COMMIT; ANALYZE;").unwrap();
}

/// The generated workspace, made once per size and schema version.
fn workspace(problems: u32, responses: u32) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-workspaces");
    std::fs::create_dir_all(&dir).expect("bench dir");
    let path = dir.join(format!(
        "metrics-{problems}-{responses}-v{}.db",
        rootwise_core::SCHEMA_VERSION
    ));
    if !path.exists() {
        let partial = path.with_extension("partial");
        let _ = std::fs::remove_file(&partial);
        let started = Instant::now();
        drop(Workspace::open(&partial).expect("create"));
        // No journal while the fixture is written (a fresh file: nothing to
        // roll back to), so the disk holds the file once, not twice.
        let conn = rusqlite::Connection::open(&partial).expect("open");
        conn.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
            .expect("pragmas");
        fill(&conn, problems, responses);
        conn.execute_batch("PRAGMA journal_mode = WAL;")
            .expect("wal");
        drop(conn);
        eprintln!(
            "generated {problems} problems and {responses} answers in {:.1?}",
            started.elapsed()
        );
        std::fs::rename(&partial, &path).expect("rename");
    }
    path
}

/// A CSV of `n` answers (kind, score, day, channel, comment, ticket,
/// problem id for a fifth) and the same rows for the bare loop.
fn csv_file(n: u32, problems: &[String]) -> (String, Vec<Row>) {
    let mut rng = Rng(0xfeed_f00d);
    let rows: Vec<Row> = (0..n).map(|_| answer(&mut rng, problems)).collect();
    let mut text = String::from("kind,score,day,channel,comment,ticket,problem\n");
    for r in &rows {
        // CES answers of the file are on seven points, easy end low.
        let (kind, score) = match r.2 {
            Some(5) => ("csat", r.1),
            _ => (r.0, r.1),
        };
        text.push_str(&format!(
            "{kind},{score},{},{},{},{},{}\n",
            r.4,
            r.5,
            r.6,
            r.7,
            r.8.as_deref().unwrap_or("")
        ));
    }
    let rows = rows
        .into_iter()
        .map(|r| match r.2 {
            Some(5) => ("csat", r.1, None, None, r.4, r.5, r.6, r.7, r.8),
            _ => r,
        })
        .collect();
    (text, rows)
}

fn bare_insert(path: &Path, rows: &[Row]) -> Duration {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
    )
    .unwrap();
    let started = Instant::now();
    conn.execute_batch("BEGIN").unwrap();
    {
        let now = rootwise_core::time::to_text(rootwise_core::time::now());
        let mut r = conn.prepare_cached(INSERT).unwrap();
        for a in rows {
            insert_row(&mut r, a, &now);
        }
    }
    conn.execute_batch("COMMIT").unwrap();
    started.elapsed()
}

fn import_file(path: &Path, text: &str) -> Duration {
    let mut ws = Workspace::open(path).unwrap();
    let mapping = import::ColumnMapping {
        kind: Some(0),
        score: 1,
        responded_on: 2,
        channel: Some(3),
        comment: Some(4),
        ticket_ref: Some(5),
        problem: Some(6),
        ces_scale: Some(7),
        ces_easy: Some(metrics::CesEasy::Low),
        ..import::ColumnMapping::default()
    };
    let started = Instant::now();
    let out = import::import(
        &mut ws,
        "bench",
        text,
        &mapping,
        false,
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    let took = started.elapsed();
    assert!(out.value.issues.is_empty(), "{:?}", out.value.issues);
    took
}

/// Import against the bare loop, each on a fresh copy of a small
/// workspace, alternating so the machine's noise touches both alike.
fn import_side_by_side(n: u32) {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.db");
    let problems: Vec<String> = {
        let ws = Workspace::open(&base).unwrap();
        fill(ws.conn(), 1_000, 0);
        let ids: Vec<String> = ws
            .conn()
            .prepare("SELECT id FROM problems")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        ids
    };
    let (text, rows) = csv_file(n, &problems);
    let fresh = |name: String| {
        let path = dir.path().join(name);
        std::fs::copy(&base, &path).unwrap();
        path
    };
    let (mut imports, mut bares) = (Vec::new(), Vec::new());
    let gone = |path: &Path| {
        for end in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{end}", path.display()));
        }
    };
    for round in 0..5 {
        let path = fresh(format!("bare{round}.db"));
        bares.push(bare_insert(&path, &rows));
        gone(&path);
        let path = fresh(format!("import{round}.db"));
        imports.push(import_file(&path, &text));
        gone(&path);
    }
    imports.sort();
    bares.sort();
    let (i, b) = (imports[2].as_secs_f64(), bares[2].as_secs_f64());
    eprintln!(
        "import {n} answers: median {:.0} ms ({:.0} rows/s); bare insert loop {:.0} ms ({:.0} rows/s); import rate = {:.2} × bare (budget ≥ 0.5)",
        i * 1e3,
        f64::from(n) / i,
        b * 1e3,
        f64::from(n) / b,
        b / i
    );
}

fn bench(c: &mut Criterion) {
    let problems = env("ROOTWISE_BENCH_PROBLEMS", 100_000);
    let responses = env("ROOTWISE_BENCH_RESPONSES", 1_000_000);
    let path = workspace(problems, responses);
    let ws = Workspace::open(&path).expect("open");
    let busiest: ProblemId = ws
        .conn()
        .query_row("SELECT problem_id FROM actions LIMIT 1", [], |r| r.get(0))
        .unwrap();
    let year = |channel: Option<Channel>, granularity| DashboardQuery {
        from: last_day() - chrono::Duration::days(364),
        to: last_day(),
        channel,
        problem_id: None,
        granularity,
        touchpoint_id: None,
        segment: None,
    };
    let cases: Vec<(&str, DashboardQuery)> = vec![
        (
            "dashboard_year_chat_weekly",
            year(Some(Channel::Chat), Granularity::Week),
        ),
        (
            "dashboard_year_email_monthly",
            year(Some(Channel::Email), Granularity::Month),
        ),
        (
            "dashboard_year_all_channels_weekly",
            year(None, Granularity::Week),
        ),
        (
            "dashboard_year_busiest_problem",
            DashboardQuery {
                problem_id: Some(busiest),
                ..year(None, Granularity::Week)
            },
        ),
    ];
    for (name, q) in &cases {
        percentiles(name, || {
            black_box(metrics::dashboard(ws.conn(), q).unwrap());
        });
    }
    percentiles("before_after_busiest_problem", || {
        black_box(metrics::fix_effects(ws.conn(), busiest, 8).unwrap());
    });
    let answers: u32 = ws
        .conn()
        .query_row(
            "SELECT count(*) FROM survey_responses WHERE problem_id = ?1",
            [busiest],
            |r| r.get(0),
        )
        .unwrap();
    eprintln!("(the busiest problem has {answers} answers)");
    import_side_by_side(env("ROOTWISE_BENCH_IMPORT", 100_000));

    let mut group = c.benchmark_group("metrics");
    group.sample_size(20);
    let (name, q) = &cases[0];
    group.bench_function(*name, |b| {
        b.iter(|| black_box(metrics::dashboard(ws.conn(), q).unwrap()))
    });
    group.bench_function("before_after_busiest_problem", |b| {
        b.iter(|| black_box(metrics::fix_effects(ws.conn(), busiest, 8).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
