//! Shared helpers for the TUI tests: the demo journal at a fixed moment, and an in-memory
//! stand-in for the runtime that applies effects the way the real one does.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod tmux;

use chrono::{DateTime, Utc};
use runaround::app::{App, Effect, Row};
use runaround::domain::Case;

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

/// An app on the demo journal.
pub fn demo_app() -> App {
    App::new(
        demo_cases()
            .into_iter()
            .map(|case| Row::Case {
                case,
                read_only: None,
            })
            .collect(),
        now(),
    )
}

/// Applies effects as the runtime does, in memory. Returns whether one was Quit.
pub fn apply(app: &mut App, effects: Vec<Effect>) -> bool {
    let mut quit = false;
    for effect in effects {
        match effect {
            Effect::Quit => quit = true,
            Effect::Mutate { id, mutation } => {
                let mut case = app
                    .rows
                    .iter()
                    .find_map(|r| r.case().filter(|c| c.id == id))
                    .cloned()
                    .expect("case exists");
                match mutation.apply(&mut case) {
                    Ok(()) => app.saved(case, None),
                    Err(e) => app.failed(&id, &e),
                }
            }
            Effect::Create(mut case) => {
                case.id = format!("new{}", app.rows.len());
                app.created(case);
            }
        }
    }
    quit
}
