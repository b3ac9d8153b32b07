//! The `hotelier` command line; the commands live in [`hotelier::cli`].

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    hotelier::telemetry::init();
    match hotelier::cli::run(hotelier::cli::Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
