//! What the benchmarks share.
#![allow(dead_code)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use rootwise_core::{generate, Workspace};

/// Times `run` 300 times after a warm-up and prints its median, p95 and
/// max: the budgets are percentiles, which criterion's mean does not show.
pub fn percentiles(name: &str, mut run: impl FnMut()) {
    for _ in 0..20 {
        run();
    }
    let mut times: Vec<Duration> = (0..300)
        .map(|_| {
            let t = Instant::now();
            run();
            t.elapsed()
        })
        .collect();
    times.sort();
    let at = |q: f64| times[((times.len() as f64 * q).ceil() as usize).saturating_sub(1)];
    eprintln!(
        "{name:<48} median {:>8.3} ms   p95 {:>8.3} ms   max {:>8.3} ms",
        at(0.5).as_secs_f64() * 1e3,
        at(0.95).as_secs_f64() * 1e3,
        at(1.0).as_secs_f64() * 1e3
    );
}

/// The generated workspace's size: `ROOTWISE_BENCH_PROBLEMS`, else 100,000.
pub fn size() -> u32 {
    std::env::var("ROOTWISE_BENCH_PROBLEMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000)
}

/// The generated workspace, made once per size and seed. A workspace
/// cached by an earlier schema version is upgraded (opening migrates it) on
/// a copy rather than generated again, which takes many minutes.
pub fn workspace(n: u32) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-workspaces");
    std::fs::create_dir_all(&dir).expect("bench dir");
    let cached = |version: u32| dir.join(format!("problems-{n}-v{version}.db"));
    let path = cached(rootwise_core::SCHEMA_VERSION);
    if !path.exists() {
        let partial = path.with_extension("partial");
        let _ = std::fs::remove_file(&partial);
        let older = (1..rootwise_core::SCHEMA_VERSION)
            .rev()
            .map(cached)
            .find(|p| p.exists());
        let started = std::time::Instant::now();
        if let Some(older) = older {
            std::fs::copy(&older, &partial).expect("copy older workspace");
            let ws = Workspace::open(&partial).expect("upgrade");
            if let Some(backup) = ws.backup_path() {
                std::fs::remove_file(backup).expect("remove upgrade backup");
            }
            eprintln!("upgraded {} in {:.1?}", older.display(), started.elapsed());
        } else {
            let mut ws = Workspace::open(&partial).expect("open");
            generate::problems_with(&mut ws, n, 3, 7).expect("generate");
            eprintln!("generated {n} problems in {:.1?}", started.elapsed());
        }
        std::fs::rename(&partial, &path).expect("rename");
    }
    path
}
