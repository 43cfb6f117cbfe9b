//! The Timeline pane: one line per event, and the selected event in full below.

use chrono::{DateTime, Local, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap};

use super::theme::Theme;
use crate::app::keymap::{Action, Keymap};
use crate::app::words::loop_flags;
use crate::domain::{Case, Event, Field, Kind, Outcome, PromiseState};
use crate::export::text::{amendment_line, facets, promise_state};
use crate::i18n::fmt;

/// The timeline of one case.
pub struct TimelineView<'a> {
    pub case: Option<&'a Case>,
    /// The id and reason when the selected case file cannot be read.
    pub unreadable: Option<(&'a str, &'a str)>,
    pub now: DateTime<Utc>,
    pub theme: &'a Theme,
    pub block: Block<'a>,
    /// The config's strftime format for the date column (None: the built-in ones).
    pub date_format: Option<&'a str>,
    /// For the keys the empty timeline mentions.
    pub keymap: &'a Keymap,
}

impl StatefulWidget for TimelineView<'_> {
    type State = ListState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut ListState) {
        let t = self.theme;
        let inner = self.block.inner(area);
        self.block.render(area, buf);
        let Some(case) = self.case else {
            if let Some((id, reason)) = self.unreadable {
                let lines = vec![
                    Line::styled(crate::t!("timeline-unreadable", id = id), t.bad),
                    Line::raw(reason),
                    Line::raw(""),
                    Line::styled(crate::t!("timeline-unreadable-help"), t.dim),
                ];
                Paragraph::new(lines)
                    .wrap(Wrap { trim: false })
                    .render(inner, buf);
            }
            return;
        };
        if case.events.is_empty() {
            Paragraph::new(Span::styled(
                crate::t!(
                    "timeline-empty",
                    log = self.keymap.key_of(Action::LogEvent),
                    call = self.keymap.key_of(Action::StartCall)
                ),
                t.dim,
            ))
            .render(inner, buf);
            return;
        }
        let detail_rows = detail_rows(inner.height);
        let [list_area, detail_area] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(detail_rows)]).areas(inner);
        let flags = loop_flags(case);
        let wide = inner.width >= 60;
        let items: Vec<ListItem<'_>> = case
            .events
            .iter()
            .zip(&flags)
            .map(|(e, flag)| {
                let when = when(e, wide, self.date_format);
                ListItem::new(line(e, &when, flag.as_deref(), self.now, t))
            })
            .collect();
        StatefulWidget::render(
            List::new(items).highlight_style(t.selected),
            list_area,
            buf,
            state,
        );
        if detail_rows > 0
            && let Some(e) = state.selected().and_then(|i| case.events.get(i))
        {
            let flag = state
                .selected()
                .and_then(|i| flags.get(i))
                .cloned()
                .flatten();
            details(e, flag, self.now, t).render(detail_area, buf);
        }
    }
}

/// How many lines of a timeline `height` lines high show the selected event's details.
pub fn detail_rows(height: u16) -> u16 {
    if height >= 12 {
        5
    } else if height >= 7 {
        3
    } else {
        0
    }
}

/// The date column of event `e`: the config's format, else one that fits the pane.
fn when(e: &Event, wide: bool, format: Option<&str>) -> String {
    use std::fmt::Write;
    let local = e.at.with_timezone(&Local);
    let mut out = String::new();
    // The config's format was checked when it was read; a bad one still must not panic here.
    if let Some(format) = format
        && write!(out, "{}", local.format(format)).is_ok()
    {
        // The same format, with its day and month names in the reader's language.
        return fmt::date(&local, format);
    }
    if wide {
        // The names padded to the language's longest, so that the column stays straight.
        format!(
            "{:<dw$} {} {:<mw$} {}",
            fmt::date(&local, "%a"),
            local.format("%d"),
            fmt::date(&local, "%b"),
            local.format("%H:%M"),
            dw = fmt::weekday_short_width(),
            mw = fmt::month_short_width(),
        )
    } else {
        local.format("%d/%m %H:%M").to_string()
    }
}

fn line<'a>(
    e: &'a Event,
    when: &str,
    flag: Option<&str>,
    now: DateTime<Utc>,
    t: &Theme,
) -> Line<'a> {
    let mut spans = vec![
        Span::styled(format!("{when} "), t.dim),
        Span::styled(kind_column(e.kind), kind_style(e, now, t)),
    ];
    let facts = facets(e, now).join(" · ");
    if !facts.is_empty() {
        spans.push(Span::styled(facts, t.label));
        spans.push(Span::styled(" ", t.dim));
    }
    spans.push(Span::raw(e.summary.as_str()));
    if !e.amendments.is_empty() {
        spans.push(Span::styled(
            format!(" ({})", crate::t!("timeline-amended")),
            t.dim,
        ));
    }
    if let Some(flag) = flag {
        spans.push(Span::styled(format!(" ⟲ {flag}"), t.bad));
    }
    Line::from(spans)
}

/// The kind column: nine columns wide, and a kind that fills them (`complaint`, `doorverw.`)
/// still has a space after it.
fn kind_column(kind: Kind) -> String {
    let word = crate::i18n::vocab::kind_short(kind);
    if word.chars().count() >= 9 {
        format!("{word} ")
    } else {
        format!("{word:<9}")
    }
}

fn kind_style(e: &Event, now: DateTime<Utc>, t: &Theme) -> ratatui::style::Style {
    match e.kind {
        Kind::Outage => t.bad,
        Kind::Restored => t.good,
        Kind::Redirect => t.warn,
        Kind::Promise if e.effective_state(now) == Some(PromiseState::Broken) => t.bad,
        Kind::Visit if e.outcome == Some(Outcome::NoShow) || e.outcome == Some(Outcome::Failed) => {
            t.bad
        }
        _ => t.kind,
    }
}

fn details<'a>(e: &'a Event, flag: Option<String>, now: DateTime<Utc>, t: &Theme) -> Paragraph<'a> {
    let mut head = vec![Span::styled(
        format!(
            "{} · {}",
            fmt::date(&e.at.with_timezone(&Local), "%a %Y-%m-%d %H:%M"),
            crate::i18n::vocab::kind(e.kind)
        ),
        t.value,
    )];
    if let Some(flag) = flag {
        head.push(Span::styled(format!(" · {flag}"), t.bad));
    }
    let mut lines = vec![Line::from(head)];
    let mut fields = Vec::new();
    for f in e.kind.fields() {
        let v = if *f == Field::State {
            promise_state(e, now)
        } else {
            e.get(*f)
        };
        if !v.is_empty() {
            fields.push(Span::styled(
                format!("{}: ", crate::i18n::vocab::field(*f)),
                t.dim,
            ));
            fields.push(Span::styled(format!("{v}  "), t.label));
        }
    }
    if !fields.is_empty() {
        lines.push(Line::from(fields));
    }
    // The corrections, latest first: evidence shows its own.
    lines.extend(
        e.amendments
            .iter()
            .rev()
            .map(|a| Line::styled(amendment_line(a), t.warn)),
    );
    if !e.summary.is_empty() {
        lines.push(Line::raw(e.summary.as_str()));
    }
    lines.extend(e.detail.lines().map(|l| Line::styled(l, t.label)));
    Paragraph::new(lines).wrap(Wrap { trim: false }).block(
        Block::new()
            .borders(ratatui::widgets::Borders::TOP)
            .border_style(t.border),
    )
}
