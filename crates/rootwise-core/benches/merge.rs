//! Merging a change file (issue 13: "10,000 changes into a 100,000-problem
//! workspace in under 5 s"): a copy of the generated workspace (see
//! `common::workspace`, made once and cached) makes 10,000 single-row
//! writes, as people do on a workshop laptop: new problems, titles and
//! owners of existing problems changed, reports logged. Its change file for
//! the team's copy is then merged into a fresh copy of the team's file each
//! iteration (a merge commits, so every iteration needs one that has not
//! merged it yet; copying it is not timed).
//!
//! `ROOTWISE_BENCH_PROBLEMS` sets the workspace's size, `ROOTWISE_BENCH_CHANGES`
//! the number of changes (default 10,000). Prints the change file's size.
//! Run with `cargo bench -p rootwise-core --bench merge`.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use rootwise_core::ids::ProblemId;
use rootwise_core::problem::{self, NewOccurrence, NewProblem, ProblemEdit};
use rootwise_core::sync::copy::{copy_for_workshop, export_for};
use rootwise_core::sync::merge::merge_file;
use rootwise_core::sync::replica;
use rootwise_core::{time, workflow, Workspace};

mod common;

fn changes() -> u32 {
    std::env::var("ROOTWISE_BENCH_CHANGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}

const OWNERS: &[&str] = &["Omar Haddad", "Lina Mansour", "ريم الحربي", "Huda"];
const TITLES: &[&str] = &[
    "Refund stuck at the bank step",
    "Courier leaves parcels at the wrong door",
    "رمز التحقق يصل بعد انتهاء صلاحيته",
    "Invoice PDF is empty on iOS",
];

/// A small deterministic sequence (the same writes every run).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// `count` single-row writes on `ws`, one change each: 30% new problems,
/// 20% titles and 20% owners of existing problems changed, 30% reports
/// logged on existing problems.
fn workshop_writes(ws: &mut Workspace, count: u32) {
    let existing: Vec<ProblemId> = {
        let mut stmt = ws
            .conn()
            .prepare("SELECT id FROM problems WHERE deleted_at IS NULL")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let me = replica(ws.conn()).unwrap().replica_id;
    let own = |ws: &Workspace| -> u32 {
        ws.conn()
            .query_row(
                "SELECT count(*) FROM change_log WHERE replica_id = ?1",
                [&me],
                |r| r.get(0),
            )
            .unwrap()
    };
    let mut rng = Lcg(13);
    let today = time::today_utc();
    // Until there are `count` changes: an edit that sets what is there
    // already (the same owner) changes nothing and is not one.
    let mut i: u32 = 0;
    while own(ws) < count {
        i += 1;
        let p = existing[rng.below(existing.len())];
        let title = TITLES[rng.below(TITLES.len())];
        ws.write("Mona", |w| match i % 10 {
            0..=2 => problem::create(
                w,
                &NewProblem {
                    title: format!("{title} (workshop #{i})"),
                    owner: Some(OWNERS[i as usize % OWNERS.len()].into()),
                    tags: Some(vec!["workshop".into()]),
                    ..NewProblem::default()
                },
            )
            .map(|_| ()),
            3 | 4 => workflow::edit_problem(w, p, &ProblemEdit::Title(format!("{title} #{i}")))
                .map(|_| ()),
            5 | 6 => workflow::edit_problem(
                w,
                p,
                &ProblemEdit::Owner(OWNERS[i as usize % OWNERS.len()].into()),
            )
            .map(|_| ()),
            _ => workflow::log_occurrence(
                w,
                p,
                &NewOccurrence {
                    occurred_on: Some(today),
                    ticket_ref: Some(format!("ZD-{}", 500_000 + i)),
                    note: Some("Raised again in the workshop".into()),
                    ..NewOccurrence::default()
                },
            )
            .map(|_| ()),
        })
        .unwrap();
    }
}

/// A fresh copy of `from` at `to` (with nothing left of an earlier one).
fn fresh_copy(from: &Path, to: &Path) -> Workspace {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", to.display()));
    }
    std::fs::copy(from, to).expect("copy");
    Workspace::open(to).expect("open")
}

fn bench(c: &mut Criterion) {
    let n = common::size();
    let cached = common::workspace(n);
    let scratch = tempfile::tempdir().expect("temp dir");
    let team_path = scratch.path().join("team.db");
    let laptop_path = scratch.path().join("laptop.db");
    let target = scratch.path().join("merging.db");

    // The team's copy and the laptop's, made from it.
    let started = Instant::now();
    let team_id = {
        let team = fresh_copy(&cached, &team_path);
        copy_for_workshop(&team, &laptop_path, "Workshop laptop").unwrap();
        replica(team.conn()).unwrap().replica_id
    };
    let mut laptop = Workspace::open(&laptop_path).unwrap();
    eprintln!("copies made in {:.1?}", started.elapsed());

    let count = changes();
    let started = Instant::now();
    workshop_writes(&mut laptop, count);
    eprintln!("{count} writes on the laptop in {:.1?}", started.elapsed());
    let started = Instant::now();
    let bytes = export_for(laptop.conn(), Some(&team_id)).unwrap();
    eprintln!(
        "change file: {count} changes, {} bytes ({:.1} KiB), exported in {:.1?}",
        bytes.len(),
        bytes.len() as f64 / 1024.0,
        started.elapsed()
    );
    drop(laptop);

    // Once, with what the merge did.
    let mut ws = fresh_copy(&team_path, &target);
    let started = Instant::now();
    let merged = merge_file(&mut ws, "Karim", &bytes).unwrap().summary;
    eprintln!(
        "merged {} of {} changes into {n} problems in {:.2?}",
        merged.applied,
        merged.received,
        started.elapsed()
    );
    assert_eq!(merged.applied, count);
    drop(ws);

    let mut group = c.benchmark_group("merge");
    group.sample_size(10);
    // Each sample is one merge of several seconds (criterion's warm-up
    // runs one too).
    group.warm_up_time(Duration::from_millis(1));
    group.measurement_time(Duration::from_secs(60));
    group.bench_function(format!("merge_{count}_changes_into_{n}_problems"), |b| {
        b.iter_batched(
            || fresh_copy(&team_path, &target),
            |mut ws| {
                merge_file(&mut ws, "Karim", &bytes).unwrap();
                ws
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default();
    targets = bench
}
criterion_main!(benches);
