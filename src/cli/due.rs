//! `runaround due`: across the open cases, the promises and clocks due soon or passed and not
//! acted on, soonest first; for cron and notifications.

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, Utc};

use super::escalation::{title, warn_errors};
use super::{CliError, json_safe};
use crate::clock::Clock;
use crate::domain::text::clean;
use crate::domain::time::{local_minute, rfc3339};
use crate::rules::engine;
use crate::rules::load::Packs;
use crate::storage::Store;

/// One thing due: a promise or a clock of an open case.
#[derive(serde::Serialize)]
struct DueDoc {
    case: String,
    title: String,
    what: &'static str,
    due: String,
    state: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    meaning: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
    summary: String,
    #[serde(skip)]
    at: DateTime<Utc>,
    /// As a person reads it: a promise in local time, a clock by its country's wall clock.
    #[serde(skip)]
    shown: String,
}

/// `runaround due [--within DUR] [--json]`: across open cases, pending promises and running
/// clocks due within DUR (default 7 days) and those already passed and not acted on (overdue
/// promises, passed clocks nothing ended), soonest first.
pub fn due(
    store: &Store,
    clock: Clock,
    within: Option<&str>,
    as_json: bool,
    dir: Option<&Path>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    use crate::domain::PromiseState;
    use crate::domain::time::parse_duration;
    use crate::rules::engine::State;
    let now = clock.now();
    let span = match within {
        None => chrono::Duration::days(7),
        Some(w) => parse_duration(w)
            .ok()
            .and_then(|d| chrono::Duration::from_std(d).ok())
            .filter(|d| *d <= chrono::Duration::days(3660))
            .ok_or_else(|| {
                CliError::Usage(format!(
                    "--within: '{w}' is not a duration of at most ten years (e.g. 7d, 12h, 2w)"
                ))
            })?,
    };
    let horizon = now + span;
    let packs = Packs::with_user_dir(dir);
    warn_errors(&packs);
    let mut items: Vec<DueDoc> = Vec::new();
    for entry in store.load_all()? {
        let case = match entry {
            crate::storage::Entry::Readable { body, .. } => body,
            crate::storage::Entry::Unreadable { id, problem, .. } => {
                let warning = format!("{} cannot be read: {problem}", store.path(&id).display());
                eprintln!("runaround: warning: {}", clean(&warning));
                continue;
            }
        };
        if case.status != crate::domain::Status::Open {
            continue;
        }
        for e in &case.events {
            let Some(due) = e.due else { continue };
            if e.kind != crate::domain::Kind::Promise
                || e.state.unwrap_or(PromiseState::Pending) != PromiseState::Pending
                || due > horizon
            {
                continue;
            }
            items.push(DueDoc {
                case: case.id.clone(),
                title: case.title.clone(),
                what: "promise",
                due: rfc3339(due),
                state: if due < now { "passed" } else { "running" },
                rule: None,
                meaning: None,
                status: None,
                summary: e.summary.clone(),
                at: due,
                shown: local_minute(due),
            });
        }
        let report = engine::evaluate(&case, &packs, now);
        for c in &report.clocks {
            if c.state == State::Done || (c.state == State::Running && c.due > horizon) {
                continue;
            }
            items.push(DueDoc {
                case: case.id.clone(),
                title: case.title.clone(),
                what: "clock",
                due: rfc3339(c.due),
                state: c.state.as_str(),
                rule: Some(c.rule.clone()),
                meaning: Some(c.meaning.as_str()),
                status: Some(c.status.as_str()),
                summary: title(&c.titles, &c.rule),
                at: c.due,
                shown: c.due_local.format("%Y-%m-%d %H:%M").to_string(),
            });
        }
    }
    items.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.case.cmp(&b.case)));
    let text = if as_json {
        json_safe(&(serde_json::to_string_pretty(&items).unwrap_or_default() + "\n"))
    } else {
        let mut s = String::new();
        for i in &items {
            let what = match (i.meaning, i.status) {
                (Some(m), Some(st)) => format!("{m} [{st}]"),
                _ => "promise".to_string(),
            };
            s.push_str(&format!(
                "{}  {:<7}  {}  {what}: {} ({})\n",
                i.shown, i.state, i.case, i.summary, i.title
            ));
        }
        clean(&s)
    };
    out.write_all(text.as_bytes())
        .map_err(|e| CliError::Failed(format!("cannot write output: {e}")))
}
