//! What the benchmarks share.
#![allow(dead_code)]

use std::time::{Duration, Instant};

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
