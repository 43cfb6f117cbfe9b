//! The escalation rules in the TUI: the nearest clock and the money so far for the header,
//! and the overlay with every clock and estimate, their basis and sources. The report is the
//! engine's (pure); the words are the command line's where it has them.

use chrono::{DateTime, Datelike, Local, Utc};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::overlay::{centered, scrolled};
use super::theme::Theme;
use crate::app::Action;
use crate::app::keymap::Keymap;
use crate::cli::escalation::{not_advice, report_text};
use crate::domain::{Case, Channel, Event, Kind, Status};
use crate::rules::engine::{self, ClockOut, Report, State};
use crate::rules::load::Packs;
use crate::rules::schema::Meaning;

/// What the header says of a case's escalation, in plain words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Escalation {
    /// The nearest clock ("Geschillencommissie from Tue 28 Apr"), or the one a written
    /// complaint made now would start ("written complaint today → reply due Tue 28 Apr").
    pub clock: Option<String>,
    /// The compensation so far: "≥ € 10,00 (estimate)".
    pub owed: Option<String>,
}

/// The escalation words of `case` at `now`: nothing for a case without a country or without
/// rules for it.
pub fn escalation(case: &Case, packs: &Packs, now: DateTime<Utc>) -> Escalation {
    let report = engine::evaluate(case, packs, now);
    if case.country.is_none() || report.currency.is_none() {
        return Escalation::default();
    }
    let mut clock = nearest(&report.clocks).map(|c| clock_words(c, now));
    if clock.is_none() {
        clock = after_a_complaint(case, packs, now);
    }
    let owed = report.currency.and_then(|cur| {
        if report.total_minor > 0 {
            Some(crate::t!(
                "owed-at-least",
                money = unbroken(&crate::i18n::fmt::money(report.total_minor, cur))
            ))
        } else if report.total_high_minor > 0 {
            Some(crate::t!(
                "owed-up-to",
                money = unbroken(&crate::i18n::fmt::money(report.total_high_minor, cur))
            ))
        } else {
            None
        }
    });
    Escalation { clock, owed }
}

/// `money` with no-break spaces, so that a wrapped header never parts `€` from `10,00`.
fn unbroken(money: &str) -> String {
    money.replace(' ', "\u{a0}")
}

/// The clock to show: the running one due soonest, else the one that passed last.
fn nearest(clocks: &[ClockOut]) -> Option<&ClockOut> {
    clocks
        .iter()
        .filter(|c| c.state == State::Running)
        .min_by_key(|c| c.due)
        .or_else(|| {
            clocks
                .iter()
                .filter(|c| c.state == State::Passed)
                .max_by_key(|c| c.due)
        })
}

/// For an open case without a written complaint: the nearest clock one made now would start.
fn after_a_complaint(case: &Case, packs: &Packs, now: DateTime<Utc>) -> Option<String> {
    let written = case
        .events
        .iter()
        .any(|e| e.kind == Kind::Complaint && e.channel.is_some_and(Channel::written));
    if written || case.status != Status::Open {
        return None;
    }
    let mut with = case.clone();
    let mut complaint = Event::new(Kind::Complaint, now, "");
    complaint.channel = Some(Channel::Letter);
    with.events.push(complaint);
    let at = with.events.len() - 1;
    let report = engine::evaluate(&with, packs, now);
    let started: Vec<ClockOut> = report
        .clocks
        .into_iter()
        .filter(|c| c.events.first() == Some(&at))
        .collect();
    nearest(&started).map(|c| crate::t!("clock-after-complaint", clock = clock_words(c, now)))
}

/// "Geschillencommissie from Tue 28 Apr", "reply due Fri 18 Dec", "CISAS last day Mon 3 May
/// 2027".
fn clock_words(c: &ClockOut, now: DateTime<Utc>) -> String {
    let title = crate::cli::escalation::title(&c.titles, &c.rule);
    // The body a rule's title names before its colon ("Geschillencommissie: …"), if short.
    let name = title
        .split_once(':')
        .map(|(n, _)| n.trim())
        .filter(|n| !n.is_empty() && n.chars().count() <= 24);
    let date = short_date(c.due_local, now);
    let passed = c.state == State::Passed;
    let date = date.as_str();
    match (c.meaning, name, passed) {
        (Meaning::Earliest, Some(n), false) => crate::t!("clock-named-from", name = n, date = date),
        (Meaning::Earliest, None, false) => crate::t!("clock-escalate-from", date = date),
        (Meaning::Earliest, Some(n), true) => {
            crate::t!("clock-named-open-since", name = n, date = date)
        }
        (Meaning::Earliest, None, true) => crate::t!("clock-escalate-since", date = date),
        (Meaning::Latest, Some(n), false) => {
            crate::t!("clock-named-last-day", name = n, date = date)
        }
        (Meaning::Latest, None, false) => crate::t!("clock-last-day", date = date),
        (Meaning::Latest, _, true) => crate::t!("clock-last-day-was", date = date),
        (Meaning::ReplyDue, Some(n), false) => crate::t!("clock-named-by", name = n, date = date),
        (Meaning::ReplyDue, None, false) => crate::t!("clock-reply-due", date = date),
        (Meaning::ReplyDue, Some(n), true) => {
            crate::t!("clock-named-overdue", name = n, date = date)
        }
        (Meaning::ReplyDue, None, true) => crate::t!("clock-reply-overdue", date = date),
        (Meaning::ClaimBy, Some(n), false) => {
            crate::t!("clock-named-claim-by", name = n, date = date)
        }
        (Meaning::ClaimBy, None, false) => crate::t!("clock-claim-by", date = date),
        (Meaning::ClaimBy, _, true) => crate::t!("clock-claim-closed", date = date),
    }
}

/// "Tue 28 Apr", with the year when it is not this year's.
/// A clock's day as its country's wall clock shows it ("Tue 29 Dec"; with the year when it is
/// not this year).
fn short_date(local: chrono::NaiveDateTime, now: DateTime<Utc>) -> String {
    if local.year() == now.with_timezone(&Local).year() {
        crate::i18n::fmt::day(local.date(), "%a %-d %b")
    } else {
        crate::i18n::fmt::day(local.date(), "%a %-d %b %Y")
    }
}

/// The lines of the clocks overlay: the command line's `clocks` text, and what a written
/// complaint would start when none was made.
pub fn overlay_text(case: &Case, packs: &Packs, now: DateTime<Utc>) -> Vec<String> {
    let report: Report = engine::evaluate(case, packs, now);
    let mut case = case.clone();
    case.clean_text();
    let mut text = report_text(&case, &report);
    if report.clocks.is_empty()
        && let Some(next) = after_a_complaint(&case, packs, now)
    {
        text.push_str(&format!("\n{}\n  {next}\n", crate::t!("clocks-none-yet")));
    }
    if !text.contains(not_advice()) {
        text.push_str(&format!("\n{}\n", not_advice()));
    }
    text.lines().map(str::to_string).collect()
}

/// `line` broken at spaces into pieces of at most `width` columns, continuing at its indent;
/// a word longer than a piece (a long address) is broken where the piece ends.
pub(super) fn wrap(line: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let indent = line.chars().take_while(|c| *c == ' ').count();
    let pad = indent.min(width / 2);
    let mut out = Vec::new();
    let mut rest: Vec<char> = line.trim_end().chars().collect();
    let mut lead = indent;
    while rest.len() > width {
        // The last space within the piece, after its indent.
        let cut = (lead + 1..=width).rev().find(|&i| rest[i] == ' ');
        let (piece, next) = match cut {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (&rest[..width], &rest[width..]),
        };
        out.push(piece.iter().collect::<String>().trim_end().to_string());
        let next: Vec<char> = next.iter().copied().skip_while(|c| *c == ' ').collect();
        rest = std::iter::repeat_n(' ', pad).chain(next).collect();
        lead = pad;
    }
    out.push(rest.into_iter().collect());
    out
}

/// Every clock and estimate of the selected case, scrolled with the help's keys.
#[allow(clippy::too_many_arguments)] // the overlay's inputs, each a borrow of the model
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    case: Option<&Case>,
    packs: &Packs,
    now: DateTime<Utc>,
    keymap: &Keymap,
    scroll: &mut u16,
    t: &Theme,
) {
    let text = case.map_or_else(
        || vec![crate::t!("clocks-no-case").to_string()],
        |c| overlay_text(c, packs, now),
    );
    let r = centered(area, 96, u16::MAX);
    let inner = usize::from(r.width.saturating_sub(2).max(1));
    let mut lines: Vec<Line> = Vec::new();
    for (i, l) in text.iter().enumerate() {
        let style = if i == 0 || (!l.starts_with(' ') && !l.is_empty()) {
            t.title
        } else {
            t.label
        };
        for piece in wrap(l, inner) {
            lines.push(Line::from(Span::styled(piece, style)));
        }
    }
    lines.push(Line::from(Span::styled(
        crate::t!("clocks-close", key = keymap.key_of(Action::Clocks)),
        t.dim,
    )));
    scrolled(
        frame,
        area,
        96,
        crate::t!("clocks-title"),
        lines,
        keymap,
        scroll,
        t,
    );
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn long_lines_break_at_spaces_and_keep_their_indent() {
        assert_eq!(
            wrap("    one two three four", 12),
            vec!["    one two", "    three", "    four"]
        );
        assert_eq!(wrap("  € 1  on-request", 40), vec!["  € 1  on-request"]);
        assert_eq!(
            wrap("  https://example", 8),
            vec!["  https:", "  //exam", "  ple"]
        );
        assert_eq!(wrap("", 10), vec![""]);
        assert_eq!(wrap("short", 10), vec!["short"]);
    }
}
