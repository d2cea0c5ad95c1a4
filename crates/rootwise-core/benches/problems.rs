//! Benchmarks for the problem log on a generated workspace.
//!
//! `ROOTWISE_BENCH_PROBLEMS` sets the size (default 100,000 problems, with
//! about three occurrences each). The workspace is generated once into
//! `target/bench-workspaces/` and reused by later runs.
//! Run with `make bench` or `cargo bench -p rootwise-core`.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use rootwise_core::problem::{
    self, Channel, NewProblem, ProblemQuery, ProblemSort, Severity, Status,
};
use rootwise_core::{search, Workspace};

mod common;
use common::{size, workspace};

/// A tag and a word only a few problems have (the generated ones share a
/// handful of each): the list must stay fast for rare filters too.
const RARE_TAG: &str = "vip-escalation";
const RARE_WORD: &str = "Zanzibar";

fn bench(c: &mut Criterion) {
    let n = size();
    let path = workspace(n);
    let scratch = tempfile::tempdir().expect("temp dir");
    let copy = scratch.path().join("bench.db");
    std::fs::copy(&path, &copy).expect("copy");
    let mut ws = Workspace::open(&copy).expect("open");
    let occurrences: u32 = ws
        .conn()
        .query_row("SELECT count(*) FROM occurrences", [], |r| r.get(0))
        .unwrap();
    eprintln!("workspace: {n} problems, {occurrences} occurrences");
    ws.write("bench", |w| {
        for i in 0..20 {
            problem::create(
                w,
                &NewProblem {
                    title: format!("{RARE_WORD} branch refund desk closed #{i}"),
                    tags: Some(vec![RARE_TAG.into(), "billing".into()]),
                    reported_on: Some(
                        rootwise_core::time::today_utc() - chrono::Duration::days(i * 30),
                    ),
                    ..NewProblem::default()
                },
            )?;
        }
        Ok(())
    })
    .unwrap();

    let page = |q: ProblemQuery| ProblemQuery { limit: 100, ..q };
    let queries: Vec<(&str, ProblemQuery)> = vec![
        ("list_first_page", page(ProblemQuery::default())),
        (
            "list_middle_page",
            page(ProblemQuery {
                offset: n / 2,
                ..ProblemQuery::default()
            }),
        ),
        (
            "filter_status_sort_severity",
            page(ProblemQuery {
                statuses: vec![Status::New],
                sort: ProblemSort::Severity,
                ..ProblemQuery::default()
            }),
        ),
        (
            "filter_channel_severity_owner_sort_occurrences",
            page(ProblemQuery {
                channels: vec![Channel::Phone, Channel::Email],
                severities: vec![Severity::High, Severity::Critical],
                owner: Some("Omar Haddad".into()),
                sort: ProblemSort::Occurrences,
                ..ProblemQuery::default()
            }),
        ),
        (
            "filter_tag_and_dates_sort_last_seen",
            page(ProblemQuery {
                tag: Some("فواتير".into()),
                reported_from: Some(rootwise_core::time::today_utc() - chrono::Duration::days(180)),
                sort: ProblemSort::LastSeen,
                ..ProblemQuery::default()
            }),
        ),
        (
            "filter_rare_tag_sort_last_seen",
            page(ProblemQuery {
                tag: Some(RARE_TAG.into()),
                sort: ProblemSort::LastSeen,
                ..ProblemQuery::default()
            }),
        ),
        (
            "filter_missing_tag_and_status",
            page(ProblemQuery {
                tag: Some("no-such-tag".into()),
                statuses: vec![Status::New],
                ..ProblemQuery::default()
            }),
        ),
        (
            "search_arabic_without_diacritics",
            page(ProblemQuery {
                text: Some("الفاتوره ضريبه".into()),
                sort: ProblemSort::Relevance,
                ..ProblemQuery::default()
            }),
        ),
        (
            "search_english_prefix_with_filter",
            page(ProblemQuery {
                text: Some("refu".into()),
                statuses: vec![Status::New],
                ..ProblemQuery::default()
            }),
        ),
        (
            "search_rare_word_relevance",
            page(ProblemQuery {
                text: Some(RARE_WORD.to_lowercase()),
                sort: ProblemSort::Relevance,
                ..ProblemQuery::default()
            }),
        ),
        (
            "search_rare_word_with_filter",
            page(ProblemQuery {
                text: Some(RARE_WORD.into()),
                statuses: vec![Status::New],
                sort: ProblemSort::Severity,
                ..ProblemQuery::default()
            }),
        ),
        (
            "search_ticket_reference",
            page(ProblemQuery {
                text: Some("ZD-10042".into()),
                ..ProblemQuery::default()
            }),
        ),
    ];

    let mut group = c.benchmark_group(format!("problems_{n}"));
    for (name, q) in &queries {
        group.bench_function(*name, |b| {
            b.iter(|| black_box(problem::query(ws.conn(), q).unwrap()))
        });
    }
    group.bench_function("search_index_only", |b| {
        b.iter(|| black_box(search::search(ws.conn(), "الفاتورة", 50).unwrap()))
    });
    let some = problem::list(ws.conn(), n / 3, 1).unwrap().items[0].id;
    group.bench_function("open_detail", |b| {
        b.iter(|| black_box(problem::detail(ws.conn(), some).unwrap()))
    });
    group.bench_function("create_one", |b| {
        b.iter(|| {
            ws.write("bench", |w| {
                problem::create(
                    w,
                    &NewProblem {
                        title: "Benchmark problem".into(),
                        ..NewProblem::default()
                    },
                )
            })
            .unwrap()
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(100);
    targets = bench
}
criterion_main!(benches);
