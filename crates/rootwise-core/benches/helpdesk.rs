//! Importing a Zendesk JSON export of 100,000 tickets (50,000 incidents
//! grouped under 2,000 problem tickets, 48,000 other tickets that become
//! problems) against a bare rusqlite loop inserting the same rows in one
//! transaction with prepared statements: the problems with their tags,
//! references, search documents and history entries, and the reports.
//! Measured side by side on fresh workspaces, alternating. Budget: the
//! import at least half the bare loop's rate. The loop of the problems,
//! references and reports alone (no tags, search or history) is reported
//! too, for scale. The export is read from a file, as the app reads it.
//!
//! Memory: the import of the tickets, of 4× as many, and of as many with
//! a 2 KB description each, each in a child process that reports its peak
//! resident memory (`VmHWM`) beside the file's size: what grows with the
//! number of tickets is their bookkeeping (references, what each becomes),
//! never their text. `ROOTWISE_BENCH_TICKETS`
//! sets another size, `ROOTWISE_BENCH_ROUNDS` the rounds (default 3).
//! Run with `cargo bench -p rootwise-core --bench helpdesk`.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use rootwise_core::helpdesk::{self, ImportOptions};
use rootwise_core::ids::{OccurrenceId, ProblemId};
use rootwise_core::Workspace;
use rusqlite::params;

fn env(name: &str, default: u32) -> u32 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// (id, subject, type, problem_id, day)
type Row = (u32, String, &'static str, Option<u32>, String);

fn tickets(n: u32) -> (String, Vec<Row>) {
    tickets_with(n, "")
}

/// `n` tickets, each with `description` (JSON-escaped already).
fn tickets_with(n: u32, description: &str) -> (String, Vec<Row>) {
    let problems = (n / 50).max(1);
    let incidents = n / 2;
    let mut rows = Vec::with_capacity(n as usize);
    let mut text = String::new();
    for i in 0..n {
        let id = 100_000 + i;
        let day = format!("2026-0{}-{:02}", 1 + i % 9, 1 + i % 28);
        let (kind, parent) = if i < problems {
            ("problem", None)
        } else if i < problems + incidents {
            ("incident", Some(100_000 + i % problems))
        } else {
            ("question", None)
        };
        let subject = format!("الدفع يفشل عند الخطوة {i} (payment fails at step {i})");
        let parent_json = parent.map_or(String::new(), |p| format!(",\"problem_id\":{p}"));
        text.push_str(&format!(
            "{{\"ticket\":{{\"id\":{id},\"type\":\"{kind}\"{parent_json},\"subject\":\"{subject}\",\"status\":\"open\",\"priority\":\"high\",\"via\":{{\"channel\":\"email\"}},\"created_at\":\"{day}T10:00:00Z\",\"tags\":[\"billing\"],\"description\":\"{description}\"}}}}\n"
        ));
        rows.push((id, subject, kind, parent, day));
    }
    (text, rows)
}

/// The bare loop: `full` writes every row the import writes (tags, search
/// documents, history); otherwise only problems, references and reports.
fn bare_insert(path: &Path, rows: &[Row], full: bool) -> Duration {
    let mut conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "NORMAL").unwrap();
    // The page cache and memory map a workspace connection has.
    conn.pragma_update(None, "cache_size", -16_384).unwrap();
    conn.pragma_update(None, "mmap_size", 1i64 << 30).unwrap();
    let start = Instant::now();
    let tx = conn.transaction().unwrap();
    {
        let mut problem = tx
            .prepare(
                "INSERT INTO problems (id, title, severity, severity_rank, reported_on, first_seen,
                    last_seen, created_at, updated_at) VALUES (?1, ?2, 'high', 2, ?3, ?3, ?3, ?4, ?4)",
            )
            .unwrap();
        let mut reference = tx
            .prepare(
                "INSERT INTO problem_refs (problem_id, position, reference) VALUES (?1, 0, ?2)",
            )
            .unwrap();
        let mut tag = tx
            .prepare("INSERT INTO problem_tags (problem_id, tag) VALUES (?1, 'billing')")
            .unwrap();
        let mut search = tx
            .prepare("INSERT INTO problem_search (rowid, body) VALUES (?1, ?2)")
            .unwrap();
        let mut history = tx
            .prepare(
                "INSERT INTO history (id, entity, entity_id, op, field, new_value, author, at)
                 VALUES (?1, 'problem', ?2, 'create', 'imported', 'bench.json', 'bench', ?3)",
            )
            .unwrap();
        let mut report = tx
            .prepare(
                "INSERT INTO occurrences (id, problem_id, occurred_on, channel, ticket_ref, note, author, created_at)
                 VALUES (?1, ?2, ?3, 'email', ?4, ?5, 'bench', ?6)",
            )
            .unwrap();
        let now = "2026-10-01T00:00:00.000Z";
        let mut ids = std::collections::HashMap::new();
        for (id, subject, _, parent, day) in rows {
            if parent.is_none() {
                let p = ProblemId::new();
                let rowid = problem.insert(params![p, subject, day, now]).unwrap();
                reference.execute(params![p, id.to_string()]).unwrap();
                if full {
                    tag.execute(params![p]).unwrap();
                    search
                        .execute(params![rowid, format!("{subject}\n\n\nbilling\n{id}\n")])
                        .unwrap();
                    history
                        .execute(params![uuid::Uuid::new_v4().to_string(), p, now])
                        .unwrap();
                }
                ids.insert(*id, p);
            }
        }
        for (id, subject, _, parent, day) in rows {
            if let Some(parent) = parent {
                report
                    .execute(params![
                        OccurrenceId::new(),
                        ids[parent],
                        day,
                        id.to_string(),
                        subject,
                        now
                    ])
                    .unwrap();
            }
        }
    }
    tx.commit().unwrap();
    start.elapsed()
}

fn import_file(path: &Path, export: &Path) -> Duration {
    let mut ws = Workspace::open(path).unwrap();
    let start = Instant::now();
    let out = helpdesk::import(
        &mut ws,
        "bench",
        export,
        &ImportOptions {
            file_name: "bench.json".into(),
            ..ImportOptions::default()
        },
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    let took = start.elapsed();
    assert_eq!(out.value.issue_count, 0);
    took
}

fn side_by_side(n: u32, rounds: u32) {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.db");
    drop(Workspace::open(&base).unwrap());
    let (text, rows) = tickets(n);
    let export = dir.path().join("tickets.json");
    std::fs::write(&export, &text).unwrap();
    drop(text);
    let (mut imports, mut bares, mut narrow) = (Vec::new(), Vec::new(), Vec::new());
    let fresh = |name: String| {
        let path = dir.path().join(name);
        std::fs::copy(&base, &path).unwrap();
        path
    };
    for round in 0..rounds {
        bares.push(bare_insert(&fresh(format!("bare{round}.db")), &rows, true));
        imports.push(import_file(&fresh(format!("import{round}.db")), &export));
        narrow.push(bare_insert(
            &fresh(format!("narrow{round}.db")),
            &rows,
            false,
        ));
    }
    let median = |mut v: Vec<Duration>| {
        v.sort();
        v[v.len() / 2].as_secs_f64()
    };
    let (i, b, m) = (median(imports), median(bares), median(narrow));
    eprintln!(
        "import {n} tickets: median {:.0} ms ({:.0} tickets/s); bare loop of the same rows {:.0} ms ({:.0} tickets/s); import rate = {:.2} × bare (budget ≥ 0.5); bare loop of problems, references and reports only {:.0} ms ({:.2} ×)",
        i * 1e3,
        f64::from(n) / i,
        b * 1e3,
        f64::from(n) / b,
        b / i,
        m * 1e3,
        m / i
    );
}

/// The environment variable that makes this binary a child importing one
/// file (`EXPORT<tab>WORKSPACE`) and printing its peak memory.
const CHILD: &str = "ROOTWISE_BENCH_IMPORT_CHILD";

/// A line of this process's `/proc/self/status` (Linux), in MiB.
fn status_mib(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let kib: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap();
    kib / 1024.0
}

fn child_import(spec: &str) -> ! {
    let (export, ws) = spec.split_once('\t').unwrap();
    let before = status_mib("VmHWM:");
    // The heap's peak, sampled (the kernel keeps only the resident peak,
    // which counts the workspace's mapped pages too).
    let done = std::sync::Arc::new(AtomicBool::new(false));
    let sampler = {
        let done = std::sync::Arc::clone(&done);
        std::thread::spawn(move || {
            let mut peak = 0f64;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                peak = peak.max(status_mib("RssAnon:"));
                std::thread::sleep(Duration::from_millis(10));
            }
            peak
        })
    };
    import_file(Path::new(ws), Path::new(export));
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let heap = sampler.join().unwrap();
    println!("{before:.1}\t{:.1}\t{heap:.1}", status_mib("VmHWM:"));
    std::process::exit(0);
}

fn memory(n: u32) {
    let dir = tempfile::tempdir().unwrap();
    let long = "Customer wrote: the card was refused at the last step. ".repeat(36);
    for (i, (size, description)) in [(n, ""), (4 * n, ""), (n, long.as_str())]
        .into_iter()
        .enumerate()
    {
        let export = dir.path().join(format!("tickets{i}.json"));
        std::fs::write(&export, tickets_with(size, description).0).unwrap();
        let ws = dir.path().join(format!("memory{i}.db"));
        drop(Workspace::open(&ws).unwrap());
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .env(CHILD, format!("{}\t{}", export.display(), ws.display()))
            .output()
            .unwrap();
        let line = String::from_utf8_lossy(&out.stdout);
        let figures: Vec<&str> = line.trim().split('\t').collect();
        let (opened, peak, heap) = (figures[0], figures[1], figures[2]);
        let file_mib = std::fs::metadata(&export).unwrap().len() as f64 / (1 << 20) as f64;
        eprintln!(
            "import {size} tickets ({} B descriptions) from a {file_mib:.1} MiB file: peak resident memory {peak} MiB ({opened} MiB before the import), of which anonymous (heap) at most {heap} MiB",
            description.len()
        );
    }
}

fn bench(c: &mut Criterion) {
    if let Ok(spec) = std::env::var(CHILD) {
        child_import(&spec);
    }
    memory(env("ROOTWISE_BENCH_TICKETS", 100_000));
    side_by_side(
        env("ROOTWISE_BENCH_TICKETS", 100_000),
        env("ROOTWISE_BENCH_ROUNDS", 3),
    );
    let (text, _) = tickets(2_000);
    let ws = Workspace::open_in_memory().unwrap();
    c.bench_function("check 2,000 tickets", |b| {
        b.iter(|| helpdesk::check(ws.conn(), text.as_bytes(), &ImportOptions::default()).unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
