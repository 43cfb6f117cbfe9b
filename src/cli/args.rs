//! The command line, as clap definitions. This is a contract: scripts rely on these names.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::domain::{Kind, Status};

const EXAMPLES: &str = "\
Examples:
  runaround demo                                   try it on the built-in demo journal
  runaround new 'No internet after moving' --org KPN --outage '2013-08-16 17:30'
  runaround log internet call --number 0800-0402 --hold 25m --outcome transferred 'Forwarded again'
  runaround log internet redirect --from 0800-0402 --to 'internal organisation'
  runaround log internet promise --due '2013-08-20 16:00' 'Fixed within 24 to 48 hours'
  runaround show internet
  runaround export internet --format md -o dossier.md

WHEN: RFC 3339, 'YYYY-MM-DD HH:MM[:SS]', 'YYYY-MM-DD', 'HH:MM' (today), '-2h' (ago) or 'now';
      years 1000-9999. In --due, --window-start and --window-end, 'HH:MM' is on the event's
      day (--window-end: the window start's), and a --due of 'YYYY-MM-DD' is the end of that day.
DUR:  20m, 1h5m, 90s, '1h 05m', 12:30; a --hold or --talk of at most 31 days.
CASE: a case id, a unique id prefix, or a piece of the title only one case has.

Config (RON, optional; `runaround config --path` says where, --config FILE or RUNAROUND_CONFIG
another):
  runaround config --default                       the commented defaults, to start a file from
  runaround config                                 check the config file (file:line: problem)
  runaround --config light.ron                     settings for this run only
  e.g. (theme: \"light\", keys: { \"log_event\": \"L\" }, default_organisation: \"KPN\", mouse: false)

Shell completions and the manual:
  runaround completions bash > ~/.local/share/bash-completion/completions/runaround
  runaround man > ~/.local/share/man/man1/runaround.1

Debug log, to attach to a bug report (what runaround did, never a case's text):
  RUNAROUND_LOG=debug runaround                    writes runaround.log in the state dir,
                                                   e.g. ~/.local/state/runaround/runaround.log
  RUNAROUND_LOG=info or warn write less; unset or off, nothing is written.";

/// A terminal case journal for when customer service gives you the runaround.
#[derive(Debug, Parser)]
#[command(name = "runaround", version, about, after_help = EXAMPLES)]
pub struct Cli {
    /// Where the journal lives [default: the platform data dir, e.g. ~/.local/share/runaround]
    #[arg(long, global = true, env = "RUNAROUND_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Evaluate counters and default times as of WHEN instead of the clock
    #[arg(
        long,
        global = true,
        env = "RUNAROUND_NOW",
        value_name = "WHEN",
        allow_hyphen_values = true
    )]
    pub now: Option<String>,

    /// Read settings from FILE [default: config.ron in the platform config dir]
    #[arg(long, global = true, env = "RUNAROUND_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Speak LANG: en, nl or fr [default: the config's language, else the locale's]
    #[arg(long, global = true, env = "RUNAROUND_LANG", value_name = "LANG")]
    pub lang: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What to do (without one: open the journal in the TUI).
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the TUI on a fresh temporary copy of the demo journal (yours is not touched)
    Demo,
    /// Create a case and print its id
    New(NewArgs),
    /// Add one event to a case's timeline and print it
    Log(LogArgs),
    /// List open cases, most recently active first
    List {
        /// All cases, not only open ones
        #[arg(long)]
        all: bool,
        /// A JSON array instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Show a case, its counters and its timeline
    Show {
        case: String,
        /// One JSON object instead of text
        #[arg(long)]
        json: bool,
    },
    /// Change a case's status
    Status { case: String, status: StatusArg },
    /// Change a case's fields and print its one-line summary
    Set(SetArgs),
    /// The case's escalation clocks and compensation estimates
    Clocks {
        case: String,
        /// One JSON object instead of text
        #[arg(long)]
        json: bool,
    },
    /// Across open cases: promises and clocks due soon or passed and not acted on, soonest
    /// first (for cron and notifications; exits 0)
    Due {
        /// How far ahead to look [default: 7d]
        #[arg(long, value_name = "DUR")]
        within: Option<String>,
        /// A JSON array instead of one line each
        #[arg(long, conflicts_with = "ics")]
        json: bool,
        /// An iCalendar file (one event per promise and clock) for a calendar app; without
        /// --within it holds everything ahead
        #[arg(long)]
        ics: bool,
    },
    /// The rule packs in force: their rules, versions, status and sources
    Rules {
        /// Only this country's pack (e.g. NL, GB, DE, FR, BE)
        #[arg(long, value_name = "C")]
        country: Option<String>,
    },
    /// Attach a file to a case as evidence and print its id; without FILE, list them
    Attach(AttachArgs),
    /// Write a case as a Markdown dossier, JSON, or a CSV of its events
    Export {
        case: String,
        #[arg(long, value_enum)]
        format: Format,
        /// Write to FILE instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Mask personal data: references, e-mail addresses, IBANs, phone numbers that are not the organisation's, agents' names, the config's redact words
        #[arg(long)]
        redact: bool,
    },
    /// A letter filled from the case: complaint, reminder, notice-of-default or adr
    Letter {
        case: String,
        #[arg(value_enum)]
        kind: crate::letters::LetterKind,
        /// Write to FILE instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Mask personal data, as export --redact does
        #[arg(long)]
        redact: bool,
    },
    /// The runaround map: the places the case was sent between, with its loops
    Map {
        case: String,
        /// text (a readable chain), dot (Graphviz) or svg (a picture)
        #[arg(long, value_enum, default_value_t = super::map::MapFormat::Text)]
        format: super::map::MapFormat,
        /// One JSON object instead
        #[arg(long)]
        json: bool,
    },
    /// The directory of numbers and departments learned from all cases
    Numbers {
        /// Only this organisation's
        #[arg(long, value_name = "ORG")]
        org: Option<String>,
        /// A JSON array instead of text
        #[arg(long)]
        json: bool,
    },
    /// Commit the journal and merge it with its other copies through git, then push
    Sync {
        /// First make the data directory a git repository that syncs with REMOTE (a URL or a
        /// path), or point it there
        #[arg(long, value_name = "REMOTE")]
        init: Option<String>,
    },
    /// The merge driver git runs for case files (registered by `sync --init`)
    #[command(hide = true)]
    MergeDriver {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
    },
    /// Add the cases of a JSON document (as `export --format json` writes; `-` reads stdin)
    Import {
        #[arg(value_name = "FILE|-")]
        file: String,
    },
    /// Check the config file, print where it is, or print a commented default one
    Config {
        /// Print the commented default config
        #[arg(long, conflicts_with = "path")]
        default: bool,
        /// Print the path of the config file in use
        #[arg(long)]
        path: bool,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff)
    Man,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The case's title (several words are joined)
    #[arg(required = true, value_name = "TITLE")]
    pub title: Vec<String>,
    /// The organisation giving you the runaround (may be left out when the config file names a
    /// default organisation)
    #[arg(long, value_name = "ORG")]
    pub org: String,
    /// When the case began [default: now]
    #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
    pub opened: Option<String>,
    /// Also log that the service went out at WHEN
    #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
    pub outage: Option<String>,
    /// A tag (repeatable)
    #[arg(long = "tag", value_name = "T")]
    pub tags: Vec<String>,
    #[command(flatten)]
    pub terms: TermsArgs,
}

/// The case fields the escalation rules need, and references (on `new` and `set`).
#[derive(Debug, Args)]
pub struct TermsArgs {
    /// The country whose rules apply: ISO 3166-1 alpha-2 (NL, GB, DE, FR, BE)
    #[arg(long, value_name = "C")]
    pub country: Option<String>,
    /// consumer, small-business or business
    #[arg(long, value_name = "K")]
    pub customer: Option<String>,
    /// The monthly fee in the country's currency: 60, 60.00, 49,95
    #[arg(long, value_name = "AMOUNT")]
    pub fee: Option<String>,
    /// A reference such as 'customer number=123' (repeatable; on set, 'LABEL=' removes it)
    #[arg(long = "ref", value_name = "LABEL=VALUE")]
    pub refs: Vec<String>,
}

#[derive(Debug, Args)]
pub struct SetArgs {
    pub case: String,
    /// A new title
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
    /// A new organisation
    #[arg(long, value_name = "O")]
    pub org: Option<String>,
    #[command(flatten)]
    pub terms: TermsArgs,
    /// Add a tag (repeatable)
    #[arg(long = "tag", value_name = "T")]
    pub tags: Vec<String>,
    /// Remove a tag (repeatable)
    #[arg(long = "untag", value_name = "T")]
    pub untags: Vec<String>,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    pub case: String,
    #[arg(value_parser = parse_kind)]
    pub kind: Kind,
    /// When it happened [default: now]
    #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
    pub at: Option<String>,
    /// Number dialled (call)
    #[arg(long, value_name = "N")]
    pub number: Option<String>,
    /// Department (call)
    #[arg(long, value_name = "D")]
    pub department: Option<String>,
    /// Agent's name (call, redirect, promise)
    #[arg(long, value_name = "A")]
    pub agent: Option<String>,
    /// out or in (call)
    #[arg(long, value_name = "DIR")]
    pub direction: Option<String>,
    /// Time on hold (call)
    #[arg(long, value_name = "DUR")]
    pub hold: Option<String>,
    /// Time talking (call)
    #[arg(long, value_name = "DUR")]
    pub talk: Option<String>,
    /// answered, dropped, no-answer, transferred (call); fixed, failed, no-show (visit);
    /// deadlock (complaint)
    #[arg(long, value_name = "O")]
    pub outcome: Option<String>,
    /// Where you were sent (redirect), who received a complaint (complaint)
    #[arg(long, value_name = "T")]
    pub to: Option<String>,
    /// Where you were sent from (redirect), sender (message)
    #[arg(long, value_name = "F")]
    pub from: Option<String>,
    /// When a promise falls due (promise)
    #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
    pub due: Option<String>,
    /// pending, kept, broken (promise) [default: pending]
    #[arg(long, value_name = "S")]
    pub state: Option<String>,
    /// sms, email, letter, chat, app, web, phone (message, complaint); a complaint by letter,
    /// email or web is a written one
    #[arg(long, value_name = "C")]
    pub channel: Option<String>,
    /// Subject (message)
    #[arg(long, value_name = "S")]
    pub subject: Option<String>,
    /// Reference (complaint)
    #[arg(long = "ref", value_name = "R")]
    pub reference: Option<String>,
    /// Who came: technician, shop… (visit)
    #[arg(long, value_name = "W")]
    pub who: Option<String>,
    /// Appointment window start (visit)
    #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
    pub window_start: Option<String>,
    /// Appointment window end (visit)
    #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
    pub window_end: Option<String>,
    /// Longer free text
    #[arg(long, value_name = "TEXT")]
    pub detail: Option<String>,
    /// What happened, in a line (several words are joined)
    #[arg(value_name = "SUMMARY")]
    pub summary: Vec<String>,
}

/// What `attach` is given.
#[derive(Debug, Args)]
pub struct AttachArgs {
    pub case: String,
    /// The file to attach (copied into the journal)
    #[arg(value_name = "FILE", conflicts_with = "remove")]
    pub file: Option<PathBuf>,
    /// The event it belongs to: its number in `show`, or its id
    #[arg(long, value_name = "ID")]
    pub event: Option<String>,
    /// What it is, in a few words
    #[arg(long, value_name = "L")]
    pub label: Option<String>,
    /// Remove attachment ID (the case keeps that it was removed, and when)
    #[arg(long, value_name = "ID", conflicts_with_all = ["event", "label"])]
    pub remove: Option<String>,
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A Markdown dossier
    Md,
    /// One JSON object (importable)
    Json,
    /// One CSV row per event
    Csv,
    /// A directory: the dossier, its attachments and a checksum list
    Dir,
    /// A self-contained HTML dossier, to print
    Html,
}

/// By hand rather than derived, so that each value's help is said in the language of the
/// moment `--help` is shown.
impl ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            Format::Md,
            Format::Json,
            Format::Csv,
            Format::Html,
            Format::Dir,
        ]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let (name, help) = match self {
            Format::Md => ("md", crate::t!("cli-format-md")),
            Format::Json => ("json", crate::t!("cli-format-json")),
            Format::Csv => ("csv", crate::t!("cli-format-csv")),
            Format::Dir => ("dir", crate::t!("attach-format-dir")),
            Format::Html => ("html", crate::t!("dossier-format-html")),
        };
        Some(clap::builder::PossibleValue::new(name).help(help))
    }
}

/// A status on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    Open,
    Resolved,
    Closed,
}

impl From<StatusArg> for Status {
    fn from(s: StatusArg) -> Status {
        match s {
            StatusArg::Open => Status::Open,
            StatusArg::Resolved => Status::Resolved,
            StatusArg::Closed => Status::Closed,
        }
    }
}

fn parse_kind(s: &str) -> Result<Kind, String> {
    s.parse::<Kind>().map_err(|e| e.to_string())
}
