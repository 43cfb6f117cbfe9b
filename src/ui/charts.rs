//! The charts picture: the hold of each call as a bar, and the time without service on each
//! day, for people who would rather look than read.

use chrono::{DateTime, Local, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph};

use super::theme::Theme;
use crate::domain::{Case, Kind};
use crate::i18n::fmt;
use crate::i18n::fmt::span;
use crate::t;

/// Each bar's width and the gap after it.
const BAR: u16 = 5;
const BAR_GAP: u16 = 1;

/// How many bars fit in `width` columns.
fn fitting(width: u16) -> usize {
    usize::from((width + BAR_GAP) / (BAR + BAR_GAP)).max(1)
}

/// Draws the charts of `case` at `now`.
pub fn draw(frame: &mut Frame, area: Rect, case: &Case, now: DateTime<Utc>, t: &Theme) {
    let [holds_area, days_area] =
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
    let calls: Vec<_> = case
        .events
        .iter()
        .filter(|e| e.kind == Kind::Call)
        .collect();
    let shown = calls.len().min(fitting(area.width));
    let bars: Vec<Bar> = calls[calls.len() - shown..]
        .iter()
        .map(|e| {
            let hold = e.hold_seconds.unwrap_or(0);
            Bar::default()
                .value(hold.div_ceil(60))
                .text_value(format!("{}m", hold.div_ceil(60)))
                .label(Line::from(fmt::date(&e.at.with_timezone(&Local), "%d/%m")))
        })
        .collect();
    let total: u64 = calls.iter().filter_map(|e| e.hold_seconds).sum();
    chart(
        frame,
        holds_area,
        t!(
            "pictures-chart-holds",
            count = calls.len(),
            total = span(i64::try_from(total).unwrap_or(i64::MAX))
        ),
        &bars,
        t!("pictures-chart-no-calls"),
        t,
    );
    let days = crate::domain::outages::days_without_service(case, now);
    let shown = days.len().min(fitting(area.width));
    let bars: Vec<Bar> = days[days.len() - shown..]
        .iter()
        .map(|(d, s)| {
            let hours = u64::try_from(*s).unwrap_or(0).div_ceil(3600);
            Bar::default()
                .value(hours)
                .text_value(format!("{hours}h"))
                .label(Line::from(fmt::day(*d, "%d/%m")))
        })
        .collect();
    let out: i64 = days.iter().map(|(_, s)| s).sum();
    let title = if days.is_empty() {
        t!("pictures-chart-no-outage").to_string()
    } else {
        t!("pictures-chart-days", total = span(out))
    };
    chart(frame, days_area, title, &bars, "", t);
}

/// A titled bar chart, or `empty` when there are no bars.
fn chart(frame: &mut Frame, area: Rect, title: String, bars: &[Bar], empty: &str, t: &Theme) {
    let [title_area, bars_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    frame.render_widget(Paragraph::new(Span::styled(title, t.title)), title_area);
    if bars.is_empty() {
        frame.render_widget(Paragraph::new(Span::styled(empty, t.dim)), bars_area);
        return;
    }
    frame.render_widget(
        BarChart::default()
            .data(BarGroup::default().bars(bars))
            .bar_width(BAR)
            .bar_gap(BAR_GAP)
            .bar_style(t.warn)
            .value_style(t.selected)
            .label_style(t.dim),
        bars_area,
    );
}
