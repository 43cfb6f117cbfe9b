//! Plain-text renderings shared by the command line and the TUI: an event's one-line form, the
//! counters with their plain labels, the `show` report and the `list` table.

use chrono::{DateTime, Utc};

use crate::domain::counters::loop_flags;
use crate::domain::time::{local_day_minute, local_minute, span};
use crate::domain::{Case, Counters, Direction, Event, Kind, Phase, Summary};

/// The compact facts of an event beyond its summary: `0800-0403 · hold 20m · transferred`.
pub fn facets(e: &Event) -> Vec<String> {
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
                push(format!("hold {}", span(h as i64)));
            }
            if let Some(t) = e.talk_seconds {
                push(format!("talk {}", span(t as i64)));
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
            push(e.state.map(|s| s.to_string()).unwrap_or_default());
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
/// with a loop flag (`back to 1200, 2nd time`) when there is one.
pub fn event_line(e: &Event, flag: Option<&str>) -> String {
    let mut line = format!("{}  {:<9} ", local_day_minute(e.at), e.kind.as_str());
    let facts = facets(e).join(" · ");
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
        ("longest hold", span(c.longest_hold_seconds)),
        ("promises broken", c.promises_broken.to_string()),
        ("promises pending", c.promises_pending.to_string()),
        ("no-shows", c.no_shows.to_string()),
        ("days open", c.days_open.to_string()),
    ]
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
        out.push_str(&format!("  {}\n", event_line(e, flag.as_deref())));
        for line in e.detail.lines() {
            out.push_str(&format!("      {line}\n"));
        }
    }
    out
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
