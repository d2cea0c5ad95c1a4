//! Convergence: three copies of a workspace (the team's and two made from
//! it for workshops) make random sequences of the app's own writes and
//! exchange change files in random order, with conflicts (the same field
//! written on two copies before they exchange) and deletes on one side
//! while the other edits. Once every copy has every change, all of them
//! hold the same data, search finds the same things, and what the core
//! derives (counters, copies, the "problem in the trash" flag) is right.
//!
//! `PROPTEST_CASES` sets the number of cases (24 by default; `make
//! soak-merge` runs many more in release mode).
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use proptest::test_runner::{Config, TestRunner};
use rootwise_core::sync::copy::export_for;
use rootwise_core::sync::merge::{merge_file, MergeSummary};
use rootwise_core::sync::replica;
use rootwise_core::Workspace;

#[path = "support/convergence.rs"]
mod support;
use support::{run_case, step, Exchange, Totals};

/// Change files: `from` exports what `to` has not seen, `to` merges it.
struct Files;

impl Exchange for Files {
    fn exchange(
        &mut self,
        copies: &mut [Workspace],
        from: usize,
        to: usize,
        people: &[&str],
    ) -> rootwise_core::Result<Vec<MergeSummary>> {
        let to_id = replica(copies[to].conn())?.replica_id;
        let bytes = export_for(copies[from].conn(), Some(&to_id))?;
        Ok(vec![
            merge_file(&mut copies[to], people[to], &bytes)?.summary,
        ])
    }
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(24)
}

#[test]
fn copies_that_exchange_their_changes_in_any_order_end_up_the_same() {
    let started = Instant::now();
    let defaults = Config::default();
    // `make test` runs the same sequences every time (a fixed seed), so a
    // red run there is a change's doing; a soak (`PROPTEST_CASES` set)
    // explores new ones, and `PROPTEST_RNG_SEED` replays one.
    let rng_seed = if std::env::var_os("PROPTEST_RNG_SEED").is_some()
        || std::env::var_os("PROPTEST_CASES").is_some()
    {
        defaults.rng_seed
    } else {
        proptest::test_runner::RngSeed::Fixed(20_261_207)
    };
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        rng_seed,
        // A case runs on the real clock with random ids: a failing one is
        // reported whole (and shrunk) rather than saved to be replayed.
        failure_persistence: None,
        ..defaults
    });
    let totals = std::cell::RefCell::new(Totals::default());
    let result = runner.run(&proptest::collection::vec(step(), 35..=45), |steps| {
        run_case(&steps, &mut totals.borrow_mut(), &mut Files)
    });
    let totals = totals.into_inner();
    eprintln!("{} cases in {:.1?}: {totals:?}", cases(), started.elapsed());
    if let Err(e) = result {
        panic!("{e}");
    }
    // The property saw what it is about.
    if cases() >= 10 {
        assert!(totals.overwritten > 0 && totals.restored > 0, "{totals:?}");
    }
}
