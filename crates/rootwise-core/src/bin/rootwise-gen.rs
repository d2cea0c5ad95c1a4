//! Fills a workspace with synthetic data for performance work.
//!
//! `rootwise-gen [--problems N] [--tree NODES] [--actions N] [--notes N] [--journey CARDS] [--seed S] PATH`
//!
//! `--problems` adds N problems; `--tree` adds one problem with an analysis
//! whose why-tree holds NODES causes (and prints the analysis id);
//! `--actions` adds N corrective actions over N/10 new problems.
//! `--notes` adds a persona and an empathy map with N notes; `--journey`
//! adds a map of 12 stages, 120 touchpoints and CARDS cards.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use rootwise_core::{generate, Workspace};

fn usage() -> ExitCode {
    eprintln!("usage: rootwise-gen [--problems N] [--tree NODES] [--actions N] [--notes N] [--journey CARDS] [--seed S] PATH");
    ExitCode::from(2)
}

fn count(value: Option<String>) -> Option<u32> {
    value.and_then(|v| v.replace('_', "").parse().ok())
}

fn main() -> ExitCode {
    let mut problems: Option<u32> = None;
    let mut tree: Option<u32> = None;
    let mut actions: Option<u32> = None;
    let mut notes: Option<u32> = None;
    let mut journey: Option<u32> = None;
    let mut seed = 7u64;
    let mut path: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--problems" => match count(args.next()) {
                Some(n) => problems = Some(n),
                None => return usage(),
            },
            "--tree" => match count(args.next()) {
                Some(n) => tree = Some(n),
                None => return usage(),
            },
            "--actions" => match count(args.next()) {
                Some(n) => actions = Some(n),
                None => return usage(),
            },
            "--notes" => match count(args.next()) {
                Some(n) => notes = Some(n),
                None => return usage(),
            },
            "--journey" => match count(args.next()) {
                Some(n) => journey = Some(n),
                None => return usage(),
            },
            "--seed" => match args.next().and_then(|v| v.parse().ok()) {
                Some(s) => seed = s,
                None => return usage(),
            },
            "-h" | "--help" => return usage(),
            other if path.is_none() && !other.starts_with('-') => path = Some(other.into()),
            _ => return usage(),
        }
    }
    let Some(path) = path else {
        return usage();
    };
    if problems.is_none()
        && tree.is_none()
        && actions.is_none()
        && notes.is_none()
        && journey.is_none()
    {
        return usage();
    }
    let started = Instant::now();
    let result = Workspace::open(&path).and_then(|mut ws| {
        if let Some(n) = problems {
            generate::problems(&mut ws, n, seed)?;
            println!("added {n} problems to {}", path.display());
        }
        if let Some(n) = tree {
            let id = generate::analysis_tree(&mut ws, n, 4, seed)?;
            println!("added a {n}-cause analysis {id} to {}", path.display());
        }
        if let Some(n) = actions {
            generate::actions(&mut ws, n, seed)?;
            println!("added {n} actions to {}", path.display());
        }
        if let Some(n) = notes {
            let id = generate::empathy_board(&mut ws, n, seed)?;
            println!(
                "added an empathy map {id} with {n} notes to {}",
                path.display()
            );
        }
        if let Some(n) = journey {
            let id = generate::journey_map(&mut ws, n, seed)?;
            println!(
                "added a journey map {id} with {n} cards to {}",
                path.display()
            );
        }
        Ok(())
    });
    match result {
        Ok(()) => {
            println!("done in {:.1?}", started.elapsed());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("rootwise-gen: {e}");
            ExitCode::FAILURE
        }
    }
}
