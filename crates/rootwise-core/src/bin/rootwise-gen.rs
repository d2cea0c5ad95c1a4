//! Fills a workspace with synthetic problems for performance work.
//!
//! `rootwise-gen --problems 100000 [--seed 7] PATH`

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use rootwise_core::{generate, Workspace};

fn usage() -> ExitCode {
    eprintln!("usage: rootwise-gen --problems N [--seed S] PATH");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut problems: Option<u32> = None;
    let mut seed = 7u64;
    let mut path: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--problems" => problems = args.next().and_then(|v| v.replace('_', "").parse().ok()),
            "--seed" => match args.next().and_then(|v| v.parse().ok()) {
                Some(s) => seed = s,
                None => return usage(),
            },
            "-h" | "--help" => return usage(),
            other if path.is_none() && !other.starts_with('-') => path = Some(other.into()),
            _ => return usage(),
        }
    }
    let (Some(problems), Some(path)) = (problems, path) else {
        return usage();
    };
    let started = Instant::now();
    let result =
        Workspace::open(&path).and_then(|mut ws| generate::problems(&mut ws, problems, seed));
    match result {
        Ok(()) => {
            println!(
                "added {problems} problems to {} in {:.1?}",
                path.display(),
                started.elapsed()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("rootwise-gen: {e}");
            ExitCode::FAILURE
        }
    }
}
