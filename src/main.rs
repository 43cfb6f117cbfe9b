//! The `runaround` binary: parse the command line, then run the TUI or a subcommand.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::FromArgMatches;
use runaround::cli::{self, Cli, Command, meta};
use runaround::config::Config;
use runaround::storage::Store;
use runaround::{demo, tui};

fn main() -> ExitCode {
    let words: Vec<OsString> = std::env::args_os().collect();
    // Read early only for what changes the command line itself (`new` without `--org`); a bad
    // file is reported below, once the command is known.
    let early = Config::load(meta::config_flag(&words).as_deref()).unwrap_or_default();
    let matches = meta::command_with(&early).get_matches_from(words);
    let args = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("runaround: {}", e.message());
            ExitCode::from(e.exit_code())
        }
    }
}

fn run(args: Cli) -> Result<(), cli::CliError> {
    // Not locked for the TUI: its signal thread writes to the terminal too.
    let out = || std::io::stdout().lock();
    match args.command {
        Some(Command::Config { default, path }) => {
            return meta::config(args.config.as_deref(), default, path, &mut out());
        }
        Some(Command::Completions { shell }) => return meta::completions(shell, &mut out()),
        Some(Command::Man) => return meta::man(&mut out()),
        _ => {}
    }
    // Before anything touches the journal: a bad config changes nothing on disk.
    let config = meta::load_config(args.config.as_deref())?;
    let clock = cli::clock(args.now.as_deref())?;
    match args.command {
        None => {
            let store = Store::open(&cli::data_dir(args.data_dir)?)?;
            tui::run(&store, clock, &options(false, config)).map_err(cli::CliError::Failed)
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
            tui::run(&store, clock, &options(true, config)).map_err(cli::CliError::Failed)
        }
        Some(command) => {
            let store = Store::open(&cli::data_dir(args.data_dir)?)?;
            cli::run(command, &store, clock, &mut out())
        }
    }
}

fn options(demo: bool, config: Config) -> tui::Options {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    tui::Options {
        demo,
        no_color,
        config,
    }
}
