//! What capturing a write's changes costs (issue: "a write with capture
//! within 1.3x of the same write without it"): the same writes on two
//! copies of one workspace file, one capturing and one not, measured in the
//! same run so the machine's noise touches both alike. Compare the pairs.
//! Run with `cargo bench -p rootwise-core --bench capture`.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::{criterion_group, criterion_main, Criterion};
use rootwise_core::problem::{self, NewProblem};
use rootwise_core::{generate, Workspace};

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let base = dir.path().join("base.db");
    {
        let mut ws = Workspace::open(&base).expect("open");
        generate::problems_with(&mut ws, 2_000, 3, 7).expect("generate");
    }
    let copy = |name: &str| {
        let path = dir.path().join(name);
        std::fs::copy(&base, &path).expect("copy");
        path
    };
    let mut capturing = Workspace::open(&copy("capturing.db")).expect("open");
    let mut plain = Workspace::open(&copy("plain.db"))
        .expect("open")
        .without_capture_for_benchmarks();
    let some = problem::list(capturing.conn(), 100, 1).unwrap().items[0].id;

    let mut group = c.benchmark_group("capture");
    for (name, ws) in [("with", &mut capturing), ("without", &mut plain)] {
        group.bench_function(format!("create_problem_{name}"), |b| {
            b.iter(|| {
                ws.write("bench", |w| {
                    problem::create(
                        w,
                        &NewProblem {
                            title: "الفاتورة لا تصل إلى بريد العميل".into(),
                            ..NewProblem::default()
                        },
                    )
                })
                .unwrap()
            })
        });
        let mut n = 0_u64;
        group.bench_function(format!("rename_problem_{name}"), |b| {
            b.iter(|| {
                n += 1;
                ws.write("bench", |w| {
                    problem::rename(w, some, &format!("Renamed {n}"))
                })
                .unwrap()
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50);
    targets = bench
}
criterion_main!(benches);
