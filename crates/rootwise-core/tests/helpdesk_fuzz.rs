//! Fuzzing the help-desk parsers: every layout (Zendesk CSV and JSON,
//! Freshdesk CSV, a mapped CSV) read from the corpus (the fixtures and
//! `tests/fixtures/helpdesk/corpus/`) after random mutations (bytes
//! flipped, cut, repeated, and tokens that break quoting, JSON, times,
//! numbers and encodings spliced in), and from arbitrary bytes. Checking
//! and importing must never panic or hang, an import must write exactly
//! what it reports, and text must be stored as the file has it.
//!
//! `make test` runs a short round (`PROPTEST_CASES`, 64 by default); `make
//! fuzz-helpdesk` runs each layout for `FUZZ_SECONDS` (600 by default) in
//! release mode and prints how many inputs each took.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use rootwise_core::helpdesk::{self, HelpdeskFormat, ImportOptions, TicketColumns};
use rootwise_core::Workspace;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/helpdesk")
}

/// The seed files of a layout: its fixture and the corpus files named after it.
fn corpus(format: HelpdeskFormat) -> Vec<Vec<u8>> {
    let stem = match format {
        HelpdeskFormat::ZendeskCsv => "zendesk.csv",
        HelpdeskFormat::ZendeskJson => "zendesk.json",
        HelpdeskFormat::FreshdeskCsv => "freshdesk.csv",
        HelpdeskFormat::Csv => "mapped.csv",
    };
    let mut out = Vec::new();
    if let Ok(bytes) = std::fs::read(fixtures().join(stem)) {
        out.push(bytes);
    }
    let prefix = format.cli_name();
    if let Ok(dir) = std::fs::read_dir(fixtures().join("corpus")) {
        let mut names: Vec<PathBuf> = dir
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(prefix))
            })
            .collect();
        names.sort();
        out.extend(names.into_iter().filter_map(|p| std::fs::read(p).ok()));
    }
    assert!(!out.is_empty(), "no corpus for {prefix}");
    out
}

/// Tokens that break what parsers expect.
const TOKENS: &[&[u8]] = &[
    b"\"",
    b"\"\"",
    b",",
    b"\n",
    b"\r\n",
    b"\r",
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"ticket\":",
    b"{\"ticket\":{}}",
    b"null",
    b"\\u0000",
    b"\\ud800",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xFE\xFF",
    b"\x00",
    b"\xC3",
    b"\xF0\x9F\x98",
    "😀".as_bytes(),
    "مشكلة في الدفع".as_bytes(),
    b"<script>alert(1)</script>",
    b"9999-99-99 99:99",
    b"2026-13-40 25:61",
    b"2026-03-01T09:15:00+25:00",
    b"0000-01-01",
    b"-1",
    b"1e309",
    b"NaN",
    b"99999999999999999999999",
    b"99:99:99",
    b"::::",
    b"Summation column",
    b"[list]",
    b"Good",
    b"Offered",
];

/// One change to a seed file.
#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Cut(usize, usize),
    Repeat(usize, usize),
    Splice(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Flip(at, b)),
        (any::<usize>(), 0usize..64).prop_map(|(at, n)| Mutation::Cut(at, n)),
        (any::<usize>(), 1usize..256).prop_map(|(at, n)| Mutation::Repeat(at, n)),
        (any::<usize>(), 0..TOKENS.len()).prop_map(|(at, t)| Mutation::Splice(at, t)),
    ]
}

fn mutate(seed: &[u8], changes: &[Mutation]) -> Vec<u8> {
    let mut b = seed.to_vec();
    for m in changes {
        let len = b.len().max(1);
        match *m {
            Mutation::Flip(at, v) => {
                if !b.is_empty() {
                    let i = at % b.len();
                    b[i] = v;
                }
            }
            Mutation::Cut(at, n) => {
                let i = at % len;
                let end = (i + n).min(b.len());
                if i < end {
                    b.drain(i..end);
                }
            }
            Mutation::Repeat(at, n) => {
                let i = at % len;
                let end = (i + n).min(b.len());
                if i < end {
                    let piece = b[i..end].to_vec();
                    b.splice(i..i, piece);
                }
            }
            Mutation::Splice(at, t) => {
                let i = (at % len).min(b.len());
                b.splice(i..i, TOKENS[t].iter().copied());
            }
        }
    }
    b
}

/// The mapping the generic CSV layout reads the corpus with.
fn mapped_columns() -> TicketColumns {
    TicketColumns {
        reference: Some("Case".into()),
        subject: Some("Summary".into()),
        description: Some("Details".into()),
        created_at: Some("Opened".into()),
        solved_at: Some("Closed".into()),
        channel: Some("Medium".into()),
        priority: Some("Urgency".into()),
        satisfaction: Some("Rating".into()),
        ..TicketColumns::default()
    }
}

fn options(format: Option<HelpdeskFormat>) -> ImportOptions {
    ImportOptions {
        file_name: "fuzz.csv".into(),
        format,
        columns: (format == Some(HelpdeskFormat::Csv)).then(mapped_columns),
        time_zone: Some("Asia/Riyadh".into()),
        group_similar: true,
        skip_bad_rows: true,
        ..ImportOptions::default()
    }
}

fn count(ws: &Workspace, table: &str) -> u32 {
    ws.conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// Checks and imports `bytes` as `format` (and detected) into a workspace
/// that already holds the seed's import: no panic, and what the import
/// reports is what it wrote.
fn exercise(ws: &mut Workspace, bytes: &[u8], format: HelpdeskFormat) {
    for o in [options(Some(format)), options(None)] {
        let checked = helpdesk::check(ws.conn(), bytes, &o);
        let (problems, occurrences) = (count(ws, "problems"), count(ws, "occurrences"));
        let done = helpdesk::import(ws, "Fuzz", bytes, &o, &mut |_| {}, &AtomicBool::new(false));
        match (checked, done) {
            (Ok(c), Ok(d)) => {
                let d = d.value;
                assert!(!d.cancelled);
                assert_eq!(count(ws, "problems"), problems + d.problems_created);
                assert_eq!(count(ws, "occurrences"), occurrences + d.reports_added);
                if !d.refused {
                    assert_eq!(d.problems_created, c.problems, "check and import agree");
                    assert_eq!(d.reports_added, c.reports, "check and import agree");
                }
            }
            // A refusal (an unknown time zone, a file that is not text) writes nothing.
            (_, Err(_)) => {
                assert_eq!(count(ws, "problems"), problems);
                assert_eq!(count(ws, "occurrences"), occurrences);
            }
            (Err(e), Ok(_)) => panic!("check refused what import took: {e}"),
        }
    }
}

const FORMATS: [HelpdeskFormat; 4] = [
    HelpdeskFormat::ZendeskCsv,
    HelpdeskFormat::ZendeskJson,
    HelpdeskFormat::FreshdeskCsv,
    HelpdeskFormat::Csv,
];

/// Runs mutated inputs of `format` for `cases` cases, or until `until`.
fn fuzz(format: HelpdeskFormat, cases: u32, until: Option<Instant>) -> u32 {
    let seeds = corpus(format);
    // A workspace holding the seeds' import, so inputs meet logged tickets
    // too; made afresh now and then, so it never grows large enough to
    // slow the run down.
    let seeded = || {
        let mut ws = Workspace::open_in_memory().unwrap();
        for seed in &seeds {
            let _ = helpdesk::import(
                &mut ws,
                "Fuzz",
                seed,
                &options(Some(format)),
                &mut |_| {},
                &AtomicBool::new(false),
            );
        }
        ws
    };
    let mut ws = seeded();
    let rng = match std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
    {
        Some(seed) => {
            let mut key = [0u8; 32];
            key[..8].copy_from_slice(&seed.to_le_bytes());
            TestRng::from_seed(RngAlgorithm::ChaCha, &key)
        }
        None => TestRng::deterministic_rng(RngAlgorithm::ChaCha),
    };
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let strategy = (
        0..seeds.len(),
        prop::collection::vec(mutation(), 1..12),
        any::<bool>(),
        prop::collection::vec(any::<u8>(), 0..512),
    );
    let mut ran = 0u32;
    let mut slowest = Duration::ZERO;
    // Inputs drawn one by one (not through the runner's cases), so a timed
    // run stops at its deadline; a failing input is printed whole.
    while ran < cases && until.is_none_or(|u| Instant::now() < u) {
        let (seed, changes, raw, noise) = strategy
            .new_tree(&mut runner)
            .expect("inputs are always drawn")
            .current();
        let bytes = if raw {
            noise
        } else {
            mutate(&seeds[seed], &changes)
        };
        if ran > 0 && ran % 2_000 == 0 {
            ws = seeded();
        }
        let started = Instant::now();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            exercise(&mut ws, &bytes, format);
        }));
        if outcome.is_err() {
            panic!(
                "{} failed on input {ran} ({} bytes): {:?}",
                format.cli_name(),
                bytes.len(),
                String::from_utf8_lossy(&bytes)
            );
        }
        slowest = slowest.max(started.elapsed());
        ran += 1;
    }
    println!(
        "{}: {ran} inputs, slowest {} ms",
        format.cli_name(),
        slowest.as_millis()
    );
    ran
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(64)
}

#[test]
fn mutated_exports_never_break_the_parsers() {
    for format in FORMATS {
        assert!(fuzz(format, cases(), None) > 0);
    }
}

/// The long run (`make fuzz-helpdesk`): each layout for `FUZZ_SECONDS`.
#[test]
#[ignore = "long: make fuzz-helpdesk"]
fn fuzz_each_layout_for_a_while() {
    let seconds: u64 = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(600);
    for format in FORMATS {
        let until = Instant::now() + Duration::from_secs(seconds);
        fuzz(format, u32::MAX, Some(until));
    }
}

/// A cell as a CSV writer quotes it.
fn csv_cell(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

proptest! {
    #![proptest_config(Config { cases: cases(), failure_persistence: None, ..Config::default() })]

    /// Whatever a description holds (Arabic, emoji, markup, quotes, lines),
    /// it is stored exactly as the file has it (trimmed, as every text).
    #[test]
    fn texts_are_stored_as_the_file_has_them(
        subject in "[\\p{Arabic}a-zA-Z0-9 <>\"',;&😀]{1,40}",
        description in "(\\PC|\n|\r\n){0,200}",
    ) {
        prop_assume!(!subject.trim().is_empty());
        let mut ws = Workspace::open_in_memory().unwrap();
        let file = format!(
            "Case,Summary,Details,Opened\n7,{},{},2026-03-01 10:00\n",
            csv_cell(&subject),
            csv_cell(&description)
        );
        let mut o = options(Some(HelpdeskFormat::Csv));
        o.columns = Some(TicketColumns {
            reference: Some("Case".into()),
            subject: Some("Summary".into()),
            description: Some("Details".into()),
            created_at: Some("Opened".into()),
            ..TicketColumns::default()
        });
        o.skip_bad_rows = false;
        let done = helpdesk::import(&mut ws, "Fuzz", file.as_bytes(), &o, &mut |_| {}, &AtomicBool::new(false))
            .unwrap()
            .value;
        prop_assert_eq!(done.problems_created, 1, "{:?}", done.issues);
        let (title, stored): (String, String) = ws
            .conn()
            .query_row("SELECT title, description FROM problems", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap();
        prop_assert_eq!(title, subject.trim());
        prop_assert_eq!(stored, description.trim());
    }
}
