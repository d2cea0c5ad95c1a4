//! The report's budgets: one problem with a 200-cause tree and 30 actions
//! under 1.5 s; the monthly report of 50 closed problems under 15 s.
//! Prints the PDF sizes. `cargo bench -p rootwise-report`.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use rootwise_core::action::ActionKind;
use rootwise_core::analysis::{self, NewAnalysis, NewEvidence, NewWhy, WhyEdit, WhyStatus};
use rootwise_core::ids::ProblemId;
use rootwise_core::problem::{self, NewProblem};
use rootwise_core::{workflow, Workspace};
use rootwise_report::{gather, gather_period, Lang, Paper, RenderOptions};

const WORDS: &[&str] = &[
    "the",
    "refund",
    "form",
    "queue",
    "agent",
    "customer",
    "waits",
    "because",
    "policy",
    "training",
    "تأكيد",
    "المبلغ",
    "العميل",
    "الموظف",
    "الانتظار",
];

fn sentence(i: usize, n: usize) -> String {
    (0..n)
        .map(|k| WORDS[(i * 7 + k * 3) % WORDS.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

/// A problem with a tree of `causes` causes (three per parent, every
/// fifth leaf a confirmed root cause with evidence) and `actions` actions.
fn problem_with(
    ws: &mut Workspace,
    n: usize,
    causes: usize,
    actions: usize,
    close: bool,
) -> ProblemId {
    ws.write("Bench", |w| {
        let p = problem::create(
            w,
            &NewProblem {
                title: format!("Problem {n}: {}", sentence(n, 8)),
                description: Some(sentence(n + 1, 40)),
                ..NewProblem::default()
            },
        )?;
        let a = analysis::create_analysis(
            w,
            &NewAnalysis {
                problem_id: p.id.to_string(),
                title: sentence(n, 5),
                ..NewAnalysis::default()
            },
        )?;
        let mut ids = Vec::with_capacity(causes);
        for i in 0..causes {
            let parent = if i == 0 { None } else { Some(ids[(i - 1) / 3]) };
            let node = workflow::add_why(
                w,
                a.id,
                &NewWhy {
                    parent_id: parent.map(|p: rootwise_core::ids::WhyId| p.to_string()),
                    text: sentence(i, 6 + i % 9),
                    ..NewWhy::default()
                },
            )?;
            ids.push(node.id);
        }
        for (i, id) in ids.iter().enumerate() {
            if 3 * i + 1 >= causes && i % 5 == 0 {
                analysis::add_evidence(
                    w,
                    *id,
                    &NewEvidence {
                        note: sentence(i, 6),
                        reference: format!("T-{i}"),
                    },
                )?;
                workflow::edit_why(w, *id, &WhyEdit::RootCause(true))?;
                workflow::edit_why(w, *id, &WhyEdit::Status(WhyStatus::Confirmed))?;
            }
        }
        for i in 0..actions {
            common::add_action(
                w,
                p.id,
                &common::Act {
                    kind: ActionKind::ALL[i % 3],
                    title: Box::leak(sentence(i, 6).into_boxed_str()),
                    owner: ["Layla Haddad", "Omar Said", "سارة منصور"][i % 3],
                    due_in: i as i64 - 10,
                    progress: if close { 3 } else { (i % 4) as u8 },
                },
            );
        }
        if close {
            problem::close_with_reason(w, p.id, "Monthly review")?;
        }
        Ok(p.id)
    })
    .unwrap()
    .value
}

fn opts(paper: Paper) -> RenderOptions {
    RenderOptions {
        paper,
        workspace: "Bench".into(),
        author: "Bench".into(),
        date: common::today(),
    }
}

fn bench(c: &mut Criterion) {
    let mut ws = Workspace::open_in_memory().unwrap();
    let big = problem_with(&mut ws, 0, 200, 30, false);
    for i in 1..=50 {
        problem_with(&mut ws, i, 20, 4, true);
    }
    let today = common::today();
    rootwise_report::warm_up();
    for (lang, paper) in [
        (Lang::En, Paper::A3Landscape),
        (Lang::Ar, Paper::A3Landscape),
        (Lang::Ar, Paper::A4Portrait),
    ] {
        let r = gather(ws.conn(), big, lang).unwrap();
        let pdf = rootwise_report::problem_pdf(&r, &opts(paper)).unwrap();
        let html = rootwise_report::problem_html(&r, &opts(paper));
        eprintln!(
            "200 causes, 30 actions, {lang:?} {paper:?}: PDF {} KB, HTML {} KB",
            pdf.len() / 1024,
            html.len() / 1024
        );
    }
    let month = gather_period(
        ws.conn(),
        today - chrono::Duration::days(30),
        today,
        Lang::En,
    )
    .unwrap();
    assert_eq!(month.problems.len(), 50);
    let pdf = rootwise_report::period_pdf(&month, &opts(Paper::A3Landscape)).unwrap();
    eprintln!("50 problems, monthly: PDF {} KB", pdf.len() / 1024);

    let mut g = c.benchmark_group("report");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function(
        "one problem, 200 causes, 30 actions, A3 PDF (budget 1.5 s)",
        |b| {
            b.iter(|| {
                let r = gather(ws.conn(), big, Lang::Ar).unwrap();
                rootwise_report::problem_pdf(&r, &opts(Paper::A3Landscape)).unwrap()
            })
        },
    );
    g.bench_function("one problem, 200 causes, 30 actions, HTML", |b| {
        b.iter(|| {
            let r = gather(ws.conn(), big, Lang::Ar).unwrap();
            rootwise_report::problem_html(&r, &opts(Paper::A3Landscape))
        })
    });
    g.sample_size(10).measurement_time(Duration::from_secs(60));
    g.bench_function("monthly report, 50 problems, A3 PDF (budget 15 s)", |b| {
        b.iter(|| {
            let m = gather_period(
                ws.conn(),
                today - chrono::Duration::days(30),
                today,
                Lang::En,
            )
            .unwrap();
            rootwise_report::period_pdf(&m, &opts(Paper::A3Landscape)).unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
