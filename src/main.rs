//! The `runaround` binary: parse the command line, then run the TUI or a subcommand.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::FromArgMatches;
use runaround::cli::{self, Cli, Command, meta};
use runaround::config::{Config, ConfigError};
use runaround::domain::text::clean;
use runaround::storage::Store;
use runaround::{debug_log, demo, i18n, t, tui};

fn main() -> ExitCode {
    let words: Vec<OsString> = std::env::args_os().collect();
    // Read once, before the command line is parsed, as it can change it (`new` without
    // `--org`); a bad file is reported below, once the command is known.
    let mut config = Config::load(meta::config_flag(&words).as_deref());
    let defaults = Config::default();
    // The language before anything is said, so that the command line's help and errors are in it.
    let language = config.as_ref().ok().and_then(|c| c.language);
    match i18n::choose(
        meta::lang_flag(&words).as_deref(),
        |v| std::env::var(v).ok(),
        language,
    ) {
        Ok((lang, warning)) => {
            lang.set();
            // A config that did not read is read again, to say why in the language.
            if config.is_err() && lang != i18n::Lang::En {
                config = Config::load(meta::config_flag(&words).as_deref());
            }
            if let Some(warning) = warning {
                eprintln!("runaround: {}", clean(&warning));
            }
        }
        Err(e) => {
            // Said in the language the config or the locale would have chosen.
            let fallback = i18n::choose(
                None,
                |v| {
                    (v != "RUNAROUND_LANG")
                        .then(|| std::env::var(v).ok())
                        .flatten()
                },
                language,
            );
            if let Ok((lang, _)) = fallback {
                lang.set();
            }
            eprintln!("runaround: {}", clean(&e.to_string()));
            return ExitCode::from(2);
        }
    }
    // Said in the language; runaround goes on without the log when it cannot be written.
    if let Some(warning) = debug_log::init(std::env::var_os("RUNAROUND_LOG").as_deref()) {
        eprintln!("runaround: {}", t!("cli-warning", text = clean(&warning)));
    }
    let matches = meta::command_with(config.as_ref().unwrap_or(&defaults))
        .try_get_matches_from(words)
        .unwrap_or_else(|e| clap_exit(&e));
    // The command's name only: its arguments are case text.
    log::info!(
        "start: runaround {} on {} {}, command {}, language {}, config file {}",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS,
        std::env::consts::ARCH,
        matches.subcommand_name().unwrap_or("(the TUI)"),
        i18n::Lang::current().code(),
        match &config {
            Ok(_) => "fine or absent",
            Err(_) => "refused",
        }
    );
    let args = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let started = std::time::Instant::now();
    let result = run(args, config);
    // How it ended, not what it said (an error can quote a case; it is on stderr).
    log::info!(
        "end: exit {} after {} ms",
        result
            .as_ref()
            .map_or_else(cli::CliError::exit_code, |()| 0),
        started.elapsed().as_millis()
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // Messages quote paths, ids and file contents: nothing in them reaches the
            // terminal as a control sequence.
            eprintln!("runaround: {}", clean(e.message()));
            ExitCode::from(e.exit_code())
        }
    }
}

/// Ends the process on a command-line error of clap's (or `--help`, `--version`), said in the
/// current language.
fn clap_exit(e: &clap::Error) -> ! {
    use clap::error::ErrorKind;
    // English is clap's own, in its colours.
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion)
        || i18n::Lang::current() == i18n::Lang::En
    {
        e.exit()
    }
    eprint!("{}", meta::clap_words(&e.render().to_string()));
    std::process::exit(e.exit_code())
}

/// Runs the command; `config` is the config file as read before parsing the command line (an
/// error in it stops every command but `config`, `completions` and `man`).
fn run(args: Cli, config: Result<Config, ConfigError>) -> Result<(), cli::CliError> {
    // Not locked for the TUI: its signal thread writes to the terminal too.
    let out = || std::io::stdout().lock();
    match args.command {
        Some(Command::Config { default, path }) => {
            return meta::config(args.config.as_deref(), default, path, &mut out());
        }
        Some(Command::Completions { shell }) => return meta::completions(shell, &mut out()),
        Some(Command::Man) => return meta::man(&mut out()),
        Some(Command::MergeDriver { base, ours, theirs }) => {
            return cli::sync::merge_driver(&base, &ours, &theirs);
        }
        _ => {}
    }
    // Before anything touches the journal: a bad config changes nothing on disk.
    let config = config.map_err(|e| cli::CliError::Usage(meta::bad_config(&e)))?;
    let clock = cli::clock(args.now.as_deref())?;
    cli::escalation::use_config_file(args.config.as_deref());
    cli::letter::use_config(&config);
    match args.command {
        None => {
            tui::need_terminal().map_err(cli::CliError::Failed)?;
            // Said before the screen is taken over: it is there again when the TUI ends.
            let store = open(&cli::data_dir(args.data_dir)?)?;
            run_tui(
                &store,
                clock,
                &options(false, config, args.config.as_deref()),
            )
        }
        Some(Command::Demo) => {
            tui::need_terminal().map_err(cli::CliError::Failed)?;
            let dir = tempfile::Builder::new()
                .prefix("runaround-demo-")
                .tempdir()
                .map_err(|e| {
                    cli::CliError::Failed(t!("cli-demo-no-temp", error = e.to_string()))
                })?;
            let store = Store::open(dir.path())?;
            let cases = demo::cases(clock.now())
                .map_err(|e| cli::CliError::Failed(t!("cli-demo-broken", error = e.to_string())))?;
            for case in &cases {
                store.insert(case)?;
            }
            log::debug!("demo: {} cases in a temporary journal", cases.len());
            run_tui(
                &store,
                clock,
                &options(true, config, args.config.as_deref()),
            )
        }
        Some(Command::Rules { country }) => {
            let dir = cli::escalation::rules_dir(args.config.as_deref());
            cli::escalation::rules(country.as_deref(), dir.as_deref(), &mut out())
        }
        Some(Command::Due { within, json, ics }) => {
            let dir = cli::escalation::rules_dir(args.config.as_deref());
            let store = open(&cli::data_dir(args.data_dir)?)?.with_lock_wait(lock_wait());
            cli::due::due(
                &store,
                clock,
                within.as_deref(),
                if ics {
                    cli::due::Shape::Ics
                } else if json {
                    cli::due::Shape::Json
                } else {
                    cli::due::Shape::Lines
                },
                dir.as_deref(),
                &mut out(),
            )
        }
        Some(Command::Sync { init }) => {
            let store = open(&cli::data_dir(args.data_dir)?)?.with_lock_wait(lock_wait());
            cli::sync::sync(&store, init.as_deref(), &mut out())
        }
        Some(Command::Clocks { case, json }) => {
            let dir = cli::escalation::rules_dir(args.config.as_deref());
            let store = open(&cli::data_dir(args.data_dir)?)?.with_lock_wait(lock_wait());
            cli::escalation::clocks(&store, clock, &case, json, dir.as_deref(), &mut out())
        }
        Some(command) => {
            // Nothing is created for a command that only reads or fails before it writes:
            // the first write makes the journal's directories.
            let store = Store::open_existing(&cli::data_dir(args.data_dir)?);
            if let Some(warning) = store.exposed() {
                eprintln!("runaround: {}", t!("cli-warning", text = clean(warning)));
            }
            let store = store.with_lock_wait(lock_wait());
            cli::run(command, &store, clock, &mut out())
        }
    }
}

/// The TUI on `store`, its start (with the terminal's size) and stop in the debug log.
fn run_tui(
    store: &Store,
    clock: runaround::clock::Clock,
    options: &tui::Options,
) -> Result<(), cli::CliError> {
    let size = ratatui::crossterm::terminal::size().map_or_else(
        |_| "of unknown size".to_string(),
        |(w, h)| format!("{w}x{h}"),
    );
    log::info!("tui start: terminal {size}, TERM {}", term());
    let started = std::time::Instant::now();
    let result = tui::run(store, clock, options);
    log::info!(
        "tui stop after {} s: {}",
        started.elapsed().as_secs(),
        if result.is_ok() { "ok" } else { "error" }
    );
    result.map_err(cli::CliError::Failed)
}

/// `$TERM`, for the log (a terminal's name, never anything typed).
fn term() -> String {
    std::env::var("TERM").unwrap_or_else(|_| "unset".to_string())
}

/// Opens the journal in `dir`, warning (once) when its directory is open to other users.
fn open(dir: &std::path::Path) -> Result<Store, cli::CliError> {
    let store = Store::open(dir)?;
    if let Some(warning) = store.exposed() {
        eprintln!("runaround: {}", t!("cli-warning", text = clean(warning)));
    }
    Ok(store)
}

/// How long a command waits for a case another process is changing: ten seconds, or
/// `RUNAROUND_LOCK_WAIT_MS` (hidden, for tests).
fn lock_wait() -> std::time::Duration {
    std::env::var("RUNAROUND_LOCK_WAIT_MS")
        .ok()
        .and_then(|ms| ms.trim().parse().ok())
        .map_or(
            runaround::storage::LOCK_WAIT,
            std::time::Duration::from_millis,
        )
}

fn options(demo: bool, config: Config, config_path: Option<&std::path::Path>) -> tui::Options {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    tui::Options {
        demo,
        no_color,
        config,
        rules_dir: cli::escalation::rules_dir(config_path),
    }
}
