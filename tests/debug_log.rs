//! The debug log (`RUNAROUND_LOG`): what it writes, where, and what it never holds.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

use common::tmux::{self, BIN, NO_CONFIG_HOME, SCRUBBED, Tui};

const TITLE: &str = "Quokka modem riddle 7731";
const ORG: &str = "Zanzibar Telecom";
const NOTE: &str = "The agent Wilhelmina promised a callback";
const NOTES: &str = "Neighbour Ferdinand has the spare key";

/// The binary on the journal in `data`, its state dir `state`, with `log` as `RUNAROUND_LOG`.
fn run(data: &Path, state: &Path, log: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = Command::new(BIN);
    for var in SCRUBBED {
        cmd.env_remove(var);
    }
    if let Some(level) = log {
        cmd.env("RUNAROUND_LOG", level);
    }
    cmd.env("TZ", "Europe/Amsterdam")
        .env("RUNAROUND_LANG", "en")
        .env("XDG_CONFIG_HOME", NO_CONFIG_HOME)
        .env("XDG_STATE_HOME", state)
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .output()
        .unwrap()
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// Every case text the runs below type, none of which may reach the log.
fn assert_no_case_text(log: &str) {
    for text in [
        TITLE,
        "Quokka",
        ORG,
        "Zanzibar",
        NOTE,
        "Wilhelmina",
        NOTES,
        "Ferdinand",
    ] {
        assert!(!log.contains(text), "the log holds {text:?}:\n{log}");
    }
}

/// Makes a case with a distinctive title, organisation, event and notes, through commands run
/// with `log`; returns its id.
fn make_case(data: &Path, state: &Path, log: Option<&str>) -> String {
    let id = ok(&run(data, state, log, &["new", TITLE, "--org", ORG]))
        .trim()
        .to_string();
    ok(&run(data, state, log, &["log", &id, "note", NOTE]));
    // The notes, as a hand edit would add them.
    let path = data.join("cases").join(format!("{id}.ron"));
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen("notes: \"\"", &format!("notes: \"{NOTES}\""), 1);
    assert!(
        text.contains(NOTES),
        "the case file has no empty notes:\n{text}"
    );
    std::fs::write(&path, text).unwrap();
    id
}

#[test]
fn runaround_log_debug_writes_what_happened_and_no_case_text() {
    let data = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let log = Some("debug");
    let id = make_case(data.path(), state.path(), log);
    for args in [
        &["list"][..],
        &["list"],
        &["list", "--json"],
        &["show", &id],
        &["export", &id, "--format", "md"],
    ] {
        ok(&run(data.path(), state.path(), log, args));
    }
    // A command that fails on a piece of a title: the log says how it ended, not what.
    let failed = run(data.path(), state.path(), log, &["show", "Wilhelmina"]);
    assert_eq!(failed.status.code(), Some(1));

    let path = state.path().join("runaround").join("runaround.log");
    let text = std::fs::read_to_string(&path).unwrap();
    let version = format!("start: runaround {} on linux", env!("CARGO_PKG_VERSION"));
    for expected in [
        version.as_str(),
        "command new, language en",
        "command log,",
        "command list,",
        "command show,",
        "command export,",
        &format!("journal {}", data.path().display()),
        // The first list builds the index, the second uses it.
        "index scan: 1 cases, stale true",
        "index scan: 1 cases, stale false",
        "end: exit 0 after",
        "end: exit 1 after",
    ] {
        assert!(text.contains(expected), "no {expected:?} in:\n{text}");
    }
    assert_no_case_text(&text);
    // Private, like the journal.
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn without_runaround_log_nothing_is_written() {
    let data = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    for level in [None, Some(""), Some("off")] {
        let id = make_case(data.path(), state.path(), level);
        ok(&run(data.path(), state.path(), level, &["list"]));
        ok(&run(data.path(), state.path(), level, &["show", &id]));
        let left: Vec<_> = std::fs::read_dir(state.path()).unwrap().collect();
        assert!(left.is_empty(), "{level:?} wrote {left:?}");
    }
}

#[test]
fn info_leaves_out_the_debug_lines() {
    let data = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    make_case(data.path(), state.path(), Some("info"));
    ok(&run(data.path(), state.path(), Some("info"), &["list"]));
    let text =
        std::fs::read_to_string(state.path().join("runaround").join("runaround.log")).unwrap();
    assert!(text.contains("command list"), "{text}");
    assert!(!text.contains("index scan"), "{text}");
    assert!(!text.contains("DEBUG"), "{text}");
}

#[test]
fn a_log_that_cannot_be_written_is_said_once_and_the_command_goes_on() {
    let data = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    // The state "directory" is a file: nothing can be made under it.
    let blocked = state.path().join("blocked");
    std::fs::write(&blocked, "").unwrap();
    let out = run(
        data.path(),
        &blocked,
        Some("debug"),
        &["new", TITLE, "--org", ORG],
    );
    let id = ok(&out);
    assert!(!id.trim().is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning: the debug log") && stderr.contains("runaround goes on"),
        "{stderr}"
    );
    // A word that is not a level is said too, and nothing is written.
    let out = run(data.path(), state.path(), Some("loud"), &["list"]);
    ok(&out);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("RUNAROUND_LOG=loud is not debug"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!state.path().join("runaround").exists());
}

#[test]
fn the_tui_logs_its_start_with_the_terminal_size_and_its_stop() {
    if !tmux::tmux_installed() {
        return;
    }
    let state = tempfile::tempdir().unwrap();
    let prefix = format!(
        "RUNAROUND_LOG=debug RUNAROUND_LANG=en XDG_STATE_HOME={}",
        tmux::sh_quote(&state.path().to_string_lossy())
    );
    let tui = Tui::start_with(&prefix, |dir, id| {
        tmux::cli_ok(dir, &["log", id, "note", NOTE]);
    });
    tui.wait_for(tmux::TITLE);
    tui.wait_for(NOTE);
    tui.quit();
    let text =
        std::fs::read_to_string(state.path().join("runaround").join("runaround.log")).unwrap();
    for expected in [
        "command (the TUI)",
        "tui start: terminal 100x30",
        "index scan: 1 cases",
        "tui stop after",
        ": ok",
        "end: exit 0",
    ] {
        assert!(text.contains(expected), "no {expected:?} in:\n{text}");
    }
    assert_no_case_text(&text);
    assert!(!text.contains(tmux::TITLE), "{text}");
    assert!(!text.contains("KPN"), "{text}");
}
