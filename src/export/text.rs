//! Plain-text renderings shared by the command line and the TUI: an event's one-line form, the
//! counters with their plain labels, the `show` report and the `list` table.

use chrono::{DateTime, Utc};

use crate::cli::words::loop_flags;
use crate::domain::time::{exact_duration, local_day_minute, local_minute, span};
use crate::domain::{
    Amendment, Case, Counters, Direction, Event, Field, Kind, Phase, PromiseState, Summary,
};

/// A promise's state as a person reads it at `now`: `kept`, `pending`, `broken`, or
/// `broken: overdue since Wed 21 Aug` for a pending promise whose due has passed.
pub fn promise_state(e: &Event, now: DateTime<Utc>) -> String {
    match (e.overdue(now), e.due) {
        (true, Some(due)) => format!(
            "broken: overdue since {}",
            due.with_timezone(&chrono::Local).format("%a %d %b")
        ),
        _ => e
            .effective_state(now)
            .or(e.state)
            .map(PromiseState::as_str)
            .unwrap_or_default()
            .to_string(),
    }
}

/// One amendment as a person reads it: `edited Tue 2026-11-17 19:02: outcome was no-show,
/// who was Technician`, `deleted Tue 2026-11-17 19:02`.
pub fn amendment_line(a: &Amendment) -> String {
    let mut line = format!("{} {}", a.change.as_str(), local_day_minute(a.at));
    let mut was: Vec<(usize, String)> = a
        .was
        .iter()
        .map(|(key, value)| {
            let (order, label, field) = match key.as_str() {
                "at" => (0, "when", None),
                "kind" => (1, "kind", None),
                "summary" => (2, "summary", None),
                "detail" => (usize::MAX, "detail", None),
                other => match Field::from_key(other) {
                    Some(f) => (
                        3 + Field::ALL.iter().position(|x| *x == f).unwrap_or(0),
                        crate::i18n::vocab::field(f),
                        Some(f),
                    ),
                    None => (usize::MAX - 1, other, None),
                },
            };
            let shown = if value.is_empty() {
                "empty".to_string()
            } else if key == "at" || field.is_some_and(Field::is_time) {
                chrono::DateTime::parse_from_rfc3339(value).map_or_else(
                    |_| format!("“{value}”"),
                    |t| local_day_minute(t.with_timezone(&Utc)),
                )
            } else if matches!(field, Some(Field::Hold | Field::Talk)) {
                value
                    .parse::<i64>()
                    .map_or_else(|_| format!("“{value}”"), span)
            } else if key == "kind"
                || matches!(
                    field,
                    Some(Field::Direction | Field::Outcome | Field::State | Field::Channel)
                )
            {
                value.clone()
            } else {
                format!("“{}”", value.replace('\n', " ⏎ "))
            };
            (order, format!("{label} was {shown}"))
        })
        .collect();
    was.sort_by_key(|(order, _)| *order);
    if !was.is_empty() {
        line.push_str(": ");
        line.push_str(
            &was.into_iter()
                .map(|(_, w)| w)
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    line
}

/// The compact facts of an event beyond its summary: `0800-0403 · hold 20m · transferred`,
/// as they stand at `now` (a pending promise whose due has passed reads as broken).
pub fn facets(e: &Event, now: DateTime<Utc>) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |s: String| {
        if !s.trim().is_empty() {
            out.push(s);
        }
    };
    match e.kind {
        Kind::Call => {
            if e.direction == Some(Direction::In) {
                push("incoming".into());
            }
            push(e.number.clone());
            push(e.department.clone());
            push(e.agent.clone());
            if let Some(h) = e.hold_seconds {
                push(format!("hold {}", exact_duration(h)));
            }
            if let Some(t) = e.talk_seconds {
                push(format!("talk {}", exact_duration(t)));
            }
            push(e.outcome.map(|o| o.to_string()).unwrap_or_default());
        }
        Kind::Redirect => {
            push(match (e.from.is_empty(), e.to.is_empty()) {
                (true, true) => String::new(),
                (false, true) => format!("from {}", e.from),
                (true, false) => format!("→ {}", e.to),
                (false, false) => format!("{} → {}", e.from, e.to),
            });
            push(e.agent.clone());
        }
        Kind::Promise => {
            push(e.agent.clone());
            push(
                e.due
                    .map(|d| format!("due {}", local_day_minute(d)))
                    .unwrap_or_default(),
            );
            push(promise_state(e, now));
        }
        Kind::Visit => {
            push(e.who.clone());
            push(window(e));
            push(e.outcome.map(|o| o.to_string()).unwrap_or_default());
        }
        Kind::Message => {
            push(e.channel.map(|c| c.to_string()).unwrap_or_default());
            push(if e.from.is_empty() {
                String::new()
            } else {
                format!("from {}", e.from)
            });
            push(if e.subject.is_empty() {
                String::new()
            } else {
                format!("“{}”", e.subject)
            });
        }
        Kind::Complaint => {
            // How it was made (a letter starts the clocks a written complaint starts) and a
            // deadlock, which other clocks count from.
            push(e.channel.map(|c| c.to_string()).unwrap_or_default());
            push(e.outcome.map(|o| o.to_string()).unwrap_or_default());
            push(if e.to.is_empty() {
                String::new()
            } else {
                format!("to {}", e.to)
            });
            push(if e.r#ref.is_empty() {
                String::new()
            } else {
                format!("ref {}", e.r#ref)
            });
        }
        Kind::Outage | Kind::Restored | Kind::Note => {}
    }
    out
}

fn window(e: &Event) -> String {
    match (e.window_start, e.window_end) {
        (Some(a), Some(b)) => format!(
            "{}–{}",
            local_day_minute(a),
            b.with_timezone(&chrono::Local).format("%H:%M")
        ),
        (Some(a), None) => format!("from {}", local_day_minute(a)),
        (None, Some(b)) => format!("until {}", local_day_minute(b)),
        (None, None) => String::new(),
    }
}

/// The event on one line: `Fri 2013-08-16 18:05  call      0800-0402 · hold 25m — summary`,
/// with a loop flag (`back to 1200, 2nd time`) when there is one, as it stands at `now`.
pub fn event_line(e: &Event, flag: Option<&str>, now: DateTime<Utc>) -> String {
    let mut line = format!("{}  {:<9} ", local_day_minute(e.at), e.kind.as_str());
    let facts = facets(e, now).join(" · ");
    line.push_str(&facts);
    if !e.summary.is_empty() {
        if !facts.is_empty() {
            line.push_str(" — ");
        }
        line.push_str(&e.summary);
    }
    if let Some(flag) = flag {
        line.push_str(&format!("  [{flag}]"));
    }
    line
}

/// The counters with plain labels, in the order the header shows them.
pub fn counter_labels(c: &Counters) -> Vec<(&'static str, String)> {
    vec![
        ("without service", span(c.without_service_seconds)),
        ("days without service", c.days_without_service.to_string()),
        ("redirects", c.redirects.to_string()),
        ("calls", c.calls.to_string()),
        ("on hold", span(c.hold_seconds)),
        // One hold: the same words as that hold's event.
        (
            "longest hold",
            exact_duration(u64::try_from(c.longest_hold_seconds).unwrap_or(0)),
        ),
        ("promises broken", c.promises_broken.to_string()),
        ("promises pending", c.promises_pending.to_string()),
        ("no-shows", c.no_shows.to_string()),
        ("days open", c.days_open.to_string()),
    ]
}

/// The case's terms for the escalation rules that are set, labelled: country, customer kind,
/// monthly fee.
pub fn terms(case: &Case) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let Some(c) = case.country {
        out.push(("country", c.to_string()));
    }
    if let Some(k) = case.customer {
        out.push(("customer", k.to_string()));
    }
    if let (Some(fee), Some(cur)) = (case.monthly_fee_minor, case.currency) {
        out.push(("monthly fee", crate::i18n::fmt::money(fee, cur)));
    }
    out
}

/// The `show` report: the case, its counters and its timeline.
pub fn show(case: &Case, now: DateTime<Utc>, read_only: Option<&str>) -> String {
    let mut out = String::new();
    out.push_str(&format!("{}\n", case.title));
    out.push_str(&format!(
        "{} · {} · opened {} · id {}\n",
        case.organisation,
        case.status,
        local_minute(case.opened),
        case.id
    ));
    if let Some(reason) = read_only {
        out.push_str(&format!("read-only: {reason}\n"));
    }
    if !case.tags.is_empty() {
        out.push_str(&format!("tags: {}\n", case.tags.join(", ")));
    }
    for r in &case.references {
        out.push_str(&format!("{}: {}\n", r.label, r.value));
    }
    for (label, value) in terms(case) {
        out.push_str(&format!("{label}: {value}\n"));
    }
    out.push_str(&format!("\nas of {}\n", local_minute(now)));
    let counters = Counters::of(case, now);
    let labels = counter_labels(&counters);
    let width = labels.iter().map(|(l, _)| l.len()).max().unwrap_or(0);
    for (label, value) in labels {
        out.push_str(&format!("  {label:<width$}  {value}\n"));
    }
    if let Some(call) = &case.active_call {
        out.push_str(&format!(
            "\ncall in progress to {} since {}: {} on hold, {} talking, {} transfers\n",
            if call.number.is_empty() {
                "?"
            } else {
                &call.number
            },
            local_minute(call.started().unwrap_or(now)),
            span(call.seconds_in(Phase::Hold, now)),
            span(call.seconds_in(Phase::Talk, now)),
            call.transfers
        ));
    }
    out.push_str("\ntimeline\n");
    if case.events.is_empty() {
        out.push_str("  (no events yet)\n");
    }
    for (e, flag) in case.events.iter().zip(loop_flags(case)) {
        out.push_str(&format!("  {}\n", event_line(e, flag.as_deref(), now)));
        for line in e.detail.lines() {
            out.push_str(&format!("      {line}\n"));
        }
        for a in &e.amendments {
            out.push_str(&format!("      ({})\n", amendment_line(a)));
        }
    }
    if !case.deleted_events.is_empty() {
        out.push_str("\ncorrections: deleted events, as they were\n");
        for e in &case.deleted_events {
            out.push_str(&format!("  {}\n", deleted_line(e, now)));
            for line in e.detail.lines() {
                out.push_str(&format!("      {line}\n"));
            }
            for a in earlier_amendments(e) {
                out.push_str(&format!("      ({})\n", amendment_line(a)));
            }
        }
    }
    out
}

/// A deleted event's amendments before its deletion (which [`deleted_line`] already says).
pub fn earlier_amendments(e: &Event) -> &[Amendment] {
    let n = e.amendments.len();
    if e.deleted_at().is_some() {
        &e.amendments[..n - 1]
    } else {
        &e.amendments
    }
}

/// A deleted event as the corrections list it: `deleted on Tue 2026-11-17 19:02: ` and what
/// the event said.
pub fn deleted_line(e: &Event, now: DateTime<Utc>) -> String {
    let when = e
        .deleted_at()
        .map_or_else(|| "?".to_string(), local_day_minute);
    format!("deleted on {when}: {}", event_line(e, None, now))
}

/// The `list` table.
pub fn list_table(cases: &[(&Summary, Counters)]) -> String {
    let mut out = String::new();
    if cases.is_empty() {
        return "no open cases (runaround list --all shows every case; runaround new TITLE --org ORG creates one)\n".into();
    }
    out.push_str(&format!(
        "{:<10} {:<8} {:<16} {:>6} {:>5}  {:<16}  {}\n",
        "ID", "STATUS", "ORGANISATION", "NO-SVC", "REDIR", "LAST ACTIVITY", "TITLE"
    ));
    // A summary holds what its case file holds, which may have been written by hand.
    let clean = crate::domain::text::clean_line;
    for (case, c) in cases {
        out.push_str(&format!(
            "{:<10} {:<8} {:<16} {:>6} {:>5}  {:<16}  {}\n",
            case.id,
            case.status.as_str(),
            truncate(&clean(&case.organisation), 16),
            if c.without_service_seconds > 0 {
                format!("{}d", c.days_without_service)
            } else {
                "-".into()
            },
            c.redirects,
            local_minute(case.last_activity),
            clean(&case.title)
        ));
    }
    out
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}
