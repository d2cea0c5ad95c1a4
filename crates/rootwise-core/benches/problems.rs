//! Benchmarks for the problem store on a generated workspace.
//!
//! `ROOTWISE_BENCH_PROBLEMS` sets the workspace size (default 100,000).
//! Run with `make bench` or `cargo bench -p rootwise-core`.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use rootwise_core::problem::{self, NewProblem};
use rootwise_core::{generate, search, Workspace};

fn size() -> u32 {
    std::env::var("ROOTWISE_BENCH_PROBLEMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000)
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    let n = size();
    {
        let mut ws = Workspace::open(&path).expect("open");
        generate::problems(&mut ws, n, 7).expect("generate");
    }
    let mut ws = Workspace::open(&path).expect("reopen");

    let mut group = c.benchmark_group(format!("problems_{n}"));
    group.bench_function("list_first_page_50", |b| {
        b.iter(|| black_box(problem::list(ws.conn(), 0, 50).unwrap()))
    });
    group.bench_function("list_middle_page_50", |b| {
        b.iter(|| black_box(problem::list(ws.conn(), n / 2, 50).unwrap()))
    });
    group.bench_function("search_arabic_word", |b| {
        b.iter(|| black_box(search::search(ws.conn(), "الفاتورة", 50).unwrap()))
    });
    group.bench_function("search_english_prefix", |b| {
        b.iter(|| black_box(search::search(ws.conn(), "refu", 50).unwrap()))
    });
    group.bench_function("create_one", |b| {
        b.iter(|| {
            ws.write("bench", |w| {
                problem::create(
                    w,
                    &NewProblem {
                        title: "Benchmark problem".into(),
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
    config = Criterion::default().sample_size(50);
    targets = bench
}
criterion_main!(benches);
