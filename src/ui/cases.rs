//! The Cases pane: every case the filter and search let through, most recently active first.

use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, StatefulWidget};

use super::theme::Theme;
use crate::app::Row;

/// The list of cases.
pub struct CaseListView<'a> {
    pub rows: &'a [Row],
    pub visible: &'a [usize],
    pub now: DateTime<Utc>,
    pub theme: &'a Theme,
    pub block: Block<'a>,
}

impl StatefulWidget for CaseListView<'_> {
    type State = ListState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut ListState) {
        let t = self.theme;
        // Only the rows that can be on screen are built (the list can hold thousands).
        let height = usize::from(area.height.saturating_sub(2)) / 2 + 1;
        let selected = state.selected().unwrap_or(0);
        let first = state
            .offset()
            .min(selected)
            .max(selected.saturating_sub(height.saturating_sub(1)));
        let items: Vec<ListItem<'_>> = self
            .visible
            .iter()
            .enumerate()
            .map(|(i, &r)| {
                if i < first || i > first + height {
                    ListItem::new("")
                } else {
                    item(&self.rows[r], self.now, t)
                }
            })
            .collect();
        let list = List::new(items)
            .block(self.block)
            .highlight_style(t.selected)
            .highlight_symbol("▌");
        StatefulWidget::render(list, area, buf, state);
    }
}

fn item<'a>(row: &'a Row, now: DateTime<Utc>, t: &Theme) -> ListItem<'a> {
    match row {
        Row::Unreadable { id, reason } => ListItem::new(vec![
            Line::from(Span::styled(format!("⚠ {id} (unreadable)"), t.bad)),
            Line::from(Span::styled(reason.clone(), t.dim)),
        ]),
        Row::Case {
            summary: case,
            read_only,
        } => {
            // A summary cannot answer for a moment before its last event (the clock went
            // back): the badges are left out then.
            let c = case.counters(now).unwrap_or_default();
            let mut title = vec![Span::styled(case.title.as_str(), t.title)];
            if case.active_call.is_some() {
                title.insert(0, Span::styled("☎ ", t.stopwatch));
            }
            let mut meta = vec![Span::styled(
                format!("{} · {}", case.organisation, case.status),
                t.dim,
            )];
            if c.without_service_seconds > 0 {
                meta.push(Span::styled(
                    format!(" · {}d no service", c.days_without_service),
                    t.bad,
                ));
            }
            if c.redirects > 0 {
                meta.push(Span::styled(format!(" · ↪{}", c.redirects), t.warn));
            }
            if read_only.is_some() {
                meta.push(Span::styled(" · read-only", t.warn));
            }
            ListItem::new(vec![Line::from(title), Line::from(meta)])
        }
    }
}
