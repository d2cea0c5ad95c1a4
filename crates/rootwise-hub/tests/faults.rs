//! Faults during load: the hub killed (every connection cut, requests in
//! flight lost) or PostgreSQL restarted while clients push and pull. The
//! clients retry; afterwards the hub holds exactly the union of what they
//! pushed, each change once. Small here (`make test`); `make bench-hub`
//! runs 200 clients.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use common::load::{self, Fault, Load};
use common::TestHub;

fn small(fault: Fault) -> Load {
    Load {
        clients: 16,
        changes: 120,
        batch: 4,
        change_bytes: 200,
        page: 200,
        limit: Duration::from_secs(120),
        fault: Some((fault, Duration::from_millis(700))),
    }
}

/// Runs the small load with `fault`: every client pushes everything, and
/// the hub holds exactly the union of the pushes, each once.
fn survives(fault: Fault) {
    let mut hub = TestHub::start_sized(rootwise_hub::server::BODY_LIMIT, 2, 8);
    let (report, workspace) = load::run(&mut hub, &small(fault));
    assert_eq!(report.cut_short, 0, "every client pushed everything");
    assert_eq!(report.pushed, 16 * 120);
    let (stamps, rows) = load::stored(&hub, &workspace);
    assert_eq!(rows, stamps.len(), "no change stored twice");
    assert_eq!(stamps, report.stamps, "exactly the union of the pushes");
    assert!(report.retried > 0, "the fault was felt: {report:?}");
    eprintln!(
        "{fault:?}: {} changes, {} retried requests, p95 round {:?}",
        report.pushed,
        report.retried,
        report.quantile(0.95)
    );
}

#[test]
fn nothing_is_lost_or_doubled_when_the_hub_is_killed_during_a_load() {
    survives(Fault::KillHub);
}

#[test]
fn nothing_is_lost_or_doubled_when_postgres_restarts_during_a_load() {
    survives(Fault::RestartPostgres);
}
