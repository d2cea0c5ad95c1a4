//! Benchmarks for an empathy-map board of 500 notes
//! (`ROOTWISE_BENCH_NOTES` sets another size): reading the whole board,
//! which is what opening it costs in the core, and one note move. The
//! budget for opening a board (core and UI together) is 300 ms; the UI's
//! share is measured by `make bench-ui`.
//!
//! The workspace is generated once into `target/bench-workspaces/`.
//! Run with `make bench` or `cargo bench -p rootwise-core --bench empathy`.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use rootwise_core::empathy::{self, Area, NoteEdit};
use rootwise_core::ids::MapId;
use rootwise_core::{generate, workflow, Workspace};

mod common;
use common::percentiles;

fn size() -> u32 {
    std::env::var("ROOTWISE_BENCH_NOTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(500)
}

/// The generated workspace, made once per size and schema version.
fn workspace(n: u32) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-workspaces");
    std::fs::create_dir_all(&dir).expect("bench dir");
    let path = dir.join(format!("board-{n}-v{}.db", rootwise_core::SCHEMA_VERSION));
    if !path.exists() {
        let partial = path.with_extension("partial");
        let _ = std::fs::remove_file(&partial);
        let mut ws = Workspace::open(&partial).expect("open");
        generate::empathy_board(&mut ws, n, 7).expect("generate");
        drop(ws);
        std::fs::rename(&partial, &path).expect("rename");
    }
    path
}

fn bench(c: &mut Criterion) {
    let n = size();
    let path = workspace(n);
    let mut ws = Workspace::open(&path).expect("open");
    let map: MapId = ws
        .conn()
        .query_row("SELECT id FROM empathy_maps LIMIT 1", [], |r| r.get(0))
        .unwrap();
    let note = workflow::board(ws.conn(), map).unwrap().notes[0].id;

    percentiles(&format!("board of {n} notes"), || {
        black_box(workflow::board(ws.conn(), map).unwrap());
    });
    let mut flip = false;
    let mut move_once = |ws: &mut Workspace| {
        flip = !flip;
        let area = if flip { Area::Gains } else { Area::Says };
        ws.write("bench", |w| {
            empathy::edit_note(w, note, &NoteEdit::Move { area, before: None })
        })
        .unwrap();
    };
    percentiles("move a note to another area", || move_once(&mut ws));

    let mut group = c.benchmark_group("empathy");
    group.bench_function("board", |b| {
        b.iter(|| black_box(workflow::board(ws.conn(), map).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
