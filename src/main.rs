//! The `runaround` binary: parse the command line, then run the TUI or a subcommand.

use std::process::ExitCode;

use clap::Parser;
use runaround::cli::{self, Cli, Command};
use runaround::storage::Store;

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
        None | Some(Command::Demo) => Err(cli::CliError::Failed("the TUI is not built yet".into())),
        Some(command) => {
            let store = Store::open(&cli::data_dir(args.data_dir)?)?;
            cli::run(command, &store, clock, &mut std::io::stdout().lock())
        }
    }
}
