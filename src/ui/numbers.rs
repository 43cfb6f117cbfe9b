//! The directory picture: the numbers and departments of the selected case's organisation,
//! learned from every case, one line each (calls, median and longest hold, how often it sent
//! you elsewhere), and the picked one's outcomes, where it sent you and who sent you there.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use crate::app::{App, Pictures};
use crate::cli::map::{entry_details, place_word};
use crate::domain::directory::Entry;
use crate::i18n::fmt::span;
use crate::t;

fn hold(seconds: Option<u64>) -> String {
    seconds.map_or_else(
        || "–".to_string(),
        |s| span(i64::try_from(s).unwrap_or(i64::MAX)),
    )
}

/// `text` cut or padded to `width` columns.
fn cell(text: &str, width: usize) -> String {
    let n = text.chars().count();
    if n > width {
        let mut s: String = text.chars().take(width.saturating_sub(1)).collect();
        s.push('…');
        s
    } else {
        format!("{text}{}", " ".repeat(width - n))
    }
}

/// `text` cut or padded on the left to `width` columns.
fn right(text: &str, width: usize) -> String {
    let cut = cell(text, width);
    let text = cut.trim_end();
    format!("{}{text}", " ".repeat(width - text.chars().count()))
}

/// One entry's line of the table.
fn row(e: &Entry, place_w: usize) -> String {
    format!(
        "{} {} {:>6} {:>8} {:>8}  {}",
        cell(&e.place, place_w),
        cell(place_word(e.kind.place()), 10),
        e.calls,
        hold(e.median_hold_seconds),
        hold(e.longest_hold_seconds),
        if e.contacts > 0 {
            format!("{}/{}", e.sent_elsewhere, e.contacts)
        } else {
            String::new()
        }
    )
}

/// Draws the directory of the selected case's organisation (every organisation's without one).
pub fn draw(frame: &mut Frame, area: Rect, app: &App, p: &Pictures, t: &Theme) {
    let Some(directory) = &p.directory else {
        frame.render_widget(
            Paragraph::new(Span::styled(t!("pictures-numbers-learning"), t.dim)),
            area,
        );
        return;
    };
    let org = app.selected().map(|c| c.organisation.as_str());
    let entries: Vec<&Entry> = directory.of(org).collect();
    if entries.is_empty() {
        let none = match org {
            Some(o) => t!("pictures-numbers-none-for", organisation = o),
            None => t!("pictures-numbers-none").to_string(),
        };
        frame.render_widget(Paragraph::new(Span::styled(none, t.dim)), area);
        return;
    }
    let selected = p.selected.min(entries.len() - 1);
    let place_w = entries
        .iter()
        .map(|e| e.place.chars().count())
        .max()
        .unwrap_or(0)
        .clamp(6, 18);
    let mut lines = vec![
        Line::styled(
            t!(
                "pictures-numbers-heading",
                organisation = org.unwrap_or("").to_string(),
                count = entries.len()
            ),
            t.title,
        ),
        Line::styled(
            format!(
                "{} {} {:>6} {:>8} {:>8}  {}",
                cell(t!("pictures-col-place"), place_w),
                cell(t!("pictures-col-kind"), 10),
                right(t!("pictures-col-calls"), 6),
                right(t!("pictures-col-median"), 8),
                right(t!("pictures-col-longest"), 8),
                t!("pictures-col-sent-on")
            ),
            t.label,
        ),
    ];
    // The table takes what the picked entry's details leave.
    let details = entry_details(entries[selected]);
    let room = usize::from(area.height)
        .saturating_sub(lines.len() + details.len() + 2)
        .max(3);
    let first = selected.saturating_sub(room.saturating_sub(1));
    for (i, e) in entries.iter().enumerate().skip(first).take(room) {
        let style = if i == selected { t.selected } else { t.value };
        lines.push(Line::styled(row(e, place_w), style));
    }
    lines.push(Line::raw(""));
    let e = entries[selected];
    lines.push(Line::styled(format!("▸ {}", e.place), t.title));
    for d in details {
        lines.push(Line::styled(format!("  {d}"), t.label));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}
