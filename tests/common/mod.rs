//! Shared helpers for the TUI tests: the demo journal at a fixed moment, written to a temporary
//! data directory, and the runtime's own executor carrying out the app's effects on it.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod journal;
pub mod rng;
pub mod tmux;

use std::cell::RefCell;
use std::collections::HashMap;
use std::convert::Infallible;

use chrono::{DateTime, Utc};
use runaround::app::{App, Effect, Msg, Row, update};
use runaround::domain::{Case, Summary};
use runaround::storage::{Access, Entry, Store};
use runaround::tui::executor::{Executor, drive};
use tempfile::TempDir;

/// The zone the screen tests show local times in.
pub const TZ: &str = "Europe/Amsterdam";

/// Runs test `name` in a child process with TZ set, unless it is set already. Returns whether
/// the caller should go on (true: this process is in the right zone).
pub fn in_zone(name: &str) -> bool {
    if std::env::var("TZ").as_deref() == Ok(TZ) {
        return true;
    }
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([name, "--exact", "--test-threads=1"])
        .env("TZ", TZ)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{name} in {TZ}:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("1 passed"),
        "{name} did not run in the child"
    );
    false
}

/// The rescue files of case `id` in `dir` (`rescued-notes-ID-WHEN.txt`), oldest first.
pub fn rescues(dir: &std::path::Path, id: &str) -> Vec<std::path::PathBuf> {
    let prefix = format!("rescued-notes-{id}-");
    let mut found: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().path())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .and_then(|n| n.strip_prefix(&prefix))
                        .is_some_and(|rest| {
                            rest.strip_suffix(".txt").is_some()
                                && rest.as_bytes().first().is_some_and(u8::is_ascii_digit)
                        })
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

/// The newest rescue file of case `id` in `dir`; when there is none, a path in `dir` that does
/// not exist (reading it fails, saying so).
pub fn rescue_of(dir: &std::path::Path, id: &str) -> std::path::PathBuf {
    rescues(dir, id)
        .pop()
        .unwrap_or_else(|| dir.join(format!("rescued-notes-{id}-(none).txt")))
}

/// The fixed moment of the tests: Wednesday 1 April 2026, 10:00 UTC.
pub fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-04-01T10:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// The demo journal as of [`now`].
pub fn demo_cases() -> Vec<Case> {
    runaround::demo::cases(now()).expect("the demo journal parses")
}

thread_local! {
    /// The journal the tests' app reads and changes: a temporary data directory, with the
    /// runtime's own executor on it.
    static JOURNAL: RefCell<Option<(TempDir, Executor)>> = const { RefCell::new(None) };
}

/// The journal's copy of case `id`, as its file holds it.
pub fn stored(id: &str) -> Option<Case> {
    JOURNAL.with(|j| match j.borrow().as_ref()?.1.store().load(id) {
        Ok(Entry::Readable { body, .. }) => Some(body),
        _ => None,
    })
}

/// Where the journal of [`app_on`] keeps case `id`.
pub fn store_path(id: &str) -> std::path::PathBuf {
    JOURNAL.with(|j| {
        j.borrow()
            .as_ref()
            .expect("an app made by app_on")
            .1
            .store()
            .path(id)
    })
}

/// An app on `cases`, which become the journal's case files, with the selected case read.
pub fn app_on(cases: &[Case]) -> App {
    let (dir, store) = empty_journal();
    for case in cases {
        store.insert(case).unwrap();
    }
    JOURNAL.with(|j| *j.borrow_mut() = Some((dir, Executor::new(store, HashMap::new()))));
    let rows = cases
        .iter()
        .map(|case| Row::listed(Summary::of(case, now()), Access::Writable))
        .collect();
    let mut app = App::new(Vec::new(), now());
    send(&mut app, Msg::Listed(rows));
    app
}

fn empty_journal() -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    (dir, store)
}

/// An app on the demo journal.
pub fn demo_app() -> App {
    app_on(&demo_cases())
}

/// Carries out `effects` with the runtime's executor on the journal of [`app_on`], handing
/// every answer back to the app. The terminal's effects (the user's editor, stopping the
/// process) are only the real runtime's (`tests/editor.rs` and `tests/trust_terminal.rs` drive
/// them). Returns whether the app asked to exit.
pub fn apply(app: &mut App, effects: Vec<Effect>) -> bool {
    JOURNAL.with(|j| {
        let mut journal = j.borrow_mut();
        // An app made without app_on works on an empty journal.
        let (_, executor) = journal.get_or_insert_with(|| {
            let (dir, store) = empty_journal();
            (dir, Executor::new(store, HashMap::new()))
        });
        carry_out(executor, app, effects)
    })
}

/// Carries out `effects` with `executor`, as [`apply`] does.
pub fn carry_out(executor: &mut Executor, app: &mut App, effects: Vec<Effect>) -> bool {
    let no_terminal = &mut |_: &mut Executor, _: &App, _: Effect| Ok::<_, Infallible>(Vec::new());
    match drive(executor, app, effects, no_terminal) {
        Ok(exit) => exit,
        Err(never) => match never {},
    }
}

/// Hands `msg` to the app and carries out what it answers. Returns whether it asked to exit.
pub fn send(app: &mut App, msg: Msg) -> bool {
    let effects = update(app, msg);
    apply(app, effects)
}
