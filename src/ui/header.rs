//! The header: the selected case's counters, live, and the big stopwatch during a call.

use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::clocks::Escalation;
use super::theme::Theme;
use crate::app::keymap::{Action, Keymap};
use crate::domain::time::stopwatch;
use crate::domain::{ActiveCall, Case, Counters, Phase};
use crate::i18n::fmt::span;

/// The header of one case (or of none).
pub struct HeaderView<'a> {
    pub case: Option<&'a Case>,
    pub now: DateTime<Utc>,
    pub theme: &'a Theme,
    pub demo: bool,
    /// For the keys the header mentions.
    pub keymap: &'a Keymap,
    /// The nearest clock and the money so far, in words (see [`super::clocks`]).
    pub escalation: Option<&'a Escalation>,
    /// Whether the nearest clock has a row (see [`shows_clock`]).
    pub clock_row: bool,
}

/// From this height on, the header has a row for the nearest clock.
const CLOCK_ROW_FROM: u16 = 16;

/// The clock row's text at `width` columns, longest form that fits: with the key of the
/// clocks view, without it, or nothing.
fn clock_row(e: Option<&Escalation>, keymap: &Keymap, width: u16) -> Option<String> {
    let clock = e?.clock.as_ref()?;
    let width = usize::from(width.saturating_sub(1));
    let key = keymap.key_of(Action::Clocks);
    [
        crate::t!("header-all-clocks", clock = clock.as_str(), key = key),
        clock.clone(),
    ]
    .into_iter()
    .find(|s| s.chars().count() <= width)
}

/// Rows the header needs on `screen`: the title, the counters (wrapped), the nearest clock
/// (when it fits and the screen is tall enough), and the stopwatch.
pub fn height(
    case: Option<&Case>,
    escalation: Option<&Escalation>,
    now: DateTime<Utc>,
    screen: Rect,
) -> u16 {
    let Some(case) = case else { return 1 };
    let width = screen.width;
    let owed = escalation.and_then(|e| e.owed.as_deref());
    let items = counter_items(&Counters::of(case, now), owed, &Theme::new(true));
    let counter_rows = counter_lines(items, width.saturating_sub(1), &Theme::new(true))
        .len()
        .clamp(1, 3) as u16;
    let call = if case.active_call.is_some() { 3 } else { 0 };
    let clock = u16::from(shows_clock(escalation, screen));
    1 + counter_rows + clock + call
}

/// Whether the header has its clock row on `screen`: a clock to show, fitting the width
/// whole, and a screen tall enough to spare the row.
pub fn shows_clock(escalation: Option<&Escalation>, screen: Rect) -> bool {
    screen.height >= CLOCK_ROW_FROM
        && escalation
            .and_then(|e| e.clock.as_ref())
            .is_some_and(|c| c.chars().count() < usize::from(screen.width))
}

impl Widget for HeaderView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let Some(case) = self.case else {
            Paragraph::new(Line::from(vec![
                Span::styled(" runaround ", t.title),
                Span::styled(
                    crate::t!(
                        "header-no-case",
                        new = self.keymap.key_of(Action::NewCase),
                        help = self.keymap.key_of(Action::Help)
                    ),
                    t.dim,
                ),
            ]))
            .render(area, buf);
            return;
        };
        let mut title = vec![
            Span::styled(format!(" {}", case.title), t.title),
            Span::styled(
                format!(
                    "  {} · {}",
                    case.organisation,
                    crate::i18n::vocab::status(case.status)
                ),
                t.dim,
            ),
        ];
        if self.demo {
            // The longest words for the demo that fit the row whole, or none.
            let used = Line::from(title.clone()).width();
            let room = usize::from(area.width).saturating_sub(used + 1);
            if let Some(words) = [crate::t!("header-demo"), crate::t!("header-demo-short")]
                .into_iter()
                .map(|w| format!("  {w}"))
                .find(|w| Line::raw(w.as_str()).width() <= room)
            {
                title.push(Span::styled(words, t.warn));
            }
        }
        let call_rows = if case.active_call.is_some() { 3 } else { 0 };
        let clock_rows = u16::from(self.clock_row);
        let top = Rect {
            height: area.height.saturating_sub(call_rows + clock_rows),
            ..area
        };
        let [title_area, counters_area] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(top);
        Paragraph::new(Line::from(title)).render(title_area, buf);
        let c = Counters::of(case, self.now);
        let counters_area = Rect {
            x: counters_area.x.saturating_add(1),
            width: counters_area.width.saturating_sub(1),
            ..counters_area
        };
        let owed = self.escalation.and_then(|e| e.owed.as_deref());
        Paragraph::new(counter_lines(
            counter_items(&c, owed, t),
            counters_area.width,
            t,
        ))
        .render(counters_area, buf);
        if self.clock_row
            && let Some(text) = clock_row(self.escalation, self.keymap, area.width)
        {
            let row = Rect {
                x: area.x.saturating_add(1),
                y: top.y.saturating_add(top.height),
                width: area.width.saturating_sub(1),
                height: 1,
            }
            .intersection(area);
            Paragraph::new(Line::from(Span::styled(text, t.warn))).render(row, buf);
        }
        if let Some(call) = &case.active_call {
            let rows = Rect {
                y: area.y + top.height + clock_rows,
                height: area.height.saturating_sub(top.height + clock_rows),
                ..area
            };
            StopwatchView {
                call,
                now: self.now,
                theme: t,
                keymap: self.keymap,
                sent_back: crate::app::words::call_loop(case),
            }
            .render(rows, buf);
        }
    }
}

/// The counters in rows of at most `width` columns, each counter whole on one row: a label
/// is never parted from its number.
fn counter_lines(items: Vec<Vec<Span<'static>>>, width: u16, t: &Theme) -> Vec<Line<'static>> {
    let width = usize::from(width).max(1);
    let mut lines: Vec<Vec<Span<'static>>> = Vec::new();
    let mut used = 0;
    for item in items {
        let w: usize = item.iter().map(Span::width).sum();
        match lines.last_mut() {
            Some(row) if used + 3 + w <= width => {
                row.push(Span::styled(" · ", t.dim));
                used += 3 + w;
                row.extend(item);
            }
            _ => {
                used = w;
                lines.push(item);
            }
        }
    }
    lines.into_iter().map(Line::from).collect()
}

/// The counters, each its label and its value.
fn counter_items(c: &Counters, owed: Option<&str>, t: &Theme) -> Vec<Vec<Span<'static>>> {
    let mut spans = Vec::new();
    let mut item = |label: &str, value: String, bad: bool| {
        spans.push(vec![
            Span::styled(format!("{label} "), t.label),
            Span::styled(value, if bad { t.bad } else { t.value }),
        ]);
    };
    // A case that was never without service (a broken phone, a bill) does not say "0s".
    if c.without_service_seconds > 0 {
        item(
            crate::t!("counter-without-service"),
            span(c.without_service_seconds),
            true,
        );
    }
    item(
        crate::t!("counter-redirects"),
        c.redirects.to_string(),
        c.redirects > 0,
    );
    item(crate::t!("counter-calls"), c.calls.to_string(), false);
    item(crate::t!("counter-on-hold"), span(c.hold_seconds), false);
    item(
        crate::t!("counter-promises-broken"),
        c.promises_broken.to_string(),
        c.promises_broken > 0,
    );
    if c.promises_pending > 0 {
        item(
            crate::t!("counter-pending"),
            c.promises_pending.to_string(),
            false,
        );
    }
    if c.no_shows > 0 {
        item(crate::t!("counter-no-shows"), c.no_shows.to_string(), true);
    }
    item(
        crate::t!("counter-open"),
        crate::t!("counter-days", days = c.days_open),
        false,
    );
    if let Some(owed) = owed {
        item(crate::t!("counter-owed"), owed.to_string(), true);
    }
    spans
}

/// The running call: the current segment in big digits, the totals beside it.
pub struct StopwatchView<'a> {
    pub call: &'a ActiveCall,
    pub now: DateTime<Utc>,
    pub theme: &'a Theme,
    /// Where the call's keys come from (they may be rebound).
    pub keymap: &'a Keymap,
    /// The loop the last transfer closed, if it sent you back to a place seen before.
    pub sent_back: Option<crate::domain::Loop>,
}

impl Widget for StopwatchView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let (call, now) = (self.call, self.now);
        let phase = format!(
            " {} ",
            match call.phase() {
                Phase::Hold => crate::t!("stopwatch-phase-hold"),
                Phase::Talk => crate::t!("stopwatch-phase-talk"),
            }
        );
        // Both phases take the room of the longer, so the digits do not jump.
        let phase_w = [
            crate::t!("stopwatch-phase-hold"),
            crate::t!("stopwatch-phase-talk"),
        ]
        .iter()
        .map(|p| p.chars().count() + 2)
        .max()
        .unwrap_or(0);
        let phase = format!("{phase:<phase_w$}");
        let digits = big(&stopwatch(call.segment_seconds(now)));
        let who = if call.number.is_empty() {
            crate::t!("stopwatch-call").to_string()
        } else {
            crate::t!("stopwatch-call-to", number = call.number.as_str())
        };
        // Where the call is now: after a transfer, the place it was put through to.
        let here = if call.place.is_empty() {
            &call.department
        } else {
            &call.place
        };
        let dept = if here.is_empty() {
            String::new()
        } else {
            format!(" · {here}")
        };
        // Sent back somewhere you have been: said first, where you look while waiting.
        let (who, who_style) = match &self.sent_back {
            Some(l) => (format!("↺ {}", crate::app::words::loop_news(l)), t.bad),
            None => (format!("{who}{dept}"), t.value),
        };
        let info = [
            Line::from(vec![
                Span::styled(who, who_style),
                Span::styled(
                    format!(
                        " · {}",
                        crate::t!(
                            "stopwatch-in-all",
                            total = stopwatch(call.total_seconds(now))
                        )
                    ),
                    t.label,
                ),
            ]),
            Line::from(Span::styled(
                crate::t!(
                    "stopwatch-totals",
                    hold = stopwatch(call.seconds_in(Phase::Hold, now)),
                    talk = stopwatch(call.seconds_in(Phase::Talk, now)),
                    count = call.transfers
                ),
                t.label,
            )),
            Line::from(Span::styled(self.keymap.stopwatch_hint(), t.dim)),
        ];
        let lines: Vec<Line<'_>> = (0..3)
            .map(|i| {
                let label = if i == 1 {
                    Span::styled(
                        phase.clone(),
                        t.stopwatch.add_modifier(ratatui::style::Modifier::REVERSED),
                    )
                } else {
                    Span::raw(" ".repeat(phase_w))
                };
                let mut spans = vec![
                    Span::raw(" "),
                    label,
                    Span::raw(" "),
                    Span::styled(digits[i].clone(), t.stopwatch),
                    Span::raw("   "),
                ];
                spans.extend(info[i].spans.clone());
                Line::from(spans)
            })
            .collect();
        Paragraph::new(lines).render(area, buf);
    }
}

/// `12:05` in three rows of block characters.
fn big(text: &str) -> [String; 3] {
    let mut rows = [String::new(), String::new(), String::new()];
    for c in text.chars() {
        let glyph: [&str; 3] = match c {
            '0' => ["█▀█", "█ █", "█▄█"],
            '1' => ["▀█ ", " █ ", "▄█▄"],
            '2' => ["▀▀█", "█▀▀", "█▄▄"],
            '3' => ["▀▀█", " ▀█", "▄▄█"],
            '4' => ["█ █", "▀▀█", "  █"],
            '5' => ["█▀▀", "▀▀█", "▄▄█"],
            '6' => ["█▀▀", "█▀█", "█▄█"],
            '7' => ["▀▀█", "  █", "  █"],
            '8' => ["█▀█", "█▀█", "█▄█"],
            '9' => ["█▀█", "▀▀█", "▄▄█"],
            _ => [" ", "▀", "▀"],
        };
        for (row, g) in rows.iter_mut().zip(glyph) {
            row.push_str(g);
            row.push(' ');
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(c: &Counters) -> String {
        let _en = crate::i18n::Lang::En.scope();
        counter_items(c, None, &Theme::new(true))
            .iter()
            .flatten()
            .map(|s| s.content.to_string())
            .collect()
    }

    #[test]
    fn time_without_service_is_said_only_for_a_case_that_was_without_service() {
        let mut c = Counters {
            redirects: 4,
            ..Counters::default()
        };
        assert!(!said(&c).contains("without service"), "{}", said(&c));
        assert!(said(&c).contains("redirects 4"), "{}", said(&c));
        c.without_service_seconds = 90;
        assert!(said(&c).contains("without service 1m 30s"), "{}", said(&c));
    }
}
