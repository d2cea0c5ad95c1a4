//! Many clients pushing and pulling at once, for the fault tests (small,
//! in `make test`) and the load benchmark (`make bench-hub`). Each client
//! is a thread with its own HTTP connection and copy id; it pushes its
//! changes in batches, pulling a page after each push, and retries a
//! request that failed (the same request: pushes are idempotent) until it
//! goes through. Traffic goes to 127.0.0.1 only, bounded in count and time.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use base64::Engine as _;
use rootwise_core::sync::hub::{PushRequest, Transport, WireChange};
use rootwise_core::sync::Hlc;
use rootwise_core::SCHEMA_VERSION;
use rootwise_hub::client::HttpTransport;

use super::TestHub;

/// A fault made while the clients run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The hub is killed (every connection cut) and started again.
    KillHub,
    /// PostgreSQL restarts (every database connection cut).
    RestartPostgres,
}

/// What to run.
#[derive(Debug, Clone)]
pub struct Load {
    pub clients: usize,
    /// Changes each client pushes in all.
    pub changes: usize,
    /// Changes per push.
    pub batch: usize,
    /// Bytes of changeset per change.
    pub change_bytes: usize,
    /// Changes a pull asks for.
    pub page: u32,
    /// Stop after this long, pushed or not.
    pub limit: Duration,
    /// A fault, made this long after the start.
    pub fault: Option<(Fault, Duration)>,
}

/// What happened.
#[derive(Debug, Default)]
pub struct Report {
    /// Changes pushed (each counted once, whatever the retries).
    pub pushed: usize,
    /// Changes the pulls brought.
    pub pulled: usize,
    /// Requests that failed and were retried.
    pub retried: usize,
    /// Push-then-pull rounds, each timed from the first try to success.
    pub rounds: Vec<Duration>,
    pub elapsed: Duration,
    /// Every stamp pushed.
    pub stamps: BTreeSet<String>,
    /// Clients that hit the time limit before pushing everything.
    pub cut_short: usize,
}

impl Report {
    /// The `q` quantile of the round times.
    pub fn quantile(&self, q: f64) -> Duration {
        let mut sorted = self.rounds.clone();
        sorted.sort();
        if sorted.is_empty() {
            return Duration::ZERO;
        }
        let i = ((sorted.len() as f64 - 1.0) * q).round() as usize;
        sorted[i.min(sorted.len() - 1)]
    }
}

/// Runs `load` against `hub` in a workspace of its own; returns the
/// report and the workspace id.
pub fn run(hub: &mut TestHub, load: &Load) -> (Report, String) {
    let workspace = uuid::Uuid::now_v7().to_string();
    let user = format!("load-{workspace}");
    let token = hub.user(&user);
    hub.workspace(&workspace, &[&user]);
    let started = Instant::now();
    let stop = Arc::new(AtomicBool::new(false));
    let threads: Vec<_> = (0..load.clients)
        .map(|i| {
            let (address, token, workspace) =
                (hub.address.clone(), token.clone(), workspace.clone());
            let load = load.clone();
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                client(i, &address, &token, &workspace, &load, started, &stop)
            })
        })
        .collect();
    if let Some((fault, after)) = load.fault {
        std::thread::sleep(after);
        match fault {
            Fault::KillHub => hub.kill_and_restart(Duration::from_millis(800)),
            Fault::RestartPostgres => super::Pg::get().restart(),
        }
    }
    let mut report = Report::default();
    for t in threads {
        let one = t.join().expect("a client thread panicked");
        report.pushed += one.pushed;
        report.pulled += one.pulled;
        report.retried += one.retried;
        report.rounds.extend(one.rounds);
        report.stamps.extend(one.stamps);
        report.cut_short += one.cut_short;
    }
    stop.store(true, Ordering::SeqCst);
    report.elapsed = started.elapsed();
    (report, workspace)
}

fn client(
    i: usize,
    address: &str,
    token: &str,
    workspace: &str,
    load: &Load,
    started: Instant,
    stop: &AtomicBool,
) -> Report {
    let mut http = HttpTransport::new(address, token).expect("an address");
    let replica = format!("{:08x}-0000-7000-8000-{:012x}", i, i);
    let mut report = Report::default();
    let mut last = (0u64, 0u32);
    let mut cursor = 0i64;
    let payload =
        base64::engine::general_purpose::STANDARD.encode(vec![i as u8; load.change_bytes]);
    while report.pushed < load.changes {
        if started.elapsed() > load.limit || stop.load(Ordering::SeqCst) {
            report.cut_short = 1;
            break;
        }
        let n = load.batch.min(load.changes - report.pushed);
        let now = u64::try_from(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default()
                .as_millis(),
        )
        .unwrap_or_default();
        let changes: Vec<WireChange> = (0..n)
            .map(|_| {
                let stamp = Hlc::tick(last, now, &replica);
                last = (stamp.wall_ms, stamp.counter);
                WireChange {
                    hlc: stamp.to_text(),
                    author: format!("Client {i}"),
                    changeset: payload.clone(),
                    knew: Default::default(),
                    history: Vec::new(),
                    in_trash: Default::default(),
                }
            })
            .collect();
        let request = PushRequest {
            workspace_id: workspace.to_owned(),
            replica_id: replica.clone(),
            schema_version: SCHEMA_VERSION,
            changes,
        };
        let round = Instant::now();
        // The same request until it goes through: a push whose answer was
        // lost stores nothing twice.
        loop {
            match http.push(&request) {
                Ok(_) => break,
                Err(_) => {
                    report.retried += 1;
                    std::thread::sleep(Duration::from_millis(200));
                }
            }
            if started.elapsed() > load.limit + Duration::from_secs(60) {
                panic!("client {i} could not push for a minute past the limit");
            }
        }
        report.pushed += n;
        report
            .stamps
            .extend(request.changes.iter().map(|c| c.hlc.clone()));
        loop {
            match http.pull(workspace, cursor, load.page) {
                Ok(page) => {
                    report.pulled += page.changes.len();
                    cursor = page.next;
                    break;
                }
                Err(_) => {
                    report.retried += 1;
                    std::thread::sleep(Duration::from_millis(200));
                }
            }
            if started.elapsed() > load.limit + Duration::from_secs(60) {
                panic!("client {i} could not pull for a minute past the limit");
            }
        }
        report.rounds.push(round.elapsed());
    }
    report
}

/// The hub's stamps for `workspace`, and how many rows hold them.
pub fn stored(hub: &TestHub, workspace: &str) -> (BTreeSet<String>, usize) {
    hub.rt.block_on(async {
        let client = hub.pool.get().await.expect("a connection");
        let rows = client
            .query(
                "SELECT hlc FROM changes WHERE workspace_id = $1",
                &[&workspace],
            )
            .await
            .expect("the log");
        let stamps: BTreeSet<String> = rows.iter().map(|r| r.get(0)).collect();
        (stamps, rows.len())
    })
}
