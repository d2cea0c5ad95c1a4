//! The report's budgets: one problem with a 200-cause tree and 30 actions
//! under 1.5 s; the monthly report of 50 closed problems under 15 s.
//! Prints the PDF sizes. `cargo bench -p rootwise-report`.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use rootwise_core::Workspace;
use rootwise_report::{gather, gather_period, Lang, Paper, RenderOptions};

fn opts(paper: Paper) -> RenderOptions {
    RenderOptions {
        paper,
        workspace: "Bench".into(),
        author: "Bench".into(),
        date: common::today(),
    }
}

fn bench(c: &mut Criterion) {
    let mut ws = Workspace::open_in_memory().unwrap();
    let big = common::problem_with(&mut ws, 0, 200, 30, false);
    for i in 1..=50 {
        common::problem_with(&mut ws, i, 20, 4, true);
    }
    let today = common::today();
    let start = std::time::Instant::now();
    rootwise_report::warm_up();
    eprintln!("warm-up (fonts, Typst library): {:?}", start.elapsed());
    for (lang, paper) in [
        (Lang::En, Paper::A3Landscape),
        (Lang::Ar, Paper::A3Landscape),
        (Lang::Ar, Paper::A4Portrait),
    ] {
        let start = std::time::Instant::now();
        let r = gather(ws.conn(), big, lang).unwrap();
        let pdf = rootwise_report::problem_pdf(&r, &opts(paper)).unwrap();
        let took = start.elapsed();
        let html = rootwise_report::problem_html(&r, &opts(paper));
        eprintln!(
            "200 causes, 30 actions, {lang:?} {paper:?}: PDF {} KB in {took:?} (first), HTML {} KB",
            pdf.len() / 1024,
            html.len() / 1024
        );
    }
    let month = gather_period(
        ws.conn(),
        today - chrono::Duration::days(30),
        today,
        Lang::En,
    )
    .unwrap();
    assert_eq!(month.problems.len(), 50);
    let pdf = rootwise_report::period_pdf(&month, &opts(Paper::A3Landscape)).unwrap();
    eprintln!("50 problems, monthly: PDF {} KB", pdf.len() / 1024);

    let mut g = c.benchmark_group("report");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    // Each PDF iteration starts with Typst's memo cache empty, as a new
    // report does (fonts and library stay parsed, as in the app).
    g.bench_function(
        "one problem, 200 causes, 30 actions, A3 PDF (budget 1.5 s)",
        |b| {
            b.iter(|| {
                typst::comemo::evict(0);
                let r = gather(ws.conn(), big, Lang::Ar).unwrap();
                rootwise_report::problem_pdf(&r, &opts(Paper::A3Landscape)).unwrap()
            })
        },
    );
    g.bench_function("one problem, 200 causes, 30 actions, HTML", |b| {
        b.iter(|| {
            let r = gather(ws.conn(), big, Lang::Ar).unwrap();
            rootwise_report::problem_html(&r, &opts(Paper::A3Landscape))
        })
    });
    g.sample_size(10).measurement_time(Duration::from_secs(60));
    g.bench_function("monthly report, 50 problems, A3 PDF (budget 15 s)", |b| {
        b.iter(|| {
            typst::comemo::evict(0);
            let m = gather_period(
                ws.conn(),
                today - chrono::Duration::days(30),
                today,
                Lang::En,
            )
            .unwrap();
            rootwise_report::period_pdf(&m, &opts(Paper::A3Landscape)).unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
