//! The `runaround` binary: parse the command line, then run the TUI or a subcommand.

use std::process::ExitCode;

use clap::Parser;
use runaround::cli::{self, Cli, Command};
use runaround::storage::Store;
use runaround::{demo, tui};

fn main() -> ExitCode {
    let args = Cli::parse();
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("runaround: {}", e.message());
            ExitCode::from(e.exit_code())
        }
    }
}

fn run(args: Cli) -> Result<(), cli::CliError> {
    let clock = cli::clock(args.now.as_deref())?;
    match args.command {
        None => {
            let store = Store::open(&cli::data_dir(args.data_dir)?)?;
            tui::run(&store, clock, options(false)).map_err(cli::CliError::Failed)
        }
        Some(Command::Demo) => {
            let dir = tempfile::Builder::new()
                .prefix("runaround-demo-")
                .tempdir()
                .map_err(|e| {
                    cli::CliError::Failed(format!("cannot make a temporary demo journal: {e}"))
                })?;
            let store = Store::open(dir.path())?;
            let cases = demo::cases(clock.now())
                .map_err(|e| cli::CliError::Failed(format!("the demo journal is broken: {e}")))?;
            for case in &cases {
                store.insert(case)?;
            }
            tui::run(&store, clock, options(true)).map_err(cli::CliError::Failed)
        }
        Some(command) => {
            let store = Store::open(&cli::data_dir(args.data_dir)?)?;
            cli::run(command, &store, clock, &mut std::io::stdout().lock())
        }
    }
}

fn options(demo: bool) -> tui::Options {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    tui::Options { demo, no_color }
}
