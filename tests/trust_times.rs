//! Times and durations are kept as meant: nothing outside the years a file can hold, no hold
//! or talk that overflows, a due "by Friday" kept all Friday, and a bare time in a dated
//! event's fields on that event's day. The command line runs with TZ=Europe/Amsterdam; the
//! form tests run in that zone too (see [`common::in_zone`]).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use chrono::{DateTime, Utc};
use runaround::app::forms::{event_form, new_case_form, read_event, submit};
use runaround::domain::{Case, Counters, Event, Kind};
use runaround::storage::{Entry, Store};
use serde_json::Value;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_runaround");

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

struct Journal {
    tmp: TempDir,
}

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Journal {
    fn new() -> Journal {
        Journal {
            tmp: tempfile::tempdir().unwrap(),
        }
    }

    fn data(&self) -> PathBuf {
        self.tmp.path().join("data")
    }

    fn run(&self, args: &[&str]) -> Out {
        let out = Command::new(BIN)
            .env("TZ", "Europe/Amsterdam")
            .env_remove("RUNAROUND_NOW")
            .env_remove("RUNAROUND_CONFIG")
            .env_remove("RUNAROUND_FAULT")
            .env_remove("RUNAROUND_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .env("XDG_CONFIG_HOME", self.tmp.path().join("xdg-config"))
            .env("HOME", self.tmp.path().join("home"))
            .arg("--data-dir")
            .arg(self.data())
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        Out {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        out.stdout
    }

    fn new_case(&self) -> String {
        self.ok(&[
            "new",
            "No internet",
            "--org",
            "KPN",
            "--opened",
            "2013-08-16 18:00",
        ])
        .trim()
        .to_string()
    }

    fn load(&self, id: &str) -> Case {
        match Store::open(&self.data()).unwrap().load(id).unwrap() {
            Entry::Readable { body: case, .. } => case,
            Entry::Unreadable {
                problem: reason, ..
            } => panic!("{id} unreadable: {reason}"),
        }
    }

    /// The last event of case `id` as logged by `args` (after `log ID`).
    fn logged(&self, id: &str, args: &[&str]) -> Event {
        let mut all = vec!["log", id];
        all.extend_from_slice(args);
        self.ok(&all);
        let case = self.load(id);
        let summary = args.last().unwrap();
        case.events
            .into_iter()
            .find(|e| e.summary == *summary)
            .unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut files = BTreeMap::new();
        walk(&self.data().join("cases"), &mut files);
        files
    }

    /// `args` fail as a usage error naming every one of `has`, and change no file.
    fn refused(&self, args: &[&str], has: &[&str]) {
        let before = self.snapshot();
        let out = self.run(args);
        assert_eq!(out.code, 2, "{args:?}: {} {}", out.stdout, out.stderr);
        for h in has {
            assert!(out.stderr.contains(h), "{args:?}: {}", out.stderr);
        }
        assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
        assert_eq!(self.snapshot(), before, "{args:?} changed the journal");
    }
}

fn walk(dir: &Path, files: &mut BTreeMap<PathBuf, Vec<u8>>) {
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().ends_with(".ron") {
            files.insert(entry.path(), fs::read(entry.path()).unwrap());
        }
    }
}

#[test]
fn times_outside_the_years_1000_to_9999_are_refused_naming_the_value() {
    let j = Journal::new();
    let id = j.new_case();
    let id = id.as_str();
    for (args, value) in [
        (
            vec!["log", id, "note", "--at", "-20000000h", "x"],
            "-20000000h",
        ),
        (
            vec!["log", id, "note", "--at", "0999-12-31T23:59:59Z", "x"],
            "0999-12-31T23:59:59Z",
        ),
        (
            vec!["log", id, "promise", "--due", "0500-01-01", "x"],
            "0500-01-01",
        ),
        (
            vec!["log", id, "visit", "--window-end", "0999-12-31 23:00", "x"],
            "0999-12-31 23:00",
        ),
        (
            vec!["new", "Old", "--org", "KPN", "--opened", "-20000000h"],
            "-20000000h",
        ),
        (
            vec!["new", "Old", "--org", "KPN", "--outage", "0001-01-01"],
            "0001-01-01",
        ),
        (vec!["--now", "-1000000000000s", "list"], "-1000000000000s"),
        (
            vec!["show", id, "--now", "0999-01-01T00:00:00Z"],
            "0999-01-01T00:00:00Z",
        ),
    ] {
        j.refused(&args, &[&format!("'{value}'"), "1000-9999"]);
    }
    // The case still reads, and the first and last years are fine.
    j.ok(&["log", id, "note", "--at", "1000-01-01T00:00:00Z", "first"]);
    j.ok(&["log", id, "note", "--at", "9999-12-31T23:59:59Z", "last"]);
    assert_eq!(j.load(id).events.len(), 2);
    j.ok(&["show", id]);
}

#[test]
fn holds_and_talks_of_more_than_a_month_are_refused_naming_the_value() {
    let j = Journal::new();
    let id = j.new_case();
    for (flag, value) in [
        ("--hold", "18446744073709551615s"),
        ("--hold", "32d"),
        ("--talk", "745h"),
        ("--talk", "999999:00:00"),
    ] {
        j.refused(
            &["log", &id, "call", flag, value, "x"],
            &[&format!("'{value}'"), "31 days"],
        );
    }
    let e = j.logged(&id, &["call", "--hold", "31d", "--talk", "1h 5m", "long"]);
    assert_eq!(
        (e.hold_seconds, e.talk_seconds),
        (Some(31 * 86_400), Some(3900))
    );
}

#[test]
fn a_huge_hold_typed_into_a_file_never_turns_counters_negative() {
    let j = Journal::new();
    let id = j.new_case();
    j.ok(&["log", &id, "call", "--hold", "20m", "first"]);
    let file = j.data().join("cases").join(format!("{id}.ron"));
    let text = fs::read_to_string(&file).unwrap();
    let text = text.replace("hold_seconds: 1200,", "hold_seconds: 18446744073709551615,");
    fs::write(&file, text).unwrap();
    j.ok(&["log", &id, "call", "--hold", "5m", "second"]);
    let show = j.json(&["show", &id, "--json"]);
    let c = &show["counters"];
    for key in ["hold_seconds", "longest_hold_seconds"] {
        let v = c[key].as_i64().unwrap();
        assert_eq!(v, i64::MAX, "{key}: {c}");
    }
    let list = j.json(&["list", "--json"]);
    assert_eq!(list[0]["counters"]["hold_seconds"].as_i64(), Some(i64::MAX));
    let text = j.ok(&["show", &id]);
    assert!(!text.contains("hold 0s"), "{text}");
    let case = j.load(&id);
    let counters = Counters::of(&case, t("2030-01-01T00:00:00Z"));
    assert!(counters.hold_seconds > 0, "{counters:?}");
}

#[test]
fn a_due_given_as_a_bare_date_is_kept_all_that_day() {
    let j = Journal::new();
    let id = j.new_case();
    let e = j.logged(
        &id,
        &[
            "promise",
            "--at",
            "2013-08-20 21:00",
            "--due",
            "2013-08-23",
            "Fixed by Friday",
        ],
    );
    // The last second of Friday 23 August in Amsterdam (CEST, UTC+2).
    assert_eq!(e.due, Some(t("2013-08-23T21:59:59Z")));
    let counters = |now: &str| {
        let show = j.json(&["show", &id, "--json", "--now", now]);
        (
            show["counters"]["promises_pending"].as_u64().unwrap(),
            show["counters"]["promises_broken"].as_u64().unwrap(),
        )
    };
    assert_eq!(counters("2013-08-23 09:00"), (1, 0), "Friday morning");
    assert_eq!(counters("2013-08-23 23:59"), (1, 0), "Friday night");
    assert_eq!(counters("2013-08-24 00:00:01"), (0, 1), "after midnight");
    let text = j.ok(&["show", &id, "--now", "2013-08-23 09:00"]);
    assert!(text.contains("2013-08-23 23:59"), "{text}");
    // A due with a time is that time.
    let e = j.logged(&id, &["promise", "--due", "2013-08-23 17:00", "By five"]);
    assert_eq!(e.due, Some(t("2013-08-23T15:00:00Z")));
}

#[test]
fn a_bare_time_in_a_dated_events_options_is_on_that_events_day() {
    let j = Journal::new();
    let id = j.new_case();
    let now = ["--now", "2026-03-30 12:00"];
    let with_now = |args: &[&str]| -> Vec<String> {
        let mut all: Vec<String> = now.iter().map(|s| (*s).to_string()).collect();
        all.extend(args.iter().map(|s| (*s).to_string()));
        all
    };
    let logged = |args: &[&str]| {
        let all = with_now(args);
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        j.logged(&id, &all)
    };
    let visit = logged(&[
        "visit",
        "--at",
        "2013-08-20 13:00",
        "--window-start",
        "14:00",
        "--window-end",
        "16:00",
        "Technician",
    ]);
    assert_eq!(visit.window_start, Some(t("2013-08-20T12:00:00Z")));
    assert_eq!(visit.window_end, Some(t("2013-08-20T14:00:00Z")));
    let promise = logged(&[
        "promise",
        "--at",
        "2013-08-20 13:00",
        "--due",
        "17:00",
        "Call back at five",
    ]);
    assert_eq!(promise.due, Some(t("2013-08-20T15:00:00Z")));
    // The window's end goes by its start's day when the event has no date of its own.
    let visit = logged(&[
        "visit",
        "--window-start",
        "2013-08-21 08:00",
        "--window-end",
        "12:00",
        "Morning",
    ]);
    assert_eq!(visit.window_end, Some(t("2013-08-21T10:00:00Z")));
    // With nothing else to go by, a bare time is today (the day of --now).
    let note = logged(&["note", "--at", "14:05", "Today"]);
    assert_eq!(note.at, t("2026-03-30T12:05:00Z"));
    // A window that ends before it starts is refused.
    let all = with_now(&[
        "log",
        &id,
        "visit",
        "--at",
        "2013-08-20 13:00",
        "--window-start",
        "16:00",
        "--window-end",
        "14:00",
        "Backwards",
    ]);
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    j.refused(
        &all,
        &["the window ends (2013-08-20 14:00) before it starts (2013-08-20 16:00)"],
    );
}

fn local(s: &str) -> DateTime<Utc> {
    runaround::domain::time::parse_when(s, common::now()).unwrap()
}

#[test]
fn the_event_form_reads_times_as_the_command_line_does() {
    if !common::in_zone("the_event_form_reads_times_as_the_command_line_does") {
        return;
    }
    let now = common::now();
    let mut form = event_form(None, Kind::Visit, now);
    form.set("when", "2013-08-20 13:00");
    form.set("window from", "14:00");
    form.set("window until", "16:00");
    let e = read_event(&form, now).unwrap();
    assert_eq!(e.window_start, Some(t("2013-08-20T12:00:00Z")));
    assert_eq!(e.window_end, Some(t("2013-08-20T14:00:00Z")));

    form.set("window from", "17:00");
    let err = read_event(&form, now).unwrap_err();
    assert!(err.contains("the window ends"), "{err}");

    let mut form = event_form(None, Kind::Promise, now);
    form.set("when", "2013-08-20 13:00");
    form.set("due", "2013-08-23");
    assert_eq!(
        read_event(&form, now).unwrap().due,
        Some(t("2013-08-23T21:59:59Z"))
    );
    form.set("due", "17:00");
    assert_eq!(
        read_event(&form, now).unwrap().due,
        Some(t("2013-08-20T15:00:00Z"))
    );
    // No date to go by: today.
    form.set("when", "");
    assert_eq!(
        read_event(&form, now).unwrap().due,
        Some(local("17:00")),
        "today at 17:00"
    );

    form.set("when", "-20000000h");
    let err = read_event(&form, now).unwrap_err();
    assert!(
        err.contains("'-20000000h'") && err.contains("1000-9999"),
        "{err}"
    );

    let mut form = event_form(None, Kind::Call, now);
    form.set("on hold", "18446744073709551615s");
    let err = read_event(&form, now).unwrap_err();
    assert!(
        err.contains("'18446744073709551615s'") && err.contains("31 days"),
        "{err}"
    );
}

#[test]
fn the_new_case_form_refuses_times_outside_the_years() {
    let mut app = common::demo_app();
    let now = common::now();
    for (label, value) in [("opened", "-20000000h"), ("outage since", "0999-01-01")] {
        let mut form = new_case_form(now, "KPN");
        form.set("title", "Old");
        form.set(label, value);
        let err = submit(&form, &mut app).err().unwrap();
        assert!(
            err.contains(&format!("'{value}'")) && err.contains("1000-9999"),
            "{label}: {err}"
        );
    }
}
