//! Benchmarks for journey maps on a generated workspace of 100,000
//! problems (`ROOTWISE_BENCH_PROBLEMS` sets another size) with two
//! reports a problem on average over two years, fixes on one problem in
//! twenty, and two maps of 12 stages and 120 touchpoints: one with a fifth
//! of the problems linked (`ROOTWISE_BENCH_LINKED`), one with every
//! problem linked (the worst case). Budget: the pain overlay under 50 ms in
//! the core. The grid and the Markdown export of the busy map are timed
//! too (the map screen's read).
//!
//! The workspace is written straight with SQL (a fixture, not the write
//! path) and kept in `target/bench-workspaces/`.
//! Run with `cargo bench -p rootwise-core --bench journeys`.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use rusqlite::params;

mod common;
use common::percentiles;
use rootwise_core::ids::JourneyId;
use rootwise_core::journey::{self, MarkdownLabels, PainQuery, PainSort};
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

const SEVERITIES: [&str; 4] = ["low", "medium", "high", "critical"];
/// The days the problems and reports span, ending on `last_day`.
const DAYS: u64 = 730;
const STAGES: usize = 12;
const TOUCHPOINTS_PER_STAGE: usize = 10;

fn last_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

/// The two maps' ids (fixed, so the cached workspace names them).
fn maps() -> (JourneyId, JourneyId) {
    (
        "019a0000-0000-7000-8000-00000000a001".parse().unwrap(),
        "019a0000-0000-7000-8000-00000000a002".parse().unwrap(),
    )
}

/// A map of 12 stages of 10 touchpoints, with a card per stage and lane;
/// returns its touchpoints' ids.
fn map_rows(conn: &rusqlite::Connection, id: JourneyId, name: &str, now: &str) -> Vec<String> {
    conn.execute(
        "INSERT INTO journey_maps (id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
        params![id, name, now],
    )
    .unwrap();
    let mut tps = Vec::new();
    for s in 0..STAGES {
        let stage = uuid::Uuid::now_v7().to_string();
        conn.execute(
            "INSERT INTO journey_stages (id, map_id, name, position, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            params![stage, id, format!("Stage {s}"), s as f64 + 1.0, now],
        )
        .unwrap();
        for t in 0..TOUCHPOINTS_PER_STAGE {
            let tp = uuid::Uuid::now_v7().to_string();
            conn.execute(
                "INSERT INTO journey_touchpoints (id, map_id, stage_id, name, position, channel,
                    emotion_current, emotion_target, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'chat', ?6, 2, ?7, ?7)",
                params![
                    tp,
                    id,
                    stage,
                    format!("Touchpoint {s}.{t}"),
                    t as f64 + 1.0,
                    (t % 5) as i64 - 2,
                    now
                ],
            )
            .unwrap();
            tps.push(tp);
        }
        for (k, lane) in journey::Lane::ALL.iter().enumerate() {
            for c in 0..2 {
                conn.execute(
                    "INSERT INTO journey_cards (id, map_id, stage_id, lane, position, text,
                        created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                    params![
                        uuid::Uuid::now_v7().to_string(),
                        id,
                        stage,
                        lane.as_str(),
                        c as f64 + 1.0,
                        format!("Card {s}.{k}.{c}: the customer waits for an answer"),
                        now
                    ],
                )
                .unwrap();
            }
        }
    }
    tps
}

fn fill(conn: &rusqlite::Connection, problems: u32, linked: u32) {
    let mut rng = Rng(0x5eed_1234_abcd);
    let now = rootwise_core::time::to_text(rootwise_core::time::now());
    conn.execute_batch("BEGIN").unwrap();
    {
        let ids: Vec<String> = (0..problems)
            .map(|_| uuid::Uuid::now_v7().to_string())
            .collect();
        let mut p = conn
            .prepare(
                "INSERT INTO problems (id, title, severity, severity_rank, reported_on, first_seen,
                    last_seen, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?5, ?6, ?6)",
            )
            .unwrap();
        for (i, id) in ids.iter().enumerate() {
            let day = last_day() - chrono::Duration::days(rng.below(DAYS) as i64);
            let sev = rng.below(4) as usize;
            p.execute(params![
                id,
                format!("Problem {i}: the refund never arrives"),
                SEVERITIES[sev],
                sev as i64,
                day.to_string(),
                now
            ])
            .unwrap();
        }
        // Two further reports a problem on average, most on a few problems.
        let mut o = conn
            .prepare(
                "INSERT INTO occurrences (id, problem_id, occurred_on, author, created_at)
                 VALUES (?1, ?2, ?3, 'gen', ?4)",
            )
            .unwrap();
        for _ in 0..problems * 2 {
            let at = (rng.unit().powi(3) * ids.len() as f64) as usize;
            let day = last_day() - chrono::Duration::days(rng.below(DAYS) as i64);
            o.execute(params![
                uuid::Uuid::now_v7().to_string(),
                ids[at.min(ids.len() - 1)],
                day.to_string(),
                now
            ])
            .unwrap();
        }
        // One problem in twenty has a fix; two in three of those verified.
        let mut a = conn
            .prepare(
                "INSERT INTO actions (id, problem_id, title, kind, status, active, created_at, updated_at)
                 VALUES (?1, ?2, 'Fix it', 'corrective', ?3, ?4, ?5, ?5)",
            )
            .unwrap();
        for id in ids.iter().step_by(20) {
            let verified = rng.below(3) > 0;
            a.execute(params![
                uuid::Uuid::now_v7().to_string(),
                id,
                if verified {
                    "verified_effective"
                } else {
                    "done"
                },
                !verified,
                now
            ])
            .unwrap();
        }
        let (some, all) = maps();
        let tps = map_rows(conn, some, "A fifth of the problems", &now);
        let mut l = conn
            .prepare(
                "INSERT OR IGNORE INTO journey_touchpoint_problems (touchpoint_id, problem_id)
                 VALUES (?1, ?2)",
            )
            .unwrap();
        for id in ids.iter().take(linked as usize) {
            l.execute(params![tps[rng.below(tps.len() as u64) as usize], id])
                .unwrap();
        }
        let tps = map_rows(conn, all, "Every problem", &now);
        for id in &ids {
            l.execute(params![tps[rng.below(tps.len() as u64) as usize], id])
                .unwrap();
        }
    }
    conn.execute_batch("COMMIT; ANALYZE;").unwrap();
}

/// The generated workspace, made once per size and schema version.
fn workspace(problems: u32, linked: u32) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-workspaces");
    std::fs::create_dir_all(&dir).expect("bench dir");
    let path = dir.join(format!(
        "journeys-{problems}-{linked}-v{}.db",
        rootwise_core::SCHEMA_VERSION
    ));
    if !path.exists() {
        let partial = path.with_extension("partial");
        let _ = std::fs::remove_file(&partial);
        let started = Instant::now();
        drop(Workspace::open(&partial).expect("create"));
        let conn = rusqlite::Connection::open(&partial).expect("open");
        conn.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
            .expect("pragmas");
        fill(&conn, problems, linked);
        conn.execute_batch("PRAGMA journal_mode = WAL;")
            .expect("wal");
        drop(conn);
        eprintln!(
            "generated {problems} problems ({linked} on the first map) in {:.1?}",
            started.elapsed()
        );
        std::fs::rename(&partial, &path).expect("rename");
    }
    path
}

fn bench(c: &mut Criterion) {
    let problems = env("ROOTWISE_BENCH_PROBLEMS", 100_000);
    let linked = env("ROOTWISE_BENCH_LINKED", problems / 5).min(problems);
    let path = workspace(problems, linked);
    let ws = Workspace::open(&path).expect("open");
    let (some, all) = maps();
    let quarter = PainQuery {
        from: last_day() - chrono::Duration::days(90),
        to: last_day(),
        sort: Some(PainSort::Pain),
    };
    let year = PainQuery {
        from: last_day() - chrono::Duration::days(364),
        ..quarter.clone()
    };
    let cases = [
        ("pain_overlay_fifth_linked_quarter", some, &quarter),
        ("pain_overlay_fifth_linked_year", some, &year),
        ("pain_overlay_all_linked_quarter", all, &quarter),
        ("pain_overlay_all_linked_year", all, &year),
    ];
    for (name, map, q) in cases {
        percentiles(name, || {
            black_box(journey::pain_overlay(ws.conn(), map, q).unwrap());
        });
    }
    let pain = journey::pain_overlay(ws.conn(), some, &quarter).unwrap();
    eprintln!(
        "(first map: {} touchpoints, {} problems linked, {} reports in the quarter)",
        pain.len(),
        pain.iter().map(|p| p.problems).sum::<u32>(),
        pain.iter().map(|p| p.occurrences).sum::<u32>()
    );
    percentiles("grid_12_stages_120_touchpoints_168_cards", || {
        black_box(journey::grid(ws.conn(), some).unwrap());
    });
    percentiles("markdown_12_stages_120_touchpoints", || {
        black_box(journey::markdown(ws.conn(), some, &MarkdownLabels::default()).unwrap());
    });

    let mut group = c.benchmark_group("journeys");
    group.sample_size(20);
    group.bench_function("pain_overlay_fifth_linked_quarter", |b| {
        b.iter(|| black_box(journey::pain_overlay(ws.conn(), some, &quarter).unwrap()))
    });
    group.bench_function("pain_overlay_all_linked_year", |b| {
        b.iter(|| black_box(journey::pain_overlay(ws.conn(), all, &year).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
