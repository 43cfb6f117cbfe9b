//! The commands about runaround itself rather than the journal: `config`, `completions` and
//! `man`, and reading the config file before the command line is parsed (its
//! `default_organisation` makes `new --org` optional).

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::CommandFactory;

use super::{Cli, CliError};
use crate::config::{Config, DEFAULT_CONFIG};

/// The config file named by `--config FILE` / `--config=FILE` in `argv` (before a `--`), else
/// by `RUNAROUND_CONFIG`.
pub fn config_flag(argv: &[OsString]) -> Option<PathBuf> {
    let mut words = argv.iter().skip(1);
    while let Some(arg) = words.next() {
        if arg == "--" {
            break;
        }
        if arg == "--config" {
            return words.next().map(PathBuf::from);
        }
        if let Some(path) = arg.to_str().and_then(|a| a.strip_prefix("--config=")) {
            return Some(PathBuf::from(path));
        }
    }
    std::env::var_os("RUNAROUND_CONFIG")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The `--lang` given on the command line (`--lang nl` or `--lang=nl`), read before the command
/// line is parsed: its help and errors are said in that language.
pub fn lang_flag(argv: &[OsString]) -> Option<String> {
    let mut words = argv.iter().skip(1);
    while let Some(arg) = words.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            return words.next().map(|w| w.to_string_lossy().into_owned());
        }
        if let Some(lang) = arg.to_str().and_then(|a| a.strip_prefix("--lang=")) {
            return Some(lang.to_string());
        }
    }
    None
}

/// The command line's definition with the config's defaults in it: with a
/// `default_organisation`, `new` no longer requires `--org`.
pub fn command_with(config: &Config) -> clap::Command {
    let command = Cli::command();
    if config.default_organisation.is_empty() {
        return command;
    }
    let org = config.default_organisation.clone();
    command.mut_subcommand("new", |new| {
        new.mut_arg("org", |arg| arg.required(false).default_value(org))
    })
}

/// The config for `path` (from [`config_flag`]), as an error for the command line.
pub fn load_config(path: Option<&Path>) -> Result<Config, CliError> {
    Config::load(path).map_err(|e| CliError::Usage(bad_config(&e)))
}

/// "bad config: …", as the command line says it.
pub fn bad_config(e: &crate::config::ConfigError) -> String {
    crate::t!("cli-bad-config", error = e.to_string())
}

/// `runaround config`: checks the config file and says where it is; `--default` prints the
/// commented default config, `--path` only the path.
pub fn config(
    explicit: Option<&Path>,
    default: bool,
    path_only: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let path = explicit
        .map(Path::to_path_buf)
        .or_else(Config::default_path);
    let text = if default {
        DEFAULT_CONFIG.to_string()
    } else {
        let shown = path.as_ref().map_or_else(
            || crate::t!("cli-no-config-dir").to_string(),
            |p| p.display().to_string(),
        );
        if path_only {
            format!("{shown}\n")
        } else {
            let config = load_config(explicit)?;
            match config.path {
                Some(_) => crate::t!("cli-config-ok", path = shown) + "\n",
                None => crate::t!("cli-config-absent", path = shown) + "\n",
            }
        }
    };
    write_out(out, text.as_bytes())
}

/// `runaround completions SHELL`: the shell's completion script.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<(), CliError> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "runaround", &mut script);
    write_out(out, &script)
}

/// `runaround man`: the manual page, in roff.
pub fn man(out: &mut dyn Write) -> Result<(), CliError> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|e| CliError::Failed(crate::t!("cli-cannot-write-manual", error = e.to_string())))?;
    write_out(out, &page)
}

fn write_out(out: &mut dyn Write, bytes: &[u8]) -> Result<(), CliError> {
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| CliError::Failed(crate::t!("cli-cannot-write-output", error = e.to_string())))
}
