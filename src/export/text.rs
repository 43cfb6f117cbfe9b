//! Plain-text renderings shared by the command line and the TUI: an event's one-line form, the
//! counters with their plain labels, the `show` report and the `list` table.

use chrono::{DateTime, Utc};

use crate::cli::words::loop_flags;
use crate::domain::time::{exact_duration, local_day_minute, local_minute};
use crate::domain::{
    Amendment, Case, Change, Counters, Direction, Event, Field, Kind, Phase, Summary,
};
use crate::i18n::fmt::span;
use crate::i18n::{fmt, vocab};
use crate::t;

/// A promise's state as a person reads it at `now`: `kept`, `pending`, `broken`, or
/// `broken: overdue since Wed 21 Aug` for a pending promise whose due has passed.
pub fn promise_state(e: &Event, now: DateTime<Utc>) -> String {
    match (e.overdue(now), e.due) {
        (true, Some(due)) => t!(
            "export-overdue-since",
            date = fmt::date(
                &due.with_timezone(&chrono::Local),
                t!("export-overdue-date")
            )
        ),
        _ => e
            .effective_state(now)
            .or(e.state)
            .map(vocab::promise_state)
            .unwrap_or_default()
            .to_string(),
    }
}

/// One amendment as a person reads it: `edited Tue 2026-11-17 19:02: outcome was no-show,
/// who was Technician`, `deleted Tue 2026-11-17 19:02`.
pub fn amendment_line(a: &Amendment) -> String {
    let change = match a.change {
        Change::Edited => t!("export-change-edited"),
        Change::Deleted => t!("export-change-deleted"),
        Change::Restored => t!("export-change-restored"),
    };
    let mut line = format!("{change} {}", local_day_minute(a.at));
    let mut was: Vec<(usize, String)> = a
        .was
        .iter()
        .map(|(key, value)| {
            let (order, label, field) = match key.as_str() {
                "at" => (0, t!("export-amend-when"), None),
                "kind" => (1, t!("export-amend-kind"), None),
                "summary" => (2, t!("export-amend-summary"), None),
                "detail" => (usize::MAX, t!("export-amend-detail"), None),
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
                t!("export-amend-empty").to_string()
            } else if key == "at" || field.is_some_and(Field::is_time) {
                chrono::DateTime::parse_from_rfc3339(value).map_or_else(
                    |_| format!("“{value}”"),
                    |t| local_day_minute(t.with_timezone(&Utc)),
                )
            } else if matches!(field, Some(Field::Hold | Field::Talk)) {
                value
                    .parse::<i64>()
                    .map_or_else(|_| format!("“{value}”"), span)
            } else if key == "kind" {
                value
                    .parse::<Kind>()
                    .map_or_else(|_| value.clone(), |k| vocab::kind(k).to_string())
            } else if let Some(
                f @ (Field::Direction | Field::Outcome | Field::State | Field::Channel),
            ) = field
            {
                vocab::choice(f, value)
            } else {
                format!("“{}”", value.replace('\n', " ⏎ "))
            };
            (order, t!("export-amend-was", label = label, value = shown))
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
                push(t!("export-incoming").into());
            }
            push(e.number.clone());
            push(e.department.clone());
            push(e.agent.clone());
            if let Some(h) = e.hold_seconds {
                push(t!("export-hold", duration = exact_duration(h)));
            }
            if let Some(t) = e.talk_seconds {
                push(t!("export-talk", duration = exact_duration(t)));
            }
            push(e.outcome.map(vocab::outcome).unwrap_or_default().into());
        }
        Kind::Redirect => {
            push(match (e.from.is_empty(), e.to.is_empty()) {
                (true, true) => String::new(),
                (false, true) => t!("export-from", place = e.from.as_str()),
                (true, false) => format!("→ {}", e.to),
                (false, false) => format!("{} → {}", e.from, e.to),
            });
            push(e.agent.clone());
        }
        Kind::Promise => {
            push(e.agent.clone());
            push(
                e.due
                    .map(|d| t!("export-due", when = local_day_minute(d)))
                    .unwrap_or_default(),
            );
            push(promise_state(e, now));
        }
        Kind::Visit => {
            push(e.who.clone());
            push(window(e));
            push(e.outcome.map(vocab::outcome).unwrap_or_default().into());
        }
        Kind::Message => {
            push(e.channel.map(vocab::channel).unwrap_or_default().into());
            push(if e.from.is_empty() {
                String::new()
            } else {
                t!("export-from", place = e.from.as_str())
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
            push(e.channel.map(vocab::channel).unwrap_or_default().into());
            push(e.outcome.map(vocab::outcome).unwrap_or_default().into());
            push(if e.to.is_empty() {
                String::new()
            } else {
                t!("export-to", place = e.to.as_str())
            });
            push(if e.r#ref.is_empty() {
                String::new()
            } else {
                t!("export-ref", reference = e.r#ref.as_str())
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
        (Some(a), None) => t!("export-from", place = local_day_minute(a)),
        (None, Some(b)) => t!("export-until", when = local_day_minute(b)),
        (None, None) => String::new(),
    }
}

/// The event on one line: `Fri 2013-08-16 18:05  call      0800-0402 · hold 25m — summary`,
/// with a loop flag (`back to 1200, 2nd time`) when there is one, as it stands at `now`.
pub fn event_line(e: &Event, flag: Option<&str>, now: DateTime<Utc>) -> String {
    let width = Kind::ALL
        .iter()
        .map(|k| vocab::kind(*k).chars().count())
        .max()
        .unwrap_or(9);
    let mut line = format!(
        "{}  {:<width$} ",
        local_day_minute(e.at),
        vocab::kind(e.kind)
    );
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
        (
            t!("export-counter-without-service"),
            span(c.without_service_seconds),
        ),
        (
            t!("export-counter-days-without-service"),
            c.days_without_service.to_string(),
        ),
        (t!("export-counter-redirects"), c.redirects.to_string()),
        (t!("export-counter-calls"), c.calls.to_string()),
        (t!("export-counter-hold"), span(c.hold_seconds)),
        // One hold: the same words as that hold's event.
        (
            t!("export-counter-longest-hold"),
            exact_duration(u64::try_from(c.longest_hold_seconds).unwrap_or(0)),
        ),
        (
            t!("export-counter-promises-broken"),
            c.promises_broken.to_string(),
        ),
        (
            t!("export-counter-promises-pending"),
            c.promises_pending.to_string(),
        ),
        (t!("export-counter-no-shows"), c.no_shows.to_string()),
        (t!("export-counter-days-open"), c.days_open.to_string()),
    ]
}

/// The case's terms for the escalation rules that are set, labelled: country, customer kind,
/// monthly fee.
pub fn terms(case: &Case) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let Some(c) = case.country {
        out.push((t!("export-term-country"), c.to_string()));
    }
    if let Some(k) = case.customer {
        out.push((t!("export-term-customer"), vocab::customer(k).to_string()));
    }
    if let (Some(fee), Some(cur)) = (case.monthly_fee_minor, case.currency) {
        out.push((t!("export-term-fee"), fmt::money(fee, cur)));
    }
    out
}

/// The `show` report: the case, its counters and its timeline.
pub fn show(case: &Case, now: DateTime<Utc>, read_only: Option<&str>) -> String {
    let mut out = String::new();
    out.push_str(&format!("{}\n", case.title));
    out.push_str(&t!(
        "export-show-head",
        organisation = case.organisation.as_str(),
        status = vocab::status(case.status),
        opened = local_minute(case.opened),
        id = case.id.as_str()
    ));
    out.push('\n');
    if let Some(reason) = read_only {
        out.push_str(&t!("export-show-read-only", reason = reason));
        out.push('\n');
    }
    if !case.tags.is_empty() {
        out.push_str(&t!("export-show-tags", tags = case.tags.join(", ")));
        out.push('\n');
    }
    for r in &case.references {
        out.push_str(&t!(
            "export-show-item",
            label = r.label.as_str(),
            value = r.value.as_str()
        ));
        out.push('\n');
    }
    for (label, value) in terms(case) {
        out.push_str(&t!("export-show-item", label = label, value = value));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&t!("export-show-as-of", when = local_minute(now)));
    out.push('\n');
    let counters = Counters::of(case, now);
    let labels = counter_labels(&counters);
    let width = labels
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    for (label, value) in labels {
        out.push_str(&format!("  {label:<width$}  {value}\n"));
    }
    if let Some(call) = &case.active_call {
        out.push('\n');
        out.push_str(&t!(
            "export-show-call",
            number = if call.number.is_empty() {
                "?"
            } else {
                call.number.as_str()
            },
            since = local_minute(call.started().unwrap_or(now)),
            hold = span(call.seconds_in(Phase::Hold, now)),
            talk = span(call.seconds_in(Phase::Talk, now)),
            transfers = call.transfers
        ));
        out.push('\n');
    }
    out.push_str(&format!("\n{}\n", t!("export-show-timeline")));
    if case.events.is_empty() {
        out.push_str(&format!("  {}\n", t!("export-show-no-events")));
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
        out.push_str(&format!("\n{}\n", t!("export-show-corrections")));
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
    t!(
        "export-deleted-on",
        when = when,
        line = event_line(e, None, now)
    )
}

/// The `list` table.
pub fn list_table(cases: &[(&Summary, Counters)]) -> String {
    let mut out = String::new();
    if cases.is_empty() {
        return format!("{}\n", t!("export-list-empty"));
    }
    out.push_str(&format!(
        "{:<10} {:<8} {:<16} {:>6} {:>5}  {:<16}  {}\n",
        t!("export-list-id"),
        t!("export-list-status"),
        t!("export-list-organisation"),
        t!("export-list-no-service"),
        t!("export-list-redirects"),
        t!("export-list-last-activity"),
        t!("export-list-title")
    ));
    // A summary holds what its case file holds, which may have been written by hand.
    let clean = crate::domain::text::clean_line;
    for (case, c) in cases {
        out.push_str(&format!(
            "{:<10} {:<8} {:<16} {:>6} {:>5}  {:<16}  {}\n",
            case.id,
            vocab::status(case.status),
            truncate(&clean(&case.organisation), 16),
            if c.without_service_seconds > 0 {
                t!("export-list-days", days = c.days_without_service)
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
