//! Benchmarks for 5-Whys trees: loading a 1,000-node tree with its evidence
//! and checks (budget: under 20 ms), and the writes a typing session makes.
//! Run with `make bench` or `cargo bench -p rootwise-core --bench analysis`.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use rootwise_core::analysis::{self, WhyEdit};
use rootwise_core::{generate, workflow, Workspace};

fn trees(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("tree.db")).unwrap();
    let a = generate::analysis_tree(&mut ws, 1_000, 4, 11).unwrap();
    let tree = analysis::tree(ws.conn(), a).unwrap();
    assert_eq!(tree.nodes.len(), 1_000);
    let deep = tree.nodes.last().unwrap().id;

    let mut g = c.benchmark_group("analysis");
    g.bench_function("load a 1,000-node tree with checks", |b| {
        b.iter(|| black_box(analysis::tree(ws.conn(), a).unwrap()))
    });
    let mut i = 0u64;
    g.bench_function("commit a typed cause text", |b| {
        b.iter(|| {
            i += 1;
            ws.write("Bench", |w| {
                workflow::edit_why(w, deep, &WhyEdit::Text(format!("Typed text {i}")))
            })
            .unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, trees);
criterion_main!(benches);
