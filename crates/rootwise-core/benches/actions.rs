//! Benchmarks for corrective actions on a generated workspace of 50,000
//! actions (`ROOTWISE_BENCH_ACTIONS` sets another size). Budgets: a
//! filtered table page p95 under 10 ms; the overview's figures under 50 ms.
//!
//! Besides criterion's estimates, each case is first timed on its own 300
//! times and its median and p95 printed, since the budget is a percentile.
//! The workspace is generated once into `target/bench-workspaces/`.
//! Run with `make bench` or `cargo bench -p rootwise-core --bench actions`.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion};

mod common;
use common::percentiles;
use rootwise_core::action::{self, ActionKind, ActionQuery, ActionSort, ActionStatus, DueFilter};
use rootwise_core::{generate, time, Workspace};

fn size() -> u32 {
    std::env::var("ROOTWISE_BENCH_ACTIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50_000)
}

/// The generated workspace, made once per size and schema version.
fn workspace(n: u32) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-workspaces");
    std::fs::create_dir_all(&dir).expect("bench dir");
    let path = dir.join(format!("actions-{n}-v{}.db", rootwise_core::SCHEMA_VERSION));
    if !path.exists() {
        let partial = path.with_extension("partial");
        let _ = std::fs::remove_file(&partial);
        let started = Instant::now();
        let mut ws = Workspace::open(&partial).expect("open");
        generate::actions(&mut ws, n, 7).expect("generate");
        drop(ws);
        eprintln!("generated {n} actions in {:.1?}", started.elapsed());
        std::fs::rename(&partial, &path).expect("rename");
    }
    path
}

fn bench(c: &mut Criterion) {
    let n = size();
    let path = workspace(n);
    let ws = Workspace::open(&path).expect("open");
    let today = time::today_utc();
    let problem: String = ws
        .conn()
        .query_row(
            "SELECT problem_id FROM actions GROUP BY problem_id ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let page = |q: ActionQuery| ActionQuery {
        today: Some(today),
        limit: 100,
        ..q
    };
    let queries: Vec<(&str, ActionQuery)> = vec![
        ("table_first_page_by_due", page(ActionQuery::default())),
        (
            "table_middle_page_by_due",
            page(ActionQuery {
                offset: n / 2,
                ..ActionQuery::default()
            }),
        ),
        (
            "table_unfinished_by_priority",
            page(ActionQuery {
                statuses: vec![
                    ActionStatus::Open,
                    ActionStatus::InProgress,
                    ActionStatus::NotEffective,
                ],
                sort: ActionSort::Priority,
                ..ActionQuery::default()
            }),
        ),
        (
            "table_overdue_corrective_by_due",
            page(ActionQuery {
                kinds: vec![ActionKind::Corrective],
                due: Some(DueFilter::Overdue),
                ..ActionQuery::default()
            }),
        ),
        (
            "table_due_this_week",
            page(ActionQuery {
                due: Some(DueFilter::ThisWeek),
                ..ActionQuery::default()
            }),
        ),
        (
            "my_actions_owner_unfinished",
            page(ActionQuery {
                owner: Some("ريم الحربي".into()),
                statuses: vec![
                    ActionStatus::Open,
                    ActionStatus::InProgress,
                    ActionStatus::NotEffective,
                    ActionStatus::Done,
                ],
                ..ActionQuery::default()
            }),
        ),
        (
            "table_one_problem",
            page(ActionQuery {
                problem_id: Some(problem.clone()),
                ..ActionQuery::default()
            }),
        ),
        (
            "table_undated_by_updated",
            page(ActionQuery {
                due: Some(DueFilter::NoDate),
                sort: ActionSort::Updated,
                ..ActionQuery::default()
            }),
        ),
        (
            "board_column_done",
            ActionQuery {
                statuses: vec![ActionStatus::Done],
                limit: 200,
                today: Some(today),
                ..ActionQuery::default()
            },
        ),
    ];
    for (name, q) in &queries {
        let total = action::query(ws.conn(), q).unwrap().total;
        percentiles(&format!("{name} ({total} match)"), || {
            black_box(action::query(ws.conn(), q).unwrap());
        });
    }
    percentiles("overview", || {
        black_box(action::overview(ws.conn(), today).unwrap());
    });
    percentiles("reminder", || {
        black_box(action::reminder(ws.conn(), today).unwrap());
    });

    let mut g = c.benchmark_group("actions");
    for (name, q) in &queries {
        g.bench_function(*name, |b| {
            b.iter(|| black_box(action::query(ws.conn(), q).unwrap()))
        });
    }
    g.bench_function("overview", |b| {
        b.iter(|| black_box(action::overview(ws.conn(), today).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
