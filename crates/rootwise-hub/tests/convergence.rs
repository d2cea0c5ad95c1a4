//! Convergence across the hub: three copies of a workspace make random
//! sequences of the app's own writes offline (with conflicts and deletes
//! against edits) and sync through a real hub over HTTP in random orders;
//! once all have synced, all hold the same data. The cases are the
//! change-file property's own (`rootwise-core/tests/support/convergence.rs`),
//! with every exchange made through the hub instead: the sender syncs
//! (pushes), then the receiver syncs (pulls, page by small page).
//!
//! `PROPTEST_CASES` sets the number of cases (6 by default, a fixed seed).
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

#[path = "../../rootwise-core/tests/support/convergence.rs"]
mod support;

use proptest::test_runner::{Config, RngSeed, TestRunner};
use rootwise_core::sync::hub;
use rootwise_core::sync::merge::MergeSummary;
use rootwise_core::sync::replica;
use rootwise_core::Workspace;
use rootwise_hub::client::HttpTransport;
use support::{run_case, step, Exchange, Totals};

struct ViaHub {
    hub: common::TestHub,
    token: String,
    key: String,
    cases: u32,
}

impl Exchange for ViaHub {
    fn start(&mut self, copies: &[Workspace]) {
        let id = replica(copies[0].conn()).unwrap().workspace_id;
        self.cases += 1;
        self.hub.workspace(&id, &["team"]);
        self.key = format!("{} {id}", self.hub.address);
    }

    fn exchange(
        &mut self,
        copies: &mut [Workspace],
        from: usize,
        to: usize,
        people: &[&str],
    ) -> rootwise_core::Result<Vec<MergeSummary>> {
        let mut http = HttpTransport::new(&self.hub.address, &self.token)?;
        let sent = hub::sync(&mut copies[from], people[from], &self.key, &mut http, 7)?;
        let got = hub::sync(&mut copies[to], people[to], &self.key, &mut http, 7)?;
        Ok(vec![sent.merged, got.merged])
    }
}

#[test]
fn copies_that_sync_through_the_hub_in_any_order_end_up_the_same() {
    let cases: u32 = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(6);
    let hub = common::TestHub::start();
    let token = hub.user("team");
    let via = ViaHub {
        hub,
        token,
        key: String::new(),
        cases: 0,
    };
    let defaults = Config::default();
    let rng_seed = if std::env::var_os("PROPTEST_CASES").is_some() {
        defaults.rng_seed
    } else {
        RngSeed::Fixed(20_261_207)
    };
    let mut runner = TestRunner::new(Config {
        cases,
        rng_seed,
        failure_persistence: None,
        ..defaults
    });
    let totals = std::cell::RefCell::new(Totals::default());
    let via = std::cell::RefCell::new(via);
    let result = runner.run(&proptest::collection::vec(step(), 35..=45), |steps| {
        run_case(&steps, &mut totals.borrow_mut(), &mut *via.borrow_mut())
    });
    eprintln!("{cases} cases through the hub: {:?}", totals.borrow());
    if let Err(e) = result {
        panic!("{e}");
    }
    let totals = totals.into_inner();
    assert!(totals.applied > 0 && totals.overwritten > 0, "{totals:?}");
}
