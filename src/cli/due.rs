//! `runaround due`: across the open cases, the promises and clocks due soon or passed and not
//! acted on, soonest first; for cron and notifications.

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, Utc};

use super::escalation::{pack_word, title, warn_errors};
use super::{CliError, json_safe};
use crate::clock::Clock;
use crate::domain::text::clean;
use crate::domain::time::{local_minute, rfc3339};
use crate::i18n::vocab;
use crate::rules::engine;
use crate::rules::load::Packs;
use crate::storage::Store;
use crate::t;

/// How `due` prints what is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// One line each.
    Lines,
    /// A JSON array.
    Json,
    /// An iCalendar file.
    Ics,
}

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
    /// What stays the same about it from run to run, for a calendar's UID.
    #[serde(skip)]
    key: String,
}

/// `runaround due [--within DUR] [--json]`: across open cases, pending promises and running
/// clocks due within DUR (default 7 days) and those already passed and not acted on (overdue
/// promises, passed clocks nothing ended), soonest first.
pub fn due(
    store: &Store,
    clock: Clock,
    within: Option<&str>,
    shape: Shape,
    dir: Option<&Path>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    use crate::domain::PromiseState;
    use crate::domain::time::parse_duration;
    use crate::rules::engine::State;
    let now = clock.now();
    let span = match within {
        // A calendar holds everything ahead; a list for cron, the week to come.
        None if shape == Shape::Ics => chrono::Duration::days(3660),
        None => chrono::Duration::days(7),
        Some(w) => parse_duration(w)
            .ok()
            .and_then(|d| chrono::Duration::from_std(d).ok())
            .filter(|d| *d <= chrono::Duration::days(3660))
            .ok_or_else(|| CliError::Usage(t!("due-bad-within", value = w)))?,
    };
    let horizon = now + span;
    let packs = Packs::with_user_dir(dir);
    warn_errors(&packs);
    let mut items: Vec<DueDoc> = Vec::new();
    for entry in store.load_all()? {
        let case = match entry {
            crate::storage::Entry::Readable { body, .. } => body,
            crate::storage::Entry::Unreadable { id, problem, .. } => {
                let warning = t!(
                    "cli-cannot-be-read",
                    path = store.path(&id).display().to_string(),
                    problem = problem.to_string()
                );
                eprintln!("runaround: {}", t!("cli-warning", text = clean(&warning)));
                continue;
            }
        };
        if case.status != crate::domain::Status::Open {
            continue;
        }
        for (n, e) in case.events.iter().enumerate() {
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
                key: format!("promise-{}-{}-{n}", case.id, e.at.timestamp()),
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
                key: format!("clock-{}-{}-{}", case.id, c.rule, c.from.timestamp()),
            });
        }
    }
    items.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.case.cmp(&b.case)));
    let text = if shape == Shape::Ics {
        ics(&items, now)
    } else if shape == Shape::Json {
        json_safe(&(serde_json::to_string_pretty(&items).unwrap_or_default() + "\n"))
    } else {
        lines(&items)
    };
    out.write_all(text.as_bytes())
        .map_err(|e| CliError::Failed(crate::t!("cli-cannot-write-output", error = e.to_string())))
}

/// What is due, one line each, as a person reads it.
fn lines(items: &[DueDoc]) -> String {
    let mut s = String::new();
    for i in items {
        let what = match (i.meaning, i.status) {
            (Some(m), Some(st)) => format!("{} [{}]", pack_word(m), pack_word(st)),
            _ => vocab::kind(crate::domain::Kind::Promise).to_string(),
        };
        let what = t!("due-what", what = what, summary = i.summary.as_str());
        s.push_str(&format!(
            "{}  {:<7}  {}  {what} ({})\n",
            i.shown,
            pack_word(i.state),
            i.case,
            i.title
        ));
    }
    clean(&s)
}

/// What is due as an iCalendar file (RFC 5545): one event per promise and clock at its due,
/// with a UID that stays the same from run to run, so a calendar that subscribes to the file
/// updates its events instead of adding new ones.
fn ics(items: &[DueDoc], now: DateTime<Utc>) -> String {
    let stamp = |t: DateTime<Utc>| t.format("%Y%m%dT%H%M%SZ").to_string();
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//runaround//due//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
    ];
    for i in items {
        let what = match (i.meaning, i.status) {
            (Some(m), Some(st)) => t!(
                "due-ics-clock",
                meaning = pack_word(m),
                status = pack_word(st)
            ),
            _ => t!("due-ics-promise").to_string(),
        };
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}@runaround", i.key),
            format!("DTSTAMP:{}", stamp(now)),
            format!("DTSTART:{}", stamp(i.at)),
            "DURATION:PT15M".to_string(),
            format!(
                "SUMMARY:{}",
                ics_text(&format!("{}: {}", i.title, i.summary))
            ),
            format!(
                "DESCRIPTION:{}",
                ics_text(&t!(
                    "due-ics-description",
                    what = what.as_str(),
                    id = i.case.as_str(),
                    state = pack_word(i.state)
                ))
            ),
            "END:VEVENT".to_string(),
        ]);
    }
    lines.push("END:VCALENDAR".to_string());
    let mut out = String::new();
    for line in lines {
        out.push_str(&fold(&clean(&line)));
    }
    out
}

/// Text as an iCalendar value: backslashes, semicolons, commas and line breaks escaped.
fn ics_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded at 75 octets (never inside a character) and ended with CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::{fold, ics_text};

    #[test]
    fn lines_fold_at_75_octets_between_characters_and_unfold_to_the_text() {
        let text = format!("SUMMARY:{}", ics_text(&"漢字 👩‍🔬 café, ok; \\ ".repeat(9)));
        let folded = fold(&text);
        assert!(folded.ends_with("\r\n"));
        for line in folded.trim_end_matches("\r\n").split("\r\n") {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        }
        assert_eq!(folded.trim_end_matches("\r\n").replace("\r\n ", ""), text);
        assert!(ics_text("a,b;c\\d\ne").eq("a\\,b\\;c\\\\d\\ne"));
    }
}
