//! The hub under load (`make bench-hub`): 200 clients on 127.0.0.1, each
//! pushing 500 changes in batches and pulling a page after each push, for
//! at most two minutes; then the same with the hub killed, and with
//! PostgreSQL restarted, part way. Reports changes per second, the
//! push-and-pull round's p50/p95/p99, the retried requests, and whether
//! the hub holds exactly the union of the pushes, each once.
//! `HUB_CLIENTS`, `HUB_CHANGES` change the size.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Duration;

use common::load::{self, Fault, Load};
use common::TestHub;

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let base = Load {
        clients: env("HUB_CLIENTS", 200),
        changes: env("HUB_CHANGES", 500),
        batch: 25,
        change_bytes: 300,
        page: 500,
        limit: Duration::from_secs(120),
        fault: None,
    };
    let runs = [
        ("no fault", None),
        (
            "hub killed after 5 s",
            Some((Fault::KillHub, Duration::from_secs(5))),
        ),
        (
            "PostgreSQL restarted after 5 s",
            Some((Fault::RestartPostgres, Duration::from_secs(5))),
        ),
    ];
    let mut hub = TestHub::start_sized(rootwise_hub::server::BODY_LIMIT, 2, 16);
    println!(
        "{} clients x {} changes ({} per push, {} bytes each), pulling up to {} after each push",
        base.clients, base.changes, base.batch, base.change_bytes, base.page
    );
    for (name, fault) in runs {
        let run = Load {
            fault,
            ..base.clone()
        };
        let (report, workspace) = load::run(&mut hub, &run);
        let (stamps, rows) = load::stored(&hub, &workspace);
        let exact = stamps == report.stamps && rows == stamps.len();
        println!(
            "{name}: {} changes in {:.1} s = {:.0} changes/s; round p50 {:?} p95 {:?} p99 {:?}; \
             {} rounds; {} retried requests; {} clients cut short; pulled {}; hub holds the union once each: {}",
            report.pushed,
            report.elapsed.as_secs_f64(),
            report.pushed as f64 / report.elapsed.as_secs_f64(),
            report.quantile(0.50),
            report.quantile(0.95),
            report.quantile(0.99),
            report.rounds.len(),
            report.retried,
            report.cut_short,
            report.pulled,
            exact
        );
        assert!(exact, "{name}: the hub lost or doubled changes");
    }
}
