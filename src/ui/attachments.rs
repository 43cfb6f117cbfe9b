//! The attachments overlay: the selected case's files, the chosen one marked, and on its
//! bottom line what the keys do.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::overlay::{centered, frame_block};
use super::theme::Theme;
use crate::app::attachments::listed;
use crate::app::keymap::{Action, Keymap};
use crate::domain::Case;
use crate::i18n::fmt;

/// The columns `s` takes on screen.
fn columns(s: &str) -> usize {
    Span::raw(s).width()
}

/// Cuts `s` to at most `width` columns, marking a cut with `…`.
fn fit(s: &str, width: usize) -> String {
    if columns(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        let mut longer = out.clone();
        longer.push(c);
        if columns(&longer) + 1 > width {
            break;
        }
        out = longer;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Draws the list over `area`; `selected` is the one Enter opens.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    case: Option<&Case>,
    selected: usize,
    keymap: &Keymap,
    t: &Theme,
) {
    let files = listed(case);
    let rows = u16::try_from(files.len().max(1)).unwrap_or(u16::MAX);
    let r = centered(area, 76, rows.saturating_add(3));
    if r.width < 3 || r.height < 3 {
        return;
    }
    frame.render_widget(Clear, r);
    let title = crate::t!("attach-tui-title");
    frame.render_widget(frame_block(title, t), r);
    let inner = Rect::new(r.x + 1, r.y + 1, r.width - 2, r.height - 2);
    let width = usize::from(inner.width);
    // The bottom line says what the keys do; the list takes the lines above it.
    let room = usize::from(inner.height.saturating_sub(1));
    let mut lines: Vec<Line> = Vec::new();
    if files.is_empty() {
        lines.push(Line::from(Span::styled(
            fit(crate::t!("attach-tui-none"), width),
            t.dim,
        )));
    } else {
        let first = selected.saturating_sub(room.saturating_sub(1));
        for (i, a) in files.iter().enumerate().skip(first).take(room) {
            let facts = crate::t!(
                "attach-tui-facts",
                size = fmt::number(a.size),
                sha = &a.sha256[..a.sha256.len().min(8)]
            );
            let marker = if i == selected { "▸ " } else { "  " };
            let title_room = width.saturating_sub(2).saturating_sub(columns(&facts) + 2);
            let text = fit(a.title(), title_room);
            let style = if i == selected { t.selected } else { t.value };
            let pad = title_room.saturating_sub(columns(&text));
            lines.push(Line::from(vec![
                Span::styled(format!("{marker}{text}"), style),
                Span::raw(" ".repeat(pad + 2)),
                Span::styled(facts, t.dim),
            ]));
        }
    }
    while lines.len() < room {
        lines.push(Line::raw(""));
    }
    lines.push(Line::from(Span::styled(
        fit(
            &crate::t!("attach-tui-hint", key = keymap.key_of(Action::Open)),
            width,
        ),
        t.dim,
    )));
    frame.render_widget(Paragraph::new(lines), inner);
}
