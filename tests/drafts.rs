//! The command line and the TUI create the same cases and events from the same values: both
//! read their input into the domain's drafts, which hold the one set of rules.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::{Command, Stdio};

use chrono::{DateTime, Utc};
use runaround::app::Effect;
use runaround::app::forms::{event_form, new_case_form, read_event, submit};
use runaround::domain::{Case, Kind, PromiseState};
use runaround::storage::{Entry, Store};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_runaround");
const NOW: &str = "2026-04-01T10:00:00Z";

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// Runs the command line on the journal in `dir` at [`NOW`]; returns its output.
fn cli(dir: &TempDir, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .env("TZ", common::TZ)
        .env_remove("RUNAROUND_CONFIG")
        .env_remove("RUNAROUND_FAULT")
        .env_remove("RUNAROUND_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("XDG_CONFIG_HOME", dir.path().join("xdg-config"))
        .env("HOME", dir.path().join("home"))
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .arg("--now")
        .arg(NOW)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

fn load(dir: &TempDir, id: &str) -> Case {
    match Store::open(&dir.path().join("data"))
        .unwrap()
        .load(id)
        .unwrap()
    {
        Entry::Readable { body, .. } => body,
        Entry::Unreadable { problem, .. } => panic!("{problem}"),
    }
}

/// The case the TUI's new-case form creates from `values` (label, text).
fn from_form(values: &[(&str, &str)]) -> Case {
    let mut app = common::demo_app();
    assert_eq!(app.now, t(NOW));
    let mut form = new_case_form(app.now, "");
    for (label, value) in values {
        form.set(label, value);
    }
    let effects = submit(&form, &mut app).unwrap();
    match effects.as_slice() {
        [Effect::Create(case)] => case.clone(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_case_about_an_outage_opens_no_later_than_the_outage_from_either_front_end() {
    let table = [
        // outage, opened, the opening both give the case
        ("2026-03-28T08:00:00Z", "", "2026-03-28T08:00:00Z"),
        ("2026-04-03T08:00:00Z", "", NOW),
        ("", "", NOW),
        (
            "2026-03-28T08:00:00Z",
            "2026-03-30T09:00:00Z",
            "2026-03-30T09:00:00Z",
        ),
    ];
    for (outage, opened, want) in table {
        let dir = tempfile::tempdir().unwrap();
        let mut args = vec!["new", "Geen internet", "--org", "KPN"];
        if !outage.is_empty() {
            args.extend(["--outage", outage]);
        }
        if !opened.is_empty() {
            args.extend(["--opened", opened]);
        }
        let id = cli(&dir, &args);
        let by_cli = load(&dir, id.trim());
        let by_tui = from_form(&[
            ("title", "Geen internet"),
            ("organisation", "KPN"),
            ("outage since", outage),
            ("opened", opened),
        ]);
        assert_eq!(by_cli.opened, t(want), "command line, {outage} {opened}");
        assert_eq!(by_tui.opened, t(want), "TUI, {outage} {opened}");
        assert_eq!(
            by_tui.events.len(),
            by_cli.events.len(),
            "{outage} {opened}"
        );
        for (tui, cli) in by_tui.events.iter().zip(&by_cli.events) {
            assert!(tui.same_but_id(cli), "{outage} {opened}: {tui:?} {cli:?}");
        }
    }
}

#[test]
fn a_new_promise_without_a_state_is_pending_from_either_front_end() {
    let dir = tempfile::tempdir().unwrap();
    let id = cli(&dir, &["new", "Factuur dubbel", "--org", "KPN"]);
    cli(
        &dir,
        &[
            "log",
            id.trim(),
            "promise",
            "belt terug",
            "--agent",
            "Sanne",
        ],
    );
    let by_cli = load(&dir, id.trim()).events.pop().unwrap();

    let mut form = event_form(None, Kind::Promise, t(NOW));
    form.set("summary", "belt terug");
    form.set("agent", "Sanne");
    form.set("state", "");
    let by_tui = read_event(&form, t(NOW)).unwrap();
    assert_eq!(by_cli.state, Some(PromiseState::Pending));
    assert!(by_tui.same_but_id(&by_cli), "{by_tui:?} {by_cli:?}");
}
