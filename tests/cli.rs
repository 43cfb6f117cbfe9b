//! The command line as a contract (SPEC §3): the built binary run against temporary journals,
//! with TZ=Europe/Amsterdam so that local times and DST are deterministic.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use chrono::{DateTime, Utc};
use clap::Parser;
use clap::error::ErrorKind;
use runaround::cli::Cli;
use runaround::cli::args::Format;
use runaround::domain::{Case, Channel, Direction, Event, Kind, Outcome, PromiseState, Status};
use runaround::storage::{Entry, Store};
use serde_json::Value;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_runaround");

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .unwrap_or_else(|e| panic!("bad test time {s}: {e}"))
        .with_timezone(&Utc)
}

/// What a run of the binary gave.
#[derive(Debug, PartialEq)]
struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

/// A temporary home with a journal in `data/` (which does not exist until a command makes it).
struct Journal {
    tmp: TempDir,
}

impl Journal {
    fn new() -> Self {
        Journal {
            tmp: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn data(&self) -> PathBuf {
        self.tmp.path().join("data")
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.tmp.path().join(rel)
    }

    fn case_file(&self, id: &str) -> PathBuf {
        self.data().join("cases").join(format!("{id}.ron"))
    }

    /// The binary with a clean environment: TZ fixed, RUNAROUND_* removed, the platform data
    /// and config dirs pointed into the temp dir so no real journal or config is touched.
    fn bare(&self) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.env("TZ", "Europe/Amsterdam")
            .env_remove("RUNAROUND_DIR")
            .env_remove("RUNAROUND_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .env_remove("RUNAROUND_NOW")
            .env_remove("RUNAROUND_CONFIG")
            .env_remove("RUNAROUND_FAULT")
            .env("XDG_DATA_HOME", self.path("xdg"))
            .env("XDG_CONFIG_HOME", self.path("xdg-config"))
            .env("HOME", self.path("home"))
            .stdin(Stdio::null());
        cmd
    }

    /// The binary with `--data-dir DATA`.
    fn cmd(&self) -> Command {
        let mut cmd = self.bare();
        cmd.arg("--data-dir").arg(self.data());
        cmd
    }

    fn run(&self, args: &[&str]) -> Out {
        exec(self.cmd().args(args))
    }

    /// Runs and expects success; returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(out.code, 0, "runaround {args:?} failed: {out:?}");
        out.stdout
    }

    /// `new`, returning the id.
    fn new_case(&self, args: &[&str]) -> String {
        let mut all = vec!["new"];
        all.extend_from_slice(args);
        let out = self.ok(&all);
        let id = out.trim_end_matches('\n');
        assert!(!id.is_empty() && !id.contains('\n'), "{out:?}");
        id.to_string()
    }

    fn store(&self) -> Store {
        Store::open(&self.data()).expect("open store")
    }

    fn load(&self, id: &str) -> Case {
        match self.store().load(id).expect("load") {
            Entry::Readable { body: case, .. } => case,
            Entry::Unreadable {
                problem: reason, ..
            } => panic!("{id} unreadable: {reason}"),
        }
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.ok(args);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {out}"))
    }

    /// Every file under the data dir with its bytes.
    fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut files = BTreeMap::new();
        walk(&self.data(), &mut files);
        files
    }
}

fn walk(dir: &Path, files: &mut BTreeMap<PathBuf, Vec<u8>>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            walk(&path, files);
        } else if path.extension().is_some_and(|x| x == "lock") {
            // A lock file holds only the pid of its last holder: there, but not compared.
            files.insert(path, Vec::new());
        } else {
            let bytes = fs::read(&path).expect("read file");
            files.insert(path, bytes);
        }
    }
}

fn exec(cmd: &mut Command) -> Out {
    let out = cmd.output().expect("run runaround");
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

// ---------------------------------------------------------------------------------------------
// Parsing (clap)

fn parse(args: &[&str]) -> Cli {
    Cli::try_parse_from(args).unwrap_or_else(|e| panic!("{args:?} did not parse: {e}"))
}

#[test]
#[allow(clippy::too_many_lines)]
fn global_options_parse_before_and_after_the_subcommand() {
    use runaround::cli::Command as C;
    let table: [&[&str]; 5] = [
        &[
            "runaround",
            "--data-dir",
            "/j",
            "--now",
            "2013-08-20 22:00",
            "list",
            "--all",
        ],
        &[
            "runaround",
            "list",
            "--all",
            "--data-dir",
            "/j",
            "--now",
            "2013-08-20 22:00",
        ],
        &[
            "runaround",
            "--now",
            "2013-08-20 22:00",
            "list",
            "--data-dir=/j",
            "--all",
        ],
        &[
            "runaround",
            "list",
            "--now=2013-08-20 22:00",
            "--all",
            "--data-dir",
            "/j",
        ],
        &[
            "runaround",
            "--data-dir",
            "/elsewhere",
            "list",
            "--data-dir",
            "/j",
            "--all",
            "--now",
            "2013-08-20 22:00",
        ],
    ];
    for args in table {
        let cli = parse(args);
        assert_eq!(cli.data_dir, Some(PathBuf::from("/j")), "{args:?}");
        assert_eq!(cli.now.as_deref(), Some("2013-08-20 22:00"), "{args:?}");
        assert!(
            matches!(
                cli.command,
                Some(C::List {
                    all: true,
                    json: false
                })
            ),
            "{args:?}: {:?}",
            cli.command
        );
    }

    let cli = parse(&[
        "runaround",
        "log",
        "internet",
        "call",
        "--data-dir",
        "/j",
        "--hold",
        "20m",
        "--now",
        "now",
        "Forwarded",
        "again",
    ]);
    assert_eq!(cli.data_dir, Some(PathBuf::from("/j")));
    assert_eq!(cli.now.as_deref(), Some("now"));
    match cli.command {
        Some(C::Log(args)) => {
            assert_eq!(args.case, "internet");
            assert_eq!(args.kind, Kind::Call);
            assert_eq!(args.hold.as_deref(), Some("20m"));
            assert_eq!(args.summary, vec!["Forwarded", "again"]);
            assert_eq!(args.at, None);
        }
        other => panic!("{other:?}"),
    }

    let cli = parse(&["runaround", "show", "k7f", "--json", "--data-dir", "/j"]);
    assert!(matches!(cli.command, Some(C::Show { ref case, json: true }) if case == "k7f"));

    let cli = parse(&[
        "runaround",
        "export",
        "k7f",
        "--format",
        "csv",
        "-o",
        "out.csv",
    ]);
    match cli.command {
        Some(C::Export {
            case,
            format,
            output,
            redact,
        }) => {
            assert!(!redact);
            assert_eq!(case, "k7f");
            assert_eq!(format, Format::Csv);
            assert_eq!(output, Some(PathBuf::from("out.csv")));
        }
        other => panic!("{other:?}"),
    }

    // Without a subcommand: the TUI. Without flags: the environment decides (not set here).
    let cli = parse(&["runaround", "--data-dir", "/j"]);
    assert!(cli.command.is_none());
    let cli = parse(&["runaround"]);
    assert!(cli.command.is_none());
    if std::env::var_os("RUNAROUND_DIR").is_none() {
        assert_eq!(cli.data_dir, None);
    }
    if std::env::var_os("RUNAROUND_NOW").is_none() {
        assert_eq!(cli.now, None);
    }
}

#[test]
fn new_takes_a_repeated_tag_and_joins_the_title() {
    use runaround::cli::Command as C;
    let cli = parse(&[
        "runaround",
        "new",
        "No",
        "internet",
        "after",
        "moving",
        "--org",
        "KPN",
        "--tag",
        "internet",
        "--outage",
        "2013-08-16 17:30",
        "--tag",
        "moving",
        "--tag",
        "tv",
    ]);
    match cli.command {
        Some(C::New(args)) => {
            assert_eq!(args.title, vec!["No", "internet", "after", "moving"]);
            assert_eq!(args.org, "KPN");
            assert_eq!(args.tags, vec!["internet", "moving", "tv"]);
            assert_eq!(args.outage.as_deref(), Some("2013-08-16 17:30"));
            assert_eq!(args.opened, None);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn bad_command_lines_are_refused_by_the_parser() {
    let table: [(&[&str], ErrorKind); 7] = [
        (&["runaround", "frobnicate"], ErrorKind::InvalidSubcommand),
        (
            &["runaround", "--data-dir", "/j", "lsit"],
            ErrorKind::InvalidSubcommand,
        ),
        (
            &["runaround", "log", "internet", "telegram"],
            ErrorKind::ValueValidation,
        ),
        (
            &["runaround", "new", "No internet"],
            ErrorKind::MissingRequiredArgument,
        ),
        (
            &["runaround", "new", "--org", "KPN"],
            ErrorKind::MissingRequiredArgument,
        ),
        (
            &["runaround", "export", "x", "--format", "pdf"],
            ErrorKind::InvalidValue,
        ),
        (
            &["runaround", "list", "--colour"],
            ErrorKind::UnknownArgument,
        ),
    ];
    for (args, kind) in table {
        match Cli::try_parse_from(args) {
            Ok(cli) => panic!("{args:?} parsed: {cli:?}"),
            Err(e) => assert_eq!(e.kind(), kind, "{args:?}: {e}"),
        }
    }
    // The binary turns them into exit status 2.
    let j = Journal::new();
    let out = j.run(&["frobnicate"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("frobnicate"), "{out:?}");
    let out = j.run(&["log", "x", "telegram"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("telegram"), "{out:?}");
}

// ---------------------------------------------------------------------------------------------
// new, log

#[test]
fn new_prints_only_the_id_and_creates_private_files() {
    let j = Journal::new();
    assert!(!j.data().exists());
    let out = j.ok(&[
        "new",
        "No internet, TV or phone after moving",
        "--org",
        "KPN",
        "--opened",
        "2013-08-16 18:00",
        "--outage",
        "2013-08-16 17:30",
        "--tag",
        "internet",
        "--tag",
        "moving",
    ]);
    assert!(out.ends_with('\n'), "{out:?}");
    let id = out.trim_end_matches('\n');
    assert_eq!(out.lines().count(), 1, "{out:?}");
    assert!(runaround::storage::valid_id(id), "{out:?}");
    assert!(!id.contains(' '), "{out:?}");

    assert_eq!(mode(&j.data()), 0o700);
    assert_eq!(mode(&j.data().join("cases")), 0o700);
    assert!(j.case_file(id).is_file());
    assert_eq!(mode(&j.case_file(id)), 0o600);

    let case = j.load(id);
    assert_eq!(case.id, id);
    assert_eq!(case.title, "No internet, TV or phone after moving");
    assert_eq!(case.organisation, "KPN");
    assert_eq!(case.status, Status::Open);
    assert_eq!(case.opened, t("2013-08-16T16:00:00Z"));
    assert_eq!(case.tags, vec!["internet", "moving"]);
    assert_eq!(case.events.len(), 1);
    assert_eq!(case.events[0].kind, Kind::Outage);
    assert_eq!(case.events[0].at, t("2013-08-16T15:30:00Z"));

    // Every file in the journal is private.
    for path in j.snapshot().keys() {
        assert_eq!(mode(path), 0o600, "{}", path.display());
    }

    // A second case gets another id; the title of several words is joined.
    let id2 = j.new_case(&["Broken", "phone", "--org", "KPN Zakelijk"]);
    assert_ne!(id2, id);
    assert_eq!(j.load(&id2).title, "Broken phone");
    assert!(j.load(&id2).events.is_empty());
}

/// One `log` command and what it must store.
struct LogCase {
    args: &'static [&'static str],
    /// Fragments the printed line contains, in order.
    line_has: &'static [&'static str],
    expect: fn() -> Event,
}

#[allow(clippy::too_many_lines)]
fn log_table() -> Vec<LogCase> {
    vec![
        LogCase {
            args: &[
                "call",
                "--at",
                "2026-03-31 17:02",
                "--number",
                "0800-0403",
                "--department",
                "Grote zakelijke markt",
                "--agent",
                "Sanne",
                "--direction",
                "out",
                "--hold",
                "20m",
                "--talk",
                "1h 05m",
                "--outcome",
                "transferred",
                "Vous devez appeler",
                "le 1200",
            ],
            line_has: &[
                "Tue 2026-03-31 17:02",
                "call",
                "0800-0403",
                "Grote zakelijke markt",
                "Sanne",
                "hold 20m",
                "talk 1h 05m",
                "transferred",
                "Vous devez appeler le 1200",
            ],
            expect: || {
                let mut e = Event::new(
                    Kind::Call,
                    t("2026-03-31T15:02:00Z"),
                    "Vous devez appeler le 1200",
                );
                e.number = "0800-0403".into();
                e.department = "Grote zakelijke markt".into();
                e.agent = "Sanne".into();
                e.direction = Some(Direction::Out);
                e.hold_seconds = Some(1200);
                e.talk_seconds = Some(3900);
                e.outcome = Some(Outcome::Transferred);
                e
            },
        },
        LogCase {
            args: &[
                "call",
                "--at",
                "2026-03-31T18:00:00+02:00",
                "--direction",
                "in",
                "--number",
                "088-0402",
                "--outcome",
                "no-answer",
                "--hold",
                "90s",
            ],
            line_has: &[
                "Tue 2026-03-31 18:00",
                "call",
                "incoming",
                "088-0402",
                "hold 1m",
                "no-answer",
            ],
            expect: || {
                let mut e = Event::new(Kind::Call, t("2026-03-31T16:00:00Z"), "");
                e.number = "088-0402".into();
                e.direction = Some(Direction::In);
                e.hold_seconds = Some(90);
                e.outcome = Some(Outcome::NoAnswer);
                e
            },
        },
        LogCase {
            args: &[
                "redirect",
                "--at",
                "2026-03-25 10:00",
                "--from",
                "shop",
                "--to",
                "1200",
                "--agent",
                "Kim",
                "Business customers must call 1200",
            ],
            line_has: &[
                "Wed 2026-03-25 10:00",
                "redirect",
                "shop → 1200",
                "Kim",
                "Business customers must call 1200",
            ],
            expect: || {
                let mut e = Event::new(
                    Kind::Redirect,
                    t("2026-03-25T09:00:00Z"),
                    "Business customers must call 1200",
                );
                e.from = "shop".into();
                e.to = "1200".into();
                e.agent = "Kim".into();
                e
            },
        },
        LogCase {
            args: &[
                "promise",
                "--at",
                "2013-08-17 10:40",
                "--agent",
                "Mohamed",
                "--due",
                "2013-08-19 10:40",
                "Within 24 to 48 hours",
            ],
            line_has: &[
                "Sat 2013-08-17 10:40",
                "promise",
                "Mohamed",
                "due Mon 2013-08-19 10:40",
                // Logged long after its due: it reads as broken, as the counters count it.
                "broken: overdue since Mon 19 Aug",
                "Within 24 to 48 hours",
            ],
            expect: || {
                let mut e = Event::new(
                    Kind::Promise,
                    t("2013-08-17T08:40:00Z"),
                    "Within 24 to 48 hours",
                );
                e.agent = "Mohamed".into();
                e.due = Some(t("2013-08-19T08:40:00Z"));
                e.state = Some(PromiseState::Pending);
                e
            },
        },
        LogCase {
            args: &[
                "promise",
                "--at",
                "2013-08-17 11:00",
                "--state",
                "kept",
                "Call back today",
            ],
            line_has: &["Sat 2013-08-17 11:00", "promise", "kept", "Call back today"],
            expect: || {
                let mut e = Event::new(Kind::Promise, t("2013-08-17T09:00:00Z"), "Call back today");
                e.state = Some(PromiseState::Kept);
                e
            },
        },
        LogCase {
            args: &[
                "visit",
                "--at",
                "2013-08-20 16:05",
                "--who",
                "technician",
                "--window-start",
                "2013-08-20 14:00",
                "--window-end",
                "2013-08-20 16:00",
                "--outcome",
                "no-show",
                "Nobody came, nobody called",
            ],
            line_has: &[
                "Tue 2013-08-20 16:05",
                "visit",
                "technician",
                "Tue 2013-08-20 14:00–16:00",
                "no-show",
                "Nobody came, nobody called",
            ],
            expect: || {
                let mut e = Event::new(
                    Kind::Visit,
                    t("2013-08-20T14:05:00Z"),
                    "Nobody came, nobody called",
                );
                e.who = "technician".into();
                e.window_start = Some(t("2013-08-20T12:00:00Z"));
                e.window_end = Some(t("2013-08-20T14:00:00Z"));
                e.outcome = Some(Outcome::NoShow);
                e
            },
        },
        LogCase {
            args: &[
                "message",
                "--at",
                "2013-08-19 19:00",
                "--channel",
                "sms",
                "--from",
                "KPN",
                "--subject",
                "Storing",
                "Technician Tuesday 14-16",
            ],
            line_has: &[
                "Mon 2013-08-19 19:00",
                "message",
                "sms",
                "from KPN",
                "Storing",
                "Technician Tuesday 14-16",
            ],
            expect: || {
                let mut e = Event::new(
                    Kind::Message,
                    t("2013-08-19T17:00:00Z"),
                    "Technician Tuesday 14-16",
                );
                e.channel = Some(Channel::Sms);
                e.from = "KPN".into();
                e.subject = "Storing".into();
                e
            },
        },
        LogCase {
            args: &[
                "outage",
                "--at",
                "2013-08-16 17:30",
                "Internet, TV and phone dead",
            ],
            line_has: &[
                "Fri 2013-08-16 17:30",
                "outage",
                "Internet, TV and phone dead",
            ],
            expect: || {
                Event::new(
                    Kind::Outage,
                    t("2013-08-16T15:30:00Z"),
                    "Internet, TV and phone dead",
                )
            },
        },
        LogCase {
            args: &["restored", "--at", "2013-08-23 12:00"],
            line_has: &["Fri 2013-08-23 12:00", "restored"],
            expect: || Event::new(Kind::Restored, t("2013-08-23T10:00:00Z"), ""),
        },
        LogCase {
            args: &[
                "complaint",
                "--at",
                "2013-08-20 21:00",
                "--ref",
                "KL-2013-0815",
                "--to",
                "KPN complaints",
                "Filed on the website",
            ],
            line_has: &[
                "Tue 2013-08-20 21:00",
                "complaint",
                "KPN complaints",
                "KL-2013-0815",
                "Filed on the website",
            ],
            expect: || {
                let mut e = Event::new(
                    Kind::Complaint,
                    t("2013-08-20T19:00:00Z"),
                    "Filed on the website",
                );
                e.r#ref = "KL-2013-0815".into();
                e.to = "KPN complaints".into();
                e
            },
        },
        LogCase {
            args: &[
                "note",
                "--at",
                "2013-08-20 22:00",
                "--detail",
                "Regel één\nDeuxième ligne 😤",
                "Typed",
                "with",
                "one",
                "finger",
            ],
            line_has: &["Tue 2013-08-20 22:00", "note", "Typed with one finger"],
            expect: || {
                let mut e = Event::new(
                    Kind::Note,
                    t("2013-08-20T20:00:00Z"),
                    "Typed with one finger",
                );
                e.detail = "Regel één\nDeuxième ligne 😤".into();
                e
            },
        },
    ]
}

#[test]
fn log_appends_each_kind_and_prints_one_line() {
    let j = Journal::new();
    let id = j.new_case(&[
        "Everything at once",
        "--org",
        "KPN",
        "--opened",
        "2013-08-01",
    ]);
    let table = log_table();
    for row in &table {
        let mut args = vec!["log", id.as_str()];
        args.extend_from_slice(row.args);
        let out = j.ok(&args);
        assert!(
            out.ends_with('\n') && out.lines().count() == 1,
            "{args:?}: {out:?}"
        );
        let mut rest = out.as_str();
        for fragment in row.line_has {
            let at = rest.find(fragment).unwrap_or_else(|| {
                panic!("{args:?}: {fragment:?} missing (in order) from {out:?}")
            });
            rest = &rest[at + fragment.len()..];
        }
        let expected = (row.expect)();
        let case = j.load(&id);
        let found = case
            .events
            .iter()
            .filter(|e| !e.id.is_empty() && e.same_but_id(&expected))
            .count();
        assert_eq!(
            found, 1,
            "{args:?}: {expected:?} not stored once in {:#?}",
            case.events
        );
    }
    let case = j.load(&id);
    assert_eq!(case.events.len(), table.len());
    let mut sorted = case.events.clone();
    sorted.sort_by_key(|e| e.at);
    assert_eq!(case.events, sorted, "events are kept in time order");
}

#[test]
fn a_flag_or_value_that_makes_no_sense_is_a_usage_error_and_changes_nothing() {
    let j = Journal::new();
    let id = j.new_case(&["Broken phone", "--org", "KPN"]);
    j.ok(&["log", &id, "note", "something happened"]);
    let before = j.snapshot();
    let table: [(&str, &[&str], &str); 21] = [
        ("note", &["--hold", "5m"], "--hold"),
        ("call", &["--due", "2026-04-01"], "--due"),
        ("redirect", &["--outcome", "answered"], "--outcome"),
        ("visit", &["--channel", "sms"], "--channel"),
        ("message", &["--to", "1200"], "--to"),
        ("complaint", &["--number", "1200"], "--number"),
        ("outage", &["--agent", "Sanne"], "--agent"),
        ("restored", &["--from", "shop"], "--from"),
        ("promise", &["--who", "technician"], "--who"),
        ("call", &["--state", "kept"], "--state"),
        ("note", &["--ref", "KL-1"], "--ref"),
        ("call", &["--subject", "x"], "--subject"),
        (
            "redirect",
            &["--window-start", "2026-04-01 10:00"],
            "--window-start",
        ),
        ("message", &["--talk", "5m"], "--talk"),
        ("promise", &["--direction", "in"], "--direction"),
        ("visit", &["--department", "repairs"], "--department"),
        // Values that do not fit.
        ("call", &["--outcome", "no-show"], "no-show"),
        (
            "call",
            &["--hold", "twenty minutes-ish"],
            "twenty minutes-ish",
        ),
        ("message", &["--channel", "pigeon"], "pigeon"),
        ("promise", &["--state", "maybe"], "maybe"),
        ("call", &["--direction", "sideways"], "sideways"),
    ];
    for (kind, flags, named) in table {
        let mut args = vec!["log", id.as_str(), kind];
        args.extend_from_slice(flags);
        args.push("summary");
        let out = j.run(&args);
        assert_eq!(out.code, 2, "{args:?}: {out:?}");
        assert!(
            out.stderr.contains(named),
            "{args:?}: stderr does not name {named}: {out:?}"
        );
        assert!(out.stdout.is_empty(), "{args:?}: {out:?}");
        assert_eq!(j.snapshot(), before, "{args:?} changed the journal");
    }
}

#[test]
fn a_when_that_is_not_a_time_is_a_usage_error_naming_the_value() {
    let j = Journal::new();
    let id = j.new_case(&["Broken phone", "--org", "KPN"]);
    let id = id.as_str();
    let before = j.snapshot();
    let table: [&[&str]; 8] = [
        &["log", id, "note", "--at", "friday-ish", "x"],
        &["log", id, "note", "--at", "2013-02-30 10:00", "x"],
        &["log", id, "promise", "--due", "someday", "x"],
        &["log", id, "visit", "--window-start", "tuesday 2-4", "x"],
        &["log", id, "note", "--now", "gisteren", "x"],
        &["show", id, "--now", "25:99"],
        &["new", "x", "--org", "y", "--opened", "last week"],
        &["new", "x", "--org", "y", "--outage", "2013-13-01"],
    ];
    for args in table {
        let value = args
            .iter()
            .zip(args.iter().skip(1))
            .find(|(flag, _)| {
                [
                    "--at",
                    "--due",
                    "--window-start",
                    "--now",
                    "--opened",
                    "--outage",
                ]
                .contains(flag)
            })
            .map(|(_, v)| *v)
            .expect("a time flag");
        let out = j.run(args);
        assert_eq!(out.code, 2, "{args:?}: {out:?}");
        assert!(
            out.stderr.contains(&format!("'{value}'")),
            "{args:?}: {out:?}"
        );
        assert!(out.stderr.contains("not a time"), "{args:?}: {out:?}");
        assert_eq!(j.snapshot(), before, "{args:?} changed the journal");
    }
    // The same through the environment.
    let out = exec(j.cmd().env("RUNAROUND_NOW", "gisteren").args(["list"]));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("'gisteren'"), "{out:?}");
}

/// The help and the error message offer '-2h' as a WHEN ("2 hours ago"), so `--at -2h` must
/// be accepted as a value, not taken for an unknown option.
#[test]
fn a_relative_when_is_accepted_after_the_flag() {
    let j = Journal::new();
    let id = j.new_case(&["Broken phone", "--org", "KPN", "--now", "2026-03-31 17:00"]);
    let out = j.run(&[
        "log",
        &id,
        "note",
        "--at=-2h",
        "--now",
        "2026-03-31 17:00",
        "x",
    ]);
    assert_eq!(out.code, 0, "{out:?}");
    let out = j.run(&[
        "log",
        &id,
        "note",
        "--at",
        "-1h 30m",
        "--now",
        "2026-03-31 17:00",
        "y",
    ]);
    assert_eq!(out.code, 0, "`--at '-1h 30m'` is refused: {out:?}");
    let case = j.load(&id);
    let at: Vec<_> = case
        .events
        .iter()
        .map(|e| (e.summary.as_str(), e.at))
        .collect();
    assert_eq!(
        at,
        vec![
            ("x", t("2026-03-31T13:00:00Z")),
            ("y", t("2026-03-31T13:30:00Z"))
        ]
    );
}

#[test]
fn runaround_now_and_the_now_flag_both_set_the_clock_and_the_flag_wins() {
    let j = Journal::new();
    let env_now = "2013-08-16T18:00:00+02:00";
    let new = |extra: &[&str]| {
        let mut cmd = j.cmd();
        cmd.env("RUNAROUND_NOW", env_now)
            .args(["new", "No internet", "--org", "KPN"])
            .args(extra);
        let out = exec(&mut cmd);
        assert_eq!(out.code, 0, "{out:?}");
        out.stdout.trim().to_string()
    };
    let first = new(&[]);
    assert_eq!(j.load(&first).opened, t("2013-08-16T16:00:00Z"));
    let second = new(&["--now", "2014-01-01 12:00"]);
    assert_eq!(j.load(&second).opened, t("2014-01-01T11:00:00Z"));
    let third = j.new_case(&["Broken phone", "--org", "KPN", "--now", "2013-08-20 22:00"]);
    assert_eq!(j.load(&third).opened, t("2013-08-20T20:00:00Z"));

    // Default event times follow the clock too.
    let out = exec(
        j.cmd()
            .env("RUNAROUND_NOW", env_now)
            .args(["log", &first, "note", "env"]),
    );
    assert_eq!(out.code, 0, "{out:?}");
    let out = exec(j.cmd().env("RUNAROUND_NOW", env_now).args([
        "log",
        &first,
        "note",
        "flag",
        "--now",
        "2013-08-17T09:00:00Z",
    ]));
    assert_eq!(out.code, 0, "{out:?}");
    let at: Vec<_> = j
        .load(&first)
        .events
        .iter()
        .map(|e| (e.summary.clone(), e.at))
        .collect();
    assert_eq!(
        at,
        vec![
            ("env".to_string(), t("2013-08-16T16:00:00Z")),
            ("flag".to_string(), t("2013-08-17T09:00:00Z")),
        ]
    );

    // And counters: days open as of the environment's moment, or the flag's.
    let days_open = |cmd: &mut Command| -> i64 {
        let out = exec(cmd);
        assert_eq!(out.code, 0, "{out:?}");
        let v: Value = serde_json::from_str(&out.stdout).expect("json");
        v["counters"]["days_open"].as_i64().expect("days_open")
    };
    let env_later = "2013-08-26T18:00:00+02:00";
    assert_eq!(
        days_open(
            j.cmd()
                .env("RUNAROUND_NOW", env_later)
                .args(["show", &first, "--json"])
        ),
        10
    );
    assert_eq!(
        days_open(j.cmd().env("RUNAROUND_NOW", env_later).args([
            "show",
            &first,
            "--json",
            "--now",
            "2013-08-19 18:00"
        ])),
        3
    );
    // `--now now` is the wall clock, whatever the environment says.
    assert!(
        days_open(
            j.cmd()
                .env("RUNAROUND_NOW", env_later)
                .args(["show", &first, "--json", "--now", "now"])
        ) > 4000
    );
}

#[test]
fn the_data_dir_flag_wins_over_runaround_dir_and_the_platform_dir_is_the_last_resort() {
    let j = Journal::new();
    let from_env = j.path("from-env");
    let from_flag = j.path("from-flag");

    let out = exec(
        j.bare()
            .env("RUNAROUND_DIR", &from_env)
            .args(["new", "A", "--org", "KPN"]),
    );
    assert_eq!(out.code, 0, "{out:?}");
    let a = out.stdout.trim().to_string();
    assert!(from_env.join("cases").join(format!("{a}.ron")).is_file());

    let out = exec(
        j.bare()
            .env("RUNAROUND_DIR", &from_env)
            .arg("--data-dir")
            .arg(&from_flag)
            .args(["new", "B", "--org", "KPN"]),
    );
    assert_eq!(out.code, 0, "{out:?}");
    let b = out.stdout.trim().to_string();
    assert!(from_flag.join("cases").join(format!("{b}.ron")).is_file());
    assert!(!from_env.join("cases").join(format!("{b}.ron")).exists());

    // `list` sees the journal the same rules pick.
    let out = exec(
        j.bare()
            .env("RUNAROUND_DIR", &from_env)
            .args(["list", "--json"]),
    );
    let ids: Vec<String> = serde_json::from_str::<Value>(&out.stdout)
        .expect("json")
        .as_array()
        .expect("array")
        .iter()
        .map(|c| c["id"].as_str().expect("id").to_string())
        .collect();
    assert_eq!(ids, vec![a.clone()]);

    // Neither: $XDG_DATA_HOME/runaround.
    let out = exec(j.bare().args(["new", "C", "--org", "KPN"]));
    assert_eq!(out.code, 0, "{out:?}");
    let c = out.stdout.trim().to_string();
    assert!(
        j.path("xdg")
            .join("runaround")
            .join("cases")
            .join(format!("{c}.ron"))
            .is_file()
    );
    assert!(!j.data().exists());
}

// ---------------------------------------------------------------------------------------------
// CASE resolution, list, show

#[test]
fn case_is_a_full_id_a_unique_prefix_or_a_unique_piece_of_the_title() {
    let j = Journal::new();
    let internet = j.new_case(&["No internet after moving", "--org", "KPN"]);
    let phone = j.new_case(&[
        "Broken phone, loan device never came",
        "--org",
        "KPN Zakelijk",
    ]);
    let bill = j.new_case(&["Internet bill twice", "--org", "Ziggo"]);
    let ids = [&internet, &phone, &bill];
    let shown = |query: &str| -> String {
        j.json(&["show", query, "--json"])["id"]
            .as_str()
            .expect("id")
            .to_string()
    };

    for id in ids {
        assert_eq!(&shown(id), id, "full id");
        let k = (1..=id.len())
            .find(|&k| {
                ids.iter()
                    .filter(|other| other.starts_with(&id[..k]))
                    .count()
                    == 1
            })
            .expect("a unique prefix");
        assert_eq!(&shown(&id[..k]), id, "prefix {}", &id[..k]);
    }
    assert_eq!(shown("LOAN DEVICE"), phone);
    assert_eq!(shown("after Moving"), internet);
    assert_eq!(shown("BILL"), bill);

    // Ambiguous: both internet cases are listed, the phone is not.
    let out = j.run(&["show", "INTERNET"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stderr.contains(&internet) && out.stderr.contains(&bill),
        "{out:?}"
    );
    assert!(!out.stderr.contains(&phone), "{out:?}");
    assert!(out.stdout.is_empty());

    // Unknown: an error that lists the cases there are.
    let out = j.run(&["show", "Vodafone"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(out.stderr.contains("Vodafone"), "{out:?}");
    for id in ids {
        assert!(out.stderr.contains(id.as_str()), "{out:?}");
    }

    // A log to an ambiguous or unknown case writes nothing.
    let before = j.snapshot();
    for query in ["internet", "vodafone"] {
        let out = j.run(&["log", query, "note", "lost?"]);
        assert_eq!(out.code, 1, "{out:?}");
        assert_eq!(j.snapshot(), before);
    }

    // An ambiguous id prefix.
    let doc = |id: &str| {
        format!(
            r#"{{"id": "{id}", "title": "Case {id}", "organisation": "KPN", "opened": "2026-01-01T00:00:00Z"}}"#
        )
    };
    let file = j.path("two.json");
    fs::write(
        &file,
        format!("[{}, {}]", doc("zz-case-1"), doc("zz-case-2")),
    )
    .expect("write");
    j.ok(&["import", file.to_str().expect("path")]);
    let out = j.run(&["show", "zz-case"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stderr.contains("zz-case-1") && out.stderr.contains("zz-case-2"),
        "{out:?}"
    );
    assert_eq!(shown("zz-case-2"), "zz-case-2");
}

fn list_ids(j: &Journal, args: &[&str]) -> Vec<String> {
    j.json(args)
        .as_array()
        .expect("a JSON array")
        .iter()
        .map(|c| c["id"].as_str().expect("id").to_string())
        .collect()
}

#[test]
fn list_shows_open_cases_most_recently_active_first_and_all_with_all() {
    let j = Journal::new();
    let now = ["--now", "2013-08-25 12:00"];
    let alpha = j.new_case(&[
        "Alpha internet",
        "--org",
        "KPN",
        "--opened",
        "2013-08-01 10:00",
    ]);
    let bravo = j.new_case(&[
        "Bravo phone",
        "--org",
        "KPN",
        "--opened",
        "2013-08-05 10:00",
    ]);
    let charlie = j.new_case(&[
        "Charlie bill",
        "--org",
        "Ziggo",
        "--opened",
        "2013-08-10 10:00",
    ]);
    let delta = j.new_case(&["Delta tv", "--org", "Ziggo", "--opened", "2013-08-03 10:00"]);
    let mut args = vec!["list", "--json"];
    args.extend_from_slice(&now);
    assert_eq!(
        list_ids(&j, &args),
        vec![charlie.clone(), bravo.clone(), delta.clone(), alpha.clone()]
    );

    // Activity moves a case up; a back-dated event counts at its own time.
    j.ok(&[
        "log",
        &alpha,
        "call",
        "--at",
        "2013-08-12 09:00",
        "--hold",
        "5m",
    ]);
    j.ok(&[
        "log",
        &delta,
        "note",
        "--at",
        "2013-08-04 09:00",
        "back-dated",
    ]);
    assert_eq!(
        list_ids(&j, &args),
        vec![alpha.clone(), charlie.clone(), bravo.clone(), delta.clone()]
    );

    let out = j.ok(&["status", &bravo, "resolved"]);
    assert!(out.contains(&bravo) && out.contains("resolved"), "{out:?}");
    j.ok(&["status", &delta, "closed"]);
    assert_eq!(list_ids(&j, &args), vec![alpha.clone(), charlie.clone()]);
    let mut all = args.clone();
    all.push("--all");
    assert_eq!(
        list_ids(&j, &all),
        vec![alpha.clone(), charlie.clone(), bravo.clone(), delta.clone()]
    );
    let statuses: Vec<String> = j
        .json(&all)
        .as_array()
        .expect("array")
        .iter()
        .map(|v| v["status"].as_str().expect("status").to_string())
        .collect();
    assert_eq!(statuses, vec!["open", "open", "resolved", "closed"]);

    // The table: same order, one line per case.
    let table = j.ok(&["list", "--now", "2013-08-25 12:00"]);
    let rows: Vec<&str> = table
        .lines()
        .filter(|l| {
            l.contains(&alpha) || l.contains(&bravo) || l.contains(&charlie) || l.contains(&delta)
        })
        .collect();
    assert_eq!(rows.len(), 2, "{table}");
    assert!(
        rows[0].contains(&alpha) && rows[0].contains("Alpha internet"),
        "{table}"
    );
    assert!(
        rows[1].contains(&charlie) && rows[1].contains("Charlie bill"),
        "{table}"
    );
    let table = j.ok(&["list", "--all", "--now", "2013-08-25 12:00"]);
    let order: Vec<usize> = [&alpha, &charlie, &bravo, &delta]
        .iter()
        .map(|id| table.find(id.as_str()).expect("listed"))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{table}");

    // Reopening brings it back.
    j.ok(&["status", &bravo, "open"]);
    assert_eq!(list_ids(&j, &args), vec![alpha, charlie, bravo]);
}

const COUNTER_KEYS: [&str; 10] = [
    "without_service_seconds",
    "days_without_service",
    "redirects",
    "calls",
    "hold_seconds",
    "longest_hold_seconds",
    "promises_pending",
    "promises_broken",
    "no_shows",
    "days_open",
];

const EVENT_KEYS: [&str; 17] = [
    "at",
    "kind",
    "summary",
    "detail",
    "number",
    "department",
    "agent",
    "direction",
    "hold_seconds",
    "talk_seconds",
    "outcome",
    "from",
    "to",
    "due",
    "state",
    "channel",
    "ref",
];

/// A journal with one case that has an event of every kind (from the `log` table).
fn full_case() -> (Journal, String) {
    let j = Journal::new();
    let id = j.new_case(&[
        "Everything at once",
        "--org",
        "KPN",
        "--opened",
        "2013-08-01",
        "--tag",
        "internet",
    ]);
    for row in log_table() {
        let mut args = vec!["log", id.as_str()];
        args.extend_from_slice(row.args);
        j.ok(&args);
    }
    (j, id)
}

fn check_case_json(v: &Value, id: &str) {
    let obj = v.as_object().expect("a JSON object");
    for key in [
        "id",
        "title",
        "organisation",
        "status",
        "opened",
        "counters",
        "events",
    ] {
        assert!(obj.contains_key(key), "missing {key}: {v:#}");
    }
    assert_eq!(v["id"], id);
    assert_eq!(v["title"], "Everything at once");
    assert_eq!(v["organisation"], "KPN");
    assert_eq!(v["status"], "open");
    assert_eq!(v["opened"], "2013-07-31T22:00:00Z");
    DateTime::parse_from_rfc3339(v["opened"].as_str().expect("opened")).expect("RFC 3339");

    let counters = v["counters"].as_object().expect("counters object");
    let keys: BTreeSet<&str> = counters.keys().map(String::as_str).collect();
    assert_eq!(keys, COUNTER_KEYS.into_iter().collect::<BTreeSet<_>>());
    for (k, n) in counters {
        assert!(n.is_i64() || n.is_u64(), "{k} is not an integer: {n}");
    }

    let events = v["events"].as_array().expect("events array");
    assert_eq!(events.len(), log_table().len());
    for e in events {
        let e = e.as_object().expect("event object");
        for key in ["at", "kind"] {
            assert!(e.contains_key(key), "event without {key}: {e:?}");
        }
        DateTime::parse_from_rfc3339(e["at"].as_str().expect("at")).expect("RFC 3339 at");
        assert!(
            Kind::ALL.iter().any(|k| k.as_str() == e["kind"]),
            "kind {}",
            e["kind"]
        );
        for (key, value) in e {
            assert!(
                !(value.is_null() || value == "" || value == &Value::Array(vec![])),
                "{key} is present but empty in {e:?}"
            );
        }
    }
}

/// The event object of the given kind whose summary is `summary`.
fn event_json<'a>(v: &'a Value, kind: &str, summary: &str) -> &'a serde_json::Map<String, Value> {
    v["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(Value::as_object)
        .find(|e| {
            e["kind"] == kind
                && e.get("summary").map_or("", |s| s.as_str().unwrap_or("")) == summary
        })
        .unwrap_or_else(|| panic!("no {kind} event {summary:?}"))
}

fn keys_of(e: &serde_json::Map<String, Value>) -> BTreeSet<&str> {
    e.keys()
        .map(String::as_str)
        .filter(|k| EVENT_KEYS.contains(k))
        .collect()
}

#[test]
fn show_and_list_json_use_the_spec_keys() {
    let (j, id) = full_case();
    let now = "2026-04-01T00:00:00+02:00";
    let show = j.json(&["show", &id, "--json", "--now", now]);
    // Everything except the empty-summary rule (see its own test).
    let mut without_empty = show.clone();
    for e in without_empty["events"].as_array_mut().expect("events") {
        if e["summary"] == "" {
            e.as_object_mut().expect("event").remove("summary");
        }
    }
    check_case_json(&without_empty, &id);

    let c = &show["counters"];
    assert_eq!(c["calls"], 2);
    assert_eq!(c["redirects"], 1);
    assert_eq!(c["hold_seconds"], 1290);
    assert_eq!(c["longest_hold_seconds"], 1200);
    assert_eq!(c["no_shows"], 1);
    assert_eq!(c["promises_broken"], 1);
    assert_eq!(c["promises_pending"], 0);
    assert_eq!(
        c["without_service_seconds"],
        (t("2013-08-23T10:00:00Z") - t("2013-08-16T15:30:00Z")).num_seconds()
    );
    assert_eq!(c["days_without_service"], 6);
    assert_eq!(
        c["days_open"],
        (t(now) - t("2013-07-31T22:00:00Z")).num_days()
    );

    let set = |keys: &[&'static str]| keys.iter().copied().collect::<BTreeSet<&str>>();
    let call = event_json(&show, "call", "Vous devez appeler le 1200");
    assert_eq!(
        keys_of(call),
        set(&[
            "at",
            "kind",
            "summary",
            "number",
            "department",
            "agent",
            "direction",
            "hold_seconds",
            "talk_seconds",
            "outcome"
        ])
    );
    assert_eq!(call["at"], "2026-03-31T15:02:00Z");
    assert_eq!(call["direction"], "out");
    assert_eq!(call["hold_seconds"], 1200);
    assert_eq!(call["talk_seconds"], 3900);
    assert_eq!(call["outcome"], "transferred");
    let redirect = event_json(&show, "redirect", "Business customers must call 1200");
    assert_eq!(
        keys_of(redirect),
        set(&["at", "kind", "summary", "agent", "from", "to"])
    );
    assert_eq!(
        (&redirect["from"], &redirect["to"]),
        (&Value::from("shop"), &Value::from("1200"))
    );
    let promise = event_json(&show, "promise", "Within 24 to 48 hours");
    assert_eq!(
        keys_of(promise),
        set(&["at", "kind", "summary", "agent", "due", "state"])
    );
    assert_eq!(promise["due"], "2013-08-19T08:40:00Z");
    assert_eq!(promise["state"], "pending");
    let message = event_json(&show, "message", "Technician Tuesday 14-16");
    assert_eq!(
        keys_of(message),
        set(&["at", "kind", "summary", "channel", "from"])
    );
    assert_eq!(message["channel"], "sms");
    let complaint = event_json(&show, "complaint", "Filed on the website");
    assert_eq!(
        keys_of(complaint),
        set(&["at", "kind", "summary", "ref", "to"])
    );
    assert_eq!(complaint["ref"], "KL-2013-0815");
    let note = event_json(&show, "note", "Typed with one finger");
    assert_eq!(keys_of(note), set(&["at", "kind", "summary", "detail"]));
    assert_eq!(note["detail"], "Regel één\nDeuxième ligne 😤");
    let outage = event_json(&show, "outage", "Internet, TV and phone dead");
    assert_eq!(keys_of(outage), set(&["at", "kind", "summary"]));
    let visit = event_json(&show, "visit", "Nobody came, nobody called");
    assert_eq!(visit["outcome"], "no-show");

    // `list --json`: the same object per case (without notes).
    let list = j.json(&["list", "--json", "--now", now]);
    let list = list.as_array().expect("array");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0], show);
    assert!(show.get("notes").is_none(), "show --json has no notes");
}

/// SPEC §3: event keys, `summary` among them, are "absent when empty".
#[test]
fn an_empty_summary_is_absent_from_event_json() {
    let j = Journal::new();
    let id = j.new_case(&["No internet", "--org", "KPN", "--now", "2013-08-16 18:00"]);
    j.ok(&["log", &id, "restored", "--at", "2013-08-23 12:00"]);
    let show = j.json(&["show", &id, "--json"]);
    let e = show["events"][0].as_object().expect("event");
    assert_eq!(e["kind"], "restored");
    assert!(!e.contains_key("summary"), "empty summary present: {e:?}");
}

// ---------------------------------------------------------------------------------------------
// export, import

#[test]
fn export_writes_markdown_json_and_csv_to_stdout_or_a_file() {
    let (j, id) = full_case();
    let now = "2013-08-21 00:00";

    let md = j.ok(&["export", &id, "--format", "md", "--now", now]);
    assert!(md.starts_with("# Everything at once\n"), "{md}");
    for needle in [
        "KPN",
        "Timeline",
        "Vous devez appeler le 1200",
        "| Days without service | 4 |",
        id.as_str(),
    ] {
        assert!(md.contains(needle), "markdown lacks {needle:?}:\n{md}");
    }

    let json = j.json(&["export", &id, "--format", "json", "--now", now]);
    let show = j.json(&["show", &id, "--json", "--now", now]);
    let mut without_notes = json.clone();
    assert_eq!(without_notes["notes"], "");
    without_notes
        .as_object_mut()
        .expect("object")
        .remove("notes");
    assert_eq!(without_notes, show, "export json is show --json plus notes");
    assert_eq!(json["tags"], serde_json::json!(["internet"]));
    assert_eq!(json["references"], serde_json::json!([]));

    let csv_text = j.ok(&["export", &id, "--format", "csv", "--now", now]);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    for key in EVENT_KEYS {
        assert!(
            header.iter().any(|h| h == key),
            "CSV lacks column {key}: {header:?}"
        );
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), log_table().len());
    let col = |name: &str| header.iter().position(|h| h == name).expect("column");
    let call = rows
        .iter()
        .find(|r| &r[col("summary")] == "Vous devez appeler le 1200")
        .expect("the call row");
    assert_eq!(&call[col("kind")], "call");
    assert_eq!(&call[col("hold_seconds")], "1200");
    assert_eq!(&call[col("at")], "2026-03-31T15:02:00Z");
    let note = rows
        .iter()
        .find(|r| &r[col("kind")] == "note")
        .expect("note row");
    assert_eq!(&note[col("detail")], "Regel één\nDeuxième ligne 😤");

    // -o FILE: nothing on stdout, the same bytes in the file.
    for (format, stdout_version) in [("md", &md), ("csv", &csv_text)] {
        let file = j.path(&format!("out.{format}"));
        let out = j.ok(&[
            "export",
            &id,
            "--format",
            format,
            "--now",
            now,
            "-o",
            file.to_str().expect("path"),
        ]);
        assert!(out.is_empty(), "{out:?}");
        assert_eq!(
            &fs::read_to_string(&file).expect("exported file"),
            stdout_version
        );
    }
    let file = j.path("out.json");
    let out = j.ok(&[
        "export",
        &id,
        "--now",
        now,
        "--format",
        "json",
        "--output",
        file.to_str().expect("path"),
    ]);
    assert!(out.is_empty());
    let from_file: Value =
        serde_json::from_str(&fs::read_to_string(&file).expect("read")).expect("json");
    assert_eq!(from_file, json);
}

const RICH_IMPORT: &str = r#"{
  "id": "kpn-internet-2013",
  "title": "No internet, TV or phone after moving",
  "organisation": "KPN",
  "status": "open",
  "opened": "2013-08-16T18:00:00+02:00",
  "tags": ["internet", "moving"],
  "references": [{"label": "Customer number", "value": "1234567"}, {"label": "Ticket", "value": "T-88"}],
  "notes": "Since Friday evening: nothing.\nÉén keer, deux fois, 三次 😤\n\ttabbed \"quoted\" \\ backslash",
  "active_call": {"number": "0800-0402", "segments": [{"phase": "hold", "from": "2013-08-20T14:00:00Z"}, {"phase": "talk", "from": "2013-08-20T14:25:00Z"}], "transfers": 2},
  "events": [
    {"at": "2013-08-17T10:00:00+02:00", "kind": "call", "summary": "Second call", "number": "0800-0402", "hold_seconds": 1800, "outcome": "transferred"},
    {"at": "2013-08-16T17:30:00+02:00", "kind": "outage", "summary": "service out"},
    {"at": "2013-08-17T10:35:00+02:00", "kind": "redirect", "summary": "", "from": "0800-0402", "to": "internal organisation"},
    {"at": "2013-08-17T10:40:00+02:00", "kind": "promise", "summary": "24 to 48 hours", "due": "2013-08-19T10:40:00+02:00", "state": "pending"}
  ]
}"#;

#[test]
fn export_json_then_import_is_a_round_trip_and_existing_ids_are_skipped() {
    let now = ["--now", "2013-08-21 00:00"];
    let (a, full) = full_case();
    let rich = a.path("rich.json");
    fs::write(&rich, RICH_IMPORT).expect("write");
    let out = a.ok(&["import", rich.to_str().expect("path")]);
    assert_eq!(out, "kpn-internet-2013\n");
    let imported = a.load("kpn-internet-2013");
    assert_eq!(
        imported.events[0].kind,
        Kind::Outage,
        "sorted by time on import"
    );
    assert_eq!(imported.references.len(), 2);
    assert_eq!(imported.active_call.as_ref().map(|c| c.transfers), Some(2));

    let b = Journal::new();
    for id in [full.as_str(), "kpn-internet-2013"] {
        let mut args = vec!["export", id, "--format", "json"];
        args.extend_from_slice(&now);
        let first = a.ok(&args);
        let file = a.path(&format!("{id}.json"));
        fs::write(&file, &first).expect("write export");
        let out = b.ok(&["import", file.to_str().expect("path")]);
        assert_eq!(out, format!("{id}\n"));
        let second = b.ok(&args);
        let (v1, v2): (Value, Value) = (
            serde_json::from_str(&first).expect("json"),
            serde_json::from_str(&second).expect("json"),
        );
        assert_eq!(v1, v2, "round trip of {id}");
        assert_eq!(a.load(id), b.load(id), "the stored cases are equal too");

        // Importing again: skipped with a warning, nothing changed, exit 0.
        let before = b.snapshot();
        let out = b.run(&["import", file.to_str().expect("path")]);
        assert_eq!(out.code, 0, "{out:?}");
        assert!(out.stdout.is_empty(), "{out:?}");
        assert!(
            out.stderr.contains(id) && out.stderr.contains("already exists"),
            "{out:?}"
        );
        assert_eq!(b.snapshot(), before);
    }

    // Import from standard input, as an array.
    let c = Journal::new();
    let both = format!(
        "[{}, {}]",
        a.ok(&["export", &full, "--format", "json"]),
        a.ok(&["export", "kpn-internet-2013", "--format", "json"])
    );
    let mut child = c
        .cmd()
        .args(["import", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(both.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{full}\nkpn-internet-2013\n")
    );
    assert_eq!(c.load(&full), a.load(&full));
}

#[test]
fn a_bad_import_exits_1_and_creates_no_file() {
    let j = Journal::new();
    let existing = j.new_case(&["Already here", "--org", "KPN"]);
    let before = j.snapshot();
    let good = r#"{"id": "good-one", "title": "Fine", "organisation": "KPN", "opened": "2013-08-16T18:00:00Z"}"#;
    let with_event = |event: &str| {
        format!(
            r#"{{"id": "bad-one", "title": "Bad", "organisation": "KPN", "opened": "2013-08-16T18:00:00Z", "events": [{event}]}}"#
        )
    };
    let table: Vec<(&str, String)> = vec![
        ("invalid JSON", "{\"id\": \"x\",".into()),
        ("not JSON at all", "id: x".into()),
        ("empty", String::new()),
        ("a number", "42".into()),
        ("missing opened", r#"{"id": "bad-one", "title": "Bad", "organisation": "KPN"}"#.into()),
        ("bad id", r#"{"id": "../../etc", "title": "Bad", "organisation": "KPN", "opened": "2013-08-16T18:00:00Z"}"#.into()),
        ("empty title", r#"{"id": "bad-one", "title": " ", "organisation": "KPN", "opened": "2013-08-16T18:00:00Z"}"#.into()),
        ("unknown kind", with_event(r#"{"at": "2013-08-17T10:00:00Z", "kind": "telegram"}"#)),
        ("bad time", with_event(r#"{"at": "Friday evening", "kind": "note"}"#)),
        ("field not for the kind", with_event(r#"{"at": "2013-08-17T10:00:00Z", "kind": "note", "hold_seconds": 60}"#)),
        ("outcome not for the kind", with_event(r#"{"at": "2013-08-17T10:00:00Z", "kind": "call", "outcome": "no-show"}"#)),
        ("negative hold", with_event(r#"{"at": "2013-08-17T10:00:00Z", "kind": "call", "hold_seconds": -5}"#)),
        ("bad status", r#"{"id": "bad-one", "title": "Bad", "organisation": "KPN", "opened": "2013-08-16T18:00:00Z", "status": "lost"}"#.into()),
        // One bad case spoils the whole document: the good one is not imported either.
        ("good then bad", format!("[{good}, {}]", with_event(r#"{"at": "2013-08-17T10:00:00Z", "kind": "note", "due": "2013-08-18T10:00:00Z"}"#))),
        ("bad then good", format!("[{}, {good}]", with_event(r#"{"kind": "note"}"#))),
    ];
    for (what, doc) in table {
        let file = j.path("import.json");
        fs::write(&file, &doc).expect("write");
        let out = j.run(&["import", file.to_str().expect("path")]);
        assert_eq!(out.code, 1, "{what}: {out:?}");
        assert!(!out.stderr.trim().is_empty(), "{what}: no message");
        assert!(out.stdout.is_empty(), "{what}: {out:?}");
        assert_eq!(j.snapshot(), before, "{what}: the journal changed");
    }
    let out = j.run(&["import", j.path("missing.json").to_str().expect("path")]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(out.stderr.contains("missing.json"), "{out:?}");
    assert_eq!(j.store().ids().expect("ids"), vec![existing]);
}

// ---------------------------------------------------------------------------------------------
// Local time and DST (Europe/Amsterdam)

/// Logs `when` as a note (summary = `when`) and returns the stored instant, or the failed run.
fn log_at(j: &Journal, id: &str, when: &str) -> Result<DateTime<Utc>, Out> {
    let out = j.run(&["log", id, "note", "--at", when, when]);
    if out.code != 0 {
        return Err(out);
    }
    let case = j.load(id);
    let e = case
        .events
        .iter()
        .rev()
        .find(|e| e.summary == when)
        .expect("logged");
    Ok(e.at)
}

#[test]
fn a_local_time_in_the_dst_gap_is_refused_and_one_in_the_overlap_is_its_first_occurrence() {
    let j = Journal::new();
    let id = j.new_case(&["DST", "--org", "KPN", "--opened", "2026-03-01"]);
    let before = j.snapshot();
    for args in [
        vec!["log", id.as_str(), "note", "--at", "2026-03-29 02:30", "x"],
        vec![
            "log",
            id.as_str(),
            "note",
            "--at",
            "2026-03-29 02:00:01",
            "x",
        ],
        vec![
            "log",
            id.as_str(),
            "promise",
            "--due",
            "2026-03-29 02:59:59",
            "x",
        ],
        vec!["show", id.as_str(), "--now", "2026-03-29 02:30"],
    ] {
        let out = j.run(&args);
        assert_ne!(out.code, 0, "{args:?}: {out:?}");
        assert!(out.stderr.contains("does not exist"), "{args:?}: {out:?}");
        assert!(!out.stderr.contains("panicked"), "{args:?}: {out:?}");
        assert_eq!(j.snapshot(), before);
    }
    let table = [
        ("2026-10-25 02:30", "2026-10-25T00:30:00Z"),
        ("2026-10-25 02:00", "2026-10-25T00:00:00Z"),
        ("2026-10-25 02:59:59", "2026-10-25T00:59:59Z"),
        ("2026-10-25 03:00:01", "2026-10-25T02:00:01Z"),
        ("2026-10-25 01:59", "2026-10-24T23:59:00Z"),
        ("2026-03-29 01:59", "2026-03-29T00:59:00Z"),
        ("2026-03-29 03:00", "2026-03-29T01:00:00Z"),
        ("2026-03-29", "2026-03-28T23:00:00Z"),
        ("2026-10-25T02:30:00+01:00", "2026-10-25T01:30:00Z"),
    ];
    for (when, utc) in table {
        assert_eq!(log_at(&j, &id, when), Ok(t(utc)), "{when}");
    }
    let line = j.ok(&["log", &id, "note", "--at", "2026-10-25 02:30", "again"]);
    assert!(line.starts_with("Sun 2026-10-25 02:30"), "{line:?}");
}

/// The exact hours where the clocks change: 02:00 on the last Sunday of March never happens
/// (the clocks go from 01:59:59 to 03:00:00), and 03:00 on the last Sunday of October happens
/// once, at 02:00Z (03:00 CEST would be 01:00Z, but CEST ended at 01:00Z, which was 02:00 CET).
#[test]
fn the_exact_hours_of_the_dst_changes() {
    let j = Journal::new();
    let id = j.new_case(&["DST", "--org", "KPN", "--opened", "2026-03-01"]);
    match log_at(&j, &id, "2026-03-29 02:00") {
        Err(out) => assert!(out.stderr.contains("does not exist"), "{out:?}"),
        Ok(at) => panic!("'2026-03-29 02:00' does not exist in Amsterdam, but was stored as {at}"),
    }
    assert_eq!(
        log_at(&j, &id, "2026-10-25 03:00"),
        Ok(t("2026-10-25T02:00:00Z")),
        "'2026-10-25 03:00' is 03:00 CET"
    );
}

// ---------------------------------------------------------------------------------------------
// The Dutch story, as a README would tell it

#[test]
#[allow(clippy::too_many_lines)]
fn replaying_the_dutch_story_gives_its_counters() {
    let j = Journal::new();
    let id = j.new_case(&[
        "No internet, TV or phone after moving",
        "--org",
        "KPN",
        "--opened",
        "2013-08-16 18:00",
        "--outage",
        "2013-08-16 17:30",
        "--tag",
        "internet",
    ]);
    let steps: [&[&str]; 10] = [
        &[
            "call",
            "--at",
            "2013-08-16 18:05",
            "--number",
            "0800-0402",
            "--hold",
            "25m",
            "--talk",
            "10m",
            "--outcome",
            "answered",
            "First call: fault logged",
        ],
        &[
            "call",
            "--at",
            "2013-08-17 10:00",
            "--number",
            "0800-0402",
            "--hold",
            "30m",
            "--outcome",
            "transferred",
            "Passed on",
        ],
        &[
            "redirect",
            "--at",
            "2013-08-17 10:35",
            "--from",
            "0800-0402",
            "--to",
            "internal organisation",
            "Passed on within the internal organisation",
        ],
        &[
            "promise",
            "--at",
            "2013-08-17 10:40",
            "--due",
            "2013-08-19 10:40",
            "Within 24 to 48 hours",
        ],
        &[
            "call",
            "--at",
            "2013-08-19 09:00",
            "--hold",
            "40m",
            "--outcome",
            "answered",
            "No number for the internal organisation",
        ],
        &[
            "message",
            "--at",
            "2013-08-19 19:00",
            "--channel",
            "sms",
            "--from",
            "KPN",
            "Technician Tuesday 14:00-16:00",
        ],
        &[
            "visit",
            "--at",
            "2013-08-20 16:00",
            "--who",
            "technician",
            "--window-start",
            "2013-08-20 14:00",
            "--window-end",
            "2013-08-20 16:00",
            "--outcome",
            "no-show",
            "Nobody came",
        ],
        &[
            "call",
            "--at",
            "2013-08-20 16:10",
            "--hold",
            "1h 5m",
            "--outcome",
            "answered",
            "Cabinet down the street was locked, twice",
        ],
        &[
            "redirect",
            "--at",
            "2013-08-20 16:20",
            "--from",
            "0800-0402",
            "--to",
            "internal organisation",
            "Still with the internal organisation",
        ],
        &[
            "promise",
            "--at",
            "2013-08-20 21:00",
            "--due",
            "2013-08-23 17:00",
            "A technician will look on Friday",
        ],
    ];
    for step in steps {
        let mut args = vec!["log", "after moving"];
        args.extend_from_slice(step);
        j.ok(&args);
    }
    let show = j.json(&["show", "internet", "--json", "--now", "2013-08-20 22:00"]);
    assert_eq!(show["id"], id.as_str());
    let expected = serde_json::json!({
        "without_service_seconds": 4 * 86_400 + 4 * 3600 + 30 * 60,
        "days_without_service": 4,
        "redirects": 2,
        "calls": 4,
        "hold_seconds": (25 + 30 + 40 + 65) * 60,
        "longest_hold_seconds": 65 * 60,
        "promises_pending": 1,
        "promises_broken": 1,
        "no_shows": 1,
        "days_open": 4,
    });
    assert_eq!(show["counters"], expected);

    // The text report says the same with its plain labels, and flags the loop.
    let text = j.ok(&["show", "internet", "--now", "2013-08-20 22:00"]);
    for needle in [
        "without service",
        "4d 04h 30m",
        "promises broken",
        "back to internal organisation, 2nd time",
    ] {
        assert!(text.contains(needle), "show lacks {needle:?}:\n{text}");
    }
    // A day earlier the promise was still pending and it was 3 days.
    let earlier = j.json(&["show", &id, "--json", "--now", "2013-08-19 10:00"]);
    assert_eq!(earlier["counters"]["days_without_service"], 2);
    assert_eq!(earlier["counters"]["promises_pending"], 1);
    assert_eq!(earlier["counters"]["promises_broken"], 0);
    assert_eq!(earlier["counters"]["redirects"], 1);
}

#[test]
fn show_prints_the_case_its_counters_and_its_timeline() {
    let (j, id) = full_case();
    let text = j.ok(&["show", &id, "--now", "2013-08-21 00:00"]);
    assert!(text.starts_with("Everything at once\n"), "{text}");
    for needle in [
        id.as_str(),
        "KPN",
        "tags: internet",
        "as of 2013-08-21 00:00",
        "days without service",
        "redirects",
        "timeline",
        "Vous devez appeler le 1200",
        "Regel één",
        "Deuxième ligne 😤",
    ] {
        assert!(text.contains(needle), "show lacks {needle:?}:\n{text}");
    }
    let line_of = |s: &str| text.find(s).expect("in timeline");
    assert!(
        line_of("Business customers") > line_of("Internet, TV and phone dead"),
        "time order"
    );
}

#[test]
fn status_changes_are_stored() {
    let j = Journal::new();
    let id = j.new_case(&["Broken phone", "--org", "KPN"]);
    for (word, status) in [
        ("resolved", Status::Resolved),
        ("closed", Status::Closed),
        ("open", Status::Open),
    ] {
        let out = j.ok(&["status", "phone", word]);
        assert_eq!(out, format!("{id} is now {word}\n"));
        assert_eq!(j.load(&id).status, status);
    }
    let out = j.run(&["status", &id, "forgotten"]);
    assert_eq!(out.code, 2, "{out:?}");
}

#[test]
fn unreadable_and_newer_case_files_are_reported_and_never_written() {
    let j = Journal::new();
    let good = j.new_case(&["No internet after moving", "--org", "KPN"]);
    let newer = j.new_case(&["Broken phone", "--org", "KPN"]);
    let broken = j.new_case(&["Internet bill twice", "--org", "Ziggo"]);
    // A newer schema: same shape plus a field this build does not know.
    let text = fs::read_to_string(j.case_file(&newer)).expect("read");
    let text = text.replacen("schema: 1,", "schema: 9,\n  colour: \"red\",", 1);
    fs::write(j.case_file(&newer), &text).expect("write newer");
    // A truncated file.
    let bytes = fs::read(j.case_file(&broken)).expect("read");
    fs::write(j.case_file(&broken), &bytes[..bytes.len() / 2]).expect("truncate");
    let before = j.snapshot();

    for (id, word) in [(&newer, "read-only"), (&broken, "cannot be read")] {
        for args in [
            vec!["log", id.as_str(), "note", "x"],
            vec!["status", id.as_str(), "closed"],
        ] {
            let out = j.run(&args);
            assert_eq!(out.code, 1, "{args:?}: {out:?}");
            assert!(out.stderr.contains(word), "{args:?}: {out:?}");
            assert_eq!(j.snapshot(), before, "{args:?} changed a file");
        }
    }

    // The newer case can still be shown, and says it is read-only.
    let text = j.ok(&["show", &newer]);
    assert!(text.contains("read-only"), "{text}");
    assert_eq!(j.json(&["show", &newer, "--json"])["id"], newer.as_str());
    // The broken one cannot, with the reason.
    let out = j.run(&["show", &broken]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(out.stderr.contains(&broken), "{out:?}");

    // `list` still lists the others and warns about the broken one.
    let out = j.run(&["list", "--json"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stderr.contains(&broken), "{out:?}");
    let v: Value = serde_json::from_str(&out.stdout).expect("json");
    let mut ids: Vec<&str> = v
        .as_array()
        .expect("array")
        .iter()
        .map(|c| c["id"].as_str().expect("id"))
        .collect();
    ids.sort_unstable();
    let mut expected = vec![good.as_str(), newer.as_str()];
    expected.sort_unstable();
    assert_eq!(ids, expected);
    // The good case is still writable.
    j.ok(&["log", &good, "note", "still works"]);
    assert_eq!(j.load(&good).events.len(), 1);
}

#[test]
fn control_characters_never_reach_the_terminal_or_the_file() {
    let j = Journal::new();
    let id = j.new_case(&["Kabel\u{1b}[2J storing\u{7}", "--org", "KPN\u{9b}31m"]);
    let line = j.ok(&[
        "log",
        &id,
        "note",
        "--detail",
        "regel 1\r\nregel 2\u{1b}]0;pwned\u{7}",
        "evil \u{1b}[31mred\u{1b}[0m\u{8} text\u{7f}",
    ]);
    let show = j.ok(&["show", &id]);
    let md = j.ok(&["export", &id, "--format", "md"]);
    let file = fs::read_to_string(j.case_file(&id)).expect("read");
    for (what, text) in [
        ("log", &line),
        ("show", &show),
        ("md", &md),
        ("file", &file),
    ] {
        let bad: Vec<char> = text
            .chars()
            .filter(|c| c.is_control() && *c != '\n' && *c != '\t')
            .collect();
        assert!(
            bad.is_empty(),
            "{what} has control characters {bad:?}:\n{text}"
        );
    }
    let case = j.load(&id);
    // Escape sequences go whole, leaving nothing of themselves behind.
    assert_eq!(case.title, "Kabel storing");
    assert_eq!(case.organisation, "KPN");
    assert_eq!(case.events[0].summary, "evil red text");
    assert_eq!(case.events[0].detail, "regel 1\nregel 2");
}

#[test]
fn an_export_that_cannot_be_written_fails_without_a_partial_file() {
    let j = Journal::new();
    let id = j.new_case(&["No internet", "--org", "KPN"]);
    let target = j.path("no-such-dir/dossier.md");
    let out = j.run(&[
        "export",
        &id,
        "--format",
        "md",
        "-o",
        target.to_str().expect("path"),
    ]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(out.stderr.contains("no-such-dir"), "{out:?}");
    assert!(!j.path("no-such-dir").exists());

    // Overwriting an existing export replaces it whole.
    let file = j.path("dossier.md");
    fs::write(&file, "x".repeat(100_000)).expect("write");
    j.ok(&[
        "export",
        &id,
        "--format",
        "md",
        "-o",
        file.to_str().expect("path"),
    ]);
    let written = fs::read_to_string(&file).expect("read");
    assert!(
        written.starts_with("# No internet\n") && !written.contains("xxx"),
        "{written}"
    );
}

#[test]
fn a_case_about_an_outage_is_opened_no_later_than_the_outage() {
    let j = Journal::new();
    let now = "2013-08-20T22:00:00+02:00";
    let past = j.new_case(&[
        "Geen internet",
        "--org",
        "KPN",
        "--outage",
        "2013-08-16 17:30",
        "--now",
        now,
    ]);
    assert_eq!(j.load(&past).opened, t("2013-08-16T15:30:00Z"));
    let future = j.new_case(&[
        "Storing gepland",
        "--org",
        "KPN",
        "--outage",
        "2013-08-25 09:00",
        "--now",
        now,
    ]);
    assert_eq!(
        j.load(&future).opened,
        t("2013-08-20T20:00:00Z"),
        "an outage still to come does not move the opening forward"
    );
    let plain = j.new_case(&["Factuur dubbel", "--org", "KPN", "--now", now]);
    assert_eq!(j.load(&plain).opened, t("2013-08-20T20:00:00Z"));
}

/// Variables set for one run.
type Env<'a> = &'a [(&'a str, &'a str)];

/// What a run with `env` set and `args` says.
fn said_in(j: &Journal, env: &[(&str, &str)], args: &[&str]) -> Out {
    let mut cmd = j.cmd();
    for (k, v) in env {
        cmd.env(k, v);
    }
    exec(cmd.args(args))
}

#[test]
fn the_language_comes_from_the_flag_the_variable_the_config_and_the_locale() {
    let j = Journal::new();
    let id = j.new_case(&["No internet after moving", "--org", "KPN"]);
    let dutch = format!("{id} is nu opgelost\n");
    let french = format!("{id} est maintenant résolu\n");
    let english = format!("{id} is now resolved\n");
    let config = j.path("nl.ron");
    fs::write(&config, "(language: \"nl\")").unwrap();
    let config = config.to_str().unwrap();
    let status = ["status", id.as_str(), "resolved"];
    let with = |lead: &[&str]| -> Vec<String> {
        lead.iter()
            .chain(&status)
            .map(ToString::to_string)
            .collect()
    };
    let cases: [(Env<'_>, Vec<String>, &str); 7] = [
        (&[], with(&[]), &english),
        (&[], with(&["--lang", "nl"]), &dutch),
        (&[("RUNAROUND_LANG", "fr")], with(&[]), &french),
        (&[], with(&["--config", config]), &dutch),
        (&[("LANG", "nl_NL.UTF-8")], with(&[]), &dutch),
        // The flag beats the variable, the variable the config, the config the locale.
        (&[("RUNAROUND_LANG", "nl")], with(&["--lang=fr"]), &french),
        (
            &[("LANG", "fr_BE.UTF-8")],
            with(&["--config", config]),
            &dutch,
        ),
    ];
    for (env, args, want) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = said_in(&j, env, &args);
        assert_eq!(
            (out.code, out.stdout.as_str()),
            (0, want),
            "{env:?} {args:?}: {out:?}"
        );
        assert_eq!(out.stderr, "", "{env:?} {args:?}");
    }
    // An error is said in the language too.
    let out = said_in(
        &j,
        &[("LC_ALL", "fr_FR.UTF-8")],
        &["show", "nothing-like-it"],
    );
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .starts_with("runaround: aucun dossier ne correspond à 'nothing-like-it'\u{a0};"),
        "{out:?}"
    );
}

#[test]
fn an_unknown_language_is_refused_in_the_language_of_the_locale() {
    let j = Journal::new();
    let out = said_in(&j, &[("LANG", "fr_FR.UTF-8")], &["--lang", "de", "list"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with("runaround: --lang vaut «")
            && out.stderr.contains("de")
            && out.stderr.contains("une langue que runaround ne parle pas"),
        "{out:?}"
    );
    assert_eq!(out.stderr.lines().count(), 1, "{out:?}");
    let out = said_in(
        &j,
        &[("RUNAROUND_LANG", "klingon"), ("LANG", "nl_BE")],
        &["list"],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("een taal die runaround niet spreekt"),
        "{out:?}"
    );
    let out = said_in(&j, &[], &["--lang", "de", "list"]);
    assert_eq!(
        out.stderr,
        "runaround: --lang is 'de', a language runaround does not speak (it speaks en, nl and fr)\n"
    );
    // A locale runaround does not speak: English, with one warning.
    let out = said_in(&j, &[("LANG", "de_DE.UTF-8")], &["status", "x", "open"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with(
            "runaround: LANG is 'de_DE.UTF-8', a language runaround does not speak yet"
        ),
        "{out:?}"
    );
    assert!(out.stderr.contains("no case matches 'x'"), "{out:?}");
    assert_eq!(out.stderr.matches("de_DE").count(), 1, "{out:?}");
}

#[test]
fn help_is_said_in_the_chosen_language() {
    let j = Journal::new();
    for (env, args, want) in [
        (
            vec![],
            vec!["--help"],
            "Usage: runaround [OPTIONS] [COMMAND]",
        ),
        (
            vec![],
            vec!["--lang", "nl", "log", "--help"],
            "Tijd in de wacht (call)",
        ),
        (
            vec![("RUNAROUND_LANG", "fr")],
            vec!["--help"],
            "Utilisation\u{a0}: runaround",
        ),
        (
            vec![("LANG", "nl_NL.UTF-8")],
            vec!["help", "new"],
            "Maak een zaak aan en toon de id",
        ),
    ] {
        let out = said_in(&j, &env, &args);
        assert_eq!(out.code, 0, "{out:?}");
        assert!(
            out.stdout.contains(want),
            "{env:?} {args:?}: {}",
            out.stdout
        );
    }
}

#[test]
fn a_case_named_by_a_piece_of_its_title_ignores_accents_and_case() {
    let j = Journal::new();
    let cafe = j.new_case(&["Wifi du Café de la gare", "--org", "Orange"]);
    let kevin = j.new_case(&["Monteur Kévin kwam niet", "--org", "KPN"]);
    let ferme = j.new_case(&["Boutique FERMÉE", "--org", "Proximus"]);
    for (query, id) in [
        ("cafe", &cafe),
        ("CAFÉ DE", &cafe),
        ("Kevin", &kevin),
        ("kévin", &kevin),
        ("fermee", &ferme),
    ] {
        let out = j.ok(&["status", query, "resolved"]);
        assert_eq!(out, format!("{id} is now resolved\n"), "{query}");
    }
    // Folding finds, it does not invent: a piece no title has is still no case.
    let out = j.run(&["status", "cafés", "open"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(out.stderr.contains("no case matches 'cafés'"), "{out:?}");
}

#[test]
fn clap_s_own_words_in_an_error_follow_the_language() {
    let j = Journal::new();
    let out = said_in(&j, &[], &["--lang", "nl", "lst"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.starts_with("fout: "), "{out:?}");
    assert!(out.stderr.contains("\nGebruik: runaround"), "{out:?}");
    assert!(
        out.stderr.contains("Meer informatie: probeer '--help'."),
        "{out:?}"
    );
    let out = said_in(&j, &[("RUNAROUND_LANG", "fr")], &["lst"]);
    assert!(out.stderr.starts_with("erreur\u{a0}: "), "{out:?}");
    assert!(out.stderr.contains("astuce\u{a0}: "), "{out:?}");
    let out = said_in(&j, &[], &["lst"]);
    assert!(out.stderr.starts_with("error: "), "{out:?}");
    assert!(
        out.stderr.contains("For more information, try '--help'."),
        "{out:?}"
    );
}
