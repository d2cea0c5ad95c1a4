//! Shows how the bundled SQLite plans and times SQL statements on a
//! workspace, for performance work (the system `sqlite3` is an older
//! SQLite whose planner chooses differently).
//!
//! `cargo run --release -p rootwise-core --example plans -- DB SQL_FILE [RUNS]`
//!
//! `SQL_FILE` holds statements separated by lines of `---`. For each one
//! this prints `EXPLAIN QUERY PLAN`, the first row, the row count, and the
//! median and slowest of `RUNS` runs (default 20). A statement starting
//! with `!` is run once as a batch (to try an index on a copy). The
//! database is opened with the workspace's read pragmas.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use rusqlite::types::ValueRef;
use rusqlite::Connection;

fn show(v: ValueRef<'_>) -> String {
    match v {
        ValueRef::Null => "NULL".into(),
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Real(f) => f.to_string(),
        ValueRef::Text(t) => String::from_utf8_lossy(t).chars().take(200).collect(),
        ValueRef::Blob(b) => format!("<{} bytes>", b.len()),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (db, file) = match (args.first(), args.get(1)) {
        (Some(d), Some(f)) => (d, f),
        _ => {
            eprintln!("usage: plans DB SQL_FILE [RUNS]");
            std::process::exit(2);
        }
    };
    let runs: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(20);
    let conn = Connection::open(db).unwrap();
    conn.execute_batch(
        "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -16384;
         PRAGMA analysis_limit = 400; PRAGMA optimize = 0x10002;",
    )
    .unwrap();
    rootwise_core::rowset::register(&conn).unwrap();
    let text = std::fs::read_to_string(file).unwrap();
    for sql in text
        .split("\n---\n")
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        if let Some(batch) = sql.strip_prefix('!') {
            let started = Instant::now();
            conn.execute_batch(batch).unwrap();
            println!("=== ran {batch} in {:.1?}", started.elapsed());
            continue;
        }
        println!("=== {sql}");
        let mut eqp = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let mut rows = eqp.query([]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            let id: i64 = r.get(0).unwrap();
            let parent: i64 = r.get(1).unwrap();
            let detail: String = r.get(3).unwrap();
            println!("  [{id}<-{parent}] {detail}");
        }
        let mut stmt = conn.prepare(sql).unwrap();
        let mut times = Vec::with_capacity(runs);
        let mut count = 0;
        let mut first = String::new();
        for run in 0..runs {
            let started = Instant::now();
            let mut rows = stmt.query([]).unwrap();
            let mut n = 0;
            while let Some(r) = rows.next().unwrap() {
                if run == 0 && n == 0 {
                    first = (0..r.as_ref().column_count())
                        .map(|i| show(r.get_ref(i).unwrap()))
                        .collect::<Vec<_>>()
                        .join(" | ");
                }
                n += 1;
            }
            times.push(started.elapsed());
            count = n;
        }
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "  rows {count}, first [{first}]; median {:.2} ms, max {:.2} ms",
            ms(times[times.len() / 2]),
            ms(times[times.len() - 1])
        );
    }
}
