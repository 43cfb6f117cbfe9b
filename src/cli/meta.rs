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
        return localized(command);
    }
    let org = config.default_organisation.clone();
    localized(command.mut_subcommand("new", |new| {
        new.mut_arg("org", |arg| arg.required(false).default_value(org))
    }))
}

/// The id of the help message of `arg` of the command named `owner`: `help-log-hold`; a global
/// option is the root's, `help-runaround-data_dir`; clap's own `--help` and `--version` are
/// `help-flag-help` and `help-flag-version`.
pub fn help_id(owner: &str, arg: &clap::Arg) -> String {
    match arg.get_id().as_str() {
        "help" | "version" => format!("help-flag-{}", arg.get_id()),
        id if arg.is_global_set() => format!("help-runaround-{id}"),
        id => format!("help-{owner}-{id}"),
    }
}

/// `command` with every about and help said in the current language, from the `help-` messages
/// of `help.ftl` ([`help_id`]). English keeps clap's own words for its `--help`, `--version`
/// and `help`; the other languages have them translated, and their own headings.
pub fn localized(command: clap::Command) -> clap::Command {
    let english = crate::i18n::Lang::current() == crate::i18n::Lang::En;
    // Changed before clap builds it (which copies the global options into every subcommand
    // and indexes the options): an option changed after that would be looked up in the wrong
    // place.
    let mut command = localize(command, "runaround", english);
    if !english && let Some(about) = said("help-help") {
        // clap's own `help` command exists once the command is built.
        command.build();
        command = command.mut_subcommand("help", |s| s.about(about));
    }
    command
}

/// A command-line error of clap's, its own words said in the current language: `error:`,
/// `tip:`, `Usage:` and the pointer to `--help` (what it says of the arguments stays clap's).
pub fn clap_words(rendered: &str) -> String {
    if crate::i18n::Lang::current() == crate::i18n::Lang::En {
        return rendered.to_string();
    }
    rendered
        .lines()
        .map(|line| {
            if let Some(rest) = line.strip_prefix("error: ") {
                format!("{} {rest}", crate::t!("cli-clap-error"))
            } else if let Some(rest) = line.strip_prefix("  tip: ") {
                format!("  {} {rest}", crate::t!("cli-clap-tip"))
            } else if let Some(rest) = line.strip_prefix("Usage: ") {
                format!("{} {rest}", crate::t!("cli-help-usage"))
            } else if line == "For more information, try '--help'." {
                crate::t!("cli-clap-more").to_string()
            } else {
                line.to_string()
            }
        })
        .map(|line| line + "\n")
        .collect()
}

/// Message `id` when the catalogue has it.
fn said(id: &str) -> Option<String> {
    crate::i18n::has(id).then(|| crate::i18n::format(id, None))
}

fn localize(mut command: clap::Command, name: &str, english: bool) -> clap::Command {
    if let Some(about) = said(&format!("help-{name}")) {
        command = command.about(about);
    }
    if name == "runaround"
        && let Some(examples) = said("help-runaround-examples")
    {
        command = command.after_help(examples);
    }
    let ids: Vec<(String, String)> = command
        .get_arguments()
        .filter(|a| a.get_help().is_some())
        .map(|a| (a.get_id().to_string(), help_id(name, a)))
        .collect();
    for (arg, id) in ids {
        if let Some(help) = said(&id) {
            command = command.mut_arg(arg, |a| a.help(help));
        }
    }
    if !english {
        // clap's own --help and --version, replaced by the same flags said in this language.
        command = command.disable_help_flag(true).arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(crate::t!("help-flag-help")),
        );
        if name == "runaround" {
            command = command.disable_version_flag(true).arg(
                clap::Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(clap::ArgAction::Version)
                    .help(crate::t!("help-flag-version")),
            );
        }
        let template = template(&command);
        command = command.help_template(template);
    }
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subcommands {
        command = command.mut_subcommand(&sub, |s| localize(s, &sub, english));
    }
    command
}

/// A help template with the headings in the current language (clap's default template says
/// them in English).
fn template(command: &clap::Command) -> String {
    let mut s = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n",
        crate::t!("cli-help-usage")
    );
    if command.has_subcommands() {
        s.push_str(&format!(
            "\n{}\n{{subcommands}}\n",
            crate::t!("cli-help-commands")
        ));
    }
    if command.get_positionals().any(|a| !a.is_hide_set()) {
        s.push_str(&format!(
            "\n{}\n{{positionals}}\n",
            crate::t!("cli-help-arguments")
        ));
    }
    s.push_str(&format!(
        "\n{}\n{{options}}\n",
        crate::t!("cli-help-options")
    ));
    s.push_str("{after-help}");
    s
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
    clap_complete::generate(
        shell,
        &mut localized(Cli::command()),
        "runaround",
        &mut script,
    );
    write_out(out, &script)
}

/// `runaround man`: the manual page, in roff.
pub fn man(out: &mut dyn Write) -> Result<(), CliError> {
    let mut page = Vec::new();
    clap_mangen::Man::new(localized(Cli::command()))
        .render(&mut page)
        .map_err(|e| {
            CliError::Failed(crate::t!("cli-cannot-write-manual", error = e.to_string()))
        })?;
    write_out(out, &page)
}

fn write_out(out: &mut dyn Write, bytes: &[u8]) -> Result<(), CliError> {
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| CliError::Failed(crate::t!("cli-cannot-write-output", error = e.to_string())))
}
