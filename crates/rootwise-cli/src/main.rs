//! `rootwise-cli`: see the crate's `lib.rs` and README. Parses the
//! arguments (clap exits with 2 on a mistake in them), runs the command and
//! prints its one line of JSON; a failure prints its error as JSON too and
//! exits with 1.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use rootwise_cli::{run, Cli};

fn main() -> ExitCode {
    let (value, code) = match run(Cli::parse()) {
        Ok(value) => (value, ExitCode::SUCCESS),
        Err(failure) => (failure.to_json(), ExitCode::FAILURE),
    };
    // A closed stdout (`| head -c0`) is no reason to panic.
    let _ = writeln!(std::io::stdout().lock(), "{value}");
    code
}
