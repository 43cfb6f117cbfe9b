//! The config file: a small RON file in the platform config dir (or `--config FILE`, or
//! `RUNAROUND_CONFIG`) with the theme, key overrides, the timeline's date format, the week's
//! first day, the default organisation, the mouse switch and the language. Parsing is pure ([`Config::parse`]);
//! [`Config::load`] only reads the file. A bad file is an error naming the file and the line.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::format::{Item, StrftimeItems};
use serde::Deserialize;

use crate::app::keymap::{Action, Keymap, parse_key};
use crate::i18n::Lang;

/// The colours of the TUI.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ThemeName {
    /// For dark terminal backgrounds (the default).
    #[default]
    Dark,
    /// For light terminal backgrounds.
    Light,
    /// Only the 16 ANSI colours, for terminals without more (the colours are the terminal's).
    Ansi16,
}

impl ThemeName {
    fn parse(s: &str) -> Option<ThemeName> {
        match s {
            "dark" => Some(ThemeName::Dark),
            "light" => Some(ThemeName::Light),
            "16" => Some(ThemeName::Ansi16),
            _ => None,
        }
    }
}

/// The first day of the week.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WeekStart {
    #[default]
    Monday,
    Sunday,
}

/// The settings, validated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub theme: ThemeName,
    /// The default keymap with the file's overrides applied.
    pub keymap: Keymap,
    /// The chrono strftime format of the timeline's date column; None: the built-in ones
    /// (which shorten on narrow panes).
    pub date_format: Option<String>,
    /// Stored for what will count weeks; nothing does yet.
    pub week_start: WeekStart,
    /// Prefills the new-case form and stands in for `runaround new --org`; empty: none.
    pub default_organisation: String,
    /// Whether the TUI captures the mouse (wheel and clicks). Off, the terminal's own text
    /// selection works.
    pub mouse: bool,
    /// The language, unless `--lang` or `RUNAROUND_LANG` says otherwise; None: the locale's.
    pub language: Option<Lang>,
    /// The sender of letters (`runaround letter`): a name; empty: not set.
    pub sender_name: String,
    /// The sender's postal address, one line each; empty: not set.
    pub sender_address: Vec<String>,
    /// Words and phrases `--redact` masks besides what it finds itself (names, a street).
    pub redact: Vec<String>,
    /// The file the settings came from, when one was read.
    pub path: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: ThemeName::default(),
            keymap: Keymap::default(),
            date_format: None,
            week_start: WeekStart::default(),
            default_organisation: String::new(),
            mouse: true,
            language: None,
            sender_name: String::new(),
            sender_address: Vec::new(),
            redact: Vec::new(),
            path: None,
        }
    }
}

/// A config file that cannot be used: where and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    /// The 1-based line, when the problem has one.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// The file as written: every field optional.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawConfig {
    theme: Option<String>,
    keys: BTreeMap<String, String>,
    date_format: Option<String>,
    week_start: Option<String>,
    default_organisation: Option<String>,
    mouse: Option<bool>,
    language: Option<String>,
    sender_name: Option<String>,
    sender_address: Option<Vec<String>>,
    redact: Option<Vec<String>>,
}

/// The commented default config that `runaround config --default` prints. It parses to
/// [`Config::default`].
pub const DEFAULT_CONFIG: &str = r#"// runaround's config file (RON). Every setting is optional; these are the defaults.
// Where it lives: `runaround config --path`. Another file: --config FILE or RUNAROUND_CONFIG.
(
    // "dark", "light" (for light terminal backgrounds) or "16" (the 16 ANSI colours only).
    // NO_COLOR in the environment always wins.
    theme: "dark",

    // Key overrides: "action": "key". Keys: a character (L, x, ?), Tab, S-Tab, Enter, Up, Down,
    // Left, Right, PgUp, PgDn, Home, End, Space, Backspace, Delete, F1-F12, C-x (Ctrl-x).
    // Several keys for one action: separate them with spaces ("j Down").
    // Actions: quit, help, clocks, map, numbers, charts, attachments, next_pane, prev_pane, up,
    // down, page_up, page_down, top, bottom, open, search, filter, new_case, edit_case, log_event,
    // start_call, answered, on_hold, transferred, end_call, status, delete, undo, edit_notes,
    // external_edit, letter, change_kind (in an event's edit form; it needs Ctrl or a function
    // key), take_number (in a number input: the first suggestion; Ctrl or a function key),
    // suspend; in a form: next_field, prev_field, submit; typing a search: keep_search; typing
    // notes: save_notes, notes_undo, notes_redo (these need Ctrl or a function key); in a
    // question: yes. Esc and C-c are reserved.
    keys: {
        // "log_event": "L",
    },

    // The timeline's date column, as a chrono strftime format (e.g. "%Y-%m-%d %H:%M").
    // Empty: "%a %d %b %H:%M", shortened to "%d/%m %H:%M" on narrow panes.
    date_format: "",

    // "monday" or "sunday". Reserved: nothing in runaround counts weeks yet.
    week_start: "monday",

    // The organisation a new case starts with (the new-case form, and `runaround new`
    // without --org). Empty: none, and `new` needs --org.
    default_organisation: "",

    // false leaves the mouse to the terminal (its own text selection works); true lets the
    // wheel scroll the pane under the pointer and a click select a case or an event.
    mouse: true,

    // "en", "nl" or "fr". Empty: the locale's (LC_ALL, LC_MESSAGES, LANG), else English.
    // --lang and RUNAROUND_LANG win over this.
    language: "",

    // Who signs the letters of `runaround letter` (and the TUI's letter key): your name and
    // postal address, one line each, e.g. sender_address: ["Dorpsstraat 1", "1234 AB Utrecht"].
    // A letter needs both. Your own templates: letters/LANG/KIND.txt beside this file.
    sender_name: "",
    sender_address: [],

    // Words and phrases that --redact masks besides what it finds itself (e-mail addresses,
    // IBANs, phone numbers, references, agents' names): your name, your street.
    redact: [],
)
"#;

impl Config {
    /// The default location: `config.ron` in the platform config dir.
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "runaround")
            .map(|d| d.config_dir().join("config.ron"))
    }

    /// Reads the config: `explicit` (from --config or `RUNAROUND_CONFIG`) must exist; the
    /// default file may be missing (then the defaults apply).
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let (path, required) = match explicit {
            Some(p) => (p.to_path_buf(), true),
            None => match Config::default_path() {
                Some(p) => (p, false),
                None => return Ok(Config::default()),
            },
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => Config::parse(&text, &path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
                Ok(Config::default())
            }
            Err(e) => Err(ConfigError {
                path,
                line: None,
                message: crate::t!("config-cannot-read", error = e.to_string()),
            }),
        }
    }

    /// Parses and validates config text read from `path` (named in errors).
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let error = |line: Option<usize>, message: String| ConfigError {
            path: path.to_path_buf(),
            line,
            message,
        };
        let raw: RawConfig = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(text)
            .map_err(|e| error(Some(e.span.start.line), e.code.to_string()))?;
        let at = |needle: &str| line_of(text, needle);
        let mut config = Config {
            path: Some(path.to_path_buf()),
            ..Config::default()
        };
        if let Some(theme) = raw.theme {
            config.theme = ThemeName::parse(&theme).ok_or_else(|| {
                error(
                    at("theme"),
                    crate::t!("config-bad-theme", value = format!("{theme:?}")),
                )
            })?;
        }
        if let Some(format) = raw.date_format.filter(|f| !f.is_empty()) {
            check_date_format(&format).map_err(|m| error(at("date_format"), m))?;
            config.date_format = Some(format);
        }
        if let Some(week) = raw.week_start {
            config.week_start = match week.as_str() {
                "monday" => WeekStart::Monday,
                "sunday" => WeekStart::Sunday,
                _ => {
                    return Err(error(
                        at("week_start"),
                        crate::t!("config-bad-week-start", value = format!("{week:?}")),
                    ));
                }
            };
        }
        if let Some(org) = raw.default_organisation {
            config.default_organisation = crate::domain::text::clean_line(&org).trim().to_string();
        }
        if let Some(mouse) = raw.mouse {
            config.mouse = mouse;
        }
        if let Some(language) = raw.language.filter(|l| !l.is_empty()) {
            config.language = Some(Lang::parse(&language).ok_or_else(|| {
                error(
                    at("language"),
                    crate::t!("config-bad-language", value = format!("{language:?}")),
                )
            })?);
        }
        if let Some(name) = raw.sender_name {
            config.sender_name = crate::domain::text::clean_line(&name).trim().to_string();
        }
        if let Some(lines) = raw.sender_address {
            config.sender_address = lines
                .iter()
                .map(|l| crate::domain::text::clean_line(l).trim().to_string())
                .filter(|l| !l.is_empty())
                .collect();
        }
        if let Some(words) = raw.redact {
            config.redact = words
                .iter()
                .map(|w| crate::domain::text::clean_line(w).trim().to_string())
                .filter(|w| !w.is_empty())
                .collect();
        }
        for (name, keys) in &raw.keys {
            let line = at(&format!("\"{name}\""));
            let action = Action::from_name(name).ok_or_else(|| {
                error(
                    line,
                    crate::t!("config-not-an-action", name = format!("{name:?}")),
                )
            })?;
            let keys = keys
                .split_whitespace()
                .map(parse_key)
                .collect::<Result<Vec<_>, _>>()
                .map_err(|m| error(line, format!("{name}: {m}")))?;
            if keys.is_empty() {
                return Err(error(
                    line,
                    crate::t!("config-no-key", name = name.as_str()),
                ));
            }
            config
                .keymap
                .rebind(action, &keys)
                .map_err(|m| error(line, format!("{name}: {m}")))?;
        }
        Ok(config)
    }
}

/// Whether `format` is a chrono strftime format that yields some text.
fn check_date_format(format: &str) -> Result<(), String> {
    if StrftimeItems::new(format).any(|item| matches!(item, Item::Error)) {
        return Err(crate::t!(
            "config-bad-date-format",
            value = format!("{format:?}")
        ));
    }
    Ok(())
}

/// The 1-based line where `name` is given a value (`name:`, outside a `//` comment).
fn line_of(text: &str, name: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            let code = l.split("//").next().unwrap_or("");
            code.match_indices(name)
                .any(|(i, _)| code[i + name.len()..].trim_start().starts_with(':'))
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, Path::new("/cfg/config.ron"))
    }

    #[test]
    fn the_default_config_parses_to_the_defaults() {
        let config = parse(DEFAULT_CONFIG).unwrap();
        assert_eq!(
            Config {
                path: None,
                ..config
            },
            Config::default()
        );
    }

    #[test]
    fn an_empty_config_is_the_defaults() {
        let config = parse("()").unwrap();
        assert_eq!(config.keymap, Keymap::default());
        assert!(config.mouse);
    }

    #[test]
    fn settings_are_read() {
        let config = parse(
            r#"(theme: "light", date_format: "%Y-%m-%d", week_start: "sunday",
                default_organisation: "KPN", mouse: false, keys: { "log_event": "L" })"#,
        )
        .unwrap();
        assert_eq!(config.theme, ThemeName::Light);
        assert_eq!(config.date_format.as_deref(), Some("%Y-%m-%d"));
        assert_eq!(config.week_start, WeekStart::Sunday);
        assert_eq!(config.default_organisation, "KPN");
        assert!(!config.mouse);
        assert_eq!(config.keymap.key_of(Action::LogEvent), "L");
    }

    #[test]
    fn the_sender_and_the_redact_list_are_read() {
        let config = parse(
            r#"(sender_name: "Eva Jansen", sender_address: ["Dorpsstraat 1", " ", "1234 AB Utrecht"],
                redact: ["Jansen", ""])"#,
        )
        .unwrap();
        assert_eq!(config.sender_name, "Eva Jansen");
        assert_eq!(config.sender_address, ["Dorpsstraat 1", "1234 AB Utrecht"]);
        assert_eq!(config.redact, ["Jansen"]);
        let e = parse("(\n  sender_address: \"Dorpsstraat 1\",\n)").unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let cases = [
            ("(\n  theme: \"blue\",\n)", 2, "blue"),
            (
                "(\n\n  keys: {\n    \"launch\": \"x\",\n  },\n)",
                4,
                "launch",
            ),
            (
                "(\n  keys: {\n    \"log_event\": \"n\",\n  },\n)",
                3,
                "new_case",
            ),
            (
                "(\n  keys: {\n    \"log_event\": \"Hyper-L\",\n  },\n)",
                3,
                "not a key",
            ),
            (
                "(\n  mouse: true,\n  date_format: \"%Q\",\n)",
                3,
                "strftime",
            ),
            ("(\n  week_start: \"friday\",\n)", 2, "friday"),
            ("(\n  theme: \"dark\",\n  colour: 3,\n)", 3, "colour"),
            ("(\n  theme: \"dark\"\n  mouse: true,\n)", 3, ""),
            (
                "(\n  default_organisation: \"theme park\",\n  theme: \"pink\",\n)",
                3,
                "pink",
            ),
        ];
        for (text, line, word) in cases {
            let e = parse(text).unwrap_err();
            assert_eq!(e.line, Some(line), "{text}: {e}");
            let shown = e.to_string();
            assert!(
                shown.starts_with(&format!("/cfg/config.ron:{line}: ")),
                "{shown}"
            );
            assert!(shown.contains(word), "{shown}");
        }
    }

    #[test]
    fn a_missing_explicit_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let e = Config::load(Some(&dir.path().join("nope.ron"))).unwrap_err();
        assert!(e.to_string().contains("nope.ron"), "{e}");
    }
}
