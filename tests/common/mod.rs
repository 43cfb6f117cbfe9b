//! Shared helpers for the TUI tests: the demo journal at a fixed moment, and an in-memory
//! stand-in for the runtime that applies effects the way the real one does.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod rng;
pub mod tmux;

use std::cell::RefCell;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use runaround::app::{App, Effect, Row, search};
use runaround::domain::{Case, Summary};

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
    /// The journal the in-memory runtime reads and changes: the stand-in for the case files.
    static JOURNAL: RefCell<BTreeMap<String, Case>> = const { RefCell::new(BTreeMap::new()) };
}

/// The journal's copy of case `id`.
pub fn stored(id: &str) -> Option<Case> {
    JOURNAL.with(|j| j.borrow().get(id).cloned())
}

/// An app on `cases`, which become the journal, with the selected case read.
pub fn app_on(cases: &[Case]) -> App {
    JOURNAL.with(|j| {
        *j.borrow_mut() = cases.iter().map(|c| (c.id.clone(), c.clone())).collect();
    });
    let rows = cases
        .iter()
        .map(|case| Row::Case {
            summary: Summary::of(case, now()),
            read_only: None,
        })
        .collect();
    let mut app = App::new(rows, now());
    apply(&mut app, Vec::new());
    app
}

/// An app on the demo journal.
pub fn demo_app() -> App {
    app_on(&demo_cases())
}

/// Applies effects as the runtime does, in memory, then reads what the app wants read and
/// searches what it wants searched. Returns whether an effect was Quit.
pub fn apply(app: &mut App, effects: Vec<Effect>) -> bool {
    let mut quit = false;
    for effect in effects {
        match effect {
            Effect::Quit => quit = app.quitting(),
            Effect::Mutate { id, mutation } => {
                let mut case = stored(&id).expect("case exists");
                match mutation.apply(&mut case) {
                    Ok(()) => {
                        JOURNAL.with(|j| j.borrow_mut().insert(id, case.clone()));
                        app.saved(case, None);
                    }
                    Err(e) => app.failed(&id, &e),
                }
            }
            // The user's editor and stopping the process are only the real runtime's
            // (tests/editor.rs and tests/trust_terminal.rs drive them).
            Effect::EditNotes { .. } | Effect::Suspend => {}
            Effect::Create(mut case) => {
                case.id = format!("new{}", app.rows.len());
                JOURNAL.with(|j| j.borrow_mut().insert(case.id.clone(), case.clone()));
                app.created(case);
            }
        }
    }
    serve(app);
    quit
}

/// Reads what the app wants read and searches what it wants searched, as the runtime does
/// between frames.
pub fn serve(app: &mut App) {
    if let Some(query) = app.wanted_search() {
        let ids = JOURNAL.with(|j| {
            j.borrow()
                .values()
                .filter(|c| search::matches(c, &query))
                .map(|c| c.id.clone())
                .collect()
        });
        app.found(query, ids);
    }
    while let Some(id) = app.wanted().map(str::to_string) {
        match stored(&id) {
            Some(case) => app.saved(case, None),
            None => app.lost(&id, None),
        }
    }
}
